"""The registry's refusal: a request it will not carry out, with a message for the user."""

from __future__ import annotations


class RegistryError(Exception):
    """A request the registry refuses, with a message for the user."""
