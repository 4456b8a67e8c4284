"""Writes of the acts domain: facilities, units, events, acts with their sources and sealed
perpetrators, evidence files and their chain of custody. Each runs in a transaction and writes
the audit log; each that acts for a user checks that user's permission (``acting_as``).

Sealing (docs/threat-model.md, P2, P6, P21): officers' names and free text naming them are
sealed to the organisation's recipients before anything is written; evidence originals and
their viewing copies are written only sealed, to ``MEDIA_ROOT/evidence/`` (0600), once, never
modified. The SHA-256 of the original is kept *inside* the sealed metadata: in the clear it
would let whoever holds a photo prove that it was submitted. What is in the clear is the SHA-256
of each sealed blob, which ``verify_evidence`` recomputes without any key.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from tizim.accounts.access import Actor, acting_as
from tizim.acts.models import (
    Act,
    ActSource,
    CustodyEntry,
    Event,
    Evidence,
    Facility,
    Unit,
    partial_columns,
)
from tizim.audit.services import record_action
from tizim.core import sealing
from tizim.core.acts.vocabulary import ActType, FacilityKind, UnitKind
from tizim.core.dates import PartialDateTime
from tizim.core.files import sha256_of_file, write_new_blob
from tizim.core.images import MIME_TYPES, ImageRejected, image_format, sha256_hex, strip_metadata
from tizim.core.places import fold_place, place_by_code
from tizim.registry.models import Person, Record, Source

MAX_EVIDENCE_BYTES = 100 * 1024 * 1024
EVIDENCE_FOLDER = "evidence"


class ActsError(Exception):
    """A change refused, with a message for the person who asked."""


@dataclass(frozen=True)
class Citation:
    """A source stating an act: the source, where in it, and the row when it is a list's."""

    source: Source
    citation: str = ""
    record: Record | None = None


@dataclass(frozen=True)
class SealedPerpetrator:
    """What is sealed about who did it: individual officers, and free text that names them."""

    officers: str = ""
    note: str = ""

    def __bool__(self) -> bool:
        return bool(self.officers.strip() or self.note.strip())


@dataclass
class OpenedEvidence:
    """An evidence file as a recipient sees it: the sealed metadata and the viewing copy."""

    evidence: Evidence
    meta: dict[str, Any]
    viewing: bytes | None = None
    viewing_mime: str = ""


@dataclass
class VerifyReport:
    """What ``verify_evidence`` found: every sealed blob checked, and each problem."""

    files: int = 0
    blobs: int = 0
    originals: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


# --- recipients and sealed files -------------------------------------------------------------


def _recipients() -> dict[str, bytes]:
    from tizim.accounts.selectors import required_recipients

    return required_recipients(ActsError, "sealing")


def evidence_folder() -> Path:
    """Where sealed evidence blobs live (created private to the server's user)."""
    folder = Path(settings.MEDIA_ROOT) / EVIDENCE_FOLDER
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def _write_blob(blob: bytes, written: list[Path]) -> str:
    path = write_new_blob(evidence_folder(), blob)
    written.append(path)
    return path.name


def _place_code(place_text: str, place_code: str) -> str:
    if place_code:
        try:
            place_by_code(place_code)
        except KeyError:
            raise ActsError(f"unknown place code '{place_code}'") from None
        return place_code
    found = fold_place(place_text) if place_text.strip() else None
    return found.code if found is not None else ""


# --- vocabulary-bound entities ----------------------------------------------------------------


def create_facility(
    slug: str,
    *,
    kind: FacilityKind | str,
    name_en: str,
    name_ru: str = "",
    name_kk: str = "",
    place_code: str = "",
    address: str = "",
    notes: str = "",
    actor: Actor,
) -> Facility:
    """A facility with its names in three languages; audited as ``facility.create``."""
    name = acting_as(actor, "acts.add_facility")
    kind = FacilityKind(kind)
    if not name_en.strip():
        raise ActsError("a facility needs an English name (used in exports)")
    if Facility.objects.filter(slug=slug).exists():
        raise ActsError(f"a facility '{slug}' exists already")
    with transaction.atomic():
        facility = Facility.objects.create(
            slug=slug,
            kind=kind.value,
            name_en=name_en.strip(),
            name_ru=name_ru.strip(),
            name_kk=name_kk.strip(),
            place_code=_place_code("", place_code),
            address=address.strip(),
            notes=notes,
        )
        record_action("facility.create", actor=name, object_type="facility", object_id=slug)
    return facility


