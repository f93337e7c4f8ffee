//! Feed dates to Unix epoch milliseconds.
//!
//! RSS says RFC 822 and Atom says RFC 3339; real feeds say whatever their CMS printed:
//! full day and month names, a missing seconds field, single-digit days, named zones,
//! `Jan 2 2024` word order, RFC 3339 inside `<pubDate>`. The RFC 822 reader therefore
//! classifies tokens instead of insisting on an order, and a date that is still unreadable
//! is `None` (the item is kept; it just sorts without a date).

/// `prefer_iso`: try RFC 3339 first (Atom, `dc:date`), else RFC 822 first (`pubDate`).
pub(crate) fn parse_date(s: &str, prefer_iso: bool) -> Option<i64> {
    if prefer_iso {
        parse_rfc3339(s).or_else(|| parse_rfc2822(s))
    } else {
        parse_rfc2822(s).or_else(|| parse_rfc3339(s))
    }
}

#[derive(Debug, Default)]
struct Parts {
    year: Option<i64>,
    month: Option<u32>,
    day: Option<u32>,
    time: Option<(u32, u32, u32, u32)>,
    offset_minutes: Option<i64>,
    pm: Option<bool>,
}

impl Parts {
    fn to_epoch_ms(&self) -> Option<i64> {
        let (year, month, day) = (self.year?, self.month?, self.day?);
        let (mut hour, minute, second, millis) = self.time.unwrap_or((0, 0, 0, 0));
        match self.pm {
            Some(true) if hour < 12 => hour += 12,
            Some(false) if hour == 12 => hour = 0,
            _ => {}
        }
        // 60 is a leap second; it reads as the next minute's first second.
        if !(1..=9999).contains(&year)
            || day == 0
            || day > days_in_month(year, month)?
            || hour > 23
            || minute > 59
            || second > 60
        {
            return None;
        }
        let seconds = days_from_civil(year, month, day) * 86_400
            + i64::from(hour * 3600 + minute * 60 + second)
            - self.offset_minutes.unwrap_or(0) * 60;
        Some(seconds * 1000 + i64::from(millis))
    }
}

/// RFC 822 / 2822 and the variants feeds use.
pub(crate) fn parse_rfc2822(input: &str) -> Option<i64> {
    let mut parts = Parts::default();
    let without_comments = strip_comments(input);
    for token in without_comments
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
    {
        read_token(token, &mut parts)?;
    }
    parts.to_epoch_ms()
}

fn read_token(token: &str, parts: &mut Parts) -> Option<()> {
    let first = token.chars().next()?;
    if first.is_ascii_digit() && token.contains(':') {
        // "10:00", "10:00:00", glued to a zone as in "10:00:00+0000" or "10:00GMT".
        let split = token
            .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
            .unwrap_or(token.len());
        parts.time = Some(clock(&token[..split])?);
        return match &token[split..] {
            "" => Some(()),
            zone => read_token(zone, parts),
        };
    }
    if (first == '+' || first == '-') && token.len() > 1 {
        parts.offset_minutes = Some(numeric_offset(token)?);
        return Some(());
    }
    if token.chars().all(|c| c.is_ascii_digit()) {
        let n: i64 = token.parse().ok()?;
        match (token.len(), parts.day, parts.year) {
            (4, _, None) => parts.year = Some(n),
            (1 | 2, None, _) => parts.day = Some(u32::try_from(n).ok()?),
            // RFC 2822 4.3: two-digit years below 50 are 20xx, others and 3-digit ones 19xx.
            (2, Some(_), None) => parts.year = Some(if n < 50 { 2000 + n } else { 1900 + n }),
            (3, Some(_), None) => parts.year = Some(1900 + n),
            _ => return None,
        }
        return Some(());
    }
    if first.is_ascii_digit() && token.contains('-') {
        // "02-Jan-2024"
        return token
            .split('-')
            .try_for_each(|piece| read_token(piece, parts));
    }
    let word = token.trim_end_matches('.').to_ascii_lowercase();
    if let Some(month) = month_number(&word) {
        parts.month = Some(month);
    } else if is_weekday(&word) {
        // Ignored, even when it disagrees with the date: the date is what matters.
    } else if word == "am" || word == "pm" {
        parts.pm = Some(word == "pm");
    } else if let Some(offset) = zone_offset(&word) {
        parts.offset_minutes = Some(offset);
    } else if parts.time.is_some()
        && parts.offset_minutes.is_none()
        && word.len() <= 5
        && word.chars().all(|c| c.is_ascii_alphabetic())
    {
        // RFC 2822 4.3: an unknown zone name is taken as UTC rather than losing the date.
        parts.offset_minutes = Some(0);
    } else {
        return None;
    }
    Some(())
}

/// "h:mm", "hh:mm:ss", "hh:mm:ss.fff" to (hour, minute, second, millis).
fn clock(s: &str) -> Option<(u32, u32, u32, u32)> {
    let (hms, fraction) = s.split_once('.').unwrap_or((s, ""));
    let mut fields = hms.split(':');
    let hour = number(fields.next()?, 1, 2)?;
    let minute = number(fields.next()?, 2, 2)?;
    let second = fields.next().map_or(Some(0), |f| number(f, 2, 2))?;
    if fields.next().is_some() {
        return None;
    }
    Some((hour, minute, second, millis(fraction)?))
}

fn millis(fraction: &str) -> Option<u32> {
    if !fraction.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let digits: String = fraction.chars().chain("000".chars()).take(3).collect();
    digits.parse().ok()
}

