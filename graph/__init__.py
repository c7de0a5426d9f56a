"""watchdesk.graph."""
