-- Publishing: one publication per post target, claimed by workers with a fencing counter;
-- account credentials (sealed) and health; leases for periodic jobs that must run on one
-- instance at a time.

CREATE TABLE publications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES organisations(id),
    post_id INTEGER NOT NULL REFERENCES posts(id),
    target_id INTEGER NOT NULL,
    account_id INTEGER NOT NULL REFERENCES social_accounts(id),
    due_at INTEGER NOT NULL,
    -- scheduled, claimed, sending, sent, failed, unknown, review, cancelled, deleted
    status TEXT NOT NULL,
    -- Bumped on every claim: a worker's writes carry the fence it claimed with, so a
    -- worker whose lease expired cannot overwrite the newer owner's result.
    fence INTEGER NOT NULL,
    claimed_by TEXT,
    lease_until INTEGER,
    attempts INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    remote_id TEXT,
    remote_url TEXT,
    last_error TEXT,
    sent_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX publications_due ON publications (status, next_attempt_at);
CREATE INDEX publications_post ON publications (post_id);
CREATE INDEX publications_lease ON publications (status, lease_until);

CREATE TABLE account_credentials (
    account_id INTEGER PRIMARY KEY REFERENCES social_accounts(id),
    -- JSON of tokens and ids, sealed with the installation key.
    sealed TEXT NOT NULL,
    token_expires_at INTEGER,
    updated_at INTEGER NOT NULL
);

CREATE TABLE account_health (
    account_id INTEGER PRIMARY KEY REFERENCES social_accounts(id),
    -- connected, expiring, expired, revoked, rate_limited, sunset, unreachable, not_connected
    state TEXT NOT NULL,
    detail TEXT NOT NULL,
    rate_limited_until INTEGER,
    checked_at INTEGER NOT NULL
);

CREATE TABLE job_leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    lease_until INTEGER NOT NULL,
    fence INTEGER NOT NULL
);

-- Whether any target of a post has a time: keeps the calendar's "not scheduled yet" list
-- an index lookup instead of a scan of every post.
ALTER TABLE posts ADD COLUMN timed BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX posts_unscheduled ON posts (org_id, timed, updated_at);
