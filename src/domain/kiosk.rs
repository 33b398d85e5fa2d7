//! Kiosk mode, the pure parts: the settings record, the PIN rules, a
//! visitor's check-in (kept in memory only, never stored), the order of its
//! screens, the idle timing and the per-day counts. The screens are in
//! `pages/kiosk/`.

use serde::{Deserialize, Serialize};

use super::dates;
use super::directory::{category_for_area, suggest_for, Service};
use super::scoring::AreaSummary;
use super::template::Template;

/// Shortest and longest PIN, in digits.
pub const PIN_MIN: usize = 4;
pub const PIN_MAX: usize = 8;
/// PBKDF2-HMAC-SHA256 iterations for a new PIN hash (stored with it).
pub const PIN_ITERATIONS: u32 = 600_000;
/// Bytes of random salt for a new PIN hash.
pub const SALT_BYTES: usize = 16;
/// At most this many areas to work on, as on the summary page.
pub const MAX_CHOSEN: usize = 3;
/// At most this many activities shown for each chosen area.
pub const MAX_ACTIVITIES: usize = 4;
/// Minutes without a touch before the check-in is cleared, by default.
pub const IDLE_MINUTES: u32 = 3;
/// The choices offered in Settings.
pub const IDLE_CHOICES: [u32; 4] = [2, 3, 5, 10];
/// "Are you still there?" shows for this long before the check-in is cleared.
pub const WARN_MS: f64 = 30_000.0;
/// Days of counts kept: a little over a year.
pub const KEEP_DAYS: i64 = 400;

/// Kiosk mode as stored in the `settings` store (id "kiosk"). The PIN
/// itself is never stored: only its salted PBKDF2 hash.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KioskSettings {
    #[serde(default)]
    pub enabled: bool,
    /// base64 of the 32-byte PBKDF2-HMAC-SHA256 hash of the PIN.
    #[serde(default)]
    pub pin_hash: String,
    /// base64 of the random salt.
    #[serde(default)]
    pub salt: String,
    #[serde(default)]
    pub iterations: u32,
    /// The built-in template the kiosk offers.
    #[serde(default = "default_template")]
    pub template_id: String,
    #[serde(default = "default_idle")]
    pub idle_minutes: u32,
    /// Wrong PINs in a row; the right one sets it back to 0.
    #[serde(default)]
    pub failed_tries: u32,
    /// No PIN is checked before this time (milliseconds).
    #[serde(default)]
    pub locked_until: f64,
}

fn default_template() -> String {
    super::builtin_templates::QUICK_ID.to_string()
}

fn default_idle() -> u32 {
    IDLE_MINUTES
}

impl Default for KioskSettings {
    fn default() -> Self {
        KioskSettings {
            enabled: false,
            pin_hash: String::new(),
            salt: String::new(),
            iterations: 0,
            template_id: default_template(),
            idle_minutes: IDLE_MINUTES,
            failed_tries: 0,
            locked_until: 0.0,
        }
    }
}

impl KioskSettings {
    /// Milliseconds without a touch before the check-in is cleared.
    pub fn idle_ms(&self) -> f64 {
        f64::from(self.idle_minutes.clamp(1, 60)) * 60_000.0
    }

    /// After a wrong PIN: one more failure, and the time before the next try.
    pub fn failed(&mut self, now: f64) {
        self.failed_tries = self.failed_tries.saturating_add(1);
        self.locked_until = now + wait_after(self.failed_tries);
    }

    /// Kiosk mode off: the PIN hash goes, the choices stay.
    pub fn turned_off(&self) -> KioskSettings {
        KioskSettings {
            template_id: self.template_id.clone(),
            idle_minutes: self.idle_minutes,
            ..KioskSettings::default()
        }
    }
}

