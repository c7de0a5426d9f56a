"""Sentence sentiment for financial text: positive / negative / neutral with a score in [-1, 1]."""