fn number(s: &str, min_len: usize, max_len: usize) -> Option<u32> {
    if s.len() < min_len || s.len() > max_len || !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// "+0530", "-05:00", "+05", "+5:30".
fn numeric_offset(s: &str) -> Option<i64> {
    let sign = match s.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let body = &s[1..];
    let (hours, minutes) = match body.split_once(':') {
        Some((h, m)) => (number(h, 1, 2)?, number(m, 2, 2)?),
        None => match body.len() {
            1 | 2 => (number(body, 1, 2)?, 0),
            // "+530" is a sloppy "+0530".
            3 | 4 => {
                let split = body.len() - 2;
                (number(&body[..split], 1, 2)?, number(&body[split..], 2, 2)?)
            }
            _ => return None,
        },
    };
    if hours > 14 || minutes > 59 {
        return None;
    }
    Some(sign * i64::from(hours * 60 + minutes))
}

/// Named zones seen in feeds. IST is India's (+05:30): this is an Indian product, and
/// the Irish and Israeli readings are rarer in the feeds it follows. Military letters
/// other than Z are UTC, as RFC 2822 4.3 advises (their sign was historically confused).
fn zone_offset(word: &str) -> Option<i64> {
    if let Some(rest) = ["gmt", "utc", "ut"]
        .iter()
        .find_map(|z| word.strip_prefix(z))
    {
        return if rest.is_empty() {
            Some(0)
        } else {
            numeric_offset(rest)
        };
    }
    let hours_minutes = match word {
        "z" | "wet" => (0, 0),
        "est" => (-5, 0),
        "edt" => (-4, 0),
        "cst" => (-6, 0),
        "cdt" => (-5, 0),
        "mst" => (-7, 0),
        "mdt" => (-6, 0),
        "pst" => (-8, 0),
        "pdt" => (-7, 0),
        "akst" => (-9, 0),
        "akdt" => (-8, 0),
        "hst" => (-10, 0),
        "ast" => (-4, 0),
        "adt" => (-3, 0),
        "nst" => (-3, -30),
        "ndt" => (-2, -30),
        "bst" | "cet" | "met" | "west" | "wat" => (1, 0),
        "cest" | "mest" | "eet" | "sast" => (2, 0),
        "eest" | "msk" | "eat" => (3, 0),
        "pkt" => (5, 0),
        "ist" => (5, 30),
        "npt" => (5, 45),
        "wib" => (7, 0),
        "sgt" | "hkt" | "awst" => (8, 0),
        "jst" | "kst" => (9, 0),
        "acst" => (9, 30),
        "aest" => (10, 0),
        "aedt" => (11, 0),
        "nzst" => (12, 0),
        "nzdt" => (13, 0),
        w if w.len() == 1 && w.chars().all(|c| c.is_ascii_alphabetic() && c != 'j') => (0, 0),
        _ => return None,
    };
    Some(hours_minutes.0 * 60 + hours_minutes.1)
}

fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if word.len() < 3 {
        return None;
    }
    let index = MONTHS.iter().position(|m| m.starts_with(word))?;
    u32::try_from(index + 1).ok()
}

fn is_weekday(word: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    // "Tues" and "Thurs" are common abbreviations too.
    word.len() >= 3 && DAYS.iter().any(|d| d.starts_with(word))
}

/// RFC 822 allows comments in parentheses: "(PST)", "(Coordinated Universal Time)".
fn strip_comments(s: &str) -> String {
    let mut depth = 0usize;
    s.chars()
        .map(|c| match c {
            '(' => {
                depth += 1;
                ' '
            }
            ')' => {
                depth = depth.saturating_sub(1);
                ' '
            }
            _ if depth > 0 => ' ',
            _ => c,
        })
        .collect()
}

/// RFC 3339 and the W3C-DTF subset `dc:date` uses: "2024-01-05", "2024-01-05T10:00Z",
/// "2024-01-05 10:00:00.123+05:30". No zone means UTC.
pub(crate) fn parse_rfc3339(input: &str) -> Option<i64> {
    let s = input.trim();
    let (date, rest) = s.split_at(s.find(['T', 't', ' ']).unwrap_or(s.len()));
    let mut fields = date.split('-');
    let mut parts = Parts {
        year: Some(i64::from(number(fields.next()?, 4, 4)?)),
        month: Some(fields.next().map_or(Some(1), |f| number(f, 2, 2))?),
        day: Some(fields.next().map_or(Some(1), |f| number(f, 2, 2))?),
        ..Parts::default()
    };
    if fields.next().is_some() {
        return None;
    }
    let rest = rest.get(1..).unwrap_or("").trim();
    if !rest.is_empty() {
        let zone_at = rest.find(['Z', 'z', '+', '-', ' ']).unwrap_or(rest.len());
        parts.time = Some(clock(&rest[..zone_at])?);
        let zone = rest[zone_at..].trim();
        parts.offset_minutes = Some(match zone {
            "" | "Z" | "z" => 0,
            _ if zone.starts_with(['+', '-']) => numeric_offset(zone)?,
            _ => zone_offset(&zone.to_ascii_lowercase())?,
        });
    }
    parts.to_epoch_ms()
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: u32) -> Option<u32> {
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => return None,
    })
}

/// Days since 1970-01-01 in the proleptic Gregorian calendar (the well-known era
/// arithmetic: 400-year eras of 146 097 days, years counted from March).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = i64::from((month + 9) % 12);
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
#[path = "dates_tests.rs"]
mod tests;
