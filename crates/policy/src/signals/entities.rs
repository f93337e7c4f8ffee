//! Entities (names, dates, contact details, identifiers): found, merged with the detector's
//! findings and filtered to plausible people; `owners` decides whose each one is. An entity
//! that belongs to the organisation, to a staff member or to a public observance is never
//! reported as patient information.

use phi::{Family, Finding, Kind};

use crate::lexicon::{Cue, Hit};
use crate::text::Prepared;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    Name,
    Age,
    Date,
    Time,
    Phone,
    Email,
    Url,
    Handle,
    /// Government, health-plan, record or account number.
    Id,
    Place,
    Address,
}

#[derive(Debug, Clone)]
pub struct Entity {
    pub kind: EntityKind,
    /// Normalised byte offsets.
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    pub w0: usize,
    pub w1: usize,
    /// Output type name, e.g. `PERSON`, `SSN`, `DATE`.
    pub label: &'static str,
    /// Age in years, for ages.
    pub value: Option<u32>,
    pub staff: bool,
    /// Staff media consent from the organisation's staff list (`None`: not listed).
    pub staff_consent: Option<bool>,
    pub org: bool,
    pub observance: bool,
    /// A link whose path spells a person's name (see `masks::slug_people`).
    pub slug_person: bool,
}

impl Entity {
    pub fn new(
        p: &Prepared<'_>,
        kind: EntityKind,
        start: usize,
        end: usize,
        label: &'static str,
    ) -> Entity {
        let w0 = p.word_at(start);
        Entity {
            kind,
            start,
            end,
            sentence: p.sentence_of(start),
            w0,
            w1: p.word_at(end.saturating_sub(1)).max(w0),
            label,
            value: None,
            staff: false,
            staff_consent: None,
            org: false,
            observance: false,
            slug_person: false,
        }
    }

    /// Belongs to the organisation, its staff or a public observance.
    pub fn benign(&self) -> bool {
        self.staff || self.org || self.observance
    }
}

fn kind_of(k: Kind) -> (EntityKind, &'static str) {
    use EntityKind as E;
    match k {
        Kind::Person => (E::Name, "PERSON"),
        Kind::Location => (E::Place, "LOCATION"),
        Kind::FacilityUnit => (E::Place, "FACILITY_UNIT"),
        Kind::StreetAddress => (E::Address, "STREET_ADDRESS"),
        Kind::ZipCode => (E::Address, "ZIP_CODE"),
        Kind::PinCode => (E::Address, "PIN_CODE"),
        Kind::Date => (E::Date, "DATE"),
        Kind::Age => (E::Age, "AGE"),
        Kind::Phone => (E::Phone, "PHONE"),
        Kind::Fax => (E::Phone, "FAX"),
        Kind::Email => (E::Email, "EMAIL"),
        Kind::Url => (E::Url, "URL"),
        Kind::SocialHandle => (E::Handle, "SOCIAL_HANDLE"),
        Kind::IpAddress => (E::Id, "IP_ADDRESS"),
        Kind::Ssn => (E::Id, "SSN"),
        Kind::Npi => (E::Id, "NPI"),
        Kind::Dea => (E::Id, "DEA"),
        Kind::Mbi => (E::Id, "MBI"),
        Kind::Mrn => (E::Id, "MRN"),
        Kind::AccountNumber => (E::Id, "ACCOUNT_NUMBER"),
        Kind::HealthPlanId => (E::Id, "HEALTH_PLAN_ID"),
        Kind::Aadhaar => (E::Id, "AADHAAR"),
        Kind::AbhaNumber => (E::Id, "ABHA_NUMBER"),
        Kind::AbhaAddress => (E::Id, "ABHA_ADDRESS"),
        Kind::Pan => (E::Id, "PAN"),
        Kind::Iban => (E::Id, "IBAN"),
        Kind::CreditCard => (E::Id, "CREDIT_CARD"),
        Kind::NhsNumber => (E::Id, "NHS_NUMBER"),
        Kind::Passport => (E::Id, "PASSPORT"),
        Kind::LicenseNumber => (E::Id, "LICENSE_NUMBER"),
        Kind::VehicleId => (E::Id, "VEHICLE_ID"),
        Kind::DeviceId => (E::Id, "DEVICE_ID"),
        // Health kinds are turned into cue hits, not entities.
        _ => (E::Id, "OTHER"),
    }
}

