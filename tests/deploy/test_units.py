"""The systemd units of ``deploy/systemd/`` as ``systemd-analyze verify`` reads them, and the
backup script ``deploy/tizim-backup`` they run (with stand-ins for ``tizim backup`` and rsync:
the script's own work — naming, encryption option, copy off the machine, rotation — is what is
tested here; ``tizim backup`` has its own tests)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
TIZIM = Path(sys.executable).with_name("tizim")


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
def test_the_units_verify_cleanly(tmp_path):
    replacements = {
        "/opt/tizim/venv/bin/tizim": str(TIZIM),
        "/usr/local/sbin/tizim-backup": str(DEPLOY / "tizim-backup"),
    }
    for unit in (DEPLOY / "systemd").iterdir():
        text = unit.read_text()
        for old, new in replacements.items():
            text = text.replace(old, new)
        (tmp_path / unit.name).write_text(text)
    units = sorted(str(p) for p in tmp_path.iterdir())
    assert len(units) == 3
    done = subprocess.run(["systemd-analyze", "verify", *units], capture_output=True, text=True)
    # verify only warns about an unknown or misspelt directive: no output at all is the bar.
    assert done.returncode == 0 and done.stderr == "" and done.stdout == "", done.stderr


def test_the_service_is_hardened_and_restarts_on_failure():
    unit = (DEPLOY / "systemd" / "tizim.service").read_text()
    settings = dict(
        line.split("=", 1) for line in unit.splitlines() if "=" in line and line[0] != "#"
    )
    assert settings["Restart"] == "on-failure"
    assert settings["User"] == "tizim" and settings["KillMode"] == "mixed"
    for hardening in ("NoNewPrivileges", "PrivateTmp", "PrivateDevices", "ProtectHome"):
        assert settings[hardening] == "yes", hardening
    assert settings["ProtectSystem"] == "strict" and settings["LimitCORE"] == "0"
    assert "--host 127.0.0.1" in settings["ExecStart"]


def _stand_ins(folder: Path, tizim_exit: int = 0) -> dict[str, str]:
    calls = folder / "calls"
    tizim = folder / "tizim"
    tizim.write_text(
        f'#!/bin/sh\necho "tizim $*" >> {calls}\n'
        f'[ {tizim_exit} = 0 ] && echo encrypted > "$2"\nexit {tizim_exit}\n'
    )
    rsync = folder / "rsync"
    rsync.write_text(f'#!/bin/sh\necho "rsync $*" >> {calls}\n')
    for script in (tizim, rsync):
        script.chmod(0o755)
    return {"TIZIM": str(tizim), "RSYNC": str(rsync)}


def _backup(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(DEPLOY / "tizim-backup")],
        env={"PATH": os.environ["PATH"], **env},
        capture_output=True,
        text=True,
    )


def test_a_backup_is_encrypted_to_a_key_copied_off_and_the_oldest_rotated(tmp_path):
    backups = tmp_path / "backups"
    backups.mkdir()
    for stamp in ("20250101T031500Z", "20250102T031500Z", "20250103T031500Z"):
        (backups / f"tizim-{stamp}.backup").write_text("older")
    env = {
        **_stand_ins(tmp_path),
        "TIZIM_BACKUP_DIR": str(backups),
        "TIZIM_BACKUP_KEEP": "2",
        "TIZIM_BACKUP_TO_KEY": "/etc/tizim/backup-recipient.pub",
        "TIZIM_BACKUP_REMOTE": "tizim-backup@backup.example.org:incoming/",
    }
    done = _backup(env)
    assert done.returncode == 0, done.stderr
    kept = sorted(p.name for p in backups.iterdir())
    assert len(kept) == 2 and kept[0] == "tizim-20250103T031500Z.backup", kept
    new = backups / kept[1]
    assert new.read_text() == "encrypted\n" and new.stat().st_mode & 0o077 == 0
    tizim_call, rsync_call = (tmp_path / "calls").read_text().splitlines()
    assert tizim_call == f"tizim backup {new}.partial --to-key /etc/tizim/backup-recipient.pub"
    assert rsync_call.startswith("rsync ") and rsync_call.endswith(
        f"{new} tizim-backup@backup.example.org:incoming/"
    )


def test_without_a_key_the_passphrase_path_is_used_and_a_failure_leaves_no_backup(tmp_path):
    backups = tmp_path / "backups"
    env = {**_stand_ins(tmp_path), "TIZIM_BACKUP_DIR": str(backups)}
    assert _backup(env).returncode == 0
    (call,) = (tmp_path / "calls").read_text().splitlines()
    assert call.startswith("tizim backup ") and call.endswith(".backup.partial")
    failing = tmp_path / "failing"
    failing.mkdir()
    env = {
        **_stand_ins(failing, tizim_exit=3),
        "TIZIM_BACKUP_DIR": str(failing / "backups"),
        "TIZIM_BACKUP_REMOTE": "somewhere:/",
    }
    done = _backup(env)
    assert done.returncode != 0
    assert not list((failing / "backups").glob("*.backup"))
    assert "rsync" not in (failing / "calls").read_text()
