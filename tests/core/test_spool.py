"""The spool of entries waiting to be written elsewhere: whole entries or none."""

from __future__ import annotations

import stat

import pytest

from tizim.core.spool import Spool


def test_entries_are_kept_whole_private_and_removed_once_done(tmp_path):
    spool = Spool(tmp_path / "spool")
    assert spool.waiting() == [] and list(spool.entries()) == []
    first = spool.put({"name": "Жағыпаров", "n": 1})
    spool.put({"name": "Seitkali", "n": 2})
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    assert stat.S_IMODE(spool.folder.stat().st_mode) == 0o700
    assert sorted(entry["n"] for _, entry in spool.entries()) == [1, 2]
    spool.remove(first)
    spool.remove(first)  # gone already is fine
    assert [entry["n"] for _, entry in spool.entries()] == [2]


def test_a_damaged_entry_is_set_aside_not_lost(tmp_path):
    spool = Spool(tmp_path / "spool")
    good = spool.put({"n": 1})
    (spool.folder / "broken.json").write_bytes(b'{"n": ')
    assert [entry["n"] for _, entry in spool.entries()] == [1]
    assert (spool.folder / "broken.damaged").read_bytes() == b'{"n": '
    assert spool.waiting() == [good]


def test_an_entry_that_cannot_be_written_leaves_nothing(tmp_path):
    spool = Spool(tmp_path / "spool")
    with pytest.raises(TypeError):
        spool.put({"not json": object()})
    (tmp_path / "file").write_bytes(b"")
    with pytest.raises(OSError):
        Spool(tmp_path / "file").put({"n": 1})
    assert list(spool.folder.iterdir()) == []
