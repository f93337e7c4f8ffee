-- Strategy: health observances hidden or added per organisation (PLAN-7), the intended
-- content mix (PLAN-4) and goals (PLAN-1).

-- Shipped observances (compiled into the binary) the organisation chose not to see.
CREATE TABLE observances_hidden (
    org_id INTEGER NOT NULL REFERENCES organisations(id),
    observance_key TEXT NOT NULL,
    hidden_by INTEGER NOT NULL REFERENCES users(id),
    hidden_at INTEGER NOT NULL,
    PRIMARY KEY (org_id, observance_key)
);

-- The organisation's own observances: one date, or the same day every year.
CREATE TABLE org_observances (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    observed_on TEXT NOT NULL,
    yearly BOOLEAN NOT NULL,
    note TEXT NOT NULL,
    created_by INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL
);
CREATE INDEX org_observances_org ON org_observances (org_id);

-- Whole percentages per pillar; the rows of one organisation add up to 100.
CREATE TABLE content_mix (
    org_id INTEGER NOT NULL REFERENCES organisations(id),
    pillar TEXT NOT NULL,
    percent INTEGER NOT NULL,
    PRIMARY KEY (org_id, pillar)
);

CREATE TABLE goals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    metric TEXT NOT NULL,
    pillar TEXT,
    target INTEGER NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    created_by INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL
);
CREATE INDEX goals_org ON goals (org_id);