def create_unit(
    *,
    kind: UnitKind | str,
    name_en: str,
    name_ru: str = "",
    name_kk: str = "",
    notes: str = "",
    actor: Actor,
) -> Unit:
    """A named unit of a force (never an individual officer); audited as ``unit.create``."""
    name = acting_as(actor, "acts.add_unit")
    kind = UnitKind(kind)
    with transaction.atomic():
        unit, created = Unit.objects.get_or_create(
            kind=kind.value,
            name_en=name_en.strip(),
            defaults={"name_ru": name_ru.strip(), "name_kk": name_kk.strip(), "notes": notes},
        )
        if created:
            record_action("unit.create", actor=name, object_type="unit", object_id=unit.pk)
    return unit


def create_event(
    title: str,
    *,
    start: PartialDateTime | None,
    end: PartialDateTime | None = None,
    place_text: str = "",
    place_code: str = "",
    facility: Facility | None = None,
    description: str = "",
    actor: Actor,
) -> Event:
    """An incident that groups acts; audited as ``event.create``."""
    name = acting_as(actor, "acts.add_event")
    if not title.strip():
        raise ActsError("an event needs a title")
    _check_span(start, end)
    with transaction.atomic():
        event = Event(
            title=title.strip()[:300],
            description=description,
            place_code=_place_code(place_text, place_code),
            facility=facility,
            created_by=name,
        )
        event.set_span(start, end)
        event.save()
        record_action("event.create", actor=name, object_type="event", object_id=event.pk)
    return event


def _check_span(start: PartialDateTime | None, end: PartialDateTime | None) -> None:
    if end is not None and start is None:
        raise ActsError("an end date needs a start date")
    if start is not None and end is not None and end.latest() < start.earliest():
        raise ActsError(f"the end ({end}) is before the start ({start})")


# --- acts ------------------------------------------------------------------------------------


def _seal_perpetrator(perpetrator: SealedPerpetrator) -> tuple[bytes, list[str]]:
    readers = _recipients()
    payload = json.dumps(
        {"officers": perpetrator.officers.strip(), "note": perpetrator.note.strip()},
        ensure_ascii=False,
    ).encode()
    return sealing.seal(payload, readers).to_bytes(), sorted(readers)


def record_act(
    person: Person,
    *,
    act_type: ActType | str,
    start: PartialDateTime | None,
    end: PartialDateTime | None = None,
    place_text: str = "",
    place_code: str = "",
    facility: Facility | None = None,
    unit_kind: UnitKind | str = UnitKind.UNKNOWN,
    unit: Unit | None = None,
    event: Event | None = None,
    description: str = "",
    confidence: str = Act.Confidence.POSSIBLE,
    citations: Sequence[Citation] = (),
    perpetrator: SealedPerpetrator | None = None,
    actor: Actor,
) -> Act:
    """Record an act done to ``person``; audited as ``act.create`` (never with sealed content).

    Officers' names go only in ``perpetrator``, sealed before anything is written. A unit given
    without a kind lends the act its kind.
    """
    name = acting_as(actor, "acts.add_act")
    act = Act(person=person, created_by=name)
    _fill_act(
        act,
        act_type=act_type,
        start=start,
        end=end,
        place_text=place_text,
        place_code=place_code,
        facility=facility,
        unit_kind=unit_kind,
        unit=unit,
        event=event,
        description=description,
        confidence=confidence,
        perpetrator=perpetrator,
    )
    with transaction.atomic():
        act.save()
        _cite(act, citations)
        record_action(
            "act.create",
            actor=name,
            object_type="act",
            object_id=act.pk,
            details={
                "person": person.public_id,
                "act_type": act.act_type,
                "sealed_perpetrator": act.has_sealed_perpetrator,
            },
        )
    return act


