"""Briefing agent: the period's findings as a cited Markdown briefing."""
