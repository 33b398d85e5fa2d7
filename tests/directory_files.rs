//! Directory files as people will bring them: Open Referral UK JSON in both
//! profile shapes and CSV saved from spreadsheets, good, partial, malformed
//! and huge, plus property tests (proptest) that the readers never panic on
//! any text or on mutated fixtures, and that export then import gives the
//! same entries back.
//!
//! The fixtures in tests/fixtures/directory/ are the seed corpus of the
//! mutation tests. Native only: run with `cargo test`.

#![cfg(not(target_arch = "wasm32"))]

use linkwheel::domain::dates::Date;
use linkwheel::domain::directory::import::{self, local_id, Format, Parsed};
use linkwheel::domain::directory::sample::sample_directory;
use linkwheel::domain::directory::{categories, csv, oruk, ReferralType, Service};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

macro_rules! fixture {
    ($name:literal) => {
        ($name, include_str!(concat!("fixtures/directory/", $name)))
    };
}

const FIXTURES: &[(&str, &str)] = &[
    fixture!("oruk_full.json"),
    fixture!("oruk_single.json"),
    fixture!("oruk_array.json"),
    fixture!("oruk_page.json"),
    fixture!("oruk_partial.json"),
    fixture!("oruk_wrong_types.json"),
    fixture!("oruk_truncated.json"),
    fixture!("not_json.txt"),
    fixture!("spreadsheet.csv"),
    fixture!("partial.csv"),
    fixture!("unclosed_quote.csv"),
    fixture!("ragged.csv"),
    fixture!("bad_rows.csv"),
    fixture!("duplicate_ids.csv"),
    fixture!("duplicate_ids.json"),
    fixture!("no_name_column.csv"),
];

fn fixture(name: &str) -> &'static str {
    FIXTURES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
        .unwrap_or_else(|| panic!("no fixture {name}"))
}

const NOT_JSON: &str = "This file is not valid JSON, so it cannot be read.";
const WRONG_SHAPE: &str = "This file does not look like Open Referral UK services.";
const NO_NAME: &str = "This CSV file has no name column. The first row must name the columns; download the template to see them.";

/// (row, Ok(service) or Err(reason)) for short assertions.
fn results(rows: &[Parsed]) -> Vec<(usize, Result<&Service, &str>)> {
    rows.iter()
        .map(|p| (p.row, p.result.as_ref().map_err(String::as_str)))
        .collect()
}

fn reasons(rows: &[Parsed]) -> Vec<(usize, &str)> {
    rows.iter()
        .filter_map(|p| p.result.as_ref().err().map(|e| (p.row, e.as_str())))
        .collect()
}

fn ok(p: &Parsed) -> &Service {
    p.result
        .as_ref()
        .unwrap_or_else(|e| panic!("row {}: {e}", p.row))
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// What a shared file carries: everything but favourite, sample and
/// updated_at.
fn shared(s: &Service) -> Service {
    Service {
        favourite: false,
        sample: false,
        updated_at: 0.0,
        ..s.clone()
    }
}

fn round_trip_oruk(list: &[Service]) -> Vec<Service> {
    oruk::parse(&oruk::export(list))
        .expect("export reads back")
        .iter()
        .map(|p| ok(p).clone())
        .collect()
}

fn round_trip_csv(list: &[Service]) -> Vec<Service> {
    csv::parse(&csv::export(list))
        .expect("export reads back")
        .iter()
        .map(|p| ok(p).clone())
        .collect()
}

// ------------------------------------------------------------ Open Referral UK

#[test]
fn oruk_full_example_from_the_profile_maps_every_field() {
    let rows = oruk::parse(fixture("oruk_full.json")).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].row, 1);
    let want = Service {
        id: "9b2f6c1e-4d3a-4b8e-9c7d-2a1f0e5d6c01".into(),
        name: "Talking Space Counselling (example)".into(),
        description: "Free counselling from trained volunteers for adults with anxiety, low mood or a difficult time in their life. Fictional example data.".into(),
        organisation: "Anytown Mind Matters (example)".into(),
        categories: strings(&["mental-wellbeing", "friends-social"]),
        online: true,
        address: "12 High Street, Anytown, Midshire, AB1 2CD".into(),
        phone: "01632 960321".into(),
        email: "talking-space@example.org".into(),
        website: "https://example.org/talking-space".into(),
        times: "Thursdays and Fridays, 10am to 6pm. Closed on bank holidays.".into(),
        free: true,
        cost: String::new(),
        min_age: Some(18),
        max_age: Some(100),
        eligibility: String::new(),
        accessibility: "Step-free entrance and a hearing loop at reception. Ask at reception for the quiet room.".into(),
        referral: ReferralType::TakesReferrals,
        last_checked: "2026-03-14".into(),
        ..Service::default()
    };
    assert_eq!(ok(&rows[0]), &want);
}