/// Why a new PIN cannot be used, as (field id, message), or `None`.
pub fn pin_problem(pin: &str, again: &str) -> Option<(&'static str, &'static str)> {
    let digits = pin.chars().all(|c| c.is_ascii_digit());
    if !digits || pin.len() < PIN_MIN || pin.len() > PIN_MAX {
        Some(("kiosk-pin", "The PIN must be 4 to 8 digits, numbers only."))
    } else if pin != again {
        Some((
            "kiosk-pin-again",
            "The two PINs are not the same. Type it again.",
        ))
    } else {
        None
    }
}

/// Milliseconds to wait after `failures` wrong PINs in a row: 1 second,
/// then 2, 4, 8… up to a minute.
pub fn wait_after(failures: u32) -> f64 {
    if failures == 0 {
        return 0.0;
    }
    let seconds = 1u32 << (failures - 1).min(6);
    f64::from(seconds.min(60)) * 1000.0
}

/// "1 second", "30 seconds": whole seconds, rounded up.
pub fn seconds_text(ms: f64) -> String {
    let s = (ms / 1000.0).ceil().max(1.0) as u32;
    if s == 1 {
        "1 second".to_string()
    } else {
        format!("{s} seconds")
    }
}

/// The same bytes, compared without stopping at the first difference.
pub fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Which screen of the kiosk is showing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Step {
    #[default]
    Welcome,
    /// One life area of the template, by index.
    Area(usize),
    WhatMatters,
    Choose,
    FirstSteps,
    Activities,
    Summary,
    /// "Staff: leave kiosk mode": the PIN prompt.
    Pin,
}

/// What the visitor does.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Start,
    Score(usize, Option<u8>),
    WhatMatters(String),
    /// Choose an area to work on, or unchoose it.
    Toggle(usize),
    /// The first step for the n-th chosen area.
    FirstStep(usize, String),
    Next,
    Back,
    Staff,
    /// Finish, print, idle time out: everything goes.
    Wipe,
}

/// What the order of screens depends on besides the check-in itself.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Flow {
    pub areas: usize,
    /// The directory has activities for the areas chosen.
    pub activities: bool,
}

/// One visitor's check-in. It lives in the kiosk component's memory only:
/// never in IndexedDB, the URL or history. On the welcome screen it is
/// always empty.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Session {
    pub step: Step,
    /// One per area of the template, in its order.
    pub scores: Vec<Option<u8>>,
    pub what_matters: String,
    /// Area indexes, in the order chosen.
    pub chosen: Vec<usize>,
    /// A first step for each chosen area, in the same order.
    pub first_steps: Vec<String>,
    /// Counted as a completed check-in (the summary was reached).
    pub counted: bool,
}

impl Session {
    /// The check-in after `action`.
    pub fn apply(&self, action: Action, flow: Flow) -> Session {
        let mut s = self.clone();
        match action {
            Action::Start => {
                s = Session {
                    scores: vec![None; flow.areas],
                    ..Session::default()
                };
                s.step = if flow.areas > 0 {
                    Step::Area(0)
                } else {
                    Step::WhatMatters
                };
            }
            Action::Score(i, score) => {
                if let Some(slot) = s.scores.get_mut(i) {
                    *slot = score;
                }
            }
            Action::WhatMatters(text) => s.what_matters = text,
            Action::Toggle(i) => {
                if let Some(pos) = s.chosen.iter().position(|&c| c == i) {
                    s.chosen.remove(pos);
                    s.first_steps.remove(pos);
                } else if s.chosen.len() < MAX_CHOSEN && i < flow.areas {
                    s.chosen.push(i);
                    s.first_steps.push(String::new());
                }
            }
            Action::FirstStep(n, text) => {
                if let Some(slot) = s.first_steps.get_mut(n) {
                    *slot = text;
                }
            }
            Action::Next => s.step = self.next(flow),
            Action::Back => {
                s.step = self.back(flow);
                if s.step == Step::Welcome {
                    return Session::default();
                }
            }
            Action::Staff => {
                return Session {
                    step: Step::Pin,
                    ..Session::default()
                }
            }
            Action::Wipe => return Session::default(),
        }
        if s.step == Step::Summary {
            s.counted = true;
        }
        s
    }

