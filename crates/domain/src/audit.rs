//! The tamper-evident audit chain (COMPLY-6): how an entry's hash is computed and how a
//! chain is verified. Storage lives in the store crate; this is the pure part.
//!
//! Each entry's hash is SHA-256 over the previous entry's hash and every field of the entry,
//! each field length-prefixed so that no two different entries encode to the same bytes.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The hash the first entry links to.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What an action did, for the record. Holds ids, field names and enum values only —
/// never post, comment or message text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary(serde_json::Map<String, serde_json::Value>);

impl Summary {
    pub fn new() -> Self {
        Summary::default()
    }
    pub fn id(mut self, key: &str, id: i64) -> Self {
        self.0.insert(key.to_string(), id.into());
        self
    }
    /// A short machine value such as a role name or a status. Callers must not pass content.
    pub fn value(mut self, key: &str, value: &str) -> Self {
        self.0.insert(key.to_string(), value.into());
        self
    }
    /// The names of fields that changed.
    pub fn fields(mut self, names: &[&str]) -> Self {
        self.0.insert("fields".to_string(), names.to_vec().into());
        self
    }
    pub fn to_json(&self) -> String {
        serde_json::Value::Object(self.0.clone()).to_string()
    }
}

/// A stored audit entry, as read back for verification or display.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditRecord {
    pub seq: i64,
    pub at_ms: i64,
    pub org_id: Option<i64>,
    pub actor_id: Option<i64>,
    pub actor: String,
    pub action: String,
    pub object_type: String,
    pub object_id: String,
    pub summary: String,
    pub prev_hash: String,
    pub hash: String,
}

/// The fields of an entry that the hash covers, before it has a hash.
#[derive(Debug, Clone, Copy)]
pub struct EntryFields<'a> {
    pub seq: i64,
    pub at_ms: i64,
    pub org_id: Option<i64>,
    pub actor_id: Option<i64>,
    pub actor: &'a str,
    pub action: &'a str,
    pub object_type: &'a str,
    pub object_id: &'a str,
    pub summary: &'a str,
}

fn put(h: &mut Sha256, bytes: &[u8]) {
    h.update((bytes.len() as u64).to_be_bytes());
    h.update(bytes);
}

fn put_opt(h: &mut Sha256, v: Option<i64>) {
    match v {
        Some(v) => put(h, v.to_string().as_bytes()),
        None => put(h, b"-"),
    }
}

pub fn entry_hash(prev_hash: &str, f: &EntryFields<'_>) -> String {
    let mut h = Sha256::new();
    put(&mut h, prev_hash.as_bytes());
    put(&mut h, f.seq.to_string().as_bytes());
    put(&mut h, f.at_ms.to_string().as_bytes());
    put_opt(&mut h, f.org_id);
    put_opt(&mut h, f.actor_id);
    for s in [f.actor, f.action, f.object_type, f.object_id, f.summary] {
        put(&mut h, s.as_bytes());
    }
    hex::encode(h.finalize())
}

impl AuditRecord {
    fn fields(&self) -> EntryFields<'_> {
        EntryFields {
            seq: self.seq,
            at_ms: self.at_ms,
            org_id: self.org_id,
            actor_id: self.actor_id,
            actor: &self.actor,
            action: &self.action,
            object_type: &self.object_type,
            object_id: &self.object_id,
            summary: &self.summary,
        }
    }
}

/// The first thing wrong with a chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum ChainProblem {
    /// The entry's content no longer matches its hash.
    Altered { seq: i64 },
    /// Entries are missing before this one (sequence gap or broken link).
    Deleted { after_seq: i64, missing_from: i64 },
    /// An entry appeared that does not link to its predecessor.
    Inserted { seq: i64 },
    /// The newest entries were removed: the chain ends before the recorded head.
    Truncated { last_seq: i64, head_seq: i64 },
}

impl std::fmt::Display for ChainProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChainProblem::Altered { seq } => write!(f, "entry {seq} was altered"),
            ChainProblem::Deleted {
                after_seq,
                missing_from,
            } => write!(f, "entries from {missing_from} were deleted (after entry {after_seq})"),
            ChainProblem::Inserted { seq } => write!(f, "entry {seq} was inserted"),
            ChainProblem::Truncated { last_seq, head_seq } => write!(
                f,
                "the chain ends at entry {last_seq} but the head records {head_seq}: newest entries were deleted"
            ),
        }
    }
}

/// Incremental verifier so a long chain can be streamed in pages, in `seq` order.
#[derive(Debug, Clone)]
pub struct ChainVerifier {
    prev_seq: i64,
    prev_hash: String,
    pub checked: u64,
}

impl Default for ChainVerifier {
    fn default() -> Self {
        ChainVerifier {
            prev_seq: 0,
            prev_hash: GENESIS_HASH.to_string(),
            checked: 0,
        }
    }
}

