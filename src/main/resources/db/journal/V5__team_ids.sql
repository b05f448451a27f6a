-- A run's globally unique id and the workstation that recorded it, for the team journal; and how far each
-- run has been copied there (the team database is never needed for a run to be recorded here first).
ALTER TABLE runs ADD COLUMN uid VARCHAR(36);
UPDATE runs SET uid = CAST(RANDOM_UUID() AS VARCHAR(36)) WHERE uid IS NULL;
ALTER TABLE runs ALTER COLUMN uid SET NOT NULL;
ALTER TABLE runs ADD CONSTRAINT runs_uid_unique UNIQUE (uid);
ALTER TABLE runs ADD COLUMN workstation VARCHAR(253) DEFAULT '' NOT NULL;
CREATE TABLE team_copied (
    run_id      BIGINT PRIMARY KEY REFERENCES runs (id),
    copied_seq  INT NOT NULL
);
