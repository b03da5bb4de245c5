-- bizenv-desktop: the whole current schema of the liaison's database.
-- A fresh file is created by running this script in one transaction.
-- Upgrades of older files are the numbered steps in bizenv_desktop/storage/migrations.py;
-- tests/storage/test_schema.py proves both paths give the same schema.
PRAGMA application_id = 1112956465;  -- 'BZD1': marks the file as ours
PRAGMA user_version = 7;

-- One row per plan year (年度实施方案).
CREATE TABLE plan_year (
    year        INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    title       TEXT NOT NULL,
    office      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
) STRICT;

-- The plan's prose (preamble and numbered sections), printed in the annual plan.
CREATE TABLE plan_section (
    id          INTEGER PRIMARY KEY,
    year        INTEGER NOT NULL REFERENCES plan_year(year) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    heading     TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL DEFAULT '',
    is_indicator_table INTEGER NOT NULL DEFAULT 0 CHECK (is_indicator_table IN (0, 1))
) STRICT;
CREATE INDEX plan_section_year ON plan_section(year, position);

-- 维度
CREATE TABLE dimension (
    id          INTEGER PRIMARY KEY,
    year        INTEGER NOT NULL REFERENCES plan_year(year) ON DELETE CASCADE,
    code        TEXT NOT NULL DEFAULT '',
    name        TEXT NOT NULL,
    position    INTEGER NOT NULL
) STRICT;
CREATE INDEX dimension_year ON dimension(year, position);

-- 一级指标 (parent_id NULL) and 二级指标 (parent_id = the first-level row).
CREATE TABLE indicator (
    id           INTEGER PRIMARY KEY,
    dimension_id INTEGER NOT NULL REFERENCES dimension(id),
    parent_id    INTEGER REFERENCES indicator(id),
    level        INTEGER NOT NULL CHECK (level IN (1, 2)),
    code         TEXT NOT NULL DEFAULT '',
    name         TEXT NOT NULL,
    criteria     TEXT NOT NULL DEFAULT '',
    kind         TEXT NOT NULL DEFAULT 'qualitative'
                 CHECK (kind IN ('qualitative', 'quantitative', 'ranking', 'counted')),
    target_op    TEXT CHECK (target_op IN ('>=', '>', '<=', '<', '=')),
    target_value REAL,
    target_unit  TEXT NOT NULL DEFAULT '',
    target_metric TEXT NOT NULL DEFAULT '',
    event_type   TEXT NOT NULL DEFAULT '',
    score        REAL,
    deadline     TEXT NOT NULL DEFAULT '',
    position     INTEGER NOT NULL,
    CHECK ((level = 1) = (parent_id IS NULL)),
    CHECK (kind <> 'quantitative' OR (target_op IS NOT NULL AND target_value IS NOT NULL))
) STRICT;
CREATE INDEX indicator_dimension ON indicator(dimension_id, position);
CREATE INDEX indicator_parent ON indicator(parent_id, position);

-- 处室 / 直属单位, and division groups (相关业务处室 …), which are not divisions.
-- Divisions are kept across years; a retired or merged one keeps its history.
CREATE TABLE division (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    kind        TEXT NOT NULL DEFAULT 'division' CHECK (kind IN ('division', 'unit', 'group')),
    retired_on  TEXT,
    merged_into INTEGER REFERENCES division(id),
    position    INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Who answers for an indicator: lead (牵头), responsible (jointly, listed without 牵头),
-- cooperate (配合).
CREATE TABLE assignment (
    id           INTEGER PRIMARY KEY,
    indicator_id INTEGER NOT NULL REFERENCES indicator(id),
    division_id  INTEGER NOT NULL REFERENCES division(id),
    role         TEXT NOT NULL CHECK (role IN ('lead', 'responsible', 'cooperate')),
    position     INTEGER NOT NULL DEFAULT 0,
    UNIQUE (indicator_id, division_id)
) STRICT;
CREATE INDEX assignment_division ON assignment(division_id);

-- 重点工作任务 broken into sub-tasks (seed indicator (3)).
CREATE TABLE subtask (
    id           INTEGER PRIMARY KEY,
    indicator_id INTEGER NOT NULL REFERENCES indicator(id),
    name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
    division_id  INTEGER REFERENCES division(id),
    person       TEXT NOT NULL DEFAULT '',
    deadline     TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD or ''
    note         TEXT NOT NULL DEFAULT '',
    position     INTEGER NOT NULL
) STRICT;
CREATE INDEX subtask_indicator ON subtask(indicator_id, position);
CREATE INDEX subtask_division ON subtask(division_id);

-- 联络员 registry (seed indicator (2)): who, from when, to when, when reported (报备).
CREATE TABLE liaison (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
    division_id  INTEGER REFERENCES division(id),
    phone        TEXT NOT NULL DEFAULT '',
    start_date   TEXT NOT NULL,
    end_date     TEXT NOT NULL DEFAULT '',
    reported_on  TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT ''
) STRICT;

-- Audit trail: one row per changed field or row, never updated or deleted by the app.
CREATE TABLE audit (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    user        TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   INTEGER,
    field       TEXT NOT NULL DEFAULT '',
    old         TEXT,
    new         TEXT
) STRICT;
CREATE INDEX audit_at ON audit(at);
CREATE INDEX audit_entity ON audit(entity, entity_id);

-- A month of the monthly dispatch (月调度); closed months are read-only.
CREATE TABLE dispatch_month (
    id          INTEGER PRIMARY KEY,
    month       TEXT NOT NULL UNIQUE CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    year        INTEGER NOT NULL REFERENCES plan_year(year),
    created_at  TEXT NOT NULL,
    closed_at   TEXT,
    reopen_reason TEXT NOT NULL DEFAULT '',
    closed_by   TEXT NOT NULL DEFAULT ''  -- 'auto' when closed N working days after its deadline
) STRICT;

-- One row per second-level indicator (or sub-task) and responsible division in a month.
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
    needs_coordination INTEGER NOT NULL DEFAULT 0 CHECK (needs_coordination IN (0, 1)),  -- 需要领导协调 (v6)
    CHECK (denominator IS NULL OR denominator <> 0)
) STRICT;
CREATE UNIQUE INDEX dispatch_row_key ON dispatch_row(month, indicator_id, coalesce(subtask_id, 0), coalesce(division_id, 0));
CREATE INDEX dispatch_row_indicator ON dispatch_row(indicator_id);
CREATE INDEX dispatch_row_division ON dispatch_row(division_id);

