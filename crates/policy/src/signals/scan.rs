//! Pattern scanners for things a phrase list cannot hold: numbers shaped like phones,
//! dates, ages, doses, volume claims, identifiers, links, handles and `Brand (generic)`
//! drug names. These keep the engine useful while the phi detector is still growing; where
//! both report the same span, ours wins and the detector's duplicate is dropped.

use regex::Regex;

use super::entities::{Entity, EntityKind};
use crate::lexicon::{Cue, CueSet};
use crate::text::Prepared;

mod hits;

pub struct Scanners {
    phone: Regex,
    email: Regex,
    url: Regex,
    handle: Regex,
    date: Regex,
    time: Regex,
    age: Regex,
    ids: Regex,
    dose: Regex,
    volume: Regex,
    weight: Regex,
    brand_generic: Regex,
    rel_time: Regex,
    frequency: Regex,
    overdose: Regex,
    room: Regex,
    test_value: Regex,
    visit_count: Regex,
}

fn re(p: &str) -> Regex {
    // Built-in patterns are constants checked by the unit tests below.
    Regex::new(p).expect("built-in pattern compiles")
}

impl Scanners {
    pub fn new() -> Scanners {
        Scanners {
            phone: re(
                r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)\s?|\d{2,5}[\s.-])?\d{3,5}[\s.-]?\d{4,5}(?-u:\b)",
            ),
            email: re(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"),
            url: re(
                r"(?i)(?-u:\b)(?:https?://|www\.)[^\s]+|(?-u:\b)[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|in|co|health|clinic|care|example|io|us|info|gov|edu|ly|gl)(?:/[^\s]*)?",
            ),
            handle: re(r"(?:^|[^\w@.])(@[A-Za-z0-9_][A-Za-z0-9_.]{1,29})"),
            date: re(
                r"(?i)(?-u:\b)\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?(?-u:\b)|(?-u:\b)(?:on|by|from|since|till|until)\s+the\s+\d{1,2}(?:st|nd|rd|th)(?-u:\b)|(?-u:\b)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+\d{4})?|(?-u:\b)\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*(?-u:\b)(?:,?\s+\d{4})?|(?-u:\b)\d{1,2}\s+(?:जनवरी|फ़रवरी|फरवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|अक्तूबर|नवंबर|नवम्बर|दिसंबर|दिसम्बर)(?:\s+\d{4})?",
            ),
            time: re(r"(?i)(?-u:\b)\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.|baje|बजे)"),
            age: re(
                r"(?i)(?-u:\b)(\d{1,3})[\s-]?(?:year|yr)s?[\s-]old(?-u:\b)|(?-u:\b)aged?\s+(\d{1,3})(?-u:\b)|(?-u:\b)(\d{1,3})\s?(?:(?:yrs?|years?|saal|yo|y/o|y\.o\.)(?-u:\b)|साल|वर्षीय|वर्ष)|,\s(\d{1,3})(?:,|\s?\))|\s\((\d{1,2})\)",
            ),
            ids: re(
                r"(?i)(?-u:\b)(?:mrn|uhid|patient\s?id|patient\s?no\.?|ip\s?no\.?|reg(?:istration)?\s?no\.?|medical record(?:\s?number)?|account\s?(?:number|no\.?)|policy\s?(?:number|no\.?)|member\s?id|claim\s?(?:number|no\.?))\s*[:#.-]?\s*[A-Z0-9][A-Z0-9-]{3,}|(?-u:\b)\d{3}-\d{2}-\d{4}(?-u:\b)|(?-u:\b)[2-9]\d{3}\s\d{4}\s\d{4}(?-u:\b)|(?-u:\b)\d{2}-\d{4}-\d{4}-\d{4}(?-u:\b)|(?-u:\b)[A-Z]{5}\d{4}[A-Z](?-u:\b)",
            ),
            dose: re(
                r"(?i)(?-u:\b)\d+(?:\.\d+)?\s?(?:mg|mcg|µg|ml|gm|iu|units?|tablets?|tabs?|caps?|puffs?|drops?)(?-u:\b)",
            ),
            volume: re(
                r"(?i)(?-u:\b)(\d[\d,]*)(?:st|nd|rd|th)?\s?(\+|k(?-u:\b)|lakh|thousand)?\s*\+?\s*(?:se\s+(?:zyada|jyada|adhik)\s+)?(?:[a-z]+\s+){0,2}(?:surgeries|surgery|operations|operation|deliveries|procedures|patients|transplants|transplant|cases|knee replacements?|hip replacements?|replacements|families|implants|ivf cycles|babies|smiles|angioplasties|angioplasty|bypass surgeries|bypasses|stents|c-sections|cataract surgeries|muskurahatein|muskaanein|mareez|marij|mareezon|pratyaropan|pratyarpan|sarjari)(?-u:\b)|(\d[\d,]*)\s*(?:से\s+(?:ज़्यादा|ज्यादा|अधिक)\s+)?(?:\S+\s+){0,2}(?:प्रत्यारोपण|सर्जरी|ऑपरेशन|मरीज़|मरीज|डिलीवरी|एंजियोप्लास्टी|ट्रांसप्लांट|रिप्लेसमेंट|बायपास|केस)",
            ),
            weight: re(
                r"(?i)(?-u:\b)(?:lost|dropped|shed)\s+\d+\s?(?:lbs?|pounds|kg|kgs|kilos)(?-u:\b)|(?-u:\b)\d+\s?(?:lbs?|pounds|kg|kilos)\s+in\s+\d+\s+(?:days|weeks|months)",
            ),
            brand_generic: re(r"(?-u:\b)([A-Z][a-z]{3,})\s*\(([a-z]{5,})\)"),
            // "in 12 weeks", "3 days ago", "2 din baad": a time relative to a visit.
            rel_time: re(
                r"(?i)(?-u:\b)(?:in|within|after)\s+(?:\d{1,3}|a|one|two|three|four|five|six|ten|twelve)\s+(?:days?|weeks?|months?|hours?)(?-u:\b)|(?-u:\b)\d{1,3}\s+(?:days?|weeks?|months?|years?)\s+(?:ago|back|later)(?-u:\b)|(?-u:\b)\d{1,2}\s+(?:din|hafte|mahine)\s+(?:baad|pehle|ke baad)(?-u:\b)|\d{1,2}\s+(?:दिन|हफ्ते|हफ़्ते|महीने)\s+(?:बाद|पहले|में)",
            ),
            // Dosing schedules: "every 4 to 6 hours", "no more than 5 doses".
            frequency: re(
                r"(?i)(?-u:\b)every\s+\d{1,2}(?:\s*(?:to|-|or)\s*\d{1,2})?\s*(?:hours?|hrs?)(?-u:\b)|(?-u:\b)(?:no|not)\s+more\s+than\s+\d+\s+(?:doses?|tablets?|times|pills?|capsules?|puffs?)(?-u:\b)",
            ),
            // "took 30 pills", "neend ki 20 goliyan kha li": a count of pills swallowed.
            overdose: re(
                r"(?i)(?-u:\b)(?:took|taken|swallowed|popped|kha li|kha liya|khaa li|le li|le liya)\s+(?:\w+\s+){0,3}\d{2,3}\s+(?:\w+\s+)?(?:pills|tablets|tabs|capsules|goli|goliyan|goliya)(?-u:\b)|(?-u:\b)\d{2,3}\s+(?:\w+\s+){0,2}(?:pills|tablets|goli|goliyan|goliya|गोलियां|गोलियाँ|गोली)\s+(?:\w+\s+){0,2}(?:kha|khaa|took|taken|swallowed|खा|ले)",
            ),
            // "an AHI of 38", "LDL was 190", "TSH: 6.1": an abbreviated measurement with
            // its value is a test result whatever the test is called.
            test_value: re(
                r"(?-u:\b)[A-Z][A-Z0-9]{1,5}(?-u:\b)\s*(?:of|was|is|:|=)\s*\d{1,3}(?:\.\d+)?(?-u:\b)",
            ),
            // "after 14 sessions", "those 42 days in Pod B", "your 3rd visit": counts and
            // lengths of care.
            visit_count: re(
                r"(?i)(?-u:\b)(?:\d{1,3}(?:st|nd|rd|th)?|second|third|fourth|fifth|sixth|doosri|dusri|teesri|tisri|chauthi|paanchvi|dusra|teesra|chautha)\s+(?:sessions|visits|appointments|treatments|infusions|cycles|rounds|injections|adjustments|cleanings|fillings|sittings|session|visit|appointment|treatment|infusion|cycle|round|sitting|dose|doses)(?-u:\b)|(?-u:\b)\d{1,3}\s+(?:days|nights|weeks|months|din|raatein)\s+(?:in|at|on|with us|mein|में)(?-u:\b)|(?-u:\b)(?:\d{1,2}|do|teen|chaar|char|paanch|kai)\s+(?:baar|bar)\s+(?:aaye|aae|aayi|aayin|aa chuke|aa chuki)(?-u:\b)|(?:दो|तीन|चार|पाँच|पांच|कई|\d{1,2})\s+बार\s+(?:आए|आये|आईं|आई|आ चुके|आ चुकी)|(?:दो|तीन|चार|पाँच|पांच|कई)\s+(?:फॉलो-अप|फॉलोअप|अपॉइंटमेंट|विजिट|सेशन|सिटिंग|डोज़|डोज)",
            ),
            // "Rm 312", "bed 12", "ward 4B": where one patient is.
            room: re(
                r"(?i)(?-u:\b)(?:rm|room|bed|ward|cabin|bay|cubicle|bed no)\.?\s*(?:no\.?\s*)?#?\s*\d{1,4}[a-z]?(?-u:\b)|(?-u:\b)(?:Pod|Bay|Ward|Room|Bed|Cabin|Unit)\s(?-i:[A-Z])(?-u:\b)|(?:बेड|कमरा|वार्ड)\s*(?:नं\.?|नंबर)?\s*\d{1,4}|(?-u:\b)\d{1,2}\s?(?-i:West|East|North|South)(?-u:\b)",
            ),
        }
    }

    /// Entities found by pattern, in normalised offsets. `gates`: the lexicon's cues for
    /// this text; a scanner whose keywords are absent is skipped.
    pub fn scan(&self, p: &Prepared<'_>, gates: &CueSet) -> Vec<Entity> {
        let t = p.norm.as_str();
        let mut out: Vec<Entity> = Vec::new();
        let shape = Shape::of(t);
        let has_digit = shape.digits > 0;
        let push = |out: &mut Vec<Entity>, kind, s: usize, e: usize, label| {
            if !out.iter().any(|x: &Entity| x.start < e && s < x.end) {
                out.push(Entity::new(p, kind, s, e, label));
            }
        };
        if t.contains('@') {
            for m in self.email.find_iter(t) {
                push(&mut out, EntityKind::Email, m.start(), m.end(), "EMAIL");
            }
            for c in self.handle.captures_iter(t) {
                if let Some(m) = c.get(1) {
                    push(
                        &mut out,
                        EntityKind::Handle,
                        m.start(),
                        m.end(),
                        "SOCIAL_HANDLE",
                    );
                }
            }
        }
        if shape.link {
            for m in self.url.find_iter(t) {
                let s = m.as_str().trim_end_matches(['.', ',', ')', '!', '?']);
                push(
                    &mut out,
                    EntityKind::Url,
                    m.start(),
                    m.start() + s.len(),
                    "URL",
                );
            }
        }
        if !has_digit {
            return out;
        }
        let ids = (shape.digits >= 4).then(|| self.ids.find_iter(t));
        for m in ids.into_iter().flatten() {
            push(&mut out, EntityKind::Id, m.start(), m.end(), "ID_NUMBER");
        }
        for m in self
            .date
            .find_iter(t)
            .filter(|m| plausible_date(m.as_str()))
        {
            push(&mut out, EntityKind::Date, m.start(), m.end(), "DATE");
        }
        let time = gates
            .contains(Cue::GateTime)
            .then(|| self.time.find_iter(t));
        for m in time.into_iter().flatten() {
            push(&mut out, EntityKind::Time, m.start(), m.end(), "TIME");
        }
        let age = (shape.listed_number || gates.contains(Cue::GatePeriod))
            .then(|| self.age.captures_iter(t));
        for c in age.into_iter().flatten() {
            let Some(m) = c.get(0) else { continue };
            // "(4)" is an age only right after a capitalised name: "Aarav (4)".
            if let Some(g) = c.get(5) {
                let before = t[..m.start()].split_whitespace().next_back().unwrap_or("");
                if !before.chars().next().is_some_and(char::is_uppercase) {
                    continue;
                }
                let _ = g;
            }
            // "vaccines, 2,960 screenings": a thousands separator, not "Dorothy, 82,".
            if c.get(4).is_some() && t[m.end()..].starts_with(|ch: char| ch.is_ascii_digit()) {
                continue;
            }
            // "11 saal purani takleef", "10 years ago", "25 years of experience": how long,
            // not how old.
            const SPAN_OF_TIME: &[&str] = &[
                "purani",
                "purana",
                "purane",
                "pehle",
                "baad",
                "tak",
                "ago",
                "later",
                "of",
                "पुरानी",
                "पुराना",
                "पुराने",
                "पहले",
                "बाद",
                "तक",
                "से",
            ];
            let next = t[m.end()..].split_whitespace().next().unwrap_or("");
            let next = next.trim_end_matches(|ch: char| ch.is_ascii_punctuation() || ch == '।');
            if c.get(4).is_none()
                && c.get(5).is_none()
                && SPAN_OF_TIME.iter().any(|w| next.eq_ignore_ascii_case(w))
            {
                continue;
            }
            // "on 20 years with our oncology team": bare years before "with" are a tenure
            // ("a 34yo with a STEMI" keeps its age).
            let bare_years = m
                .as_str()
                .trim_end()
                .to_ascii_lowercase()
                .ends_with("years");
            // "has greeted every patient for 11 years", "over the past 20 years": how long.
            let prev = t[..m.start()].split_whitespace().next_back().unwrap_or("");
            if bare_years
                && (["with", "serving"]
                    .iter()
                    .any(|w| next.eq_ignore_ascii_case(w))
                    || ["for", "past", "last", "over", "within"]
                        .iter()
                        .any(|w| prev.eq_ignore_ascii_case(w)))
            {
                continue;
            }
            let v = (1..=5)
                .filter_map(|i| c.get(i))
                .find_map(|g| g.as_str().parse::<u32>().ok());
            let (s, e) = match c.get(4).or(c.get(5)) {
                Some(g) => (g.start(), g.end()),
                None => (m.start(), m.end()),
            };
            // "0–5 saal ke sabhi bachche", "adults 21 to 65": the top of an age band is
            // a population, not somebody's age.
            // A dash joins the two numbers tightly ("0–5"; "Bed 4 - 72 year old" is a
            // bed and an age), and the band rises.
            let before = &t[..m.start()];
            let low = [" to ", " se ", "–", "-", "—"].iter().find_map(|w| {
                let head = before.strip_suffix(w)?;
                let digits = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
                head[head.len() - digits..].parse::<u32>().ok()
            });
            // "har 40 saal ki mahila", "adults over 50": an age for everyone of it.
            let everyone = before.trim_end().rsplit(' ').next().is_some_and(|w| {
                [
                    "har",
                    "हर",
                    "every",
                    "all",
                    "sabhi",
                    "सभी",
                    "over",
                    "above",
                    "under",
                ]
                .iter()
                .any(|x| w.eq_ignore_ascii_case(x))
            });
            if everyone || low.is_some_and(|l| v.is_some_and(|v| l < v)) {
                continue;
            }
            if v.is_some_and(|v| v <= 120) && !out.iter().any(|x| x.start < e && s < x.end) {
                let mut ent = Entity::new(p, EntityKind::Age, s, e, "AGE");
                ent.value = v;
                out.push(ent);
            }
        }
        let phone = (shape.digits >= 7).then(|| self.phone.find_iter(t));
        for m in phone.into_iter().flatten() {
            let d = m.as_str().bytes().filter(u8::is_ascii_digit).count();
            if (7..=13).contains(&d) {
                push(&mut out, EntityKind::Phone, m.start(), m.end(), "PHONE");
            }
        }
        out.sort_by_key(|e| e.start);
        out
    }
}

