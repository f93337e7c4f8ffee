//! The six roles of PRODUCT.md and the permission matrix, as data.
//!
//! Every access decision in Bedside goes through [`Role::can`]; the web layer maps each
//! route to one [`Permission`] and asks here.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Owner,
    Compliance,
    Manager,
    Author,
    Responder,
    Analyst,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Owner,
        Role::Compliance,
        Role::Manager,
        Role::Author,
        Role::Responder,
        Role::Analyst,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Compliance => "compliance",
            Role::Manager => "manager",
            Role::Author => "author",
            Role::Responder => "responder",
            Role::Analyst => "analyst",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// What a person with this role may do, in one sentence (shown in the users page).
    pub fn describe(self) -> &'static str {
        match self {
            Role::Owner => "Everything, including users, accounts and keys.",
            Role::Compliance => {
                "Approves anything, overrides with a reason, manages consents, policies and the audit log."
            }
            Role::Manager => "Plans, approves posts the engine allowed, manages campaigns and accounts.",
            Role::Author => "Writes drafts, submits them for review, replies in the inbox.",
            Role::Responder => "Works the inbox only.",
            Role::Analyst => "Reads dashboards and reports.",
        }
    }

    pub fn can(self, permission: Permission) -> bool {
        MATRIX
            .iter()
            .find(|(p, _)| *p == permission)
            .is_some_and(|(_, roles)| roles.contains(&self))
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Things a signed-in member may be allowed to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// Any signed-in member: home, own password, own API tokens.
    UseApp,
    ViewCalendar,
    Compose,
    ApprovePosts,
    /// Approve posts the engine flagged, and override blocks with a reason.
    ApproveFlagged,
    WorkInbox,
    ViewAnalytics,
    ViewCompliance,
    ManageConsents,
    ViewOrganisation,
    ManageOrganisation,
    ManageLocations,
    ManageUsers,
    ViewAuditLog,
    ExportAuditLog,
    RunChecks,
    /// Publish versions of the social media policy and edit the training quiz.
    ManagePolicies,
}

use Permission as P;
use Role as R;

/// The permission matrix. A permission not listed here is granted to nobody.
pub const MATRIX: &[(Permission, &[Role])] = &[
    (
        P::UseApp,
        &[
            R::Owner,
            R::Compliance,
            R::Manager,
            R::Author,
            R::Responder,
            R::Analyst,
        ],
    ),
    (
        P::ViewCalendar,
        &[R::Owner, R::Compliance, R::Manager, R::Author, R::Analyst],
    ),
    (
        P::Compose,
        &[R::Owner, R::Compliance, R::Manager, R::Author],
    ),
    (P::ApprovePosts, &[R::Owner, R::Compliance, R::Manager]),
    (P::ApproveFlagged, &[R::Owner, R::Compliance]),
    (
        P::WorkInbox,
        &[R::Owner, R::Compliance, R::Manager, R::Author, R::Responder],
    ),
    (
        P::ViewAnalytics,
        &[R::Owner, R::Compliance, R::Manager, R::Analyst],
    ),
    (P::ViewCompliance, &[R::Owner, R::Compliance, R::Manager]),
    (P::ManageConsents, &[R::Owner, R::Compliance]),
    (
        P::ViewOrganisation,
        &[
            R::Owner,
            R::Compliance,
            R::Manager,
            R::Author,
            R::Responder,
            R::Analyst,
        ],
    ),
    (P::ManageOrganisation, &[R::Owner]),
    (P::ManageLocations, &[R::Owner, R::Manager]),
    (P::ManageUsers, &[R::Owner]),
    (P::ViewAuditLog, &[R::Owner, R::Compliance]),
    (P::ExportAuditLog, &[R::Owner, R::Compliance]),
    (
        P::RunChecks,
        &[R::Owner, R::Compliance, R::Manager, R::Author, R::Responder],
    ),
    (P::ManagePolicies, &[R::Owner, R::Compliance]),
];

impl Permission {
    pub fn as_str(self) -> &'static str {
        match self {
            P::UseApp => "use_app",
            P::ViewCalendar => "view_calendar",
            P::Compose => "compose",
            P::ApprovePosts => "approve_posts",
            P::ApproveFlagged => "approve_flagged",
            P::WorkInbox => "work_inbox",
            P::ViewAnalytics => "view_analytics",
            P::ViewCompliance => "view_compliance",
            P::ManageConsents => "manage_consents",
            P::ViewOrganisation => "view_organisation",
            P::ManageOrganisation => "manage_organisation",
            P::ManageLocations => "manage_locations",
            P::ManageUsers => "manage_users",
            P::ViewAuditLog => "view_audit_log",
            P::ExportAuditLog => "export_audit_log",
            P::RunChecks => "run_checks",
            P::ManagePolicies => "manage_policies",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owner_can_everything_listed() {
        for (p, _) in MATRIX {
            assert!(Role::Owner.can(*p), "owner lacks {p:?}");
        }
    }

    #[test]
    fn responder_is_inbox_only() {
        assert!(Role::Responder.can(P::WorkInbox));
        assert!(!Role::Responder.can(P::Compose));
        assert!(!Role::Responder.can(P::ViewCalendar));
        assert!(!Role::Responder.can(P::ViewAuditLog));
    }

    #[test]
    fn analyst_is_read_only() {
        for p in [
            P::Compose,
            P::ApprovePosts,
            P::ManageLocations,
            P::ManageUsers,
            P::WorkInbox,
        ] {
            assert!(!Role::Analyst.can(p), "analyst may {p:?}");
        }
        assert!(Role::Analyst.can(P::ViewAnalytics));
    }

    #[test]
    fn every_permission_appears_once() {
        let mut seen = std::collections::HashSet::new();
        for (p, _) in MATRIX {
            assert!(seen.insert(*p), "{p:?} twice");
        }
    }

    #[test]
    fn role_names_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("admin"), None);
    }
}
