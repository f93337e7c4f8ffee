//! Entities (names, dates, contact details, identifiers) and whose they are. An entity
//! that belongs to the organisation, to a staff member or to a public observance is never
//! reported as patient information.

use phi::{Family, Finding, Kind};

use crate::lexicon::{Cue, Hit};
use crate::org::OrgPolicy;
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
            let w0 = p.word_at(s);
            hits.push(Hit {
                cue,
                start: s,
                end: e,
                w0,
                w1: p.word_at(e - 1).max(w0),
                sentence: p.sentence_of(s),
            });
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
            ents.retain(|x| !(x.kind == EntityKind::Name && x.start == s && x.end == e));
        }
        let dup = ents
            .iter()
            .any(|x| x.start < e && s < x.end && (x.kind == kind || kind == EntityKind::Place));
        if !dup {
            ents.push(Entity::new(p, kind, s, e, label));
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
    // "Mercy General", "Valley Dermatology": an institution, not a person.
    if text.contains(' ')
        && text
            .split(' ')
            .next_back()
            .is_some_and(super::name_words::institution_tail)
    {
        return false;
    }
    let letters = || text.chars().filter(|c| c.is_alphabetic());
    let acronym = letters().all(char::is_uppercase) && letters().nth(1).is_some();
    let shape_only = f.evidence.source.starts_with("shape:");
    let floor = if shape_only { 0.62 } else { 0.5 };
    let next = p.norm[e..]
        .trim_start_matches([' ', '-'])
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
    f.confidence >= floor && !acronym && !place_tail && !super::name_words::place_word(next)
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// "our nurse line is (470) 555-0118", "our draw station at 1180 Whitaker Ave", "hamare
/// Indore centre ka number": "our" at most five words before a contact or address in the
/// same sentence, with no "you"/"your" between, makes it the organisation's.
fn our_before(p: &Prepared<'_>, e: &Entity) -> bool {
    const OUR: &[&str] = &[
        "our",
        "hamare",
        "humare",
        "hamara",
        "hamari",
        "हमारे",
        "हमारा",
        "हमारी",
    ];
    const YOU: &[&str] = &[
        "you",
        "your",
        "aap",
        "aapke",
        "aapka",
        "aapki",
        "आप",
        "आपके",
        "आपका",
        "आपकी",
        "my",
        "mera",
        "meri",
        "mere",
    ];
    for back in 1..=5 {
        let Some(i) = e.w0.checked_sub(back) else {
            break;
        };
        if p.words[i].sentence != e.sentence {
            break;
        }
        let w = p.word_text(i);
        if YOU.iter().any(|y| w.eq_ignore_ascii_case(y)) {
            return false;
        }
        if OUR.iter().any(|o| w.eq_ignore_ascii_case(o)) {
            return true;
        }
    }
    false
}

/// Mark entities that belong to the organisation, its staff, or an observance.
pub fn classify(p: &Prepared<'_>, hits: &[Hit], org: &OrgPolicy, ents: &mut [Entity]) {
    let org_phones = org.phone_digits();
    let hit_near = |c: Cue, e: &Entity, before: usize, after: usize| {
        hits.iter().any(|h| {
            h.cue == c
                && h.sentence == e.sentence
                && h.w1 + before >= e.w0
                && h.w0 <= e.w1 + after
                && !(h.start >= e.start && h.end <= e.end)
        })
    };
    for e in ents.iter_mut() {
        let text = &p.norm[e.start..e.end];
        let our_before = our_before(p, e);
        match e.kind {
            EntityKind::Name => {
                let lower = text.to_lowercase();
                if let Some(m) = org.staff.iter().find(|m| {
                    let n = m.name.to_lowercase();
                    !n.is_empty() && (lower.contains(&n) || n.contains(lower.trim()))
                }) {
                    e.staff = true;
                    e.staff_consent = Some(m.consent);
                }
                // "Dr. Rao", "Nurse Kelly", "Samuel Reyes, MD", "our cardiologist Dr. X",
                // "Sister Lalitha Nair, who joins our ICU as nursing supervisor".
                let titled = text
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| ["Sister", "Matron", "Nurse", "Sr.", "Sr"].contains(&w));
                // The title may be inside the detector's span: "said CEO Lynn Park".
                let title_inside = hits
                    .iter()
                    .any(|h| h.cue == Cue::StaffTitle && h.start == e.start && h.end < e.end);
                if titled
                    || title_inside
                    || hit_near(Cue::StaffTitle, e, 2, 0)
                    || hits
                        .iter()
                        .any(|h| h.cue == Cue::StaffRole && h.sentence == e.sentence)
                    || hits.iter().any(|h| {
                        h.cue == Cue::StaffTitle
                            && h.sentence == e.sentence
                            && h.w0 > e.w1
                            && h.w0 <= e.w1 + 3
                            && p.norm[e.end..h.start].trim_start().starts_with([',', '('])
                    })
                {
                    e.staff = true;
                }
            }
            EntityKind::Phone => {
                let d = digits(text);
                let ours = org_phones
                    .iter()
                    .any(|o| d.len() >= 7 && (o.ends_with(&d) || d.ends_with(o.as_str())));
                // "call our patient advocate at 555-0162": a call-to-action a few words before.
                if ours
                    || our_before
                    || hit_near(Cue::OrgContact, e, 6, 0)
                    || hit_near(Cue::OrgContact, e, 0, 2)
                {
                    e.org = true;
                }
            }
            EntityKind::Email | EntityKind::Url | EntityKind::Handle => {
                let lower = text.to_lowercase();
                let ours = org.emails.iter().any(|x| x.eq_ignore_ascii_case(&lower))
                    || org.handles.iter().any(|x| {
                        x.trim_start_matches('@')
                            .eq_ignore_ascii_case(lower.trim_start_matches('@'))
                    })
                    || org
                        .domains
                        .iter()
                        .any(|d| !d.is_empty() && lower.contains(&d.to_lowercase()));
                // A business-domain address in our own outbound text is ours; patients use
                // free-mail providers.
                const FREE_MAIL: &[&str] = &[
                    "gmail.",
                    "yahoo.",
                    "hotmail.",
                    "outlook.",
                    "live.",
                    "aol.",
                    "icloud.",
                    "proton",
                    "rediffmail.",
                    "ymail.",
                    "msn.",
                    "mail.com",
                ];
                let business =
                    e.kind == EntityKind::Email && !FREE_MAIL.iter().any(|f| lower.contains(f));
                // "@VidishaSamachar", "@TOIIndiaNews": a news outlet's account, the
                // journalist a statement answers, is nobody's health record.
                const PRESS: &[&str] = &[
                    "news", "samachar", "khabar", "times", "tribune", "herald", "express",
                    "gazette", "reporter", "dainik", "newsroom", "patrika", "bhaskar",
                ];
                let press = e.kind == EntityKind::Handle && PRESS.iter().any(|w| lower.contains(w));
                if ours
                    || business
                    || press
                    || e.kind == EntityKind::Email && hit_near(Cue::OrgContact, e, 4, 0)
                {
                    e.org = true;
                }
            }
            // "World Health Day, 7 April": the date belongs to the observance.
            EntityKind::Date | EntityKind::Time => {
                e.observance = hit_near(Cue::Observance, e, 8, 8);
                // "9am–5pm", "subah 10 se 4 baje": a range of times is opening hours.
                if e.kind == EntityKind::Time && super::masks::in_time_range(p, e.start, e.end) {
                    e.org = true;
                }
            }
            EntityKind::Place | EntityKind::Address => {
                let lower = text.to_lowercase();
                let ours = org.addresses.iter().any(|a| {
                    let a = a.to_lowercase();
                    !a.is_empty() && (a.contains(&lower) || lower.contains(&a))
                });
                let our_word = e.w0 > 0 && {
                    let prev = p.word_text(e.w0 - 1);
                    let prev2 = if e.w0 > 1 { p.word_text(e.w0 - 2) } else { "" };
                    ["our", "at", "visit"]
                        .iter()
                        .any(|w| prev.eq_ignore_ascii_case(w))
                        && (prev.eq_ignore_ascii_case("our") || prev2.eq_ignore_ascii_case("our"))
                };
                if ours || our_word || our_before {
                    e.org = true;
                }
            }
            _ => {}
        }
    }
    super::people::same_as_staff(p, ents);
    // The detector may read our own number as an ID too ("patient advocate at 555-0162").
    let org_phones: Vec<(usize, usize)> = ents
        .iter()
        .filter(|e| e.kind == EntityKind::Phone && e.org)
        .map(|e| (e.start, e.end))
        .collect();
    for e in ents.iter_mut().filter(|e| e.kind == EntityKind::Id) {
        if org_phones.iter().any(|&(s, x)| s < e.end && e.start < x) {
            e.org = true;
        }
    }
}
