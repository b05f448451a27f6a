-- The team journal: every workstation's runs and events, copied from their local journals. Events are never
-- updated or deleted: the role the consoles write with may only INSERT and SELECT (see docs/team-journal.md).
CREATE TABLE team_runs (
    uid              UUID PRIMARY KEY,
    workstation      TEXT NOT NULL,
    local_id         BIGINT NOT NULL,
    drill_name       TEXT NOT NULL,
    drill_title      TEXT NOT NULL,
    drill_hash       CHAR(64) NOT NULL,
    strategy         TEXT NOT NULL,
    mode             TEXT NOT NULL,
    operator_name    TEXT NOT NULL,
    primary_context  TEXT NOT NULL,
    primary_server   TEXT NOT NULL,
    standby_context  TEXT NOT NULL,
    standby_server   TEXT NOT NULL,
    parameters       TEXT NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    copied_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE team_events (
    run_uid      UUID NOT NULL REFERENCES team_runs (uid),
    seq          INT NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL,
    kind         TEXT NOT NULL,
    step_id      TEXT,
    outcome      TEXT,
    detail       TEXT,
    prev_hash    CHAR(64) NOT NULL,
    hash         CHAR(64) NOT NULL,
    copied_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (run_uid, seq)
);

CREATE INDEX team_events_closing ON team_events (run_uid) WHERE kind IN ('SUMMARY', 'COMPLETED', 'FAILED', 'ABORTED');
CREATE INDEX team_runs_created ON team_runs (created_at DESC);

-- Roles: consoles write as members of drill_console_writer (INSERT and SELECT only); auditors and incident
-- commanders read as members of drill_console_reader.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'drill_console_writer') THEN
        CREATE ROLE drill_console_writer NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'drill_console_reader') THEN
        CREATE ROLE drill_console_reader NOLOGIN;
    END IF;
END
$$;
REVOKE ALL ON team_runs, team_events FROM PUBLIC;
GRANT SELECT, INSERT ON team_runs, team_events TO drill_console_writer;
GRANT SELECT ON team_runs, team_events TO drill_console_reader;
