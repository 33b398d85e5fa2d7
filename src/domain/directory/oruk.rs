//! Open Referral UK JSON import and export (see docs/directory-files.md).
//!
//! Reads both shapes in use: the first UK profile (`regular_schedules`,
//! `physical_addresses`, `service_taxonomys`, `eligibilitys`,
//! `accessibility_for_disabilities`) and the HSDS 3.0 based one
//! (`schedules`, `addresses`, `attributes[].taxonomy_term`, `accessibility`).
//! Reading is forgiving: an optional field of the wrong type is ignored, and
//! only a missing `id` or `name`, a closed service or an over-long field
//! rejects a service. Export writes the first profile's shape, which this
//! reader reads back to the same entries.

use super::import::{check_lengths, local_id, Parsed};
use super::{category_title, ReferralType, Service};
use crate::domain::dates::Date;
use crate::domain::search::fold;
use serde_json::{json, Map, Value};

type Object = Map<String, Value>;

/// The taxonomy Linkwheel files its life areas under: a term's id is the
/// category id.
pub const VOCABULARY: &str = "linkwheel-life-areas";

const NOT_JSON: &str = "This file is not valid JSON, so it cannot be read.";
const WRONG_SHAPE: &str = "This file does not look like Open Referral UK services.";

/// Reads a single service object, an array of services, or an API page
/// (an object with a `content` or `contents` array). A byte order mark at
/// the start is skipped.
pub fn parse(text: &str) -> Result<Vec<Parsed>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|_| NOT_JSON.to_string())?;
    let items = match &value {
        Value::Array(items) => items.as_slice(),
        Value::Object(o) => match o.get("content").or_else(|| o.get("contents")) {
            Some(Value::Array(items)) => items.as_slice(),
            _ if o.contains_key("id") || o.contains_key("name") => std::slice::from_ref(&value),
            _ => return Err(WRONG_SHAPE.into()),
        },
        _ => return Err(WRONG_SHAPE.into()),
    };
    if !items.is_empty() && !items.iter().any(Value::is_object) {
        return Err(WRONG_SHAPE.into());
    }
    Ok(items
        .iter()
        .enumerate()
        .map(|(i, item)| Parsed {
            row: i + 1,
            result: match item {
                Value::Object(o) => service(o),
                _ => Err("it is not a service".into()),
            },
        })
        .collect())
}

/// Text of a string or number, trimmed; anything else is "".
fn text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// The first of `keys` holding text.
fn first_text(o: &Object, keys: &[&str]) -> String {
    keys.iter()
        .map(|k| text(o.get(*k)))
        .find(|t| !t.is_empty())
        .unwrap_or_default()
}

/// The objects in an array field (none when it is not an array).
fn objects(v: Option<&Value>) -> impl Iterator<Item = &Object> {
    v.and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
}

/// A number, or text holding one. (serde_json reads the text: core's own
/// float parsing would add to the WebAssembly.)
fn number(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => serde_json::from_str(s.trim()).ok(),
        _ => None,
    }
}

/// A whole number of years from 0 to 130.
fn age(v: Option<&Value>) -> Option<u8> {
    let n = number(v)?;
    (n.trunc() == n && (0.0..=130.0).contains(&n)).then_some(n as u8)
}

/// An amount from £0 to £1,000,000 in whole pence.
fn pence(v: Option<&Value>) -> Option<u64> {
    let n = number(v)?;
    (0.0..=1_000_000.0)
        .contains(&n)
        .then(|| (n * 100.0 + 0.5).floor() as u64)
}

/// `YYYY-MM-DD` from a date or a date-time.
fn date(v: Option<&Value>) -> Option<String> {
    Date::parse(text(v).get(..10)?).map(|d| d.to_string())
}

/// Joins pieces of text, leaving out blanks and repeats: after a full stop
/// with a space, else with "; ".
fn join(parts: impl IntoIterator<Item = String>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for part in parts {
        if !part.is_empty() && !seen.contains(&part) {
            seen.push(part);
        }
    }
    let mut out = String::new();
    for part in seen {
        if !out.is_empty() {
            out.push_str(if out.ends_with(['.', '!', '?']) {
                " "
            } else {
                "; "
            });
        }
        out.push_str(&part);
    }
    out
}