#[test]
fn oruk_single_object_in_the_first_profile_shape() {
    let rows = oruk::parse(fixture("oruk_single.json")).unwrap();
    assert_eq!(rows.len(), 1);
    let s = ok(&rows[0]);
    assert_eq!(s.id, "a1b2c3d4-0001-4000-8000-000000000001");
    assert_eq!(s.organisation, "Riverside Leisure Trust (example)");
    assert_eq!(s.address, "Riverside Park, Mill Lane, Anytown, AB1 3EF");
    assert!(!s.online);
    assert_eq!(s.phone, "01632 960111");
    assert_eq!(
        s.times,
        "Tuesdays and Thursdays, 10:00 to 11:30; First Saturday of the month, 14:00 to 16:00"
    );
    assert!(!s.free);
    assert_eq!(s.cost, "£1.50 a walk");
    assert_eq!((s.min_age, s.max_age), (Some(16), None));
    assert_eq!(s.eligibility, "Adults who can walk for an hour");
    assert_eq!(
        s.accessibility,
        "Flat tarmac paths; Benches every 200 metres"
    );
    // Our own vocabulary by id (an unknown id is left out), others by words.
    assert_eq!(
        s.categories,
        strings(&["getting-active", "physical-health"])
    );
    assert_eq!(s.referral, ReferralType::SignpostOnly);
    assert_eq!(s.last_checked, "2026-02-01");
}

#[test]
fn oruk_array_rows_are_numbered_and_closed_or_nameless_services_rejected() {
    let rows = oruk::parse(fixture("oruk_array.json")).unwrap();
    let r = results(&rows);
    assert_eq!(r.len(), 4);
    let debt = r[0].1.unwrap();
    assert!(debt.free && debt.cost.is_empty());
    assert_eq!(
        debt.categories,
        strings(&["money-benefits", "home-housing"])
    );
    assert_eq!(debt.referral, ReferralType::TakesReferrals);
    assert_eq!(debt.phone, "01632 960222");
    assert_eq!(debt.last_checked, "2026-01-20");
    let shed = r[1].1.unwrap();
    assert_eq!((shed.id.as_str(), shed.website.as_str()), ("42", ""));
    assert_eq!(
        reasons(&rows),
        [(3, "it is marked inactive"), (4, "name is missing")]
    );
}

#[test]
fn oruk_api_page_with_a_content_array() {
    let page = oruk::parse(fixture("oruk_page.json")).unwrap();
    let array = oruk::parse(fixture("oruk_array.json")).unwrap();
    assert_eq!(page, array[..2]);
}

#[test]
fn oruk_partial_services_keep_what_they_have() {
    let rows = oruk::parse(fixture("oruk_partial.json")).unwrap();
    assert_eq!(
        ok(&rows[0]),
        &Service {
            id: "c1".into(),
            name: "Name and id only (example)".into(),
            ..Service::default()
        }
    );
    assert_eq!(
        ok(&rows[1]),
        &Service {
            id: "c2".into(),
            name: "Nulls everywhere (example)".into(),
            ..Service::default()
        }
    );
}

#[test]
fn oruk_wrong_types_reject_only_for_id_and_name() {
    let rows = oruk::parse(fixture("oruk_wrong_types.json")).unwrap();
    assert_eq!(
        reasons(&rows),
        [
            (1, "id should be text"),
            (2, "name should be text"),
            (3, "name is missing"),
            (4, "id is missing"),
            (5, "it is not a service"),
            (7, "it is marked defunct"),
        ]
    );
    // Wrong types for optional fields are ignored; a number is text.
    assert_eq!(
        ok(&rows[5]),
        &Service {
            id: "d6".into(),
            name: "1234".into(),
            phone: "1632960000".into(),
            ..Service::default()
        }
    );
}

