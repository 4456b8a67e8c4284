"""tizim: a registry of the people killed, missing, detained, injured and tortured in a crackdown."""

__version__ = "0.1.0"