-- 佐证材料: files copied into the evidence store beside the database, named by hash.
CREATE TABLE evidence (
    id            INTEGER PRIMARY KEY,
    sha256        TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    original_name TEXT NOT NULL,
    size          INTEGER NOT NULL,
    added_at      TEXT NOT NULL,
    added_by      TEXT NOT NULL
) STRICT;

-- What each evidence file supports: a dispatch row, a self-evaluation, an event, a supervised
-- item, an indicator itself, a ranking, a publication, a division's work plan or a 督查.
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
CREATE INDEX evidence_link_target ON evidence_link(target_kind, target_id);

-- 逐项自我评价 per second-level indicator and period ('2026Q1' … '2026Q4', or '2026').
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

-- Counted events for indicators (20)–(23): commendations, media reports, briefings, talks.
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
CREATE INDEX event_date ON event(date);

-- The user's corrections to the working-day calendar (调休 published each November).
CREATE TABLE workday_override (
    id          INTEGER PRIMARY KEY,
    date        TEXT NOT NULL UNIQUE CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    is_workday  INTEGER NOT NULL CHECK (is_workday IN (0, 1)),
    note        TEXT NOT NULL DEFAULT ''
) STRICT;

-- Years whose holiday schedule the user has entered and confirmed by hand.
CREATE TABLE calendar_year (
    year         INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    confirmed_on TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT ''
) STRICT;

-- A generated deadline marked done: when, with which file (evidence), by whom.
CREATE TABLE deadline_done (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    done_on     TEXT NOT NULL,
    evidence_id INTEGER REFERENCES evidence(id),
    note        TEXT NOT NULL DEFAULT ''
) STRICT;

-- 交办督办事项台账: items handed down or supervised, to closure.
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
    note          TEXT NOT NULL DEFAULT '',
    -- what full ledgers carry besides (督办内容及要求, 督办类型, 紧急程度, 分管领导, 反馈周期,
    -- 完成进度, 催办次数), kept as written
    requirements  TEXT NOT NULL DEFAULT '',
    supervision_type TEXT NOT NULL DEFAULT '',
    urgency       TEXT NOT NULL DEFAULT '',
    leader        TEXT NOT NULL DEFAULT '',
    feedback_cycle TEXT NOT NULL DEFAULT '',
    completion    TEXT NOT NULL DEFAULT '',
    urge_count    INTEGER NOT NULL DEFAULT 0 CHECK (urge_count >= 0),
    needs_coordination INTEGER NOT NULL DEFAULT 0 CHECK (needs_coordination IN (0, 1))  -- 需要领导协调 (v6)
) STRICT;
CREATE INDEX supervision_item_status ON supervision_item(status, deadline);
CREATE INDEX supervision_item_no ON supervision_item(no);

-- Lead and cooperating divisions of a supervised item.
CREATE TABLE supervision_division (
    id          INTEGER PRIMARY KEY,
    item_id     INTEGER NOT NULL REFERENCES supervision_item(id),
    division_id INTEGER NOT NULL REFERENCES division(id),
    role        TEXT NOT NULL CHECK (role IN ('lead', 'cooperate')),
    position    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (item_id, division_id)
) STRICT;
CREATE INDEX supervision_division_division ON supervision_division(division_id);