def change_act(
    act: Act,
    *,
    act_type: ActType | str,
    start: PartialDateTime | None,
    end: PartialDateTime | None = None,
    place_text: str = "",
    place_code: str = "",
    facility: Facility | None = None,
    unit_kind: UnitKind | str = UnitKind.UNKNOWN,
    unit: Unit | None = None,
    event: Event | None = None,
    description: str = "",
    confidence: str = Act.Confidence.POSSIBLE,
    citations: Sequence[Citation] | None = None,
    perpetrator: SealedPerpetrator | None = None,
    actor: Actor,
) -> Act:
    """Correct an act; the sealed part is replaced only when a new one is given. Audited as
    ``act.change`` with the names of the fields that changed."""
    name = acting_as(actor, "acts.change_act")
    before = {f: getattr(act, f) for f in _TRACKED}
    _fill_act(
        act,
        act_type=act_type,
        start=start,
        end=end,
        place_text=place_text,
        place_code=place_code,
        facility=facility,
        unit_kind=unit_kind,
        unit=unit,
        event=event,
        description=description,
        confidence=confidence,
        perpetrator=perpetrator,
    )
    changed = [f for f in _TRACKED if getattr(act, f) != before[f]]
    with transaction.atomic():
        act.save()
        if citations is not None:
            act.citations.all().delete()
            _cite(act, citations)
            changed.append("sources")
        record_action(
            "act.change",
            actor=name,
            object_type="act",
            object_id=act.pk,
            details={"fields": changed},
        )
    return act


_TRACKED = (
    "act_type",
    "start_earliest",
    "start_latest",
    "start_approximate",
    "end_earliest",
    "end_latest",
    "place_code",
    "place_text",
    "facility_id",
    "unit_kind",
    "unit_id",
    "event_id",
    "description",
    "confidence",
    "sealed_perpetrator",
)


def _fill_act(
    act: Act,
    *,
    act_type: ActType | str,
    start: PartialDateTime | None,
    end: PartialDateTime | None,
    place_text: str,
    place_code: str,
    facility: Facility | None,
    unit_kind: UnitKind | str,
    unit: Unit | None,
    event: Event | None,
    description: str,
    confidence: str,
    perpetrator: SealedPerpetrator | None,
) -> None:
    try:
        kind = ActType(act_type)
    except ValueError:
        raise ActsError(f"unknown act type '{act_type}'") from None
    try:
        force = UnitKind(unit_kind)
    except ValueError:
        raise ActsError(f"unknown kind of force '{unit_kind}'") from None
    if unit is not None:
        if force == UnitKind.UNKNOWN:
            force = UnitKind(unit.kind)
        elif force.value != unit.kind:
            raise ActsError(
                f"the unit '{unit}' is {UnitKind(unit.kind).label()}, not {force.label()}"
            )
    if confidence not in Act.Confidence.values:
        raise ActsError(f"unknown confidence '{confidence}'")
    _check_span(start, end)
    act.act_type = kind.value
    act.set_span(start, end)
    act.place_text = place_text.strip()[:300]
    act.place_code = _place_code(place_text, place_code)
    if not act.place_code and facility is not None:
        act.place_code = facility.place_code
    act.facility = facility
    act.unit_kind = force.value
    act.unit = unit
    act.event = event
    act.description = description.strip()
    act.confidence = confidence
    if perpetrator:
        act.sealed_perpetrator, act.sealed_to = _seal_perpetrator(perpetrator)


def _cite(act: Act, citations: Iterable[Citation]) -> None:
    seen: set[int] = set()
    for c in citations:
        if c.source.pk in seen:
            continue
        seen.add(c.source.pk)
        ActSource.objects.create(
            act=act, source=c.source, record=c.record, citation=c.citation.strip()[:300]
        )


