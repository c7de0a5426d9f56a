"""watchdesk.agents."""