/// Byte-level facts that decide which scanners can match at all.
#[derive(Debug, Default)]
struct Shape {
    digits: usize,
    /// ", 82" or "(6": a number set off as an age can be.
    listed_number: bool,
    /// "://", "www." or a dot followed by a letter: a link can be.
    link: bool,
}

impl Shape {
    fn of(t: &str) -> Shape {
        let b = t.as_bytes();
        let mut s = Shape::default();
        for (i, &c) in b.iter().enumerate() {
            if c.is_ascii_digit() {
                s.digits += 1;
            } else if c == b',' || c == b'(' {
                let next = b.get(i + 1..).unwrap_or(&[]);
                let next = next.strip_prefix(b" ").unwrap_or(next);
                s.listed_number |= next.first().is_some_and(u8::is_ascii_digit);
            } else if c == b'.' || c == b':' {
                s.link |= b
                    .get(i + 1)
                    .is_some_and(|n| n.is_ascii_alphanumeric() || *n == b'/');
            }
        }
        s
    }
}

/// "15-49" (an age band), "24/7": two numbers that cannot be a day and a month (either
/// order) are not a date. Worded dates ("March 3") always are.
fn plausible_date(m: &str) -> bool {
    let nums: Vec<u32> = m
        .split(['/', '-'])
        .map(|p| p.trim())
        .take(2)
        .filter_map(|p| p.parse().ok())
        .collect();
    match nums.as_slice() {
        [a, b] => {
            (1..=31).contains(a) && (1..=12).contains(b)
                || (1..=12).contains(a) && (1..=31).contains(b)
        }
        _ => true,
    }
}

