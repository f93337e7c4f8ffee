//! Opening hours: day names and times that open or close a range ("Monday to Saturday",
//! "9am–5pm", "subah 10 se 4 baje") are the organisation's hours, not anyone's visit.

use crate::lexicon::{Cue, Hit};
use crate::text::Prepared;

/// Words between two days or two times that make them a range: opening hours ("Monday to
/// Saturday", "Somvar se Shanivar", "9am–5pm", "subah 10 se 4 baje"), not a visit.
pub(crate) fn range_word(w: &str) -> bool {
    [
        "to", "through", "thru", "till", "until", "se", "से", "tak", "तक", "-", "–",
    ]
    .iter()
    .any(|r| r.eq_ignore_ascii_case(w.trim()))
}

/// "9am–5pm", "subah 10 se 4 baje": a time that opens or closes a range of times is
/// opening hours.
pub(crate) fn in_time_range(p: &Prepared<'_>, start: usize, end: usize) -> bool {
    let before = p.norm[..start].trim_end();
    // "सुबह 9 से शाम 6 बजे": a time-of-day word may stand between the range word and
    // the time.
    const DAYPART: &[&str] = &[
        "शाम",
        "सुबह",
        "दोपहर",
        "रात",
        "subah",
        "shaam",
        "sham",
        "dopahar",
        "raat",
    ];
    let prev = before
        .rsplit(|c: char| c == ' ' || c.is_ascii_digit())
        .filter(|w| !w.is_empty())
        .find(|w| !DAYPART.iter().any(|d| w.eq_ignore_ascii_case(d)))
        .unwrap_or("");
    let after = p.norm[end..].trim_start();
    let next = after.split(' ').next().unwrap_or("");
    let digit_before = before
        .trim_end_matches(|c: char| !c.is_ascii_digit())
        .ends_with(|c: char| c.is_ascii_digit());
    let from_range = (range_word(prev) || before.ends_with(['-', '–'])) && digit_before;
    let to_range = (range_word(next) || after.starts_with(['-', '–']))
        && after
            .trim_start_matches(|c: char| !c.is_ascii_digit())
            .starts_with(|c: char| c.is_ascii_digit());
    from_range || to_range
}

/// Day names that open or close a range are the organisation's hours, not a visit's date;
/// the dates the detector read there ("Monday to Friday") become the organisation's too.
pub fn hours(p: &Prepared<'_>, hits: &mut Vec<Hit>, ents: &mut [super::Entity]) {
    let days: Vec<usize> = (0..hits.len())
        .filter(|&i| hits[i].cue == Cue::TimeRef)
        .collect();
    let mut drop: Vec<(usize, usize)> = Vec::new();
    for &a in &days {
        for &b in &days {
            let (x, y) = (&hits[a], &hits[b]);
            if x.sentence != y.sentence || y.start <= x.end {
                continue;
            }
            let between = &p.norm[x.end..y.start];
            // "Monday–Friday" is one hyphenated word, "Monday – Friday" two.
            let joined = y.w0 <= x.w1 + 2 && range_word(between);
            if joined {
                drop.push((x.start, x.end));
                drop.push((y.start, y.end));
            }
        }
    }
    // "7:30–5": the minutes of a clock time and the hour that closes its range, which the
    // detector can read as a date ("30-5"), are opening hours.
    for e in ents
        .iter_mut()
        .filter(|e| e.kind == super::EntityKind::Date)
    {
        let clock = p.norm[..e.start].ends_with(':')
            && p.norm[..e.start - 1].ends_with(|c: char| c.is_ascii_digit());
        if clock {
            e.org = true;
        }
    }
    if !drop.is_empty() {
        hits.retain(|h| !(h.cue == Cue::TimeRef && drop.contains(&(h.start, h.end))));
        for e in ents
            .iter_mut()
            .filter(|e| matches!(e.kind, super::EntityKind::Date | super::EntityKind::Time))
        {
            if drop.iter().any(|&(s, x)| s < e.end && e.start < x) {
                e.org = true;
            }
        }
    }
}
