"""watchdesk.store."""
