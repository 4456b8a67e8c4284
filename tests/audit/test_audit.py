"""The audit log is a keyed hash chain: edits, deletions and truncations are all detected, even
by someone who can write to the database but does not hold the audit key; the records it
vouches for and the raw-value trigger are checked too."""

from __future__ import annotations

import datetime
import io
import stat

import pytest
from django.db import connection
from django.utils import timezone

from tests.factories import import_rows, make_source
from tizim.audit.keys import AuditKeyError
from tizim.audit.models import AuditEntry, AuditHead
from tizim.audit.selectors import Checkpoint, current_checkpoint, parse_checkpoint, verify_chain
from tizim.audit.services import GENESIS_HASH, entry_digest, record_action
from tizim.registry.integrity import verify_records
from tizim.registry.models import Record

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain():
    for i in range(5):
        record_action(
            "test.write",
            actor="tester",
            object_type="thing",
            object_id=i,
            details={"n": i, "name": "Ерлан"},
        )
    return list(AuditEntry.objects.order_by("id"))


def test_an_untouched_chain_verifies(chain):
    report = verify_chain()
    assert report.ok, report.problems
    # The first entry of an instance is the one that starts the keyed chain.
    assert report.entries == 6 and report.keyed_entries == 6 and report.legacy_entries == 0
    assert chain[0].action == "audit.keyed"


def test_an_edited_entry_is_caught(chain):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET actor = 'someone' WHERE id = %s", [chain[2].pk])
    report = verify_chain()
    assert not report.ok
    assert any(f"#{chain[2].pk}" in p and "edited" in p for p in report.problems)


def test_a_deleted_entry_is_caught(chain):
    AuditEntry.objects.filter(pk=chain[1].pk).delete()
    report = verify_chain()
    assert any(f"#{chain[2].pk}" in p and "deleted" in p for p in report.problems)


def test_deleting_the_newest_entries_is_caught(chain):
    AuditEntry.objects.filter(pk__gte=chain[3].pk).delete()
    report = verify_chain()
    assert not report.ok
    assert "newest entries were deleted" in report.problems[-1]


def test_details_with_dates_and_non_ascii_round_trip(chain):
    record_action("test.date", details={"on": datetime.date(2022, 1, 6), "who": "Әлия"})
    assert verify_chain().ok


# --- attacks by someone who holds the database but not the audit key -----------------------


def _verify_cli(*args: str) -> tuple[int, str]:
    """``tizim audit verify`` run in this process, against this test's database."""
    from tizim.cli import main

    out = io.StringIO()
    status = main(["audit", "verify", *args], out=out)
    return status, out.getvalue()


def _plain_rechain(from_entry: AuditEntry) -> None:
    """Recompute, with plain SHA-256, the hash of ``from_entry`` and of every later entry, and
    the head: what an intruder with only the database could do."""
    prev = from_entry.prev_hash
    entries = list(AuditEntry.objects.filter(pk__gte=from_entry.pk).order_by("id"))
    for entry in entries:
        digest = entry_digest(
            prev,
            entry.at.isoformat(),
            entry.actor,
            entry.action,
            entry.object_type,
            entry.object_id,
            entry.details,
        )
        AuditEntry.objects.filter(pk=entry.pk).update(prev_hash=prev, entry_hash=digest)
        prev = digest
    AuditHead.objects.filter(pk=1).update(last_hash=prev)


def test_deleting_the_newest_entries_and_updating_the_head_is_caught(chain):
    AuditEntry.objects.filter(pk__gte=chain[4].pk).delete()
    last = AuditEntry.objects.order_by("-id").first()
    AuditHead.objects.filter(pk=1).update(entries=4, last_hash=last.entry_hash)
    status, out = _verify_cli()
    assert status == 1
    assert "TAMPERED: the head" in out and "does not carry the audit key's mark" in out


def test_an_edit_with_every_later_hash_recomputed_is_caught(chain):
    AuditEntry.objects.filter(pk=chain[2].pk).update(actor="someone else")
    _plain_rechain(AuditEntry.objects.get(pk=chain[2].pk))
    status, out = _verify_cli()
    assert status == 1
    assert f"TAMPERED: entry #{chain[2].pk}: content does not match its keyed hash" in out