/// Fold the detector's findings in: identifiers become entities (unless one of ours already
/// covers the span), health findings become cue hits so rules see them like lexicon hits.
pub fn merge_phi(
    p: &Prepared<'_>,
    findings: Vec<Finding>,
    ents: &mut Vec<Entity>,
    hits: &mut Vec<Hit>,
) {
    for f in findings {
        if f.start >= f.end || f.end > p.original.len() {
            continue;
        }
        let s = p.norm_of(f.start);
        let e = p.norm_of(f.end).max(s);
        if s >= e {
            continue;
        }
        if f.kind.family() == Family::Health {
            let cue = match f.kind {
                Kind::Condition => Cue::Condition,
                Kind::Procedure => Cue::Procedure,
                Kind::Medication => Cue::Medication,
                Kind::TestResult => Cue::TestResult,
                _ => Cue::VisitWord,
            };
            hits.push(Hit::over(p, cue, s, e));
            continue;
        }
        // A "person" that our lexicons know as a procedure, drug, product, title or pronoun
        // ("X-ray", "Botox", "Doctor", "Aapki") is not one. Gates and word endings match
        // inside words ("unit" in Sunita, "pill" in Pillai) and say nothing about names. Pronouns only when they are the
        // whole candidate: "Priya's mom" is still Priya.
        let known_word = || {
            hits.iter().any(|h| {
                h.start < e
                    && s < h.end
                    && !h.cue.is_fragment()
                    && (!matches!(
                        h.cue,
                        Cue::FamilyMember | Cue::Pron3 | Cue::Poss2 | Cue::You2 | Cue::Poss1
                    ) || h.start <= s && h.end >= e)
            })
        };
        if f.kind == Kind::Person && (!plausible_person(p, &f, s, e) || known_word()) {
            continue;
        }
        // A handle guessed from context ("login karein") is a plain word unless it has the
        // shape of one: an @, a digit, an underscore or a dot.
        if f.kind == Kind::SocialHandle
            && !p.norm[s..e]
                .contains(|c: char| c == '@' || c == '_' || c == '.' || c.is_ascii_digit())
        {
            continue;
        }
        let (kind, label) = kind_of(f.kind);
        // A known place ("Madhya Pradesh", "Fayetteville") is not the two-capitalised-words
        // name our own heuristics guessed.
        // "Civil Lines, Jaipur.": a listed place read as a closing vocative by our name
        // heuristics is the place when it is exactly that word.
        if kind == EntityKind::Place && f.confidence >= 0.8 {
            ents.retain(|x| !(x.kind == EntityKind::Name && x.start >= s && x.end <= e));
        } else if kind == EntityKind::Place && f.confidence >= 0.75 {
            // "Kochi's best team": the place, possessive.
            let possessive =
                |x: &Entity| x.end > e && matches!(&p.norm[e..x.end], "'s" | "\u{2019}s");
            ents.retain(|x| {
                !(x.kind == EntityKind::Name && x.start == s && (x.end == e || possessive(x)))
            });
        }
        // "our patient experience team is at (614) 555-0142": a phone number read as a
        // record number for the word "patient" nearby is still the phone number.
        let phone_too = kind == EntityKind::Id
            && ents
                .iter()
                .any(|x| x.kind == EntityKind::Phone && x.start <= s && e <= x.end);
        let dup = phone_too
            || ents
                .iter()
                .any(|x| x.start < e && s < x.end && (x.kind == kind || kind == EntityKind::Place));
        if !dup {
            let mut ent = Entity::new(p, kind, s, e, label);
            // "104th", "34M": the detector's ages keep their number.
            if kind == EntityKind::Age {
                let n = p.norm[s..e].trim_start();
                let end = n.find(|c: char| !c.is_ascii_digit()).unwrap_or(n.len());
                ent.value = n[..end].parse().ok();
            }
            ents.push(ent);
        }
    }
}