impl ChainVerifier {
    pub fn push(&mut self, r: &AuditRecord) -> Result<(), ChainProblem> {
        let recomputed = entry_hash(&r.prev_hash, &r.fields());
        if r.seq <= self.prev_seq {
            return Err(ChainProblem::Inserted { seq: r.seq });
        }
        if recomputed != r.hash {
            return Err(ChainProblem::Altered { seq: r.seq });
        }
        if r.prev_hash != self.prev_hash {
            // The link is broken: either something between was removed, or this entry was
            // forged with a valid self-hash and linked to a hash that never existed.
            return Err(if r.seq > self.prev_seq + 1 {
                ChainProblem::Deleted {
                    after_seq: self.prev_seq,
                    missing_from: self.prev_seq + 1,
                }
            } else {
                ChainProblem::Inserted { seq: r.seq }
            });
        }
        if r.seq != self.prev_seq + 1 {
            return Err(ChainProblem::Inserted { seq: r.seq });
        }
        self.prev_seq = r.seq;
        self.prev_hash = r.hash.clone();
        self.checked += 1;
        Ok(())
    }

    /// Compare the end of the chain with the separately stored head.
    pub fn finish(&self, head_seq: i64, head_hash: &str) -> Result<(), ChainProblem> {
        if head_seq > self.prev_seq {
            return Err(ChainProblem::Truncated {
                last_seq: self.prev_seq,
                head_seq,
            });
        }
        if head_seq < self.prev_seq {
            return Err(ChainProblem::Inserted { seq: head_seq + 1 });
        }
        if head_hash != self.prev_hash {
            return Err(ChainProblem::Altered { seq: self.prev_seq });
        }
        Ok(())
    }

    pub fn last_hash(&self) -> &str {
        &self.prev_hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<AuditRecord> {
        let mut prev = GENESIS_HASH.to_string();
        (1..=n)
            .map(|seq| {
                let summary = Summary::new().id("location_id", seq).to_json();
                let f = EntryFields {
                    seq,
                    at_ms: 1_700_000_000_000 + seq,
                    org_id: Some(1),
                    actor_id: Some(7),
                    actor: "owner@example.org",
                    action: "location.create",
                    object_type: "location",
                    object_id: &seq.to_string(),
                    summary: &summary,
                };
                let hash = entry_hash(&prev, &f);
                let r = AuditRecord {
                    seq,
                    at_ms: f.at_ms,
                    org_id: f.org_id,
                    actor_id: f.actor_id,
                    actor: f.actor.into(),
                    action: f.action.into(),
                    object_type: f.object_type.into(),
                    object_id: f.object_id.into(),
                    summary: summary.clone(),
                    prev_hash: prev.clone(),
                    hash: hash.clone(),
                };
                prev = hash;
                r
            })
            .collect()
    }

    fn verify(c: &[AuditRecord], head: (i64, &str)) -> Result<(), ChainProblem> {
        let mut v = ChainVerifier::default();
        for r in c {
            v.push(r)?;
        }
        v.finish(head.0, head.1)
    }

    #[test]
    fn intact_chain_verifies() {
        let c = chain(5);
        assert_eq!(verify(&c, (5, &c[4].hash)), Ok(()));
    }

    #[test]
    fn altered_entry_is_found() {
        let mut c = chain(5);
        c[2].action = "location.delete".into();
        assert_eq!(
            verify(&c, (5, &c[4].hash.clone())),
            Err(ChainProblem::Altered { seq: 3 })
        );
    }

    #[test]
    fn deleted_entry_is_found() {
        let mut c = chain(5);
        c.remove(1);
        let head = c[3].hash.clone();
        assert_eq!(
            verify(&c, (5, &head)),
            Err(ChainProblem::Deleted {
                after_seq: 1,
                missing_from: 2
            })
        );
    }

    #[test]
    fn truncated_tail_is_found() {
        let c = chain(5);
        let head = c[4].hash.clone();
        assert_eq!(
            verify(&c[..3], (5, &head)),
            Err(ChainProblem::Truncated {
                last_seq: 3,
                head_seq: 5
            })
        );
    }

    #[test]
    fn inserted_entry_is_found() {
        let mut c = chain(5);
        let mut forged = c[1].clone();
        forged.seq = 3;
        forged.prev_hash = "f".repeat(64);
        forged.hash = entry_hash(&forged.prev_hash, &forged.fields());
        c.insert(2, forged);
        assert_eq!(
            verify(&c, (5, &c[5].hash.clone())),
            Err(ChainProblem::Inserted { seq: 3 })
        );
    }

    #[test]
    fn field_boundaries_matter() {
        let base = EntryFields {
            seq: 1,
            at_ms: 1,
            org_id: None,
            actor_id: None,
            actor: "ab",
            action: "c",
            object_type: "",
            object_id: "",
            summary: "{}",
        };
        let shifted = EntryFields {
            actor: "a",
            action: "bc",
            ..base
        };
        assert_ne!(
            entry_hash(GENESIS_HASH, &base),
            entry_hash(GENESIS_HASH, &shifted)
        );
    }
}
