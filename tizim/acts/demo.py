"""Acts, incidents, facilities and evidence for the FICTIONAL demo (``tizim demo``).

Facility names and the two incidents paraphrase what the seed articles of January 2022 made
public (the shooting at Republic Square on the evening of 6 January; police going through
hospital wards); every act, every victim and every officer's name is generated and fictional,
and the evidence files are generated images. Acts are given to persons already in the registry
(imported from the demo lists and linked), following each person's own fate timeline.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import random
from typing import TextIO

from django.db import transaction
from PIL import Image, ImageDraw

from tizim.accounts.selectors import recipients
from tizim.acts import services
from tizim.acts.models import Act, Event, Evidence, Facility, Unit
from tizim.core import sealing
from tizim.core.acts.vocabulary import ActType, FacilityKind, UnitKind
from tizim.core.dates import PartialDateTime
from tizim.registry.models import FateEvent, Person, Source

DEMO = "demo"
SOURCE = "demo-interviews"

# slug, kind, English, Russian, Kazakh, place
FACILITIES: tuple[tuple[str, FacilityKind, str, str, str, str], ...] = (
    (
        "almaty-police-department",
        FacilityKind.INTERIOR_MINISTRY,
        "Almaty City Police Department (Interior Ministry building)",
        "Департамент полиции г. Алматы (здание МВД)",
        "Алматы қаласының Полиция департаменті (ІІМ ғимараты)",
        "almaty",
    ),
    (
        "almaty-ivs",
        FacilityKind.TEMPORARY_DETENTION,
        "Temporary detention centre (IVS) of the Almaty Police Department",
        "ИВС ДП г. Алматы",
        "Алматы қ. ПД уақытша ұстау изоляторы (УҰИ)",
        "almaty",
    ),
    (
        "almaty-sizo",
        FacilityKind.PRETRIAL_DETENTION,
        "Pre-trial detention centre (SIZO), Almaty",
        "Следственный изолятор (СИЗО), г. Алматы",
        "Тергеу изоляторы (ТИ), Алматы қ.",
        "almaty",
    ),
    (
        "almaty-auezov-police",
        FacilityKind.POLICE_STATION,
        "Auezov district police station, Almaty",
        "Управление полиции Ауэзовского района г. Алматы",
        "Алматы қ. Әуезов ауданының полиция басқармасы",
        "almaty",
    ),
    (
        "almaty-emergency-hospital",
        FacilityKind.HOSPITAL,
        "City emergency hospital, Almaty",
        "Городская больница скорой помощи, г. Алматы",
        "Жедел жәрдем қалалық ауруханасы, Алматы қ.",
        "almaty",
    ),
    (
        "almaty-clinical-hospital",
        FacilityKind.HOSPITAL,
        "City clinical hospital, Almaty",
        "Городская клиническая больница, г. Алматы",
        "Қалалық клиникалық аурухана, Алматы қ.",
        "almaty",
    ),
    (
        "almaty-morgue",
        FacilityKind.MORGUE,
        "City morgue, Almaty",
        "Городской морг, г. Алматы",
        "Қалалық мәйітхана (морг), Алматы қ.",
        "almaty",
    ),
    (
        "taldykorgan-police",
        FacilityKind.POLICE_STATION,
        "Taldykorgan city police department",
        "Отдел полиции г. Талдыкорган",
        "Талдықорған қаласының полиция бөлімі",
        "taldykorgan",
    ),
)

UNITS: tuple[tuple[UnitKind, str, str, str], ...] = (
    (UnitKind.POLICE, "Almaty city police", "Полиция г. Алматы", "Алматы қаласының полициясы"),
    (UnitKind.SPECIAL_POLICE, "Special police (SOBR), Almaty", "СОБР ДП г. Алматы", "СОБР, Алматы"),
    (
        UnitKind.NATIONAL_GUARD,
        "National Guard, Almaty",
        "Нацгвардия, Алматы",
        "Ұлттық ұлан, Алматы",
    ),
    (UnitKind.CSTO, "CSTO contingent", "Контингент ОДКБ", "ҰҚШҰ контингенті"),
)

# Fictional officers: invented surnames, sealed like real ones would be.
OFFICERS = ("Lt. Demo-Akhmetov", "Sgt. Fictive-Baimukhanov", "Capt. Invented-Ospanov")


def _pdt(day: int, hour: int | None = None, *, about: bool = False) -> PartialDateTime:
    return PartialDateTime(2022, 1, day, hour, None, about)


def demo_image(seed: int, caption: str) -> bytes:
    """A generated photo-like JPEG (a coloured field with a caption), with a fictional camera
    tag and GPS position, so that the viewing copy visibly loses them."""
    rng = random.Random(seed)
    image = Image.new("RGB", (360, 240), (rng.randrange(90, 200), rng.randrange(40, 120), 90))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(0, 340), rng.randrange(0, 220)
        draw.ellipse(
            (x, y, x + rng.randrange(10, 50), y + rng.randrange(10, 40)), fill=(120, 60, 90)
        )
    draw.text((10, 210), f"FICTIONAL DEMO — {caption}", fill=(255, 255, 255))
    exif = Image.Exif()
    exif[0x010F] = "DemoPhone"
    exif[0x8825] = {1: "N", 2: (43.0, 14.0, 30.0), 3: "E", 4: (76.0, 53.0, 0.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, quality=88)
    return out.getvalue()


def _persons_with(fates: set[str], limit: int) -> list[tuple[Person, datetime.date]]:
    found: dict[int, tuple[Person, datetime.date]] = {}
    events = (
        FateEvent.objects.filter(fate__in=fates)
        .select_related("person")
        .order_by("person_id", "on_date")
    )
    for event in events:
        if event.person_id not in found:
            found[event.person_id] = (event.person, event.on_date)
        if len(found) >= limit:
            break
    return list(found.values())


def load_demo_acts(out: TextIO, *, seed: int = 2022) -> int:
    """Create the demo's facilities, units, incidents, acts and evidence (once); returns the
    number of acts created. Evidence and officers' names are sealed to the current recipients:
    when none can open the demo evidence any more (the demo user's password, and with it the
    key, is reset on each run), fresh copies are sealed for them."""
    if Act.objects.filter(created_by=DEMO).exists():
        return _refresh_sealed(out, seed)
    rng = random.Random(seed)
    with transaction.atomic():
        acts = _DemoActs(_demo_source(), rng)
        facilities = {
            slug: Facility.objects.filter(slug=slug).first()
            or services.create_facility(
                slug, kind=kind, name_en=en, name_ru=ru, name_kk=kk, place_code=place, actor=DEMO
            )
            for slug, kind, en, ru, kk, place in FACILITIES
        }
        units = {
            kind: services.create_unit(kind=kind, name_en=en, name_ru=ru, name_kk=kk, actor=DEMO)
            for kind, en, ru, kk in UNITS
        }
        square, raids = _demo_incidents(facilities)
        _killings(acts, square)
        _custody(acts, facilities, units)
        _injuries(acts, facilities, square, raids)
    files = _add_evidence(seed) if recipients() else 0
    print(
        f"  acts: {acts.created} acts (FICTIONAL) for persons of the demo lists, "
        f"{len(FACILITIES)} facilities, 2 incidents, {files} sealed evidence files",
        file=out,
    )
    return acts.created


def _demo_source() -> Source:
    """The fictional interviews every demo act cites."""
    source = Source.objects.filter(name=SOURCE).first()
    if source is not None:
        return source
    from tizim.registry.sources import create_source

    return create_source(
        SOURCE,
        kind=Source.Kind.INTERVIEW,
        title="FICTIONAL: interviews with families and survivors (demo)",
        organisation="Demo documenting organisation",
        language="ru",
        obtained_on=datetime.date(2022, 2, 1),
        actor=DEMO,
    )


def _demo_incidents(facilities: dict[str, Facility]) -> tuple[Event, Event]:
    """The two incidents the demo's acts belong to: the shooting on the square and the raids
    on hospital wards."""
    square = services.create_event(
        "Shooting at Republic Square, Almaty, evening of 6 January",
        start=_pdt(6, 19, about=True),
        end=_pdt(6, 23),
        place_code="almaty",
        description="Security forces opened fire on people who stayed on the square after "
        "dark, many of them seeking an end to the shooting (as reported in the press).",
        actor=DEMO,
    )
    raids = services.create_event(
        "Police searches of hospital wards, Almaty",
        start=PartialDateTime(2022, 1, 10, approximate=True),
        end=PartialDateTime(2022, 1, 20, approximate=True),
        place_code="almaty",
        facility=facilities["almaty-emergency-hospital"],
        description="Uniformed men went through wards looking for people wounded in the "
        "protests (as reported in the press).",
        actor=DEMO,
    )
    return square, raids


class _DemoActs:
    """Records the demo's acts, each citing an interview, and counts them."""

    def __init__(self, source: Source, rng: random.Random) -> None:
        self.source = source
        self.rng = rng
        self.created = 0

    def act(
        self, person: Person, act_type: ActType, start: PartialDateTime | None, **kw: object
    ) -> Act:
        """Record one act of ``act_type`` against ``person``."""
        self.created += 1
        return services.record_act(
            person,
            act_type=act_type,
            start=start,
            citations=[
                services.Citation(self.source, f"interview {self.rng.randrange(1, 90):02d}")
            ],
            confidence=self.rng.choice(["confirmed", "probable", "probable", "possible"]),
            actor=DEMO,
            **kw,  # type: ignore[arg-type]
        )


