"""The encrypted archive of a whole tizim instance: format, encryption, manifest.

Why (docs/decisions/0016-encrypted-instance-backups.md): a backup that a seized server, a
hosting provider or a lost disk can read is the lawyer's spreadsheet of 2022 again. So the
archive is encrypted before a byte of it reaches the output, and it can be encrypted to a key
the server never holds.

Nothing here is new cryptography; it is libsodium through PyNaCl, as ``tizim.core.sealing``:

* The content is one **secretstream** (XChaCha20-Poly1305, libsodium's
  ``crypto_secretstream``) under a random 32-byte *file key*: every message is authenticated,
  they cannot be reordered, dropped or repeated, and the last one carries the ``FINAL`` tag, so
  a truncated archive is told from a whole one.
* The file key is sealed (``crypto_box_seal``) to a Curve25519 **recipient public key**.
  - With ``--to-key`` the recipient is a key made by ``tizim backup-key`` on another machine:
    the server can write backups and never read them.
  - With a passphrase, the recipient is a fresh keypair made for this archive whose private key
    travels in the header wrapped by ``argon2id(passphrase)`` and ``secretbox`` — the same
    :class:`~tizim.core.sealing.WrappedKey` that wraps staff keys. One way to open either kind.
* The header (recipient, sealed file key, wrapped key) is the associated data of the first
  message, so no part of it can be swapped without the archive refusing to open.

Layout (integers big-endian)::

    b"TIZIMBAK"  8 bytes
    header length 4 bytes, header: UTF-8 JSON (format, version, recipient public key and
                 fingerprint, sealed file key, wrapped key or null, secretstream header)
    messages:    each a 4-byte length and a secretstream ciphertext; its plaintext is a
                 1-byte record type and a body:
      I  JSON    what the archive holds (the instance's database engine, tizim's version, …)
      d  JSON    a directory {name, mode}
      f  JSON    a file begins {name, mode}
      c  bytes   the file's data, zlib-compressed, in pieces of at most 1 MiB
      e  JSON    the file ends {size, sha256} of its uncompressed data
      m  bytes   a piece of the manifest (JSON lines: one {name, kind, mode, size, sha256})
      z  —       the end, tagged FINAL

Reading is streamed too: :func:`read_archive` hands each file's data to a sink as it is
decrypted and refuses, naming the reason, an archive whose key does not open it, that was
truncated or altered, or whose manifest disagrees with what it holds. Whoever writes files from
it (``tizim.backups``) writes them to a staging folder and keeps them only when the whole
archive has been read and checked.
"""

from __future__ import annotations

import base64
import hashlib
import json
import posixpath
import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Protocol

import nacl.bindings as sodium
import nacl.exceptions
from nacl.public import PrivateKey, PublicKey, SealedBox

from tizim.core.sealing import (
    DEFAULT_KDF_LIMITS,
    KdfLimits,
    MalformedItem,
    WrappedKey,
    WrongPassphrase,
    key_fingerprint,
    unwrap_private_key,
    wrap_private_key,
)

__all__ = [
    "CHUNK_BYTES",
    "ArchiveContents",
    "ArchiveHeader",
    "ArchiveSink",
    "ArchiveWriter",
    "BackupArchiveError",
    "DamagedArchive",
    "NotABackup",
    "WrongKey",
    "new_backup_key",
    "private_key_for",
    "public_key_from_text",
    "public_key_text",
    "read_archive",
    "read_header",
]

MAGIC = b"TIZIMBAK"
FORMAT = "tizim-backup"
FORMAT_VERSION = 1
CHUNK_BYTES = 1 << 20
# A message's plaintext is at most a chunk (compressed data can grow a little beyond its input)
# plus the record type; anything longer is not ours and is refused before it is allocated.
_MAX_MESSAGE_BYTES = CHUNK_BYTES + 64 * 1024
_MAX_HEADER_BYTES = 64 * 1024
_ABYTES = sodium.crypto_secretstream_xchacha20poly1305_ABYTES
_TAG_MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
_TAG_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
_PUBLIC_KEY_PREFIX = "tizim-backup-public-key-v1"


class BackupArchiveError(Exception):
    """An archive could not be written or read; the message says why, for the user."""


class NotABackup(BackupArchiveError):
    """The file is not a tizim backup (or of a version this tizim cannot read)."""


class WrongKey(BackupArchiveError):
    """The passphrase or private key given does not open this archive."""


class DamagedArchive(BackupArchiveError):
    """The archive was truncated or altered, or its manifest disagrees with its content."""


# --- keys ------------------------------------------------------------------------------------


