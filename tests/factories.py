"""Factories for tests: sources and records made the way real ones are, through the services
(a CSV written to a temporary folder and imported), with fictional names only."""

from __future__ import annotations

import csv
import datetime
from collections.abc import Sequence
from pathlib import Path

from tizim.registry.import_summary import ImportSummary
from tizim.registry.importing import import_table
from tizim.registry.models import Source
from tizim.registry.sources import create_source

NGO_HEADERS = ("№", "ФИО", "Дата рождения", "Город", "Статус", "Дата", "Место содержания")


def write_csv(
    path: Path,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    encoding: str = "utf-8",
    delimiter: str = ",",
) -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def make_source(name: str = "ngo-sheet", kind: str = "ngo_spreadsheet", **kw: object) -> Source:
    existing = Source.objects.filter(name=name).first()
    if existing:
        return existing
    return create_source(name, kind=kind, obtained_on=kw.pop("obtained_on", None), **kw)  # type: ignore[arg-type]


def import_rows(
    tmp_path: Path,
    rows: Sequence[Sequence[str]],
    *,
    source: str = "ngo-sheet",
    headers: Sequence[str] = NGO_HEADERS,
    filename: str = "list.csv",
    obtained_on: datetime.date | None = None,
) -> ImportSummary:
    make_source(source)
    path = write_csv(tmp_path / filename, headers, rows)
    return import_table(path, source_name=source, actor="test", obtained_on=obtained_on)


STAFF_PASSWORD = "a long test password 42"


def make_staff(username: str, role: str | None, password: str = STAFF_PASSWORD):  # type: ignore[no-untyped-def]
    """A staff user with ``role`` made the way the CLI makes one (role, then password and with it
    a recipient key for roles that unseal). Roles that need two factors get a confirmed TOTP
    device; ``Browser.login`` then passes the code step over HTTP with it."""
    from django.contrib.auth import get_user_model

    from tizim.accounts import services
    from tizim.accounts.roles import Role, requires_two_factor

    user = get_user_model().objects.create_user(username)
    if role is not None:
        services.set_role(user, Role(role), actor="test")
    services.set_password(user, password, actor="test")
    if requires_two_factor(user):
        services.enrol_confirmed_device(user, actor="test")
    return user


def load_demo_registry(folder: Path, *, persons: int = 600, seed: int = 2022) -> None:
    """The fictional demo lists imported and linked as ``tizim demo`` does (without its claims,
    estimates and publications): a registry of persons written several ways on several lists."""
    from tizim.core.demo.dataset import generate_demo, write_demo
    from tizim.demo import registry_source_name
    from tizim.linkage.services import link_records

    dataset = generate_demo(persons=persons, seed=seed)
    for demo_source, path in zip(dataset.sources, write_demo(dataset, folder), strict=True):
        name = registry_source_name(demo_source.name)
        make_source(name, kind=demo_source.kind, obtained_on=demo_source.obtained)
        import_table(path, source_name=name, actor="demo", obtained_on=demo_source.obtained)
    link_records(actor="demo")
