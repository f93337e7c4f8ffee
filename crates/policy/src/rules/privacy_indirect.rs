//! PHI-INDIRECT: no name, but identifiable — a rare case with a date, a small group from
//! a public event, a few people at a named school, a household on a named street.

use super::{Eval, Findings, Fired, RuleId};
use crate::lexicon::Cue;
use crate::result::Verdict::{Block, NeedsReview};
use crate::signals::nouns::CEREMONY;
use crate::signals::ties::{generic_health, hurt_word, Span, HEALTH};
use crate::signals::{EntityKind, Signals};

/// Words of a public figure's visit or cheer ("Mayor Lee toured our new ER", "our ER rock
/// star Maria" on her shift), besides the ceremonies of [`CEREMONY`]: not about a patient.
const VISITING: &[&str] = &[
    "tour", "opened", "cheer", "cheered", "met", "meet", "greeted", "donated", "shift",
];

/// Identifiable without a name: a unique person or event plus care details.
pub(super) fn indirect(ev: &Eval<'_>, out: &mut Findings) {
    let sig = ev.sig;
    if ev.ctx.family.is_addressed() {
        return;
    }
    let named_referent = sig.any(&[Cue::IndivAnchor, Cue::FamilyMember, Cue::Pron3])
        || sig.personal_entities().any(|e| e.kind == EntityKind::Name);
    // "ek famous cricketer ki ACL surgery": a public figure is someone, but a celebrity's
    // visit is not care unless care words say so.
    // "ek famous singer hamare yahan 10 din admit rahe": an admission is care too.
    let admitted = sig.of(Cue::VisitWord).any(|h| {
        let w = sig.text(h.start, h.end).to_lowercase();
        [
            "admit",
            "discharg",
            "bharti",
            "भर्ती",
            "hospitali",
            "डिस्चार्ज",
            "एडमिट",
        ]
        .iter()
        .any(|a| w.starts_with(a))
    });
    let famous_care = sig.has(Cue::Famous)
        && (admitted
            || sig
                .hits
                .iter()
                .any(|h| HEALTH.contains(&h.cue) && !generic_health(sig.text(h.start, h.end))));
    // "conjoined twins from Dewas", "a boy from Sehore": a person noun with a home town.
    let placed = sig.of(Cue::PersonNoun).any(|h| {
        sig.personal_entities().any(|e| {
            e.kind == EntityKind::Place
                && e.sentence == h.sentence
                && e.w0 > h.w1
                && e.w0 <= h.w1 + 2
        })
    });
    let referent = named_referent || famous_care || placed;
    // "the neighbours on Birchwood Lane … last night's medical emergency": a street and a
    // time point at one household even without a person word.
    let located: Vec<Span> = sig
        .personal_entities()
        .filter(|e| e.kind == EntityKind::Address)
        .map(|e| (e.start, e.end))
        .collect();
    let timed_event = sig.has(Cue::TimeRef) && sig.has(Cue::Event);
    if !located.is_empty() && timed_event && !sig.has(Cue::Observance) {
        out.add(Fired::new(RuleId::PhiIndirect, NeedsReview).phi("EVENT_DETAIL", located));
    }
    let unique: Vec<Span> = sig
        .of_any(&[Cue::Unique, Cue::Event])
        // "Councilman David Ruiz is a patient": a title inside a name is the naming rules'
        // business, not an identification without one.
        .filter(|h| {
            !sig.personal_entities()
                .any(|e| e.kind == EntityKind::Name && e.start <= h.start && h.end <= e.end)
        })
        // (A public figure's ceremony: "our newly inaugurated cath lab … on a 91-year-old"
        // keeps its unique case.)
        .filter(|h| {
            !(sig.sentence_has(h.sentence, Cue::Famous)
                && sig.p.sentence_has_word(h.sentence, CEREMONY))
        })
        .map(|h| (h.start, h.end))
        // "Ohio's first in-utero repair": a place's first is as unique as "the state's".
        .chain(place_firsts(sig))
        .collect();
    let care = sig.any(HEALTH) || sig.any(&[Cue::Outcome, Cue::VisitWord]);
    let timed = sig.has(Cue::TimeRef)
        || sig
            .entities
            .iter()
            .any(|e| matches!(e.kind, EntityKind::Date | EntityKind::Time) && !e.benign());
    // "Get well soon, #34! … glad to patch you up after last night's game": a player's
    // number, wished well, with the game and its day, names the player.
    let jersey = if sig.has(Cue::Event) && timed && care {
        jersey_numbers(sig)
    } else {
        Vec::new()
    };
    if !jersey.is_empty() {
        let mut spans = jersey;
        spans.extend(sig.of(Cue::Event).map(|h| (h.start, h.end)));
        out.add(Fired::new(RuleId::PhiIndirect, Block).phi("EVENT_DETAIL", spans));
        return;
    }
    // "five patients from this morning's pileup": a small group from a public event,
    // dated, is a judgment call even without a person word.
    // "Eleven passengers injured … four have been admitted": the people of an event,
    // counted, with where they are now.
    const GROUP: &[&str] = &[
        "passengers",
        "victims",
        "workers",
        "labourers",
        "laborers",
        "pilgrims",
        "devotees",
        "students",
        "commuters",
        "spectators",
        "swimmers",
        "players",
        "athletes",
        "injured",
        "casualties",
        "yatri",
        "मजदूर",
        "यात्री",
        "श्रद्धालु",
        "घायल",
    ];
    let group = sig.has(Cue::PatientWord) || sig.p.has_word(GROUP);
    let placed_now = sig.of(Cue::VisitWord).any(|h| {
        let w = sig.text(h.start, h.end).to_ascii_lowercase();
        w.starts_with("admitted") || w.starts_with("discharged") || w.starts_with("bharti")
    });
    // "Three students were brought to our emergency department": a counted few, placed
    // in our care ("several people" is nobody in particular).
    const FEW: &[&str] = &[
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "do",
        "teen",
        "char",
        "paanch",
        "दो",
        "तीन",
        "चार",
        "पांच",
        "पाँच",
        "2",
        "3",
        "4",
        "5",
        "6",
        "7",
        "8",
        "9",
        "10",
    ];
    const FOLK: &[&str] = &[
        "patients",
        "people",
        "children",
        "kids",
        "log",
        "लोग",
        "बच्चे",
    ];
    let counted = || {
        (1..sig.p.words.len()).any(|i| {
            sig.p.word_is(i - 1, FEW) && (sig.p.word_is(i, GROUP) || sig.p.word_is(i, FOLK))
        })
    };
    // "Three of your 400 free relay swimmers": a few, counted, out of a named group.
    let counted_of = || {
        (0..sig.p.words.len()).any(|i| {
            sig.p.word_is(i, FEW)
                && sig.p.word_is(i + 1, &["of"])
                && (i + 2..=i + 6).any(|j| {
                    sig.p
                        .words
                        .get(j)
                        .is_some_and(|w| w.sentence == sig.p.words[i].sentence)
                        && (sig.p.word_is(j, GROUP) || sig.p.word_is(j, FOLK))
                })
        })
    };
    let in_our_care = || {
        sig.of(Cue::CareArea)
            .any(|h| sig.sentence_has(h.sentence, Cue::OurPlace))
            && counted()
    };
    let status =
        || sig.any(&[Cue::DirectoryCondition, Cue::Outcome]) || placed_now || in_our_care();
    if !referent && group && sig.has(Cue::Event) && timed && status() {
        let spans: Vec<Span> = sig.of(Cue::Event).map(|h| (h.start, h.end)).collect();
        out.add(Fired::new(RuleId::PhiIndirect, NeedsReview).phi("EVENT_DETAIL", spans));
        return;
    }
    // "the two Lincoln High sophomores … in recovery": a few people at a named school,
    // college or workplace, with their care, are known to everyone there.
    let at_institution: Vec<Span> = sig
        .of(Cue::IndivAnchor)
        .filter_map(|h| named_institution(sig, h.sentence).map(|s| (h, s)))
        .map(|(h, (s, e))| (h.start.min(s), h.end.max(e)))
        .collect();
    if !at_institution.is_empty() && care && sig.any(HEALTH) {
        out.add(Fired::new(RuleId::PhiIndirect, Block).phi("EVENT_DETAIL", at_institution));
        return;
    }
    // "Good luck, Westbrook High! Three of your swimmers came through our clinic last
    // Monday": a few of a named school's team, placed in our care on a day.
    let ours = sig.any(&[Cue::ProNoun, Cue::OurPlace, Cue::CareArea]);
    let seen = care || sig.any(&[Cue::CareArea, Cue::CareNoun]);
    if !referent && seen && ours && timed && counted_of() {
        let school: Vec<Span> = (0..sig.p.sentences.len())
            .filter_map(|s| named_institution(sig, s))
            .collect();
        if !school.is_empty() {
            out.add(Fired::new(RuleId::PhiIndirect, Block).phi("EVENT_DETAIL", school));
            return;
        }
    }
    // "a certain Grammy-winning country star trusted our Nashville ER team after
    // Saturday night's show": a public figure in our emergency room on a date is named by
    // the news, not by us. A visit to cheer patients up is not care.
    // The figure must be unnamed (a named one is the naming rules' business) and in the
    // care area's sentence without a word of touring or cheering ("Mayor Lee toured our
    // new ER", "our ER rock star Maria" are not about a patient).
    let famous_in_care = sig.of(Cue::Famous).any(|f| {
        let s = f.sentence;
        sig.sentence_has(s, Cue::CareArea)
            && !sig
                .entities
                .iter()
                .any(|e| e.kind == EntityKind::Name && e.sentence == s)
            && !sig.p.sentence_has_word(s, VISITING)
            && !sig.p.sentence_has_word(s, CEREMONY)
    });
    // …on a day, or with how far along her pregnancy was ("the mayor's daughter shows up
    // at 34 weeks" on L&D): a number of weeks, or "pregnant", in the figure's sentence.
    // "Our well-known NICU team cares for babies born at 24 weeks": fame that describes
    // us is nobody's pregnancy.
    let gestation = sig.of(Cue::Famous).any(|f| {
        let s = f.sentence;
        let ours = sig
            .p
            .word_is(f.w1 + 1, &["team", "unit", "staff", "department"])
            || sig.hits.iter().any(|h| {
                h.w0 == f.w1 + 1 && matches!(h.cue, Cue::CareArea | Cue::ProNoun | Cue::OurPlace)
            });
        let weeks = (1..sig.p.words.len()).any(|i| {
            sig.p.words[i].sentence == s
                && sig
                    .p
                    .word_is(i, &["weeks", "week", "hafte", "हफ्ते", "सप्ताह"])
                && sig.p.word_text(i - 1).bytes().all(|b| b.is_ascii_digit())
        });
        !ours
            && (weeks
                || sig
                    .p
                    .sentence_has_word(s, &["pregnant", "trimester", "garbhvati", "गर्भवती"]))
    });
    if famous_in_care && (timed || gestation) {
        let spans: Vec<Span> = sig.of(Cue::Famous).map(|h| (h.start, h.end)).collect();
        out.add(Fired::new(RuleId::PhiIndirect, Block).phi("EVENT_DETAIL", spans));
        return;
    }
    if !referent || unique.is_empty() || !care {
        return;
    }
    let single = sig.any(&[Cue::IndivAnchor, Cue::Unique]);
    // Who it was plus what they had is a disclosure; who it was plus "an emergency" is a
    // judgment call.
    // "injured" is what the event did to them, not yet what their care is, unless the
    // text says where they lie ("in our ICU") or that they are children.
    let placed_or_minor = sig.any(&[Cue::CareArea, Cue::SensMinor]);
    let clinical = sig.has(Cue::Unique)
        || sig.hits.iter().any(|h| {
            let w = sig.text(h.start, h.end);
            HEALTH.contains(&h.cue) && !generic_health(w) && (placed_or_minor || !hurt_word(w))
        })
        || sig.has(Cue::Outcome);
    let v = if (timed || single) && clinical {
        Block
    } else {
        NeedsReview
    };
    out.add(Fired::new(RuleId::PhiIndirect, v).phi("EVENT_DETAIL", unique));
}

