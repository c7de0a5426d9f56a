"""Topic flagging: sentences, topic matching, polarity.

sentences.split_sentences  character spans of sentences in stored text
topics.load_topics         the topic library (topics.toml plus watchlist topics), compiled
polarity.judge             rule-based warning / good news / neutral, with a score in [-1, 1]
flag.flag_text             one Flag per sentence and topic, with offsets into the text
agent                      the flagging agent: documents in the store -> findings
"""
