//! Phrase lexicons. Every phrase of every rule group is compiled into one Aho-Corasick
//! automaton, so a check reads the text once no matter how many phrases there are.
//!
//! Phrase syntax: matched case-insensitively on whole words after [`crate::text::norm_phrase`].
//! A trailing `*` drops the right word boundary (a stem: `surger*` matches "surgery",
//! "surgeries"); a leading `*` drops the left one.

mod advertising;
mod context;
mod crisis;
mod crisis_parts;
mod health;
mod india;
mod medication_list;
mod relationship;
mod respace;
mod tone;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::text::{is_word_char, norm_phrase, Prepared};

/// What a phrase signals. Rules reason over cues, never over raw strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Cue {
    // who is talked about
    RelPhrase,
    RelDeny,
    CareNoun,
    Poss2,
    You2,
    Poss1,
    Pron3,
    IndivAnchor,
    PatientWord,
    FamilyMember,
    StaffTitle,
    Hedge,
    OurPlace,
    // health
    Condition,
    Procedure,
    Medication,
    TestResult,
    Outcome,
    SensMental,
    SensSubstance,
    SensHivSti,
    SensRepro,
    SensMinor,
    SensDeath,
    // visits, money
    VisitWord,
    TimeRef,
    Fin,
    // identifiability
    Unique,
    /// A public figure: "famous", "cricketer", "MLA" (also `Unique`).
    Famous,
    Event,
    Locality,
    // marketing and endorsements
    StoryMarker,
    /// What patients generally achieve, stated as fact: "patients see results after one
    /// session", "our patients lose up to 15%".
    ResultsClaim,
    TypicalDisclaimer,
    Disclosure,
    Endorse,
    RxBrand,
    RxContext,
    Benefit,
    RiskInfo,
    // reviews
    Retal,
    Suppress,
    /// Asking for a review to come down, without a threat: "please take this review down".
    RemovalAsk,
    ReviewChangeAsk,
    ReviewWord,
    PositiveOnly,
    Reward,
    IncentLink,
    EngageAsk,
    // claims
    Subst,
    SubstWeak,
    SubstNeg,
    // advice and crisis
    AdviceQ,
    AdviceA,
    Dose,
    VolumeClaim,
    Deflect,
    CrisisSelfHarm,
    CrisisMedical,
    EmergencyUs,
    EmergencyIn,
    // India
    Boast,
    BoastWord,
    ProNoun,
    SoftPromo,
    Pcpndt,
    PcpndtDisclaimer,
    Mtp,
    DmrDisease,
    Remedy,
    EndorseIn,
    ProductWord,
    // purpose
    Political,
    Fundraise,
    OptOut,
    DirectoryCondition,
    OrgContact,
    Observance,
    // building blocks for proximity patterns (`signals::pairs`)
    SexMale,
    SexFemale,
    OrWord,
    PrenatalCtx,
    ChestWord,
    PainWord,
    /// Work-shift context on a personal account: "#nightshift", "at work today".
    WorkContext,
    /// A staff role that makes a nearby name an employee: "joins our", "nursing supervisor".
    StaffRole,
    /// Contact data obtained from someone else: "we got your number from …".
    DataSource,
    /// Wanting or promising one sex: "longing for a", "guaranteed".
    SexWish,
    /// Identifiers someone may be asked to send: "date of birth", "SSN", "Aadhaar".
    IdWord,
    /// Asking someone to send something: "reply with", "send us", "bhejiye".
    ShareAsk,
    /// The text says identities were removed: "names hidden", "de-identified".
    Deidentified,
    /// A noun for one person ("lady", "guy", "patient") that a determiner before it makes
    /// a particular person ("the HIV+ lady in bed 12").
    PersonNoun,
    /// "today", "aaj": a time that dates an individual's story but is routine in adverts.
    Today,
    // Keywords without which a pattern scanner cannot match (see `signals::scan`).
    GateTime,
    GateUnit,
    GatePeriod,
    GateVolume,
    GateRoom,
    /// Ordinal words a visit count may start with ("third", "teesri") when it has no digit.
    GateOrdinal,
    DrugSuffix,
    ProcSuffix,
    /// Disease-name endings: "-oma", "-itis", "-osis", "-emia", "-pathy" (a teratoma, a
    /// nephropathy), for conditions no list names.
    CondSuffix,
    RareWord,
    /// Services anyone books: "flu shot", "blood test", "check-up".
    Routine,
    Intensifier,
    BleedWord,
    /// Where patients are cared for: a photo of people there shows patients.
    CareArea,
    /// A promise not to share: "we never share your report with anyone" is no disclosure.
    NoShare,
    /// Something that just happened to a body: "fell", "swallowed", "gir gaya", "काट लिया".
    Mishap,
    /// Now, suddenly, or a plea for help: "just", "achanak", "please help", "jaldi".
    Urgent,
    /// Phrases whose health words mean something else: idioms ("give me a heart attack")
    /// and non-clinical senses ("reports on social media").
    NotHealth,
    /// Having overcome something: "beat", "survived", "overcame" (with a condition, an
    /// outcome).
    Overcame,
    /// An award given by someone else: "award", "sammanit", "पुरस्कार".
    AwardWord,
    /// Superiority over every competitor: "more … than any other hospital".
    Comparative,
    /// Prescribing without a visit: "text us your symptoms and we'll send the prescription".
    RemoteRx,
    /// An apology for something that happened: "sorry for the wait", "maafi chahte hain".
    Apology,
    /// Ending or finishing: "end", "khatam", "खत्म" (with `LifeWord`, an intent to die).
    EndWord,
    /// What a person in crisis wants to end: "it all", "sab", "zindagi", "myself", "खुद".
    LifeWord,
    // Parts of crisis language that are ordinary alone and alarming together
    // (`signals::crisis`).
    /// A goodbye: "alvida", "अलविदा", "final message".
    Farewell,
    /// Nothing matters or nobody cares: "doesn't matter anyway", "किसी को फ़र्क नहीं पड़ेगा".
    Futility,
    /// Not being there later: "I won't be needing doctors", "नहीं रहूंगा".
    Absence,
    /// A place to fall from: "roof", "छत", "bridge", "railway track".
    Height,
    /// Being there now: "standing on", "खड़ा हूं", "on the edge".
    OnEdge,
    /// Asking how much medicine is too much: "too many", "lethal dose", "कितनी गोलियां".
    OverdoseQ,
    /// Undoing a disease: "reverse", "heal", "regrow", "jad se khatam" (with a condition
    /// after it, a cure claim).
    ClaimVerb,
    /// Telling without saying: "ishaara", "इशारा", "a hint", "wink".
    Hint,
    /// Someone outside the care relationship: "partner", "sponsor", "brand", "कंपनी".
    ThirdParty,
    /// Handing data over: "shared", "share ki", "sold", "साझा".
    ShareVerb,
    /// A consequence held over someone: "otherwise", "warna", "reconsider whether we're
    /// the right fit" (with a removal ask, suppression).
    Consequence,
    /// "sabse zyada", "सबसे अधिक": a superlative that boasts when a service follows.
    Superlative,
    /// How many times, how long or where someone was seen: "14 sessions", "42 days in",
    /// "Pod B", "bed 12" (a visit detail, also `VisitWord`).
    VisitCount,
    /// The prescription-ad call to action: "ask your doctor about", "ask about".
    AskAbout,
    /// Serving the person addressed: "help you", "took care of you", "आपकी देखभाल".
    ServedYou,
    /// A stay with us: "with us", "hamare saath", "हमारे साथ".
    WithUs,
}

