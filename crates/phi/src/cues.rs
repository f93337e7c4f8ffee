//! Context words that name the identifier that follows ("MRN", "member ID", "DOB", …).

use crate::ctx::Ctx;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    Ssn,
    Mrn,
    Plan,
    Account,
    Npi,
    Dea,
    Aadhaar,
    Abha,
    Card,
    Phone,
    Fax,
    Dob,
    Zip,
    Pin,
    License,
    Passport,
    Vehicle,
    Device,
    Nhs,
    Pan,
    Iban,
    Medicare,
    /// "ID", "#", "number": an identifier of some kind.
    Generic,
}

const CUES: &[(&str, Cue)] = &[
    ("ssn", Cue::Ssn),
    ("social", Cue::Ssn),
    ("mrn", Cue::Mrn),
    ("record", Cue::Mrn),
    ("chart", Cue::Mrn),
    ("uhid", Cue::Mrn),
    ("patient", Cue::Mrn),
    ("member", Cue::Plan),
    ("policy", Cue::Plan),
    ("insurance", Cue::Plan),
    ("subscriber", Cue::Plan),
    ("medicaid", Cue::Plan),
    ("plan", Cue::Plan),
    ("claim", Cue::Plan),
    ("medicare", Cue::Medicare),
    ("mbi", Cue::Medicare),
    ("account", Cue::Account),
    ("acct", Cue::Account),
    ("a/c", Cue::Account),
    ("invoice", Cue::Account),
    ("bill", Cue::Account),
    ("npi", Cue::Npi),
    ("dea", Cue::Dea),
    ("aadhaar", Cue::Aadhaar),
    ("aadhar", Cue::Aadhaar),
    ("uid", Cue::Aadhaar),
    ("abha", Cue::Abha),
    ("card", Cue::Card),
    ("cc", Cue::Card),
    ("visa", Cue::Card),
    ("mastercard", Cue::Card),
    ("amex", Cue::Card),
    ("debit", Cue::Card),
    ("credit", Cue::Card),
    ("phone", Cue::Phone),
    ("call", Cue::Phone),
    ("tel", Cue::Phone),
    ("telephone", Cue::Phone),
    ("mobile", Cue::Phone),
    ("cell", Cue::Phone),
    ("text", Cue::Phone),
    ("whatsapp", Cue::Phone),
    ("ph", Cue::Phone),
    ("contact", Cue::Phone),
    ("dial", Cue::Phone),
    ("desk", Cue::Phone),
    ("office", Cue::Phone),
    ("helpline", Cue::Phone),
    ("answering", Cue::Phone),
    ("messages", Cue::Phone),
    ("fax", Cue::Fax),
    ("dob", Cue::Dob),
    ("born", Cue::Dob),
    ("birth", Cue::Dob),
    ("birthday", Cue::Dob),
    ("zip", Cue::Zip),
    ("postal", Cue::Zip),
    ("postcode", Cue::Zip),
    ("pin", Cue::Pin),
    ("pincode", Cue::Pin),
    ("license", Cue::License),
    ("licence", Cue::License),
    ("dl", Cue::License),
    ("passport", Cue::Passport),
    ("vin", Cue::Vehicle),
    ("plate", Cue::Vehicle),
    ("vehicle", Cue::Vehicle),
    ("serial", Cue::Device),
    ("imei", Cue::Device),
    ("device", Cue::Device),
    ("nhs", Cue::Nhs),
    ("pan", Cue::Pan),
    ("iban", Cue::Iban),
    ("id", Cue::Generic),
    ("no", Cue::Generic),
    ("number", Cue::Generic),
    ("#", Cue::Generic),
    ("ref", Cue::Generic),
];

pub fn cue_words() -> impl Iterator<Item = &'static str> {
    CUES.iter().map(|(w, _)| *w)
}

fn lookup(word: &str) -> Option<(Cue, &'static str)> {
    CUES.iter().find(|(w, _)| *w == word).map(|&(w, c)| (c, w))
}

/// The most specific cue among the `window` tokens before token `i`; a generic cue
/// ("ID", "#") only when nothing more specific is near. Stops at a sentence end.
pub fn cue_before(ctx: &Ctx, i: usize, window: usize) -> Option<(Cue, &'static str)> {
    let mut generic = None;
    for j in (i.saturating_sub(window)..i).rev() {
        let t = ctx.tok(j);
        if t.kind == crate::tokenize::TokKind::Punct {
            let c = ctx.text.as_bytes()[t.start];
            if c == b'#' {
                generic = generic.or(Some((Cue::Generic, "#")));
            }
            if matches!(c, b'.' | b'!' | b'?')
                && j + 1 < i
                && ctx.tok(j + 1).has(crate::tokenize::SPACE_BEFORE)
            {
                break;
            }
            continue;
        }
        if ctx.bits[j] & crate::lexicon::ID_CUE == 0 {
            continue;
        }
        match lookup(ctx.low(j)) {
            Some((Cue::Generic, w)) => generic = generic.or(Some((Cue::Generic, w))),
            Some(hit) => return Some(hit),
            None => {}
        }
    }
    generic
}