#[test]
fn oruk_malformed_files_get_a_plain_file_level_message() {
    for text in [
        fixture("oruk_truncated.json"),
        fixture("not_json.txt"),
        "",
        "[",
        "{\"id\": \"a\", \"name\": \"b\",}",
        &"[".repeat(10_000),
    ] {
        assert_eq!(oruk::parse(text).unwrap_err(), NOT_JSON, "{text:.40}");
    }
    for text in [
        "{\"foo\": 1}",
        "\"text\"",
        "42",
        "[1, 2, \"x\"]",
        "{\"content\": 3}",
        "null",
    ] {
        assert_eq!(oruk::parse(text).unwrap_err(), WRONG_SHAPE, "{text}");
    }
    assert_eq!(oruk::parse("[]").unwrap(), []);
    assert_eq!(
        import::read("[]").unwrap_err(),
        "This file has no services in it."
    );
}

#[test]
fn oruk_byte_order_mark_and_windows_line_ends_are_fine() {
    let plain = oruk::parse(fixture("oruk_single.json")).unwrap();
    let windows = format!(
        "\u{feff}{}",
        fixture("oruk_single.json").replace('\n', "\r\n")
    );
    assert_eq!(oruk::parse(&windows).unwrap(), plain);
    let (format, rows) = import::read(&windows).unwrap();
    assert_eq!((format, rows), (Format::OpenReferral, plain));
}

#[test]
fn oruk_huge_fields_reject_the_row_not_the_file() {
    let huge = "x".repeat(1_000_000);
    let text = serde_json::json!([
        { "id": "a", "name": "Fine (example)" },
        { "id": "b", "name": "Huge (example)", "description": huge },
        { "id": "c", "name": "n".repeat(501) },
        { "id": "d", "name": "Long access (example)", "service_at_locations": [
            { "location": { "accessibility_for_disabilities": [{ "accessibility": "é".repeat(10_001) }] } }
        ] },
        { "id": "e", "name": "Just fits (example)", "description": "😀".repeat(10_000) },
    ])
    .to_string();
    let rows = oruk::parse(&text).unwrap();
    assert_eq!(
        reasons(&rows),
        [
            (2, "description is longer than 10,000 characters"),
            (3, "name is longer than 500 characters"),
            (4, "accessibility is longer than 10,000 characters"),
        ]
    );
    assert_eq!(ok(&rows[4]).description.chars().count(), 10_000);
}

#[test]
fn oruk_duplicate_ids_parse_and_the_preview_rejects_the_second() {
    let (format, rows) = import::read(fixture("duplicate_ids.json")).unwrap();
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|p| p.result.is_ok()));
    let preview = import::preview(format, rows, &[], 7.0);
    assert_eq!(preview.new.len(), 1);
    assert_eq!(preview.new[0].name, "First (example)");
    assert_eq!(
        preview.rejected,
        ["service 2: it has the same id as service 1"]
    );
}

#[test]
fn oruk_round_trip_of_the_sample_directory() {
    let list = sample_directory("2026-11-21", 0.0);
    let want: Vec<Service> = list.iter().map(shared).collect();
    assert_eq!(round_trip_oruk(&list), want);
}

/// Text that has broken importers before.
fn tricky() -> Service {
    Service {
        id: "tricky \"1\", <b>".into(),
        name: "Café \"Quotes\", commas; and <script>alert('x')</script>".into(),
        description: "Line one,\r\nline \"two\"\nline three 😀\ttab".into(),
        organisation: "=HYPERLINK(\"http://example.org\")".into(),
        categories: strings(&["hobbies-fun", "work-learning"]),
        online: true,
        address: "Flat 2, \"The Mill\"\n3 Long Lane, AB1 2CD".into(),
        phone: "+44 1632 960000".into(),
        email: "-@example.org".into(),
        website: "@https://example.org/a,b".into(),
        times: "Mondays, 10am to 12 noon\nFridays; \"sometimes\"".into(),
        free: false,
        cost: "£3.50, or £2 \"concessions\"".into(),
        min_age: Some(0),
        max_age: Some(130),
        eligibility: "'quoted' and ''doubled''".into(),
        accessibility: "'=1+2 is not a formula".into(),
        referral: ReferralType::TakesReferrals,
        last_checked: "2024-02-29".into(),
        favourite: true,
        sample: true,
        updated_at: 99.0,
    }
}