-- Unit names as files write them, remembered when the liaison confirms an import: an alias of
-- a division (政策法规处 -> 法规处), or, with division_id NULL, a name that is no unit (a person).
CREATE TABLE unit_alias (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    division_id INTEGER REFERENCES division(id),
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX unit_alias_division ON unit_alias(division_id);

-- Settings that belong to this database (both faces read them), e.g. backups to keep.
CREATE TABLE setting (
    id    INTEGER PRIMARY KEY,
    key   TEXT NOT NULL UNIQUE,
    value TEXT NOT NULL
) STRICT;

-- The ranking of a ranking-kind indicator ((7): 长春市's place in the national assessment).
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

-- What was published ((1) the annual plan on the website, (15) policy measures): when, where.
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

-- 四（二）: the divisions' own 工作方案 of a year: who owes one, by when, received when.
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

-- 四（三）: 督查 of the assessment work: when, what was found; scope and follow-up below.
CREATE TABLE inspection (
    id           INTEGER PRIMARY KEY,
    date         TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
    findings     TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX inspection_date ON inspection(date);

-- The indicators and divisions a 督查 looked at (one of the two per row).
CREATE TABLE inspection_scope (
    id            INTEGER PRIMARY KEY,
    inspection_id INTEGER NOT NULL REFERENCES inspection(id),
    indicator_id  INTEGER REFERENCES indicator(id),
    division_id   INTEGER REFERENCES division(id),
    CHECK ((indicator_id IS NULL) <> (division_id IS NULL))
) STRICT;
CREATE INDEX inspection_scope_inspection ON inspection_scope(inspection_id);

-- What a 督查 asks to be done; item_id once it was made a supervised item.
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

-- The indicators a supervised item concerns (usually (17)).
CREATE TABLE supervision_indicator (
    id           INTEGER PRIMARY KEY,
    item_id      INTEGER NOT NULL REFERENCES supervision_item(id),
    indicator_id INTEGER NOT NULL REFERENCES indicator(id),
    UNIQUE (item_id, indicator_id)
) STRICT;
CREATE INDEX supervision_indicator_indicator ON supervision_indicator(indicator_id);

-- 催办: each time the liaison chased an item: when, whom, how.
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

-- A feedback given for one due date of an item's recurring feedback cycle (反馈周期).
CREATE TABLE supervision_feedback (
    id           INTEGER PRIMARY KEY,
    item_id      INTEGER NOT NULL REFERENCES supervision_item(id),
    due_on       TEXT NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    given_on     TEXT NOT NULL,
    text         TEXT NOT NULL DEFAULT '',
    UNIQUE (item_id, due_on)
) STRICT;

-- A division's returned form sent back for revision: why, and the return it undid.
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

-- Which divisions returned the month's form (催报名单), when and with which note (the file and
-- how many rows it changed). A send-back (form_sendback) keeps a copy and deletes the return.
CREATE TABLE form_return (
    id          INTEGER PRIMARY KEY,
    month       TEXT NOT NULL REFERENCES dispatch_month(month),
    division_id INTEGER NOT NULL REFERENCES division(id),
    returned_on TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    UNIQUE (month, division_id)
) STRICT;

-- What a quarter looked like when its last month was closed (JSON), to compare with later.
CREATE TABLE quarter_snapshot (
    id           INTEGER PRIMARY KEY,
    period       TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),
    taken_at     TEXT NOT NULL,
    data         TEXT NOT NULL
) STRICT;
CREATE INDEX quarter_snapshot_period ON quarter_snapshot(period, taken_at);

-- A report's draft (草稿) per kind and period: its title and document fields, edited by the liaison.
CREATE TABLE report_draft (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('assignment', 'plan', 'monthly', 'provincial', 'leadership',
                                              'selfeval')),
    period      TEXT NOT NULL,             -- 2026, 2026Q3 or 2026-11
    division    TEXT NOT NULL DEFAULT '',  -- the assignment sheet of one division
    title       TEXT NOT NULL DEFAULT '',  -- '' = the drafted title
    fields      TEXT NOT NULL DEFAULT '{}',  -- JSON: 发文机关署名, 成文日期, 文号, 主送机关, 签发人, 附件, 附注, 版记
    updated_at  TEXT NOT NULL,
    UNIQUE (kind, period, division)
) STRICT;

-- The sections of a draft in order; a drafted section's text is kept only once edited.
CREATE TABLE report_section (
    id          INTEGER PRIMARY KEY,
    draft_id    INTEGER NOT NULL REFERENCES report_draft(id),
    position    INTEGER NOT NULL,
    key         TEXT NOT NULL,             -- the drafted section's key, or custom-N
    heading     TEXT NOT NULL DEFAULT '',  -- without its numeral (一、 附件1 follow the order)
    body        TEXT NOT NULL DEFAULT '',  -- the edited text, figures as {fields}
    edited      INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1)),
    part        TEXT NOT NULL DEFAULT 'body' CHECK (part IN ('body', 'attachment')),
    UNIQUE (draft_id, key)
) STRICT;
CREATE INDEX report_section_draft ON report_section(draft_id, position);
