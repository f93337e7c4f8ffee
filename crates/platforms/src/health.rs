//! Account health (PUBLISH-3): one probe call, read as a state a person can act on.

use jiff::{SignedDuration, Timestamp};

use crate::error::{PublishError, RejectKind};

/// Warn this long before a token expires.
pub const EXPIRY_WARNING: SignedDuration = SignedDuration::from_hours(7 * 24);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HealthState {
    Connected,
    /// Works now, stops at `at` unless refreshed or reconnected.
    Expiring {
        at: Timestamp,
    },
    /// The token has expired: refresh, or reconnect where the platform has no refresh.
    Expired,
    /// Access withdrawn or the account is gone: reconnect.
    Revoked {
        detail: String,
    },
    RateLimited {
        until: Option<Timestamp>,
    },
    /// The API version we call is no longer served: Bedside needs an update.
    VersionSunset {
        detail: String,
    },
    /// The platform could not be reached or failed; says nothing about the account.
    Unreachable {
        detail: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountHealth {
    pub state: HealthState,
    pub token_expires_at: Option<Timestamp>,
    pub checked_at: Timestamp,
}

impl AccountHealth {
    pub fn from_probe(
        probe: Result<(), PublishError>,
        token_expires_at: Option<Timestamp>,
        now: Timestamp,
    ) -> Self {
        let state = match probe {
            Ok(()) => match token_expires_at {
                Some(at) if at <= now => HealthState::Expired,
                Some(at) if at.duration_since(now) <= EXPIRY_WARNING => {
                    HealthState::Expiring { at }
                }
                _ => HealthState::Connected,
            },
            Err(e) => state_for(e, now),
        };
        AccountHealth {
            state,
            token_expires_at,
            checked_at: now,
        }
    }

    /// True when the account needs a person (reconnect, or a Bedside upgrade).
    pub fn needs_attention(&self) -> bool {
        matches!(
            self.state,
            HealthState::Expired | HealthState::Revoked { .. } | HealthState::VersionSunset { .. }
        )
    }
}

fn state_for(e: PublishError, now: Timestamp) -> HealthState {
    match e {
        PublishError::AuthExpired { .. } => HealthState::Expired,
        PublishError::Revoked { detail } => HealthState::Revoked { detail },
        PublishError::Rejected {
            kind: RejectKind::NotFound,
            reason,
            ..
        } => HealthState::Revoked { detail: reason },
        PublishError::RateLimited { until, .. } => HealthState::RateLimited { until },
        PublishError::NotReceived {
            retry_after: Some(wait),
            ..
        } => HealthState::RateLimited {
            until: SignedDuration::try_from(wait)
                .ok()
                .and_then(|d| now.checked_add(d).ok()),
        },
        PublishError::VersionSunset { detail } => HealthState::VersionSunset { detail },
        other => HealthState::Unreachable {
            detail: other.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        Timestamp::from_second(1_750_000_000).unwrap()
    }

    #[test]
    fn a_working_token_close_to_expiry_is_expiring() {
        let soon = now().checked_add(SignedDuration::from_hours(48)).unwrap();
        let h = AccountHealth::from_probe(Ok(()), Some(soon), now());
        assert_eq!(h.state, HealthState::Expiring { at: soon });
        let later = now()
            .checked_add(SignedDuration::from_hours(24 * 30))
            .unwrap();
        let h = AccountHealth::from_probe(Ok(()), Some(later), now());
        assert_eq!(h.state, HealthState::Connected);
    }

    #[test]
    fn errors_become_states_people_can_act_on() {
        let revoked = PublishError::Revoked { detail: "x".into() };
        let h = AccountHealth::from_probe(Err(revoked), None, now());
        assert!(h.needs_attention());
        let h = AccountHealth::from_probe(
            Err(PublishError::NotReceived {
                retry_after: Some(std::time::Duration::from_secs(60)),
                detail: "429".into(),
            }),
            None,
            now(),
        );
        assert_eq!(
            h.state,
            HealthState::RateLimited {
                until: Some(Timestamp::from_second(1_750_000_060).unwrap())
            }
        );
        let h = AccountHealth::from_probe(Err(PublishError::unknown("reset")), None, now());
        assert!(matches!(h.state, HealthState::Unreachable { .. }));
        assert!(!h.needs_attention());
    }
}
