//! The publisher against the platform simulator, driven by `tick(now)`, on SQLite and
//! PostgreSQL.

mod support;

mod attachments;
mod crash;
mod delivery;
mod links;
mod news;
mod scale;
mod takedown;
