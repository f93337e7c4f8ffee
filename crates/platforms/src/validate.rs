//! Refuse locally what a platform would refuse anyway, before any request: a request we
//! know will fail only spends quota and muddies the account's error history.

use domain::platform::Platform;

use crate::error::PublishError;
use crate::types::{Media, Outgoing};

pub const YOUTUBE_TITLE_LIMIT: usize = 100;

pub fn check(platform: Platform, post: &Outgoing) -> Result<(), PublishError> {
    let mut problems = platform.problems(&post.text);
    if platform == Platform::Youtube {
        problems.extend(youtube_title_problems(&youtube_title(post)));
    }
    problems.extend(media_problems(platform, &post.media));
    if problems.is_empty() {
        Ok(())
    } else {
        Err(PublishError::local(problems.join("; ")))
    }
}

/// The title YouTube gets: the post's own, or the first line of the text.
pub fn youtube_title(post: &Outgoing) -> String {
    match &post.title {
        Some(t) => t.trim().to_string(),
        None => post
            .text
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .chars()
            .take(YOUTUBE_TITLE_LIMIT)
            .collect::<String>()
            .trim()
            .to_string(),
    }
}

fn youtube_title_problems(title: &str) -> Vec<String> {
    let mut out = Vec::new();
    let n = title.chars().count();
    if n == 0 {
        out.push("YouTube needs a title".to_string());
    }
    if n > YOUTUBE_TITLE_LIMIT {
        out.push(format!(
            "YouTube titles allow {YOUTUBE_TITLE_LIMIT} characters; this one has {n}"
        ));
    }
    if title.contains(['<', '>']) {
        out.push("YouTube titles cannot contain < or >".to_string());
    }
    out
}

fn media_problems(platform: Platform, media: &[Media]) -> Vec<String> {
    let mut out = Vec::new();
    let videos = media.iter().filter(|m| m.is_video()).count();
    let images = media.iter().filter(|m| m.is_image()).count();
    let label = platform.label();
    if images + videos != media.len() {
        out.push("only images and videos can be attached".to_string());
    }
    if media
        .iter()
        .any(|m| m.is_image() && m.alt_text.trim().is_empty())
    {
        out.push("every image needs alt text".to_string());
    }
    if media
        .iter()
        .any(|m| m.bytes.is_empty() && m.public_url.is_none())
    {
        out.push("an attachment is empty".to_string());
    }
    let (max_images, max_videos, mix) = match platform {
        Platform::Facebook => (10, 1, false),
        Platform::Instagram => (10, 10, true),
        Platform::X => (4, 1, false),
        Platform::Linkedin => (20, 1, false),
        Platform::Youtube => (0, 1, false),
        Platform::GoogleBusiness => (1, 1, false),
        Platform::Mastodon => (4, 1, false),
        Platform::Bluesky => (4, 0, false),
    };
    if images > max_images {
        out.push(format!("{label} allows at most {max_images} images"));
    }
    if videos > max_videos {
        out.push(format!(
            "{label} allows at most {max_videos} video(s) with this connector"
        ));
    }
    if !mix && images > 0 && videos > 0 {
        out.push(format!("{label} cannot mix images and video in one post"));
    }
    match platform {
        Platform::Instagram if media.is_empty() => {
            out.push("Instagram needs at least one image or video".to_string())
        }
        Platform::Instagram if media.len() > 10 => {
            out.push("Instagram carousels hold at most 10 items".to_string())
        }
        Platform::Youtube if videos != 1 => out.push("YouTube needs exactly one video".to_string()),
        _ => {}
    }
    // These two fetch media from a public address and take no uploaded bytes.
    if matches!(platform, Platform::Instagram | Platform::GoogleBusiness)
        && media.iter().any(|m| m.public_url.is_none())
    {
        out.push(format!("{label} needs each attachment at a public URL"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    fn post(text: &str, media: Vec<Media>) -> Outgoing {
        Outgoing {
            text: text.into(),
            title: None,
            media,
            idempotency_key: "k".into(),
            marker: None,
            language: None,
            created_at: jiff::Timestamp::UNIX_EPOCH,
        }
    }

    fn image(alt: &str) -> Media {
        Media {
            bytes: Bytes::from_static(b"\xff\xd8jpeg"),
            mime: "image/jpeg".into(),
            alt_text: alt.into(),
            public_url: None,
        }
    }

    #[test]
    fn over_limit_text_is_refused_with_the_platform_rule() {
        let err = check(Platform::X, &post(&"a".repeat(281), vec![])).unwrap_err();
        assert!(matches!(err, PublishError::Rejected { ref reason, .. } if reason.contains("280")));
        assert!(check(Platform::X, &post("fine", vec![])).is_ok());
    }

    #[test]
    fn media_rules() {
        assert!(check(Platform::Instagram, &post("hi", vec![])).is_err());
        assert!(
            check(Platform::Instagram, &post("hi", vec![image("alt")])).is_err(),
            "needs URL"
        );
        let mut with_url = image("alt");
        with_url.public_url = Some("https://cdn.example/a.jpg".into());
        assert!(check(Platform::Instagram, &post("hi", vec![with_url])).is_ok());
        assert!(check(Platform::X, &post("hi", vec![image("a"); 5])).is_err());
        assert!(
            check(Platform::Mastodon, &post("hi", vec![image("")])).is_err(),
            "alt text"
        );
        assert!(check(Platform::Youtube, &post("hi", vec![])).is_err());
        assert!(check(Platform::Bluesky, &post("hi", vec![image("a"); 4])).is_ok());
    }

    #[test]
    fn youtube_title_comes_from_the_first_line() {
        let p = post("\nClinic tour\nMore below", vec![]);
        assert_eq!(youtube_title(&p), "Clinic tour");
        let mut long = post(&"t".repeat(150), vec![]);
        assert_eq!(youtube_title(&long).chars().count(), 100);
        long.title = Some("a <b>".into());
        assert!(!youtube_title_problems(&youtube_title(&long)).is_empty());
    }
}