def test_a_head_rolled_back_whole_is_caught_by_a_checkpoint(chain):
    saved = AuditHead.objects.values("entries", "last_hash", "mark").get(pk=1)
    record_action("test.write", actor="tester", object_id="later")
    status, checkpoint = 0, io.StringIO()
    from tizim.cli import main

    assert main(["audit", "checkpoint"], out=checkpoint) == 0
    line = checkpoint.getvalue().strip()
    assert line.startswith("tizim-audit-checkpoint entries=7 head=")
    assert _verify_cli("--checkpoint", line)[0] == 0
    # An older head restored whole (with its valid mark) after deleting what came since.
    AuditEntry.objects.filter(pk__gt=chain[-1].pk).delete()
    AuditHead.objects.filter(pk=1).update(**saved)
    assert verify_chain().ok  # without the checkpoint nothing shows
    status, out = _verify_cli("--checkpoint", line)
    assert status == 1
    assert "the log has 6 entries, fewer than the 7 of the checkpoint" in out


def test_a_rewritten_entry_before_a_checkpoint_is_caught(chain):
    line = current_checkpoint().line()
    assert verify_chain(parse_checkpoint(line)).ok
    record_action("test.write", actor="tester", object_id="later")
    AuditHead.objects.filter(pk=1).update(entries=6)
    last = AuditEntry.objects.order_by("-id").first()
    report = verify_chain(Checkpoint(6, "f" * 64))
    assert any(
        "entry number 6 no longer has the hash of the checkpoint" in p for p in report.problems
    )
    assert last is not None


def test_a_malformed_checkpoint_line_is_refused_clearly(chain):
    with pytest.raises(ValueError, match="not a checkpoint line"):
        parse_checkpoint("entries=5 head=abc")


def test_without_the_key_the_keyed_entries_cannot_pass(chain, settings, tmp_path, monkeypatch):
    monkeypatch.delenv("TIZIM_AUDIT_KEY", raising=False)
    settings.TIZIM_HOME = tmp_path  # no audit_key here
    report = verify_chain()
    assert any("audit key is missing" in p for p in report.problems)
    with pytest.raises(AuditKeyError, match="restore it from the backup"):
        record_action("test.write")
    assert not (tmp_path / "audit_key").exists()


def test_a_log_converted_to_plain_hashes_is_caught(chain):
    # Renaming the keyed marker and rechaining everything with plain SHA-256 leaves a chain
    # that looks like one written before keys existed: the key's presence gives it away.
    AuditEntry.objects.filter(pk=chain[0].pk).update(action="test.write")
    _plain_rechain(AuditEntry.objects.get(pk=chain[0].pk))
    report = verify_chain()
    assert any("no entry of the log is keyed" in p for p in report.problems)


def test_the_key_file_is_private_and_made_once(settings, tmp_path, monkeypatch):
    monkeypatch.delenv("TIZIM_AUDIT_KEY", raising=False)
    settings.TIZIM_HOME = tmp_path
    record_action("test.write")
    key_file = tmp_path / "audit_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    first = key_file.read_bytes()
    record_action("test.write")
    assert key_file.read_bytes() == first
    assert verify_chain().ok


def test_an_unreadable_key_file_is_named(settings, tmp_path, monkeypatch):
    monkeypatch.delenv("TIZIM_AUDIT_KEY", raising=False)
    settings.TIZIM_HOME = tmp_path
    (tmp_path / "audit_key").write_text("not a key\n")
    problems = verify_chain().problems
    assert problems == [f"{tmp_path / 'audit_key'} does not hold an audit key (64 hex digits)"]


def test_the_key_can_come_from_the_environment(settings, tmp_path, monkeypatch):
    settings.TIZIM_HOME = tmp_path
    monkeypatch.setenv("TIZIM_AUDIT_KEY", "ab" * 32)
    record_action("test.write")
    assert not (tmp_path / "audit_key").exists()
    assert verify_chain().ok
    monkeypatch.setenv("TIZIM_AUDIT_KEY", "cd" * 32)
    assert not verify_chain().ok
    monkeypatch.setenv("TIZIM_AUDIT_KEY", "short")
    assert any("at least 64 hexadecimal digits" in p for p in verify_chain().problems)


# --- an instance whose log began before the audit key ----------------------------------------


def _legacy_chain(count: int) -> None:
    """Entries as the code before the audit key wrote them: plain SHA-256, an unkeyed head."""
    prev = GENESIS_HASH
    at = timezone.now().replace(microsecond=0)
    for i in range(count):
        digest = entry_digest(prev, at.isoformat(), "old", "test.old", "thing", str(i), {"n": i})
        AuditEntry.objects.create(
            at=at,
            actor="old",
            action="test.old",
            object_type="thing",
            object_id=str(i),
            details={"n": i},
            prev_hash=prev,
            entry_hash=digest,
        )
        prev = digest
    AuditHead.objects.create(pk=1, entries=count, last_hash=prev)


