//! Health observances (PLAN-7): the shipped calendar of fixed-date health days and weeks,
//! global and Indian, compiled into the binary from `data/observances.csv`, and where they
//! fall in a range of dates. Organisations hide shipped ones and add their own; that
//! state lives in the store, this module only knows the catalogue and the dates.

use jiff::civil::Date;
use serde::Serialize;

use crate::content::Pillar;

const SHIPPED_CSV: &str = include_str!("../data/observances.csv");

/// Where an observance is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Global,
    /// Shown to organisations whose jurisdiction is India.
    India,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Global => "global",
            Scope::India => "india",
        }
    }

    /// Whether an organisation in `jurisdiction` (US, IN) sees observances of this scope.
    pub fn applies_to(self, jurisdiction: &str) -> bool {
        self == Scope::Global || jurisdiction == "IN"
    }
}

/// One shipped observance: the same dates every year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Observance {
    /// Stable identifier, used to hide it per organisation.
    pub key: String,
    pub month: i8,
    pub day: i8,
    /// 1 for a day, 7 for a week…
    pub days: i16,
    pub scope: Scope,
    /// The pillar a suggested post starts with.
    pub pillar: Pillar,
    pub name: String,
    /// Who marks it (details in DATA_SOURCES.md).
    pub source: String,
}

impl Observance {
    /// Its first day in `year`.
    pub fn start_in(&self, year: i16) -> Option<Date> {
        Date::new(year, self.month, self.day).ok()
    }

    /// "29 September" or "1–7 September" (or "25 August – 8 September").
    pub fn when(&self) -> String {
        let Some(start) = self.start_in(2025) else {
            return String::new();
        };
        span_label(start, self.days)
    }
}

/// A day or a run of days, as people write it.
pub fn span_label(start: Date, days: i16) -> String {
    let end = start
        .checked_add(jiff::Span::new().days(i64::from(days.max(1)) - 1))
        .unwrap_or(start);
    if end == start {
        start.strftime("%-d %B").to_string()
    } else if end.month() == start.month() {
        format!("{}–{}", start.day(), end.strftime("%-d %B"))
    } else {
        format!("{} – {}", start.strftime("%-d %B"), end.strftime("%-d %B"))
    }
}

/// A line of the catalogue that is not valid, with its line number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("observances line {line}: {message}")]
pub struct CatalogueError {
    pub line: usize,
    pub message: String,
}

/// Parse a catalogue in the shipped format. Every error names its line and the field.
pub fn parse_catalogue(text: &str) -> Result<Vec<Observance>, CatalogueError> {
    let mut out: Vec<Observance> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let l = raw.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let err = |message: String| CatalogueError { line, message };
        let f: Vec<&str> = l.split(',').map(str::trim).collect();
        let [key, start, days, scope, pillar, name, source] = f[..] else {
            return Err(err(format!(
                "expected 7 fields (key,start,days,scope,pillar,name,source), found {}",
                f.len()
            )));
        };
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(err(format!(
                "key {key:?} must be lower-case letters, digits and -"
            )));
        }
        if out.iter().any(|o| o.key == key) {
            return Err(err(format!("key {key:?} appears twice")));
        }
        let (month, day) = parse_month_day(start).map_err(err)?;
        let days: i16 = days
            .parse()
            .ok()
            .filter(|d| (1..=31).contains(d))
            .ok_or_else(|| err(format!("days {days:?} must be a number from 1 to 31")))?;
        let scope = match scope {
            "global" => Scope::Global,
            "india" => Scope::India,
            s => return Err(err(format!("scope {s:?} must be global or india"))),
        };
        let pillar = Pillar::parse(pillar)
            .map_err(|_| err(format!("pillar {pillar:?} is not a content pillar")))?;
        if name.is_empty() || source.is_empty() {
            return Err(err("name and source are required".into()));
        }
        out.push(Observance {
            key: key.into(),
            month,
            day,
            days,
            scope,
            pillar,
            name: name.into(),
            source: source.into(),
        });
    }
    out.sort_by_key(|o| (o.month, o.day));
    Ok(out)
}

