//! Health claims shared by the advertising rules of both countries: unsubstantiated
//! claims (FTC-SUBST, IN-ADVERT, IN-DMR) and the organisation's banned claims, with what
//! takes a claim back (negation, a debunking, a quotation warned against).

use super::Eval;
use crate::lexicon::{Cue, Hit};
use crate::signals::nouns::MED_NOUNS;
use crate::signals::ties::{Span, HEALTH};
use crate::signals::Signals;

const NEGATORS: &[&str] = &["no", "not", "never"];

/// A claim hit not negated ("no cure", "can be cured", "cannot guarantee").
fn unnegated<'s>(sig: &'s Signals<'_>, c: Cue) -> impl Iterator<Item = &'s Hit> + 's {
    // "Pehli cycle fail matlab umeed khatam — galat": a myth, debunked just after.
    const DEBUNKED: &[&str] = &["galat", "गलत", "myth", "false", "wrong", "jhooth", "झूठ"];
    sig.of(c).filter(move |h| {
        // ("…guaranteed cure, no false promises" is not a debunking.)
        let debunked = (h.w1 + 1..h.w1 + 4)
            .any(|i| sig.p.word_is(i, DEBUNKED) && !sig.p.word_is(i - 1, NEGATORS));
        // "diabetes has no permanent cure": denied, not claimed.
        let denied = h.w0 > 0 && sig.p.word_is(h.w0 - 1, NEGATORS);
        !debunked
            && !denied
            && !warned_quote(sig, h)
            && !sig.of(Cue::SubstNeg).any(|n| {
                n.sentence == h.sentence
                    && n.start <= h.end
                    && n.end + 1 >= h.start.saturating_sub(12)
            })
    })
}

/// "Koi bhi dawa jo 'diabetes jad se khatam' karne ka daawa kare, us par bharosa na
/// karein": a claim quoted in a sentence that warns against it is the warning's subject.
fn warned_quote(sig: &Signals<'_>, h: &Hit) -> bool {
    const WARNINGS: &[&str] = &[
        "bharosa na",
        "bharosa mat",
        "bharosa nahi",
        "भरोसा न",
        "भरोसा मत",
        "don't trust",
        "do not trust",
        "never trust",
        "don't believe",
        "do not believe",
        "beware",
        "saavdhan",
        "savdhan",
        "सावधान",
        "illegal",
        "gair-kaanooni",
        "gair-kanooni",
        "gair kaanooni",
        "गैर-कानूनी",
        "गैरकानूनी",
        "misleading",
        "be wary",
        "be careful of",
    ];
    let norm = sig.p.norm.as_str();
    let Some(&(s, e)) = sig.p.sentences.get(h.sentence) else {
        return false;
    };
    let (s, e) = (s.min(h.start), e.max(h.end).min(norm.len()));
    let is_quote = |c: char| c == '\'' || c == '"';
    // An opening quote before the claim (at the sentence start or after a non-letter) and
    // a closing one after it (before a non-letter or the end), within the sentence.
    let before = &norm[s..h.start];
    let opened = before
        .char_indices()
        .rev()
        .find(|&(_, c)| is_quote(c))
        .is_some_and(|(i, _)| {
            !before[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        });
    let after = &norm[h.end..e];
    let closed = after
        .char_indices()
        .find(|&(_, c)| is_quote(c))
        .is_some_and(|(i, _)| {
            !after[i + 1..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        });
    if !(opened && closed) {
        return false;
    }
    let sentence = norm[s..e].to_lowercase();
    WARNINGS.iter().any(|w| sentence.contains(w))
}

/// Unsubstantiated claims: strong phrases anywhere, weak ones next to health words.
pub fn claim_spans(sig: &Signals<'_>) -> Vec<Span> {
    let mut spans: Vec<Span> = unnegated(sig, Cue::Subst)
        .map(|h| (h.start, h.end))
        .collect();
    // "Tom dropped 25 pounds … typical weight loss is 6-8%": a testimonial set beside
    // what is typical is qualified (FTC-TYPICAL's business), not a bare claim.
    let qualified = sig.has(Cue::TypicalDisclaimer);
    for h in unnegated(sig, Cue::SubstWeak).filter(|_| !qualified) {
        let window = h.sentence.saturating_sub(1)..=h.sentence + 1;
        let health = HEALTH
            .iter()
            .chain(&[Cue::Outcome, Cue::Benefit, Cue::DmrDisease, Cue::CareNoun])
            .any(|&c| window.clone().any(|s| sig.sentence_has(s, c)));
        // "We stand by our team 100%": loyalty, not a success rate.
        let loyal = (h.w0.saturating_sub(5)..h.w0)
            .any(|i| sig.p.word_is(i, &["stand", "stands", "standing"]));
        // "How to safely get rid of leftover opioid pain pills": disposal.
        let disposal = (h.w1 + 1..=h.w1 + 4).any(|i| sig.p.word_is(i, MED_NOUNS));
        // "I dropped 42 pounds": a patient's own experience is a testimonial (FTC-TYPICAL),
        // not the advertiser's claim.
        const I: &[&str] = &[
            "i",
            "my",
            "me",
            "i'm",
            "i've",
            "mera",
            "meri",
            "mere",
            "maine",
            "mujhe",
            "मेरा",
            "मेरी",
            "मेरे",
            "मैंने",
            "मुझे",
        ];
        // Only inside a quote: "My clinic guarantees a cure" is the advertiser speaking.
        let quoted = sig.p.norm.contains(['"', '\u{201c}', '\u{201d}']);
        let first_person = quoted && sig.p.sentence_has_word(h.sentence, I);
        // "for good health", "for good reason": an adjective, not "permanently".
        let adjective = sig.text(h.start, h.end).eq_ignore_ascii_case("for good")
            && sig.p.words.get(h.w1 + 1).is_some_and(|w| {
                w.sentence == h.sentence && sig.p.norm[h.end..w.start].trim().is_empty()
            });
        if health
            && !loyal
            && !disposal
            && !first_person
            && !adjective
            && !sig.overlapped_by(h, Cue::Subst)
        {
            spans.push((h.start, h.end));
        }
    }
    spans
}

/// The organisation's own banned claims, matched case-insensitively.
pub fn banned_spans(ev: &Eval<'_>) -> Vec<Span> {
    if ev.org.banned_claims.is_empty() {
        return Vec::new();
    }
    let text = ev.sig.p.lower();
    let mut spans = Vec::new();
    for claim in &ev.org.banned_claims {
        let c = crate::text::norm_phrase(claim);
        if c.is_empty() {
            continue;
        }
        // ASCII lower-casing keeps byte offsets identical to the normalised text.
        let mut from = 0;
        while let Some(i) = text.get(from..).and_then(|t| t.find(&c)) {
            spans.push((from + i, from + i + c.len()));
            from += i + c.len();
        }
    }
    spans
}
