//! Links and landing pages: third-party trackers on booking and portal pages (TRK-PIXEL),
//! and a person's identifiers or conditions spelled out in a link (TRK-URLPHI).

use super::{Eval, Findings, Fired, RuleId};
use crate::lexicon::Cue;
use crate::result::Verdict::{Block, NeedsReview};
use crate::signals::ties::{generic_health, Span, HEALTH, SENSITIVE};
use crate::signals::EntityKind;

pub(super) fn pixel(ev: &Eval<'_>, out: &mut Findings) {
    let Some(kind) = ev.ctx.landing_kind.as_deref() else {
        return;
    };
    let k = kind.to_ascii_lowercase();
    let sensitive = [
        "booking",
        "book",
        "appointment",
        "schedul",
        "portal",
        "intake",
        "registration",
        "login",
        "telehealth",
        "symptom",
        "form",
        "payment",
        "refill",
    ]
    .iter()
    .any(|w| k.contains(w));
    if !sensitive {
        return;
    }
    let third_party = match &ev.ctx.trackers {
        None => true,
        Some(list) => list.iter().any(|t| {
            let t = t.to_ascii_lowercase();
            !(t.is_empty()
                || t == "none"
                || t.contains("first_party")
                || t.contains("first-party")
                || t.contains("self_hosted")
                || t.contains("self-hosted"))
        }),
    };
    if third_party {
        let spans: Vec<Span> = ev
            .sig
            .entities_of(EntityKind::Url)
            .map(|e| (e.start, e.end))
            .collect();
        out.add(Fired::new(RuleId::TrkPixel, NeedsReview).spans(spans));
    }
}

const PERSON_KEYS: &[&str] = &[
    "patient",
    "name",
    "fname",
    "lname",
    "first_name",
    "last_name",
    "firstname",
    "lastname",
    "full_name",
    "email",
    "e-mail",
    "phone",
    "mobile",
    "dob",
    "birth",
    "mrn",
    "uhid",
    "ssn",
    "aadhaar",
    "pid",
    "patient_id",
    "member",
    "diagnosis",
    "dx",
    "condition",
    "user",
    // "pt=thomas-becker": the clinical shorthand for patient.
    "pt",
    "ptid",
    "pt_id",
    "pat",
    "client",
    "recipient",
];

/// Path segments that make a slug about one person: "/stories/gloria-mendez-…".
const PERSON_PATHS: &[&str] = &[
    "patient",
    "patients",
    "story",
    "stories",
    "testimonial",
    "testimonials",
    "case",
    "cases",
    "journey",
    "spotlight",
    "success",
];

/// "pt48213", "mrn_55012", "uhid-8841": a record number inside a value.
fn record_token(v: &str) -> bool {
    v.to_ascii_lowercase().split(['_', '-', '.', '+']).any(|t| {
        ["pt", "mrn", "uhid", "pid", "patient"].iter().any(|p| {
            t.strip_prefix(p)
                .is_some_and(|rest| rest.len() >= 3 && rest.bytes().all(|b| b.is_ascii_digit()))
        })
    })
}

/// "utm_content=jmorales84", "ref=priyasharma": a campaign or referral value that is one
/// person's handle — an initial and a surname, or a name and a surname, with at most a few
/// digits.
fn handle_value(k: &str, v: &str) -> bool {
    const KEYS: &[&str] = &[
        "utm_content",
        "utm_term",
        "utm_campaign",
        "ref",
        "uid",
        "u",
        "user",
        "who",
        "recipient",
        "cid",
        "contact",
        "to",
        "for",
    ];
    if !KEYS.contains(&k) {
        return false;
    }
    // "lmartinez_referral": each part of a value on its own; "maria_lopez_type2": a given
    // name and a surname as neighbouring parts.
    let lower = v.to_ascii_lowercase();
    let parts: Vec<&str> = lower.split(['_', '-', '.', '+']).collect();
    let w = phi::name_word;
    let named_pair = parts.windows(2).any(|p| {
        p[0].len() >= 3
            && p[1].len() >= 3
            && w(p[0]).given
            && !w(p[0]).common
            && w(p[1]).surname
            && !w(p[1]).common
    });
    named_pair || parts.into_iter().any(handle_part)
}

fn handle_part(v: &str) -> bool {
    let letters = v.trim_end_matches(|c: char| c.is_ascii_digit());
    if letters.len() < 5
        || v.len() - letters.len() > 4
        || !letters.bytes().all(|b| b.is_ascii_lowercase())
    {
        return false;
    }
    // An initial and a surname ("jmorales"), or a given name and a surname run together
    // ("priyasharma"); a listed word ("banner", "story") is no handle.
    let w = phi::name_word;
    let plain = |s: &str| !w(s).common;
    let surname = |s: &str| s.len() >= 4 && w(s).surname && plain(s);
    plain(letters)
        && !w(letters).given
        && !w(letters).surname
        && (surname(&letters[1..])
            || (3..letters.len() - 2)
                .any(|i| w(&letters[..i]).given && plain(&letters[..i]) && surname(&letters[i..])))
}

