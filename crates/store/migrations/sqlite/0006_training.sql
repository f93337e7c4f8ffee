-- The social media policy and training (COMPLY-7): published versions of the policy (never
-- edited: a change is a new version), who accepted which version, the organisation's own
-- quiz questions (none means the shipped quiz) and every quiz attempt.

CREATE TABLE policy_versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES organisations(id),
    version INTEGER NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    change_note TEXT NOT NULL,
    published_by INTEGER NOT NULL REFERENCES users(id),
    published_at INTEGER NOT NULL,
    UNIQUE (org_id, version)
);

CREATE TABLE policy_attestations (
    policy_id INTEGER NOT NULL REFERENCES policy_versions(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    attested_at INTEGER NOT NULL,
    PRIMARY KEY (policy_id, user_id)
);
CREATE INDEX policy_attestations_user ON policy_attestations (user_id);

CREATE TABLE quiz_questions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES organisations(id),
    position INTEGER NOT NULL,
    prompt TEXT NOT NULL,
    -- JSON list of the answers, in the order shown.
    options_json TEXT NOT NULL,
    -- Index of the right answer in options_json.
    correct INTEGER NOT NULL,
    explanation TEXT NOT NULL,
    rule TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX quiz_questions_org ON quiz_questions (org_id, position);

CREATE TABLE quiz_attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES organisations(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    correct INTEGER NOT NULL,
    total INTEGER NOT NULL,
    passed BOOLEAN NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX quiz_attempts_user ON quiz_attempts (user_id, created_at);
