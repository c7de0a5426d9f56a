-- A Slack target was stored as "webhook $VARIABLE (host)": with the host of the URL the variable held at the time
-- ("(?)" for one that did not read), so fixing the URL made the same target a new one, and `watchdesk runs` counted
-- the failure before it as failed for ever. It is stored as "webhook $VARIABLE" now (agents/briefing/webhook.py),
-- whatever URL the variable holds; the rows of before take that name, so a later success settles them. The audit
-- table keeps the words each attempt was recorded with.
UPDATE deliveries SET target = regexp_extract(target, '^(webhook \$\S*) \([^()]*\)$', 1)
WHERE kind = 'slack' AND regexp_matches(target, '^webhook \$\S* \([^()]*\)$');
