-- What a run needs to be resumed as it started: replayed runs resume from the same pack (never live),
-- recording runs keep recording, briefings go to the folder the plan named, and the pinned "today"
-- (as_of) rebuilds the same plan.
-- Status gains `interrupted` (its process ended mid-run; marked on the next start) and `abandoned`.
ALTER TABLE runs ADD COLUMN replay_dir VARCHAR;
ALTER TABLE runs ADD COLUMN record_dir VARCHAR;
ALTER TABLE runs ADD COLUMN as_of DATE;
ALTER TABLE runs ADD COLUMN out_dir VARCHAR;
