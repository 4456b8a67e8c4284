"""Loading the generated demo data set into an instance (``tizim demo``).

The people and lists are FICTIONAL (``tizim.core.demo`` generates them, with the ground truth
kept beside them). The claims are real: the figures stated in the January 2022 articles that
tizim was built after, each with its source, so the numbers pages have something true to set
beside the documented counts.
"""

from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from tizim.accounts import services as accounts
from tizim.accounts.roles import Role
from tizim.acts.demo import load_demo_acts
from tizim.core.demo.dataset import generate_demo, write_demo
from tizim.estimates.services import estimate_registry
from tizim.linkage.services import link_records
from tizim.publish.demo import publish_demo
from tizim.registry.claims import record_claim
from tizim.registry.importing import import_table
from tizim.registry.models import Claim, Source
from tizim.registry.sources import create_source

DEMO_USER = "demo"
D = datetime.date


@dataclass(frozen=True)
class DemoResult:
    """How to log in to the loaded demo."""

    username: str
    password: str
    loaded: bool
    # The demo user's second factor: the base32 secret for an authenticator app, and the code
    # of the moment (valid for this 30-second step only).
    totp_secret: str = ""
    totp_code: str = ""


def registry_source_name(demo_source_name: str) -> str:
    """The weekly versions of the NGO sheet are one source re-sent, imported as versions."""
    return "ngo-sheet" if demo_source_name.startswith("ngo-sheet") else demo_source_name


def load_demo(
    *, home: Path, persons: int = 600, seed: int = 2022, out: TextIO, reload: bool = False
) -> DemoResult:
    """Generate the demo lists into ``home/demo``, import them, link them, load the claims and
    (re)set the demo user's password. Loading twice changes nothing unless ``reload``."""
    loaded = False
    if reload or not Source.objects.filter(name="ngo-sheet").exists():
        dataset = generate_demo(persons=persons, seed=seed)
        paths = write_demo(dataset, home / "demo")
        print(
            f"FICTIONAL demo data: {len(dataset.people)} people, "
            f"{len(dataset.sources)} lists written to {home / 'demo'}",
            file=out,
        )
        for demo_source, path in zip(dataset.sources, paths, strict=True):
            name = registry_source_name(demo_source.name)
            if not Source.objects.filter(name=name).exists():
                create_source(
                    name,
                    kind=demo_source.kind,
                    title=("FICTIONAL: " + demo_source.title),
                    organisation=demo_source.organisation,
                    language=demo_source.language,
                    url=demo_source.url,
                    obtained_on=demo_source.obtained,
                    reliability_note=demo_source.reliability,
                    actor="demo",
                )
            summary = import_table(
                path, source_name=name, actor="demo", obtained_on=demo_source.obtained
            )
            print(
                f"  {path.name:28} → {name:16} {summary.rows_read:5} rows: "
                f"{summary.imported} new, {summary.new_versions} changed, "
                f"{summary.unchanged} unchanged, {summary.quarantined_total} quarantined",
                file=out,
            )
        result = link_records(actor="demo")
        print(
            f"  linked {result.records} records into {result.persons} persons; "
            f"{result.queued} uncertain pairs queued for review",
            file=out,
        )
        load_seed_claims()
        for selector in DEMO_ESTIMATES:
            estimate = estimate_registry(selector=selector, actor="demo")
            run = estimate.run
            assert run is not None
            upper = f"{run.upper:,.0f}" if run.upper is not None else "open"
            if run.estimate is not None and run.lower is not None:
                method = run.recommended_method
                interval = f"{run.estimate:,.0f} ({run.lower:,.0f}–{upper}, {method})"
            elif run.recommended_method == "range" and run.lower is not None:
                interval = f"between {run.lower:,.0f} and {upper} (the models disagree)"
            else:
                interval = "no estimate"
            print(
                f"  estimate #{run.pk} of '{selector}': {run.observed} documented on "
                f"{len(run.lists)} lists, estimated {interval}",
                file=out,
            )
        publish_demo(out=out)
        loaded = True
    else:
        print("demo data already loaded (use --reload to load it again)", file=out)
    password = secrets.token_urlsafe(12)
    device = _set_demo_user(password)
    load_demo_acts(out)  # after the user: its fresh key is what demo evidence is sealed to
    return DemoResult(
        username=DEMO_USER,
        password=password,
        loaded=loaded,
        totp_secret=accounts.totp_secret(device),
        totp_code=accounts.current_code(device),
    )


