//! Recurrence rules for series (PLAN-6): a small, explicit subset of iCalendar RRULE.
//!
//! `FREQ=WEEKLY;INTERVAL=1;BYDAY=TU,TH;TIME=18:00;START=2026-12-01;UNTIL=2027-06-30`
//! `FREQ=MONTHLY;BYSETPOS=1;BYDAY=SA;TIME=10:30;START=2026-12-01;COUNT=6` (first Saturday)
//! `FREQ=MONTHLY;BYMONTHDAY=15;TIME=09:00;START=2026-12-01`
//!
//! Times are wall-clock times in the organisation's zone: a 6 pm webinar stays at 6 pm
//! local across daylight-saving changes (its UTC instant moves). A wall time that does not
//! exist on a transition day (a spring-forward gap) moves forward past the gap.

use jiff::civil::{Date, Time, Weekday};
use jiff::tz::TimeZone;
use jiff::Timestamp;

use crate::fields::FieldError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Frequency {
    Weekly {
        days: Vec<Weekday>,
    },
    /// The nth (1–4, or -1 for last) given weekday of the month.
    MonthlyByWeekday {
        nth: i8,
        day: Weekday,
    },
    MonthlyByDay {
        day: i8,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub freq: Frequency,
    pub interval: u16,
    pub time: Time,
    pub start: Date,
    pub until: Option<Date>,
    pub count: Option<u32>,
}

const DAYS: [(&str, Weekday); 7] = [
    ("MO", Weekday::Monday),
    ("TU", Weekday::Tuesday),
    ("WE", Weekday::Wednesday),
    ("TH", Weekday::Thursday),
    ("FR", Weekday::Friday),
    ("SA", Weekday::Saturday),
    ("SU", Weekday::Sunday),
];

fn day_code(d: Weekday) -> &'static str {
    DAYS.iter()
        .find(|(_, w)| *w == d)
        .map(|(c, _)| *c)
        .unwrap_or("MO")
}

fn bad(msg: impl Into<String>) -> FieldError {
    FieldError::new("rule", msg)
}

fn parse_day(s: &str) -> Result<Weekday, FieldError> {
    DAYS.iter()
        .find(|(c, _)| *c == s)
        .map(|(_, d)| *d)
        .ok_or_else(|| bad(format!("{s:?} is not a weekday code (MO…SU)")))
}

impl Rule {
    pub fn parse(raw: &str) -> Result<Rule, FieldError> {
        let mut freq = None;
        let (mut interval, mut time, mut start, mut until, mut count) =
            (1u16, None, None, None, None);
        let (mut byday, mut setpos, mut monthday) = (Vec::new(), None, None);
        for part in raw.trim().split(';').filter(|p| !p.trim().is_empty()) {
            let (k, v) = part
                .split_once('=')
                .ok_or_else(|| bad(format!("{part:?} is not KEY=VALUE")))?;
            let v = v.trim();
            match k.trim().to_ascii_uppercase().as_str() {
                "FREQ" => freq = Some(v.to_ascii_uppercase()),
                "INTERVAL" => {
                    interval = v
                        .parse()
                        .ok()
                        .filter(|n| (1..=52).contains(n))
                        .ok_or_else(|| bad("INTERVAL must be 1 to 52"))?
                }
                "BYDAY" => {
                    byday = v
                        .split(',')
                        .map(|d| parse_day(d.trim().to_ascii_uppercase().as_str()))
                        .collect::<Result<_, _>>()?
                }
                "BYSETPOS" => {
                    setpos = Some(
                        v.parse::<i8>()
                            .ok()
                            .filter(|n| matches!(n, 1..=4 | -1))
                            .ok_or_else(|| bad("BYSETPOS must be 1 to 4 or -1"))?,
                    )
                }
                "BYMONTHDAY" => {
                    monthday = Some(
                        v.parse::<i8>()
                            .ok()
                            .filter(|n| (1..=28).contains(n))
                            .ok_or_else(|| bad("BYMONTHDAY must be 1 to 28"))?,
                    )
                }
                "TIME" => {
                    time = Some(
                        v.parse::<Time>()
                            .map_err(|_| bad("TIME must look like 18:00"))?,
                    )
                }
                "START" => {
                    start = Some(
                        v.parse::<Date>()
                            .map_err(|_| bad("START must be a date like 2026-12-01"))?,
                    )
                }
                "UNTIL" => {
                    until = Some(
                        v.parse::<Date>()
                            .map_err(|_| bad("UNTIL must be a date like 2027-06-30"))?,
                    )
                }
                "COUNT" => {
                    count = Some(
                        v.parse::<u32>()
                            .ok()
                            .filter(|n| (1..=1000).contains(n))
                            .ok_or_else(|| bad("COUNT must be 1 to 1000"))?,
                    )
                }
                other => return Err(bad(format!("unknown part {other:?}"))),
            }
        }
        let freq = match (freq.as_deref(), setpos, monthday) {
            (Some("WEEKLY"), None, None) if !byday.is_empty() => Frequency::Weekly { days: byday },
            (Some("WEEKLY"), _, _) => {
                return Err(bad(
                    "a weekly rule needs BYDAY (e.g. BYDAY=TH) and nothing monthly",
                ))
            }
            (Some("MONTHLY"), Some(nth), None) if byday.len() == 1 => {
                Frequency::MonthlyByWeekday { nth, day: byday[0] }
            }
            (Some("MONTHLY"), None, Some(day)) if byday.is_empty() => {
                Frequency::MonthlyByDay { day }
            }
            (Some("MONTHLY"), _, _) => {
                return Err(bad(
                    "a monthly rule needs BYSETPOS with one BYDAY (first Tuesday) or BYMONTHDAY",
                ))
            }
            _ => return Err(bad("FREQ must be WEEKLY or MONTHLY")),
        };
        let time = time.ok_or_else(|| bad("TIME is required"))?;
        let start = start.ok_or_else(|| bad("START is required"))?;
        if until.is_some_and(|u| u < start) {
            return Err(bad("UNTIL is before START"));
        }
        Ok(Rule {
            freq,
            interval,
            time,
            start,
            until,
            count,
        })
    }

