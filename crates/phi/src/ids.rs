//! Letter-and-digit identifiers: IBAN, PAN, MBI, DEA, VIN, and record or member numbers
//! named by a cue ("MRN CWZ405363722").

use crate::checksum;
use crate::ctx::Ctx;
use crate::cues::{cue_before, Cue};
use crate::finding::{Evidence, Kind};
use crate::tokenize::{TokKind, SPACE_BEFORE};

pub fn scan(ctx: &mut Ctx) {
    for i in 0..ctx.toks.len() {
        let t = *ctx.tok(i);
        // Four characters only for the first group of a spaced IBAN ("DE89 3704 …").
        if t.kind != TokKind::Alnum || t.len() < 4 || t.len() > 34 {
            continue;
        }
        let raw = ctx.raw(i).as_bytes();
        if !raw.iter().all(u8::is_ascii_alphanumeric) {
            continue;
        }
        let cue = cue_before(ctx, i, 5);
        let ev = |source: &'static str, checksum: Option<bool>| Evidence {
            source,
            checksum,
            context: cue.map(|(_, w)| vec![w]).unwrap_or_default(),
            ..Evidence::default()
        };
        let cue_kind = cue.map(|(k, _)| k);
        let digits = raw.iter().filter(|b| b.is_ascii_digit()).count();

        // IBAN, possibly written in groups of four ("GB82 WEST 1234 …").
        if raw.len() >= 4
            && raw[..2].iter().all(u8::is_ascii_alphabetic)
            && raw[2..4].iter().all(u8::is_ascii_digit)
        {
            let (buf, end) = gather_iban(ctx, i);
            if buf.len() >= 15 {
                let ok = checksum::iban(&buf);
                if ok || cue_kind == Some(Cue::Iban) {
                    let conf = if ok { 0.95 } else { 0.4 };
                    ctx.push(Kind::Iban, t.start, end, conf, ev("pattern:iban", Some(ok)));
                    continue;
                }
            }
        }
        if raw.len() < 6 {
            continue;
        }
        if raw.len() == 10
            && raw[..5].iter().all(u8::is_ascii_alphabetic)
            && raw[5..9].iter().all(u8::is_ascii_digit)
            && raw[9].is_ascii_alphabetic()
        {
            let ok = checksum::pan(raw);
            let conf = match (ok, cue_kind == Some(Cue::Pan)) {
                (true, true) => 0.98,
                (true, false) => 0.85,
                _ => 0.35,
            };
            ctx.push(Kind::Pan, t.start, t.end, conf, ev("pattern:pan", Some(ok)));
            continue;
        }
        if raw.len() == 11 && raw[0].is_ascii_digit() && checksum::mbi(raw) {
            let conf = if cue_kind == Some(Cue::Medicare) {
                0.97
            } else {
                0.75
            };
            ctx.push(
                Kind::Mbi,
                t.start,
                t.end,
                conf,
                ev("pattern:mbi", Some(true)),
            );
            continue;
        }
        if raw.len() == 9 && raw[..2].iter().all(u8::is_ascii_alphabetic) && digits == 7 {
            let ok = checksum::dea(raw);
            let cued = cue_kind == Some(Cue::Dea);
            if ok || cued {
                let conf = match (ok, cued) {
                    (true, true) => 0.97,
                    (true, false) => 0.6,
                    _ => 0.4,
                };
                ctx.push(Kind::Dea, t.start, t.end, conf, ev("pattern:dea", Some(ok)));
                continue;
            }
        }
        if raw.len() == 17 && digits >= 4 && !raw.iter().any(|b| b"IOQioq".contains(b)) {
            let conf = if cue_kind == Some(Cue::Vehicle) {
                0.95
            } else {
                0.6
            };
            ctx.push(
                Kind::VehicleId,
                t.start,
                t.end,
                conf,
                ev("pattern:vin", None),
            );
            continue;
        }
        if digits >= 4 {
            match cue_kind.and_then(crate::numbers::cue_id_kind) {
                Some(kind) => {
                    let conf = if cue_kind == Some(Cue::Generic) {
                        0.6
                    } else {
                        0.85
                    };
                    ctx.push(kind, t.start, t.end, conf, ev("context:identifier", None));
                }
                None if digits >= 6 => {
                    ctx.push(
                        Kind::AccountNumber,
                        t.start,
                        t.end,
                        0.45,
                        ev("shape:alphanumeric_id", None),
                    );
                }
                None => {}
            }
        }
    }
}

/// Characters of an IBAN starting at token `i`, following space-separated groups of up to
/// four alphanumerics. Returns the characters and the end byte.
fn gather_iban(ctx: &Ctx, i: usize) -> (Vec<u8>, usize) {
    let mut buf: Vec<u8> = ctx.raw(i).bytes().collect();
    let mut end = ctx.tok(i).end;
    if buf.len() == 4 {
        let mut j = i + 1;
        while j < ctx.toks.len() && buf.len() < 34 {
            let t = ctx.tok(j);
            let s = ctx.raw(j);
            if t.kind == TokKind::Punct
                || !t.has(SPACE_BEFORE)
                || s.len() > 4
                || !s.bytes().all(|b| b.is_ascii_alphanumeric())
            {
                break;
            }
            buf.extend(s.bytes());
            end = t.end;
            j += 1;
        }
    }
    (buf, end)
}
