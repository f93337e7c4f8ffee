//! Who may call which route: every route of the router is listed here with the one
//! permission it needs. The guard middleware looks requests up in this table, so access is
//! decided in one place, and a route missing from the table is refused (deny by default).

use domain::Permission as P;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// A signed-in member (session for pages, API token for `/api`) whose role grants this.
    Member(P),
}

#[derive(Debug, Clone, Copy)]
pub struct Route {
    pub method: &'static str,
    /// The route template exactly as registered with the router.
    pub path: &'static str,
    pub access: Access,
}

const fn r(method: &'static str, path: &'static str, access: Access) -> Route {
    Route {
        method,
        path,
        access,
    }
}

use Access::{Member, Public};

pub const ROUTES: &[Route] = &[
    // Operations and assets
    r("GET", "/healthz", Public),
    r("GET", "/readyz", Public),
    r("GET", "/metrics", Public),
    r("GET", "/static/{file}", Public),
    // Signing in
    r("GET", "/login", Public),
    r("POST", "/login", Public),
    r("POST", "/logout", Member(P::UseApp)),
    r("GET", "/setup/{token}", Public),
    r("POST", "/setup/{token}", Public),
    r("GET", "/invite/{token}", Public),
    r("POST", "/invite/{token}", Public),
    // Areas
    r("GET", "/", Member(P::UseApp)),
    r("GET", "/calendar", Member(P::ViewCalendar)),
    r("GET", "/calendar/move", Member(P::Compose)),
    r("POST", "/calendar/move", Member(P::Compose)),
    r("GET", "/compose", Member(P::Compose)),
    r("POST", "/compose", Member(P::Compose)),
    r("POST", "/compose/check", Member(P::Compose)),
    r("POST", "/compose/redact", Member(P::Compose)),
    r("GET", "/media", Member(P::ViewCalendar)),
    r("POST", "/media", Member(P::Compose)),
    r("GET", "/media/{id}", Member(P::ViewCalendar)),
    r("GET", "/media/{id}/file", Member(P::ViewCalendar)),
    r("POST", "/media/{id}/describe", Member(P::Compose)),
    r("POST", "/media/{id}/attach", Member(P::Compose)),
    r("GET", "/posts/{id}", Member(P::ViewCalendar)),
    r("GET", "/posts/{id}/edit", Member(P::Compose)),
    r("POST", "/posts/{id}/edit", Member(P::Compose)),
    r("POST", "/posts/{id}/action", Member(P::Compose)),
    r("POST", "/posts/{id}/consents", Member(P::Compose)),
    r("POST", "/posts/{id}/comments", Member(P::ViewCalendar)),
    r("POST", "/posts/{id}/retry", Member(P::ApprovePosts)),
    r("POST", "/posts/{id}/takedown", Member(P::ApprovePosts)),
    r(
        "POST",
        "/publications/{id}/resolve",
        Member(P::ApprovePosts),
    ),
    r("GET", "/consents", Member(P::ManageConsents)),
    r("POST", "/consents", Member(P::ManageConsents)),
    r("POST", "/consents/{id}/revoke", Member(P::ManageConsents)),
    r("GET", "/plans", Member(P::ViewCalendar)),
    r("POST", "/plans/campaigns", Member(P::ApprovePosts)),
    r("POST", "/plans/series", Member(P::ApprovePosts)),
    r("POST", "/plans/templates", Member(P::Compose)),
    r("GET", "/plans/observances", Member(P::ViewCalendar)),
    r("POST", "/plans/observances", Member(P::ApprovePosts)),
    r(
        "POST",
        "/plans/observances/visibility",
        Member(P::ApprovePosts),
    ),
    r(
        "POST",
        "/plans/observances/{id}/delete",
        Member(P::ApprovePosts),
    ),
    r("GET", "/plans/goals", Member(P::ViewCalendar)),
    r("POST", "/plans/goals", Member(P::ApprovePosts)),
    r("POST", "/plans/goals/{id}/delete", Member(P::ApprovePosts)),
    r("POST", "/plans/mix", Member(P::ApprovePosts)),
    r("GET", "/plans/news", Member(P::ViewCalendar)),
    r("POST", "/plans/news/feeds", Member(P::ApprovePosts)),
    r(
        "POST",
        "/plans/news/feeds/{id}/delete",
        Member(P::ApprovePosts),
    ),
    r(
        "POST",
        "/plans/news/feeds/{id}/refresh",
        Member(P::ViewCalendar),
    ),
    r("GET", "/notifications", Member(P::UseApp)),
    r("POST", "/notifications/read", Member(P::UseApp)),
    r("GET", "/inbox", Member(P::WorkInbox)),
    r("GET", "/analytics", Member(P::ViewAnalytics)),
    r("GET", "/compliance", Member(P::ViewCompliance)),
    r("GET", "/training", Member(P::UseApp)),
    r("POST", "/training/attest", Member(P::UseApp)),
    r("POST", "/training/quiz", Member(P::UseApp)),
    r("GET", "/compliance/training", Member(P::ViewCompliance)),
    r("POST", "/compliance/policy", Member(P::ManagePolicies)),
    r("POST", "/compliance/quiz", Member(P::ManagePolicies)),
    r("POST", "/compliance/quiz/reset", Member(P::ManagePolicies)),
    r("POST", "/compliance/quiz/{key}", Member(P::ManagePolicies)),
    r(
        "POST",
        "/compliance/quiz/{key}/delete",
        Member(P::ManagePolicies),
    ),
    r("GET", "/settings/accounts", Member(P::ViewOrganisation)),
    r("POST", "/settings/accounts", Member(P::ManageLocations)),
    r(
        "POST",
        "/settings/accounts/{id}/connect",
        Member(P::ManageLocations),
    ),
    r("GET", "/settings/compliance", Member(P::ViewCompliance)),
    r("POST", "/settings/compliance", Member(P::ManageConsents)),
    // Account
    r("GET", "/account/password", Member(P::UseApp)),
    r("POST", "/account/password", Member(P::UseApp)),
    // Settings
    r("GET", "/settings", Member(P::UseApp)),
    r("GET", "/settings/organisation", Member(P::ViewOrganisation)),
    r(
        "POST",
        "/settings/organisation",
        Member(P::ManageOrganisation),
    ),
    r("GET", "/settings/locations", Member(P::ViewOrganisation)),
    r("POST", "/settings/locations", Member(P::ManageLocations)),
    r(
        "POST",
        "/settings/locations/{id}",
        Member(P::ManageLocations),
    ),
    r("GET", "/settings/users", Member(P::ManageUsers)),
    r("POST", "/settings/users/invite", Member(P::ManageUsers)),
    r("POST", "/settings/users/{id}/role", Member(P::ManageUsers)),
    r(
        "POST",
        "/settings/users/{id}/active",
        Member(P::ManageUsers),
    ),
    r("GET", "/settings/tokens", Member(P::UseApp)),
    r("POST", "/settings/tokens", Member(P::UseApp)),
    r("POST", "/settings/tokens/{id}/revoke", Member(P::UseApp)),
    r("GET", "/settings/links", Member(P::ViewOrganisation)),
    r("POST", "/settings/links", Member(P::ManageConsents)),
    r(
        "POST",
        "/settings/links/{id}/delete",
        Member(P::ManageConsents),
    ),
    // Short links are followed by anyone who sees a post.
    r("GET", "/l/{code}", Public),
    r("GET", "/settings/audit", Member(P::ViewAuditLog)),
    r("GET", "/settings/audit.csv", Member(P::ExportAuditLog)),
    // JSON API
    r("GET", "/api/v1/openapi.json", Public),
    r("GET", "/api/v1/me", Member(P::UseApp)),
    r("GET", "/api/v1/locations", Member(P::ViewOrganisation)),
    r("POST", "/api/v1/locations", Member(P::ManageLocations)),
    r("GET", "/api/v1/users", Member(P::ManageUsers)),
    r("GET", "/api/v1/audit", Member(P::ViewAuditLog)),
    r("POST", "/api/v1/check", Member(P::RunChecks)),
    r("GET", "/api/v1/posts", Member(P::ViewCalendar)),
    r("POST", "/api/v1/posts", Member(P::Compose)),
    r("GET", "/api/v1/posts/{id}", Member(P::ViewCalendar)),
    r("PUT", "/api/v1/posts/{id}", Member(P::Compose)),
    r("POST", "/api/v1/posts/{id}/actions", Member(P::Compose)),
    r("POST", "/api/v1/posts/{id}/consents", Member(P::Compose)),
    r(
        "GET",
        "/api/v1/posts/{id}/publications",
        Member(P::ViewCalendar),
    ),
    r("POST", "/api/v1/posts/{id}/retry", Member(P::ApprovePosts)),
    r(
        "POST",
        "/api/v1/posts/{id}/takedown",
        Member(P::ApprovePosts),
    ),
    r(
        "POST",
        "/api/v1/publications/{id}/resolve",
        Member(P::ApprovePosts),
    ),
    r("GET", "/api/v1/consents", Member(P::ViewCalendar)),
    r("POST", "/api/v1/consents", Member(P::ManageConsents)),
    r(
        "POST",
        "/api/v1/consents/{id}/revoke",
        Member(P::ManageConsents),
    ),
    r("GET", "/api/v1/campaigns", Member(P::ViewCalendar)),
    r("POST", "/api/v1/campaigns", Member(P::ApprovePosts)),
    r("GET", "/api/v1/observances", Member(P::ViewCalendar)),
    r("POST", "/api/v1/observances", Member(P::ApprovePosts)),
    r(
        "DELETE",
        "/api/v1/observances/{id}",
        Member(P::ApprovePosts),
    ),
    r(
        "POST",
        "/api/v1/observances/visibility",
        Member(P::ApprovePosts),
    ),
    r(
        "GET",
        "/api/v1/observances/suggestions",
        Member(P::ViewCalendar),
    ),
    r("GET", "/api/v1/content-mix", Member(P::ViewCalendar)),
    r("PUT", "/api/v1/content-mix", Member(P::ApprovePosts)),
    r("GET", "/api/v1/goals", Member(P::ViewCalendar)),
    r("POST", "/api/v1/goals", Member(P::ApprovePosts)),
    r("DELETE", "/api/v1/goals/{id}", Member(P::ApprovePosts)),
    r("GET", "/api/v1/url-classes", Member(P::ViewOrganisation)),
    r("POST", "/api/v1/url-classes", Member(P::ManageConsents)),
    r(
        "DELETE",
        "/api/v1/url-classes/{id}",
        Member(P::ManageConsents),
    ),
    r("GET", "/api/v1/posts/{id}/links", Member(P::ViewCalendar)),
    r("GET", "/api/v1/news", Member(P::ViewCalendar)),
    r("GET", "/api/v1/feeds", Member(P::ViewCalendar)),
    r("POST", "/api/v1/feeds", Member(P::ApprovePosts)),
    r("DELETE", "/api/v1/feeds/{id}", Member(P::ApprovePosts)),
    r("GET", "/api/v1/training", Member(P::UseApp)),
    r("POST", "/api/v1/training/attest", Member(P::UseApp)),
    r("GET", "/api/v1/training/quiz", Member(P::UseApp)),
    r("POST", "/api/v1/training/quiz", Member(P::UseApp)),
    r("GET", "/api/v1/training/roster", Member(P::ViewCompliance)),
    r("GET", "/api/v1/policies", Member(P::UseApp)),
    r("POST", "/api/v1/policies", Member(P::ManagePolicies)),
    r("GET", "/api/v1/accounts", Member(P::ViewOrganisation)),
    r("POST", "/api/v1/accounts", Member(P::ManageLocations)),
    r("GET", "/api/v1/accounts/health", Member(P::ViewCalendar)),
    r(
        "POST",
        "/api/v1/accounts/{id}/credentials",
        Member(P::ManageLocations),
    ),
];

pub fn lookup(method: &str, path: &str) -> Option<Access> {
    ROUTES
        .iter()
        .find(|r| r.method == method && r.path == path)
        .map(|r| r.access)
}

pub fn is_api(path: &str) -> bool {
    path.starts_with("/api/")
}
