"""Linkage: deciding which records describe the same person, across lists and scripts."""
