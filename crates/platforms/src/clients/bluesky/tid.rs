//! Record keys for posts. `app.bsky.feed.post` records are keyed by a TID: 64 bits (top
//! bit zero, 53 bits of microseconds since the epoch, 10 bits of clock id) written as 13
//! characters of base32-sortable. We derive it from the post's stable `created_at` and
//! idempotency key, so every attempt for one target writes the same key: a repeat cannot
//! create a second post, and the post can be fetched by key.

use jiff::Timestamp;
use sha2::{Digest, Sha256};

const ALPHABET: &[u8; 32] = b"234567abcdefghijklmnopqrstuvwxyz";

/// The record key for this target. The microseconds within `created_at`'s second and
/// the clock id come from the key's hash, so two targets scheduled for the same second
/// still get different keys (about one chance in 10^9 of a clash).
pub fn record_key(created_at: Timestamp, idempotency_key: &str) -> String {
    let hash = Sha256::digest(idempotency_key.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&hash[..8]);
    let h = u64::from_be_bytes(first);
    let seconds = created_at.as_second().max(0) as u64;
    let micros = seconds
        .saturating_mul(1_000_000)
        .saturating_add(h % 1_000_000)
        & ((1 << 53) - 1);
    let clock = (h >> 32) & 0x3ff;
    encode((micros << 10) | clock)
}

fn encode(v: u64) -> String {
    (0..13)
        .map(|i| {
            let shift = 60 - 5 * i;
            ALPHABET[((v >> shift) & 0x1f) as usize] as char
        })
        .collect()
}

/// Syntax check used by tests and the simulator's contract.
pub fn is_tid(s: &str) -> bool {
    s.len() == 13
        && s.bytes().all(|b| ALPHABET.contains(&b))
        && matches!(s.as_bytes()[0], b'2'..=b'7' | b'a'..=b'j')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_stable_valid_and_distinct() {
        let t = Timestamp::from_second(1_750_000_000).unwrap();
        let a = record_key(t, "pub-1");
        assert_eq!(a, record_key(t, "pub-1"));
        assert_ne!(a, record_key(t, "pub-2"));
        assert!(is_tid(&a), "{a}");
        let later = Timestamp::from_second(1_750_000_060).unwrap();
        assert!(record_key(later, "pub-1") > a, "TIDs sort by time");
    }

    proptest::proptest! {
        #[test]
        fn always_a_tid(secs in 0i64..4_000_000_000, key in ".{0,40}") {
            let t = Timestamp::from_second(secs).unwrap();
            proptest::prop_assert!(is_tid(&record_key(t, &key)));
        }
    }
}