def new_backup_key(
    passphrase: str, *, limits: KdfLimits = DEFAULT_KDF_LIMITS
) -> tuple[WrappedKey, bytes]:
    """A new backup keypair: its private key wrapped with ``passphrase``, and its public key.

    The wrapped key is what ``tizim backup-key`` writes to the file kept off the server; the
    public key is all the server needs to write backups it cannot read.
    """
    private = PrivateKey.generate()
    wrapped = wrap_private_key(bytes(private), passphrase, limits=limits)
    return wrapped, bytes(private.public_key)


def public_key_text(public_key: bytes) -> str:
    """One line naming a backup public key, to write to a ``.pub`` file."""
    encoded = base64.b64encode(public_key).decode("ascii")
    return f"{_PUBLIC_KEY_PREFIX} {encoded} {key_fingerprint(public_key).replace(' ', '-')}\n"


def public_key_from_text(text: str) -> bytes:
    """The public key in a ``.pub`` file written by :func:`public_key_text`."""
    parts = text.split()
    if len(parts) < 2 or parts[0] != _PUBLIC_KEY_PREFIX:
        raise NotABackup(f"not a tizim backup public key (it should start {_PUBLIC_KEY_PREFIX})")
    try:
        key = base64.b64decode(parts[1], validate=True)
    except ValueError:
        key = b""
    if len(key) != PublicKey.SIZE:
        raise NotABackup("the backup public key is damaged")
    return key


def private_key_for(
    header: ArchiveHeader, *, passphrase: str | None, key_file: bytes | None
) -> bytes:
    """The private key that opens the archive of ``header``: from ``passphrase`` when it was
    written with one, else from ``key_file`` (a key of ``tizim backup-key``) unwrapped with it.
    """
    if header.wrapped_key is not None:
        if passphrase is None:
            raise WrongKey("this backup was written with a passphrase: give the passphrase")
        try:
            return unwrap_private_key(header.wrapped_key, passphrase)
        except WrongPassphrase:
            raise WrongKey("wrong passphrase: it does not open this backup") from None
    if key_file is None or passphrase is None:
        raise WrongKey(
            f"this backup was written to the key {header.fingerprint}: give its private key "
            "file (--key) and that key's passphrase"
        )
    try:
        wrapped = WrappedKey.from_bytes(key_file)
    except MalformedItem as exc:
        raise WrongKey(f"the key file is not a tizim backup private key: {exc}") from None
    if wrapped.public_key != header.public_key:
        raise WrongKey(
            f"wrong key: this backup was written to {header.fingerprint}, the key file holds "
            f"{key_fingerprint(wrapped.public_key)}"
        )
    try:
        return unwrap_private_key(wrapped, passphrase)
    except WrongPassphrase:
        raise WrongKey("wrong passphrase for the key file") from None


# --- header ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArchiveHeader:
    """The clear part of an archive: who can open it. Its bytes are authenticated by the key."""

    public_key: bytes
    sealed_file_key: bytes = field(repr=False)
    wrapped_key: WrappedKey | None
    stream_header: bytes = field(repr=False)
    raw: bytes = field(repr=False)

    @property
    def fingerprint(self) -> str:
        """The recipient key's fingerprint, as ``tizim backup-key`` printed it."""
        return key_fingerprint(self.public_key)

    @property
    def needs(self) -> str:
        """What opens it, in words."""
        return "a passphrase" if self.wrapped_key else f"the private key {self.fingerprint}"


def _header_bytes(
    public_key: bytes, sealed_file_key: bytes, wrapped: WrappedKey | None, stream_header: bytes
) -> bytes:
    body = json.dumps(
        {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "recipient": _b64(public_key),
            "sealed_file_key": _b64(sealed_file_key),
            "wrapped_key": wrapped.to_dict() if wrapped else None,
            "stream_header": _b64(stream_header),
        },
        sort_keys=True,
        separators=(",", ":"),
    ).encode("utf-8")
    return MAGIC + struct.pack(">I", len(body)) + body


