use super::*;
use proptest::prelude::*;

fn text(html: &str) -> String {
    html_to_text(html, 10_000)
}

#[test]
fn tags_go_text_stays() {
    assert_eq!(
        text("<p>Flu <b>season</b> is <a href=\"x\">here</a>.</p><p>Get vaccinated</p>"),
        "Flu season is here. Get vaccinated"
    );
    assert_eq!(text("line<br/>break<br>again"), "line break again");
}

#[test]
fn script_like_elements_go_with_their_content() {
    assert_eq!(text("a<script>alert('x')</script>b"), "ab");
    assert_eq!(text("a<SCRIPT type=x>if (a<b) {}</SCRIPT >b"), "ab");
    assert_eq!(text("a<style>p{color:red}</style>b"), "ab");
    assert_eq!(text("a<iframe src=\"//evil\">fallback</iframe>b"), "ab");
    assert_eq!(text("a<object><object>x</object>y</object>b"), "ab");
    assert_eq!(text("a<svg><title>t</title></svg>b"), "ab");
    // Unclosed: everything after is dropped, never shown.
    assert_eq!(text("safe<script>alert(1)"), "safe");
    assert_eq!(text("a<script src=x />b"), "ab");
    // A '>' inside a quoted attribute does not end the tag.
    assert_eq!(text("<a title=\"x>y\">link</a>"), "link");
    assert_eq!(text("<img alt='<script>' src=x>ok"), "ok");
}

#[test]
fn comments_and_declarations_go() {
    assert_eq!(
        text("a<!-- <b>hidden</b> -->b<!DOCTYPE html><?php x ?>c"),
        "abc"
    );
    assert_eq!(text("a<!-- never closed"), "a");
}

#[test]
fn entities_are_decoded_once() {
    assert_eq!(
        text("Fish &amp; chips &mdash; &lt;3 &hellip;&nbsp;&#39;ok&#x27;"),
        "Fish & chips — <3 … 'ok'"
    );
    // Double-escaped markup is literal text after one decode: it is what the author wrote.
    assert_eq!(text("&lt;b&gt;bold&lt;/b&gt;"), "<b>bold</b>");
}

#[test]
fn lone_angle_brackets_are_text() {
    assert_eq!(text("a < b and c > d, x<3"), "a < b and c > d, x<3");
}

#[test]
fn whitespace_collapses_and_controls_go() {
    assert_eq!(text("  a \n\t b\u{0}c\u{7}\u{202E}d\u{FEFF}  "), "a bcd");
    assert_eq!(text("&#7;&#x202E;x"), "x");
    assert_eq!(plain("keeps <b> as text\r\n", 100), "keeps <b> as text");
}

#[test]
fn truncation_marks_the_cut_and_respects_graphemes() {
    assert_eq!(plain("abcdef", 6), "abcdef");
    assert_eq!(plain("abcdefg", 6), "abcde…");
    assert_eq!(plain("abc defg", 5), "abc…");
    assert_eq!(plain("abc", 0), "");
    assert_eq!(plain("abc", 1), "…");
    // "नमस्ते": the cut never separates a consonant from its vowel sign or virama.
    let cut = plain("नमस्ते दुनिया", 4);
    assert!(cut.chars().count() <= 4);
    assert!(cut == "नम…" || cut == "न…", "{cut}");
    let worker = "\u{1F469}\u{200D}\u{2695}\u{FE0F}";
    assert_eq!(plain(&worker.repeat(2), 5), format!("{worker}…"));
    assert_eq!(plain(&worker.repeat(2), 4), "…");
}

proptest! {
    #[test]
    fn output_is_bounded_and_clean(html in ".{0,400}", limit in 0usize..80) {
        let out = html_to_text(&html, limit);
        prop_assert!(out.chars().count() <= limit);
        prop_assert!(!out.chars().any(is_stripped));
        prop_assert!(!out.starts_with(' ') && !out.ends_with(' '));
        prop_assert!(!out.contains("  "));
    }

    #[test]
    fn script_content_never_survives(before in "[a-z ]{0,20}", inner in "[^<]{0,40}", after in "[a-z ]{0,20}") {
        let html = format!("{before}<script>{inner}</script>{after}");
        let expected = plain(&format!("{before}{after}"), 10_000);
        prop_assert_eq!(text(&html), expected);
    }

    #[test]
    fn tag_free_text_only_changes_whitespace(s in "[a-zA-Z0-9 .,;:!?()-]{0,100}") {
        let expected = s.split_whitespace().collect::<Vec<_>>().join(" ");
        prop_assert_eq!(text(&s), expected);
    }
}
