-- A briefing whose tickers migration 026 could not read (its run's row gone, or one recorded without its watchlist)
-- takes those of the nearest run of the same watchlist (by name): the latest started before the briefing was written,
-- else the first after. Still unknown (no run of that watchlist, or a briefing stored before watchlists had names),
-- it holds no ticker: it makes no document late (store/queries.py LATE_DAYS_OF), where before it made every
-- ticker's late, another watchlist's too.
UPDATE briefings b SET tickers = (
    SELECT json_extract_string(r.watchlist_json, '$.tickers[*].symbol') FROM runs r
    WHERE r.watchlist = b.watchlist AND json_extract_string(r.watchlist_json, '$.tickers[*].symbol') IS NOT NULL
    ORDER BY r.started_at <= b.created_at DESC, CASE WHEN r.started_at <= b.created_at THEN r.started_at END DESC,
             r.started_at
    LIMIT 1
) WHERE tickers IS NULL;