/// A small fixed bitset of cues.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CueSet([u64; 3]);

impl Cue {
    /// Keywords matched inside words (scanner gates, word endings): never evidence about
    /// the word they sit in.
    pub fn is_fragment(self) -> bool {
        matches!(
            self,
            Cue::GateTime
                | Cue::GateUnit
                | Cue::GatePeriod
                | Cue::GateVolume
                | Cue::GateRoom
                | Cue::GateOrdinal
                | Cue::DrugSuffix
                | Cue::ProcSuffix
                | Cue::CondSuffix
        )
    }
}

impl CueSet {
    pub fn insert(&mut self, c: Cue) {
        let i = c as usize;
        self.0[i / 64] |= 1 << (i % 64);
    }
    pub fn contains(&self, c: Cue) -> bool {
        let i = c as usize;
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
    pub fn any(&self, cs: &[Cue]) -> bool {
        cs.iter().any(|&c| self.contains(c))
    }
}

/// One phrase match, in normalised byte offsets.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub cue: Cue,
    pub start: usize,
    pub end: usize,
    /// First and last word index covered.
    pub w0: usize,
    pub w1: usize,
    pub sentence: usize,
}

impl Hit {
    /// A hit of `cue` over `start..end` of `p.norm`, with its words and sentence.
    pub fn over(p: &Prepared<'_>, cue: Cue, start: usize, end: usize) -> Hit {
        let w0 = p.word_at(start);
        Hit {
            cue,
            start,
            end,
            w0,
            w1: p.word_at(end.saturating_sub(1)).max(w0),
            sentence: p.sentence_of(start),
        }
    }
}

struct Pattern {
    cues: Vec<Cue>,
    left_bound: bool,
    right_bound: bool,
}

/// The compiled lexicon. Build once; `Send + Sync`.
pub struct Lexicon {
    ac: AhoCorasick,
    patterns: Vec<Pattern>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Lexicon({} patterns)", self.patterns.len())
    }
}

type Group = (Cue, &'static [&'static str]);

fn all_groups() -> Vec<&'static [Group]> {
    vec![
        relationship::GROUPS,
        health::GROUPS,
        health::GROUPS_2,
        crisis::GROUPS,
        crisis_parts::GROUPS,
        tone::GROUPS,
        advertising::GROUPS,
        india::GROUPS,
        context::GROUPS,
    ]
}

