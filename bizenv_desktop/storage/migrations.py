"""Numbered schema upgrade steps: STEPS[n] turns a version n-1 file into version n.

db_schema.sql is the whole current schema for new files; every change to it needs a step
here too (tests/storage/test_schema.py checks that both give the same tables). Each step
runs in one transaction that also bumps PRAGMA user_version, so a step is all or nothing.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable

Step = Callable[[sqlite3.Connection], None]


def _script(sql: str) -> Step:
    """A step made of DDL statements (run one by one: executescript would commit)."""
    def step(conn: sqlite3.Connection) -> None:
        for statement in sql.split(";\n"):
            if statement.strip():
                conn.execute(statement)
    return step


# Version 2: the monthly dispatch, evidence, self-evaluation and counted events.
# Frozen copy of what db_schema.sql said when version 2 was released.
V2 = """
CREATE TABLE dispatch_month (
    id          INTEGER PRIMARY KEY,
    month       TEXT NOT NULL UNIQUE CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    year        INTEGER NOT NULL REFERENCES plan_year(year),
    created_at  TEXT NOT NULL,
    closed_at   TEXT,
    reopen_reason TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE dispatch_row (
    id           INTEGER PRIMARY KEY,
    month        TEXT NOT NULL REFERENCES dispatch_month(month),
    indicator_id INTEGER NOT NULL REFERENCES indicator(id),
    subtask_id   INTEGER REFERENCES subtask(id),
    division_id  INTEGER REFERENCES division(id),
    status       TEXT NOT NULL DEFAULT '未启动' CHECK (status IN ('未启动', '推进中', '已完成', '滞后', '不适用')),
    progress     TEXT NOT NULL DEFAULT '',
    problems     TEXT NOT NULL DEFAULT '',
    next_steps   TEXT NOT NULL DEFAULT '',
    person       TEXT NOT NULL DEFAULT '',
    numerator    REAL,
    denominator  REAL,
    value        REAL,
    remarks      TEXT NOT NULL DEFAULT '',
    position     INTEGER NOT NULL DEFAULT 0,
    CHECK (denominator IS NULL OR denominator <> 0)
) STRICT;
CREATE UNIQUE INDEX dispatch_row_key ON dispatch_row(month, indicator_id, coalesce(subtask_id, 0), coalesce(division_id, 0));
CREATE INDEX dispatch_row_indicator ON dispatch_row(indicator_id);
CREATE INDEX dispatch_row_division ON dispatch_row(division_id);
CREATE TABLE evidence (
    id            INTEGER PRIMARY KEY,
    sha256        TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    original_name TEXT NOT NULL,
    size          INTEGER NOT NULL,
    added_at      TEXT NOT NULL,
    added_by      TEXT NOT NULL
) STRICT;
CREATE TABLE evidence_link (
    id           INTEGER PRIMARY KEY,
    evidence_id  INTEGER NOT NULL REFERENCES evidence(id),
    target_kind  TEXT NOT NULL CHECK (target_kind IN ('dispatch_row', 'self_evaluation', 'event',
                                                    'supervision_item')),
    target_id    INTEGER NOT NULL,
    name         TEXT NOT NULL DEFAULT '',
    UNIQUE (evidence_id, target_kind, target_id)
) STRICT;
CREATE INDEX evidence_link_target ON evidence_link(target_kind, target_id);
CREATE TABLE self_evaluation (
    id           INTEGER PRIMARY KEY,
    indicator_id INTEGER NOT NULL REFERENCES indicator(id),
    period       TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]' OR period GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),
    rating       TEXT NOT NULL DEFAULT '' CHECK (rating IN ('', '优秀', '良好', '一般', '较差')),
    score        REAL,
    narrative    TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL,
    UNIQUE (indicator_id, period)
) STRICT;
CREATE TABLE event (
    id           INTEGER PRIMARY KEY,
    indicator_id INTEGER REFERENCES indicator(id),
    kind         TEXT NOT NULL CHECK (kind IN ('commendation', 'media', 'briefing', 'promotion')),
    date         TEXT NOT NULL,
    level        TEXT NOT NULL DEFAULT '',
    title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
    outlet       TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX event_date ON event(date)
"""

# Version 3: working-day overrides, deadlines done, the supervised-items ledger, settings.
V3 = """
CREATE TABLE workday_override (
    id          INTEGER PRIMARY KEY,
    date        TEXT NOT NULL UNIQUE CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    is_workday  INTEGER NOT NULL CHECK (is_workday IN (0, 1)),
    note        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE calendar_year (
    year         INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    confirmed_on TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE deadline_done (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    done_on     TEXT NOT NULL,
    evidence_id INTEGER REFERENCES evidence(id),
    note        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE supervision_item (
    id            INTEGER PRIMARY KEY,
    no            TEXT NOT NULL DEFAULT '',
    source        TEXT NOT NULL DEFAULT '',
    received_on   TEXT NOT NULL DEFAULT '',
    content       TEXT NOT NULL CHECK (length(trim(content)) > 0),
    deadline      TEXT NOT NULL DEFAULT '',
    deadline_text TEXT NOT NULL DEFAULT '',
    progress      TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT '待签收'
                  CHECK (status IN ('待签收', '办理中', '已办结', '已报结', '已销号')),
    signed_on     TEXT NOT NULL DEFAULT '',
    done_on       TEXT NOT NULL DEFAULT '',
    reported_on   TEXT NOT NULL DEFAULT '',
    closed_on     TEXT NOT NULL DEFAULT '',
    closure_report TEXT NOT NULL DEFAULT '',
    complaint_verified INTEGER NOT NULL DEFAULT 0 CHECK (complaint_verified IN (0, 1)),
    accountability TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX supervision_item_status ON supervision_item(status, deadline);
CREATE INDEX supervision_item_no ON supervision_item(no);
CREATE TABLE supervision_division (
    id          INTEGER PRIMARY KEY,
    item_id     INTEGER NOT NULL REFERENCES supervision_item(id),
    division_id INTEGER NOT NULL REFERENCES division(id),
    role        TEXT NOT NULL CHECK (role IN ('lead', 'cooperate')),
    position    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (item_id, division_id)
) STRICT;
CREATE INDEX supervision_division_division ON supervision_division(division_id);
CREATE TABLE setting (
    id    INTEGER PRIMARY KEY,
    key   TEXT NOT NULL UNIQUE,
    value TEXT NOT NULL
) STRICT
"""

# Version 4: the fields full supervision ledgers carry, and unit names remembered from files
# (an alias of a division, or a name that is no unit: a person, 分管领导).
V4 = """
ALTER TABLE supervision_item ADD COLUMN requirements TEXT NOT NULL DEFAULT '';
ALTER TABLE supervision_item ADD COLUMN supervision_type TEXT NOT NULL DEFAULT '';
ALTER TABLE supervision_item ADD COLUMN urgency TEXT NOT NULL DEFAULT '';
ALTER TABLE supervision_item ADD COLUMN leader TEXT NOT NULL DEFAULT '';
ALTER TABLE supervision_item ADD COLUMN feedback_cycle TEXT NOT NULL DEFAULT '';
ALTER TABLE supervision_item ADD COLUMN completion TEXT NOT NULL DEFAULT '';
ALTER TABLE supervision_item ADD COLUMN urge_count INTEGER NOT NULL DEFAULT 0 CHECK (urge_count >= 0);
CREATE TABLE unit_alias (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    division_id INTEGER REFERENCES division(id),
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX unit_alias_division ON unit_alias(division_id)
"""

# Version 5: rankings, publications, division work plans, 督查 records, supervised items'
# indicators, 催办 and feedback, form send-backs, quarter snapshots, months closed on their own;
# evidence may also support an indicator, a ranking, a publication, a work plan or a 督查
# (evidence_link rebuilt: a CHECK cannot be altered; ids and rows kept).
V5 = """
ALTER TABLE dispatch_month ADD COLUMN closed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE evidence_link RENAME TO evidence_link_v4;
DROP INDEX evidence_link_target;
CREATE TABLE evidence_link (
    id           INTEGER PRIMARY KEY,
    evidence_id  INTEGER NOT NULL REFERENCES evidence(id),
    target_kind  TEXT NOT NULL CHECK (target_kind IN ('dispatch_row', 'self_evaluation', 'event',
                                                    'supervision_item', 'indicator', 'ranking',
                                                    'publication', 'work_plan', 'inspection')),
    target_id    INTEGER NOT NULL,
    name         TEXT NOT NULL DEFAULT '',
    UNIQUE (evidence_id, target_kind, target_id)
) STRICT;
INSERT INTO evidence_link (id, evidence_id, target_kind, target_id, name)
    SELECT id, evidence_id, target_kind, target_id, name FROM evidence_link_v4;
DROP TABLE evidence_link_v4;
CREATE INDEX evidence_link_target ON evidence_link(target_kind, target_id);
CREATE TABLE ranking (
    id           INTEGER PRIMARY KEY,
    indicator_id INTEGER NOT NULL UNIQUE REFERENCES indicator(id),
    rank         INTEGER NOT NULL CHECK (rank >= 1),
    field_size   INTEGER NOT NULL CHECK (field_size >= 1),
    benchmark    TEXT NOT NULL DEFAULT '长春市',
    data_year    INTEGER CHECK (data_year IS NULL OR data_year BETWEEN 2000 AND 2100),
    source       TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL,
    CHECK (rank <= field_size)
) STRICT;
CREATE TABLE publication (
    id           INTEGER PRIMARY KEY,
    year         INTEGER NOT NULL REFERENCES plan_year(year),
    kind         TEXT NOT NULL CHECK (kind IN ('plan', 'policy', 'other')),
    indicator_id INTEGER REFERENCES indicator(id),
    title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
    published_on TEXT NOT NULL CHECK (published_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    outlet       TEXT NOT NULL DEFAULT '',
    url          TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX publication_year ON publication(year, published_on);
CREATE TABLE work_plan (
    id           INTEGER PRIMARY KEY,
    year         INTEGER NOT NULL REFERENCES plan_year(year),
    division_id  INTEGER NOT NULL REFERENCES division(id),
    owes         INTEGER NOT NULL DEFAULT 1 CHECK (owes IN (0, 1)),
    due_on       TEXT NOT NULL DEFAULT '',
    received_on  TEXT NOT NULL DEFAULT '',
    title        TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    UNIQUE (year, division_id)
) STRICT;
CREATE TABLE inspection (
    id           INTEGER PRIMARY KEY,
    date         TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
    findings     TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX inspection_date ON inspection(date);
CREATE TABLE inspection_scope (
    id            INTEGER PRIMARY KEY,
    inspection_id INTEGER NOT NULL REFERENCES inspection(id),
    indicator_id  INTEGER REFERENCES indicator(id),
    division_id   INTEGER REFERENCES division(id),
    CHECK ((indicator_id IS NULL) <> (division_id IS NULL))
) STRICT;
CREATE INDEX inspection_scope_inspection ON inspection_scope(inspection_id);
CREATE TABLE inspection_followup (
    id            INTEGER PRIMARY KEY,
    inspection_id INTEGER NOT NULL REFERENCES inspection(id),
    content       TEXT NOT NULL CHECK (length(trim(content)) > 0),
    division_id   INTEGER REFERENCES division(id),
    deadline      TEXT NOT NULL DEFAULT '',
    item_id       INTEGER REFERENCES supervision_item(id),
    position      INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX inspection_followup_inspection ON inspection_followup(inspection_id, position);
CREATE TABLE supervision_indicator (
    id           INTEGER PRIMARY KEY,
    item_id      INTEGER NOT NULL REFERENCES supervision_item(id),
    indicator_id INTEGER NOT NULL REFERENCES indicator(id),
    UNIQUE (item_id, indicator_id)
) STRICT;
CREATE INDEX supervision_indicator_indicator ON supervision_indicator(indicator_id);
CREATE TABLE supervision_reminder (
    id           INTEGER PRIMARY KEY,
    item_id      INTEGER NOT NULL REFERENCES supervision_item(id),
    date         TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    division_id  INTEGER REFERENCES division(id),
    recipient    TEXT NOT NULL DEFAULT '',
    method       TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX supervision_reminder_item ON supervision_reminder(item_id, date);
CREATE TABLE supervision_feedback (
    id           INTEGER PRIMARY KEY,
    item_id      INTEGER NOT NULL REFERENCES supervision_item(id),
    due_on       TEXT NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    given_on     TEXT NOT NULL,
    text         TEXT NOT NULL DEFAULT '',
    UNIQUE (item_id, due_on)
) STRICT;
CREATE TABLE form_sendback (
    id            INTEGER PRIMARY KEY,
    month         TEXT NOT NULL REFERENCES dispatch_month(month),
    division_id   INTEGER NOT NULL REFERENCES division(id),
    sent_on       TEXT NOT NULL,
    reason        TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    returned_on   TEXT NOT NULL DEFAULT '',
    returned_note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX form_sendback_month ON form_sendback(month, division_id);
CREATE TABLE quarter_snapshot (
    id           INTEGER PRIMARY KEY,
    period       TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),
    taken_at     TEXT NOT NULL,
    data         TEXT NOT NULL
) STRICT;
CREATE INDEX quarter_snapshot_period ON quarter_snapshot(period, taken_at)
"""

# Version 6: report drafts (sections edited by the liaison, document fields) and the
# "needs the leaders' coordination" flag on dispatch rows and supervised items; and the index
# on supervised items' numbers, which files made by the 0.1.0 release (schema 3) lack.
V6 = """
CREATE INDEX IF NOT EXISTS supervision_item_no ON supervision_item(no);
ALTER TABLE dispatch_row ADD COLUMN needs_coordination INTEGER NOT NULL DEFAULT 0
    CHECK (needs_coordination IN (0, 1));
ALTER TABLE supervision_item ADD COLUMN needs_coordination INTEGER NOT NULL DEFAULT 0
    CHECK (needs_coordination IN (0, 1));
CREATE TABLE report_draft (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('assignment', 'plan', 'monthly', 'provincial', 'leadership',
                                              'selfeval')),
    period      TEXT NOT NULL,
    division    TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL DEFAULT '',
    fields      TEXT NOT NULL DEFAULT '{}',
    updated_at  TEXT NOT NULL,
    UNIQUE (kind, period, division)
) STRICT;
CREATE TABLE report_section (
    id          INTEGER PRIMARY KEY,
    draft_id    INTEGER NOT NULL REFERENCES report_draft(id),
    position    INTEGER NOT NULL,
    key         TEXT NOT NULL,
    heading     TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL DEFAULT '',
    edited      INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1)),
    part        TEXT NOT NULL DEFAULT 'body' CHECK (part IN ('body', 'attachment')),
    UNIQUE (draft_id, key)
) STRICT;
CREATE INDEX report_section_draft ON report_section(draft_id, position)
"""

# Version 7: form returns (催报名单) get a table of their own; until now each was a deadline_done
# row keyed "dispatch_return:<month>:<division id>". Rows whose month or division no longer
# exists stay where they were (nothing of the liaison's is dropped).
_RETURN_KEYS = """key GLOB 'dispatch_return:[0-9][0-9][0-9][0-9]-[0-1][0-9]:[0-9]*'
    AND substr(key, 25) NOT GLOB '*[^0-9]*'
    AND substr(key, 17, 7) IN (SELECT month FROM dispatch_month)
    AND CAST(substr(key, 25) AS INTEGER) IN (SELECT id FROM division)"""
V7 = f"""
CREATE TABLE form_return (
    id          INTEGER PRIMARY KEY,
    month       TEXT NOT NULL REFERENCES dispatch_month(month),
    division_id INTEGER NOT NULL REFERENCES division(id),
    returned_on TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    UNIQUE (month, division_id)
) STRICT;
INSERT INTO form_return (month, division_id, returned_on, note)
    SELECT substr(key, 17, 7), CAST(substr(key, 25) AS INTEGER), done_on, note FROM deadline_done
    WHERE {_RETURN_KEYS} ORDER BY id;
DELETE FROM deadline_done WHERE {_RETURN_KEYS}
"""

STEPS: dict[int, Step] = {2: _script(V2), 3: _script(V3), 4: _script(V4), 5: _script(V5), 6: _script(V6),
                          7: _script(V7)}


def run(conn: sqlite3.Connection, found: int, target: int,
        steps: dict[int, Step] | None = None) -> None:
    """Apply steps found+1 .. target, each in its own transaction."""
    steps = STEPS if steps is None else steps
    for version in range(found + 1, target + 1):
        step = steps[version]
        conn.execute("BEGIN IMMEDIATE")
        try:
            step(conn)
            check = conn.execute("PRAGMA foreign_key_check").fetchall()
            if check:
                raise sqlite3.IntegrityError(f"upgrade step {version} left broken references: {check[:5]}")
            conn.execute(f"PRAGMA user_version = {int(version)}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
