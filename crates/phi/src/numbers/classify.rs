//! Classification of one digit chunk: dates, SSN, ABHA, cards, Aadhaar, NPI, NHS, postal
//! codes, cue-named identifiers, phones and years, in that order of precedence.

use super::{digits, group_len, value, Chunk};
use crate::checksum;
use crate::ctx::Ctx;
use crate::cues::{cue_before, Cue};
use crate::finding::{Evidence, Kind};
use crate::tokenize::TokKind;

/// Classify groups `a..b`; pushes a finding and returns true when recognised.
pub(super) fn classify(ctx: &mut Ctx, c: &Chunk, a: usize, b: usize) -> bool {
    let mut buf = [0u8; 40];
    let nd = digits(ctx, c, a, b, &mut buf);
    let d = &buf[..nd];
    let first_tok = c.groups[a].tok;
    let start = if a == 0 {
        c.start
    } else {
        ctx.tok(first_tok).start
    };
    let last_tok = c.groups[b - 1].tok;
    let end = if b == c.n {
        c.end
    } else {
        ctx.tok(last_tok).end
    };
    let plus = a == 0 && c.plus;
    let paren = start < ctx.text.len() && ctx.text.as_bytes()[start] == b'(';
    let ext = b == c.n && c.ext;
    let n = b - a;
    let lens: Vec<usize> = (a..b).map(|g| group_len(ctx, c, g)).collect();
    let seps: Vec<u8> = (a + 1..b).map(|g| c.groups[g].sep).collect();
    let same_sep = seps.windows(2).all(|w| w[0] == w[1]);
    let cue_at = if start < ctx.tok(first_tok).start {
        first_tok - 1
    } else {
        first_tok
    };
    let cue = cue_before(ctx, cue_at, 5);
    let cue_kind = cue.map(|(k, _)| k);
    let ev = |source: &'static str, checksum: Option<bool>| Evidence {
        source,
        checksum,
        context: cue.map(|(_, w)| vec![w]).unwrap_or_default(),
        ..Evidence::default()
    };

    // IPv4
    if n == 4
        && seps.iter().all(|&s| s == b'.')
        && lens.iter().all(|&l| l <= 3)
        && (a..b).all(|g| value(ctx, c, g) <= 255)
    {
        ctx.push(Kind::IpAddress, start, end, 0.9, ev("pattern:ipv4", None));
        return true;
    }
    // Dates: m/d/y, d.m.y, y-m-d, m/d.
    if !plus && !paren && same_sep && matches!(seps.first(), Some(b'/' | b'-' | b'.')) {
        let v: Vec<u32> = (a..b).map(|g| value(ctx, c, g)).collect();
        let dm = |x: u32, y: u32| {
            (1..=12).contains(&x) && (1..=31).contains(&y)
                || (1..=31).contains(&x) && (1..=12).contains(&y)
        };
        let is_date = match (n, lens.as_slice()) {
            (3, [1 | 2, 1 | 2, 2 | 4]) => dm(v[0], v[1]),
            (3, [4, 1 | 2, 1 | 2]) => {
                (1..=12).contains(&v[1])
                    && (1..=31).contains(&v[2])
                    && (1800..=2100).contains(&v[0])
            }
            (2, [1 | 2, 1 | 2]) => seps[0] == b'/' && dm(v[0], v[1]),
            (2, [1 | 2, 4]) => seps[0] == b'/' && (1..=12).contains(&v[0]),
            _ => false,
        };
        if is_date {
            let conf = if n == 3 { 0.9 } else { 0.6 };
            let conf = if cue_kind == Some(Cue::Dob) {
                0.97
            } else {
                conf
            };
            let end = crate::dates::extend_time(ctx, last_tok, end);
            ctx.push(
                Kind::Date,
                start,
                end,
                conf,
                ev("pattern:numeric_date", None),
            );
            return true;
        }
    }
    // SSN: AAA-GG-SSSS
    if lens == [3, 2, 4] && same_sep && matches!(seps[0], b'-' | b' ')
        || (nd == 9 && n == 1 && cue_kind == Some(Cue::Ssn))
    {
        let ok = checksum::ssn(d);
        let cued = cue_kind == Some(Cue::Ssn);
        let conf = match (ok, cued) {
            (true, true) => 0.97,
            (true, false) => 0.85,
            (false, true) => 0.5,
            (false, false) => 0.3,
        };
        ctx.push(Kind::Ssn, start, end, conf, ev("pattern:ssn", Some(ok)));
        return true;
    }
    // ABHA number: 14 digits, XX-XXXX-XXXX-XXXX.
    if (lens == [2, 4, 4, 4] && same_sep) || (nd == 14 && cue_kind == Some(Cue::Abha)) {
        let conf = if cue_kind == Some(Cue::Abha) {
            0.95
        } else {
            0.8
        };
        ctx.push(
            Kind::AbhaNumber,
            start,
            end,
            conf,
            ev("pattern:abha_number", None),
        );
        return true;
    }
    let card_shape = !plus
        && !paren
        && !ext
        && (n == 1
            || (same_sep
                && matches!(seps[0], b' ' | b'-')
                && lens[..n - 1].iter().all(|&l| l == 4)));
    if card_shape && (12..=19).contains(&nd) {
        if nd == 12
            && cue_kind != Some(Cue::Card)
            && (checksum::aadhaar(d) || cue_kind == Some(Cue::Aadhaar))
        {
            let ok = checksum::aadhaar(d);
            let conf = match (ok, cue_kind == Some(Cue::Aadhaar)) {
                (true, true) => 0.98,
                (true, false) => 0.8,
                _ => 0.4,
            };
            ctx.push(
                Kind::Aadhaar,
                start,
                end,
                conf,
                ev("pattern:aadhaar", Some(ok)),
            );
            return true;
        }
        let ok = checksum::luhn(d);
        let cued = cue_kind == Some(Cue::Card);
        if ok || cued {
            let conf = match (ok, cued) {
                (true, true) => 0.98,
                (true, false) if nd >= 13 => 0.9,
                (true, false) => 0.6,
                _ => 0.4,
            };
            ctx.push(
                Kind::CreditCard,
                start,
                end,
                conf,
                ev("pattern:card", Some(ok)),
            );
            return true;
        }
    }
    if nd == 10 && card_shape {
        match cue_kind {
            Some(Cue::Npi) => {
                let ok = checksum::npi(d);
                ctx.push(
                    Kind::Npi,
                    start,
                    end,
                    if ok { 0.95 } else { 0.4 },
                    ev("pattern:npi", Some(ok)),
                );
                return true;
            }
            Some(Cue::Nhs) => {
                let ok = checksum::nhs(d);
                ctx.push(
                    Kind::NhsNumber,
                    start,
                    end,
                    if ok { 0.95 } else { 0.4 },
                    ev("pattern:nhs", Some(ok)),
                );
                return true;
            }
            _ => {}
        }
    }
    if lens == [3, 3, 4] && seps == [b' ', b' '] && checksum::nhs(d) && cue_kind == Some(Cue::Nhs) {
        ctx.push(
            Kind::NhsNumber,
            start,
            end,
            0.95,
            ev("pattern:nhs", Some(true)),
        );
        return true;
    }
    // Postal codes named by a cue or a state abbreviation before them.
    if n <= 2 && !plus && !paren {
        // The word before, skipping one comma ("CO 80202", "CO, 80202").
        let before = first_tok.checked_sub(1).and_then(|p| {
            if ctx.is_punct(p, b',') {
                p.checked_sub(1)
            } else {
                Some(p)
            }
        });
        let after_state = before.is_some_and(|p| {
            ctx.tok(p).kind == TokKind::Word && crate::vocab::US_STATES.contains(&ctx.raw(p))
        });
        if (lens == [5] || lens == [5, 4]) && (after_state || cue_kind == Some(Cue::Zip)) {
            ctx.push(Kind::ZipCode, start, end, 0.9, ev("pattern:zip", None));
            return true;
        }
        if (lens == [6] || lens == [3, 3]) && matches!(cue_kind, Some(Cue::Pin | Cue::Zip)) {
            ctx.push(Kind::PinCode, start, end, 0.9, ev("pattern:pin", None));
            return true;
        }
        if cue_kind == Some(Cue::Zip) && (3..=8).contains(&nd) {
            ctx.push(Kind::ZipCode, start, end, 0.7, ev("pattern:postcode", None));
            return true;
        }
    }
    // Identifiers named by a cue ("MRN 48519235", "member ID 12345678").
    if let Some(kind) = cue_kind.and_then(id_kind) {
        if nd >= 5 && n <= 3 {
            let conf = if cue_kind == Some(Cue::Generic) {
                0.6
            } else {
                0.85
            };
            ctx.push(kind, start, end, conf, ev("context:identifier", None));
            return true;
        }
    }
    // Phone numbers.
    if (6..=15).contains(&nd) {
        let indian_mobile = (nd == 10 && (b'6'..=b'9').contains(&d[0]))
            || (nd == 12 && d.starts_with(b"91") && (b'6'..=b'9').contains(&d[2]))
            || (nd == 11 && d[0] == b'0')
            || (nd == 10 && d[0] == b'0'); // landline with its STD code
        let us = (nd == 10 && (b'2'..=b'9').contains(&d[0]))
            || (nd == 11 && d[0] == b'1')
            || (nd == 13 && d.starts_with(b"001"));
        let separated = n >= 2
            && seps
                .iter()
                .all(|&s| matches!(s, b'-' | b'.' | b' ' | b')' | b'('));
        let phone_cue = matches!(cue_kind, Some(Cue::Phone | Cue::Fax));
        let shaped = plus || paren || ext || separated;
        // Any other bare ten-digit number: most often a phone number, weakly.
        let ten = nd == 10 && n == 1;
        // Short local numbers in groups ("94 25 77") only with a phone cue.
        let short_local = phone_cue && n >= 3 && nd >= 6;
        let eligible = nd >= 7 || short_local;
        if eligible && (shaped || us || indian_mobile || phone_cue || ten) {
            let mut conf: f32 = if plus || paren || ext {
                0.85
            } else if separated {
                0.7
            } else {
                0.6
            };
            if us || indian_mobile {
                conf += 0.1;
            }
            if phone_cue {
                conf += 0.2;
            }
            // Dotted or dashed pairs ("12.5.7.9") read as version numbers or scores.
            if n >= 2 && lens.iter().all(|&l| l <= 2) && !plus {
                conf -= 0.1;
            }
            let kind = if cue_kind == Some(Cue::Fax) {
                Kind::Fax
            } else {
                Kind::Phone
            };
            ctx.push(kind, start, end, conf.min(0.98), ev("pattern:phone", None));
            return true;
        }
    }
    // A bare year: not an identifier under Safe Harbor, reported weakly for dates of events.
    if n == 1 && nd == 4 && !plus && !paren {
        let y = value(ctx, c, a);
        if (1900..=2099).contains(&y) {
            // "in 1975", "since 2004": the year of an event.
            let event = first_tok > 0
                && matches!(
                    ctx.low(first_tok - 1),
                    "in" | "since"
                        | "a"
                        | "the"
                        | "early"
                        | "late"
                        | "mid"
                        | "during"
                        | "of"
                        | "from"
                        | "until"
                        | "till"
                        | "by"
                        | "year"
                        | "born"
                );
            let conf = if cue_kind == Some(Cue::Dob) {
                0.6
            } else if event {
                0.5
            } else {
                0.4
            };
            ctx.push(Kind::Date, start, end, conf, ev("pattern:year_only", None));
            return true;
        }
    }
    false
}

pub(super) fn id_kind(c: Cue) -> Option<Kind> {
    Some(match c {
        Cue::Mrn => Kind::Mrn,
        Cue::Plan => Kind::HealthPlanId,
        Cue::Medicare => Kind::HealthPlanId,
        Cue::Account => Kind::AccountNumber,
        Cue::License => Kind::LicenseNumber,
        Cue::Passport => Kind::Passport,
        Cue::Vehicle => Kind::VehicleId,
        Cue::Device => Kind::DeviceId,
        Cue::Generic => Kind::AccountNumber,
        Cue::Aadhaar => Kind::Aadhaar,
        Cue::Pan => Kind::Pan,
        Cue::Card => Kind::CreditCard,
        Cue::Iban => Kind::Iban,
        Cue::Npi => Kind::Npi,
        Cue::Dea => Kind::Dea,
        Cue::Nhs => Kind::NhsNumber,
        Cue::Ssn => Kind::Ssn,
        _ => return None,
    })
}