fn required(o: &Object, key: &str) -> Result<String, String> {
    match o.get(key) {
        Some(Value::String(_) | Value::Number(_)) | None | Some(Value::Null) => {
            Some(text(o.get(key)))
                .filter(|t| !t.is_empty())
                .ok_or_else(|| format!("{key} is missing"))
        }
        Some(_) => Err(format!("{key} should be text")),
    }
}

fn service(o: &Object) -> Result<Service, String> {
    let id = required(o, "id")?;
    let name = required(o, "name")?;
    let status = fold(&text(o.get("status")));
    if status == "inactive" || status == "defunct" {
        return Err(format!("it is marked {status}"));
    }
    let locations: Vec<&Object> = objects(o.get("service_at_locations"))
        .filter_map(|sal| sal.get("location").and_then(Value::as_object))
        .collect();
    let mut online = false;
    let mut addresses = Vec::new();
    for loc in &locations {
        online |= fold(&text(loc.get("location_type"))) == "virtual";
        for a in objects(loc.get("physical_addresses")).chain(objects(loc.get("addresses"))) {
            if fold(&text(a.get("address_type"))) == "virtual" {
                online = true;
                continue;
            }
            let lines = [
                "address_1",
                "address_2",
                "city",
                "state_province",
                "postal_code",
            ];
            let line: Vec<String> = lines
                .iter()
                .map(|k| text(a.get(*k)))
                .filter(|t| !t.is_empty())
                .collect();
            addresses.push(line.join(", "));
        }
    }
    let accessibility = join(locations.iter().flat_map(|loc| {
        objects(loc.get("accessibility_for_disabilities"))
            .chain(objects(loc.get("accessibility")))
            .flat_map(|a| {
                [
                    first_text(a, &["accessibility", "description"]),
                    text(a.get("details")),
                ]
            })
    }));
    let phone = objects(o.get("phones"))
        .chain(objects(o.get("contacts")).flat_map(|c| objects(c.get("phones"))))
        .map(|p| text(p.get("number")))
        .find(|n| !n.is_empty())
        .unwrap_or_default();
    let eligibilitys: Vec<&Object> = objects(o.get("eligibilitys")).collect();
    let ages =
        |key: &str| age(o.get(key)).or_else(|| eligibilitys.iter().find_map(|e| age(e.get(key))));
    let eligibility = join(
        ["eligibility", "eligibility_description"]
            .iter()
            .map(|k| text(o.get(*k)))
            .chain(eligibilitys.iter().map(|e| text(e.get("eligibility")))),
    );
    let (free, cost) = cost(o);
    let terms: Vec<&Object> = objects(o.get("service_taxonomys"))
        .filter_map(|t| t.get("taxonomy").and_then(Value::as_object))
        .chain(
            objects(o.get("attributes"))
                .filter_map(|a| a.get("taxonomy_term").and_then(Value::as_object)),
        )
        .collect();
    let mut categories: Vec<String> = Vec::new();
    let mut referral_term = false;
    for term in &terms {
        let name = fold(&first_text(term, &["name", "term"]));
        referral_term |= name.starts_with("referral");
        let found = if first_text(term, &["vocabulary", "taxonomy"]) == VOCABULARY {
            let id = text(term.get("id"));
            category_title(&id).map(|_| id).into_iter().collect()
        } else {
            keyword_categories(&name)
        };
        for c in found {
            if !categories.contains(&c) {
                categories.push(c);
            }
        }
    }
    let referral = match o.get("linkwheel_referral").and_then(Value::as_str) {
        Some(r) if r.trim() == "takes_referrals" => ReferralType::TakesReferrals,
        Some(_) => ReferralType::SignpostOnly,
        None if referral_term || fold(&text(o.get("attending_access"))).contains("referral") => {
            ReferralType::TakesReferrals
        }
        None => ReferralType::SignpostOnly,
    };
    let s = Service {
        id,
        name,
        description: text(o.get("description")),
        organisation: o
            .get("organization")
            .and_then(Value::as_object)
            .map(|org| text(org.get("name")))
            .unwrap_or_default(),
        categories,
        online,
        address: join(addresses),
        phone,
        email: text(o.get("email")),
        website: text(o.get("url")),
        times: join(
            objects(o.get("regular_schedules"))
                .chain(objects(o.get("schedules")))
                .map(schedule),
        ),
        free,
        cost,
        min_age: ages("minimum_age"),
        max_age: ages("maximum_age"),
        eligibility,
        accessibility,
        referral,
        last_checked: date(o.get("assured_date"))
            .or_else(|| date(o.get("last_modified")))
            .unwrap_or_default(),
        ..Service::default()
    };
    check_lengths(&s).map(|()| s)
}

