//! Redaction: replace every reported span with a placeholder or mask its characters.

use crate::finding::Finding;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RedactionStyle {
    /// `[NAME]`, `[DATE]`, `[PHONE]`, … (see [`crate::Kind::placeholder`]).
    #[default]
    Placeholder,
    /// Every character of the span becomes this character; length in characters is kept.
    Mask(char),
}

/// `text` with every finding's span replaced. Overlapping spans are merged (the earliest
/// finding names the placeholder); spans off char boundaries or outside the text are
/// ignored rather than panicking.
pub fn redact(text: &str, findings: &[Finding], style: RedactionStyle) -> String {
    let mut spans: Vec<(usize, usize, &Finding)> = findings
        .iter()
        .filter(|f| {
            f.start < f.end
                && f.end <= text.len()
                && text.is_char_boundary(f.start)
                && text.is_char_boundary(f.end)
        })
        .map(|f| (f.start, f.end, f))
        .collect();
    spans.sort_by_key(|s| (s.0, std::cmp::Reverse(s.1)));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    let mut i = 0;
    while i < spans.len() {
        let (start, mut end, first) = spans[i];
        let mut j = i + 1;
        while j < spans.len() && spans[j].0 < end {
            end = end.max(spans[j].1);
            j += 1;
        }
        if start >= pos {
            out.push_str(&text[pos..start]);
            match style {
                RedactionStyle::Placeholder => out.push_str(first.kind.placeholder()),
                RedactionStyle::Mask(m) => {
                    out.extend(
                        text[start..end]
                            .chars()
                            .map(|c| if c.is_whitespace() { c } else { m }),
                    )
                }
            }
            pos = end;
        }
        i = j;
    }
    out.push_str(&text[pos..]);
    out
}
