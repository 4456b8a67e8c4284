"""Tamper-evident audit log: every write, export and login appended to a hash chain."""