def unseal_perpetrator(
    act: Act, *, recipient: str, private_key: bytes, actor: Actor
) -> SealedPerpetrator:
    """The sealed officers' names and note of ``act`` for a recipient; audited as
    ``act.perpetrator.unseal`` (who looked, at which act — never what was read)."""
    name = acting_as(actor, "acts.view_sealed_perpetrator")
    if not act.sealed_perpetrator:
        return SealedPerpetrator()
    try:
        data = json.loads(
            sealing.unseal(
                sealing.SealedItem.from_bytes(bytes(act.sealed_perpetrator)),
                recipient,
                private_key,
            )
        )
    except sealing.SealingError as error:
        raise ActsError(f"the sealed part of this act cannot be opened: {error}") from None
    record_action("act.perpetrator.unseal", actor=name, object_type="act", object_id=act.pk)
    return SealedPerpetrator(officers=data.get("officers", ""), note=data.get("note", ""))


# --- evidence --------------------------------------------------------------------------------


def add_evidence(
    data: bytes,
    *,
    filename: str,
    act: Act | None = None,
    person: Person | None = None,
    kind: str = Evidence.Kind.PHOTO,
    captured: PartialDateTime | None = None,
    capture_place_text: str = "",
    capture_place_code: str = "",
    collected_by: str = "",
    note: str = "",
    actor: Actor,
) -> Evidence:
    """Receive an evidence file: hash it, seal the original and (for images) a copy without
    metadata, write both once, and open its chain of custody with ``received``.

    Blobs are written first, then the rows in one transaction; if anything fails, the blobs
    written are removed.
    """
    name = acting_as(actor, "acts.add_evidence")
    if act is None and person is None:
        raise ActsError("evidence must be attached to an act or a person")
    if act is not None and person is not None and act.person_id != person.pk:
        raise ActsError("the act given is about another person")
    if not data:
        raise ActsError(f"'{filename}' is empty")
    if len(data) > MAX_EVIDENCE_BYTES:
        raise ActsError(f"'{filename}' is larger than {MAX_EVIDENCE_BYTES // 2**20} MB")
    if kind not in Evidence.Kind.values:
        raise ActsError(f"unknown kind of evidence '{kind}'")
    readers = _recipients()
    viewing: bytes | None = None
    viewing_mime = ""
    file_kind = ""
    try:
        fmt = image_format(data)
    except ImageRejected:
        fmt = None
    if fmt is not None:
        file_kind = fmt.lower()
        try:
            viewing = strip_metadata(data)
        except ImageRejected as error:
            raise ActsError(f"'{filename}' cannot be read as an image: {error.reason}") from None
        viewing_mime = MIME_TYPES[fmt]
    meta = {
        "original_sha256": sha256_hex(data),
        "original_size": len(data),
        "filename": filename[:200],
        "file_kind": file_kind,
        "viewing_sha256": sha256_hex(viewing) if viewing is not None else "",
        "collected_by": collected_by.strip()[:300],
        "note": note.strip(),
    }
    written: list[Path] = []
    try:
        blob = sealing.seal(data, readers).to_bytes()
        blob_name = _write_blob(blob, written)
        viewing_name = viewing_sha = ""
        if viewing is not None:
            viewing_blob = sealing.seal(viewing, readers).to_bytes()
            viewing_name = _write_blob(viewing_blob, written)
            viewing_sha = sha256_hex(viewing_blob)
        sealed_meta = sealing.seal(json.dumps(meta, ensure_ascii=False).encode(), readers)
        with transaction.atomic():
            evidence = Evidence(
                act=act,
                person=person if act is None else None,
                kind=kind,
                capture_place_code=_place_code(capture_place_text, capture_place_code),
                blob_name=blob_name,
                blob_sha256=sha256_hex(blob),
                blob_size=len(blob),
                viewing_name=viewing_name,
                viewing_sha256=viewing_sha,
                viewing_mime=viewing_mime,
                sealed_meta=sealed_meta.to_bytes(),
                sealed_to=sorted(readers),
                received_by=name,
            )
            for column, value in partial_columns("captured", captured).items():
                setattr(evidence, column, value)
            evidence.save()
            append_custody(evidence, CustodyEntry.Action.RECEIVED, actor=name)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return evidence


