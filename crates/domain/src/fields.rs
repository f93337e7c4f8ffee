//! Parse, don't validate: newtypes that can only hold valid values. Each parser returns a
//! [`FieldError`] naming the field and saying, in plain words, what is wrong.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        FieldError {
            field,
            message: message.into(),
        }
    }
}

/// Trimmed single-line text of bounded length with no control characters.
fn bounded_line(field: &'static str, raw: &str, max: usize) -> Result<String, FieldError> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(FieldError::new(field, "is required"));
    }
    let chars = value.chars().count();
    if chars > max {
        return Err(FieldError::new(
            field,
            format!("must be at most {max} characters (it has {chars})"),
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(FieldError::new(field, "must be a single line of text"));
    }
    Ok(value.to_string())
}

macro_rules! line_newtype {
    ($name:ident, $field:literal, $max:literal) => {
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name(String);

        impl $name {
            pub fn parse(raw: &str) -> Result<Self, FieldError> {
                bounded_line($field, raw, $max).map($name)
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
            pub fn into_inner(self) -> String {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

line_newtype!(DisplayName, "name", 100);
line_newtype!(LocationName, "name", 80);
line_newtype!(OrgName, "name", 120);

/// A sign-in address, stored lower-case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let value = raw.trim().to_lowercase();
        if value.is_empty() {
            return Err(FieldError::new("email", "is required"));
        }
        if value.len() > 254 {
            return Err(FieldError::new(
                "email",
                "is too long (at most 254 characters)",
            ));
        }
        let Some((local, domain)) = value.split_once('@') else {
            return Err(FieldError::new("email", "must look like name@example.org"));
        };
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..");
        let chars_ok = !value.chars().any(|c| c.is_whitespace() || c.is_control());
        if local.is_empty() || !domain_ok || domain.contains('@') || !chars_ok {
            return Err(FieldError::new("email", "must look like name@example.org"));
        }
        Ok(Email(value))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A new password that meets the policy. Never printed: `Debug` is redacted.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    pub const MIN_CHARS: usize = 12;
    /// Bounded so a huge input cannot make hashing a denial of service.
    pub const MAX_BYTES: usize = 1024;

    pub fn parse(field: &'static str, raw: &str) -> Result<Self, FieldError> {
        let chars = raw.chars().count();
        if chars < Self::MIN_CHARS {
            return Err(FieldError::new(
                field,
                format!("must be at least {} characters", Self::MIN_CHARS),
            ));
        }
        if raw.len() > Self::MAX_BYTES {
            return Err(FieldError::new(field, "is too long"));
        }
        Ok(Password(raw.to_string()))
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn emails() {
        assert_eq!(Email::parse(" A@B.org ").unwrap().as_str(), "a@b.org");
        for bad in [
            "",
            "a",
            "a@b",
            "@b.org",
            "a@.org",
            "a b@c.org",
            "a@b..org",
            "a@b@c.org",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn passwords() {
        assert!(Password::parse("password", "short").is_err());
        assert!(Password::parse("password", "long enough pass").is_ok());
        assert!(Password::parse("password", &"x".repeat(2000)).is_err());
        assert_eq!(
            format!("{:?}", Password::parse("p", "long enough pass").unwrap()),
            "Password(***)"
        );
    }

    #[test]
    fn names() {
        assert_eq!(LocationName::parse("  Bhopal ").unwrap().as_str(), "Bhopal");
        assert!(LocationName::parse("   ").is_err());
        assert!(LocationName::parse("a\nb").is_err());
        assert!(LocationName::parse(&"x".repeat(81)).is_err());
    }

    proptest! {
        #[test]
        fn parsers_never_panic(s in ".*") {
            let _ = Email::parse(&s);
            let _ = DisplayName::parse(&s);
            let _ = Password::parse("p", &s);
        }

        #[test]
        fn parsed_names_are_trimmed_and_bounded(s in ".{0,200}") {
            if let Ok(n) = LocationName::parse(&s) {
                prop_assert_eq!(n.as_str().trim(), n.as_str());
                prop_assert!(n.as_str().chars().count() <= 80);
            }
        }
    }
}
