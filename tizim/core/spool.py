"""A folder of entries waiting to be written elsewhere: each a small JSON file, written whole
or not at all, read back, removed once their writer is done with them.

Pure (no Django). An entry is first written under a temporary name, flushed to the disk and
only then renamed into place (with the folder flushed too), so a crash or a full disk leaves
either the whole entry or none: the reader never sees half of one. Files are readable by the
server's user only.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ENTRY_SUFFIX = ".json"
_PARTIAL_SUFFIX = ".partial"
_DAMAGED_SUFFIX = ".damaged"


class Spool:
    """The entries of one folder (created, mode 0700, when the first entry is written)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def put(self, entry: dict[str, Any]) -> Path:
        """Write ``entry`` (JSON-serialisable) durably; return its file. OSError when it cannot
        be written whole (then nothing of it is left)."""
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Random names: a name holding the time would say when a report came (see P9 of
        # docs/threat-model.md).
        name = secrets.token_hex(16)
        partial = self.folder / (name + _PARTIAL_SUFFIX)
        final = self.folder / (name + ENTRY_SUFFIX)
        data = json.dumps(entry, ensure_ascii=False).encode("utf-8")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            try:
                os.write(fd, data)
                os.fsync(fd)
            finally:
                os.close(fd)
            os.rename(partial, final)
            _sync_folder(self.folder)
        except BaseException:
            partial.unlink(missing_ok=True)
            final.unlink(missing_ok=True)
            raise
        return final

    def waiting(self) -> list[Path]:
        """The entries waiting (none when the folder does not exist)."""
        if not self.folder.is_dir():
            return []
        return sorted(self.folder.glob("*" + ENTRY_SUFFIX))

    def entries(self) -> Iterator[tuple[Path, dict[str, Any]]]:
        """Each waiting entry with its content. An entry that cannot be read is
        renamed aside (``.damaged``, kept for a person to look at) and skipped."""
        for path in self.waiting():
            try:
                entry = json.loads(path.read_bytes())
            except FileNotFoundError:  # taken by another process meanwhile
                continue
            except (OSError, ValueError):
                path.rename(path.with_suffix(_DAMAGED_SUFFIX))
                continue
            yield path, entry

    def remove(self, path: Path) -> None:
        """Remove an entry once it is written elsewhere (gone already is fine). The folder is
        not flushed: an entry that comes back after a crash is written again, and its writer
        must make that harmless (a second write of the same entry changes nothing)."""
        path.unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    # A rename or unlink is durable only once the folder itself is flushed (POSIX).
    if not hasattr(os, "O_DIRECTORY"):
        return
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