    pub fn to_rule_string(&self) -> String {
        let mut s = match &self.freq {
            Frequency::Weekly { days } => {
                format!(
                    "FREQ=WEEKLY;BYDAY={}",
                    days.iter()
                        .map(|d| day_code(*d))
                        .collect::<Vec<_>>()
                        .join(",")
                )
            }
            Frequency::MonthlyByWeekday { nth, day } => {
                format!("FREQ=MONTHLY;BYSETPOS={nth};BYDAY={}", day_code(*day))
            }
            Frequency::MonthlyByDay { day } => format!("FREQ=MONTHLY;BYMONTHDAY={day}"),
        };
        s.push_str(&format!(
            ";INTERVAL={};TIME={};START={}",
            self.interval,
            self.time.strftime("%H:%M"),
            self.start
        ));
        if let Some(u) = self.until {
            s.push_str(&format!(";UNTIL={u}"));
        }
        if let Some(c) = self.count {
            s.push_str(&format!(";COUNT={c}"));
        }
        s
    }

    /// Local dates of occurrences, in order, from the start; stops at UNTIL, COUNT, or
    /// `horizon` (exclusive).
    pub fn dates_until(&self, horizon: Date) -> Vec<Date> {
        let mut out = Vec::new();
        let limit = self.count.map(|c| c as usize).unwrap_or(usize::MAX);
        let last = self
            .until
            .map(|u| u.min(horizon.yesterday().unwrap_or(horizon)))
            .unwrap_or(horizon.yesterday().unwrap_or(horizon));
        match &self.freq {
            Frequency::Weekly { days } => {
                let week0 = self.start.first_of_week_monday();
                let mut week = week0;
                while week <= last && out.len() < limit {
                    for offset in 0..7 {
                        let Ok(d) = week.checked_add(jiff::Span::new().days(offset)) else {
                            continue;
                        };
                        if d >= self.start
                            && d <= last
                            && days.contains(&d.weekday())
                            && out.len() < limit
                        {
                            out.push(d);
                        }
                    }
                    let Ok(next) =
                        week.checked_add(jiff::Span::new().weeks(i64::from(self.interval)))
                    else {
                        break;
                    };
                    week = next;
                }
            }
            Frequency::MonthlyByWeekday { .. } | Frequency::MonthlyByDay { .. } => {
                let mut month = self.start.first_of_month();
                while month <= last && out.len() < limit {
                    let d = match &self.freq {
                        Frequency::MonthlyByWeekday { nth, day } => {
                            month.nth_weekday_of_month(*nth, *day).ok()
                        }
                        Frequency::MonthlyByDay { day } => month.with().day(*day).build().ok(),
                        Frequency::Weekly { .. } => None,
                    };
                    if let Some(d) = d.filter(|d| *d >= self.start && *d <= last) {
                        out.push(d);
                    }
                    let Ok(next) =
                        month.checked_add(jiff::Span::new().months(i64::from(self.interval)))
                    else {
                        break;
                    };
                    month = next;
                }
            }
        }
        out
    }

    /// Occurrence instants (UTC) before `horizon`, with the wall time applied in `tz`.
    pub fn instants_until(&self, tz: &TimeZone, horizon: Date) -> Vec<Timestamp> {
        self.dates_until(horizon)
            .into_iter()
            .filter_map(|d| {
                d.to_datetime(self.time)
                    .to_zoned(tz.clone())
                    .ok()
                    .map(|z| z.timestamp())
            })
            .collect()
    }
}

