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

/// Shows a stored date the UK way, or `fallback` when it is empty or unreadable.
pub fn show(text: &str, fallback: &str) -> String {
    Date::parse(text).map_or_else(|| fallback.to_string(), |d| d.long())
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
        assert_eq!(
            Date::new(2026, 3, 5).map(|d| d.to_string()),
            Some("2026-03-05".to_string())
        );
    }

    #[test]
    fn dates_order_by_calendar() {
        assert!(Date::parse("2026-01-31") < Date::parse("2026-02-01"));
    }
}