def _killings(acts: _DemoActs, square: Event) -> None:
    """The dead: most shot on the square on the evening of the 6th."""
    rng = acts.rng
    for person, day in _persons_with({"killed"}, 25):
        on_square = rng.random() < 0.6 and day <= datetime.date(2022, 1, 7)
        acts.act(
            person,
            ActType.KILLING,
            _pdt(6, rng.choice((19, 20)), about=True) if on_square else _pdt(day.day),
            place_code="almaty" if on_square else "",
            unit_kind=rng.choice((UnitKind.NATIONAL_GUARD, UnitKind.ARMY, UnitKind.UNKNOWN)),
            event=square if on_square else None,
        )


def _custody(acts: _DemoActs, facilities: dict[str, Facility], units: dict[UnitKind, Unit]) -> None:
    """The detained: held at a police station, some tortured, denied a lawyer or moved on."""
    rng = acts.rng
    for i, (person, day) in enumerate(_persons_with({"detained", "arrested"}, 45)):
        held = facilities[
            rng.choice(
                ("almaty-ivs", "almaty-ivs", "almaty-auezov-police", "almaty-police-department")
            )
        ]
        unit_kind = rng.choice((UnitKind.POLICE, UnitKind.SPECIAL_POLICE, UnitKind.NATIONAL_GUARD))
        acts.act(
            person,
            ActType.DETENTION,
            _pdt(day.day, rng.choice((None, 10, 18, 21)), about=rng.random() < 0.4),
            facility=held,
            unit_kind=unit_kind,
            unit=units.get(unit_kind),
        )
        if rng.random() < 0.5:
            acts.act(
                person,
                rng.choice(_TORTURE_METHODS),
                PartialDateTime(2022, 1, min(day.day + 1, 31), approximate=True),
                end=PartialDateTime(2022, 1, min(day.day + 3, 31)),
                facility=held,
                unit_kind=UnitKind.POLICE,
                description="Beaten during questioning to make him sign a confession.",
                perpetrator=services.SealedPerpetrator(officers=OFFICERS[i % 3])
                if recipients() and i % 4 == 0
                else None,
            )
        if rng.random() < 0.3:
            acts.act(
                person,
                ActType.DENIAL_OF_COUNSEL,
                _pdt(min(day.day + 1, 31)),
                facility=held,
                unit_kind=UnitKind.POLICE,
            )
        if rng.random() < 0.15:
            acts.act(
                person,
                ActType.DETENTION,
                _pdt(min(day.day + 4, 31)),
                facility=facilities["almaty-sizo"],
                unit_kind=UnitKind.POLICE,
            )