/// `MM-DD` of a date that exists every year (so not 29 February).
pub fn parse_month_day(s: &str) -> Result<(i8, i8), String> {
    let bad = || format!("start {s:?} must be MM-DD, e.g. 09-29");
    let (m, d) = s.split_once('-').ok_or_else(bad)?;
    let (m, d): (i8, i8) = (m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
    if m == 2 && d == 29 {
        return Err("29 February does not come every year".into());
    }
    Date::new(2025, m, d).map_err(|_| format!("start {s:?} is not a day of the year"))?;
    Ok((m, d))
}

/// The shipped catalogue. The file is part of the build and a test parses it, so this
/// cannot fail in a released binary.
pub fn shipped() -> &'static [Observance] {
    static CATALOGUE: std::sync::OnceLock<Vec<Observance>> = std::sync::OnceLock::new();
    CATALOGUE.get_or_init(|| parse_catalogue(SHIPPED_CSV).expect("the shipped catalogue parses"))
}

/// The first day of each occurrence of a `days`-long observance starting on (month, day)
/// that overlaps `[from, until)`.
pub fn starts_overlapping(month: i8, day: i8, days: i16, from: Date, until: Date) -> Vec<Date> {
    let mut out = Vec::new();
    for year in (from.year() - 1)..=until.year() {
        let Ok(start) = Date::new(year, month, day) else {
            continue;
        };
        let end = start
            .checked_add(jiff::Span::new().days(i64::from(days.max(1))))
            .unwrap_or(start);
        if start < until && end > from {
            out.push(start);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_catalogue_parses_and_has_the_named_days() {
        let all = parse_catalogue(SHIPPED_CSV).unwrap();
        assert!(all.len() >= 25, "{} observances", all.len());
        let find = |k: &str| all.iter().find(|o| o.key == k).unwrap();
        assert_eq!(
            (find("world-health-day").month, find("world-health-day").day),
            (4, 7)
        );
        assert_eq!(find("world-heart-day").when(), "29 September");
        assert_eq!(find("national-doctors-day-india").when(), "1 July");
        assert_eq!(find("national-doctors-day-india").scope, Scope::India);
        assert_eq!(find("national-nutrition-week").when(), "1–7 September");
        assert_eq!(
            find("national-eye-donation-fortnight").when(),
            "25 August – 8 September"
        );
        assert_eq!(shipped().len(), all.len());
    }

    #[test]
    fn errors_name_the_line_and_field() {
        let e = parse_catalogue("# c\nx,13-01,1,global,education,X,WHO").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("not a day of the year"), "{e}");
        let e = parse_catalogue("x,01-01,1,global,education,X").unwrap_err();
        assert!(e.message.contains("expected 7 fields"), "{e}");
        let e = parse_catalogue("x,01-01,1,mars,education,X,WHO").unwrap_err();
        assert!(e.message.contains("scope"), "{e}");
        let e = parse_catalogue("x,01-01,1,global,memes,X,WHO").unwrap_err();
        assert!(e.message.contains("pillar"), "{e}");
        let e = parse_catalogue("x,02-29,1,global,education,X,WHO").unwrap_err();
        assert!(e.message.contains("February"), "{e}");
        let e = parse_catalogue("x,01-01,0,global,education,X,WHO").unwrap_err();
        assert!(e.message.contains("days"), "{e}");
        let two = "x,01-01,1,global,education,X,WHO\nx,01-02,1,global,education,Y,WHO";
        assert!(parse_catalogue(two).unwrap_err().message.contains("twice"));
        let e = parse_catalogue("X Y,01-01,1,global,education,X,WHO").unwrap_err();
        assert!(e.message.contains("key"), "{e}");
    }

    proptest::proptest! {
        #[test]
        fn catalogue_parser_never_panics(text in "([a-z0-9,# -]{0,40}\n){0,5}") {
            if let Ok(all) = parse_catalogue(&text) {
                for o in all {
                    proptest::prop_assert!(o.start_in(2026).is_some());
                }
            }
        }
    }

    #[test]
    fn occurrences_overlapping_a_range() {
        let d = |y, m, d| Date::new(y, m, d).unwrap();
        // A week that began before the range still shows.
        assert_eq!(
            starts_overlapping(9, 1, 7, d(2026, 9, 3), d(2026, 9, 10)),
            vec![d(2026, 9, 1)]
        );
        assert!(starts_overlapping(9, 29, 1, d(2026, 9, 1), d(2026, 9, 29)).is_empty());
        assert_eq!(
            starts_overlapping(1, 1, 1, d(2026, 12, 28), d(2027, 1, 4)),
            vec![d(2027, 1, 1)]
        );
        // A fortnight across the new year, seen from January.
        assert_eq!(
            starts_overlapping(12, 25, 14, d(2027, 1, 1), d(2027, 1, 2)),
            vec![d(2026, 12, 25)]
        );
    }
}
