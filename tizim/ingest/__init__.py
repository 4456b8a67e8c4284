"""Articles in, claims and persons out: reading news, statements and NGO reports (see
``tizim.core.ingest`` for the text algorithms)."""
