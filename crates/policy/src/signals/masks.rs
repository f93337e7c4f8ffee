//! Hits that a wider phrase takes back: health words inside an organisation's or event's
//! name ("Children's Cancer Fund"), inside an idiom ("give me a heart attack"), or as the
//! tail of a device ("hearing aids" is not AIDS); and links whose slug spells a person's
//! name ("/report/anita-sharma-thyroid").

use super::entities::{Entity, EntityKind};
use super::name_words::institution_tail;
use super::names::is_cap;
use crate::lexicon::{Cue, Hit};
use crate::text::Prepared;

/// Cues that name something else inside a proper name or an idiom.
const NAMED_CUES: &[Cue] = &[
    Cue::Condition,
    Cue::Procedure,
    Cue::Medication,
    Cue::TestResult,
    Cue::CareNoun,
    Cue::SensMental,
    Cue::SensSubstance,
    Cue::SensHivSti,
    Cue::SensRepro,
    Cue::SensMinor,
    Cue::SensDeath,
    Cue::DmrDisease,
    Cue::Event,
    Cue::Unique,
];

fn drop_inside(hits: &mut Vec<Hit>, spans: &[(usize, usize)]) {
    if !spans.is_empty() {
        hits.retain(|h| {
            !(NAMED_CUES.contains(&h.cue) && spans.iter().any(|&(s, e)| h.start >= s && h.end <= e))
        });
    }
}

/// Title-case runs that end in an institution or event word ("the Children's Cancer
/// Fund", "Women's Health Fair").
fn institution_spans(p: &Prepared<'_>) -> Vec<(usize, usize)> {
    let n = p.words.len();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < n {
        if !is_cap(p.word_text(i)) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < n
            && p.words[j + 1].sentence == p.words[i].sentence
            && is_cap(p.word_text(j + 1))
        {
            j += 1;
        }
        if j > i && institution_tail(p.word_text(j)) {
            spans.push((p.words[i].start, p.words[j].end));
        }
        i = j + 1;
    }
    spans
}

/// "a famous homemade chai", "famous for her banana bread": "famous" before a thing
/// someone makes or is known for says nothing about who a patient is.
fn drop_famous_things(p: &Prepared<'_>, hits: &mut Vec<Hit>) {
    const THINGS: &[&str] = &[
        "for",
        "chai",
        "tea",
        "coffee",
        "cake",
        "cakes",
        "bread",
        "cookies",
        "biryani",
        "samosa",
        "samosas",
        "recipe",
        "recipes",
        "laugh",
        "smile",
        "jokes",
        "puns",
        "playlist",
        "hugs",
        "pie",
        "pies",
        "brownies",
        "curry",
        "dal",
        "halwa",
        "laddoo",
        "laddoos",
        "chili",
        "cupcakes",
        "muffins",
        "handwriting",
        "dance",
        "moves",
    ];
    let bare = |h: &Hit| {
        matches!(h.cue, Cue::Famous | Cue::Unique | Cue::IndivAnchor)
            && p.word_is(h.w1, &["famous", "mashhoor", "मशहूर"])
    };
    let thing_after = |h: &Hit| {
        (h.w1 + 1..=h.w1 + 3).any(|i| {
            p.words
                .get(i)
                .is_some_and(|w| w.sentence == p.words[h.w1].sentence)
                && p.word_is(i, THINGS)
        })
    };
    hits.retain(|h| !(bare(h) && thing_after(h)));
}

