-- Which topics each flagging read a document for (NULL: flagged before this was recorded, read as none). A watchlist
-- that watches a topic a document was not read for has it read again once, for the topics read before and the new
-- ones (agents/flagging/agent.pending_documents).
ALTER TABLE doc_flags ADD COLUMN topics VARCHAR[];
