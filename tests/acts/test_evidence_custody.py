"""Evidence files: hashed at intake, the original sealed and never modified, a viewing copy
without metadata, a chain of custody that is part of the audit chain, and ``tizim evidence
verify`` catching a single changed byte."""

from __future__ import annotations

import io
import json
import os
import stat

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from PIL import Image

from tests.acts.conftest import CANARY, photo_with_gps
from tests.factories import STAFF_PASSWORD
from tizim.acts import services
from tizim.acts.models import CustodyEntry, CustodyLogImmutableError, Evidence
from tizim.audit.models import AuditEntry
from tizim.audit.selectors import verify_chain
from tizim.cli import main
from tizim.core.dates import parse_partial_datetime
from tizim.core.images import sha256_hex

pytestmark = pytest.mark.django_db(transaction=True)


def add_photo(world, colour=(180, 40, 40), **kw):
    act = services.record_act(world.person, act_type="torture.beating", start=None, actor="test")
    data = photo_with_gps(colour)
    evidence = services.add_evidence(
        data,
        filename=f"{CANARY}-leg.jpg",
        act=act,
        kind="photo",
        captured=parse_partial_datetime("8 января 2022"),
        capture_place_text="Алматы",
        collected_by=f"lawyer {CANARY}",
        actor=kw.pop("actor", world.volunteer),
        **kw,
    )
    return evidence, data


def verify(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["evidence", "verify", *args], out=out)
    return code, out.getvalue()


def test_intake_hashes_seals_and_opens_the_chain_of_custody(world):
    evidence, data = add_photo(world)
    folder = world.home / "media" / "evidence"
    blob = (folder / evidence.blob_name).read_bytes()
    # only sealed bytes on disk, private to the server, hashed in the clear
    assert data not in blob and CANARY.encode() not in blob
    assert stat.S_IMODE(os.stat(folder / evidence.blob_name).st_mode) == 0o600
    assert evidence.blob_sha256 == sha256_hex(blob) and evidence.blob_size == len(blob)
    # the original's own hash is NOT in the clear anywhere in the database
    with connection.cursor() as cursor:
        for table in ("acts_evidence", "acts_custodyentry", "audit_auditentry"):
            cursor.execute(f"SELECT * FROM {table}")
            dump = repr(cursor.fetchall())
            assert sha256_hex(data) not in dump and CANARY not in dump
    assert evidence.captured.precision == "day" and evidence.capture_place_code == "almaty"
    (entry,) = evidence.custody.all()
    assert (entry.action, entry.actor) == ("received", "vol")
    assert entry.audit_entry.action == "evidence.received"
    assert entry.audit_entry.object_id == evidence.public_id
    assert verify_chain().ok


