//! What the organisation tells the engine about itself: its own contact details (never
//! PHI), its staff, extra patterns and claims, and which rule packs it has switched on.

use serde::{Deserialize, Serialize};

use crate::request::Jurisdiction;

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

/// A group of rules from one law or professional code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Pack {
    /// Patient privacy (HIPAA in the US; confidentiality duties everywhere): PHI-*, TRK-*.
    Privacy,
    /// US FTC: endorsements, reviews, substantiation.
    Ftc,
    /// US FDA: prescription-drug promotion.
    Fda,
    /// Professional conduct everywhere: advice, crisis, staff, tone.
    Professional,
    /// India: Indian Medical Council (Professional Conduct) Regulations 2002.
    Imc,
    /// India: NMC guidance on social media (2023).
    Nmc,
    /// India: Digital Personal Data Protection Act 2023.
    Dpdp,
    /// India: PC&PNDT Act 1994.
    Pcpndt,
    /// India: MTP Act 1971 (s. 5A).
    Mtp,
    /// India: Mental Healthcare Act 2017.
    Mhca,
    /// India: Drugs and Magic Remedies (Objectionable Advertisements) Act 1954.
    Dmr,
}

impl Pack {
    /// The packs that apply by default for a jurisdiction.
    pub fn defaults(j: Jurisdiction) -> &'static [Pack] {
        match j {
            Jurisdiction::US => &[Pack::Privacy, Pack::Ftc, Pack::Fda, Pack::Professional],
            Jurisdiction::IN => &[
                Pack::Privacy,
                Pack::Professional,
                Pack::Imc,
                Pack::Nmc,
                Pack::Dpdp,
                Pack::Pcpndt,
                Pack::Mtp,
                Pack::Mhca,
                Pack::Dmr,
            ],
        }
    }

    pub fn jurisdiction(self) -> Option<Jurisdiction> {
        match self {
            Pack::Privacy | Pack::Professional => None,
            Pack::Ftc | Pack::Fda => Some(Jurisdiction::US),
            _ => Some(Jurisdiction::IN),
        }
    }
}

/// A staff member the organisation knows about.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct StaffMember {
    pub name: String,
    /// Media consent on file (may be named and shown).
    #[serde(default)]
    pub consent: bool,
}

/// Emergency numbers for one location (overrides the jurisdiction's defaults).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct EmergencyNumbers {
    pub location: String,
    pub numbers: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct OrgPolicy {
    /// Name used in suggested replies ("the Riverside Clinic team").
    #[serde(default)]
    pub name: Option<String>,
    /// Jurisdiction used when a request gives none.
    #[serde(default)]
    pub default_jurisdiction: Option<Jurisdiction>,
    /// Packs switched on. Empty means "the defaults of the request's jurisdiction".
    #[serde(default)]
    pub packs: Vec<Pack>,
    #[serde(default)]
    pub staff: Vec<StaffMember>,
    /// The organisation's own phone numbers (any formatting).
    #[serde(default)]
    pub phones: Vec<String>,
    #[serde(default)]
    pub emails: Vec<String>,
    #[serde(default)]
    pub addresses: Vec<String>,
    #[serde(default)]
    pub handles: Vec<String>,
    /// Domains of the organisation's own sites (links there are not third-party).
    #[serde(default)]
    pub domains: Vec<String>,
    /// Extra MRN / account-number patterns (regex syntax, linear-time engine).
    #[serde(default)]
    pub mrn_patterns: Vec<String>,
    /// Phrases the organisation never wants in outbound text (e.g. a product claim).
    #[serde(default)]
    pub banned_claims: Vec<String>,
    /// Contact details used in suggested replies.
    #[serde(default)]
    pub contact_phone: Option<String>,
    #[serde(default)]
    pub contact_email: Option<String>,
    #[serde(default)]
    pub emergency_numbers: Vec<EmergencyNumbers>,
}

impl OrgPolicy {
    /// Packs in force for a jurisdiction: the organisation's choice restricted to packs
    /// that belong to that jurisdiction (or to none), else the jurisdiction's defaults.
    pub fn packs_for(&self, j: Jurisdiction) -> Vec<Pack> {
        if self.packs.is_empty() {
            return Pack::defaults(j).to_vec();
        }
        self.packs
            .iter()
            .copied()
            .filter(|p| p.jurisdiction().is_none_or(|pj| pj == j))
            .collect()
    }

    /// Digits of every organisation phone, for matching regardless of formatting.
    pub(crate) fn phone_digits(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .phones
            .iter()
            .chain(self.contact_phone.iter())
            .map(|p| p.chars().filter(char::is_ascii_digit).collect::<String>())
            .filter(|d| d.len() >= 5)
            .collect();
        v.sort();
        v.dedup();
        v
    }
}
