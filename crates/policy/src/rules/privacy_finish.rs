//! PHI rules that run after the others: the safety net for shapes no rule knows, the
//! sensitive-category escalation, the PHI-REL downgrade, and what a patient authorisation
//! clears.

use super::authorisation::{anonymous, covered, ANON_CAPPED, AUTH_CLEARS};
use super::general_sentences as general;
use super::{Eval, Findings, Fired, RuleId, DISCLOSURE};
use crate::lexicon::Cue;
use crate::phrases::Phrases;
use crate::result::Verdict::{Block, NeedsReview};
use crate::signals::ties::{self, contact_of, generic_health, Span, HEALTH, SENSITIVE};
use crate::signals::{EntityKind, Signals};

/// The word before `w` makes a person word generic: "your baby" in a post is the
/// reader's, "every child" is everyone's.
pub(crate) fn generic_person(sig: &Signals<'_>, w: usize) -> bool {
    const GENERIC: &[&str] = &[
        "your",
        "every",
        "all",
        "any",
        "each",
        "aapka",
        "aapki",
        "aapke",
        "आपका",
        "आपकी",
        "आपके",
        "apka",
        "apki",
        "apke",
        "har",
        "हर",
        "sabhi",
        "सभी",
        "apne",
        "अपने",
        "अपनी",
    ];
    // "अगर दोनों साथी वाहक हों तो बच्चे में…", "if a child swallows…": a person in a
    // conditional is anyone's.
    const CONDITIONAL: &[&str] = &["if", "agar", "अगर", "यदि", "unless"];
    let sentence = sig.p.words.get(w).map(|x| x.sentence);
    let conditional = (0..w)
        .rev()
        .take_while(|&i| Some(sig.p.words[i].sentence) == sentence)
        .any(|i| {
            let t = sig.p.word_text(i);
            CONDITIONAL.iter().any(|c| c.eq_ignore_ascii_case(t))
        });
    // "WHO ka abhiyaan maa aur navjaat shishu ki sehat par": a campaign's theme; "बेटा हो या
    // बेटी, दोनों अनमोल": everyone's children.
    // "Myth: 'IVF se hua baby normal nahi hota.' Fact: …": the education format.
    let campaign = sentence.is_some_and(|s| {
        sig.sentence_has(s, Cue::Observance)
            || equality_sentence(sig, s)
            || sig
                .p
                .sentence_has_word(s, &["myth", "myths", "fact", "facts", "मिथक"])
    });
    // "1,412 naye mareez", "300 patients": a count too large to point at anyone.
    let counted = (w.saturating_sub(2)..w).any(|i| {
        let t: String = sig.p.word_text(i).chars().filter(|c| *c != ',').collect();
        t.parse::<u64>().is_ok_and(|n| n >= 20)
    });
    conditional
        || campaign
        || counted
        || w > 0 && {
            let t = sig.p.word_text(w - 1);
            GENERIC
                .iter()
                .any(|g| g.len() == t.len() && g.eq_ignore_ascii_case(t))
        }
}

/// "Son or daughter, both are precious": a sentence that puts people on an equal footing
/// speaks of everyone.
pub(crate) fn equality_sentence(sig: &Signals<'_>, s: usize) -> bool {
    const EQUAL: &[&str] = &[
        "दोनों",
        "dono",
        "donon",
        "both",
        "बराबर",
        "barabar",
        "equal",
        "equally",
        "अनमोल",
        "anmol",
        "समान",
        "samaan",
    ];
    sig.p.sentence_has_word(s, EQUAL)
}

