-- First-party links (COMPOSE-5): the organisation's classification of its own pages (which
-- feeds the check's landing-page facts), one short link per link per post target, and
-- click counts per link, day and coarse device class. No address, no user agent, no
-- time finer than the day is kept for a click.

CREATE TABLE url_classes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES organisations(id),
    prefix TEXT NOT NULL,
    kind TEXT NOT NULL,
    -- Space-separated tracker names; empty when the page carries none.
    trackers TEXT NOT NULL,
    created_by INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    UNIQUE (org_id, prefix)
);

CREATE TABLE short_links (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES organisations(id),
    code TEXT NOT NULL UNIQUE,
    post_id INTEGER NOT NULL REFERENCES posts(id),
    -- Targets are replaced when a draft is edited, so these are plain ids (no key).
    target_id INTEGER NOT NULL,
    account_id INTEGER NOT NULL REFERENCES social_accounts(id),
    -- The link as the author wrote it, and where the short link sends people (with UTM).
    original TEXT NOT NULL,
    destination TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (target_id, original)
);
CREATE INDEX short_links_post ON short_links (post_id);

CREATE TABLE link_clicks (
    link_id INTEGER NOT NULL REFERENCES short_links(id),
    -- Days since 1970-01-01 (UTC).
    day INTEGER NOT NULL,
    device TEXT NOT NULL,
    clicks INTEGER NOT NULL,
    PRIMARY KEY (link_id, day, device)
);
