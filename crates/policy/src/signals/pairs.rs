//! Proximity patterns: cues that signal something only when they occur close together in
//! one sentence, whatever words sit between them. "सीने में बहुत तेज़ दर्द" is chest pain
//! with two intensifiers in the middle; "ladka hai ya ladki" and "a little prince or
//! princess" are both "boy or girl". A phrase list cannot enumerate these; a window can.

use super::nouns::{age_noun, MED_NOUNS};
use crate::lexicon::{Cue, Hit};
use crate::text::Prepared;

/// First hit of `a` then a hit of `b` starting at most `gap` words after `a` ends, in the
/// same sentence: the span from `a` to `b`.
fn followed(hits: &[Hit], a: Cue, b: Cue, gap: usize) -> Vec<(usize, usize, usize, usize, usize)> {
    let mut out = Vec::new();
    for x in hits.iter().filter(|h| h.cue == a) {
        if let Some(y) = hits.iter().find(|y| {
            y.cue == b && y.sentence == x.sentence && y.w0 > x.w1 && y.w0 <= x.w1 + gap + 1
        }) {
            out.push((x.start, y.end, x.w0, y.w1, x.sentence));
        }
    }
    out
}

fn hit(cue: Cue, (start, end, w0, w1, sentence): (usize, usize, usize, usize, usize)) -> Hit {
    Hit {
        cue,
        start,
        end,
        w0,
        w1,
        sentence,
    }
}

/// Words that make the person noun after them one particular person.
const DETERMINERS: &[&str] = &[
    "the",
    "this",
    "that",
    "a",
    "an",
    "one",
    "our",
    "my",
    "ek",
    "एक",
    "wo",
    "woh",
    "वो",
    "वह",
    "yeh",
    "ye",
    "यह",
    "jis",
    "jo",
    "us",
    "जिस",
    "उस",
];