#[test]
fn oruk_round_trip_of_tricky_text_and_no_personal_fields() {
    let s = tricky();
    assert_eq!(round_trip_oruk(std::slice::from_ref(&s)), [shared(&s)]);
    let text = oruk::export(&[s]);
    for private in ["favourite", "sample\"", "updated_at"] {
        assert!(!text.contains(private), "{private} in {text}");
    }
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let service = &value[0];
    assert_eq!(service["status"], "active");
    assert_eq!(service["cost_options"][0]["amount"], 3.5);
    assert_eq!(service["linkwheel_referral"], "takes_referrals");
    assert_eq!(
        service["service_taxonomys"][0]["taxonomy"]["vocabulary"],
        "linkwheel-life-areas"
    );
    assert_eq!(
        service["service_at_locations"][1]["location"]["location_type"],
        "virtual"
    );
}

// ------------------------------------------------------------------------ CSV

#[test]
fn csv_from_a_spreadsheet_with_bom_crlf_and_titles() {
    let (format, rows) = import::read(fixture("spreadsheet.csv")).unwrap();
    assert_eq!(format, Format::Csv);
    // Row 3 is blank and skipped; numbering follows the spreadsheet.
    assert_eq!(rows.iter().map(|p| p.row).collect::<Vec<_>>(), [2, 4, 5]);
    let walk = Service {
        id: "walk-talk-1".into(),
        name: "Walk and Talk (example)".into(),
        description: "A gentle walk, then tea.\nBring \"comfy\" shoes.".into(),
        organisation: "Anytown Leisure (example)".into(),
        categories: strings(&["getting-active", "friends-social"]),
        online: false,
        address: "1 Park Road, Anytown, AB1 2CD".into(),
        phone: "+44 1632 960001".into(),
        email: "walk@example.org".into(),
        website: "https://example.org/walk".into(),
        times: "Tuesdays, 10am to 11am".into(),
        free: false,
        cost: "£2 a session".into(),
        min_age: Some(50),
        max_age: None,
        eligibility: String::new(),
        accessibility: "Flat paths, benches".into(),
        referral: ReferralType::TakesReferrals,
        last_checked: "2026-03-14".into(),
        ..Service::default()
    };
    assert_eq!(ok(&rows[0]), &walk);
    let money = ok(&rows[1]);
    assert_eq!(
        money.id,
        local_id(
            "Money Matters Drop-in (example)",
            "Hillside Advice (example)"
        )
    );
    assert_eq!(
        money.categories,
        strings(&["money-benefits", "work-learning"])
    );
    assert!(money.online && money.free && money.cost.is_empty());
    assert_eq!((money.min_age, money.max_age), (Some(18), Some(99)));
    assert_eq!(money.referral, ReferralType::SignpostOnly);
    assert_eq!(money.last_checked, "2026-03-01");
    assert_eq!(ok(&rows[2]).description, "=SUM(A1:A2)");
}

#[test]
fn csv_partial_columns_and_no_final_line_break() {
    let rows = csv::parse(fixture("partial.csv")).unwrap();
    let r = results(&rows);
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].0, 2);
    let knit = r[0].1.unwrap();
    assert_eq!(knit.description, "Bring your own wool.");
    assert_eq!(knit.id, local_id("Library Knit and Natter (example)", ""));
    assert_eq!(r[1].0, 3);
    assert_eq!(r[1].1.unwrap().name, "Chess Club (example)");
}

#[test]
fn csv_unclosed_quote_rejects_the_last_row_only() {
    let rows = csv::parse(fixture("unclosed_quote.csv")).unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(ok(&rows[0]).name, "Good Row (example)");
    assert_eq!(reasons(&rows), [(3, "a quote is not closed")]);
}

#[test]
fn csv_ragged_rows() {
    let rows = csv::parse(fixture("ragged.csv")).unwrap();
    assert_eq!(
        reasons(&rows),
        [(3, "it has more cells than the header row")]
    );
    assert_eq!(ok(&rows[0]).description, "Only two cells");
    // Empty cells past the header (spreadsheet padding) are harmless.
    assert!(ok(&rows[2]).free);
}

