//! Calendar dates as `YYYY-MM-DD` strings (what `<input type="date">` gives),
//! checked and shown the UK way: "21 November 2026".

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 31,
    }
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let ok = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        ok.then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`; anything else, or a day that does not exist, is `None`.
    pub fn parse(text: &str) -> Option<Date> {
        let text = text.trim();
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let digits = |s: &str| -> Option<u32> {
            s.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| s.parse().ok())
                .flatten()
        };
        let year = i32::try_from(digits(&text[0..4])?).ok()?;
        Date::new(year, digits(&text[5..7])?, digits(&text[8..10])?)
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn day_number(&self) -> i64 {
        // Howard Hinnant's days_from_civil, with March as the first month so
        // the leap day falls at the end of the year.
        let month = i64::from(self.month);
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` after 1970-01-01; `None` outside years 1 to 9999.
    pub fn from_day_number(days: i64) -> Option<Date> {
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date::new(
            i32::try_from(year).ok()?,
            u32::try_from(month).ok()?,
            u32::try_from(day).ok()?,
        )
    }

    /// "21 November 2026".
    pub fn long(&self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTHS[(self.month - 1) as usize],
            self.year
        )
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Shows a stored date short, for chart labels: "21 Nov 2026", or
/// `fallback` when it is empty or unreadable.
pub fn show_short(text: &str, fallback: &str) -> String {
    Date::parse(text).map_or_else(
        || fallback.to_string(),
        |d| {
            let month = MONTHS[(d.month - 1) as usize];
            format!("{} {} {}", d.day, &month[..3], d.year)
        },
    )
}

/// Shows a stored date the UK way, or `fallback` when it is empty or unreadable.
pub fn show(text: &str, fallback: &str) -> String {
    Date::parse(text).map_or_else(|| fallback.to_string(), |d| d.long())
}

/// The `YYYY-MM-DD` date `days` after (or, when negative, before) `text`;
/// `None` when `text` is not a real date.
pub fn add_days(text: &str, days: i64) -> Option<String> {
    let start = Date::parse(text)?.day_number();
    Date::from_day_number(start.checked_add(days)?).map(|d| d.to_string())
}

/// How many days from `from` to `to`: positive when `to` is later, 0 on the
/// same day, `None` when either is not a real date.
pub fn days_between(from: &str, to: &str) -> Option<i64> {
    Some(Date::parse(to)?.day_number() - Date::parse(from)?.day_number())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_dates_only() {
        assert_eq!(Date::parse("2026-11-21"), Date::new(2026, 11, 21));
        assert_eq!(Date::parse(" 2024-02-29 "), Date::new(2024, 2, 29));
        for bad in [
            "",
            "2025-02-29",
            "2026-13-01",
            "2026-00-10",
            "21/11/2026",
            "2026-1-01",
            "abcd-ef-gh",
            "+026-11-21",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn shows_dates_the_uk_way() {
        assert_eq!(show("2026-11-01", "-"), "1 November 2026");
        assert_eq!(show("", "No date"), "No date");
        assert_eq!(show_short("2026-09-05", "-"), "5 Sep 2026");
        assert_eq!(show_short("2026-11-21", "-"), "21 Nov 2026");
        assert_eq!(show_short("2026-02-30", "?"), "?");
        assert_eq!(
            Date::new(2026, 3, 5).map(|d| d.to_string()),
            Some("2026-03-05".to_string())
        );
    }

    #[test]
    fn dates_order_by_calendar() {
        assert!(Date::parse("2026-01-31") < Date::parse("2026-02-01"));
    }

    #[test]
    fn day_numbers_start_at_1970() {
        assert_eq!(Date::new(1970, 1, 1).map(|d| d.day_number()), Some(0));
        assert_eq!(Date::new(2000, 3, 1).map(|d| d.day_number()), Some(11_017));
        assert_eq!(Date::new(1969, 12, 31).map(|d| d.day_number()), Some(-1));
        for text in ["0001-01-01", "1600-02-29", "2024-02-29", "9999-12-31"] {
            let back = Date::parse(text).and_then(|d| Date::from_day_number(d.day_number()));
            assert_eq!(back.map(|d| d.to_string()).as_deref(), Some(text));
        }
    }

    #[test]
    fn adds_days_across_month_and_year_ends() {
        let cases = [
            ("2026-01-31", 1, "2026-02-01"),
            ("2026-02-28", 1, "2026-03-01"),
            ("2024-02-28", 1, "2024-02-29"),
            ("2024-02-29", 1, "2024-03-01"),
            ("2026-12-31", 1, "2027-01-01"),
            ("2027-01-01", -1, "2026-12-31"),
            ("2024-03-01", -1, "2024-02-29"),
            ("2026-11-21", 0, "2026-11-21"),
            ("2026-11-21", 42, "2027-01-02"),
            ("2024-01-01", 366, "2025-01-01"),
            ("2023-01-01", 365, "2024-01-01"),
            ("1900-02-28", 1, "1900-03-01"),
            ("2000-02-28", 1, "2000-02-29"),
        ];
        for (from, days, want) in cases {
            assert_eq!(
                add_days(from, days).as_deref(),
                Some(want),
                "{from} + {days}"
            );
        }
        assert_eq!(add_days("", 1), None);
        assert_eq!(add_days("2025-02-29", 1), None);
        assert_eq!(add_days("9999-12-31", 1), None);
        assert_eq!(add_days("0001-01-01", -1), None);
        assert_eq!(add_days("2026-01-01", i64::MAX), None);
    }

    #[test]
    fn counts_days_between_dates() {
        assert_eq!(days_between("2026-11-21", "2026-11-21"), Some(0));
        assert_eq!(days_between("2026-11-21", "2026-11-28"), Some(7));
        assert_eq!(days_between("2026-11-28", "2026-11-21"), Some(-7));
        assert_eq!(days_between("2024-02-01", "2024-03-01"), Some(29));
        assert_eq!(days_between("2025-02-01", "2025-03-01"), Some(28));
        assert_eq!(days_between("2025-12-31", "2026-01-01"), Some(1));
        assert_eq!(days_between("2024-01-01", "2025-01-01"), Some(366));
        assert_eq!(days_between("2000-01-01", "2100-01-01"), Some(36_525));
        assert_eq!(days_between("2026-11-21", "soon"), None);
        assert_eq!(days_between("", "2026-11-21"), None);
    }
}