/// Drop what proper names, idioms and compounds take back.
pub fn apply(p: &Prepared<'_>, hits: &mut Vec<Hit>) {
    let mut spans = institution_spans(p);
    spans.extend(
        hits.iter()
            .filter(|h| h.cue == Cue::NotHealth)
            .map(|h| (h.start, h.end)),
    );
    // "hearing aids", "first aid": a disease word at the tail of a longer procedure or
    // device phrase belongs to that phrase.
    let compounds: Vec<(usize, usize)> = hits
        .iter()
        .filter(|o| matches!(o.cue, Cue::Procedure | Cue::CareNoun))
        .flat_map(|o| {
            hits.iter()
                .filter(move |i| {
                    matches!(i.cue, Cue::Condition | Cue::SensHivSti | Cue::DmrDisease)
                        && i.start > o.start
                        && i.end == o.end
                })
                .map(|i| (i.start, i.end))
        })
        .collect();
    if !compounds.is_empty() {
        hits.retain(|h| {
            !(matches!(h.cue, Cue::Condition | Cue::SensHivSti | Cue::DmrDisease)
                && compounds.contains(&(h.start, h.end)))
        });
    }
    drop_inside(hits, &spans);
    drop_famous_things(p, hits);
    // "Humne aapko DM kiya hai", "हमने आपको निजी संदेश भेजा है": we wrote to them, which
    // says nothing of their care.
    const CHANNELS: &[&str] = &[
        "dm",
        "message",
        "msg",
        "call",
        "email",
        "e-mail",
        "sms",
        "inbox",
        "whatsapp",
        "reply",
        "मैसेज",
        "कॉल",
        "संदेश",
        "निजी",
        "ईमेल",
    ];
    hits.retain(|h| {
        !(h.cue == Cue::RelPhrase
            && h.w1 == h.w0 + 1
            && ["humne", "hamne", "हमने"]
                .iter()
                .any(|w| p.word_text(h.w0).eq_ignore_ascii_case(w))
            && p.word_is(h.w1 + 1, CHANNELS))
    });
    // "our 22 ORs": operating rooms, not oral rehydration salts (ORS).
    hits.retain(|h| !(h.cue == Cue::Medication && &p.norm[h.start..h.end] == "ORs"));
    // "Ek unit khoon teen zindagiyan bacha sakta hai": in Hinglish "teen" is three.
    // "teen zindagiyan", "do ya teen din": a count of things.
    const COUNTED: &[&str] = &[
        "zindagiyan",
        "zindagi",
        "din",
        "dino",
        "mahine",
        "mahino",
        "saal",
        "baar",
        "ghante",
        "log",
        "logon",
        "bachche",
        "hafte",
        "guna",
        "minute",
        "kadam",
        "tarike",
        "cheezein",
    ];
    let teen = |h: &Hit| {
        h.w0 == h.w1
            && p.word_text(h.w0).eq_ignore_ascii_case("teen")
            && (p.word_is(h.w0 + 1, COUNTED)
                || h.w0 > 0 && p.word_is(h.w0 - 1, &["ya", "do", "ek", "se"]))
    };
    if hits.iter().any(teen) {
        hits.retain(|h| {
            !(teen(h) && matches!(h.cue, Cue::SensMinor | Cue::PersonNoun | Cue::FamilyMember))
        });
    }
    // "Diabetes ke mareez dhyan dein", "sabhi mareez": Hindi "mareez" is also a plural;
    // after a condition and "ke", or after "all"/"every", it addresses a group.
    let groups: Vec<usize> = hits
        .iter()
        .filter(|h| h.cue == Cue::IndivAnchor && h.w0 > 0)
        .filter(|h| {
            let before = p.word_text(h.w0 - 1);
            let all = ["sabhi", "saare", "sare", "har", "सभी", "सारे", "हर"]
                .iter()
                .any(|w| before.eq_ignore_ascii_case(w));
            let of_condition = (before == "ke" || before == "के")
                && h.w0 >= 2
                && hits
                    .iter()
                    .any(|c| matches!(c.cue, Cue::Condition | Cue::DmrDisease) && c.w1 == h.w0 - 2);
            // "Sam is not a real patient": nobody.
            let denied = ["not", "no", "nahi", "नहीं"]
                .iter()
                .any(|w| before.eq_ignore_ascii_case(w));
            all || of_condition || denied
        })
        .map(|h| h.w0)
        .collect();
    if !groups.is_empty() {
        hits.retain(|h| !(h.cue == Cue::IndivAnchor && groups.contains(&h.w0)));
    }
    // "down 112 lbs", "108 patients": a number with a unit is a quantity, not a helpline.
    const UNITS: &[&str] = &[
        "lbs",
        "lb",
        "pounds",
        "kg",
        "kgs",
        "kilos",
        "mg",
        "ml",
        "patients",
        "people",
        "days",
        "beds",
        "cases",
        "minutes",
        "mins",
        "steps",
        "%",
        "percent",
        "babies",
        "surgeries",
    ];
    hits.retain(|h| {
        if !matches!(h.cue, Cue::EmergencyUs | Cue::EmergencyIn)
            || !p.norm[h.start..h.end].bytes().all(|b| b.is_ascii_digit())
        {
            return true;
        }
        let next = p.norm[h.end..]
            .trim_start()
            .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
            .next()
            .unwrap_or("");
        !UNITS.iter().any(|u| next.eq_ignore_ascii_case(u))
    });
}

