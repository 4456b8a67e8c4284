"""The encrypted backup archive: round trips, and every way a bad archive must be refused."""

from __future__ import annotations

import hashlib
import io
import os
from typing import Any, BinaryIO

import pytest

from tizim.core.backup_archive import (
    CHUNK_BYTES,
    ArchiveWriter,
    DamagedArchive,
    NotABackup,
    WrongKey,
    new_backup_key,
    private_key_for,
    public_key_from_text,
    public_key_text,
    read_archive,
    read_header,
)
from tizim.core.sealing import MIN_KDF_LIMITS

PASSPHRASE = "correct horse battery staple"
# Larger than one chunk and incompressible, so that a file spans several messages.
BIG = os.urandom(CHUNK_BYTES + 12345)
FILES = {
    "home/audit_key": b"ab" * 32 + b"\n",
    "home/media/evidence/blob.sealed": BIG,
    "home/empty": b"",
    "database/tizim.sqlite3": b"SQLite format 3\x00" + b"\x00" * 5000,
}


class MemorySink:
    """Collects what an archive holds."""

    def __init__(self) -> None:
        self.info: dict[str, Any] = {}
        self.directories: dict[str, int] = {}
        self.files: dict[str, io.BytesIO] = {}

    def begin(self, info: dict[str, Any]) -> None:
        self.info = info

    def directory(self, name: str, mode: int) -> None:
        self.directories[name] = mode

    def file(self, name: str, mode: int) -> BinaryIO:
        buffer = KeptBytesIO()
        self.files[name] = buffer
        return buffer


class KeptBytesIO(io.BytesIO):
    """A BytesIO whose content survives close()."""

    def close(self) -> None:
        self.kept = self.getvalue()


def write_archive(*, to_key: bytes | None = None, manifest: Any = None) -> bytes:
    out = io.BytesIO()
    info = {"engine": "sqlite", "migrations": ["registry.0001_initial"]}
    if to_key is None:
        writer = ArchiveWriter.with_passphrase(out, PASSPHRASE, info=info, limits=MIN_KDF_LIMITS)
    else:
        writer = ArchiveWriter.to_public_key(out, to_key, info=info)
    writer.add_directory("home/media", 0o700)
    for name, data in FILES.items():
        # An iterable of pieces, as pg_dump's output arrives, for one of them.
        source = [data[:100], data[100:]] if name.startswith("database/") else io.BytesIO(data)
        writer.add_file(name, 0o600, source)
    if manifest is not None:
        manifest = manifest(writer._manifest)
    writer.close(manifest=manifest)
    return out.getvalue()


def read(data: bytes, *, passphrase: str | None = PASSPHRASE, key_file: bytes | None = None):
    stream = io.BytesIO(data)
    header = read_header(stream)
    private_key = private_key_for(header, passphrase=passphrase, key_file=key_file)
    sink = MemorySink()
    contents = read_archive(stream, header, private_key, sink)
    return contents, sink


@pytest.fixture(scope="module")
def archive() -> bytes:
    return write_archive()


def test_a_passphrase_archive_gives_back_every_file_bit_for_bit(archive):
    contents, sink = read(archive)
    assert {name: buffer.kept for name, buffer in sink.files.items()} == FILES
    assert sink.directories == {"home/media": 0o700}
    assert sink.info == {"engine": "sqlite", "migrations": ["registry.0001_initial"]}
    manifest = {entry["name"]: entry for entry in contents.manifest}
    for name, data in FILES.items():
        assert manifest[name]["sha256"] == hashlib.sha256(data).hexdigest()
        assert manifest[name]["size"] == len(data)
    assert contents.bytes_out == sum(len(data) for data in FILES.values())


def test_the_archive_reveals_no_content_in_the_clear(archive):
    assert b"SQLite format 3" not in archive
    assert b"audit_key" not in archive
    assert BIG[1000:1064] not in archive


def test_a_wrong_passphrase_is_refused_clearly(archive):
    with pytest.raises(WrongKey, match="wrong passphrase"):
        read(archive, passphrase="not the passphrase at all")
    with pytest.raises(WrongKey, match="give the passphrase"):
        read(archive, passphrase=None)


