"""The flagging method's version, in a module of its own: the briefing cites it without loading the flagger."""

# 0.4: the learned second pass; 0.5: filing look-alikes, the judge in context; 0.6: closer-reading features and
# denials (reading.py), "Greater China" as a segment, the LLM judge also reads the candidates left out
METHOD_VERSION = "0.6"