def read_header(stream: BinaryIO) -> ArchiveHeader:
    """Read the header at the start of ``stream`` (left just after it)."""
    start = stream.read(len(MAGIC) + 4)
    if len(start) < len(MAGIC) + 4 or start[: len(MAGIC)] != MAGIC:
        raise NotABackup("not a tizim backup (it does not start with TIZIMBAK)")
    (length,) = struct.unpack(">I", start[len(MAGIC) :])
    if length > _MAX_HEADER_BYTES:
        raise NotABackup("not a tizim backup (its header is too long)")
    body = stream.read(length)
    if len(body) != length:
        raise DamagedArchive("the backup is truncated in its header")
    try:
        data = json.loads(body.decode("utf-8"))
        if data.get("format") != FORMAT:
            raise NotABackup("not a tizim backup")
        if data.get("version") != FORMAT_VERSION:
            raise NotABackup(
                f"backup format version {data.get('version')!r}; this tizim reads version "
                f"{FORMAT_VERSION}: restore with the tizim that wrote it"
            )
        wrapped = WrappedKey.from_dict(data["wrapped_key"]) if data["wrapped_key"] else None
        header = ArchiveHeader(
            public_key=_unb64(data["recipient"]),
            sealed_file_key=_unb64(data["sealed_file_key"]),
            wrapped_key=wrapped,
            stream_header=_unb64(data["stream_header"]),
            raw=start + body,
        )
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError, MalformedItem):
        raise DamagedArchive("the backup's header is damaged") from None
    if len(header.public_key) != PublicKey.SIZE:
        raise DamagedArchive("the backup's header is damaged (recipient key)")
    return header


# --- writing ---------------------------------------------------------------------------------


class ArchiveWriter:
    """Writes an encrypted archive to ``stream`` as files are added; :meth:`close` seals it.

    Make one with :meth:`with_passphrase` or :meth:`to_public_key`. Memory stays at about one
    chunk whatever the archive's size.
    """

    def __init__(
        self,
        stream: BinaryIO,
        *,
        public_key: bytes,
        wrapped_key: WrappedKey | None,
        info: dict[str, Any],
    ) -> None:
        file_key = sodium.crypto_secretstream_xchacha20poly1305_keygen()
        sealed_file_key = SealedBox(PublicKey(public_key)).encrypt(file_key)
        self._state = sodium.crypto_secretstream_xchacha20poly1305_state()
        stream_header = sodium.crypto_secretstream_xchacha20poly1305_init_push(
            self._state, file_key
        )
        self._out = stream
        self._manifest: list[dict[str, Any]] = []
        self._names: set[str] = set()
        self._closed = False
        self.bytes_in = 0
        raw = _header_bytes(public_key, bytes(sealed_file_key), wrapped_key, stream_header)
        stream.write(raw)
        self._push(b"I" + _json(info), ad=raw)

    @classmethod
    def with_passphrase(
        cls,
        stream: BinaryIO,
        passphrase: str,
        *,
        info: dict[str, Any],
        limits: KdfLimits = DEFAULT_KDF_LIMITS,
    ) -> ArchiveWriter:
        """An archive that ``passphrase`` opens (argon2id with ``limits``)."""
        wrapped, public_key = new_backup_key(passphrase, limits=limits)
        return cls(stream, public_key=public_key, wrapped_key=wrapped, info=info)

    @classmethod
    def to_public_key(
        cls, stream: BinaryIO, public_key: bytes, *, info: dict[str, Any]
    ) -> ArchiveWriter:
        """An archive only the holder of ``public_key``'s private key opens."""
        return cls(stream, public_key=public_key, wrapped_key=None, info=info)

    def add_directory(self, name: str, mode: int) -> None:
        """Record a directory (its permissions are restored, and an empty one is recreated)."""
        self._claim(name)
        self._push(b"d" + _json({"name": name, "mode": mode}))
        self._manifest.append({"name": name, "kind": "directory", "mode": mode})

    def add_file(self, name: str, mode: int, source: BinaryIO | Iterable[bytes]) -> str:
        """Add a file read from ``source`` (a binary file or an iterable of bytes, read to its
        end); returns its SHA-256."""
        self._claim(name)
        self._push(b"f" + _json({"name": name, "mode": mode}))
        digest = hashlib.sha256()
        size = 0
        packer = zlib.compressobj(6)
        for piece in _pieces(source):
            digest.update(piece)
            size += len(piece)
            self._push_data(packer.compress(piece))
        self._push_data(packer.flush())
        sha256 = digest.hexdigest()
        self._push(b"e" + _json({"size": size, "sha256": sha256}))
        self._manifest.append(
            {"name": name, "kind": "file", "mode": mode, "size": size, "sha256": sha256}
        )
        self.bytes_in += size
        return sha256

    def close(self, *, manifest: list[dict[str, Any]] | None = None) -> None:
        """Write the manifest and the final message. ``manifest`` replaces the true one only in
        tests that check a reader refuses a manifest disagreeing with the content."""
        if self._closed:
            return
        lines = b"".join(_json(entry) + b"\n" for entry in (manifest or self._manifest))
        for start in range(0, len(lines), CHUNK_BYTES):
            self._push(b"m" + lines[start : start + CHUNK_BYTES])
        self._push(b"z", tag=_TAG_FINAL)
        self._out.flush()
        self._closed = True

    def _claim(self, name: str) -> None:
        _check_name(name)
        if name in self._names:
            raise BackupArchiveError(f"{name} is in the archive twice")
        self._names.add(name)

    def _push_data(self, data: bytes) -> None:
        for start in range(0, len(data), CHUNK_BYTES):
            self._push(b"c" + data[start : start + CHUNK_BYTES])

    def _push(self, plaintext: bytes, *, ad: bytes | None = None, tag: int = _TAG_MESSAGE) -> None:
        if self._closed:
            raise BackupArchiveError("the archive is already closed")
        message = sodium.crypto_secretstream_xchacha20poly1305_push(self._state, plaintext, ad, tag)
        self._out.write(struct.pack(">I", len(message)))
        self._out.write(message)


