"""From an analyst's goal in plain words to a watchlist: one module per job (companies, topics, sources,
timing, delivery), `parse.parse_goal` puts them together, `render` writes the TOML."""
