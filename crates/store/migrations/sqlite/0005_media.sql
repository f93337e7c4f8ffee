-- Media library (COMPOSE-3): files stored content-addressed in the data directory with
-- their metadata stripped; what the OCR screen found; where each item is used.

CREATE TABLE media_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES organisations(id),
    -- SHA-256 (hex) of the stored, stripped bytes: the file's name on disk.
    sha256 TEXT NOT NULL,
    kind TEXT NOT NULL,
    mime TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    filename TEXT NOT NULL,
    alt_text TEXT NOT NULL,
    -- Space-separated lower-case tags.
    tags TEXT NOT NULL,
    -- JSON list of the metadata removed on upload ("APP1 EXIF (1 234 bytes)").
    removed_json TEXT NOT NULL,
    -- done, unavailable (no OCR installed), failed, not_applicable (video)
    ocr_status TEXT NOT NULL,
    verdict TEXT NOT NULL,
    -- JSON list of findings with the image region each came from.
    findings_json TEXT NOT NULL,
    uploaded_by INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (org_id, sha256)
);
CREATE INDEX media_items_org ON media_items (org_id, created_at);

CREATE TABLE post_media (
    post_id INTEGER NOT NULL REFERENCES posts(id),
    media_id INTEGER NOT NULL REFERENCES media_items(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (post_id, media_id)
);
CREATE INDEX post_media_media ON post_media (media_id);