def _pieces(source: BinaryIO | Iterable[bytes]) -> Iterable[bytes]:
    read = getattr(source, "read", None)
    if read is None:
        yield from (bytes(piece) for piece in source)
        return
    while piece := read(CHUNK_BYTES):
        yield piece


# --- reading ---------------------------------------------------------------------------------


class ArchiveSink(Protocol):
    """Where :func:`read_archive` puts what it reads. A sink that writes nothing checks only."""

    def begin(self, info: dict[str, Any]) -> None:
        """The archive's description, before anything else; raise to refuse the archive."""

    def directory(self, name: str, mode: int) -> None:
        """A directory of the archive."""

    def file(self, name: str, mode: int) -> BinaryIO | None:
        """A writable binary file for the file ``name`` (closed by the reader), or None to
        only check it."""


@dataclass(frozen=True)
class ArchiveContents:
    """What an archive held, once read to its end and checked."""

    info: dict[str, Any]
    manifest: list[dict[str, Any]]
    bytes_out: int


def read_archive(
    stream: BinaryIO,
    header: ArchiveHeader,
    private_key: bytes,
    sink: ArchiveSink,
) -> ArchiveContents:
    """Decrypt the archive after ``header`` (from :func:`read_header` on the same stream) with
    ``private_key``, giving each directory and file to ``sink``; check everything.

    Raises :class:`WrongKey` when the key does not open it, :class:`DamagedArchive` when it was
    truncated or altered anywhere or its manifest disagrees with its content. Data already given
    to the sink when that is found must be thrown away by the caller.
    """
    file_key = _open_file_key(header, private_key)
    reader = _MessageReader(stream, header, file_key)
    kind, body = reader.next()
    if kind != b"I":
        raise DamagedArchive("the backup does not start with its description")
    info = _parse_json(body)
    sink.begin(info)
    seen: list[dict[str, Any]] = []
    manifest_bytes = bytearray()
    total = 0
    while True:
        kind, body = reader.next()
        if kind == b"d":
            entry = _parse_json(body)
            name, mode = _entry_name(entry), int(entry["mode"])
            sink.directory(name, mode)
            seen.append({"name": name, "kind": "directory", "mode": mode})
        elif kind == b"f":
            entry = _parse_json(body)
            name, mode = _entry_name(entry), int(entry["mode"])
            seen.append(_read_file(reader, name, mode, sink.file(name, mode)))
            total += seen[-1]["size"]
        elif kind == b"m":
            manifest_bytes += body
        elif kind == b"z":
            break
        else:
            raise DamagedArchive(f"unexpected record {kind!r} in the backup")
    reader.expect_end()
    manifest = [_parse_json(line) for line in bytes(manifest_bytes).splitlines() if line]
    _compare_manifest(manifest, seen)
    return ArchiveContents(info=info, manifest=manifest, bytes_out=total)


def _read_file(
    reader: _MessageReader, name: str, mode: int, target: BinaryIO | None
) -> dict[str, Any]:
    digest = hashlib.sha256()
    size = 0
    unpacker = zlib.decompressobj()
    try:
        while True:
            kind, body = reader.next()
            if kind == b"c":
                try:
                    data = unpacker.decompress(body)
                except zlib.error:
                    raise DamagedArchive(f"{name}: its data does not decompress") from None
                digest.update(data)
                size += len(data)
                if target is not None:
                    target.write(data)
            elif kind == b"e":
                end = _parse_json(body)
                break
            else:
                raise DamagedArchive(f"{name}: the backup ends inside this file")
    finally:
        if target is not None:
            target.close()
    if not unpacker.eof or unpacker.unused_data:
        raise DamagedArchive(f"{name}: its compressed data is incomplete")
    if end.get("size") != size or end.get("sha256") != digest.hexdigest():
        raise DamagedArchive(f"{name}: its SHA-256 differs from the one written with it")
    return {"name": name, "kind": "file", "mode": mode, "size": size, "sha256": end["sha256"]}


