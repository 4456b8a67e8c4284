"""Backing up, restoring and upgrading a whole tizim instance (``tizim backup``, ``tizim
restore``, ``tizim upgrade``).

The archive format and its encryption are framework-free, in ``tizim.core.backup_archive``;
this package knows where an instance keeps things (``database``: the SQLite file or the
PostgreSQL database; ``instance``: ``TIZIM_HOME`` and the order things are read and written;
``upgrade``: backup, migrate, verify) and ``cli`` registers the commands. Why it is built this
way: docs/decisions/0016-encrypted-instance-backups.md.
"""