/// "Ohio's first", "Bhopal's first": a named place, possessive, then "first".
fn place_firsts<'a>(sig: &'a Signals<'_>) -> impl Iterator<Item = Span> + 'a {
    sig.entities
        .iter()
        .filter(|e| e.kind == EntityKind::Place)
        .filter_map(|e| {
            let rest = &sig.p.norm[e.end..];
            ["'s first", "\u{2019}s first"]
                .iter()
                .find(|w| rest.starts_with(*w))
                .map(|w| (e.start, e.end + w.len()))
        })
}

/// "Lincoln High", "Govt. Girls College", "Kendriya Vidyalaya": a capitalised word before an
/// institution word, in sentence `s`; its span.
fn named_institution(sig: &Signals<'_>, s: usize) -> Option<Span> {
    const KINDS: &[&str] = &[
        "High",
        "School",
        "College",
        "Academy",
        "University",
        "Vidyalaya",
        "Mahavidyalaya",
        "Hostel",
        "Factory",
        "Mill",
        "Plant",
    ];
    let words = &sig.p.words;
    (1..words.len()).find_map(|i| {
        let w = sig.p.word_text(i);
        let prev = sig.p.word_text(i - 1);
        (words[i].sentence == s
            && words[i - 1].sentence == s
            && KINDS.contains(&w)
            && prev.chars().next().is_some_and(char::is_uppercase))
        .then(|| (words[i - 1].start, words[i].end))
    })
}

/// "#34" (one or two digits after a hash, a word of its own) in a sentence that wishes
/// someone well or speaks to them: a player addressed by number.
fn jersey_numbers(sig: &Signals<'_>) -> Vec<Span> {
    let t = sig.p.norm.as_str();
    let b = t.as_bytes();
    t.match_indices('#')
        .filter_map(|(i, _)| {
            let digits = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            let end = i + 1 + digits;
            let alone = b.get(end).is_none_or(|c| !c.is_ascii_alphanumeric())
                && (i == 0 || !b[i - 1].is_ascii_alphanumeric());
            let s = sig.p.sentence_of(i);
            let spoken_to = sig.sentence_has(s, Cue::RelPhrase)
                || sig.sentence_has(s, Cue::You2)
                || sig.sentence_has(s, Cue::Poss2);
            ((1..=2).contains(&digits) && alone && spoken_to).then_some((i, end))
        })
        .collect()
}