/// Free when every cost option costs nothing (or, with no cost options, the
/// `fees` text says "free"); else the cost in words.
fn cost(o: &Object) -> (bool, String) {
    let options: Vec<(Option<u64>, String, String)> = objects(o.get("cost_options"))
        .map(|c| {
            let amount = pence(c.get("amount"));
            (
                amount,
                text(c.get("option")),
                text(c.get("amount_description")),
            )
        })
        .collect();
    if options.is_empty() {
        let fees = text(o.get("fees"));
        return match fold(&fees).trim_end_matches('.') {
            "free" | "no fees" | "none" => (true, String::new()),
            _ => (false, fees),
        };
    }
    let is_free = |(amount, option, _): &(Option<u64>, String, String)| match amount {
        Some(a) => *a == 0,
        None => fold(option) == "free",
    };
    if options.iter().all(is_free) {
        return (true, String::new());
    }
    let texts = options.into_iter().map(|(amount, option, about)| {
        let price = match amount {
            Some(0) => "Free".to_string(),
            Some(a) => format!("{} {about}", money(a)).trim_end().to_string(),
            None => about,
        };
        let same = amount.is_some() && pounds(&option) == amount;
        if same || price.is_empty() {
            option
        } else if option.is_empty() {
            price
        } else {
            format!("{price} ({option})")
        }
    });
    (false, join(texts))
}

/// "£3.50", "£35".
fn money(pence: u64) -> String {
    match pence % 100 {
        0 => format!("£{}", pence / 100),
        p => format!("£{}.{p:02}", pence / 100),
    }
}

/// The first amount in pounds in some text, in pence ("£3.50 a session"
/// is 350), up to £1,000,000.
fn pounds(text: &str) -> Option<u64> {
    let (_, after) = text.split_once('£')?;
    let amount: String = after
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    let amount = amount.trim_end_matches('.');
    let (whole, part) = amount.split_once('.').unwrap_or((amount, ""));
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || whole.len() > 7 || part.len() > 2 || !digits(whole) || !digits(part) {
        return None;
    }
    let part: u64 = format!("{part:0<2}").parse().ok()?;
    let pence = whole.parse::<u64>().ok()? * 100 + part;
    (pence <= 100_000_000).then_some(pence)
}

const DAYS: [(&str, &str); 7] = [
    ("MO", "Monday"),
    ("TU", "Tuesday"),
    ("WE", "Wednesday"),
    ("TH", "Thursday"),
    ("FR", "Friday"),
    ("SA", "Saturday"),
    ("SU", "Sunday"),
];

