"""The audit log is a hash chain: edits, deletions and truncations are all detected."""

from __future__ import annotations

import pytest
from django.db import connection

from tizim.audit.models import AuditEntry
from tizim.audit.selectors import verify_chain
from tizim.audit.services import record_action

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
    assert report.entries == 5


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
    import datetime

    record_action("test.date", details={"on": datetime.date(2022, 1, 6), "who": "Әлия"})
    assert verify_chain().ok
