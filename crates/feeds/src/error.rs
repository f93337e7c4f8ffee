//! Why a feed was refused. Messages are written for the person who added the feed: they say
//! what is wrong and, where the input allows it, where.

use thiserror::Error;

/// A feed that could not be read at all. Problems that only cost an item or a field are
/// reported as [`crate::Feed::warnings`] instead.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum FeedError {
    #[error("the feed is {}; the limit is {}", sizes(*size, *limit).0, sizes(*size, *limit).1)]
    TooLarge { size: usize, limit: usize },

    #[error("the feed is empty: it has no root element")]
    Empty,

    #[error(
        "the feed uses the encoding \"{label}\", which is not supported \
         (supported: UTF-8, UTF-16, ISO-8859-1, windows-1252, US-ASCII)"
    )]
    UnsupportedEncoding { label: String },

    /// `offset` is a byte offset into the input; `column` counts characters.
    #[error("malformed XML at line {line}, column {column} (byte {offset}): {reason}")]
    Malformed {
        line: usize,
        column: usize,
        offset: usize,
        reason: String,
    },

    #[error("elements are nested more than {max_depth} deep (line {line}, column {column})")]
    TooDeep {
        max_depth: usize,
        line: usize,
        column: usize,
    },

    #[error(
        "the feed's DOCTYPE declares entities (line {line}); such feeds are refused because \
         entity expansion can exhaust memory or read local files"
    )]
    EntityDeclarations { line: usize },

    #[error("the feed has more than {limit} XML elements, attributes and text runs")]
    TooManyNodes { limit: usize },

    #[error("this is an HTML page, not a feed")]
    HtmlPage,

    #[error("this looks like {what}, not an RSS or Atom feed")]
    NotXml { what: &'static str },

    /// `root` is the element's name as written, cleaned and shortened.
    #[error("the root element is <{root}>; a feed starts with <rss>, <rdf:RDF> or <feed>")]
    NotAFeed { root: String },
}

/// Both sizes for the TooLarge message. Units are binary (the default limit of 2 MiB reads
/// "2 MB", as people expect); when rounding would make both look equal (2 MiB + 1 byte),
/// exact byte counts are shown instead, so the message never reads "2 MB; the limit is 2 MB".
fn sizes(size: usize, limit: usize) -> (String, String) {
    let (a, b) = (human_size(size), human_size(limit));
    if a == b {
        (format!("{size} bytes"), format!("{limit} bytes"))
    } else {
        (a, b)
    }
}

pub(crate) fn human_size(bytes: usize) -> String {
    const KIB: f64 = 1024.0;
    // Precision loss above 2^53 bytes is irrelevant for a one-decimal display.
    #[allow(clippy::cast_precision_loss)]
    let n = bytes as f64;
    let (value, unit) = if n >= KIB * KIB {
        (n / (KIB * KIB), "MB")
    } else if n >= KIB {
        (n / KIB, "KB")
    } else {
        return format!("{bytes} bytes");
    };
    let text = format!("{value:.1}");
    let text = text.strip_suffix(".0").unwrap_or(&text);
    format!("{text} {unit}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_large_reads_like_the_product_copy() {
        let e = FeedError::TooLarge {
            size: 3_355_444,
            limit: 2 * 1024 * 1024,
        };
        assert_eq!(e.to_string(), "the feed is 3.2 MB; the limit is 2 MB");
    }

    #[test]
    fn sizes_that_round_alike_are_shown_exactly() {
        let e = FeedError::TooLarge {
            size: 2 * 1024 * 1024 + 1,
            limit: 2 * 1024 * 1024,
        };
        assert_eq!(
            e.to_string(),
            "the feed is 2097153 bytes; the limit is 2097152 bytes"
        );
    }

    #[test]
    fn small_sizes() {
        assert_eq!(human_size(0), "0 bytes");
        assert_eq!(human_size(1023), "1023 bytes");
        assert_eq!(human_size(1536), "1.5 KB");
    }
}