/// The detector's PERSON findings are candidates. A person name has no common or place
/// word in it ("Oak Street", "Free"), is not an acronym ("LASIK"), is not followed by a
/// street or facility word ("Maple Avenue clinic"), and a capitalised word with nothing but
/// its shape behind it ("Anaesthesia", "President") needs more than the detector's floor.
fn plausible_person(p: &Prepared<'_>, f: &Finding, s: usize, e: usize) -> bool {
    let text = &p.norm[s..e];
    let mut words = text
        .split(|c: char| !crate::text::is_word_char(c))
        .filter(|w| !w.is_empty())
        .peekable();
    if words.peek().is_none() {
        return false;
    }
    if words.any(super::name_words::not_name) {
        return false;
    }
    // "the crash on I-84 near Caldwell": after "near" comes a place.
    let prev_word = p.norm[..s]
        .trim_end()
        .rsplit(|c: char| !crate::text::is_word_char(c))
        .next()
        .unwrap_or("");
    if prev_word.eq_ignore_ascii_case("near") || prev_word.eq_ignore_ascii_case("paas") {
        return false;
    }
    // "at Booth #12", "Counter 4": a one-word name numbered like a stall is the place
    // ("Aarav 5 saal ka hai" keeps its name: only a "#" or a stall word before the number).
    let rest = p.norm[e..].trim_start();
    let numbered = rest
        .trim_start_matches('#')
        .starts_with(|c: char| c.is_ascii_digit());
    let stall = ["booth", "stall", "counter", "cabin", "gate"]
        .iter()
        .any(|w| text.eq_ignore_ascii_case(w));
    if numbered && !text.contains(' ') && (rest.starts_with('#') || stall) {
        return false;
    }
    // "Samay: subah 9 se 1 baje", "Booth: Zila Aspatal": a notice's label, not a name.
    if p.norm[e..].starts_with(':')
        && ["samay", "booth", "tithi"]
            .iter()
            .any(|w| text.eq_ignore_ascii_case(w))
    {
        return false;
    }
    // "Arogya Clinic, Nehru Chowk, Sagar | Samay: …": the town that closes an address,
    // one word with nothing after it but the end of the line or a separator ("MG Road,
    // Ramesh Verma is in our ICU" goes on to say something of Ramesh).
    let closes = {
        let rest = p.norm[e..].trim_start();
        rest.is_empty() || rest.starts_with(['|', '.', '\n', ';', '(', '-', '–'])
    };
    if closes && !text.contains(' ') {
        if let Some(head) = p.norm[..s].trim_end().strip_suffix(',') {
            let street = head.trim_end().rsplit(' ').next().unwrap_or("");
            if super::name_words::place_word(street) {
                return false;
            }
        }
    }
    // "on 5 West", "4 North": a ward named by floor and wing.
    let after_number = p.norm[..s]
        .trim_end()
        .rsplit(' ')
        .next()
        .is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()));
    let wing = ["North", "South", "East", "West", "Central", "Tower"];
    if after_number && wing.contains(&text) {
        return false;
    }
    // "Mercy General", "Valley Dermatology" (and "Mercy General's"): an institution.
    if text.contains(' ')
        && text.split(' ').next_back().is_some_and(|w| {
            let w = w.strip_suffix("'s").unwrap_or(w);
            super::name_words::institution_tail(w) || super::name_words::place_word(w)
        })
    {
        return false;
    }
    // "शिशु के अंगों के विकास की जाँच": Hindi words that are also given names count as
    // names only with a name's company (जी, श्री, a surname).
    if super::name_words::word_name(text) {
        let before = p.norm[..s].trim_end();
        let after = p.norm[e..].trim_start();
        let titled = super::name_words::DEVA_TITLES
            .iter()
            .chain(&["कुमारी", "डॉ", "डॉ."])
            .any(|t| before.ends_with(t));
        let ji = after.starts_with("जी") || after.starts_with("ji ") || after.starts_with("ji,");
        if !titled && !ji {
            return false;
        }
    }
    let letters = || text.chars().filter(|c| c.is_alphabetic());
    let acronym = letters().all(char::is_uppercase) && letters().nth(1).is_some();
    let shape_only = f.evidence.source.starts_with("shape:");
    let floor = if shape_only { 0.62 } else { 0.5 };
    let rest = p.norm[e..].trim_start_matches([' ', '-']);
    let next = rest
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    // "Riverside Park": a place word after a capitalised word completes a place name.
    let prev_cap = p.norm[..s]
        .trim_end()
        .rsplit(|c: char| !crate::text::is_word_char(c))
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase);
    let place_tail = prev_cap && !text.contains(' ') && super::name_words::place_word(text);
    // "Ganesh Diagnostics", "श्री गणेश डायग्नोस्टिक्स,": the name of a business (the
    // Devanagari word read whole, with its vowel signs).
    let next_word = rest
        .split(|c: char| !crate::text::is_word_char(c))
        .next()
        .unwrap_or("");
    let after_next = rest.get(next_word.len()..).unwrap_or("");
    f.confidence >= floor
        && !acronym
        && !place_tail
        && !super::name_words::place_word(next)
        && !super::name_words::institution_tail(next)
        && !super::name_words::deva_business_tail(next_word, after_next)
}

/// "Glytrava (semarenatide) … ask whether Glytrava is right for you": a drug named once is
/// the drug every time it appears, not a person. Runs after the pattern hits (brand names
/// are found by pattern).
pub fn drop_drug_names(p: &Prepared<'_>, hits: &[Hit], ents: &mut Vec<Entity>) {
    let brands: Vec<&str> = hits
        .iter()
        .filter(|h| h.cue == Cue::RxBrand)
        .filter_map(|h| {
            p.norm[h.start..h.end]
                .split(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
        })
        .collect();
    if brands.is_empty() {
        return;
    }
    ents.retain(|e| {
        e.kind != EntityKind::Name
            || !brands
                .iter()
                .any(|b| b.eq_ignore_ascii_case(&p.norm[e.start..e.end]))
    });
}
