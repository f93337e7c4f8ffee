//! Secrets at rest. A [`Sealer`] encrypts short strings (platform tokens, patient names)
//! with XChaCha20-Poly1305 under the installation's secret key. A sealed value reads
//! `v1.<key id>.<base64 nonce+ciphertext>`; the key id (first bytes of the key's SHA-256)
//! lets a rotation re-seal values under a new key and reject values sealed under an
//! unknown one.

use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use base64::Engine as _;
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use sha2::{Digest, Sha256};

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum VaultError {
    #[error("the sealed value is malformed")]
    Malformed,
    #[error(
        "the value was sealed with another key (id {0}); rotate or restore the right key file"
    )]
    WrongKey(String),
    #[error("the sealed value failed authentication (altered or wrong key)")]
    Tampered,
}

#[derive(Clone)]
pub struct Sealer {
    cipher: XChaCha20Poly1305,
    key_id: String,
    /// Earlier keys (after a rotation): they still open values, never seal.
    previous: Vec<(String, XChaCha20Poly1305)>,
}

impl std::fmt::Debug for Sealer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sealer")
            .field("key_id", &self.key_id)
            .finish_non_exhaustive()
    }
}

impl Sealer {
    pub fn new(key: &[u8; 32]) -> Sealer {
        Sealer {
            cipher: XChaCha20Poly1305::new(key.into()),
            key_id: key_id(key),
            previous: Vec::new(),
        }
    }

    /// Also open values sealed under `key` (a retired key, or the next one during an
    /// interrupted rotation).
    pub fn with_previous(mut self, key: &[u8; 32]) -> Sealer {
        let id = key_id(key);
        if id != self.key_id && !self.previous.iter().any(|(p, _)| *p == id) {
            self.previous.push((id, XChaCha20Poly1305::new(key.into())));
        }
        self
    }

    pub fn key_id(&self) -> &str {
        &self.key_id
    }

    pub fn seal(&self, plain: &str) -> String {
        let mut nonce = [0u8; 24];
        rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut nonce);
        let ct = self
            .cipher
            .encrypt(XNonce::from_slice(&nonce), plain.as_bytes())
            .expect("encryption of an in-memory buffer cannot fail");
        let mut blob = nonce.to_vec();
        blob.extend_from_slice(&ct);
        format!("v1.{}.{}", self.key_id, B64.encode(blob))
    }

    pub fn open(&self, sealed: &str) -> Result<String, VaultError> {
        let mut parts = sealed.splitn(3, '.');
        let (Some("v1"), Some(id), Some(body)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(VaultError::Malformed);
        };
        let cipher = if id == self.key_id {
            &self.cipher
        } else {
            match self.previous.iter().find(|(p, _)| p == id) {
                Some((_, c)) => c,
                None => return Err(VaultError::WrongKey(id.to_string())),
            }
        };
        let blob = B64.decode(body).map_err(|_| VaultError::Malformed)?;
        if blob.len() < 24 + 16 {
            return Err(VaultError::Malformed);
        }
        let (nonce, ct) = blob.split_at(24);
        let plain = cipher
            .decrypt(XNonce::from_slice(nonce), ct)
            .map_err(|_| VaultError::Tampered)?;
        String::from_utf8(plain).map_err(|_| VaultError::Malformed)
    }

    /// The key id a sealed value was sealed under, if it is well formed.
    pub fn key_id_of(sealed: &str) -> Option<&str> {
        let mut parts = sealed.splitn(3, '.');
        match (parts.next(), parts.next()) {
            (Some("v1"), Some(id)) => Some(id),
            _ => None,
        }
    }
}

fn key_id(key: &[u8; 32]) -> String {
    hex::encode(&Sha256::digest(key)[..4])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_tamper() {
        let s = Sealer::new(&[7u8; 32]);
        let sealed = s.seal("Sunita Devi");
        assert!(!sealed.contains("Sunita"));
        assert_eq!(s.open(&sealed).unwrap(), "Sunita Devi");
        assert_ne!(s.seal("x"), s.seal("x"), "nonces differ");
        let mut bad = sealed.clone();
        bad.pop();
        bad.push(if sealed.ends_with('A') { 'B' } else { 'A' });
        assert_eq!(s.open(&bad), Err(VaultError::Tampered));
        let other = Sealer::new(&[8u8; 32]);
        assert!(matches!(other.open(&sealed), Err(VaultError::WrongKey(_))));
        assert_eq!(s.open("garbage"), Err(VaultError::Malformed));
        assert_eq!(Sealer::key_id_of(&sealed), Some(s.key_id()));
    }

    #[test]
    fn previous_keys_open_but_never_seal() {
        let old = Sealer::new(&[1u8; 32]);
        let sealed = old.seal("Asha");
        let new = Sealer::new(&[2u8; 32]);
        assert!(matches!(new.open(&sealed), Err(VaultError::WrongKey(_))));
        let ring = new.clone().with_previous(&[1u8; 32]);
        assert_eq!(ring.open(&sealed).unwrap(), "Asha");
        assert_eq!(Sealer::key_id_of(&ring.seal("x")), Some(new.key_id()));
    }
}
