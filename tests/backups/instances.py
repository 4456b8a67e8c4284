"""Real instances for the backup, restore and upgrade tests: the demo loaded by the real command
line into a fresh TIZIM_HOME (and, when the suite runs on PostgreSQL, a fresh database), sealed
reports added to it, and what a reviewer and each reporter read back from them."""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PASSPHRASE = "a backup passphrase for tests"
EXPORTS = ("records", "persons", "acts")


def on_postgres() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


@contextmanager
def fresh_database() -> Iterator[str | None]:
    """A new, empty PostgreSQL database (its URL) when the suite runs on PostgreSQL, dropped
    afterwards; None on SQLite."""
    if not on_postgres():
        yield None
        return
    import psycopg

    base = os.environ["DATABASE_URL"]
    name = f"tizim_backup_{secrets.token_hex(4)}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield base.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def database_tables(url: str) -> list[str]:
    import psycopg

    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        ).fetchall()
    return [row[0] for row in rows]


@dataclass
class Instance:
    """A TIZIM_HOME (and database URL) with the environment to run ``tizim`` against it."""

    home: Path
    database_url: str | None
    pythonpath: Path = REPO
    password: str = ""
    phrases: list[str] = field(default_factory=list)

    @property
    def workdir(self) -> Path:
        """A folder to run in that holds no ``tizim`` package (``-m`` puts it first on the
        path, before PYTHONPATH)."""
        return next(folder for folder in self.home.parents if folder.exists())

    def env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ)
        env.pop("DATABASE_URL", None)
        env.pop("TIZIM_BACKUP_PASSPHRASE", None)
        # PYTEST_VERSION, inherited, makes argon2id use its minimum cost (tizim.settings).
        env.update(TIZIM_HOME=str(self.home), PYTHONPATH=str(self.pythonpath))
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        env.update(extra)
        return env

    def tizim(self, *args: str, check: bool = True, **env: str) -> subprocess.CompletedProcess:
        """Run ``python -m tizim ARGS`` against this instance; with ``check``, fail the test
        (showing its output) unless it exits 0."""
        result = subprocess.run(
            [sys.executable, "-m", "tizim", *args],
            env=self.env(**env),
            cwd=self.workdir,
            capture_output=True,
            text=True,
            timeout=900,
        )
        if check and result.returncode != 0:
            pytest.fail(
                f"tizim {' '.join(args)} exited {result.returncode}:\n"
                f"{result.stdout}\n{result.stderr}"
            )
        return result

    def python(self, script: str, *args: str) -> str:
        """Run a Python script with Django set up against this instance; its stdout."""
        setup = (
            "import os, django\n"
            "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'tizim.settings')\n"
            "django.setup()\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", setup + script, *args],
            env=self.env(),
            cwd=self.workdir,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    def exports(self, folder: Path) -> dict[str, bytes]:
        """``tizim export records|persons|acts`` as bytes."""
        folder.mkdir(parents=True, exist_ok=True)
        found = {}
        for what in EXPORTS:
            path = folder / f"{what}.csv"
            self.tizim("export", what, "--output", str(path))
            found[what] = path.read_bytes()
        return found


def make_demo(instance: Instance, persons: int = 50) -> Instance:
    """Load the demo into ``instance`` and remember the demo admin's password."""
    result = instance.tizim("demo", "--persons", str(persons))
    instance.password = re.search(r"password '([^']+)'", result.stdout).group(1)
    return instance


SUBMIT_REPORTS = """
import json
from tizim.intake import reports
phrases = []
for i in range(3):
    report, phrase = reports.submit_report(
        person=reports.PersonPart(name=f"Тестова Айгерим {i}", place="Алматы",
                                  what_happened="detained", event_date="06.01.2022"),
        reporter=reports.ReporterPart(relationship="sister", contact=f"+7 701 000 00 0{i}",
                                      testimony=f"Көрген-білгенім {i}: taken at night."),
        files=[reports.IncomingFile(f"statement-{i}.pdf", b"%PDF-1.4 statement " + bytes([i]))],
        language="kk",
    )
    phrases.append(phrase)
print(json.dumps(phrases))
"""

READ_REPORTS = """
import json, sys
from tizim.acts.services import recipient_key
from tizim.intake import reports
from tizim.intake.models import Report
user, password, phrases = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
_, key = recipient_key(user, password)
seen = []
for report in Report.objects.order_by("public_id"):
    opened = reports.unseal_report(report, private_key=key, actor=user)
    files = [reports.open_attachment(meta["attachment"], private_key=key, actor=user,
                                     original=True).hex() for meta in opened.files]
    seen.append({"id": report.public_id, "reporter": opened.reporter.__dict__, "files": files})
by_phrase = []
for phrase in phrases:
    report = reports.find_by_phrase(phrase)
    by_phrase.append(reports.reporter_view(report, phrase).reporter.testimony)
print(json.dumps({"reviewer": seen, "reporters": by_phrase}, ensure_ascii=False))
"""


def add_sealed_reports(instance: Instance) -> None:
    """Three reports from the public form, sealed to the demo admin and to each reporter."""
    instance.phrases = json.loads(instance.python(SUBMIT_REPORTS))


def read_sealed_reports(instance: Instance, phrases: list[str], password: str) -> dict:
    """Everything the demo admin unseals, and what each reporter reads with their phrase."""
    return json.loads(instance.python(READ_REPORTS, "demo", password, json.dumps(phrases)))