trait FirstOfWeek {
    fn first_of_week_monday(self) -> Date;
}

impl FirstOfWeek for Date {
    fn first_of_week_monday(self) -> Date {
        let back = i64::from(self.weekday().to_monday_zero_offset());
        self.checked_sub(jiff::Span::new().days(back))
            .unwrap_or(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn weekly_wall_time_survives_dst() {
        let r = Rule::parse("FREQ=WEEKLY;BYDAY=TH;TIME=18:00;START=2026-10-22").unwrap();
        let tz = TimeZone::get("America/New_York").unwrap();
        let got = r.instants_until(&tz, date(2026, 11, 13));
        // 22 Oct, 29 Oct (EDT, UTC-4) then 5 Nov, 12 Nov (EST, UTC-5): 22:00Z then 23:00Z.
        let utc: Vec<String> = got.iter().map(|t| t.to_string()).collect();
        assert_eq!(
            utc,
            [
                "2026-10-22T22:00:00Z",
                "2026-10-29T22:00:00Z",
                "2026-11-05T23:00:00Z",
                "2026-11-12T23:00:00Z"
            ]
        );
    }

    #[test]
    fn spring_forward_gap_moves_forward() {
        let r = Rule::parse("FREQ=WEEKLY;BYDAY=SU;TIME=02:30;START=2027-03-14;COUNT=1").unwrap();
        let tz = TimeZone::get("America/New_York").unwrap();
        let got = r.instants_until(&tz, date(2027, 4, 1));
        assert_eq!(
            got[0].to_string(),
            "2027-03-14T07:30:00Z",
            "02:30 does not exist; 03:30 EDT"
        );
    }

    #[test]
    fn monthly_first_saturday_and_count() {
        let r = Rule::parse("FREQ=MONTHLY;BYSETPOS=1;BYDAY=SA;TIME=10:30;START=2026-12-01;COUNT=3")
            .unwrap();
        assert_eq!(
            r.dates_until(date(2028, 1, 1)),
            [date(2026, 12, 5), date(2027, 1, 2), date(2027, 2, 6)]
        );
        let r = Rule::parse(
            "FREQ=MONTHLY;BYSETPOS=-1;BYDAY=FR;TIME=10:30;START=2026-12-01;UNTIL=2027-01-31",
        )
        .unwrap();
        assert_eq!(
            r.dates_until(date(2028, 1, 1)),
            [date(2026, 12, 25), date(2027, 1, 29)]
        );
    }

    #[test]
    fn fortnightly_and_round_trip() {
        let r =
            Rule::parse("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;TIME=09:00;START=2026-12-02").unwrap();
        assert_eq!(
            r.dates_until(date(2026, 12, 20)),
            [date(2026, 12, 2), date(2026, 12, 14), date(2026, 12, 16)]
        );
        assert_eq!(Rule::parse(&r.to_rule_string()).unwrap(), r);
    }

    #[test]
    fn errors_are_precise() {
        let e = |s: &str| Rule::parse(s).unwrap_err().message;
        assert_eq!(
            e("FREQ=DAILY;TIME=09:00;START=2026-12-01"),
            "FREQ must be WEEKLY or MONTHLY"
        );
        assert_eq!(
            e("FREQ=WEEKLY;BYDAY=XX;TIME=09:00;START=2026-12-01"),
            "\"XX\" is not a weekday code (MO…SU)"
        );
        assert_eq!(
            e("FREQ=WEEKLY;BYDAY=MO;START=2026-12-01"),
            "TIME is required"
        );
        assert_eq!(
            e("FREQ=WEEKLY;BYDAY=MO;TIME=9am;START=2026-12-01"),
            "TIME must look like 18:00"
        );
    }

    proptest::proptest! {
        #[test]
        fn parser_never_panics(s in ".{0,120}") {
            let _ = Rule::parse(&s);
        }

        #[test]
        fn occurrences_are_sorted_unique_and_bounded(days in proptest::collection::vec(0usize..7, 1..4), interval in 1u16..5, count in proptest::option::of(1u32..30)) {
            let codes: Vec<&str> = days.iter().map(|i| DAYS[*i].0).collect();
            let mut s = format!("FREQ=WEEKLY;INTERVAL={interval};BYDAY={};TIME=07:15;START=2026-03-01", codes.join(","));
            if let Some(c) = count { s.push_str(&format!(";COUNT={c}")); }
            let r = Rule::parse(&s).unwrap();
            let got = r.dates_until(date(2027, 3, 1));
            proptest::prop_assert!(got.windows(2).all(|w| w[0] < w[1]));
            proptest::prop_assert!(got.iter().all(|d| *d >= date(2026, 3, 1) && *d < date(2027, 3, 1)));
            if let Some(c) = count { proptest::prop_assert!(got.len() <= c as usize); }
        }
    }
}
