//! Second readings of words the first scan sees as one token: a link's slug read with
//! its separators as spaces ("/ivf/egg-retrieval-aftercare"), and a camel-cased hashtag
//! read word by word ("#DiabetesKhatam").

use super::{Hit, Lexicon};
use crate::text::Prepared;

impl Lexicon {
    /// Phrases spanning a separator inside links, added to `hits`.
    pub(super) fn rescan_links(&self, p: &Prepared<'_>, hits: &mut Vec<Hit>) {
        let text = p.norm.as_str();
        // Links: "/ivf/egg-retrieval-aftercare" says what "egg retrieval" says. Read each
        // link once more with its separators as spaces, keeping only the phrases that
        // span a separator (the rest were found above).
        let mut start = 0;
        let links = text.contains('/').then(|| text.split(' '));
        for token in links.into_iter().flatten() {
            let end = start + token.len();
            if is_link(token) && token.contains(['-', '_', '+']) {
                let spaced = token.replace(['-', '_', '+'], " ");
                self.scan_region(p, &spaced, hits, true, |s, e| (s + start, e + start));
            }
            start = end + 1;
        }
    }

    /// Words and phrases inside camel-cased hashtags, added to `hits`.
    pub(super) fn rescan_hashtags(&self, p: &Prepared<'_>, hits: &mut Vec<Hit>) {
        let text = p.norm.as_str();
        // Hashtags: "#DiabetesKhatam", "#NoMoreInsulin" say "diabetes khatam", "no more
        // insulin". Read each camel-cased ASCII tag once more with its words apart.
        if text.contains('#') {
            for (at, _) in text.match_indices('#') {
                let tag_end = text[at + 1..]
                    .find(|c: char| !c.is_ascii_alphanumeric())
                    .map_or(text.len(), |n| at + 1 + n);
                if let Some((spaced, map)) = camel_words(&text[at + 1..tag_end], at + 1) {
                    self.scan_region(p, &spaced, hits, false, |s, e| (map[s], map[e - 1] + 1));
                }
            }
        }
    }
}

/// "DiabetesKhatam" → ("Diabetes Khatam", where each byte was): an ASCII tag of two or
/// more capitalised words, split before each capital that follows a lower-case letter.
/// `None` when the tag is one word, all capitals or all lower case.
fn camel_words(tag: &str, offset: usize) -> Option<(String, Vec<usize>)> {
    let b = tag.as_bytes();
    let splits = (1..b.len())
        .filter(|&i| b[i].is_ascii_uppercase() && b[i - 1].is_ascii_lowercase())
        .count();
    if splits == 0 || b.len() > 60 {
        return None;
    }
    let mut spaced = String::with_capacity(b.len() + splits);
    let mut map = Vec::with_capacity(b.len() + splits);
    for (i, &c) in b.iter().enumerate() {
        if i > 0 && c.is_ascii_uppercase() && b[i - 1].is_ascii_lowercase() {
            spaced.push(' ');
            map.push(offset + i);
        }
        spaced.push(c as char);
        map.push(offset + i);
    }
    Some((spaced, map))
}

/// "https://…", "www.…" or "clinic.in/path": a link whose path words can be read.
fn is_link(token: &str) -> bool {
    token.contains("://")
        || token.starts_with("www.")
        || token
            .find('/')
            .is_some_and(|slash| token[..slash].contains('.'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Cue;

    #[test]
    fn words_inside_camel_cased_hashtags() {
        let lex = Lexicon::new(&[]);
        let text = "Watch now! #DiabetesKhatam #NoMoreInsulin";
        let p = Prepared::new(text);
        let hits = lex.scan(&p);
        let disease = hits
            .iter()
            .find(|h| h.cue == Cue::DmrDisease)
            .expect("diabetes inside the tag");
        assert_eq!(&text[disease.start..disease.end], "Diabetes");
        assert!(hits
            .iter()
            .any(|h| h.cue == Cue::Medication && &text[h.start..h.end] == "Insulin"));
        assert_eq!(camel_words("nomoreinsulin", 0), None);
        assert_eq!(camel_words("ICU", 0), None);
        let (spaced, map) = camel_words("NoMore", 5).unwrap();
        assert_eq!(spaced, "No More");
        assert_eq!(map, vec![5, 6, 7, 7, 8, 9, 10]);
    }

    #[test]
    fn phrases_inside_link_slugs() {
        let lex = Lexicon::new(&[]);
        let p = Prepared::new("Details: https://clinic.example/ivf/egg_retrieval-aftercare?src=a");
        let hits = lex.scan(&p);
        let found =
            |h: &&Hit| h.cue == Cue::Procedure && &p.norm[h.start..h.end] == "egg_retrieval";
        assert!(hits.iter().any(|h| found(&h)), "{hits:?}");
        // Outside links a hyphenated compound is left as written.
        let p = Prepared::new("an egg_retrieval note");
        assert!(!lex.scan(&p).iter().any(|h| h.cue == Cue::Procedure));
    }
}
