"""Helpers for tests that start servers as separate processes (nginx, Spark daemons)."""

from __future__ import annotations

import os
import signal
import subprocess


def stop_group(process: subprocess.Popen, seconds: float = 30) -> None:
    """Stop a process started with ``start_new_session=True`` and whatever it started: TERM,
    then KILL after ``seconds``."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=seconds)