/// Last line of defence against shapes the rules above do not know: health words near a
/// specific person (the addressee of a reply, a name, "the man", a family member) go to a
/// human instead of out the door. Education without a person is untouched.
pub fn safety_net(ev: &Eval<'_>, out: &mut Findings) {
    let privacy = [
        RuleId::PhiRel,
        RuleId::PhiId,
        RuleId::PhiClin,
        RuleId::PhiVisit,
        RuleId::PhiFin,
        RuleId::PhiIndirect,
        RuleId::PhiSelfdisc,
        RuleId::PhiMkt,
        RuleId::PhiMedia,
        RuleId::PhiChannel,
    ];
    if out.any(&privacy) {
        return;
    }
    let sig = ev.sig;
    if ev.ctx.family.is_addressed() {
        addressed_care(ev, out);
        if out.has(RuleId::PhiRel) {
            return;
        }
    }
    // "If you have fever or severe pain, go to urgent care": triage for anyone.
    // "Any new or spreading rash deserves a prompt check", "Bachchon mein bukhar ki dawai
    // vajan se tay hoti hai": a sentence about any case, or about children in general.
    const ANYONE: &[&str] = &[
        "any",
        "every",
        "koi",
        "children",
        "kids",
        "adults",
        "bachchon",
        "bacchon",
        "bachon",
        "बच्चों",
        "aamtaur",
        "आमतौर",
    ];
    let any_case = |s: usize| {
        sig.p
            .words
            .iter()
            .position(|w| w.sentence == s)
            .is_some_and(|i| sig.p.word_is(i, ANYONE))
    };
    // "Garmi mein loo se bachne ke liye … ORS peete rahein": advice on staying well,
    // for whoever reads it.
    static PREVENTION: Phrases = Phrases::new(&[
        "se bachne ke liye",
        "se bachne ke liya",
        "से बचने के लिए",
        "bachav ke liye",
        "बचाव के लिए",
        "to prevent",
        "to avoid",
        "to stay safe",
        "to protect yourself",
        "to beat the heat",
    ]);
    // Only advice to no one in particular: "Priya, to prevent another flare, keep using
    // your inhaler" is hers.
    let prevention = |s: usize| {
        general::unaddressed(sig, s)
            && sig.p.sentences.get(s).is_some_and(|&(a, b)| {
                sig.p
                    .lower_aligned()
                    .get(a..b)
                    .is_some_and(|l| PREVENTION.in_text(l))
            })
    };
    let triage = |s: usize| {
        ev.ctx.family.is_addressed()
            && (sig.sentence_has(s, Cue::Hedge) || any_case(s) || prevention(s))
    };
    let health: Vec<&crate::lexicon::Hit> = sig
        .hits
        .iter()
        .filter(|h| {
            HEALTH.contains(&h.cue)
                && !sig.sentence_has(h.sentence, Cue::Deflect)
                && !sig.sentence_has(h.sentence, Cue::NoShare)
                // "For thoughts of suicide, call or text 988": a crisis line, for anyone.
                && !sig.sentence_has(h.sentence, Cue::EmergencyUs)
                && !sig.sentence_has(h.sentence, Cue::EmergencyIn)
                && !triage(h.sentence)
                && !ties::ours(sig, h)
                && !generic_health(sig.text(h.start, h.end))
                // "Flu shots are here!": a service everyone books, not a condition.
                && !sig.overlapped_by(h, Cue::Routine)
                // The PCPNDT notice, and "pregnancy scan ki booking ke liye … call karein".
                && !sig.sentence_has(h.sentence, Cue::PcpndtDisclaimer)
                && !general::booking_invite(sig, h.sentence)
                && !general::resource(sig, h.sentence)
                && !general::how_it_works(sig, h.sentence)
                // "…अल्ट्रासाउंड जाँच सोमवार से शनिवार सुबह 9 से शाम 6 बजे तक": a service
                // and its opening hours.
                && !sig.entities.iter().any(|e| {
                    e.kind == EntityKind::Time && e.org && e.sentence == h.sentence
                })
        })
        .collect();
    if health.is_empty() {
        return;
    }
    let near = |s: usize| s.saturating_sub(1)..=s + 1;
    let person_sentences: Vec<usize> = sig
        .personal_entities()
        .filter(|e| e.kind == EntityKind::Name)
        .map(|e| e.sentence)
        .chain(
            sig.of_any(&[Cue::IndivAnchor, Cue::FamilyMember])
                .filter(|h| !sig.overlapped_by(h, Cue::Hedge) && !ties::department(sig, h))
                // "your baby" in a post is the reader's baby: generic audience.
                .filter(|h| !generic_person(sig, h.w0))
                .map(|h| h.sentence),
        )
        .collect();
    let flagged: Vec<Span> = if ev.ctx.family.is_addressed() {
        health.iter().map(|h| (h.start, h.end)).collect()
    } else {
        health
            .iter()
            .filter(|h| {
                person_sentences
                    .iter()
                    .any(|&s| near(s).contains(&h.sentence))
            })
            .map(|h| (h.start, h.end))
            .collect()
    };
    // "We hear you, and we know juggling anxiety plus ADHD meds is stressful": a public
    // reply that brings up a sensitive condition the reviewer never named says it of them.
    let reviewer_said = ev.reply_to.map(|r| r.p.lower());
    let introduced = ev.ctx.family.is_public_reply()
        && (sig.any(&[Cue::You2, Cue::Poss2])
            || (0..sig.p.words.len()).any(|i| {
                ["you", "u", "aap", "आप"]
                    .iter()
                    .any(|y| sig.p.word_text(i).eq_ignore_ascii_case(y))
            }))
        && health.iter().any(|h| {
            let word = sig.text(h.start, h.end).to_lowercase();
            SENSITIVE.contains(&h.cue)
                && !sig.sentence_has(h.sentence, Cue::Hedge)
                && !reviewer_said.as_ref().is_some_and(|r| r.contains(&word))
        });
    if !flagged.is_empty() {
        let v = if introduced { Block } else { NeedsReview };
        out.add(Fired::new(RuleId::PhiClin, v).phi("CLINICAL", flagged));
    }
}