    fn next(&self, flow: Flow) -> Step {
        let chosen = !self.chosen.is_empty();
        match self.step {
            Step::Welcome | Step::Pin => self.step,
            Step::Area(i) if i + 1 < flow.areas => Step::Area(i + 1),
            Step::Area(_) => Step::WhatMatters,
            Step::WhatMatters => Step::Choose,
            Step::Choose if chosen => Step::FirstSteps,
            Step::FirstSteps if flow.activities => Step::Activities,
            Step::Choose | Step::FirstSteps | Step::Activities | Step::Summary => Step::Summary,
        }
    }

    fn back(&self, flow: Flow) -> Step {
        let chosen = !self.chosen.is_empty();
        match self.step {
            Step::Welcome | Step::Pin | Step::Area(0) => Step::Welcome,
            Step::Area(i) => Step::Area(i - 1),
            Step::WhatMatters if flow.areas > 0 => Step::Area(flow.areas - 1),
            Step::WhatMatters => Step::Welcome,
            Step::Choose => Step::WhatMatters,
            Step::FirstSteps => Step::Choose,
            Step::Activities => Step::FirstSteps,
            Step::Summary if chosen && flow.activities => Step::Activities,
            Step::Summary if chosen => Step::FirstSteps,
            Step::Summary => Step::Choose,
        }
    }

    /// The template's areas with this check-in's scores, for the wheel.
    pub fn summaries(&self, template: &Template) -> Vec<AreaSummary> {
        template
            .areas
            .iter()
            .enumerate()
            .map(|(i, a)| AreaSummary {
                area_id: a.id.clone(),
                title: a.title.clone(),
                score: self.scores.get(i).copied().flatten(),
                wants_support: false,
                concerns: Vec::new(),
                what_matters: String::new(),
            })
            .collect()
    }
}

/// Directory entries for each chosen area (by index into `services`), the
/// areas with none left out. The made-up sample entries are never offered
/// to the public.
pub fn activities(
    services: &[Service],
    template: &Template,
    chosen: &[usize],
) -> Vec<(usize, Vec<usize>)> {
    let mut out = Vec::new();
    for &i in chosen {
        let Some(category) = template.areas.get(i).and_then(|a| category_for_area(&a.id)) else {
            continue;
        };
        let found: Vec<usize> = suggest_for(services, &[category])
            .into_iter()
            .filter(|&s| !services[s].sample)
            .take(MAX_ACTIVITIES)
            .collect();
        if !found.is_empty() {
            out.push((i, found));
        }
    }
    out
}

