-- Planning and composing: social accounts, campaigns, series, posts and their targets,
-- consents, comments, notifications, templates, take-down requests.

CREATE TABLE social_accounts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES organisations(id),
    location_id INTEGER REFERENCES locations(id),
    platform TEXT NOT NULL,
    name TEXT NOT NULL,
    handle TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (org_id, platform, handle)
);

CREATE TABLE campaigns (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    goal TEXT NOT NULL,
    hashtags TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE series (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    pillar TEXT NOT NULL,
    rule TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE posts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES organisations(id),
    author_id INTEGER NOT NULL REFERENCES users(id),
    location_id INTEGER REFERENCES locations(id),
    campaign_id INTEGER REFERENCES campaigns(id),
    series_id INTEGER REFERENCES series(id),
    pillar TEXT NOT NULL,
    base_text TEXT NOT NULL,
    status TEXT NOT NULL,
    verdict TEXT NOT NULL,
    accepted_verdict TEXT NOT NULL,
    check_json TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX posts_org_status ON posts (org_id, status);

CREATE TABLE post_targets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    post_id INTEGER NOT NULL REFERENCES posts(id),
    account_id INTEGER NOT NULL REFERENCES social_accounts(id),
    variant_text TEXT,
    scheduled_at INTEGER,
    UNIQUE (post_id, account_id)
);
CREATE INDEX post_targets_time ON post_targets (scheduled_at);

CREATE TABLE consents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES organisations(id),
    kind TEXT NOT NULL,
    reference TEXT NOT NULL,
    subject_name_sealed TEXT NOT NULL,
    signed_by TEXT NOT NULL,
    guardian_name_sealed TEXT,
    covers_text BOOLEAN NOT NULL,
    covers_images BOOLEAN NOT NULL,
    covers_video BOOLEAN NOT NULL,
    channels TEXT NOT NULL,
    purpose TEXT NOT NULL,
    valid_from INTEGER NOT NULL,
    valid_until INTEGER,
    document_path TEXT,
    document_sha256 TEXT,
    status TEXT NOT NULL,
    ended_at INTEGER,
    created_by INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    UNIQUE (org_id, reference)
);
CREATE INDEX consents_expiry ON consents (status, valid_until);

CREATE TABLE post_consents (
    post_id INTEGER NOT NULL REFERENCES posts(id),
    consent_id INTEGER NOT NULL REFERENCES consents(id),
    attached_by INTEGER NOT NULL REFERENCES users(id),
    attached_at INTEGER NOT NULL,
    PRIMARY KEY (post_id, consent_id)
);
CREATE INDEX post_consents_consent ON post_consents (consent_id);

CREATE TABLE takedown_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES organisations(id),
    post_id INTEGER NOT NULL REFERENCES posts(id),
    consent_id INTEGER REFERENCES consents(id),
    reason TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    done_at INTEGER
);

CREATE TABLE post_comments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    post_id INTEGER NOT NULL REFERENCES posts(id),
    author_id INTEGER NOT NULL REFERENCES users(id),
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES organisations(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL,
    post_id INTEGER REFERENCES posts(id),
    message TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    read_at INTEGER
);
CREATE INDEX notifications_user ON notifications (user_id, read_at);

CREATE TABLE templates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES organisations(id),
    kind TEXT NOT NULL,
    language TEXT NOT NULL,
    name TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

-- The review history of a post: every submission, approval, override, rejection, with the
-- reviewer's reason (overrides require one).
CREATE TABLE post_reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    post_id INTEGER NOT NULL REFERENCES posts(id),
    user_id INTEGER REFERENCES users(id),
    action TEXT NOT NULL,
    verdict TEXT NOT NULL,
    reason TEXT,
    created_at INTEGER NOT NULL
);
CREATE INDEX post_reviews_post ON post_reviews (post_id);

-- The organisation's compliance settings (its own phones, handles, addresses, packs, banned
-- claims, MRN patterns…) as JSON, and a generation counter bumped by anything that changes
-- how texts are checked (settings, staff names, staff consents), so every instance rebuilds
-- its cached engine.
CREATE TABLE org_compliance (
    org_id INTEGER PRIMARY KEY REFERENCES organisations(id),
    settings_json TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
ALTER TABLE organisations ADD COLUMN policy_generation INTEGER NOT NULL DEFAULT 0;