def append_custody(
    evidence: Evidence,
    action: str,
    *,
    actor: str,
    shared_with: str = "",
    note: str = "",
) -> CustodyEntry:
    """Append one link to the chain of custody, written to the audit chain in the same
    transaction (the custody entry points at its audit entry)."""
    if action not in CustodyEntry.Action.values:
        raise ActsError(f"unknown custody action '{action}'")
    with transaction.atomic():
        details: dict[str, Any] = {"blob_sha256": evidence.blob_sha256}
        if shared_with:
            details["shared_with"] = shared_with
        audit = record_action(
            f"evidence.{action}",
            actor=actor,
            object_type="evidence",
            object_id=evidence.public_id,
            details=details,
        )
        return CustodyEntry.objects.create(
            evidence=evidence,
            action=action,
            actor=actor,
            at=audit.at,
            shared_with=shared_with[:300],
            note=note[:500],
            audit_entry=audit,
        )


def _open_blob(name: str, recipient: str, private_key: bytes) -> bytes:
    try:
        blob = (evidence_folder() / name).read_bytes()
    except OSError as error:
        raise ActsError(f"the sealed file {name} cannot be read: {error.strerror}") from None
    try:
        return sealing.unseal(sealing.SealedItem.from_bytes(blob), recipient, private_key)
    except sealing.SealingError as error:
        raise ActsError(f"the sealed file {name} cannot be opened: {error}") from None


def _open_meta(evidence: Evidence, recipient: str, private_key: bytes) -> dict[str, Any]:
    try:
        item = sealing.SealedItem.from_bytes(bytes(evidence.sealed_meta))
        meta: dict[str, Any] = json.loads(sealing.unseal(item, recipient, private_key))
    except sealing.SealingError as error:
        raise ActsError(f"the sealed metadata cannot be opened: {error}") from None
    return meta


def view_evidence(
    evidence: Evidence, *, recipient: str, private_key: bytes, actor: Actor
) -> OpenedEvidence:
    """The sealed metadata and the viewing copy (no metadata) of a file; custody ``viewed``."""
    name = acting_as(actor, "acts.view_evidence")
    meta = _open_meta(evidence, recipient, private_key)
    viewing = None
    if evidence.viewing_name:
        viewing = _open_blob(evidence.viewing_name, recipient, private_key)
    append_custody(evidence, CustodyEntry.Action.VIEWED, actor=name)
    return OpenedEvidence(evidence, meta, viewing, evidence.viewing_mime)


def copy_original(
    evidence: Evidence, *, recipient: str, private_key: bytes, actor: Actor, note: str = ""
) -> tuple[bytes, dict[str, Any]]:
    """The original file, bit for bit, checked against its sealed SHA-256; custody ``copied``."""
    name = acting_as(actor, "acts.view_evidence")
    meta = _open_meta(evidence, recipient, private_key)
    data = _open_blob(evidence.blob_name, recipient, private_key)
    if sha256_hex(data) != meta.get("original_sha256"):
        raise ActsError(f"{evidence.public_id}: the original does not match its recorded SHA-256")
    append_custody(evidence, CustodyEntry.Action.COPIED, actor=name, note=note)
    return data, meta


def export_original(
    evidence: Evidence,
    destination: Path,
    *,
    recipient: str,
    private_key: bytes,
    actor: Actor,
    shared_with: str = "",
) -> Path:
    """Write the original to ``destination`` (a folder) with a ``.sha256`` beside it, for a
    commission or a lawyer; custody ``exported`` (and ``shared`` when ``shared_with``)."""
    name = acting_as(actor, "acts.view_evidence", "acts.export_acts")
    meta = _open_meta(evidence, recipient, private_key)
    data = _open_blob(evidence.blob_name, recipient, private_key)
    digest = sha256_hex(data)
    if digest != meta.get("original_sha256"):
        raise ActsError(f"{evidence.public_id}: the original does not match its recorded SHA-256")
    destination.mkdir(parents=True, exist_ok=True)
    suffix = {"jpeg": ".jpg", "png": ".png", "webp": ".webp"}.get(meta.get("file_kind", ""), "")
    path = destination / f"{evidence.public_id}{suffix}"
    path.write_bytes(data)
    path.with_name(path.name + ".sha256").write_text(f"{digest}  {path.name}\n", encoding="ascii")
    with transaction.atomic():
        append_custody(evidence, CustodyEntry.Action.EXPORTED, actor=name, note=str(path.name))
        if shared_with:
            append_custody(
                evidence, CustodyEntry.Action.SHARED, actor=name, shared_with=shared_with
            )
    return path


