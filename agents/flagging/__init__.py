"""Topic flagging: sentences, topic matching, polarity."""
