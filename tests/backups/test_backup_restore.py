"""``tizim backup`` and ``tizim restore`` through the real command line, on a demo instance with
sealed evidence and sealed reports: a restored instance exports the same bytes, verifies, and
its sealed reports open for the reviewer and each reporter; every bad archive is refused and
leaves nothing behind. On SQLite, and on PostgreSQL when the suite runs there."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.backups.instances import (
    PASSPHRASE,
    Instance,
    add_sealed_reports,
    database_tables,
    fresh_database,
    make_demo,
    read_sealed_reports,
)
from tizim.core.backup_archive import ArchiveWriter
from tizim.core.sealing import MIN_KDF_LIMITS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    """A demo instance with three sealed reports, what they read, its exports, and a backup."""
    folder = tmp_path_factory.mktemp("source")
    with fresh_database() as url:
        instance = make_demo(Instance(folder / "home", url))
        add_sealed_reports(instance)
        instance.tizim("backup", str(folder / "instance.tzb"), TIZIM_BACKUP_PASSPHRASE=PASSPHRASE)
        yield {
            "instance": instance,
            "archive": folder / "instance.tzb",
            "exports": instance.exports(folder / "exports"),
            "reports": read_sealed_reports(instance, instance.phrases, instance.password),
        }


@pytest.fixture
def target(tmp_path):
    """An empty instance to restore into: a TIZIM_HOME not yet made (and an empty database)."""
    with fresh_database() as url:
        yield Instance(tmp_path / "restored" / "home", url)


def assert_nothing_written(target: Instance) -> None:
    assert not target.home.parent.exists()  # not even the folder that would have held it
    if target.database_url:
        assert database_tables(target.database_url) == []


def assert_same_instance(source: dict, target: Instance, tmp_path: Path) -> None:
    assert target.exports(tmp_path / "exports") == source["exports"]
    audit = target.tizim("audit", "verify")
    assert "audit log intact" in audit.stdout
    evidence = target.tizim(
        "evidence", "verify", "--as", "demo", TIZIM_PASSWORD=source["instance"].password
    )
    assert "evidence intact: 5 files, 10 sealed blobs verified; 5 originals opened" in (
        evidence.stdout
    )
    reports = read_sealed_reports(target, source["instance"].phrases, source["instance"].password)
    assert reports == source["reports"]
    assert len(reports["reviewer"]) == 3 and all(r["files"] for r in reports["reviewer"])


def test_a_restored_instance_exports_the_same_bytes_verifies_and_unseals(source, target, tmp_path):
    assert source["exports"]["records"].count(b"\n") > 50
    result = target.tizim("restore", str(source["archive"]), TIZIM_BACKUP_PASSPHRASE=PASSPHRASE)
    assert "every SHA-256 as in its manifest" in result.stdout
    assert_same_instance(source, target, tmp_path)
    for name in ("audit_key", "receipt_pepper", "secret_key"):
        assert (target.home / name).read_bytes() == (source["instance"].home / name).read_bytes()
        assert (target.home / name).stat().st_mode & 0o777 == 0o600
    assert (target.home.stat().st_mode & 0o777) == 0o700


def test_the_archive_holds_nothing_in_the_clear(source):
    data = source["archive"].read_bytes()
    pepper = (source["instance"].home / "receipt_pepper").read_bytes()
    assert pepper not in data
    assert "Тестова Айгерим".encode() not in data and b"SQLite format" not in data
    check = source["instance"].tizim(
        "restore", "--check", str(source["archive"]), TIZIM_BACKUP_PASSPHRASE=PASSPHRASE
    )
    assert "backup intact" in check.stdout


def test_a_backup_to_a_public_key_needs_its_private_key(source, target, tmp_path):
    keys = tmp_path / "offline"
    keys.mkdir()
    source["instance"].tizim(
        "backup-key", str(keys / "backup.key"), TIZIM_BACKUP_PASSPHRASE="key passphrase 123"
    )
    archive = tmp_path / "to-key.tzb"
    source["instance"].tizim("backup", str(archive), "--to-key", str(keys / "backup.key.pub"))

    source["instance"].tizim(
        "backup-key", str(keys / "other.key"), TIZIM_BACKUP_PASSPHRASE="key passphrase 123"
    )
    refused = target.tizim(
        "restore",
        str(archive),
        "--key",
        str(keys / "other.key"),
        check=False,
        TIZIM_BACKUP_PASSPHRASE="key passphrase 123",
    )
    assert refused.returncode == 1 and "wrong key: this backup was written to" in refused.stderr
    refused = target.tizim(
        "restore", str(archive), check=False, TIZIM_BACKUP_PASSPHRASE="key passphrase 123"
    )
    assert refused.returncode == 1 and "give its private key file (--key)" in refused.stderr
    assert_nothing_written(target)

    target.tizim(
        "restore",
        str(archive),
        "--key",
        str(keys / "backup.key"),
        TIZIM_BACKUP_PASSPHRASE="key passphrase 123",
    )
    assert_same_instance(source, target, tmp_path)


def altered_copies(archive: Path, folder: Path) -> dict[str, Path]:
    data = archive.read_bytes()
    middle = bytearray(data)
    middle[len(data) // 2] ^= 0x01
    copies = {
        "truncated": data[: len(data) - 1000],
        "cut in half": data[: len(data) // 2],
        "one byte flipped in the middle": bytes(middle),
    }
    paths = {}
    for name, content in copies.items():
        path = folder / (name.replace(" ", "-") + ".tzb")
        path.write_bytes(content)
        paths[name] = path
    return paths


def test_damaged_archives_and_wrong_passphrases_are_refused_and_write_nothing(
    source, target, tmp_path
):
    cases = {"wrong passphrase": (source["archive"], "not the backup passphrase")}
    for name, path in altered_copies(source["archive"], tmp_path).items():
        cases[name] = (path, PASSPHRASE)
    for name, (path, passphrase) in cases.items():
        result = target.tizim("restore", str(path), check=False, TIZIM_BACKUP_PASSPHRASE=passphrase)
        assert result.returncode == 1, name
        assert result.stderr.startswith("tizim: error: "), (name, result.stderr)
        expected = "wrong passphrase" if name == "wrong passphrase" else "truncated|altered"
        assert any(word in result.stderr for word in expected.split("|")), (name, result.stderr)
        assert "Traceback" not in result.stderr
        assert_nothing_written(target)


def test_an_archive_whose_manifest_disagrees_is_refused(source, target, tmp_path):
    # Written with the right passphrase, so it authenticates: only the manifest tells.
    archive = tmp_path / "bad-manifest.tzb"
    engine = "postgresql" if target.database_url else "sqlite"
    with archive.open("wb") as out:
        writer = ArchiveWriter.with_passphrase(
            out, PASSPHRASE, info={"engine": engine, "migrations": []}, limits=MIN_KDF_LIMITS
        )
        writer.add_file("home/secret_key", 0o600, io.BytesIO(b"key\n"))
        manifest = [{**writer._manifest[0], "sha256": "0" * 64}]
        writer.close(manifest=manifest)
    result = target.tizim("restore", str(archive), check=False, TIZIM_BACKUP_PASSPHRASE=PASSPHRASE)
    assert result.returncode == 1
    assert "the manifest disagrees with the archive about home/secret_key" in result.stderr
    assert_nothing_written(target)


def test_a_restore_over_an_instance_is_refused(source, target, tmp_path):
    target.home.mkdir(parents=True)
    (target.home / "notes.txt").write_text("mine")
    result = target.tizim(
        "restore", str(source["archive"]), check=False, TIZIM_BACKUP_PASSPHRASE=PASSPHRASE
    )
    assert result.returncode == 1 and "is not empty" in result.stderr
    assert [p.name for p in target.home.iterdir()] == ["notes.txt"]
    if target.database_url:
        # An empty TIZIM_HOME, but a database that already holds an instance.
        Instance(tmp_path / "other" / "home", target.database_url).tizim("init")
        tables = database_tables(target.database_url)
        fresh_home = Instance(tmp_path / "fresh" / "home", target.database_url)
        result = fresh_home.tizim(
            "restore", str(source["archive"]), check=False, TIZIM_BACKUP_PASSPHRASE=PASSPHRASE
        )
        assert result.returncode == 1
        assert "database" in result.stderr and "is not empty" in result.stderr
        assert database_tables(target.database_url) == tables
        assert not fresh_home.home.parent.exists()


def test_a_backup_is_refused_where_it_would_overwrite_or_sit_in_tizim_home(source):
    instance = source["instance"]
    for where in (source["archive"], instance.home / "inside.tzb"):
        result = instance.tizim(
            "backup", str(where), check=False, TIZIM_BACKUP_PASSPHRASE=PASSPHRASE
        )
        assert result.returncode == 1 and "tizim: error:" in result.stderr
    assert not (instance.home / "inside.tzb").exists()
    short = instance.tizim(
        "backup",
        str(instance.home.parent / "short.tzb"),
        check=False,
        TIZIM_BACKUP_PASSPHRASE="short",
    )
    assert short.returncode == 1 and "too short" in short.stderr