def record_sharing(evidence: Evidence, *, shared_with: str, actor: Actor, note: str = "") -> None:
    """That a copy was handed to someone (a lawyer, a commission): custody ``shared``."""
    name = acting_as(actor, "acts.view_evidence")
    if not shared_with.strip():
        raise ActsError("say with whom the evidence was shared")
    append_custody(
        evidence, CustodyEntry.Action.SHARED, actor=name, shared_with=shared_with.strip(), note=note
    )


def verify_evidence(
    *,
    recipient: str | None = None,
    private_key: bytes | None = None,
    actor: str = "cli",
    evidence: Iterable[Evidence] | None = None,
) -> VerifyReport:
    """Recompute the SHA-256 of every sealed blob and compare it with the recorded one (no key
    needed); with a recipient's key, also open each original and check it against the SHA-256
    recorded inside the sealed metadata. Each mismatch, missing file or chain of custody that
    does not start with ``received`` is a problem. Audited as ``evidence.verify``."""
    report = VerifyReport()
    items = evidence if evidence is not None else Evidence.objects.order_by("id").iterator()
    folder = evidence_folder()
    for item in items:
        report.files += 1
        blobs = [("original", item.blob_name, item.blob_sha256)]
        if item.viewing_name:
            blobs.append(("viewing copy", item.viewing_name, item.viewing_sha256))
        intact = True
        for label, name, expected in blobs:
            report.blobs += 1
            try:
                digest = sha256_of_file(folder / name)
            except OSError:
                report.problems.append(f"{item.public_id}: sealed {label} {name} is missing")
                intact = False
                continue
            if digest != expected:
                report.problems.append(
                    f"{item.public_id}: sealed {label} {name} was altered "
                    f"(SHA-256 {digest[:16]}…, recorded {expected[:16]}…)"
                )
                intact = False
        first = item.custody.order_by("id").first()
        if first is None or first.action != CustodyEntry.Action.RECEIVED:
            report.problems.append(f"{item.public_id}: chain of custody does not start at receipt")
        if intact and recipient is not None and private_key is not None:
            report.originals += 1
            try:
                meta = _open_meta(item, recipient, private_key)
                original = _open_blob(item.blob_name, recipient, private_key)
            except ActsError as error:
                report.problems.append(f"{item.public_id}: {error}")
                continue
            if sha256_hex(original) != meta.get("original_sha256"):
                report.problems.append(
                    f"{item.public_id}: the original does not match its sealed SHA-256"
                )
    record_action(
        "evidence.verify",
        actor=actor,
        object_type="evidence",
        details={
            "files": report.files,
            "originals_opened": report.originals,
            "problems": len(report.problems),
        },
    )
    return report


def recipient_key(username: str, password: str) -> tuple[str, bytes]:
    """(recipient id, private key) of a staff member, unwrapped with their password (for
    ``tizim evidence verify --as``). ActsError when they hold no key or the password is wrong."""
    from tizim.accounts.models import RecipientKey
    from tizim.accounts.selectors import recipient_id

    key = RecipientKey.objects.filter(user__username=username, revoked_at=None).first()
    if key is None:
        raise ActsError(f"'{username}' holds no recipient key (only reviewers and admins do)")
    try:
        private_key = sealing.unwrap_private_key(key.wrapped(), password)
    except sealing.WrongPassphrase:
        raise ActsError(f"the password does not open {username}'s key") from None
    return recipient_id(username), private_key
