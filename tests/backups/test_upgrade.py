"""``tizim upgrade`` on an instance made by the previous release's code.

The previous release is materialised from git (``git archive``) and run with this checkout's
virtual environment to load the demo and receive sealed reports; then this code's ``tizim
upgrade`` backs the instance up, migrates and verifies it, and everything must have survived:
the records, persons and acts, the audit chain, the evidence, and every sealed report for the
reviewer and each reporter. The migrations expected are those on disk here and not in the
previous release, whatever they are when the test runs.
"""

from __future__ import annotations

import subprocess
import tarfile
from pathlib import Path

import pytest

from tests.backups.instances import (
    EXPORTS,
    PASSPHRASE,
    REPO,
    Instance,
    add_sealed_reports,
    fresh_database,
    make_demo,
    read_sealed_reports,
)

pytestmark = pytest.mark.slow

# The release an instance is upgraded from; docs/decisions/0016 and README say the same.
PREVIOUS_RELEASE = "e4bc86d40df989e53ce551c1c40aff123377c766"


def git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, timeout=120)


def previous_release(folder: Path) -> Path:
    """The previous release's ``tizim`` package, extracted into ``folder``."""
    if git("rev-parse", "--git-dir").returncode != 0:
        pytest.skip("this checkout has no git history: the previous release cannot be made")
    if git("cat-file", "-e", f"{PREVIOUS_RELEASE}^{{commit}}").returncode != 0:
        pytest.fail(
            f"the previous release {PREVIOUS_RELEASE} is not in this checkout's git history "
            "(a shallow clone? run 'git fetch --unshallow')"
        )
    archive = git("archive", "--format=tar", PREVIOUS_RELEASE, "tizim")
    assert archive.returncode == 0, archive.stderr
    archive_path = folder / "previous.tar"
    archive_path.write_bytes(archive.stdout)
    with tarfile.open(archive_path) as tar:
        tar.extractall(folder / "previous", filter="data")
    return folder / "previous"


def migrations_in(tree: Path) -> set[str]:
    return {
        f"{path.parent.parent.name}.{path.stem}"
        for path in (tree / "tizim").glob("*/migrations/[0-9]*.py")
    }


def data_rows(exports: dict[str, bytes]) -> dict[str, int]:
    return {name: data.count(b"\n") for name, data in exports.items()}


def test_an_instance_of_the_previous_release_upgrades_and_keeps_everything(tmp_path):
    old_code = previous_release(tmp_path)
    assert (old_code / "tizim" / "cli.py").exists() or (old_code / "tizim" / "cli").is_dir()
    with fresh_database() as url:
        old = make_demo(Instance(tmp_path / "home", url, pythonpath=old_code))
        add_sealed_reports(old)
        before = read_sealed_reports(old, old.phrases, old.password)
        exported_before = old.exports(tmp_path / "before")

        new = Instance(old.home, url)  # the same instance, this checkout's code
        backup = tmp_path / "before-upgrade.tzb"
        result = new.tizim("upgrade", "--backup", str(backup), TIZIM_BACKUP_PASSPHRASE=PASSPHRASE)
        out = result.stdout
        for step in ("1/3 backup", "2/3 migrate", "3/3 verify", "migrations complete: yes"):
            assert step in out, out
        assert "audit log: intact" in out and "evidence: intact (5 files, 10 sealed blobs)" in out
        assert "upgrade done and verified" in out
        for migration in sorted(migrations_in(REPO) - migrations_in(old_code)):
            assert f"applied {migration}" in out, out

        assert data_rows(new.exports(tmp_path / "after")) == data_rows(exported_before)
        assert read_sealed_reports(new, old.phrases, old.password) == before
        assert "audit log intact" in new.tizim("audit", "verify").stdout
        assert "evidence intact" in new.tizim("evidence", "verify").stdout
        check = new.tizim("restore", "--check", str(backup), TIZIM_BACKUP_PASSPHRASE=PASSPHRASE)
        assert "backup intact" in check.stdout
    assert set(exported_before) == set(EXPORTS)


def test_an_upgrade_without_a_passphrase_or_key_changes_nothing(tmp_path):
    with fresh_database() as url:
        instance = Instance(tmp_path / "home", url)
        instance.tizim("init")
        result = instance.tizim("upgrade", "--backup", str(tmp_path / "b.tzb"), check=False)
        assert result.returncode == 1
        assert "no passphrase: set TIZIM_BACKUP_PASSPHRASE" in result.stderr
        assert not (tmp_path / "b.tzb").exists()
