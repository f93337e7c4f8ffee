//! Indirect crisis language by meaning rather than by sentence. People rarely say
//! "suicide"; they say goodbye and that nobody will care, that they won't be needing
//! doctors after the weekend, that they are standing on the roof, or ask how many pills
//! are too many "for me". Each part is harmless alone (a farewell to a retiring nurse, a
//! roof repair, a dosing question); two of them together escalate. The parts are word
//! families (`lexicon::crisis_parts`), so new phrasings of the same ideas are caught.

use crate::lexicon::{Cue, Hit};

fn first(hits: &[Hit], c: Cue) -> Option<&Hit> {
    hits.iter().find(|h| h.cue == c)
}

fn escalate(h: &Hit, out: &mut Vec<Hit>) {
    out.push(Hit {
        cue: Cue::CrisisSelfHarm,
        ..*h
    });
}

/// Appends a `CrisisSelfHarm` hit for each combination found (at its first part).
pub(super) fn derive(hits: &[Hit], out: &mut Vec<Hit>) {
    let has = |c: Cue| hits.iter().any(|h| h.cue == c);
    let futility = has(Cue::Futility);
    let ending = has(Cue::EndWord) && has(Cue::LifeWord);
    // A goodbye with hopelessness, absence or an ending: a farewell note.
    if let Some(f) = first(hits, Cue::Farewell) {
        if futility || has(Cue::Absence) || ending {
            escalate(f, out);
        }
    }
    // "Doesn't matter anyway, I won't be needing doctors after this weekend."
    if let Some(a) = first(hits, Cue::Absence) {
        if futility || ending {
            escalate(a, out);
        }
    }
    // A height with being there now (same or next sentence), or with hopelessness.
    for h in hits.iter().filter(|h| h.cue == Cue::Height) {
        let there = hits
            .iter()
            .any(|o| o.cue == Cue::OnEdge && o.sentence.abs_diff(h.sentence) <= 1);
        if there || futility {
            escalate(h, out);
            break;
        }
    }
    // "How many of the pills before it's too many? asking for me": a lethal-amount
    // question about medicine, about oneself or with hopelessness.
    for q in hits.iter().filter(|h| h.cue == Cue::OverdoseQ) {
        let medicine = hits
            .iter()
            .any(|m| matches!(m.cue, Cue::Medication | Cue::GateUnit) && m.sentence == q.sentence);
        let about_self = has(Cue::Poss1) || futility;
        if medicine && about_self {
            escalate(q, out);
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lexicon::{Cue, Lexicon};
    use crate::text::Prepared;

    fn crisis(t: &str) -> bool {
        let p = Prepared::new(t);
        let hits = Lexicon::new(&[]).scan(&p);
        let mut out = Vec::new();
        super::derive(&hits, &mut out);
        out.iter().any(|h| h.cue == Cue::CrisisSelfHarm)
    }

    #[test]
    fn combinations_escalate_parts_do_not() {
        assert!(crisis(
            "मैंने सबके लिए अलविदा वाला मैसेज लिख दिया है। वैसे भी किसी को कोई फ़र्क नहीं पड़ेगा।"
        ));
        assert!(crisis(
            "Doesn't matter anyway, I won't be needing doctors after this weekend."
        ));
        assert!(crisis(
            "कल रिज़ल्ट है, फेल हुआ तो घरवालों को मुँह नहीं दिखा पाऊँगा। अभी छत पर खड़ा हूँ।"
        ));
        assert!(crisis(
            "how many of the blood pressure pills before it's too many? asking for me"
        ));
        assert!(!crisis(
            "Goodbye and happy retirement, Nurse Joy! We will miss you."
        ));
        assert!(!crisis(
            "The roof of the east wing is being repaired this week."
        ));
        assert!(!crisis("Too many people in the waiting room today."));
        assert!(!crisis("Doesn't matter anyway, the parking was fine."));
    }
}
