"""Pure linkage algorithms: deciding which records describe the same person."""
