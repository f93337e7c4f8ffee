-- Industry news (PLAN-8): RSS and Atom feeds an organisation follows and the items read
-- from them (plain text only; the fetcher sanitises everything before it is stored).

CREATE TABLE news_feeds (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES organisations(id),
    url TEXT NOT NULL,
    -- From the feed once fetched; until then the address.
    title TEXT NOT NULL,
    site_url TEXT,
    -- new, ok, error
    status TEXT NOT NULL,
    -- What went wrong on the last fetch, in words (never feed content).
    last_error TEXT NOT NULL,
    -- Warnings of the last successful fetch (items skipped, text cut), one per line.
    warnings TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    fetched_at INTEGER,
    next_fetch_at INTEGER NOT NULL,
    failures INTEGER NOT NULL,
    added_by INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    UNIQUE (org_id, url)
);
CREATE INDEX news_feeds_due ON news_feeds (next_fetch_at);

CREATE TABLE news_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    feed_id INTEGER NOT NULL REFERENCES news_feeds(id) ON DELETE CASCADE,
    guid TEXT NOT NULL,
    title TEXT NOT NULL,
    link TEXT,
    published_at INTEGER,
    summary TEXT NOT NULL,
    author TEXT,
    -- When Bedside first saw it; items are listed by published_at, else by this.
    seen_at INTEGER NOT NULL,
    UNIQUE (feed_id, guid)
);
CREATE INDEX news_items_feed ON news_items (feed_id, seen_at);
