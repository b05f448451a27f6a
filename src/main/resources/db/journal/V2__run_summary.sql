-- The measured figures of a finished run, copied from its SUMMARY event so the history lists 1,000 runs
-- without replaying their events. The event (hash-chained) is the evidence; these columns are an index.
ALTER TABLE runs ADD COLUMN finished_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE runs ADD COLUMN rto_ms BIGINT;
ALTER TABLE runs ADD COLUMN rto_objective_ms BIGINT;
ALTER TABLE runs ADD COLUMN rpo_ms BIGINT;
ALTER TABLE runs ADD COLUMN rpo_objective_ms BIGINT;
ALTER TABLE runs ADD COLUMN human_ms BIGINT;
ALTER TABLE runs ADD COLUMN cluster_ms BIGINT;
ALTER TABLE runs ADD COLUMN cleanup_done BOOLEAN;
ALTER TABLE runs ADD COLUMN standby_nodes INT;
ALTER TABLE runs ADD COLUMN outage_start TIMESTAMP WITH TIME ZONE;
ALTER TABLE runs ADD COLUMN outage_source VARCHAR(2000);