def _set_demo_user(password: str) -> TOTPDevice:
    """The demo user: role admin (and superuser), a fresh password and with it a new recipient
    key, and a confirmed TOTP device — kept across runs, so an authenticator app set up once
    keeps working."""
    with transaction.atomic():
        user, _ = accounts.account(DEMO_USER)
        accounts.set_role(user, Role.ADMIN, actor="demo")
        user.is_superuser = True
        user.save(update_fields=["is_superuser"])
        accounts.set_password(user, password, actor="demo")
        return accounts.enrol_confirmed_device(user, actor="demo")


# The articles of January–February 2022 the figures come from (see ../shared/seeds/).
SEED_ARTICLES: dict[str, dict[str, str]] = {
    "nyt-2022-01-31": {
        "title": "During the Kazakh uprising, reports of widespread abuses by security forces "
        "(The New York Times, 31 January 2022)",
        "organisation": "The New York Times",
        "url": "https://www.nytimes.com/2022/01/31/world/europe/kazakhstan-uprising-abuse-torture.html",
        "obtained": "2022-01-31",
    },
    "amnesty-2022-01": {
        "title": "Kazakhstan: Amnesty calls on authorities to release protestors "
        "(Amnesty International, January 2022)",
        "organisation": "Amnesty International",
        "url": "",
        "obtained": "2022-01-12",
    },
    "bbc-2022-01-21": {
        "title": "Kazakhstan unrest: 'If you protest again, we'll kill you' (BBC News, "
        "21 January 2022)",
        "organisation": "BBC News",
        "url": "",
        "obtained": "2022-01-21",
    },
    "euronews-2022-02": {
        "title": "Kazakhstan protesters were tortured after unrest, says Human Rights Watch "
        "(Euronews, February 2022)",
        "organisation": "Euronews",
        "url": "",
        "obtained": "2022-02-01",
    },
}

