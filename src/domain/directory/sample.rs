//! A small sample directory of clearly fictional entries, for demos and
//! training. Phone numbers are from Ofcom's range kept for drama (01632
//! 960xxx), emails and websites use example.org, and every name says
//! "(sample)". Each entry is marked `sample`, so it can be removed in one go.

use super::{ReferralType, Service};
use crate::domain::dates::add_days;

/// (id, name, organisation, description, categories, times, free/cost,
/// referral, phone suffix, accessibility)
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static str,
    Option<&'static str>,
    ReferralType,
    &'static str,
    &'static str,
);

const ROWS: &[Row] = &[
    (
        "sample-walking-football",
        "Walking Football (sample)",
        "Meadowbank Sports Trust (sample)",
        "Gentle football at walking pace for people who want to get moving again. No experience needed.",
        &["getting-active", "friends-social", "physical-health"],
        "Tuesdays, 10am to 11am",
        None,
        ReferralType::SignpostOnly,
        "960001",
        "Flat ground, accessible toilets, seats by the pitch.",
    ),
    (
        "sample-community-garden",
        "Green Hands Community Garden (sample)",
        "Meadowbank Sports Trust (sample)",
        "Grow vegetables and flowers with others. Tools, gloves and tea provided.",
        &["getting-active", "hobbies-fun", "mental-wellbeing"],
        "Wednesdays and Saturdays, 10am to 1pm",
        None,
        ReferralType::TakesReferrals,
        "960002",
        "Raised beds for people who cannot kneel. Paths are gravel.",
    ),
    (
        "sample-benefits-advice",
        "Money and Benefits Drop-in (sample)",
        "Hillside Advice Centre (sample)",
        "Free, private help with benefits, debts, bills and forms.",
        &["money-benefits", "home-housing"],
        "Mondays and Thursdays, 9:30am to 12:30pm",
        None,
        ReferralType::TakesReferrals,
        "960003",
        "Ground floor. Hearing loop at the desk.",
    ),
    (
        "sample-art-group",
        "Paint and Natter Art Group (sample)",
        "Hillside Library (sample)",
        "A relaxed art group for beginners. All materials provided.",
        &["hobbies-fun", "friends-social", "mental-wellbeing"],
        "Fridays, 2pm to 4pm",
        Some("£2 a session, first session free"),
        ReferralType::SignpostOnly,
        "960004",
        "Lift to the first floor. Large-print guides.",
    ),
    (
        "sample-carers-cafe",
        "Carers' Café (sample)",
        "Hillside Carers Network (sample)",
        "Time out for unpaid carers: a cuppa, a chat and advice from people who understand.",
        &["family-relationships", "friends-social", "mental-wellbeing"],
        "First Monday of the month, 1pm to 3pm",
        None,
        ReferralType::SignpostOnly,
        "960005",
        "Step-free. Quiet room available.",
    ),
    (
        "sample-housing-help",
        "Home Safe Housing Help (sample)",
        "Riverside Housing Association (sample)",
        "Advice on repairs, damp, rent arrears and finding somewhere to live.",
        &["home-housing", "money-benefits"],
        "Weekdays, 9am to 5pm, by phone",
        None,
        ReferralType::TakesReferrals,
        "960006",
        "Phone and video appointments. Interpreters on request.",
    ),
    (
        "sample-online-chat",
        "Evening Chat Online (sample)",
        "Riverside Befriending (sample)",
        "A friendly video call for people who feel lonely in the evenings.",
        &["friends-social", "mental-wellbeing", "culture-community"],
        "Every evening, 7pm to 8pm",
        None,
        ReferralType::TakesReferrals,
        "960007",
        "Captions on. Help to set up the call by phone.",
    ),
    (
        "sample-faith-lunch",
        "Friday Community Lunch (sample)",
        "St Anywhere's Church Hall (sample)",
        "A hot meal and company, open to everyone of any faith or none.",
        &["culture-community", "faith-meaning", "daily-living"],
        "Fridays, 12 noon to 2pm",
        Some("£3, pay what you can"),
        ReferralType::SignpostOnly,
        "960008",
        "Step-free. Vegetarian and halal meals.",
    ),
];

/// The sample entries, checked `today` except the lunch club, last checked
/// over a year ago to show what an out-of-date entry looks like.
pub fn sample_directory(today: &str, now: f64) -> Vec<Service> {
    ROWS.iter()
        .map(|r| {
            let (id, name, org, description, cats, times, cost, referral, phone, access) = *r;
            let online = id == "sample-online-chat";
            Service {
                id: id.into(),
                name: name.into(),
                organisation: org.into(),
                description: description.into(),
                categories: cats.iter().map(|c| c.to_string()).collect(),
                online,
                address: if online {
                    String::new()
                } else {
                    "1 Sample Street, Anytown, AB1 2CD".into()
                },
                phone: format!("01632 {phone}"),
                email: format!("{}@example.org", &id[7..]),
                website: format!("https://example.org/{}", &id[7..]),
                times: times.into(),
                free: cost.is_none(),
                cost: cost.unwrap_or("").into(),
                min_age: if id == "sample-walking-football" {
                    Some(50)
                } else {
                    None
                },
                max_age: None,
                eligibility: String::new(),
                accessibility: access.into(),
                referral,
                last_checked: if id == "sample-faith-lunch" {
                    add_days(today, -400).unwrap_or_default()
                } else {
                    today.into()
                },
                favourite: false,
                sample: true,
                updated_at: now,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::directory::{category_title, possibly_out_of_date};

    #[test]
    fn samples_are_marked_fictional_and_use_known_categories() {
        let list = sample_directory("2026-11-21", 1.0);
        assert_eq!(list.len(), 8);
        for s in &list {
            assert!(s.sample && s.name.ends_with("(sample)"), "{}", s.name);
            assert!(s.phone.starts_with("01632 960"));
            for c in &s.categories {
                assert!(category_title(c).is_some(), "{c}");
            }
        }
        let stale: Vec<_> = list
            .iter()
            .filter(|s| possibly_out_of_date(s, "2026-11-21"))
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(stale, ["sample-faith-lunch"]);
    }
}
