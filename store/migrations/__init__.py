"""Numbered SQL migrations, applied in order."""