#[test]
fn csv_rows_with_bad_values_say_why() {
    let rows = csv::parse(fixture("bad_rows.csv")).unwrap();
    assert_eq!(
        reasons(&rows),
        [
            (2, "name is missing"),
            (3, "categories: \"Swimming\" is not a life area we know"),
            (
                4,
                "categories: \"Swimming\", \"Chess\" and \"Knitting\" are not life areas we know"
            ),
            (5, "online should be yes or no"),
            (6, "min_age should be a whole number from 0 to 130"),
            (7, "max_age should be a whole number from 0 to 130"),
            (8, "min_age is more than max_age"),
            (
                9,
                "referral should be \"takes referrals\" or \"signpost only\""
            ),
            (10, "last_checked should be a date like 2026-03-14"),
            (11, "last_checked should be a date like 2026-03-14"),
        ]
    );
    let good = ok(&rows[10]);
    assert_eq!(good.categories, strings(&["faith-meaning"]));
    assert!(good.online);
    assert_eq!((good.min_age, good.max_age), (Some(0), Some(130)));
    assert_eq!(good.referral, ReferralType::TakesReferrals);
}

#[test]
fn csv_without_a_name_column_is_refused() {
    assert_eq!(
        csv::parse(fixture("no_name_column.csv")).unwrap_err(),
        NO_NAME
    );
    assert_eq!(csv::parse("").unwrap_err(), NO_NAME);
    assert_eq!(csv::parse("\u{feff}\r\n\r\n").unwrap_err(), NO_NAME);
    assert_eq!(import::read("title\nx\n").unwrap_err(), NO_NAME);
    assert!(csv::parse("name,\"description\nrow")
        .unwrap_err()
        .contains("quote that is not closed"));
    assert_eq!(
        import::read("name\r\n").unwrap_err(),
        "This file has no services in it."
    );
}

#[test]
fn csv_huge_cells_reject_the_row_not_the_file() {
    let huge = "x".repeat(1_000_000);
    let text = format!(
        "name,description,categories\nFine (example),,\nHuge (example),\"{huge}\",\n\
         Huge area (example),,\"{huge}\"\n"
    );
    let rows = csv::parse(&text).unwrap();
    let r = reasons(&rows);
    assert_eq!(r[0], (3, "description is longer than 10,000 characters"));
    assert_eq!(r[1].0, 4);
    assert!(r[1].1.len() < 100, "the reason quotes only the start");
    assert_eq!(rows.len(), 3);
}

#[test]
fn csv_duplicate_ids_parse_and_the_preview_rejects_the_second() {
    let (format, rows) = import::read(fixture("duplicate_ids.csv")).unwrap();
    assert_eq!(rows.len(), 3);
    let existing = [Service {
        id: "other-id".into(),
        favourite: true,
        ..Service::default()
    }];
    let preview = import::preview(format, rows, &existing, 7.0);
    assert_eq!(preview.new.len(), 1);
    assert_eq!(preview.updated.len(), 1);
    assert!(preview.updated[0].favourite);
    assert_eq!(preview.rejected, ["row 4: it has the same id as row 2"]);
}

#[test]
fn csv_rows_are_numbered_by_record_not_by_line() {
    let text = "name,description\n\nA,\"two\nlines\"\n\n\nB,x\r\n";
    let rows = csv::parse(text).unwrap();
    assert_eq!(rows.iter().map(|p| p.row).collect::<Vec<_>>(), [3, 6]);
}

#[test]
fn csv_export_layout_quoting_and_formula_protection() {
    let s = Service {
        id: "a".into(),
        name: "=1+1".into(),
        description: "say \"hi\", then\nleave".into(),
        categories: strings(&["getting-active", "hobbies-fun"]),
        phone: "+44 1632 960000".into(),
        free: true,
        min_age: Some(5),
        ..Service::default()
    };
    let text = csv::export(std::slice::from_ref(&s));
    let header = "id,name,description,organisation,categories,online,address,phone,email,website,times,cost,min_age,max_age,eligibility,accessibility,referral,last_checked";
    assert_eq!(
        text,
        format!(
            "\u{feff}{header}\r\na,'=1+1,\"say \"\"hi\"\", then\nleave\",,getting-active; hobbies-fun,no,,'+44 1632 960000,,,,Free,5,,,,Signpost only,\r\n"
        )
    );
    assert_eq!(round_trip_csv(std::slice::from_ref(&s)), [s]);
    assert_eq!(csv::export(&[]), format!("\u{feff}{header}\r\n"));
}

