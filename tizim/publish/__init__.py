"""The public site: consented lists, memorial pages, statistics and open data."""
