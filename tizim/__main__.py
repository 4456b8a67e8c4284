"""``python -m tizim`` is the ``tizim`` command."""

from tizim.cli import run

run()
