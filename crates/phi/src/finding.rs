use serde::Serialize;

/// Identifier kinds (PHI/PII) and the separate health family. Serialises as its
/// [`Kind::label`] ("PERSON", "DATE_TIME", …), the same names `bedside scan` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Person,
    Location,
    StreetAddress,
    ZipCode,
    PinCode,
    FacilityUnit,
    Date,
    Age,
    Phone,
    Fax,
    Email,
    Url,
    IpAddress,
    SocialHandle,
    Ssn,
    Npi,
    Dea,
    Mbi,
    Mrn,
    AccountNumber,
    HealthPlanId,
    Aadhaar,
    AbhaNumber,
    AbhaAddress,
    Pan,
    Iban,
    CreditCard,
    NhsNumber,
    Passport,
    LicenseNumber,
    VehicleId,
    DeviceId,
    // health family
    Condition,
    Procedure,
    Medication,
    TestResult,
    Visit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    Identifier,
    Health,
}

impl Kind {
    pub const ALL: [Kind; 37] = [
        Kind::Person,
        Kind::Location,
        Kind::StreetAddress,
        Kind::ZipCode,
        Kind::PinCode,
        Kind::FacilityUnit,
        Kind::Date,
        Kind::Age,
        Kind::Phone,
        Kind::Fax,
        Kind::Email,
        Kind::Url,
        Kind::IpAddress,
        Kind::SocialHandle,
        Kind::Ssn,
        Kind::Npi,
        Kind::Dea,
        Kind::Mbi,
        Kind::Mrn,
        Kind::AccountNumber,
        Kind::HealthPlanId,
        Kind::Aadhaar,
        Kind::AbhaNumber,
        Kind::AbhaAddress,
        Kind::Pan,
        Kind::Iban,
        Kind::CreditCard,
        Kind::NhsNumber,
        Kind::Passport,
        Kind::LicenseNumber,
        Kind::VehicleId,
        Kind::DeviceId,
        Kind::Condition,
        Kind::Procedure,
        Kind::Medication,
        Kind::TestResult,
        Kind::Visit,
    ];

    pub fn family(self) -> Family {
        match self {
            Kind::Condition
            | Kind::Procedure
            | Kind::Medication
            | Kind::TestResult
            | Kind::Visit => Family::Health,
            _ => Family::Identifier,
        }
    }

    /// Stable output name used in JSON (`"type"`) and documented in docs/phi.md.
    /// Names follow Presidio's where one exists (PERSON, DATE_TIME, PHONE_NUMBER, …)
    /// so results can be compared with it directly.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Person => "PERSON",
            Kind::Location => "LOCATION",
            Kind::StreetAddress => "STREET_ADDRESS",
            Kind::ZipCode => "ZIP_CODE",
            Kind::PinCode => "IN_PIN_CODE",
            Kind::FacilityUnit => "FACILITY_UNIT",
            Kind::Date => "DATE_TIME",
            Kind::Age => "AGE",
            Kind::Phone => "PHONE_NUMBER",
            Kind::Fax => "FAX_NUMBER",
            Kind::Email => "EMAIL_ADDRESS",
            Kind::Url => "URL",
            Kind::IpAddress => "IP_ADDRESS",
            Kind::SocialHandle => "USERNAME",
            Kind::Ssn => "US_SSN",
            Kind::Npi => "US_NPI",
            Kind::Dea => "US_DEA",
            Kind::Mbi => "US_MBI",
            Kind::Mrn => "MEDICAL_RECORD_NUMBER",
            Kind::AccountNumber => "ACCOUNT_NUMBER",
            Kind::HealthPlanId => "HEALTH_PLAN_ID",
            Kind::Aadhaar => "IN_AADHAAR",
            Kind::AbhaNumber => "IN_ABHA_NUMBER",
            Kind::AbhaAddress => "IN_ABHA_ADDRESS",
            Kind::Pan => "IN_PAN",
            Kind::Iban => "IBAN_CODE",
            Kind::CreditCard => "CREDIT_CARD",
            Kind::NhsNumber => "UK_NHS",
            Kind::Passport => "PASSPORT",
            Kind::LicenseNumber => "LICENSE_NUMBER",
            Kind::VehicleId => "VEHICLE_ID",
            Kind::DeviceId => "DEVICE_ID",
            Kind::Condition => "CONDITION",
            Kind::Procedure => "PROCEDURE",
            Kind::Medication => "MEDICATION",
            Kind::TestResult => "TEST_RESULT",
            Kind::Visit => "VISIT",
        }
    }

    /// Inverse of [`Kind::label`].
    pub fn from_label(label: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| k.label() == label)
    }

    /// Placeholder used by [`crate::RedactionStyle::Placeholder`].
    pub fn placeholder(self) -> &'static str {
        match self {
            Kind::Person => "[NAME]",
            Kind::Location | Kind::StreetAddress | Kind::ZipCode | Kind::PinCode => "[LOCATION]",
            Kind::FacilityUnit => "[UNIT]",
            Kind::Date => "[DATE]",
            Kind::Age => "[AGE]",
            Kind::Phone | Kind::Fax => "[PHONE]",
            Kind::Email => "[EMAIL]",
            Kind::Url => "[URL]",
            Kind::IpAddress => "[IP]",
            Kind::SocialHandle => "[HANDLE]",
            Kind::Condition => "[CONDITION]",
            Kind::Procedure => "[PROCEDURE]",
            Kind::Medication => "[MEDICATION]",
            Kind::TestResult => "[RESULT]",
            Kind::Visit => "[VISIT]",
            _ => "[ID]",
        }
    }
}

impl Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.label())
    }
}

/// Why a finding was reported. Everything here is static text so that building it
/// costs no allocation on the hot path.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Evidence {
    /// What matched: e.g. `pattern:ssn`, `lexicon:first_name`, `shape:capitalised`.
    pub source: &'static str,
    /// `Some(true)` when a check digit / structural rule passed, `Some(false)` when it
    /// failed (the finding is then a low-confidence near miss).
    pub checksum: Option<bool>,
    /// Context words that raised confidence ("patient", "my son", "mrn", "dob", …).
    pub context: Vec<&'static str>,
    /// Context words that lowered confidence ("dr.", "hospital", "our clinic", …).
    pub lowered: Vec<&'static str>,
    /// Ages only: the age is over 89 (HIPAA Safe Harbor aggregates those to "90 or older").
    pub over_89: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub kind: Kind,
    /// Byte offsets into the text.
    pub start: usize,
    pub end: usize,
    /// Unicode code-point offsets (as Python indexes a string).
    pub char_start: usize,
    pub char_end: usize,
    pub confidence: f32,
    pub evidence: Evidence,
}

impl Finding {
    /// The matched text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Whether a context cue (e.g. "patient", "my son") raised this finding.
    pub fn has_context(&self, cue: &str) -> bool {
        self.evidence.context.contains(&cue)
    }

    /// A person finding introduced by a patient or family-relationship cue — the signal
    /// the policy engine uses to tell a patient from, say, a quoted author.
    pub fn is_patient_or_relative(&self) -> bool {
        self.kind == Kind::Person
            && self
                .evidence
                .context
                .iter()
                .any(|c| crate::vocab::is_patient_cue(c))
    }
}
