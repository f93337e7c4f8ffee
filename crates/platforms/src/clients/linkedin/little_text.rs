//! LinkedIn's "little text" format for `commentary`: reserved characters must be
//! backslash-escaped or LinkedIn truncates or misreads the post; hashtags are written as
//! `{hashtag|\#|word}` templates so they stay links.

const RESERVED: &[char] = &[
    '\\', '|', '{', '}', '@', '[', ']', '(', ')', '<', '>', '#', '*', '_', '~',
];

pub fn escape_little_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut chars = text.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        let word_start = prev.is_none_or(char::is_whitespace);
        if c == '#' && word_start {
            let tag: String = text[i + 1..]
                .chars()
                .take_while(|ch| ch.is_alphanumeric() || (!ch.is_ascii() && !ch.is_whitespace()))
                .collect();
            if !tag.is_empty() {
                out.push_str("{hashtag|\\#|");
                out.push_str(&tag);
                out.push('}');
                for _ in 0..tag.chars().count() {
                    chars.next();
                }
                prev = tag.chars().last();
                continue;
            }
        }
        if RESERVED.contains(&c) {
            out.push('\\');
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// Back to plain text, for comparing a listed post with what we sent.
pub(super) fn unescape(little: &str) -> String {
    let mut out = String::with_capacity(little.len());
    let mut rest = little;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("{hashtag|\\#|") {
            if let Some(end) = after.find('}') {
                out.push('#');
                out.push_str(&after[..end]);
                rest = &after[end + 1..];
                continue;
            }
        }
        let mut it = rest.chars();
        match it.next() {
            Some('\\') => {
                if let Some(next) = it.next() {
                    out.push(next);
                }
            }
            Some(c) => out.push(c),
            None => {}
        }
        rest = it.as_str();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_characters_are_escaped_and_hashtags_templated() {
        assert_eq!(
            escape_little_text("Flu shots (free) #WorldHealthDay *today*"),
            "Flu shots \\(free\\) {hashtag|\\#|WorldHealthDay} \\*today\\*"
        );
        assert_eq!(escape_little_text("a#b"), "a\\#b");
    }

    #[test]
    fn unescape_round_trips() {
        for t in [
            "Flu shots (free) #WorldHealthDay",
            "a\\b {x} @y #",
            "नमस्ते #स्वास्थ्य",
        ] {
            assert_eq!(unescape(&escape_little_text(t)), t);
        }
    }

    proptest::proptest! {
        #[test]
        fn round_trip_any_text(s in "\\PC{0,80}") {
            proptest::prop_assert_eq!(unescape(&escape_little_text(&s)), s);
        }
    }
}