# Beating twice as often as the others.
_TORTURE_METHODS = (
    ActType.TORTURE_BEATING,
    ActType.TORTURE_BEATING,
    ActType.TORTURE_ELECTRIC_SHOCK,
    ActType.TORTURE_SUFFOCATION,
)


def _injuries(
    acts: _DemoActs, facilities: dict[str, Facility], square: Event, raids: Event
) -> None:
    """The injured: shot, and some taken from their hospital beds in the raids."""
    rng = acts.rng
    for person, day in _persons_with({"injured"}, 20):
        acts.act(
            person,
            ActType.SHOOTING,
            _pdt(day.day, rng.choice((None, 19, 20)), about=True),
            place_code="almaty",
            unit_kind=rng.choice((UnitKind.NATIONAL_GUARD, UnitKind.UNKNOWN)),
            event=square if day.day == 6 else None,
        )
        if rng.random() < 0.4:
            acts.act(
                person,
                ActType.REMOVAL_FROM_HOSPITAL,
                PartialDateTime(2022, 1, 12, approximate=True),
                facility=facilities["almaty-emergency-hospital"],
                unit_kind=UnitKind.SPECIAL_POLICE,
                event=raids,
            )


def _add_evidence(seed: int) -> int:
    """A few generated photos of the demo's acts of torture and shooting, sealed."""
    wanted = Act.objects.filter(created_by=DEMO, act_type__in=["torture.beating", "shooting"])
    count = 0
    for i, act in enumerate(wanted.order_by("id")[:6]):
        services.add_evidence(
            demo_image(seed + i, f"{act.act_type} #{act.pk}"),
            filename=f"demo-photo-{i + 1}.jpg",
            act=act,
            kind="photo",
            captured=PartialDateTime(2022, 1, 14, approximate=True),
            capture_place_code="almaty",
            collected_by="FICTIONAL demo lawyer",
            note="Generated image for the demo.",
            actor=DEMO,
        )
        count += 1
    return count


def _readable(item: bytes, keys: dict[str, bytes]) -> bool:
    """Whether a current recipient's key is one the item was sealed to. No private key is
    needed: each entry of a sealed item carries the 8-byte BLAKE2b of its public key
    (format note in ``tizim.core.sealing``)."""
    entries = sealing.SealedItem.from_bytes(item).entries
    return any(
        rid in entries and entries[rid].fingerprint == hashlib.blake2b(key, digest_size=8).digest()
        for rid, key in keys.items()
    )


def _refresh_sealed(out: TextIO, seed: int) -> int:
    keys = recipients()
    if not keys:
        return 0
    demo_evidence = list(Evidence.objects.filter(received_by=DEMO))
    if not any(_readable(bytes(e.sealed_meta), keys) for e in demo_evidence):
        files = _add_evidence(seed)
        print(f"  acts: {files} demo evidence files sealed again for the current keys", file=out)
    return 0