/// A reply or DM that puts the person it speaks to next to care ("always a treat when
/// you're in the chair", "aapko dobara swasth dekh kar") says they are a patient, however
/// it is phrased: a human looks before it goes out. Statements of policy ("for your
/// privacy we never…") are hedged and do not count.
fn addressed_care(ev: &Eval<'_>, out: &mut Findings) {
    const CARE: &[Cue] = &[Cue::Outcome, Cue::CareArea];
    let sig = ev.sig;
    let spans: Vec<Span> = sig
        .of_any(&[Cue::Poss2, Cue::You2])
        .filter(|h| {
            !sig.sentence_has(h.sentence, Cue::Hedge)
                && !sig.sentence_has(h.sentence, Cue::Deflect)
                && !sig.sentence_has(h.sentence, Cue::NoShare)
                && sig
                    .of_any(CARE)
                    .any(|c| c.sentence == h.sentence && !contact_of(sig, c))
        })
        .map(|h| (h.start, h.end))
        .collect();
    if !spans.is_empty() {
        out.add(Fired::new(RuleId::PhiRel, NeedsReview).phi("PATIENT_STATUS", spans));
    }
}

/// After every group has run: sensitive categories, the PHI-REL downgrade, TONE-RETAL
/// escalation and what a patient authorisation clears.
pub fn finish(ev: &Eval<'_>, out: &mut Findings) {
    let sig = ev.sig;
    let disclosure = out.any(DISCLOSURE);
    // Answering someone about their therapist or their Zoloft: the reply discloses a
    // sensitive relationship even if it does not repeat the word ("sorry your recovery is
    // taking longer" to a man who wrote about his vasectomy).
    let replied_about = ev.ctx.family.is_addressed()
        && out.any(&[RuleId::PhiRel, RuleId::PhiClin, RuleId::PhiVisit]);
    let reply_sensitive = replied_about && ev.reply_to.is_some_and(|r| r.any(SENSITIVE));
    // Confirming the relationship alone blocks only for the care whose very existence is
    // the secret (not a death the family announced, not "rehab", which may be physical).
    let secret_care = ev.reply_to.is_some_and(|r| {
        r.of_any(SENSITIVE).any(|h| {
            h.cue != Cue::SensDeath && !r.text(h.start, h.end).to_lowercase().starts_with("rehab")
        })
    });
    let max_v = out
        .fired
        .iter()
        .filter(|f| {
            DISCLOSURE.contains(&f.rule)
                || reply_sensitive && secret_care && f.rule == RuleId::PhiRel
        })
        .map(|f| f.verdict)
        .max();
    if let Some(v) = max_v {
        let mut sens: Vec<Span> = sig.of_any(SENSITIVE).map(|h| (h.start, h.end)).collect();
        // A reply about "my daughter's surgery" is about a minor even if it only says "her".
        let reply_minor = replied_about && ev.reply_to.is_some_and(|r| r.has(Cue::SensMinor));
        let minor = sig.has(Cue::SensMinor)
            || sig
                .personal_entities()
                .any(|e| e.kind == EntityKind::Age && e.value.is_some_and(|a| a < 18));
        if minor {
            sens.extend(sig.of(Cue::SensMinor).map(|h| (h.start, h.end)));
        }
        if !sens.is_empty() || minor || reply_sensitive || reply_minor {
            out.add(Fired::new(RuleId::PhiSens, v).spans(sens));
        }
    }
    if let Some(rel) = out.fired.iter_mut().find(|f| f.rule == RuleId::PhiRel) {
        if !disclosure {
            rel.verdict = rel.verdict.min(NeedsReview);
        }
    }
    if disclosure {
        if let Some(t) = out.fired.iter_mut().find(|f| f.rule == RuleId::ToneRetal) {
            t.verdict = Block;
        }
    }
    if anonymous(ev) {
        for f in out
            .fired
            .iter_mut()
            .filter(|f| ANON_CAPPED.contains(&f.rule))
        {
            f.verdict = f.verdict.min(NeedsReview);
        }
    }
    if ev.ctx.authorized {
        // A minor's authorisation is their guardian's signature; an explicit "no guardian
        // consent", or the child's own signature, leaves it uncovered.
        let minor = sig.has(Cue::SensMinor)
            || sig
                .personal_entities()
                .any(|e| e.kind == EntityKind::Age && e.value.is_some_and(|a| a < 18));
        if !minor || ev.ctx.guardian_consent != Some(false) && !ev.ctx.signed_by_patient {
            let covers = ev.ctx.auth_covers.as_deref();
            out.fired
                .retain(|f| !(AUTH_CLEARS.contains(&f.rule) && covered(covers, f.rule)));
        }
    }
}
