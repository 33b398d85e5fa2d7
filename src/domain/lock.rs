//! Protecting the device's data with a passphrase: the rules for the
//! passphrase, the idle times offered, and the growing wait after wrong
//! passphrases. Pure; the encryption itself is WebCrypto's
//! (`crate::crypto`, `storage::keyring`, `storage::seal`).

/// The shortest passphrase accepted for the device.
pub const MIN_PASSPHRASE: usize = 10;

/// PBKDF2-HMAC-SHA256 iterations for the key that wraps the data key.
pub const ITERATIONS: u32 = 600_000;

/// The idle times offered, in minutes, as "Lock after" lists them.
pub const IDLE_CHOICES: [&str; 4] = ["5 minutes", "10 minutes", "15 minutes", "30 minutes"];

/// Minutes without use before Linkwheel locks, unless chosen otherwise.
pub const DEFAULT_IDLE_MINUTES: u32 = 10;

/// The longest wait between tries after wrong passphrases: 5 minutes.
pub const MAX_WAIT_SECONDS: u32 = 300;

/// `IDLE_CHOICES`' words for `minutes` ("10 minutes"); the default's when
/// `minutes` is not one of them.
pub fn idle_words(minutes: u32) -> &'static str {
    IDLE_CHOICES
        .iter()
        .find(|c| idle_minutes(c) == Some(minutes))
        .copied()
        .unwrap_or(IDLE_CHOICES[1])
}

/// The minutes in one of `IDLE_CHOICES` ("15 minutes" is 15).
pub fn idle_minutes(words: &str) -> Option<u32> {
    let minutes: u32 = words.strip_suffix(" minutes")?.parse().ok()?;
    IDLE_CHOICES.contains(&words).then_some(minutes)
}

/// Seconds to wait before the next try after `failures` wrong passphrases
/// in a row: 2, 4, 8, 16… up to 5 minutes; 0 after none.
pub fn wait_after(failures: u32) -> u32 {
    if failures == 0 {
        return 0;
    }
    2u32.saturating_pow(failures).min(MAX_WAIT_SECONDS)
}

/// Seconds still to wait at `now` (milliseconds) after `failures` wrong
/// passphrases, the last at `last_failure`. A clock set back never makes
/// the wait longer than it was.
pub fn wait_left(failures: u32, last_failure: f64, now: f64) -> u32 {
    let wait = wait_after(failures);
    let left = last_failure + f64::from(wait) * 1000.0 - now;
    if left <= 0.0 {
        0
    } else {
        ((left / 1000.0).ceil() as u32).min(wait)
    }
}

/// A wait in words: "1 second", "8 seconds", "1 minute", "5 minutes"
/// (minutes rounded up).
pub fn wait_words(seconds: u32) -> String {
    let (n, unit) = if seconds < 60 {
        (seconds, "second")
    } else {
        (seconds.div_ceil(60), "minute")
    };
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// What is wrong with a new passphrase typed twice, if anything: the
/// field to show it beside (`"new"` or `"again"`) and the words.
pub fn passphrase_problem(passphrase: &str, again: &str) -> Option<(&'static str, String)> {
    if passphrase.chars().count() < MIN_PASSPHRASE {
        Some((
            "new",
            format!("Choose a passphrase of at least {MIN_PASSPHRASE} characters."),
        ))
    } else if passphrase != again {
        Some((
            "again",
            "The two passphrases are not the same. Type it again.".to_string(),
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_from_two_seconds_up_to_five_minutes() {
        let waits: Vec<u32> = (0..12).map(wait_after).collect();
        assert_eq!(waits, [0, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300]);
        assert_eq!(wait_after(u32::MAX), MAX_WAIT_SECONDS);
    }

    #[test]
    fn the_wait_left_counts_down_and_never_grows() {
        let at = 1_000_000.0;
        assert_eq!(wait_left(0, at, at), 0);
        assert_eq!(wait_left(3, at, at), 8);
        assert_eq!(wait_left(3, at, at + 500.0), 8, "rounded up");
        assert_eq!(wait_left(3, at, at + 7_001.0), 1);
        assert_eq!(wait_left(3, at, at + 8_000.0), 0);
        assert_eq!(wait_left(3, at, at - 60_000.0), 8, "a clock set back");
    }

    #[test]
    fn waits_in_words() {
        assert_eq!(wait_words(1), "1 second");
        assert_eq!(wait_words(2), "2 seconds");
        assert_eq!(wait_words(59), "59 seconds");
        assert_eq!(wait_words(60), "1 minute");
        assert_eq!(wait_words(64), "2 minutes");
        assert_eq!(wait_words(300), "5 minutes");
    }

    #[test]
    fn idle_choices_read_both_ways() {
        assert_eq!(idle_minutes("5 minutes"), Some(5));
        assert_eq!(idle_minutes("30 minutes"), Some(30));
        assert_eq!(idle_minutes("7 minutes"), None);
        assert_eq!(idle_minutes("ten minutes"), None);
        assert_eq!(idle_words(15), "15 minutes");
        assert_eq!(idle_words(DEFAULT_IDLE_MINUTES), "10 minutes");
        assert_eq!(idle_words(7), "10 minutes", "the default for anything else");
    }

    #[test]
    fn a_passphrase_is_long_enough_and_typed_the_same_twice() {
        assert_eq!(
            passphrase_problem("short", "short").map(|p| p.0),
            Some("new")
        );
        assert_eq!(
            passphrase_problem("nine char", "nine char").map(|p| p.0),
            Some("new")
        );
        assert_eq!(
            passphrase_problem("ten chars!", "ten chars?").map(|p| p.1),
            Some("The two passphrases are not the same. Type it again.".to_string())
        );
        assert_eq!(passphrase_problem("ten chars!", "ten chars!"), None);
        assert_eq!(
            passphrase_problem("ééééééééé", "ééééééééé").map(|p| p.0),
            Some("new"),
            "characters, not bytes"
        );
    }
}