fn query_has_person(query: &str) -> bool {
    query.split(['&', ';']).any(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let k = k.to_ascii_lowercase();
        let digits = v.bytes().filter(u8::is_ascii_digit).count();
        // "utm_content=jordan.alvarez": a first.last value, not a domain.
        let dotted_person = v.split_once('.').is_some_and(|(a, b)| {
            a.len() >= 2
                && b.len() >= 3
                && a.bytes().all(|c| c.is_ascii_alphabetic())
                && b.bytes().all(|c| c.is_ascii_alphabetic())
                && ![
                    "com", "org", "net", "edu", "gov", "html", "php", "pdf", "jpg", "png",
                ]
                .contains(&b)
        });
        !v.is_empty()
            && (PERSON_KEYS
                .iter()
                .any(|p| k == *p || k.strip_suffix(p).is_some_and(|r| r.ends_with('_')))
                || v.contains('@')
                || v.to_ascii_lowercase().contains("%40")
                || digits >= 7
                || dotted_person
                || record_token(v))
    })
}

pub(super) fn url_phi(ev: &Eval<'_>, out: &mut Findings) {
    let sig = ev.sig;
    for u in sig.entities_of(EntityKind::Url) {
        let url = sig.text(u.start, u.end);
        let lower = url.to_ascii_lowercase();
        // Host first, then path and query: only path and query can name a person.
        let after_scheme = lower.find("://").map_or(0, |i| i + 3);
        let path_at = lower[after_scheme..]
            .find(['/', '?'])
            .map_or(lower.len(), |i| after_scheme + i);
        let rest_start = u.start + path_at;
        let q = lower.find('?');
        let in_rest = |c: &[Cue]| {
            sig.of_any(c)
                .any(|h| h.start >= rest_start && h.end <= u.end)
        };
        let sensitive = in_rest(&[
            Cue::SensHivSti,
            Cue::SensMental,
            Cue::SensSubstance,
            Cue::SensRepro,
            Cue::Mtp,
        ]);
        let rest = &lower[path_at..];
        let health = in_rest(HEALTH) || crate::signals::result_in_path(rest);
        let person_path = rest
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| PERSON_PATHS.contains(&w));
        // A name from the text (not staff) spelled out in the link.
        let named = sig.personal_entities().any(|e| {
            e.kind == EntityKind::Name
                && !(e.start >= u.start && e.end <= u.end)
                && sig
                    .text(e.start, e.end)
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.len() >= 3 && rest.contains(&w.to_ascii_lowercase()))
        });
        let bad_query = q.is_some_and(|q| query_has_person(&lower[q + 1..]));
        // A handle in the link of a text about a condition: the click tells the analytics
        // tool who has it.
        // The handle's own span: the rest of the link may be plain education.
        let handle: Option<Span> = q
            .and_then(|q| {
                let mut at = u.start + q + 1;
                lower[q + 1..].split(['&', ';']).find_map(|pair| {
                    let here = at;
                    at += pair.len() + 1;
                    let (k, v) = pair.split_once('=')?;
                    handle_value(k, v).then(|| (here + k.len() + 1, here + pair.len()))
                })
            })
            // …or in a link to patients' stories ("/stories?utm_campaign=rmendez-…").
            .filter(|_| {
                person_path
                    || sig
                        .of_any(HEALTH)
                        .any(|h| !generic_health(sig.text(h.start, h.end)))
            });
        // A campaign tag naming a procedure, in a message to one person: the click ties
        // that person to the procedure in the analytics tool. Sent to a patient list, a
        // sensitive one ("utm_campaign=recall_jlee_ivf_cycle2") does the same for each.
        let tagged_care = q.is_some_and(|q| {
            let query_start = u.start + q;
            let in_query = |c: &[Cue]| {
                sig.of_any(c)
                    .any(|h| h.start >= query_start && h.end <= u.end)
            };
            lower[q..].contains("utm_")
                && (ev.ctx.family == crate::channel::ChannelFamily::DirectMessage
                    && in_query(HEALTH)
                    || ev.ctx.patient_list && in_query(SENSITIVE))
        });
        // A condition with a person in the link: a name from the text, or a story or
        // patient path ("/stories/…-breast-cancer", "/patients/…").
        let person =
            named || u.slug_person || person_path && (sensitive || rest.contains("patient"));
        if bad_query || tagged_care || health && person || sensitive && named || u.slug_person {
            out.add(Fired::new(RuleId::TrkUrlphi, Block).phi("URL", [(u.start, u.end)]));
        } else if let Some(span) = handle {
            out.add(Fired::new(RuleId::TrkUrlphi, Block).phi("URL", [span]));
        }
    }
}