# (article, claimant, counted, fate, value, qualifier, as_of, status, note, quote)
SEED_CLAIMS: tuple[tuple[str, str, str, str, int, str, D, str, str, str], ...] = (
    (
        "amnesty-2022-01",
        "Telegram channel associated with the government",
        "deaths",
        "killed",
        164,
        "exact",
        D(2022, 1, 9),
        "disavowed",
        "Disavowed by the Ministry of Health as a 'technical glitch'.",
        "On 9 January, a Telegram channel associated with the government released information "
        "about the deaths of 164 individuals but it was later disavowed by the Ministry of Health "
        "as a technical glitch.",
    ),
    (
        "amnesty-2022-01",
        "Authorities of Kazakhstan",
        "law enforcement officers killed",
        "",
        18,
        "at_least",
        D(2022, 1, 11),
        "standing",
        "",
        "The authorities confirmed that at least 18 law enforcement officers had been killed",
    ),
    (
        "amnesty-2022-01",
        "Ministry of Internal Affairs",
        "people arrested",
        "arrested",
        10000,
        "nearly",
        D(2022, 1, 11),
        "standing",
        "Never made checkable: no list published.",
        "Kazakhstan's Interior Ministry said that almost 10,000 people have been arrested",
    ),
    (
        "nyt-2022-01-31",
        "Government of Kazakhstan",
        "people killed, including 19 policemen",
        "killed",
        225,
        "at_least",
        D(2022, 1, 15),
        "standing",
        "",
        "at least 225 people were killed, including 19 policemen and more than 4,000 were injured",
    ),
    (
        "nyt-2022-01-31",
        "Government of Kazakhstan",
        "people injured",
        "injured",
        4000,
        "more_than",
        D(2022, 1, 15),
        "standing",
        "",
        "more than 4,000 were injured",
    ),
    (
        "nyt-2022-01-31",
        "NGO list (Bakhytzhan Toregozhina)",
        "people confirmed in custody",
        "detained",
        970,
        "exact",
        D(2022, 1, 22),
        "standing",
        "Includes 31 political activists.",
        "As of January 22, there are 970 people confirmed to be in custody",
    ),
    (
        "nyt-2022-01-31",
        "NGO list (Bakhytzhan Toregozhina)",
        "dead on the list",
        "killed",
        227,
        "exact",
        D(2022, 1, 31),
        "standing",
        "Slightly above the official figure.",
        "The list of the dead has reached 227, slightly higher than the official number",
    ),
    (
        "nyt-2022-01-31",
        "Radio Liberty (Kazakh service)",
        "dead identified by name",
        "killed",
        124,
        "exact",
        D(2022, 1, 31),
        "standing",
        "Including an 11-year-old boy.",
        "Of the dead, 124 people have been identified so far, including an 11-year-old boy.",
    ),
    (
        "nyt-2022-01-31",
        "Human Rights Watch",
        "deaths in four incidents of 4–6 January",
        "killed",
        10,
        "at_least",
        D(2022, 1, 6),
        "standing",
        "And 19 injuries.",
        "resulted in at least 10 deaths and 19 injuries",
    ),
    (
        "bbc-2022-01-21",
        "Authorities of Kazakhstan (as reported)",
        "people arrested",
        "arrested",
        12000,
        "more_than",
        D(2022, 1, 21),
        "standing",
        "",
        "Over 12,000 people have been arrested in connection with the violence",
    ),
    (
        "euronews-2022-02",
        "Prosecutors of Kazakhstan",
        "arrested people facing criminal charges",
        "charged",
        900,
        "nearly",
        D(2022, 2, 1),
        "standing",
        "",
        "nearly 900 of those arrested face various criminal charges",
    ),
)


# Claims that count a status held on their date rather than everyone who had it by then.
SEED_CLAIMS_ON_DATE = frozenset({"people confirmed in custody"})


# What the demo estimates, so that the Numbers pages have estimates to show.
DEMO_ESTIMATES: tuple[str, ...] = ("dead", "custody")


def load_seed_claims() -> int:
    """Record the figures stated in the seed articles, each citing its article (idempotent)."""
    created = 0
    with transaction.atomic():
        for name, meta in SEED_ARTICLES.items():
            if not Source.objects.filter(name=name).exists():
                create_source(
                    name,
                    kind=Source.Kind.NEWS_ARTICLE,
                    title=meta["title"],
                    organisation=meta["organisation"],
                    language="en",
                    url=meta["url"],
                    obtained_on=D.fromisoformat(meta["obtained"]),
                    actor="demo",
                )
        for (
            article,
            claimant,
            counted,
            fate,
            value,
            qualifier,
            as_of,
            status,
            note,
            quote,
        ) in SEED_CLAIMS:
            source = Source.objects.get(name=article)
            if Claim.objects.filter(
                claimant=claimant, counted=counted, value=value, as_of=as_of
            ).exists():
                continue
            record_claim(
                claimant=claimant,
                counted=counted,
                fate=fate,
                measure="on_date" if counted in SEED_CLAIMS_ON_DATE else "ever",
                value=value,
                qualifier=qualifier,
                as_of=as_of,
                stated_on=source.obtained_on,
                source=source,
                quote=quote,
                status=status,
                status_note=note,
                actor="demo",
            )
            created += 1
    return created
