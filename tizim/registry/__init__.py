"""The registry: sources, immutable raw records, persons, fate timelines and public claims."""
