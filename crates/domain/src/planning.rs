//! Strategy: the intended content mix (PLAN-4) and goals (PLAN-1), as values that can only
//! be valid. Progress is computed by the service from counts the store provides.

use jiff::civil::Date;
use serde::Serialize;

use crate::content::Pillar;
use crate::fields::{DisplayName, FieldError};

/// The intended share of each pillar, whole percentages adding up to 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContentMix([u8; 7]);

impl ContentMix {
    /// From (pillar, percentage) pairs as typed: a blank percentage is 0, a pillar left out
    /// is 0. Each problem names its pillar; a wrong total is reported on `total`.
    pub fn parse(entries: &[(String, String)]) -> Result<ContentMix, Vec<FieldError>> {
        let mut shares = [0u8; 7];
        let mut errors = Vec::new();
        for (pillar, raw) in entries {
            let Some(i) = Pillar::ALL.iter().position(|p| p.as_str() == pillar.trim()) else {
                errors.push(FieldError::new(
                    "pillar",
                    format!("{pillar:?} is not a content pillar"),
                ));
                continue;
            };
            let field = Pillar::ALL[i].as_str();
            let raw = raw.trim().trim_end_matches('%').trim();
            if raw.is_empty() {
                continue;
            }
            match raw.parse::<u8>() {
                Ok(n) if n <= 100 => shares[i] = n,
                _ => errors.push(FieldError::new(
                    field,
                    format!("{raw:?} must be a whole number from 0 to 100"),
                )),
            }
        }
        let total: u32 = shares.iter().map(|&s| u32::from(s)).sum();
        if errors.is_empty() && total != 100 {
            errors.push(FieldError::new(
                "total",
                format!("the percentages add up to {total}; they must add up to 100"),
            ));
        }
        if errors.is_empty() {
            Ok(ContentMix(shares))
        } else {
            Err(errors)
        }
    }

    pub fn percent(&self, p: Pillar) -> u8 {
        Pillar::ALL
            .iter()
            .position(|x| *x == p)
            .map_or(0, |i| self.0[i])
    }

    /// Every pillar with its share, in the order of [`Pillar::ALL`].
    pub fn shares(&self) -> impl Iterator<Item = (Pillar, u8)> + '_ {
        Pillar::ALL.into_iter().zip(self.0)
    }
}

/// What a goal counts. Some metrics need analytics that do not exist yet; those goals are
/// kept and shown without progress until they do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Posts published in the period.
    PostsPublished,
    /// Posts of one pillar published in the period.
    PostsPublishedPerPillar,
    /// Posts approved, scheduled or published for the period.
    PostsPlanned,
    Engagements,
    LinkClicks,
    FollowersGained,
}

impl Metric {
    pub const ALL: [Metric; 6] = [
        Metric::PostsPublished,
        Metric::PostsPublishedPerPillar,
        Metric::PostsPlanned,
        Metric::Engagements,
        Metric::LinkClicks,
        Metric::FollowersGained,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Metric::PostsPublished => "posts_published",
            Metric::PostsPublishedPerPillar => "posts_published_per_pillar",
            Metric::PostsPlanned => "posts_planned",
            Metric::Engagements => "engagements",
            Metric::LinkClicks => "link_clicks",
            Metric::FollowersGained => "followers_gained",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Metric::PostsPublished => "Posts published",
            Metric::PostsPublishedPerPillar => "Posts published in one pillar",
            Metric::PostsPlanned => "Posts planned (approved, scheduled or published)",
            Metric::Engagements => "Engagements (needs analytics)",
            Metric::LinkClicks => "Link clicks (needs analytics)",
            Metric::FollowersGained => "Followers gained (needs analytics)",
        }
    }

    pub fn parse(s: &str) -> Result<Metric, FieldError> {
        Metric::ALL
            .into_iter()
            .find(|m| m.as_str() == s.trim())
            .ok_or_else(|| {
                FieldError::new(
                    "metric",
                    format!(
                        "must be one of {}",
                        Metric::ALL.map(Metric::as_str).join(", ")
                    ),
                )
            })
    }

    /// Whether Bedside has the data to measure it today.
    pub fn measured_now(self) -> bool {
        matches!(
            self,
            Metric::PostsPublished | Metric::PostsPublishedPerPillar | Metric::PostsPlanned
        )
    }
}