def test_the_viewing_copy_has_no_metadata_and_views_are_logged(world):
    evidence, data = add_photo(world)
    opened = services.view_evidence(
        evidence, recipient=world.recipient, private_key=world.private_key, actor=world.reviewer
    )
    assert opened.meta["original_sha256"] == sha256_hex(data)
    assert opened.meta["collected_by"] == f"lawyer {CANARY}"
    assert opened.viewing is not None and CANARY.encode() not in opened.viewing
    assert not Image.open(io.BytesIO(opened.viewing)).getexif()
    original, _ = services.copy_original(
        evidence, recipient=world.recipient, private_key=world.private_key, actor=world.reviewer
    )
    assert original == data  # bit for bit, metadata and all
    services.record_sharing(
        evidence, shared_with="UN Special Rapporteur on torture", actor=world.reviewer
    )
    log = list(evidence.custody.values_list("action", "actor", "shared_with"))
    assert log == [
        ("received", "vol", ""),
        ("viewed", "rev", ""),
        ("copied", "rev", ""),
        ("shared", "rev", "UN Special Rapporteur on torture"),
    ]
    audit = list(
        AuditEntry.objects.filter(object_type="evidence", object_id=evidence.public_id)
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert audit == ["evidence.received", "evidence.viewed", "evidence.copied", "evidence.shared"]
    # each custody entry is exactly one audit entry of the chain
    assert {c.audit_entry_id for c in evidence.custody.all()} == set(
        AuditEntry.objects.filter(object_id=evidence.public_id).values_list("id", flat=True)
    )
    assert verify_chain().ok


def test_export_writes_the_original_with_its_hash_and_logs_it(world, tmp_path):
    evidence, data = add_photo(world)
    path = services.export_original(
        evidence,
        tmp_path / "for-commission",
        recipient=world.recipient,
        private_key=world.private_key,
        actor="test",
        shared_with="Commission of inquiry",
    )
    assert path.read_bytes() == data
    assert path.with_name(path.name + ".sha256").read_text().split()[0] == sha256_hex(data)
    actions = list(evidence.custody.values_list("action", flat=True))
    assert actions == ["received", "exported", "shared"]


def test_the_custody_log_cannot_be_rewritten(world):
    evidence, _ = add_photo(world)
    entry = evidence.custody.get()
    entry.actor = "someone else"
    with pytest.raises(CustodyLogImmutableError):
        entry.save()
    with pytest.raises(CustodyLogImmutableError):
        entry.delete()
    # and a rewrite behind the model's back breaks the audit chain it is part of
    AuditEntry.objects.filter(pk=entry.audit_entry_id).update(actor="someone else")
    assert not verify_chain().ok


def test_a_volunteer_adds_evidence_but_cannot_open_it(world):
    evidence, _ = add_photo(world)
    with pytest.raises(PermissionDenied):
        services.view_evidence(
            evidence,
            recipient=world.recipient,
            private_key=world.private_key,
            actor=world.volunteer,
        )
    with pytest.raises(PermissionDenied):
        services.add_evidence(b"x", filename="x", person=world.person, actor=world.analyst)
    assert list(evidence.custody.values_list("action", flat=True)) == ["received"]


def test_verify_passes_then_catches_one_changed_byte(world, monkeypatch):
    evidence, _ = add_photo(world)
    other, _ = add_photo(world)
    code, text = verify()
    assert code == 0 and "2 files, 4 sealed blobs verified" in text, text
    monkeypatch.setenv("TIZIM_PASSWORD", STAFF_PASSWORD)
    code, text = verify("--as", "rev")
    assert code == 0 and "2 originals opened and checked" in text, text

    path = world.home / "media" / "evidence" / evidence.blob_name
    blob = bytearray(path.read_bytes())
    blob[len(blob) // 2] ^= 0x01  # one bit of one byte
    path.write_bytes(bytes(blob))
    code, text = verify()
    assert code == 1
    mismatches = [line for line in text.splitlines() if line.startswith("MISMATCH")]
    assert len(mismatches) == 1 and evidence.public_id in mismatches[0], text
    assert other.public_id not in text
    # the seal catches it too: the altered original no longer opens
    with pytest.raises(services.ActsError, match="altered"):
        services.copy_original(
            evidence, recipient=world.recipient, private_key=world.private_key, actor="test"
        )


def test_verify_with_a_key_catches_an_original_swapped_for_another_sealed_file(world, monkeypatch):
    evidence, _ = add_photo(world)
    other, _ = add_photo(world, colour=(20, 90, 200))
    # an insider swaps the blob and its recorded hash: the clear hashes agree, the sealed one not
    Evidence.objects.filter(pk=evidence.pk).update(
        blob_name=other.blob_name + ".copy", blob_sha256=other.blob_sha256
    )
    folder = world.home / "media" / "evidence"
    (folder / (other.blob_name + ".copy")).write_bytes((folder / other.blob_name).read_bytes())
    assert verify()[0] == 0
    monkeypatch.setenv("TIZIM_PASSWORD", STAFF_PASSWORD)
    code, text = verify("--as", "rev")
    assert code == 1 and f"{evidence.public_id}: the original does not match" in text, text


def test_verify_reports_a_missing_file_and_a_wrong_password(world, monkeypatch):
    evidence, _ = add_photo(world)
    (world.home / "media" / "evidence" / evidence.viewing_name).unlink()
    code, text = verify()
    assert code == 1 and "viewing copy" in text and "missing" in text
    monkeypatch.setenv("TIZIM_PASSWORD", "not the password at all")
    assert verify("--as", "rev")[0] == 1


def test_evidence_must_belong_to_someone_and_fit(world):
    with pytest.raises(services.ActsError, match="attached"):
        services.add_evidence(b"data", filename="a.pdf", actor="test")
    with pytest.raises(services.ActsError, match="empty"):
        services.add_evidence(b"", filename="a.pdf", person=world.person, actor="test")
    assert not Evidence.objects.exists()
    assert not (world.home / "media" / "evidence").exists()
    # a damaged photo is still kept, sealed, only without a viewing copy: nothing is lost
    damaged = services.add_evidence(
        photo_with_gps()[:200], filename="cut.jpg", person=world.person, actor="test"
    )
    assert damaged.viewing_name == "" and damaged.blob_sha256
    pdf = services.add_evidence(
        b"%PDF-1.4 forensic report",
        filename="report.pdf",
        person=world.person,
        kind="medical",
        actor="test",
    )
    assert pdf.viewing_name == "" and pdf.custody.get().action == CustodyEntry.Action.RECEIVED
    meta_bytes = bytes(pdf.sealed_meta)
    assert b"report.pdf" not in meta_bytes and json.dumps("report.pdf").encode() not in meta_bytes
