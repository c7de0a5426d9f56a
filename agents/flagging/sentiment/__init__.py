"""Sentence sentiment for financial text: positive / negative / neutral with a score in [-1, 1].

score(texts)     batched: [(label, score), ...]
score_one(text)  one sentence
The default model is light, offline and CPU-only (model.py); its features are in features.py and cues.py.
"""

from watchdesk.agents.flagging.sentiment.model import Label, SentimentModel, default_model, score, score_one

__all__ = ["Label", "SentimentModel", "default_model", "score", "score_one"]
