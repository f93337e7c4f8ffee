use super::*;
use proptest::prelude::*;

/// 2024-01-02T15:04:05Z
const T: i64 = 1_704_207_845_000;

#[test]
fn rfc822_canonical_and_variants() {
    for s in [
        "Tue, 02 Jan 2024 15:04:05 GMT",
        "Tue, 02 Jan 2024 15:04:05 +0000",
        "Tue, 2 Jan 2024 15:04:05 UT",
        "Tuesday, 02 January 2024 15:04:05 Z",
        "02 Jan 2024 15:04:05 -0000",
        "Tue, 02 Jan 2024 10:04:05 EST",
        "Tue, 02 Jan 2024 07:04:05 PST",
        "Tue, 02 Jan 2024 20:34:05 IST",
        "Tue, 02 Jan 2024 20:34:05 +05:30",
        "Tue, 02 Jan 2024 20:34:05 GMT+5:30",
        "Tue, 02 Jan 2024 15:04:05 GMT (Coordinated Universal Time)",
        "Tue, 02 Jan 24 15:04:05 GMT",
        "Tue 02 Jan 2024 15:04:05",
        "Jan 2, 2024 3:04:05 PM GMT",
        "Tue Jan  2 15:04:05 2024",
        "02-Jan-2024 15:04:05 +0000",
        "Tue, 02 Jan 2024 15:04:05+0000",
        "Tues, 02 Jan. 2024 15:04:05 XYZ",
        "tue, 02 jan 2024 15:04:05 gmt",
    ] {
        assert_eq!(parse_rfc2822(s), Some(T), "{s}");
    }
    assert_eq!(parse_rfc2822("Tue, 02 Jan 2024 15:04 GMT"), Some(T - 5_000));
    assert_eq!(
        parse_rfc2822("2 Jan 2024"),
        Some(T - (15 * 3600 + 4 * 60 + 5) * 1000)
    );
    assert_eq!(
        parse_rfc2822("Sun, 01 Jan 1950 00:00:00 GMT"),
        Some(-631_152_000_000)
    );
}

#[test]
fn rfc822_rejects_nonsense() {
    for s in [
        "",
        "yesterday",
        "Tue, 31 Feb 2024 15:04:05 GMT",
        "Tue, 02 Foo 2024 15:04:05 GMT",
        "Tue, 02 Jan 2024 25:04:05 GMT",
        "Tue, 02 Jan 2024 15:04:05 +9999",
        "Tue, 02 Jan 2024 15:04:05 GMT extra words here",
        "02 Jan",
    ] {
        assert_eq!(parse_rfc2822(s), None, "{s}");
    }
}

#[test]
fn rfc3339_and_w3cdtf() {
    for s in [
        "2024-01-02T15:04:05Z",
        "2024-01-02t15:04:05z",
        "2024-01-02T15:04:05+00:00",
        "2024-01-02T20:34:05+05:30",
        "2024-01-02T10:04:05-05:00",
        "2024-01-02 15:04:05",
        "  2024-01-02T15:04:05.000Z  ",
    ] {
        assert_eq!(parse_rfc3339(s), Some(T), "{s}");
    }
    assert_eq!(parse_rfc3339("2024-01-02T15:04:05.25Z"), Some(T + 250));
    assert_eq!(parse_rfc3339("2024-01-02T15:04Z"), Some(T - 5_000));
    assert_eq!(parse_rfc3339("2024-01-02"), Some(1_704_153_600_000));
    assert_eq!(parse_rfc3339("2024-01"), Some(1_704_067_200_000));
    assert_eq!(parse_rfc3339("1970"), Some(0));
    assert_eq!(
        parse_rfc3339("2024-02-29T00:00:00Z"),
        Some(1_709_164_800_000)
    );
    for s in [
        "2023-02-29",
        "2024-13-01",
        "24-01-02",
        "2024-01-02T15:04:05Q",
        "2024-01-02-03",
    ] {
        assert_eq!(parse_rfc3339(s), None, "{s}");
    }
}

#[test]
fn either_order_falls_back() {
    assert_eq!(parse_date("2024-01-02T15:04:05Z", false), Some(T));
    assert_eq!(parse_date("Tue, 02 Jan 2024 15:04:05 GMT", true), Some(T));
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

proptest! {
    #[test]
    fn never_panics(s in ".{0,60}") {
        let _ = parse_rfc2822(&s);
        let _ = parse_rfc3339(&s);
    }

    #[test]
    fn both_formats_agree_with_the_calendar(
        year in 1970i64..2100, month in 1u32..=12, day in 1u32..=28,
        hour in 0u32..24, minute in 0u32..60, second in 0u32..60,
        offset in -720i64..=840,
    ) {
        let sign = if offset < 0 { '-' } else { '+' };
        let (oh, om) = (offset.abs() / 60, offset.abs() % 60);
        let rfc822 = format!(
            "{day} {} {year} {hour:02}:{minute:02}:{second:02} {sign}{oh:02}{om:02}",
            MONTHS[month as usize - 1]
        );
        let iso = format!(
            "{year}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}{sign}{oh:02}:{om:02}"
        );
        let a = parse_rfc2822(&rfc822);
        prop_assert!(a.is_some(), "{}", rfc822);
        prop_assert_eq!(a, parse_rfc3339(&iso));
        // Independent check: whole days since the epoch plus the time of day.
        let ms = a.unwrap_or_default() + offset * 60_000;
        let day_ms = i64::from(hour * 3600 + minute * 60 + second) * 1000;
        prop_assert_eq!(ms.rem_euclid(86_400_000), day_ms);
    }
}
