//! Storage: one [`Db`] over SQLite or PostgreSQL, migrations for both, and repositories.
//!
//! SQL is written once with `$n` placeholders (both drivers accept them) and executed on
//! whichever backend the URL selected; per-backend SQL appears only where dialects differ.
//! Every function takes `now_ms` instead of reading the clock, so tests control time.

#[macro_use]
mod db;
pub mod accounts;
pub mod audit;
pub mod backup;
pub mod calendar;
pub mod collab;
pub mod compliance;
pub mod consents;
pub mod credentials;
mod error;
pub mod invitations;
pub mod leases;
pub mod links;
pub mod media;
pub mod news;
pub mod orgs;
pub mod plans;
pub mod posts;
pub mod publications;
pub mod sessions;
pub mod strategy;
pub mod throttle;
pub mod tokens;
pub mod training;
pub mod users;

pub use db::{Backend, Conn, Db, Exec, Source, Tx};
pub use error::StoreError;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Random URL-safe secret (hex) of `bytes` bytes, for session ids and tokens.
pub fn random_secret(bytes: usize) -> String {
    use rand::RngCore;
    let mut buf = vec![0u8; bytes];
    rand::rngs::OsRng.fill_bytes(&mut buf);
    hex::encode(buf)
}

/// Secrets (session ids, tokens) are stored only as their SHA-256.
pub fn hash_secret(secret: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(secret.as_bytes()))
}

#[cfg(feature = "testing")]
pub mod testing;