@pytest.fixture
def no_key_yet(settings, tmp_path, monkeypatch):
    """An instance that has never had an audit key (as before keys existed)."""
    monkeypatch.delenv("TIZIM_AUDIT_KEY", raising=False)
    settings.TIZIM_HOME = tmp_path


def test_an_old_log_is_verified_as_before_and_keyed_from_the_next_entry(no_key_yet):
    _legacy_chain(3)
    before = verify_chain()
    assert before.ok and before.legacy_entries == 3 and before.keyed_entries == 0
    record_action("test.new", actor="tester")
    after = verify_chain()
    assert after.ok, after.problems
    assert (after.legacy_entries, after.keyed_entries) == (3, 2)
    status, out = _verify_cli()
    assert status == 0
    assert "2 keyed (HMAC-SHA256), 3 written before the audit key existed" in out


def test_an_old_entry_rewritten_after_keying_is_caught(no_key_yet):
    _legacy_chain(3)
    record_action("test.new", actor="tester")
    first = AuditEntry.objects.order_by("id").first()
    AuditEntry.objects.filter(pk=first.pk).update(actor="someone else")
    # Rechain the old part in plain SHA-256 and point the keyed marker at its new end.
    legacy = list(AuditEntry.objects.filter(action="test.old").order_by("id"))
    _plain_rechain(legacy[0])
    new_end = AuditEntry.objects.get(pk=legacy[-1].pk).entry_hash
    AuditEntry.objects.filter(action="audit.keyed").update(prev_hash=new_end)
    report = verify_chain()
    marker = AuditEntry.objects.get(action="audit.keyed")
    assert any(
        f"entry #{marker.pk}: content does not match its keyed hash" in p for p in report.problems
    )


# --- records and the raw-value trigger ---------------------------------------------------------


HEADERS = ("ФИО", "Статус", "Дата")
ROWS = [
    ("Тулегенова Асель", "пропала без вести", "05.01.2022"),
    ("Даулетов Арман", "задержан", "31.02.2022"),  # no such day: quarantined
    ("Калиев Ержан", "задержан", "07.01.2022"),
]


@pytest.fixture
def imported(tmp_path):
    import_rows(tmp_path, ROWS, headers=HEADERS)
    status, out = _verify_cli()
    assert status == 0, out
    assert "3 records of 1 audited writes checked, raw-value trigger present" in out
    return list(Record.objects.order_by("id"))


def test_a_parsed_field_changed_in_sql_is_caught(imported):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE registry_record SET fate = 'released' WHERE id = %s", [imported[0].pk]
        )
    status, out = _verify_cli()
    assert status == 1
    assert "(records.import import" in out and "were changed after they were written" in out


def test_a_record_deleted_in_sql_is_caught(imported):
    quarantined = next(r for r in imported if r.quarantine_reason)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM registry_record WHERE id = %s", [quarantined.pk])
    status, out = _verify_cli()
    assert status == 1
    assert f"1 audited record(s) deleted (#{quarantined.pk})" in out


def test_a_dropped_trigger_is_caught(imported):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP TRIGGER registry_record_raw_immutable ON registry_record")
        else:
            cursor.execute("DROP TRIGGER registry_record_raw_immutable")
    status, out = _verify_cli()
    assert status == 1
    assert "trigger that keeps raw values immutable (registry_record_raw_immutable)" in out


@pytest.mark.postgres
def test_a_disabled_trigger_is_caught(imported):
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE registry_record DISABLE TRIGGER registry_record_raw_immutable")
    status, out = _verify_cli()
    assert status == 1 and "is missing or disabled" in out


def test_a_record_added_one_at_a_time_is_covered():
    from tizim.registry.records import add_record

    make_source("public-form", kind="web_form")
    record = add_record(
        source_name="public-form",
        values={"ФИО": "Ахметова Дана", "Статус": "пропала без вести"},
        source_record_id="R-1",
        reported_on=datetime.date(2022, 1, 9),
        actor="tester",
    )
    assert verify_records().checked_records == 1
    Record.objects.filter(pk=record.pk).update(full_name="Другое Имя")
    assert any("record.add record" in p for p in verify_records().problems)


def test_entries_whose_records_are_a_count_or_ids_are_not_record_digests(imported):
    # A link run audits how many records it read; a merge, which records it moved. Neither is a
    # digest of written records, and neither may make an intact instance fail verification.
    record_action("linkage.run", actor="tester", object_type="link_run", details={"records": 3})
    record_action("person.merge", actor="tester", details={"records": [imported[0].pk]})
    status, out = _verify_cli()
    assert status == 0, out
    record_action("records.import", actor="tester", details={"records": {"count": 1}})
    status, out = _verify_cli()
    assert status == 1 and "unreadable record list" in out