/// A valid goal: a name, what it counts, how many, between two dates (both included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalSpec {
    pub name: DisplayName,
    pub metric: Metric,
    /// Set exactly when the metric is per pillar.
    pub pillar: Option<Pillar>,
    pub target: i64,
    pub starts_on: Date,
    pub ends_on: Date,
}

/// A goal as typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct GoalDraft {
    pub name: String,
    pub metric: String,
    #[serde(default)]
    pub pillar: Option<String>,
    pub target: String,
    pub starts_on: String,
    pub ends_on: String,
}

pub const MAX_TARGET: i64 = 10_000_000;

fn parse_date(field: &'static str, raw: &str) -> Result<Date, FieldError> {
    raw.trim().parse::<Date>().map_err(|_| {
        FieldError::new(
            field,
            format!("{:?} is not a date like 2026-12-31", raw.trim()),
        )
    })
}

impl GoalSpec {
    pub fn parse(d: &GoalDraft) -> Result<GoalSpec, Vec<FieldError>> {
        let mut errors = Vec::new();
        fn keep<T>(errors: &mut Vec<FieldError>, r: Result<T, FieldError>) -> Option<T> {
            r.map_err(|e| errors.push(e)).ok()
        }
        macro_rules! take {
            ($e:expr $(,)?) => {
                keep(&mut errors, $e)
            };
        }
        let name = take!(DisplayName::parse(&d.name));
        let metric = take!(Metric::parse(&d.metric));
        let pillar_raw = d.pillar.as_deref().map(str::trim).filter(|p| !p.is_empty());
        let pillar = match (metric, pillar_raw) {
            (Some(Metric::PostsPublishedPerPillar), None) => take!(Err(FieldError::new(
                "pillar",
                "is required for posts_published_per_pillar",
            ))),
            (Some(Metric::PostsPublishedPerPillar), Some(p)) => take!(Pillar::parse(p)),
            (_, Some(_)) => take!(Err(FieldError::new(
                "pillar",
                "is only for posts_published_per_pillar",
            ))),
            (_, None) => None,
        };
        let target = take!(d
            .target
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|t| (1..=MAX_TARGET).contains(t))
            .ok_or_else(|| {
                FieldError::new(
                    "target",
                    format!("must be a whole number from 1 to {MAX_TARGET}"),
                )
            }),);
        let start = take!(parse_date("starts_on", &d.starts_on));
        let end = take!(parse_date("ends_on", &d.ends_on));
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                errors.push(FieldError::new("ends_on", "is before the start"));
            } else if (e - s).get_days() > 3 * 366 {
                errors.push(FieldError::new(
                    "ends_on",
                    "a goal's period is at most three years",
                ));
            }
        }
        match (name, metric, target, start, end) {
            (Some(name), Some(metric), Some(target), Some(starts_on), Some(ends_on))
                if errors.is_empty() =>
            {
                Ok(GoalSpec {
                    name,
                    metric,
                    pillar,
                    target,
                    starts_on,
                    ends_on,
                })
            }
            _ => Err(errors),
        }
    }
}