def test_an_archive_to_a_public_key_opens_only_with_its_private_key():
    key_file, public_key = new_backup_key("key passphrase 123", limits=MIN_KDF_LIMITS)
    assert public_key_from_text(public_key_text(public_key)) == public_key
    data = write_archive(to_key=public_key)
    _contents, sink = read(data, passphrase="key passphrase 123", key_file=key_file.to_bytes())
    assert {name: buffer.kept for name, buffer in sink.files.items()} == FILES

    other, _ = new_backup_key("key passphrase 123", limits=MIN_KDF_LIMITS)
    with pytest.raises(WrongKey, match="wrong key: this backup was written to"):
        read(data, passphrase="key passphrase 123", key_file=other.to_bytes())
    with pytest.raises(WrongKey, match="wrong passphrase for the key file"):
        read(data, passphrase="another passphrase", key_file=key_file.to_bytes())
    with pytest.raises(WrongKey, match="give its private key"):
        read(data, passphrase="key passphrase 123", key_file=None)


@pytest.mark.parametrize("cut", [1, 17, CHUNK_BYTES // 2, -1])
def test_a_truncated_archive_is_refused(archive, cut):
    length = len(archive) - cut if cut > 0 else len(archive) - 1
    with pytest.raises(DamagedArchive, match=r"truncated|altered"):
        read(archive[:length])


def test_an_archive_cut_at_a_message_boundary_is_refused(archive):
    # Drop the final message (the "z" record: 4-byte length, 1 byte, the 17-byte tag): every
    # remaining message authenticates, only the missing FINAL tag tells.
    with pytest.raises(DamagedArchive, match="truncated"):
        read(archive[: -(4 + 1 + 17)])


@pytest.mark.parametrize("where", [0.25, 0.5, 0.75, 0.999])
def test_one_byte_flipped_anywhere_is_refused(archive, where):
    position = int(len(archive) * where)
    altered = bytearray(archive)
    altered[position] ^= 0x01
    with pytest.raises(DamagedArchive):
        read(bytes(altered))


def test_a_byte_flipped_in_the_header_is_refused(archive):
    header_length = int.from_bytes(archive[8:12], "big")
    for position in (12 + header_length // 3, 12 + header_length - 5):
        altered = bytearray(archive)
        altered[position] ^= 0x01
        with pytest.raises((DamagedArchive, WrongKey)):
            read(bytes(altered))


def test_data_after_the_end_is_refused(archive):
    with pytest.raises(DamagedArchive, match="after its end"):
        read(archive + b"\x00")


def test_a_manifest_disagreeing_with_the_content_is_refused():
    def altered_hash(manifest):
        manifest = [dict(entry) for entry in manifest]
        for entry in manifest:
            if entry["name"] == "home/audit_key":
                entry["sha256"] = "0" * 64
        return manifest

    def dropped_file(manifest):
        return [entry for entry in manifest if entry["name"] != "home/empty"]

    def extra_file(manifest):
        extra = {"name": "home/x", "kind": "file", "mode": 0o600, "size": 0, "sha256": "0" * 64}
        return [*manifest, extra]

    with pytest.raises(DamagedArchive, match=r"manifest disagrees .* home/audit_key"):
        read(write_archive(manifest=altered_hash))
    with pytest.raises(DamagedArchive, match="manifest does not list home/empty"):
        read(write_archive(manifest=dropped_file))
    with pytest.raises(DamagedArchive, match="lists home/x, which is not in the archive"):
        read(write_archive(manifest=extra_file))


def test_not_a_backup_is_refused(tmp_path):
    with pytest.raises(NotABackup):
        read_header(io.BytesIO(b"PK\x03\x04 a zip file"))
    with pytest.raises(NotABackup):
        public_key_from_text("ssh-ed25519 AAAA")


@pytest.mark.parametrize("name", ["/etc/passwd", "../escape", "home/../../x", ".", "a\\b", ""])
def test_unsafe_names_are_refused_when_writing(name):
    writer = ArchiveWriter.to_public_key(
        io.BytesIO(), new_backup_key("x" * 12, limits=MIN_KDF_LIMITS)[1], info={}
    )
    with pytest.raises(DamagedArchive, match="unsafe name"):
        writer.add_file(name, 0o600, io.BytesIO(b"x"))
