//! What a media description says is not in the picture ("no patients, screens or
//! charts", "without names"), so that it is not read as shown.

use crate::request_wire::has;

/// Who or what a description can say is absent.
const ABSENT_OBJECTS: &[&str] = &[
    "people",
    "patients",
    "patient",
    "persons",
    "person",
    "staff",
    "faces",
    "face",
    "humans",
    "one",
    "identifiers",
    "names",
    "screens",
    "screen",
    "charts",
    "chart",
    "children",
    "kids",
    "monitors",
    "whiteboards",
    "wristbands",
    "visitors",
    "families",
];

/// Person words: a list of what is absent stops before one ("no staff in frame, patients
/// in the waiting room" still shows patients).
const PRESENT_PEOPLE: &[&str] = &[
    "patient*", "people", "person*", "child*", "kid*", "baby", "babies", "staff", "nurse*",
    "doctor*", "famil*", "visitor*",
];

/// The description without what it says is absent, and whether it said so: "no" or
/// "without" followed by people or identifiers ("no patients", "without names"), through
/// the list that follows ("no patients, screens or charts") to the end of the clause (`;`,
/// `.`, "but"), or to the next comma-separated item that names people. "Bed no 7" and
/// "without gloves" are no absences.
pub(crate) fn strip_absent(s: &str) -> (String, bool) {
    let mut out = String::with_capacity(s.len());
    let mut absent = false;
    for clause in s.split_inclusive([';', '.']) {
        let (body, tail) = match clause.strip_suffix([';', '.']) {
            Some(b) => (b, &clause[b.len()..]),
            None => (clause, ""),
        };
        let mut rest = body;
        while let Some(i) = negation_at(rest) {
            out.push_str(&rest[..i]);
            absent = true;
            let end = rest[i..].find(" but ").map_or(rest.len(), |j| i + j);
            // The absent list: comma-separated items up to one that names people.
            let mut cut = i;
            let mut first = true;
            for item in rest[i..end].split_inclusive(',') {
                if !first && has(item, PRESENT_PEOPLE) {
                    break;
                }
                first = false;
                cut += item.len();
            }
            rest = &rest[cut..];
        }
        out.push_str(rest);
        out.push_str(tail);
    }
    (out, absent)
}

/// Where the first "no …" or "without …" of `s` that names an absent person or
/// identifier begins, as a whole word.
fn negation_at(s: &str) -> Option<usize> {
    ["no ", "without "]
        .iter()
        .filter_map(|w| {
            s.match_indices(w).map(|(i, _)| i).find(|&i| {
                let whole = !s[..i].ends_with(|c: char| c.is_alphanumeric());
                let next = s[i + w.len()..]
                    .split(|c: char| !c.is_alphanumeric() && c != '\'')
                    .find(|t| !t.is_empty())
                    .unwrap_or("");
                let next = next.trim_end_matches("'s").trim_end_matches('\'');
                whole && ABSENT_OBJECTS.contains(&next)
            })
        })
        .min()
}