/// A schedule in words: its `description` when it has one, else built from
/// `byday`, `freq`, `interval`, `opens_at` and `closes_at`:
/// "Tuesdays and Thursdays, 10:00 to 12:00".
fn schedule(s: &Object) -> String {
    let described = text(s.get("description"));
    if !described.is_empty() {
        return described;
    }
    let monthly = fold(&text(s.get("freq"))) == "monthly";
    let mut days: Vec<String> = Vec::new();
    for code in text(s.get("byday")).split(',').map(str::trim) {
        let split = code.len().saturating_sub(2);
        let (nth, day) = (
            code.get(..split).unwrap_or(""),
            code.get(split..).unwrap_or(""),
        );
        let Some((_, name)) = DAYS.iter().find(|(c, _)| c.eq_ignore_ascii_case(day)) else {
            continue;
        };
        let ordinal = match nth.trim_start_matches('+') {
            "" => None,
            "1" => Some("first"),
            "2" => Some("second"),
            "3" => Some("third"),
            "4" => Some("fourth"),
            "5" => Some("fifth"),
            "-1" => Some("last"),
            _ => continue,
        };
        days.push(match ordinal {
            Some(o) => format!("{o} {name} of the month"),
            None => format!("{name}s"),
        });
    }
    if days.is_empty() {
        let weekday = text(s.get("weekday"));
        if let Some((_, name)) = DAYS.iter().find(|(_, n)| fold(n) == fold(&weekday)) {
            days.push(format!("{name}s"));
        }
    }
    let mut parts = vec![and_list(&days)];
    let interval = number(s.get("interval")).filter(|n| *n >= 2.0 && *n <= 52.0);
    if let Some(n) = interval {
        let unit = if monthly { "months" } else { "weeks" };
        parts.push(format!("every {} {unit}", n as u32));
    } else if monthly && days.iter().all(|d| d.ends_with('s')) {
        parts.push("monthly".into());
    }
    let time = |key: &str| {
        let t = text(s.get(key));
        let hhmm = t.get(..5).unwrap_or("");
        let b = hhmm.as_bytes();
        let ok = b.len() == 5
            && b[2] == b':'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 2 || c.is_ascii_digit());
        ok.then(|| hhmm.to_string())
    };
    parts.push(match (time("opens_at"), time("closes_at")) {
        (Some(a), Some(b)) => format!("{a} to {b}"),
        (Some(a), None) => format!("from {a}"),
        (None, Some(b)) => format!("until {b}"),
        (None, None) => String::new(),
    });
    let mut out = parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    if let Some(first) = out.get(..1) {
        out = first.to_ascii_uppercase() + out.get(1..).unwrap_or("");
    }
    out
}

