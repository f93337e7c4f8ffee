//! Contact details found straight from the bytes: e-mail and ABHA addresses, social
//! handles, URLs and IPv6. Each scan starts only where a cheap byte search hits.

use std::sync::OnceLock;

use memchr::{memchr_iter, memmem};

use crate::ctx::Ctx;
use crate::finding::{Evidence, Kind};

fn is_local(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

fn is_host(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-')
}

/// Common top-level domains accepted for bare host names ("example.com") without a scheme.
const BARE_TLDS: &[&str] = &[
    "com", "org", "net", "in", "io", "co", "biz", "info", "edu", "gov", "health", "us", "uk",
    "care", "clinic", "me", "app",
];

/// "with user millercatherine", "username: priya_k", "login jdoe42": an account name
/// after its cue, when it is not a plain word.
fn usernames(ctx: &mut Ctx) {
    let n = ctx.toks.len();
    for i in 0..n {
        if !matches!(
            ctx.low(i),
            "user" | "username" | "login" | "userid" | "handle"
        ) {
            continue;
        }
        let mut j = i + 1;
        if ctx.is_punct(j, b':') {
            j += 1;
        }
        if j >= n {
            continue;
        }
        let t = *ctx.tok(j);
        let plain_word =
            t.kind == crate::tokenize::TokKind::Word && ctx.bits[j] & crate::lexicon::COMMON != 0;
        let shaped = matches!(
            t.kind,
            crate::tokenize::TokKind::Word | crate::tokenize::TokKind::Alnum
        ) && t.len() >= 3;
        if shaped && !plain_word && !t.has(crate::tokenize::CAP) {
            let mut end = t.end;
            // "priya_k": underscores join the parts.
            let mut k = j + 1;
            while k + 1 < n && ctx.is_punct(k, b'_') && ctx.glued(k) && ctx.glued(k + 1) {
                end = ctx.tok(k + 1).end;
                k += 2;
            }
            ctx.push(
                Kind::SocialHandle,
                t.start,
                end,
                0.7,
                Evidence {
                    source: "context:username",
                    context: vec!["user"],
                    ..Default::default()
                },
            );
        }
    }
}

pub fn scan(ctx: &mut Ctx) {
    usernames(ctx);
    let bytes = ctx.text.as_bytes();
    for at in memchr_iter(b'@', bytes) {
        let mut a = at;
        while a > 0 && is_local(bytes[a - 1]) {
            a -= 1;
        }
        a = skip_escape(bytes, a, at);
        let mut b = at + 1;
        while b < bytes.len() && is_host(bytes[b]) {
            b += 1;
        }
        // Trailing dots/hyphens belong to the sentence, not the host.
        while b > at + 1 && matches!(bytes[b - 1], b'.' | b'-') {
            b -= 1;
        }
        let host = &ctx.text[at + 1..b];
        if a < at {
            let local = &ctx.text[a..at];
            if host == "abdm" || host == "sbx" {
                ctx.push(
                    Kind::AbhaAddress,
                    a,
                    b,
                    0.95,
                    Evidence {
                        source: "pattern:abha_address",
                        ..Default::default()
                    },
                );
            } else if let Some((_, tld)) = host.rsplit_once('.') {
                if tld.len() >= 2
                    && tld.bytes().all(|c| c.is_ascii_alphabetic())
                    && !local.starts_with('.')
                {
                    ctx.push(
                        Kind::Email,
                        a,
                        b,
                        0.95,
                        Evidence {
                            source: "pattern:email",
                            ..Default::default()
                        },
                    );
                }
            }
            continue;
        }
        // "@name": a handle when the '@' starts a word.
        let mut h = at + 1;
        while h < bytes.len()
            && (bytes[h].is_ascii_alphanumeric() || matches!(bytes[h], b'_' | b'.'))
        {
            h += 1;
        }
        while h > at + 1 && bytes[h - 1] == b'.' {
            h -= 1;
        }
        let starts_word = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
        if starts_word && h > at + 1 && h - at <= 31 {
            // The span excludes the '@' (the handle itself is the identifier).
            ctx.push(
                Kind::SocialHandle,
                at + 1,
                h,
                0.9,
                Evidence {
                    source: "pattern:handle",
                    ..Default::default()
                },
            );
        }
    }
    scan_urls(ctx);
    scan_ipv6(ctx);
}

/// A literal escape ("\\n", "\\t") just before `a` leaves its letter at the start of the
/// span: skip it.
fn skip_escape(bytes: &[u8], a: usize, limit: usize) -> usize {
    if a > 0 && a + 1 < limit && bytes[a - 1] == b'\\' && matches!(bytes[a], b'n' | b't' | b'r') {
        a + 1
    } else {
        a
    }
}

fn url_end(bytes: &[u8], from: usize) -> usize {
    let mut e = from;
    while e < bytes.len()
        && !bytes[e].is_ascii_whitespace()
        && !matches!(bytes[e], b'"' | b'<' | b'>' | b'\'' | b'\\')
        && bytes[e] < 0x80
    {
        e += 1;
    }
    while e > from && matches!(bytes[e - 1], b'.' | b',' | b';' | b':' | b'!' | b'?' | b')') {
        e -= 1;
    }
    e
}

fn scan_urls(ctx: &mut Ctx) {
    let bytes = ctx.text.as_bytes();
    let mut found: Vec<(usize, usize)> = Vec::new();
    static SCHEME: OnceLock<memmem::Finder<'static>> = OnceLock::new();
    static WWW: OnceLock<memmem::Finder<'static>> = OnceLock::new();
    let scheme = SCHEME.get_or_init(|| memmem::Finder::new(b"://"));
    let www = WWW.get_or_init(|| memmem::Finder::new(b"www."));
    for pos in scheme.find_iter(bytes) {
        let mut a = pos;
        while a > 0 && bytes[a - 1].is_ascii_alphabetic() {
            a -= 1;
        }
        // Only the scheme itself: "…\nhttps://" must not start at the "n".
        let scheme_len = ["https", "http", "ftp", "sftp"]
            .iter()
            .find(|s| ctx.text[a..pos].to_ascii_lowercase().ends_with(*s))
            .map_or(pos - a, |s| s.len());
        a = pos - scheme_len;
        let e = url_end(bytes, pos + 3);
        if a < pos && e > pos + 4 {
            found.push((a, e));
        }
    }
    for pos in www.find_iter(bytes) {
        if found.iter().any(|&(a, e)| a <= pos && pos < e)
            || (pos > 0 && bytes[pos - 1].is_ascii_alphanumeric())
        {
            continue;
        }
        let e = url_end(bytes, pos);
        if e > pos + 6 {
            found.push((pos, e));
        }
    }
    // Bare host names: word.tld(/path) where tld is a common one.
    for dot in memchr_iter(b'.', bytes) {
        if found.iter().any(|&(a, e)| a <= dot && dot < e)
            || dot == 0
            || !bytes[dot - 1].is_ascii_alphanumeric()
        {
            continue;
        }
        let mut t = dot + 1;
        while t < bytes.len() && bytes[t].is_ascii_alphabetic() {
            t += 1;
        }
        let tld = &ctx.text[dot + 1..t];
        if !BARE_TLDS.contains(&tld)
            || (t < bytes.len() && (bytes[t].is_ascii_alphanumeric() || bytes[t] == b'@'))
        {
            continue;
        }
        let mut a = dot;
        while a > 0 && is_host(bytes[a - 1]) {
            a -= 1;
        }
        if a > 0 && matches!(bytes[a - 1], b'@' | b'/' | b'.') {
            continue;
        }
        let e = if t < bytes.len() && bytes[t] == b'/' {
            url_end(bytes, t)
        } else {
            t
        };
        found.push((a, e));
    }
    for (a, e) in found {
        ctx.push(
            Kind::Url,
            a,
            e,
            0.9,
            Evidence {
                source: "pattern:url",
                ..Default::default()
            },
        );
    }
}

fn scan_ipv6(ctx: &mut Ctx) {
    let bytes = ctx.text.as_bytes();
    let mut i = 0;
    while let Some(off) = memchr::memchr(b':', &bytes[i..]) {
        let c = i + off;
        let mut a = c;
        while a > 0 && (bytes[a - 1].is_ascii_hexdigit() || bytes[a - 1] == b':') {
            a -= 1;
        }
        let mut e = c;
        while e < bytes.len() && (bytes[e].is_ascii_hexdigit() || bytes[e] == b':') {
            e += 1;
        }
        let s = &ctx.text[a..e];
        let colons = s.bytes().filter(|&b| b == b':').count();
        let groups_ok = s.split(':').all(|g| g.len() <= 4);
        let has_hex_letter = s.bytes().any(|b| b.is_ascii_alphabetic());
        let word_edge = (a == 0 || !bytes[a - 1].is_ascii_alphanumeric())
            && (e == bytes.len() || !bytes[e].is_ascii_alphanumeric());
        if groups_ok
            && word_edge
            && (colons >= 5 || (colons >= 2 && s.contains("::") && has_hex_letter))
        {
            ctx.push(
                Kind::IpAddress,
                a,
                e,
                0.9,
                Evidence {
                    source: "pattern:ipv6",
                    ..Default::default()
                },
            );
        }
        i = e.max(c + 1);
    }
}