def _compare_manifest(manifest: list[dict[str, Any]], seen: list[dict[str, Any]]) -> None:
    listed = {entry.get("name"): entry for entry in manifest}
    found = {entry["name"]: entry for entry in seen}
    if len(listed) != len(manifest):
        raise DamagedArchive("the manifest lists a name twice")
    for name, entry in found.items():
        if name not in listed:
            raise DamagedArchive(f"the manifest does not list {name}")
        if listed[name] != entry:
            raise DamagedArchive(f"the manifest disagrees with the archive about {name}")
    missing = sorted(str(name) for name in listed.keys() - found.keys())
    if missing:
        raise DamagedArchive(f"the manifest lists {missing[0]}, which is not in the archive")


class _MessageReader:
    """The secretstream messages of an archive, decrypted and authenticated one by one."""

    def __init__(self, stream: BinaryIO, header: ArchiveHeader, file_key: bytes) -> None:
        self._stream = stream
        self._state = sodium.crypto_secretstream_xchacha20poly1305_state()
        try:
            sodium.crypto_secretstream_xchacha20poly1305_init_pull(
                self._state, header.stream_header, file_key
            )
        except (nacl.exceptions.CryptoError, ValueError, TypeError):
            raise DamagedArchive("the backup's header is damaged (stream header)") from None
        self._ad: bytes | None = header.raw
        self._final = False

    def next(self) -> tuple[bytes, bytes]:
        if self._final:
            raise DamagedArchive("the backup goes on after its end")
        prefix = self._stream.read(4)
        if len(prefix) < 4:
            raise DamagedArchive("the backup is truncated: its end is missing")
        (length,) = struct.unpack(">I", prefix)
        if not _ABYTES < length <= _MAX_MESSAGE_BYTES + _ABYTES:
            raise DamagedArchive("the backup is damaged (a message of impossible length)")
        message = self._stream.read(length)
        if len(message) != length:
            raise DamagedArchive("the backup is truncated: its end is missing")
        try:
            plaintext, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(
                self._state, message, self._ad
            )
        except (nacl.exceptions.CryptoError, RuntimeError, ValueError):
            raise DamagedArchive(
                "the backup was altered or damaged: a part of it fails authentication"
            ) from None
        self._ad = None
        if not plaintext:
            raise DamagedArchive("the backup is damaged (an empty message)")
        kind = plaintext[:1]
        if (tag == _TAG_FINAL) != (kind == b"z"):
            raise DamagedArchive("the backup is damaged (its end is misplaced)")
        self._final = tag == _TAG_FINAL
        return kind, bytes(plaintext[1:])

    def expect_end(self) -> None:
        if self._stream.read(1):
            raise DamagedArchive("the backup has data after its end")


def _open_file_key(header: ArchiveHeader, private_key: bytes) -> bytes:
    try:
        private = PrivateKey(private_key)
    except (nacl.exceptions.CryptoError, TypeError, ValueError):
        raise WrongKey("not a private key") from None
    if bytes(private.public_key) != header.public_key:
        raise WrongKey(f"wrong key: this backup was written to {header.fingerprint}")
    try:
        return bytes(SealedBox(private).decrypt(header.sealed_file_key))
    except nacl.exceptions.CryptoError:
        raise DamagedArchive("the backup's header is damaged (its sealed key)") from None


# --- small helpers ---------------------------------------------------------------------------


def _check_name(name: str) -> None:
    """Names are relative POSIX paths that stay inside the folder they are restored into."""
    if (
        not name
        or name in (".", "..")
        or "\\" in name
        or "\x00" in name
        or name.startswith("/")
        or posixpath.normpath(name) != name
        or name.split("/")[0] == ".."
    ):
        raise DamagedArchive(f"unsafe name in the backup: {name!r}")


def _entry_name(entry: dict[str, Any]) -> str:
    name = entry.get("name")
    if not isinstance(name, str):
        raise DamagedArchive("an entry of the backup has no name")
    _check_name(name)
    return name


def _json(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _parse_json(body: bytes) -> dict[str, Any]:
    try:
        value = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise DamagedArchive("the backup is damaged (an unreadable entry)") from None
    if not isinstance(value, dict):
        raise DamagedArchive("the backup is damaged (an unreadable entry)")
    return value


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text, validate=True)
