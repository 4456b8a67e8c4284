"""Files written once, readable by the server's user only (sealed blobs, the receipt pepper), and
the SHA-256 of a file on disk.

Pure (no Django). ``O_EXCL`` makes a write refuse to replace an existing file, so what is
written once is never silently overwritten; a write that fails leaves no partial file.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from pathlib import Path


def write_new_private_file(path: Path, data: bytes) -> None:
    """Create ``path`` (mode 0600) holding ``data``; FileExistsError if it exists already."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, data)
    except BaseException:
        os.close(fd)
        path.unlink(missing_ok=True)
        raise
    os.close(fd)


def write_new_blob(folder: Path, data: bytes, *, suffix: str = ".sealed") -> Path:
    """Write ``data`` to a new file with a random name in ``folder``; return its path."""
    path = folder / (secrets.token_hex(16) + suffix)
    write_new_private_file(path, data)
    return path


def sha256_of_file(path: Path) -> str:
    """The SHA-256 of a file's bytes as hex, read in 1 MB pieces so any size fits in memory."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
