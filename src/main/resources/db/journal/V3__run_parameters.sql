-- The runbook's parameter values a run was started with, as a JSON object (name to value). The STARTED
-- event (hash-chained) holds the same values as evidence; this column lets resume and the history read
-- them without replaying events. Runs recorded before parameters existed have an empty object.
ALTER TABLE runs ADD COLUMN parameters VARCHAR(100000) DEFAULT '{}' NOT NULL;
