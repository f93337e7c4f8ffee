use serde::Serialize;

/// Identifier kinds (PHI/PII) and the separate health family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
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
}

/// Why a finding was reported.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Evidence {
    pub source: &'static str,
    pub checksum: Option<bool>,
    pub context: Vec<String>,
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