impl Lexicon {
    /// Compile the built-in lexicons plus `extra` (phrase, cue) pairs from the organisation.
    pub fn new(extra: &[(String, Cue)]) -> Lexicon {
        let mut index: std::collections::HashMap<(String, bool, bool), usize> =
            std::collections::HashMap::new();
        let mut strings: Vec<String> = Vec::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut add = |raw: &str, cue: Cue| {
            let left_bound = !raw.starts_with('*');
            let right_bound = !raw.ends_with('*');
            let core = norm_phrase(raw.trim_matches('*'));
            if core.is_empty() {
                return;
            }
            // Straight and curly apostrophes are normalised away, so one form suffices.
            let key = (core.clone(), left_bound, right_bound);
            let i = *index.entry(key).or_insert_with(|| {
                strings.push(core);
                patterns.push(Pattern {
                    cues: Vec::new(),
                    left_bound,
                    right_bound,
                });
                patterns.len() - 1
            });
            if !patterns[i].cues.contains(&cue) {
                patterns[i].cues.push(cue);
            }
        };
        for groups in all_groups() {
            for (cue, phrases) in groups {
                for p in *phrases {
                    add(p, *cue);
                }
            }
        }
        for (p, cue) in extra {
            add(p, *cue);
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            // A contiguous NFA: under 1 MB and as fast per check as the full DFA, which
            // took 37 MB and most of `Engine::new` (5,000 patterns) and missed the cache.
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&strings)
            .unwrap_or_else(|_| {
                // Only reachable if the built-in lexicon were too large for the automaton;
                // an empty automaton keeps the engine total rather than panicking.
                AhoCorasick::new(Vec::<String>::new()).expect("empty automaton builds")
            });
        Lexicon { ac, patterns }
    }

    /// All cue hits in the prepared text, sorted by start.
    pub fn scan(&self, p: &Prepared<'_>) -> Vec<Hit> {
        let text = p.norm.as_str();
        // About one hit per three words; room for the scanners' and derived hits too.
        let mut hits = Vec::with_capacity(p.words.len() / 2 + 16);
        self.scan_region(p, text, &mut hits, false, |s, e| (s, e));
        self.rescan_links(p, &mut hits);
        self.rescan_hashtags(p, &mut hits);
        hits.sort_unstable_by_key(|h| (h.start, h.end, h.cue));
        hits
    }

    /// Matches in `text`, a copy of part of `p.norm` (possibly respaced), whose match
    /// `s..e` stands at `place(s, e)` there; with `across_spaces`, only phrases containing
    /// a space.
    pub(super) fn scan_region(
        &self,
        p: &Prepared<'_>,
        text: &str,
        hits: &mut Vec<Hit>,
        across_spaces: bool,
        place: impl Fn(usize, usize) -> (usize, usize),
    ) {
        for m in self.ac.find_overlapping_iter(text) {
            let pat = &self.patterns[m.pattern().as_usize()];
            let (s, e) = (m.start(), m.end());
            if pat.left_bound && !left_ok(text, s) || pat.right_bound && !right_ok(text, e) {
                continue;
            }
            if across_spaces && !text[s..e].contains(' ') {
                continue;
            }
            let (s, e) = place(s, e);
            let w0 = p.word_at(s);
            let w1 = p.word_at(e.saturating_sub(1)).max(w0);
            let sentence = p.sentence_of(s);
            for &cue in &pat.cues {
                hits.push(Hit {
                    cue,
                    start: s,
                    end: e,
                    w0,
                    w1,
                    sentence,
                });
            }
        }
    }
}

fn left_ok(text: &str, s: usize) -> bool {
    let first = text[s..].chars().next();
    if !first.is_some_and(is_word_char) {
        return true;
    }
    !text[..s].chars().next_back().is_some_and(is_word_char)
}

fn right_ok(text: &str, e: usize) -> bool {
    let last = text[..e].chars().next_back();
    if !last.is_some_and(is_word_char) {
        return true;
    }
    !text[e..].chars().next().is_some_and(is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_stems_and_hindi() {
        let lex = Lexicon::new(&[]);
        let p = Prepared::new("We\u{2019}re glad YOUR surgeries went well. आपका इलाज़ सफल रहा");
        let hits = lex.scan(&p);
        let cues: Vec<Cue> = hits.iter().map(|h| h.cue).collect();
        assert!(cues.contains(&Cue::Poss2));
        assert!(cues.contains(&Cue::Procedure));
        assert!(cues.contains(&Cue::RelPhrase), "{hits:?}");
        let p = Prepared::new("the scarcely noticed");
        assert!(!lex.scan(&p).iter().any(|h| h.cue == Cue::Condition));
    }

    #[test]
    fn automaton_stays_cache_sized() {
        let lex = Lexicon::new(&[]);
        assert!(lex.ac.memory_usage() < 4 << 20, "{}", lex.ac.memory_usage());
    }
}
