"""A process named once can be told apart from its successors on the same id."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

from tizim.core.processes import current_process, process_is_gone


def test_this_process_is_running():
    assert process_is_gone(current_process()) is False


def test_an_ended_process_is_gone():
    child = subprocess.run(
        [sys.executable, "-c", "from tizim.core.processes import current_process as c; print(c())"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert process_is_gone(child.stdout.strip()) is True


def test_an_id_taken_by_a_process_started_at_another_time_names_another_process():
    host, pid, started = current_process().split()
    assert process_is_gone(f"{host} {pid} {int(started) + 1}") is True


def test_another_hosts_process_cannot_be_judged_here():
    assert process_is_gone(f"not-{socket.gethostname()} {os.getpid()} 1") is None
    assert process_is_gone("") is None