/// A result word in a link's path ("…-bhcg-positive", "/hiv-neg"): with a person in the
/// same link, a test result.
pub(crate) fn result_in_path(path: &str) -> bool {
    const RESULTS: &[&str] = &[
        "positive",
        "negative",
        "pos",
        "neg",
        "reactive",
        "abnormal",
        "malignant",
        "benign",
        "detected",
    ];
    path.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| RESULTS.iter().any(|r| r.eq_ignore_ascii_case(w)))
}

/// Links whose path words, read as a title, contain a person's name: the detector reads
/// "Anita Sharma Thyroid Tsh" for `/report/anita-sharma-thyroid-tsh`. Only for links with
/// health words in the path, or posted with a patient story.
pub fn slug_people(p: &Prepared<'_>, hits: &[Hit], detector: &phi::Detector, ents: &mut [Entity]) {
    for e in ents.iter_mut().filter(|e| e.kind == EntityKind::Url) {
        let url = &p.norm[e.start..e.end];
        let path_at = url.find("://").map_or(0, |i| i + 3).min(url.len());
        let Some(rel) = url[path_at..].find(['/', '?']) else {
            continue;
        };
        let path_start = e.start + path_at + rel;
        let health = hits.iter().any(|h| {
            h.start >= path_start
                && h.end <= e.end
                && (matches!(h.cue, Cue::Condition | Cue::TestResult | Cue::Procedure)
                    // "/c/maria-lopez-hiv-followup": sensitive care words too.
                    || crate::signals::ties::SENSITIVE.contains(&h.cue))
        }) || result_in_path(&p.norm[path_start..e.end]);
        // A patient story posted with the link ("NICU graduate spotlight", "success
        // story"): a name in its slug is the patient's, whatever condition words it has.
        let story = hits.iter().any(|h| {
            (h.end <= e.start || h.start >= e.end)
                && matches!(h.cue, Cue::StoryMarker | Cue::Outcome)
        });
        if !health && !story {
            continue;
        }
        // Health-word and path-word tokens are not name parts: "/blog/lupus-signs".
        const PATH_WORDS: &[&str] = &[
            "blog", "news", "report", "reports", "result", "results", "story", "stories", "www",
            "html", "php", "aspx", "signs", "symptoms", "care", "health", "info", "page",
        ];
        let covered = |at: usize, len: usize| {
            hits.iter()
                .any(|h| h.start <= at && at + len <= h.end && NAMED_CUES.contains(&h.cue))
        };
        let base = p.norm.as_ptr() as usize;
        // Path segments and query values that read as slugs; hosts ("book.clinic.org"),
        // parameter lists ("a=1;b=2") and ad-server ids are not titles.
        let rest = &p.norm[path_start..e.end];
        let (path, query) = rest.split_once(['?', '#']).unwrap_or((rest, ""));
        let slugs = path
            .split('/')
            .filter(|seg| {
                let params = seg.contains([':', '=', ';']);
                let host = seg.contains('.') && !seg.contains(['-', '_']);
                !params && !host
            })
            .chain(
                query
                    .split(['&', ';'])
                    .filter_map(|kv| kv.split_once('=').map(|(_, v)| v))
                    .filter(|v| v.contains(['-', '_', '+']) && !v.contains(':')),
            );
        // Each slug is read on its own: a name sits inside one ("anita-sharma-thyroid").
        let mut slugs = slugs;
        e.slug_person = slugs.any(|seg| {
            let title: Vec<String> = seg
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| w.len() >= 2)
                .filter(|w| {
                    let at = w.as_ptr() as usize - base;
                    !covered(at, w.len()) && !PATH_WORDS.contains(&w.to_ascii_lowercase().as_str())
                })
                .map(|w| {
                    let mut t = w.to_ascii_lowercase();
                    t[..1].make_ascii_uppercase();
                    t
                })
                .collect();
            title.len() >= 2
                && detector
                    .detect(&title.join(" "))
                    .iter()
                    .any(|f| f.kind == phi::Kind::Person)
        });
    }
}