#[test]
fn csv_round_trip_of_the_sample_directory_and_tricky_text() {
    let list = sample_directory("2026-11-21", 0.0);
    let want: Vec<Service> = list.iter().map(shared).collect();
    assert_eq!(round_trip_csv(&list), want);
    let s = tricky();
    assert_eq!(round_trip_csv(std::slice::from_ref(&s)), [shared(&s)]);
    let text = csv::export(&[s]);
    assert!(!text.contains("favourite") && !text.contains("updated_at"));
}

#[test]
fn csv_template_is_fictional_and_reads_back() {
    let text = csv::template();
    let rows = csv::parse(&text).unwrap();
    assert_eq!(rows.len(), 1);
    let s = ok(&rows[0]);
    assert!(s.phone.starts_with("01632 960"));
    assert!(s.email.ends_with("@example.org") && s.website.starts_with("https://example.org"));
    assert!(s.name.contains("(example)"));
    assert_eq!(csv::export(std::slice::from_ref(s)), text);
}

// ----------------------------------------------------------- property tests

/// Text with the characters that matter to the readers, weighted up.
fn nasty_text(max: usize) -> impl Strategy<Value = String> {
    let c = prop_oneof![
        4 => any::<char>(),
        2 => prop::sample::select(vec!['"', ',', '\n', '\r', '\'', ';', '=', '{', '}', '[', ']', ':', '\\', '\u{feff}', '£', 'é', '😀', ' ']),
        2 => prop::char::range('a', 'z'),
    ];
    prop::collection::vec(c, 0..max).prop_map(|v| v.into_iter().collect())
}

/// A stored text field: trimmed, as import leaves every field.
fn field(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        8 => nasty_text(max),
        1 => Just("<script>alert(\"x\")</script>".to_string()),
        1 => Just(String::new()),
    ]
    .prop_map(|s| s.trim().to_string())
}

fn required_field() -> impl Strategy<Value = String> {
    field(20).prop_map(|s| if s.is_empty() { "n".into() } else { s })
}

fn date() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        (-100_000i64..100_000).prop_map(|d| Date::from_day_number(d)
            .map(|d| d.to_string())
            .unwrap_or_default()),
    ]
}

fn ages() -> impl Strategy<Value = (Option<u8>, Option<u8>)> {
    (prop::option::of(0u8..=130), prop::option::of(0u8..=130)).prop_map(|(a, b)| match (a, b) {
        (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
        other => other,
    })
}

/// A cost that no reader would take for "free".
fn cost() -> impl Strategy<Value = String> {
    prop_oneof![
        field(30),
        (0u32..100_000, field(10)).prop_map(|(p, t)| format!("£{}.{:02} {t}", p / 100, p % 100)),
    ]
    .prop_map(|c| {
        let c = c.trim().to_string();
        let lower = c.to_ascii_lowercase();
        if ["free", "0", "0.00", "£0", "£0.00"].contains(&lower.as_str()) {
            format!("{c} each")
        } else {
            c
        }
    })
}

fn service() -> impl Strategy<Value = Service> {
    let ids: Vec<String> = categories().into_iter().map(|(id, _)| id).collect();
    let text = (
        required_field(),
        required_field(),
        field(60),
        field(20),
        field(40),
        field(20),
        field(20),
        field(30),
        field(40),
        field(40),
        field(40),
    );
    let rest = (
        prop::collection::vec(prop::sample::select(ids), 0..5),
        any::<bool>(),
        any::<bool>(),
        cost(),
        ages(),
        any::<bool>(),
        date(),
        any::<(bool, bool, f64)>(),
    );
    (text, rest).prop_map(
        |(
            (
                id,
                name,
                description,
                organisation,
                address,
                phone,
                email,
                website,
                times,
                eligibility,
                accessibility,
            ),
            (
                mut cats,
                online,
                free,
                cost,
                (min_age, max_age),
                takes,
                last_checked,
                (favourite, sample, updated_at),
            ),
        )| {
            let mut seen = Vec::new();
            cats.retain(|c| {
                let new = !seen.contains(c);
                seen.push(c.clone());
                new
            });
            Service {
                id,
                name,
                description,
                organisation,
                categories: cats,
                online,
                address,
                phone,
                email,
                website,
                times,
                free,
                cost: if free { String::new() } else { cost },
                min_age,
                max_age,
                eligibility,
                accessibility,
                referral: if takes {
                    ReferralType::TakesReferrals
                } else {
                    ReferralType::SignpostOnly
                },
                last_checked,
                favourite,
                sample,
                updated_at,
            }
        },
    )
}

#[derive(Clone, Debug)]
enum Mutation {
    Flip(usize, u8),
    Truncate(usize),
    Delete(usize, usize),
    Insert(usize, &'static str),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let pieces = vec![
        "\"", ",", "\n", "\r\n", "\r", "{", "}", "[", "]", ":", "'", "=", "\u{feff}", "é", "😀",
        "\\", "\\u", "null", "1e999", "\"\"", ",,,,", "\"a\nb\"",
    ];
    prop_oneof![
        (any::<usize>(), 0u8..8).prop_map(|(i, bit)| Mutation::Flip(i, bit)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), 1usize..20).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<usize>(), prop::sample::select(pieces)).prop_map(|(i, p)| Mutation::Insert(i, p)),
    ]
}

fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for m in mutations {
        let at = |i: usize, len: usize| if len == 0 { 0 } else { i % (len + 1) };
        match *m {
            Mutation::Flip(i, bit) if !bytes.is_empty() => {
                let i = i % bytes.len();
                bytes[i] ^= 1 << bit;
            }
            Mutation::Flip(..) => {}
            Mutation::Truncate(i) => bytes.truncate(at(i, bytes.len())),
            Mutation::Delete(i, n) => {
                let start = at(i, bytes.len());
                let end = (start + n).min(bytes.len());
                bytes.drain(start..end);
            }
            Mutation::Insert(i, piece) => {
                let start = at(i, bytes.len());
                bytes.splice(start..start, piece.bytes());
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Reads a text every way the app does; only a panic fails.
fn read_every_way(text: &str) {
    let _ = oruk::parse(text);
    let _ = csv::parse(text);
    if let Ok((format, rows)) = import::read(text) {
        let _ = import::preview(format, rows, &[], 0.0);
    }
}

/// `cases` per property (or `PROPTEST_CASES` for a longer hunt); failures
/// found are kept (and committed) in tests/proptest-regressions/ and tried
/// first on every later run.
fn config(cases: u32) -> ProptestConfig {
    let env = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok());
    ProptestConfig {
        cases: env.unwrap_or(cases),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "tests/proptest-regressions/directory_files.txt",
        ))),
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn readers_never_panic_on_any_text(text in nasty_text(200)) {
        read_every_way(&text);
    }

    #[test]
    fn readers_never_panic_on_arbitrary_strings(text in any::<String>()) {
        read_every_way(&text);
    }

    #[test]
    fn readers_never_panic_on_mutated_fixtures(
        which in 0..FIXTURES.len(),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        read_every_way(&mutate(FIXTURES[which].1, &mutations));
    }

}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn rows_keep_their_numbers_and_every_row_is_accounted_for(
        list in prop::collection::vec(service(), 0..5),
    ) {
        let rows = csv::parse(&csv::export(&list)).unwrap();
        prop_assert_eq!(rows.iter().map(|p| p.row).collect::<Vec<_>>(), (2..list.len() + 2).collect::<Vec<_>>());
        let rows = oruk::parse(&oruk::export(&list)).unwrap();
        prop_assert_eq!(rows.iter().map(|p| p.row).collect::<Vec<_>>(), (1..list.len() + 1).collect::<Vec<_>>());
    }
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn oruk_export_then_import_gives_the_same_services(list in prop::collection::vec(service(), 1..4)) {
        let want: Vec<Service> = list.iter().map(shared).collect();
        prop_assert_eq!(round_trip_oruk(&list), want);
    }

    #[test]
    fn csv_export_then_import_gives_the_same_services(list in prop::collection::vec(service(), 1..4)) {
        let want: Vec<Service> = list.iter().map(shared).collect();
        prop_assert_eq!(round_trip_csv(&list), want);
    }
}
