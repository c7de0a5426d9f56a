-- Runs stored before migration 018 recorded neither the 6-Ks their filings step left out (monthly revenue, notices)
-- nor the day a replayed listing was served, so their days would count as read and a week with no document would say
-- "nothing filed" (the previous release's demo store re-briefed 2026-W35 so, over TSMC's 6-K of 2026-08-25). What
-- they left unknown is unknown for good: for each filings step of theirs that ran, whose forms hold a 6-K or whose run
-- replayed a pack, the days after its limit cut (from its window's start if it had none) become one read cut. Runs
-- made since 018 write their own cuts; a step an older run runs again (approve) replaces these with them.
INSERT INTO read_cuts
WITH older AS (
    SELECT r.run_id, r.mode = 'replay' AS replayed, s.value AS step
    FROM runs r, json_each(r.plan) s
    WHERE r.started_at < (SELECT applied_at FROM schema_migrations WHERE version = 18)
), steps AS (
    SELECT run_id, replayed, step->>'$.params.ticker' AS ticker, step->>'$.target' AS target,
           CAST(step->>'$.params.since' AS DATE) AS since, CAST(step->>'$.params.until' AS DATE) AS until,
           list_has_any(CAST(step->'$.params.forms' AS VARCHAR[]), ['6-K', '6-k', '6-K/A']) AS six_k
    FROM older WHERE step->>'$.agent' = 'filings'
), cut AS (
    SELECT s.*, greatest(s.since, (SELECT max(c.unread_to) + 1 FROM read_cuts c
                                   WHERE (c.run_id, c.agent, c.ticker) = (s.run_id, 'filings', s.ticker))) AS first_day
    FROM steps s
    WHERE (s.six_k OR s.replayed)
      AND NOT EXISTS (SELECT 1 FROM gaps g WHERE g.run_id = s.run_id AND g.agent = 'filings' AND g.target = s.target)
)
SELECT run_id, 'filings', ticker, first_day, until,
       -- said as what may be missing: the plan's forms name 6-K for companies that file none (NVIDIA)
       'were made by an older watchdesk, which did not record what its filings step may have left unread ('
           || CASE WHEN six_k AND replayed THEN '6-Ks of kinds it does not read, a replayed listing''s age'
                   WHEN six_k THEN '6-Ks of kinds it does not read'
                   ELSE 'a replayed listing''s age' END || ')',
       now()
FROM cut WHERE first_day <= until;
