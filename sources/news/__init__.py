"""News: RSS/Atom feeds fetched through the gateway, parsed, tiered and matched to tickers."""
