//! Password hashing with argon2id. Verification always does the full work, even for an
//! unknown account, so response timing does not reveal whether an account exists.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use domain::Password;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordCost {
    /// OWASP's argon2id recommendation: 19 MiB, 2 passes.
    Standard,
    /// For tests only: fast, still argon2id.
    Low,
}

#[derive(Clone)]
pub struct Passwords {
    params: Params,
    dummy_hash: String,
}

impl std::fmt::Debug for Passwords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Passwords").finish_non_exhaustive()
    }
}

impl Passwords {
    pub fn new(cost: PasswordCost) -> Self {
        let params = match cost {
            PasswordCost::Standard => Params::new(19 * 1024, 2, 1, None),
            PasswordCost::Low => Params::new(256, 1, 1, None),
        }
        .expect("constant argon2 parameters are valid");
        let mut p = Passwords {
            params,
            dummy_hash: String::new(),
        };
        p.dummy_hash = p.hash_str("not a real password, used to equalise timing");
        p
    }

    fn argon(&self) -> Argon2<'static> {
        Argon2::new(Algorithm::Argon2id, Version::V0x13, self.params.clone())
    }

    fn hash_str(&self, s: &str) -> String {
        let salt = SaltString::generate(&mut rand::rngs::OsRng);
        self.argon()
            .hash_password(s.as_bytes(), &salt)
            .expect("argon2 hashing with valid parameters cannot fail")
            .to_string()
    }

    pub fn hash(&self, p: &Password) -> String {
        self.hash_str(p.expose())
    }

    /// True only when `stored` is present and matches. With no stored hash, a dummy hash
    /// is checked instead so the time taken is the same.
    pub fn verify(&self, stored: Option<&str>, candidate: &str) -> bool {
        let candidate = if candidate.len() > Password::MAX_BYTES {
            &candidate[..0]
        } else {
            candidate
        };
        let target = stored.unwrap_or(&self.dummy_hash);
        let ok = match PasswordHash::new(target) {
            Ok(h) => self
                .argon()
                .verify_password(candidate.as_bytes(), &h)
                .is_ok(),
            Err(_) => false,
        };
        ok && stored.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_and_verify() {
        let p = Passwords::new(PasswordCost::Low);
        let pw = Password::parse("password", "correct horse battery").unwrap();
        let h = p.hash(&pw);
        assert!(h.starts_with("$argon2id$"));
        assert!(p.verify(Some(&h), "correct horse battery"));
        assert!(!p.verify(Some(&h), "wrong horse battery"));
        assert!(!p.verify(None, "correct horse battery"));
        assert!(!p.verify(Some("garbage"), "x"));
    }
}
