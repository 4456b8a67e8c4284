"""``python -m tizim`` is the ``tizim`` command."""

from tizim.cli import run

# Guarded: the import's parser process (multiprocessing "spawn") imports this module again.
if __name__ == "__main__":
    run()