/// Derived hits from the lexicon hits (sorted by start); appended by the caller.
pub fn derive(p: &Prepared<'_>, hits: &[Hit]) -> Vec<Hit> {
    let mut out = Vec::new();
    // "lisinopril", "appendectomy": a class ending on a whole alphabetic word of seven
    // letters or more names a drug or a procedure.
    for h in hits
        .iter()
        .filter(|h| matches!(h.cue, Cue::DrugSuffix | Cue::ProcSuffix | Cue::CondSuffix))
    {
        let Some(w) = p.words.get(h.w0) else { continue };
        let word = &p.norm[w.start..w.end];
        if w.end == h.end
            && w.start < h.start
            && word.len() >= 7
            && word.bytes().all(|b| b.is_ascii_alphabetic())
        {
            // Ordinary words with a disease ending: "diploma", "diagnosis", "empathy".
            const NOT_DISEASES: &[&str] = &[
                "diploma",
                "diplomas",
                "oklahoma",
                "diagnosis",
                "prognosis",
                "hypnosis",
                "osmosis",
                "symbiosis",
                "metamorphosis",
                "academia",
                "bohemia",
                "nostalgia",
                "sympathy",
                "empathy",
                "telepathy",
                "homeopathy",
                "naturopathy",
                "osteopathy",
            ];
            let cue = match h.cue {
                Cue::DrugSuffix => Cue::Medication,
                Cue::ProcSuffix => Cue::Procedure,
                _ if NOT_DISEASES.iter().any(|n| n.eq_ignore_ascii_case(word)) => continue,
                _ => Cue::Condition,
            };
            out.push(hit(cue, (w.start, w.end, h.w0, h.w0, h.sentence)));
        }
    }
    // "the HIV+ lady in bed 12", "that diabetic guy": a determiner up to two words before
    // a person noun.
    let observance = |h: &Hit| {
        hits.iter()
            .any(|o| o.cue == Cue::Observance && o.start <= h.start && o.end >= h.end)
    };
    for h in hits
        .iter()
        .filter(|h| h.cue == Cue::PersonNoun && !observance(h))
    {
        let det = (1..=2).find(|&d| {
            h.w0 >= d
                && p.words[h.w0 - d].sentence == h.sentence
                && DETERMINERS
                    .iter()
                    .any(|x| x.eq_ignore_ascii_case(p.word_text(h.w0 - d)))
        });
        // "68 वर्षीय महिला", "60 saal ki aurat": an age before the person noun, in Hindi.
        let number = |i: usize| {
            let w = p.word_text(i);
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_digit() || ('०'..='९').contains(&c))
        };
        let aged = if h.w0 >= 2
            && p.word_is(h.w0 - 1, &["वर्षीय", "वर्षीया", "varshiya", "varshiy"])
            && number(h.w0 - 2)
        {
            Some(2)
        } else if h.w0 >= 3
            && p.word_is(h.w0 - 1, &["की", "का", "के", "ki", "ka", "ke"])
            && p.word_is(h.w0 - 2, &["साल", "वर्ष", "saal", "sal", "baras"])
            && number(h.w0 - 3)
        {
            Some(3)
        } else {
            None
        };
        let aged = aged.filter(|&d| p.words[h.w0 - d].sentence == h.sentence);
        if let Some(d) = det.or(aged) {
            let w0 = h.w0 - d;
            out.push(hit(
                Cue::IndivAnchor,
                (p.words[w0].start, h.end, w0, h.w1, h.sentence),
            ));
        }
    }
    // "the strongest 9-month-old we know": an age used as the noun is one person.
    for (i, w) in p.words.iter().enumerate() {
        if !age_noun(p.word_text(i)) {
            continue;
        }
        let det = (1..=2).find(|&d| {
            i >= d && p.words[i - d].sentence == w.sentence && p.word_is(i - d, DETERMINERS)
        });
        if let Some(d) = det {
            out.push(hit(
                Cue::IndivAnchor,
                (p.words[i - d].start, w.end, i - d, i, w.sentence),
            ));
        }
    }
    let has = |c: Cue| hits.iter().any(|h| h.cue == c);
    // Chest (or left arm) then pain within four words: an acute symptom.
    if has(Cue::ChestWord) && has(Cue::PainWord) {
        for s in followed(hits, Cue::ChestWord, Cue::PainWord, 4) {
            out.push(hit(Cue::CrisisMedical, s));
        }
        // "pain in my chest", "dard seene mein".
        for s in followed(hits, Cue::PainWord, Cue::ChestWord, 3) {
            out.push(hit(Cue::CrisisMedical, s));
        }
    }
    // One sex, "or", the other, within a short window, where a pregnancy or a scan is the
    // subject: asking or offering to tell the sex of a foetus.
    if has(Cue::OrWord) && has(Cue::PrenatalCtx) && has(Cue::SexMale) && has(Cue::SexFemale) {
        for (first, second) in [
            (Cue::SexMale, Cue::SexFemale),
            (Cue::SexFemale, Cue::SexMale),
        ] {
            for (s0, _, w0, w1, sent) in followed(hits, first, Cue::OrWord, 2) {
                if let Some(y) = hits
                    .iter()
                    .find(|y| y.cue == second && y.sentence == sent && y.w0 > w1 && y.w0 <= w1 + 3)
                {
                    out.push(hit(Cue::Pcpndt, (s0, y.end, w0, y.w1, sent)));
                }
            }
        }
    }
    // "My 2 year old just drank some of the detergent", "papa achanak gir gaye, madad
    // karo": a mishap to someone close, now or with a plea for help. Any phrasing.
    let someone = has(Cue::Poss1) || has(Cue::FamilyMember);
    let pressing = has(Cue::Urgent) || has(Cue::AdviceQ);
    if someone && pressing {
        for h in hits.iter().filter(|h| h.cue == Cue::Mishap) {
            out.push(hit(
                Cue::CrisisMedical,
                (h.start, h.end, h.w0, h.w1, h.sentence),
            ));
        }
    }
    // "sab kuch khatam kar dena chahti hoon", "end it all", "खुद को खत्म": ending oneself
    // or everything, in either order.
    if has(Cue::EndWord) && has(Cue::LifeWord) {
        for s in followed(hits, Cue::EndWord, Cue::LifeWord, 1)
            .into_iter()
            .chain(followed(hits, Cue::LifeWord, Cue::EndWord, 3))
        {
            out.push(hit(Cue::CrisisSelfHarm, s));
        }
    }
    // "bahut zyada bleeding ho rahi hai", "so much blood loss": heavy bleeding.
    for s in followed(hits, Cue::Intensifier, Cue::BleedWord, 2) {
        out.push(hit(Cue::CrisisMedical, s));
    }
    // "beat stage 3 colon cancer", "survived a stroke": an outcome.
    for s in followed(hits, Cue::Overcame, Cue::Condition, 3) {
        out.push(hit(Cue::Outcome, s));
    }
    // A public figure is one identifiable person: every `Famous` word is `Unique` too, so
    // the lexicon lists each once.
    for h in hits.iter().filter(|h| h.cue == Cue::Famous) {
        if !hits
            .iter()
            .any(|u| u.cue == Cue::Unique && u.start == h.start && u.end == h.end)
        {
            out.push(Hit {
                cue: Cue::Unique,
                ..*h
            });
        }
    }
    // "a rare bone tumour": rarity makes a case identifiable.
    for s in followed(hits, Cue::RareWord, Cue::Condition, 2) {
        out.push(hit(Cue::Unique, s));
    }
    // "Longing for a baby boy", "guaranteed male child": wanting or promising one sex
    // where conception or pregnancy is the subject (pre-conception sex selection).
    if has(Cue::SexWish) && has(Cue::PrenatalCtx) {
        for sex in [Cue::SexMale, Cue::SexFemale] {
            for s in followed(hits, Cue::SexWish, sex, 2) {
                out.push(hit(Cue::Pcpndt, s));
            }
        }
    }
    // "reverse autism symptoms", "heal long COVID", "diabetes ko jad se khatam": undoing a
    // named disease is a cure claim, however the verb is spelled.
    if has(Cue::ClaimVerb) {
        // "get rid of leftover opioid pain pills": the pills, not the pain.
        for c in [Cue::Condition, Cue::DmrDisease, Cue::SensMental] {
            for s in followed(hits, Cue::ClaimVerb, c, 2) {
                if !p.word_is(s.3 + 1, MED_NOUNS) {
                    out.push(hit(Cue::Subst, s));
                }
            }
        }
        // "diabetes has no permanent cure": the opposite of a claim.
        let denied = |(a, b, ..): (usize, usize, usize, usize, usize)| {
            p.norm[a..b].split(|c: char| !c.is_alphanumeric()).any(|w| {
                ["no", "not", "never", "nahi", "नहीं", "na"]
                    .iter()
                    .any(|n| w.eq_ignore_ascii_case(n))
            })
        };
        for s in followed(hits, Cue::DmrDisease, Cue::ClaimVerb, 3) {
            if !denied(s) {
                out.push(hit(Cue::Subst, s));
            }
        }
    }
    // "humne apne partner NutriStart ke saath share ki hain", "shared with our sponsor":
    // data handed to someone outside the care relationship.
    // "We never share patient data with partners" is the opposite.
    if has(Cue::ThirdParty) && has(Cue::ShareVerb) {
        let promised = |sent: usize| {
            hits.iter()
                .any(|h| h.cue == Cue::NoShare && h.sentence == sent)
        };
        for s in followed(hits, Cue::ThirdParty, Cue::ShareVerb, 4)
            .into_iter()
            .chain(followed(hits, Cue::ShareVerb, Cue::ThirdParty, 3))
            .filter(|s| !promised(s.4))
        {
            out.push(hit(Cue::DataSource, s));
        }
    }
    // "Rajasthan mein sabse zyada robotic knee replacements": a superlative about a service;
    // "monsoon mein sabse zyada dengue ke cases" is a disease statistic, not a boast.
    let disease_in = |(s, e): (usize, usize)| {
        let counted = p.norm[s..e].to_lowercase();
        ["case", "maamle", "mamle", "मामले"]
            .iter()
            .any(|c| counted.contains(c))
            && hits.iter().any(|h| {
                matches!(h.cue, Cue::Condition | Cue::DmrDisease) && h.start >= s && h.end <= e
            })
    };
    for c in [
        Cue::Procedure,
        Cue::CareNoun,
        Cue::ProNoun,
        Cue::PatientWord,
        Cue::GateVolume,
    ] {
        for s in followed(hits, Cue::Superlative, c, 3) {
            if !disease_in((s.0, s.1)) {
                out.push(hit(Cue::Boast, s));
            }
        }
    }
    // "Ask your doctor about Cabenuva": the capitalised word after the call to action is a
    // brand when no lexicon knows it as anything else (a day, a service, a place).
    for a in hits.iter().filter(|h| h.cue == Cue::AskAbout) {
        let w = a.w1 + 1;
        let Some(word) = p.words.get(w) else { continue };
        let text = &p.norm[word.start..word.end];
        let known = hits
            .iter()
            .any(|h| h.start < word.end && word.start < h.end);
        if word.sentence == a.sentence
            && !known
            && text.len() >= 4
            && super::names::is_cap(text)
            && !super::name_words::not_name(text)
        {
            out.push(hit(
                Cue::RxBrand,
                (word.start, word.end, w, w, word.sentence),
            ));
        }
    }
    super::crisis::derive(hits, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use crate::lexicon::{Cue, Lexicon};
    use crate::text::Prepared;

    fn derived(t: &str) -> Vec<Cue> {
        let p = Prepared::new(t);
        let hits = Lexicon::new(&[]).scan(&p);
        super::derive(&p, &hits)
            .into_iter()
            .map(|h| h.cue)
            .collect()
    }

    #[test]
    fn windows() {
        assert!(derived("सीने में बहुत तेज़ दर्द है").contains(&Cue::CrisisMedical));
        assert!(derived("my chest is really tight and sore").contains(&Cue::CrisisMedical));
        assert!(derived("scan mein pata chal jayega ladka hai ya ladki").contains(&Cue::Pcpndt));
        assert!(
            derived("Want to know if it's a little prince or princess? Our baby scan")
                .contains(&Cue::Pcpndt)
        );
        assert!(derived("Every boy or girl aged 5 to 12 can join the camp").is_empty());
        assert!(
            derived("Longing for a baby boy? Take our course before conception")
                .contains(&Cue::Pcpndt)
        );
        assert!(derived("Chest X-ray results are back; no pain reported").is_empty());
        assert!(derived("the HIV+ lady in bed 12 delivered").contains(&Cue::IndivAnchor));
        assert!(!derived("every patient deserves care").contains(&Cue::IndivAnchor));
        assert!(derived("papa achanak gir gaye, sar se khoon").contains(&Cue::CrisisMedical));
        assert!(derived("my toddler just swallowed a magnet").contains(&Cue::CrisisMedical));
        assert!(!derived("My toddler loves your waiting room toys").contains(&Cue::CrisisMedical));
        assert!(derived("removed a rare sacrococcygeal teratoma").contains(&Cue::Condition));
        assert!(!derived("she earned her diploma with empathy").contains(&Cue::Condition));
        assert!(derived("sabse zyada knee replacements").contains(&Cue::Boast));
        assert!(!derived("monsoon mein sabse zyada dengue ke cases").contains(&Cue::Boast));
        assert!(derived("humne partner NutriStart ke saath share ki").contains(&Cue::DataSource));
        assert!(!derived("we never share your data with partners").contains(&Cue::DataSource));
        assert!(derived("our laser therapy will reverse arthritis").contains(&Cue::Subst));
        assert!(derived("ab main sab kuch khatam kar dungi").contains(&Cue::CrisisSelfHarm));
        assert!(!derived("the end of the season sale").contains(&Cue::CrisisSelfHarm));
        assert!(
            !derived("OPD kab end hota hai, sab log wait kar rahe").contains(&Cue::CrisisSelfHarm)
        );
    }
}
