"""watchdesk.sources."""