impl Default for Scanners {
    fn default() -> Self {
        Scanners::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_gates() -> CueSet {
        let mut g = CueSet::default();
        for c in [
            Cue::GateTime,
            Cue::GateUnit,
            Cue::GatePeriod,
            Cue::GateVolume,
            Cue::GateRoom,
            Cue::GateOrdinal,
            Cue::VisitWord,
        ] {
            g.insert(c);
        }
        g
    }

    fn kinds(text: &str) -> Vec<(EntityKind, String)> {
        let p = Prepared::new(text);
        Scanners::new()
            .scan(&p, &all_gates())
            .into_iter()
            .map(|e| (e.kind, p.norm[e.start..e.end].to_string()))
            .collect()
    }

    #[test]
    fn finds_contact_dates_ages_ids() {
        let k = kinds("Call (312) 555-0199 or 555-0133, email a.b@x.org. Seen 3/14 at 10 am; Dorothy Jenkins, 82, SSN 123-45-6789, MRN: 889123");
        let has = |kind, s: &str| k.iter().any(|(kk, t)| *kk == kind && t == s);
        assert!(has(EntityKind::Phone, "(312) 555-0199"), "{k:?}");
        assert!(has(EntityKind::Phone, "555-0133"), "{k:?}");
        assert!(has(EntityKind::Email, "a.b@x.org"), "{k:?}");
        assert!(has(EntityKind::Date, "3/14"), "{k:?}");
        assert!(has(EntityKind::Time, "10 am"), "{k:?}");
        assert!(has(EntityKind::Age, "82"), "{k:?}");
        assert!(has(EntityKind::Id, "123-45-6789"), "{k:?}");
        assert!(has(EntityKind::Id, "MRN: 889123"), "{k:?}");
    }

    #[test]
    fn drug_hits() {
        let p = Prepared::new("Zelvora (tremaxidine) for psoriasis; take lisinopril 10 mg. 10,000+ successful surgeries");
        let hits = Scanners::new().extra_hits(&p, &all_gates());
        let has = |c| hits.iter().any(|h| h.cue == c);
        assert!(has(Cue::RxBrand) && has(Cue::Dose) && has(Cue::VolumeClaim));
        // Drug-class endings come from the lexicon pass.
        let lexical = crate::lexicon::Lexicon::new(&[]).scan(&p);
        let derived = super::super::pairs::derive(&p, &lexical);
        let meds: Vec<&str> = derived
            .iter()
            .filter(|h| h.cue == Cue::Medication)
            .map(|h| &p.norm[h.start..h.end])
            .collect();
        assert_eq!(meds, ["lisinopril"]);
    }
}
