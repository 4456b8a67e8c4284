"""The audit key: the secret every new audit entry's HMAC is made with.

It lives outside the database (``TIZIM_HOME/audit_key``, mode 0600, or ``TIZIM_AUDIT_KEY``),
so whoever holds only the database cannot recompute the chain after editing or deleting
entries: a plain hash anyone can recompute; a keyed one only the key's holder.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from django.conf import settings

from tizim.core.files import write_new_private_file

AUDIT_KEY_ENV = "TIZIM_AUDIT_KEY"
KEY_BYTES = 32


class AuditKeyError(Exception):
    """The audit key is missing or unusable; the message says where it was looked for."""


def audit_key_path() -> Path:
    """Where the instance keeps its audit key unless ``TIZIM_AUDIT_KEY`` gives it."""
    return Path(settings.TIZIM_HOME) / "audit_key"


def audit_key() -> bytes | None:
    """The audit key, or None when this instance has none yet."""
    from_env = os.environ.get(AUDIT_KEY_ENV, "").strip()
    if from_env:
        try:
            key = bytes.fromhex(from_env)
        except ValueError:
            key = b""
        if len(key) < KEY_BYTES:
            raise AuditKeyError(
                f"{AUDIT_KEY_ENV} must be at least {2 * KEY_BYTES} hexadecimal digits"
            )
        return key
    path = audit_key_path()
    if not path.exists():
        return None
    try:
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (ValueError, UnicodeDecodeError):
        key = b""
    if len(key) < KEY_BYTES:
        raise AuditKeyError(f"{path} does not hold an audit key ({2 * KEY_BYTES} hex digits)")
    return key


def create_audit_key() -> bytes:
    """The audit key, written to ``TIZIM_HOME/audit_key`` (0600) first if there is none."""
    key = audit_key()
    if key is not None:
        return key
    path = audit_key_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Another process may have created it a moment ago: then use theirs.
    with contextlib.suppress(FileExistsError):
        write_new_private_file(path, secrets.token_hex(KEY_BYTES).encode("ascii") + b"\n")
    key = audit_key()
    assert key is not None
    return key


def where_the_key_is() -> str:
    """Words for the places the key is looked for, for error messages."""
    return f"{audit_key_path()} or {AUDIT_KEY_ENV}"