/// Whole percent of `target` reached, capped at 100 for display bars.
pub fn percent_of(value: i64, target: i64) -> i64 {
    if target <= 0 {
        return 0;
    }
    (value.max(0).saturating_mul(100) / target).min(100)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn mix_must_add_up_to_100() {
        let m = ContentMix::parse(&pairs(&[
            ("education", "40"),
            ("community", "30%"),
            ("patient_story", " 30 "),
            ("qa_live", ""),
        ]))
        .unwrap();
        assert_eq!(m.percent(Pillar::Education), 40);
        assert_eq!(m.percent(Pillar::QaLive), 0);
        let e = ContentMix::parse(&pairs(&[("education", "40"), ("community", "50")])).unwrap_err();
        assert_eq!(e[0].field, "total");
        assert!(e[0].message.contains("add up to 90"), "{:?}", e);
    }

    #[test]
    fn mix_errors_name_the_pillar() {
        let e = ContentMix::parse(&pairs(&[
            ("education", "120"),
            ("community", "-5"),
            ("memes", "10"),
            ("qa_live", "ten"),
        ]))
        .unwrap_err();
        let fields: Vec<_> = e.iter().map(|f| f.field).collect();
        assert_eq!(fields, ["education", "community", "pillar", "qa_live"]);
    }

    fn draft(metric: &str, pillar: Option<&str>, target: &str, s: &str, e: &str) -> GoalDraft {
        GoalDraft {
            name: "More education".into(),
            metric: metric.into(),
            pillar: pillar.map(str::to_string),
            target: target.into(),
            starts_on: s.into(),
            ends_on: e.into(),
        }
    }

    #[test]
    fn goals_parse() {
        let g = GoalSpec::parse(&draft(
            "posts_published_per_pillar",
            Some("education"),
            "12",
            "2026-12-01",
            "2026-12-31",
        ))
        .unwrap();
        assert_eq!(
            (g.metric, g.pillar, g.target),
            (Metric::PostsPublishedPerPillar, Some(Pillar::Education), 12)
        );
        let e = GoalSpec::parse(&draft(
            "posts_published_per_pillar",
            None,
            "0",
            "2026-12-31",
            "2026-12-01",
        ))
        .unwrap_err();
        let fields: Vec<_> = e.iter().map(|f| f.field).collect();
        assert_eq!(fields, ["pillar", "target", "ends_on"]);
        let e = GoalSpec::parse(&draft(
            "posts_published",
            Some("education"),
            "5",
            "x",
            "2026-12-01",
        ))
        .unwrap_err();
        let fields: Vec<_> = e.iter().map(|f| f.field).collect();
        assert_eq!(fields, ["pillar", "starts_on"]);
        let e =
            GoalSpec::parse(&draft("likes", None, "5", "2026-01-01", "2026-12-01")).unwrap_err();
        assert_eq!(e[0].field, "metric");
        assert!(!Metric::Engagements.measured_now() && Metric::PostsPlanned.measured_now());
    }

    proptest::proptest! {
        #[test]
        fn mix_parses_exactly_when_the_shares_add_up(
            shares in proptest::collection::vec(
                (proptest::sample::select(Pillar::ALL.to_vec()), 0u8..=120),
                0..12,
            )
        ) {
            let entries: Vec<(String, String)> =
                shares.iter().map(|(p, n)| (p.as_str().to_string(), n.to_string())).collect();
            // A later entry for the same pillar replaces an earlier one.
            let mut model = [0u32; 7];
            for (p, n) in &shares {
                model[Pillar::ALL.iter().position(|x| x == p).unwrap_or(0)] = u32::from(*n);
            }
            let valid = shares.iter().all(|(_, n)| *n <= 100) && model.iter().sum::<u32>() == 100;
            match ContentMix::parse(&entries) {
                Ok(m) => {
                    proptest::prop_assert!(valid);
                    let total: u32 = m.shares().map(|(_, n)| u32::from(n)).sum();
                    proptest::prop_assert_eq!(total, 100);
                }
                Err(e) => {
                    proptest::prop_assert!(!valid);
                    proptest::prop_assert!(!e.is_empty());
                }
            }
        }

        #[test]
        fn goal_parser_never_panics(
            metric in "[a-z_]{0,30}", target in ".{0,12}", s in ".{0,12}", e in ".{0,12}"
        ) {
            let _ = GoalSpec::parse(&draft(&metric, Some("education"), &target, &s, &e));
        }
    }

    #[test]
    fn percent_is_capped() {
        assert_eq!(percent_of(5, 10), 50);
        assert_eq!(percent_of(15, 10), 100);
        assert_eq!(percent_of(1, 0), 0);
    }
}