/// Every entry in `found` once, in order: for the printed plan.
pub fn each_once(found: &[(usize, Vec<usize>)]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for &n in found.iter().flat_map(|(_, list)| list) {
        if !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

/// Where the idle timer is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Idle {
    Active,
    /// "Are you still there?", with the whole seconds left.
    Warning(u32),
    /// Time is up: clear the check-in.
    Expired,
}

/// After `idle_ms` without a touch, with a limit of `limit_ms` in all: the
/// warning shows for the last 30 seconds of it.
pub fn idle_phase(idle_ms: f64, limit_ms: f64) -> Idle {
    let left = limit_ms - idle_ms;
    if left <= 0.0 {
        Idle::Expired
    } else if left <= WARN_MS {
        Idle::Warning((left / 1000.0).ceil() as u32)
    } else {
        Idle::Active
    }
}

/// Completed check-ins per day (`YYYY-MM-DD`, count), and nothing else.
/// Stored as one object, `{ "2026-11-21": 3 }` (see `storage::settings`).
pub type Counts = Vec<(String, u32)>;

/// One more check-in on `today`; days older than [`KEEP_DAYS`] go.
pub fn add_check_in(counts: &mut Counts, today: &str) {
    match counts.iter_mut().find(|(day, _)| day == today) {
        Some((_, n)) => *n = n.saturating_add(1),
        None => counts.push((today.to_string(), 1)),
    }
    counts.retain(|(day, _)| dates::days_between(day, today).is_some_and(|d| d <= KEEP_DAYS));
}

/// The last `days` days up to `today`, newest first, with their counts
/// (0 for a day with none).
pub fn last_days(counts: &Counts, today: &str, days: i64) -> Vec<(String, u32)> {
    (0..days)
        .filter_map(|back| dates::add_days(today, -back))
        .map(|day| {
            let n = counts
                .iter()
                .find(|(d, _)| *d == day)
                .map_or(0, |(_, n)| *n);
            (day, n)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin_templates::quick_check_template;

    const FLOW: Flow = Flow {
        areas: 3,
        activities: true,
    };

    fn walk(s: &Session, actions: &[Action], flow: Flow) -> Session {
        actions
            .iter()
            .fold(s.clone(), |s, a| s.apply(a.clone(), flow))
    }

    #[test]
    fn the_screens_come_in_order_and_back_again() {
        use Action::*;
        let s = Session::default().apply(Start, FLOW);
        assert_eq!(s.step, Step::Area(0));
        assert_eq!(s.scores, vec![None; 3]);
        let mut s = s;
        let mut seen = vec![s.step];
        for _ in 0..4 {
            s = s.apply(Next, FLOW);
            seen.push(s.step);
        }
        assert!(!s.counted);
        s = s.apply(Toggle(1), FLOW);
        for _ in 0..3 {
            s = s.apply(Next, FLOW);
            seen.push(s.step);
        }
        assert_eq!(
            seen,
            [
                Step::Area(0),
                Step::Area(1),
                Step::Area(2),
                Step::WhatMatters,
                Step::Choose,
                Step::FirstSteps,
                Step::Activities,
                Step::Summary
            ]
        );
        assert_eq!(s.step, Step::Summary);
        assert!(s.counted);
        let mut back = vec![];
        for _ in 0..7 {
            s = s.apply(Back, FLOW);
            back.push(s.step);
        }
        assert_eq!(
            back,
            [
                Step::Activities,
                Step::FirstSteps,
                Step::Choose,
                Step::WhatMatters,
                Step::Area(2),
                Step::Area(1),
                Step::Area(0)
            ]
        );
        // Back from the first question is the welcome screen, empty again.
        assert_eq!(s.apply(Back, FLOW), Session::default());
    }

    #[test]
    fn screens_with_nothing_to_show_are_skipped() {
        use Action::*;
        let none = Flow {
            areas: 1,
            activities: false,
        };
        // Nothing chosen: no first steps, no activities.
        let s = walk(&Session::default(), &[Start, Next, Next, Next], none);
        assert_eq!(s.step, Step::Summary);
        assert_eq!(s.apply(Back, none).step, Step::Choose);
        // Chosen, but the directory has nothing for it.
        let s = walk(
            &Session::default(),
            &[Start, Next, Next, Toggle(0), Next, Next],
            none,
        );
        assert_eq!(s.step, Step::Summary);
        assert_eq!(s.apply(Back, none).step, Step::FirstSteps);
        // A template with no areas starts at "What matters".
        let empty = Flow {
            areas: 0,
            activities: false,
        };
        let s = Session::default().apply(Start, empty);
        assert_eq!(s.step, Step::WhatMatters);
        assert_eq!(s.apply(Back, empty), Session::default());
    }

    #[test]
    fn up_to_three_areas_each_with_its_own_first_step() {
        use Action::*;
        let flow = Flow {
            areas: 8,
            activities: false,
        };
        let s = walk(
            &Session::default(),
            &[
                Start,
                Toggle(4),
                Toggle(2),
                FirstStep(1, "Ring the housing office".into()),
                Toggle(7),
                Toggle(0),
                Toggle(9),
            ],
            flow,
        );
        assert_eq!(
            s.chosen,
            [4, 2, 7],
            "a fourth is refused, and so is an area that is not there"
        );
        assert_eq!(s.first_steps, ["", "Ring the housing office", ""]);
        let s = s.apply(Toggle(4), flow);
        assert_eq!(s.chosen, [2, 7]);
        assert_eq!(
            s.first_steps,
            ["Ring the housing office", ""],
            "each step stays with its area"
        );
        let s = s.apply(FirstStep(5, "nowhere".into()), flow);
        assert_eq!(s.first_steps, ["Ring the housing office", ""]);
    }

    #[test]
    fn wipe_and_staff_leave_nothing_behind() {
        use Action::*;
        let s = walk(
            &Session::default(),
            &[
                Start,
                Score(0, Some(3)),
                Next,
                Next,
                Next,
                WhatMatters("My dog".into()),
                Toggle(1),
            ],
            FLOW,
        );
        assert_eq!(s.scores[0], Some(3));
        assert_eq!(s.apply(Wipe, FLOW), Session::default());
        let staff = s.apply(Staff, FLOW);
        assert_eq!(staff.step, Step::Pin);
        assert_eq!(
            Session {
                step: Step::Welcome,
                ..staff.clone()
            },
            Session::default()
        );
        assert_eq!(staff.apply(Back, FLOW), Session::default());
        // Scores out of range of the areas are ignored.
        assert_eq!(s.apply(Score(9, Some(1)), FLOW).scores, s.scores);
    }

    #[test]
    fn pins_are_4_to_8_digits_typed_twice() {
        assert_eq!(pin_problem("123", "123").map(|p| p.0), Some("kiosk-pin"));
        assert_eq!(
            pin_problem("123456789", "123456789").map(|p| p.0),
            Some("kiosk-pin")
        );
        assert_eq!(pin_problem("12a4", "12a4").map(|p| p.0), Some("kiosk-pin"));
        assert_eq!(
            pin_problem("１２３４", "１２３４").map(|p| p.0),
            Some("kiosk-pin")
        );
        assert_eq!(
            pin_problem("1234", "1243").map(|p| p.0),
            Some("kiosk-pin-again")
        );
        assert_eq!(pin_problem("1234", "1234"), None);
        assert_eq!(pin_problem("12345678", "12345678"), None);
    }

    #[test]
    fn wrong_pins_wait_longer_each_time_up_to_a_minute() {
        let waits: Vec<f64> = (0..10).map(wait_after).collect();
        assert_eq!(
            waits,
            [0.0, 1e3, 2e3, 4e3, 8e3, 16e3, 32e3, 60e3, 60e3, 60e3]
        );
        let mut k = KioskSettings::default();
        k.failed(1_000.0);
        k.failed(5_000.0);
        assert_eq!((k.failed_tries, k.locked_until), (2, 7_000.0));
        assert_eq!(seconds_text(1_500.0), "2 seconds");
        assert_eq!(seconds_text(200.0), "1 second");
    }

    #[test]
    fn turning_off_forgets_the_pin_and_keeps_the_choices() {
        let on = KioskSettings {
            enabled: true,
            pin_hash: "aGFzaA==".into(),
            salt: "c2FsdA==".into(),
            iterations: PIN_ITERATIONS,
            template_id: "holistic-12".into(),
            idle_minutes: 5,
            failed_tries: 2,
            locked_until: 9.0,
        };
        let off = on.turned_off();
        assert!(!off.enabled);
        assert_eq!((off.pin_hash.as_str(), off.salt.as_str()), ("", ""));
        assert_eq!(
            (off.template_id.as_str(), off.idle_minutes),
            ("holistic-12", 5)
        );
        assert_eq!((off.failed_tries, off.locked_until), (0, 0.0));
        assert_eq!(on.idle_ms(), 300_000.0);
    }

    #[test]
    fn settings_read_from_an_empty_record_default_to_the_quick_check_in() {
        let k: KioskSettings = serde_json::from_str("{}").unwrap();
        assert_eq!(k, KioskSettings::default());
        assert_eq!(k.template_id, "quick-8");
        assert_eq!(k.idle_ms(), 180_000.0);
        assert!(!k.enabled);
    }

    #[test]
    fn hashes_compare_whole() {
        assert!(same_bytes(b"abcd", b"abcd"));
        assert!(!same_bytes(b"abcd", b"abce"));
        assert!(!same_bytes(b"abc", b"abcd"));
    }

    #[test]
    fn idle_warns_for_the_last_30_seconds_then_expires() {
        let limit = 180_000.0;
        assert_eq!(idle_phase(0.0, limit), Idle::Active);
        assert_eq!(idle_phase(149_999.0, limit), Idle::Active);
        assert_eq!(idle_phase(150_000.0, limit), Idle::Warning(30));
        assert_eq!(idle_phase(150_001.0, limit), Idle::Warning(30));
        assert_eq!(idle_phase(179_001.0, limit), Idle::Warning(1));
        assert_eq!(idle_phase(180_000.0, limit), Idle::Expired);
        assert_eq!(idle_phase(1e9, limit), Idle::Expired);
    }

    #[test]
    fn counts_go_up_by_day_and_old_days_go() {
        let mut c = Counts::new();
        add_check_in(&mut c, "2026-11-20");
        add_check_in(&mut c, "2026-11-21");
        add_check_in(&mut c, "2026-11-21");
        assert_eq!(
            c,
            [("2026-11-20".to_string(), 1), ("2026-11-21".to_string(), 2)]
        );
        c.push(("2025-01-01".into(), 7));
        c.push(("not a date".into(), 7));
        add_check_in(&mut c, "2026-11-21");
        assert_eq!(
            c.len(),
            2,
            "older than 400 days, and anything unreadable, goes"
        );
        let days = last_days(&c, "2026-11-21", 14);
        assert_eq!(days.len(), 14);
        assert_eq!(days[0], ("2026-11-21".to_string(), 3));
        assert_eq!(days[1], ("2026-11-20".to_string(), 1));
        assert_eq!(days[13], ("2026-11-08".to_string(), 0));
    }

    #[test]
    fn activities_match_the_chosen_areas_and_never_the_sample() {
        let t = quick_check_template();
        let money = t.areas.iter().position(|a| a.id == "money").unwrap();
        let home = t.areas.iter().position(|a| a.id == "home").unwrap();
        let svc = |name: &str, cat: &str, sample: bool| Service {
            id: name.into(),
            name: name.into(),
            categories: vec![cat.into()],
            sample,
            ..Service::default()
        };
        let services = vec![
            svc("Debt advice", "money-benefits", false),
            svc("Made-up money club", "money-benefits", true),
            svc("Walking group", "getting-active", false),
            svc("Benefits check", "money-benefits", false),
        ];
        let found = activities(&services, &t, &[home, money]);
        assert_eq!(found, vec![(money, vec![3, 0])], "home has none; by name");
        assert_eq!(each_once(&[(1, vec![3, 0]), (2, vec![0, 2])]), [3, 0, 2]);
        let many: Vec<Service> = (0..9)
            .map(|i| svc(&format!("Group {i}"), "money-benefits", false))
            .collect();
        assert_eq!(activities(&many, &t, &[money])[0].1.len(), MAX_ACTIVITIES);
    }

    #[test]
    fn the_wheel_has_every_area_with_its_score() {
        let t = quick_check_template();
        let s = Session::default().apply(
            Action::Start,
            Flow {
                areas: t.areas.len(),
                activities: false,
            },
        );
        let s = s.apply(
            Action::Score(1, Some(6)),
            Flow {
                areas: t.areas.len(),
                activities: false,
            },
        );
        let w = s.summaries(&t);
        assert_eq!(w.len(), 8);
        assert_eq!((w[1].title.as_str(), w[1].score), ("Feelings", Some(6)));
        assert_eq!(w[0].score, None);
    }
}