/// "A", "A and B", "A, B and C".
fn and_list(items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// Life areas for a taxonomy term from another vocabulary, by the words in
/// its name ("Mental health" is mental-wellbeing). Words are separated by
/// `|`; each also matches with an "s" on the end. "Health" alone, when no
/// other word matched, is physical-health.
const KEYWORDS: &[(&str, &str)] = &[
    ("getting-active", "sport|physical activity|walking|exercise|fitness|swimming|dance|dancing|football|gym|yoga|cycling"),
    ("money-benefits", "benefit|debt|money|financial|finance|welfare|budgeting"),
    ("home-housing", "housing|homeless|homelessness|tenancy|home"),
    ("mental-wellbeing", "mental health|wellbeing|anxiety|depression|counselling|stress"),
    ("friends-social", "loneliness|lonely|isolation|social|befriending|friend|friendship"),
    ("family-relationships", "carer|caring|family|families|parent|parenting|relationship"),
    ("hobbies-fun", "art|craft|music|garden|gardening|hobby|hobbies|creative|leisure"),
    ("work-learning", "employment|job|volunteer|volunteering|learning|education|training|skill|work"),
    ("faith-meaning", "faith|spiritual|church|mosque|temple|synagogue|gurdwara|religion|religious"),
    ("culture-community", "culture|cultural|community|language|heritage"),
    ("daily-living", "food|cooking|daily living|self care|meal|shopping|personal care"),
    ("physical-health", "physical health"),
];

fn keyword_categories(folded: &str) -> Vec<String> {
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let hay = format!(" {} ", words.join(" "));
    let has = |kw: &str| hay.contains(&format!(" {kw} ")) || hay.contains(&format!(" {kw}s "));
    let mut found: Vec<String> = KEYWORDS
        .iter()
        .filter(|(_, words)| words.split('|').any(has))
        .map(|(id, _)| id.to_string())
        .collect();
    if found.is_empty() && (has("health") || has("healthy")) {
        found.push("physical-health".into());
    }
    found
}

/// The whole directory as a pretty Open Referral UK JSON array of services.
/// Only what the directory holds is written: never favourites, the sample
/// mark or when an entry was changed on this device.
pub fn export(services: &[Service]) -> String {
    let list: Vec<Value> = services.iter().map(to_oruk).collect();
    serde_json::to_string_pretty(&list).unwrap_or_else(|_| "[]".into())
}

fn to_oruk(s: &Service) -> Value {
    let id = match s.id.trim() {
        "" => local_id(&s.name, &s.organisation),
        id => id.to_string(),
    };
    let sub = |what: &str| format!("{id}-{what}");
    let mut o = Object::new();
    let mut put = |key: &str, value: Value| {
        o.insert(key.into(), value);
    };
    put("id", json!(id));
    put("name", json!(s.name));
    put("description", json!(s.description));
    put("status", json!("active"));
    put("url", json!(s.website));
    put("email", json!(s.email));
    if !s.organisation.is_empty() {
        let org_id = local_id(&s.organisation, "");
        put(
            "organization",
            json!({ "id": org_id, "name": s.organisation }),
        );
    }
    if !s.phone.is_empty() {
        let phones = json!([{ "id": sub("phone"), "number": s.phone }]);
        put(
            "contacts",
            json!([{ "id": sub("contact"), "phones": phones }]),
        );
    }
    // A physical place for the address, a virtual one for "online", and the
    // accessibility on the first of them (or on a place of its own).
    let place = |kind: &str, name: &str| json!({ "id": sub(&format!("{kind}-location")), "location_type": kind, "name": name });
    let mut locations: Vec<Value> = Vec::new();
    if !s.address.is_empty() {
        let mut loc = place("physical", &s.name);
        loc["physical_addresses"] = json!([{ "id": sub("address"), "address_1": s.address }]);
        locations.push(loc);
    }
    if s.online {
        locations.push(place("virtual", "Online"));
    }
    if !s.accessibility.is_empty() {
        if locations.is_empty() {
            locations.push(place("physical", &s.name));
        }
        if let Some(first) = locations.first_mut() {
            first["accessibility_for_disabilities"] =
                json!([{ "id": sub("accessibility"), "accessibility": s.accessibility }]);
        }
    }
    if !locations.is_empty() {
        let sals: Vec<Value> = locations
            .into_iter()
            .enumerate()
            .map(
                |(i, loc)| json!({ "id": sub(&format!("at-location-{}", i + 1)), "location": loc }),
            )
            .collect();
        put("service_at_locations", json!(sals));
    }
    if !s.times.is_empty() {
        put(
            "regular_schedules",
            json!([{ "id": sub("schedule"), "description": s.times }]),
        );
    }
    if s.free {
        put(
            "cost_options",
            json!([{ "id": sub("cost"), "option": "Free", "amount": 0 }]),
        );
    } else if !s.cost.is_empty() {
        let mut option = json!({ "id": sub("cost"), "option": s.cost });
        if let Some(p) = pounds(&s.cost).filter(|p| *p > 0) {
            option["amount"] = match p % 100 {
                0 => json!(p / 100),
                _ => json!(p as f64 / 100.0),
            };
        }
        put("cost_options", json!([option]));
    }
    if let Some(a) = s.min_age {
        put("minimum_age", json!(a));
    }
    if let Some(a) = s.max_age {
        put("maximum_age", json!(a));
    }
    if !s.eligibility.is_empty() || s.min_age.is_some() || s.max_age.is_some() {
        let mut e = json!({ "id": sub("eligibility"), "eligibility": s.eligibility });
        if let Some(a) = s.min_age {
            e["minimum_age"] = json!(a);
        }
        if let Some(a) = s.max_age {
            e["maximum_age"] = json!(a);
        }
        put("eligibilitys", json!([e]));
    }
    if !s.last_checked.is_empty() {
        put("assured_date", json!(s.last_checked));
    }
    let taxonomys: Vec<Value> = s
        .categories
        .iter()
        .map(|c| {
            let name = category_title(c).unwrap_or_default();
            json!({ "id": sub(c), "taxonomy": { "id": c, "name": name, "vocabulary": VOCABULARY } })
        })
        .collect();
    put("service_taxonomys", json!(taxonomys));
    let referral = match s.referral {
        ReferralType::TakesReferrals => "takes_referrals",
        ReferralType::SignpostOnly => "signpost_only",
    };
    put("linkwheel_referral", json!(referral));
    Value::Object(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(v: Value) -> Object {
        v.as_object().cloned().unwrap_or_default()
    }

    fn one(v: Value) -> Result<Service, String> {
        parse(&v.to_string()).unwrap().remove(0).result
    }

    #[test]
    fn schedules_in_plain_english() {
        let cases = [
            (
                json!({ "byday": "TU", "opens_at": "10:00", "closes_at": "12:00" }),
                "Tuesdays, 10:00 to 12:00",
            ),
            (
                json!({ "byday": "mo, we,FR", "opens_at": "09:30:00+01:00" }),
                "Mondays, Wednesdays and Fridays, from 09:30",
            ),
            (
                json!({ "byday": "TH", "freq": "WEEKLY", "interval": 2, "closes_at": "16:00" }),
                "Thursdays, every 2 weeks, until 16:00",
            ),
            (
                json!({ "byday": "2MO,-1FR", "freq": "MONTHLY" }),
                "Second Monday of the month and last Friday of the month",
            ),
            (
                json!({ "freq": "MONTHLY", "opens_at": "18:00", "closes_at": "20:00" }),
                "Monthly, 18:00 to 20:00",
            ),
            (
                json!({ "weekday": "saturday", "opens_at": "11:00", "closes_at": "13:00" }),
                "Saturdays, 11:00 to 13:00",
            ),
            (
                json!({ "byday": "TU", "description": "  Tuesday mornings in term time " }),
                "Tuesday mornings in term time",
            ),
            (
                json!({ "byday": "XX,7,é", "opens_at": "ten", "closes_at": "1:00" }),
                "",
            ),
            (json!({ "byday": 3, "interval": "lots" }), ""),
        ];
        for (s, want) in cases {
            assert_eq!(schedule(&obj(s.clone())), want, "{s}");
        }
    }

    #[test]
    fn costs_from_options_or_fees() {
        let cost_of = |v: Value| cost(&obj(v));
        let free = (true, String::new());
        assert_eq!(cost_of(json!({ "fees": "Free." })), free);
        assert_eq!(
            cost_of(json!({ "fees": "£5 per class" })),
            (false, "£5 per class".into())
        );
        assert_eq!(cost_of(json!({})), (false, String::new()));
        assert_eq!(
            cost_of(json!({ "cost_options": [{ "amount": 0 }, { "option": "FREE" }] })),
            free
        );
        assert_eq!(
            cost_of(
                json!({ "fees": "Free", "cost_options": [{ "amount": "3.5", "amount_description": "a session" }] })
            ),
            (false, "£3.50 a session".into())
        );
        assert_eq!(
            cost_of(json!({ "cost_options": [
                { "amount": 35, "option": "Adults", "amount_description": "per hour" },
                { "amount": 0, "option": "Under 5s" },
                { "amount": 2, "option": "£2 for carers" },
                { "amount": -4, "option": "Refund" },
            ] })),
            (
                false,
                "£35 per hour (Adults); Free (Under 5s); £2 for carers; Refund".into()
            )
        );
    }

    #[test]
    fn pounds_in_text() {
        assert_eq!(pounds("£3.50 a session"), Some(350));
        assert_eq!(pounds("£3.5"), Some(350));
        assert_eq!(pounds("£0.07"), Some(7));
        assert_eq!(pounds("From £1,200."), Some(120_000));
        assert_eq!(pounds("£3, pay what you can"), Some(300));
        assert_eq!(pounds("£1,000,000"), Some(100_000_000));
        for none in [
            "free",
            "£",
            "£.",
            "£.5",
            "£1.2.3",
            "£1.234",
            "£2000000",
            "3 pounds",
        ] {
            assert_eq!(pounds(none), None, "{none}");
        }
        assert_eq!(money(350), "£3.50");
        assert_eq!(money(3_500), "£35");
        assert_eq!(money(7), "£0.07");
    }

    #[test]
    fn taxonomy_words_map_to_life_areas() {
        let cats = |t: &str| keyword_categories(&fold(t));
        assert_eq!(cats("Mental health"), ["mental-wellbeing"]);
        assert_eq!(cats("Health"), ["physical-health"]);
        assert_eq!(cats("Walking groups"), ["getting-active"]);
        assert_eq!(cats("Carers' support"), ["family-relationships"]);
        assert_eq!(cats("Arts and crafts"), ["hobbies-fun"]);
        assert_eq!(cats("Volunteering"), ["work-learning"]);
        assert_eq!(cats("Debt and money advice"), ["money-benefits"]);
        assert_eq!(cats("Food banks, cooking"), ["daily-living"]);
        assert_eq!(cats("Arthritis"), Vec::<String>::new());
        assert_eq!(cats("Befriending / social"), ["friends-social"]);
    }

    #[test]
    fn reasons_for_rejected_services() {
        assert_eq!(one(json!({ "name": "A" })).unwrap_err(), "id is missing");
        assert_eq!(
            one(json!({ "id": " ", "name": "A" })).unwrap_err(),
            "id is missing"
        );
        assert_eq!(
            one(json!({ "id": null, "name": "A" })).unwrap_err(),
            "id is missing"
        );
        assert_eq!(
            one(json!({ "id": true, "name": "A" })).unwrap_err(),
            "id should be text"
        );
        assert_eq!(
            one(json!({ "id": 1, "name": {} })).unwrap_err(),
            "name should be text"
        );
        assert_eq!(
            one(json!({ "id": 1, "name": "" })).unwrap_err(),
            "name is missing"
        );
        assert_eq!(
            one(json!({ "id": 1, "name": "A", "status": " Inactive " })).unwrap_err(),
            "it is marked inactive"
        );
        assert_eq!(
            one(json!({ "id": 1, "name": "A", "status": "temporarily closed" })).map(|s| s.id),
            Ok("1".into())
        );
        assert_eq!(
            one(json!({ "id": 1.5, "name": 2 })).map(|s| (s.id, s.name)),
            Ok(("1.5".into(), "2".into()))
        );
    }

    #[test]
    fn ages_dates_online_and_referral() {
        let s = one(json!({
            "id": "x", "name": "X",
            "minimum_age": "16", "maximum_age": 12.5,
            "eligibilitys": [{ "maximum_age": 65, "eligibility": "Carers" }, { "eligibility": "Carers" }],
            "eligibility_description": "People in Anytown",
            "last_modified": "2026-04-01T08:00:00+01:00",
            "service_at_locations": [{ "location": { "addresses": [{ "address_type": "virtual", "address_1": "Zoom" }] } }],
            "attributes": [{ "taxonomy_term": { "term": "Referral required" } }],
        }))
        .unwrap();
        assert_eq!((s.min_age, s.max_age), (Some(16), Some(65)));
        assert_eq!(s.eligibility, "People in Anytown; Carers");
        assert_eq!(s.last_checked, "2026-04-01");
        assert!(s.online && s.address.is_empty());
        assert_eq!(s.referral, ReferralType::TakesReferrals);
        let told = one(
            json!({ "id": "x", "name": "X", "attending_access": "referral", "linkwheel_referral": "signpost_only" }),
        );
        assert_eq!(told.unwrap().referral, ReferralType::SignpostOnly);
        let dated = one(
            json!({ "id": "x", "name": "X", "assured_date": "2026-02-30", "last_modified": "2025-12-01" }),
        );
        assert_eq!(dated.unwrap().last_checked, "2025-12-01");
    }

    #[test]
    fn export_writes_the_profile_fields() {
        let s = Service {
            id: "walk".into(),
            name: "Walk".into(),
            organisation: "Parks".into(),
            online: true,
            accessibility: "Step-free".into(),
            cost: "£2 a walk".into(),
            min_age: Some(50),
            categories: vec!["getting-active".into()],
            favourite: true,
            ..Service::default()
        };
        let v: Value = serde_json::from_str(&export(&[s])).unwrap();
        let s = &v[0];
        assert_eq!(s["status"], "active");
        assert_eq!(s["url"], "");
        assert_eq!(s["organization"]["name"], "Parks");
        assert_eq!(s["cost_options"][0]["amount"], 2);
        assert_eq!(s["minimum_age"], 50);
        assert_eq!(s["eligibilitys"][0]["minimum_age"], 50);
        let loc = &s["service_at_locations"][0]["location"];
        assert_eq!(loc["location_type"], "virtual");
        assert_eq!(
            loc["accessibility_for_disabilities"][0]["accessibility"],
            "Step-free"
        );
        assert_eq!(
            s["service_taxonomys"][0]["taxonomy"]["name"],
            "Getting active"
        );
        assert_eq!(s["linkwheel_referral"], "signpost_only");
        assert!(s.get("favourite").is_none() && s.get("maximum_age").is_none());
        assert_eq!(export(&[]), "[]");
    }
}
