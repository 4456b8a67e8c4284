"""``tizim user add|list|role``: roles, second factor and recipient keys from the command line."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from tests.cli.test_cli import tizim

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "data"
    result = tizim(home, "init", "--admin", "admin")
    assert result.returncode == 0, result.stderr
    return home


def listing(home: Path) -> dict[str, list[str]]:
    result = tizim(home, "user", "list")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()[2:]
    return {line.split()[0]: re.split(r"\s{2,}", line.strip())[1:] for line in lines}


def test_users_get_roles_keys_and_two_factor_status(home):
    assert "role admin (superuser)" in tizim(home, "user", "add", "lawyer", "--admin").stdout
    added = tizim(home, "user", "add", "reader", "--role", "reviewer")
    assert added.returncode == 0, added.stderr
    assert "role reviewer" in added.stdout and "recipient key fingerprint:" in added.stdout
    assert "sets up an authenticator app" in added.stdout
    assert "role volunteer" in tizim(home, "user", "add", "typist").stdout
    users = listing(home)
    assert users["typist"] == ["volunteer", "no", "-"]
    role, two_factor, fingerprint = users["reader"]
    assert role == "reviewer" and two_factor == "no"
    assert re.fullmatch(r"[0-9a-f]{4}( [0-9a-f]{4}){7}", fingerprint)
    assert users["admin"][0] == "admin" and users["lawyer"][0] == "admin"
    # a password reset keeps the role
    assert "role reviewer" in tizim(home, "user", "add", "reader").stdout
    # losing a role that unseals revokes the key
    moved = tizim(home, "user", "role", "reader", "analyst")
    assert moved.returncode == 0 and "now has role analyst" in moved.stdout
    assert listing(home)["reader"] == ["analyst", "no", "-"]
    with sqlite3.connect(home / "tizim.sqlite3") as db:
        actions = [a for (a,) in db.execute("SELECT action FROM audit_auditentry")]
    assert {"user.role", "user.password", "key.create", "key.revoke"} <= set(actions)
    assert tizim(home, "audit", "verify").returncode == 0


def test_bad_role_and_unknown_user_are_refused_clearly(home):
    bad = tizim(home, "user", "role", "admin", "boss")
    assert bad.returncode == 2 and "invalid choice: 'boss'" in bad.stderr
    missing = tizim(home, "user", "role", "ghost", "analyst")
    assert missing.returncode == 1 and "no user 'ghost'" in missing.stderr
    later = tizim(home, "user", "add", "ghost", "--role", "volunteer")
    assert later.returncode == 0
    promoted = tizim(home, "user", "role", "ghost", "reviewer")
    assert "recipient key is made at the user's next login" in promoted.stdout
