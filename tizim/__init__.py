"""tizim: a registry of the people killed, missing, detained, injured and tortured."""

__version__ = "0.1.0"
