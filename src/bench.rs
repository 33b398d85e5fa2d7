//! Benchmark seeder (`make bench`, and `tests/e2e/bench.test.mjs`): fills the
//! app's own database with made-up people through the storage layer, so the
//! records are exactly what the app writes. Only in the `bench` feature,
//! which the user's build never has; the `bench-seed` binary
//! (`tests/bench/seed.html`) is its only page.
//!
//! From JavaScript (`window.wasmBindings` on the seed page):
//! `await seed(n)` deletes the `linkwheel` database, opens it with
//! [`Storage::open`] (so the migrations run as for a user) and writes `n`
//! people, each with 3 finished holistic assessments, a plan with 3 goals and
//! 5 contacts; `sample(i)` gives person `i`'s ids and name.
//!
//! Every name is clearly made up ("Person 00042 Ashworth") and everything is
//! deterministic except the dates, which count back from today so review
//! dates are overdue, due this week or later.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::domain::dates::add_days;
use crate::domain::template::{holistic_template, Template, HOLISTIC_ID};
use crate::domain::{
    Answer, Assessment, Contact, ContactKind, Goal, GoalReview, GoalStatus, Person, Plan, Term,
    REFERRAL_SOURCES,
};
use crate::error::AppError;
use crate::platform::{now_ms, today};
use crate::storage::batch::Batch;
use crate::storage::schema::{ASSESSMENTS, CONTACTS, PEOPLE, PLANS};
use crate::storage::{delete_database, to_js, Storage, DB_NAME};

/// People written per transaction: 10 records each, so 5,000 puts.
const PEOPLE_PER_TRANSACTION: u32 = 500;
const ASSESSMENTS_PER_PERSON: u32 = 3;
const CONTACTS_PER_PERSON: u32 = 5;
const DAY_MS: f64 = 86_400_000.0;

const SURNAMES: [&str; 24] = [
    "Ashworth",
    "Barraclough",
    "Cartwright",
    "Dunmore",
    "Ellwood",
    "Fairbairn",
    "Greenhalgh",
    "Hollingworth",
    "Ingleby",
    "Jessop",
    "Kershaw",
    "Lumb",
    "Marsden",
    "Nuttall",
    "Ormerod",
    "Pickles",
    "Quarmby",
    "Rushworth",
    "Sutcliffe",
    "Thwaite",
    "Uttley",
    "Varley",
    "Whitworth",
    "Yeadon",
];

const PRONOUNS: [&str; 4] = ["", "she/her", "he/him", "they/them"];

const REASONS: [&str; 5] = [
    "Feeling isolated since moving to the area.",
    "Low mood and not sleeping well.",
    "Worried about money and bills.",
    "Wants to get more active after an operation.",
    "Caring for a parent and has little time for themselves.",
];

const WHAT_MATTERS: [&str; 4] = [
    "Seeing my grandchildren more often.",
    "Getting back to the allotment.",
    "Feeling less on my own in the evenings.",
    "Keeping on top of the bills.",
];

const CONTACT_NOTES: [&str; 5] = [
    "Talked through the wheel and what to try first.",
    "Phoned to see how the first step went.",
    "Went along to the community cafe together.",
    "Looked at benefits advice options.",
    "Agreed to try the walking group next week.",
];

/// What [`seed`] wrote.
#[derive(Serialize)]
struct Seeded {
    people: u32,
    assessments: u32,
    plans: u32,
    contacts: u32,
    transactions: u32,
    ms: f64,
}

/// One seeded person's ids and name, for the benchmark to find them.
#[derive(Serialize)]
struct Sample {
    index: u32,
    person_id: String,
    name: String,
    /// Their newest assessment (finished; its page opens at the first step).
    assessment_id: String,
    plan_id: String,
}

/// Deletes the app's database and writes `n` made-up people with their
/// records into a fresh one. Resolves to counts and the time it took.
#[wasm_bindgen]
pub async fn seed(n: u32) -> Result<JsValue, JsValue> {
    let started = now_ms();
    let counts = fill(n)
        .await
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    let seeded = Seeded {
        ms: now_ms() - started,
        ..counts
    };
    to_js(&seeded, "report the counts").map_err(|e| JsValue::from_str(&e.to_string()))
}

/// Person `i`'s ids and name (the same for any `n` above `i`).
#[wasm_bindgen]
pub fn sample(i: u32) -> JsValue {
    let s = Sample {
        index: i,
        person_id: person_id(i),
        name: name(i),
        assessment_id: assessment_id(i, ASSESSMENTS_PER_PERSON - 1),
        plan_id: format!("bench-plan-{i:05}"),
    };
    to_js(&s, "describe a person").unwrap_or(JsValue::NULL)
}

async fn fill(n: u32) -> Result<Seeded, AppError> {
    delete_database(DB_NAME).await?;
    let db = Storage::open(DB_NAME).await?;
    let template = holistic_template();
    let day = today();
    let now = now_ms();
    let mut transactions = 0;
    let mut start = 0;
    while start < n {
        let end = (start + PEOPLE_PER_TRANSACTION).min(n);
        let mut batch = Batch::new();
        for i in start..end {
            put_person(&mut batch, i, &template, &day, now)?;
        }
        batch.commit_for(&db, "seed the benchmark records").await?;
        transactions += 1;
        start = end;
    }
    db.close();
    Ok(Seeded {
        people: n,
        assessments: n * ASSESSMENTS_PER_PERSON,
        plans: n,
        contacts: n * CONTACTS_PER_PERSON,
        transactions,
        ms: 0.0,
    })
}

fn person_id(i: u32) -> String {
    format!("bench-person-{i:05}")
}

fn assessment_id(i: u32, k: u32) -> String {
    format!("bench-assessment-{i:05}-{k}")
}

fn name(i: u32) -> String {
    format!("Person {i:05} {}", SURNAMES[i as usize % SURNAMES.len()])
}

/// A small deterministic generator (SplitMix64), so runs are comparable.
struct Rng(u64);

impl Rng {
    fn new(seed: u32) -> Rng {
        Rng(u64::from(seed).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5EED)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn date(today: &str, days: i64) -> String {
    add_days(today, days).unwrap_or_else(|| today.to_string())
}

fn put_person(
    batch: &mut Batch,
    i: u32,
    template: &Template,
    today: &str,
    now: f64,
) -> Result<(), AppError> {
    let mut rng = Rng::new(i);
    let id = person_id(i);
    let spread = i64::from(i % 20);
    let referred = date(today, -(200 + i64::from(i % 300)));
    // Overdue, due this week and later: from 30 days ago to 90 days ahead.
    let next_review = date(today, i64::from(i.wrapping_mul(37) % 121) - 30);

    // Three finished assessments: about six months, three months and a
    // couple of weeks ago.
    let ages = [180 + spread, 90 + spread, 5 + spread];
    let mut latest = None;
    for (k, age) in ages.iter().enumerate() {
        let created_at = now - *age as f64 * DAY_MS;
        let a = assessment(
            &mut rng,
            i,
            k as u32,
            template,
            date(today, -age),
            created_at,
        );
        batch.put(ASSESSMENTS, &a)?;
        latest = Some(a);
    }
    let latest = latest.unwrap_or_default();

    let goals = latest
        .priorities
        .iter()
        .enumerate()
        .map(|(j, area)| goal(i, j, area, today, &latest.date))
        .collect();
    let plan = Plan {
        id: format!("bench-plan-{i:05}"),
        person_id: id.clone(),
        assessment_id: latest.id.clone(),
        what_matters: WHAT_MATTERS[i as usize % WHAT_MATTERS.len()].to_string(),
        goals,
        review_date: next_review.clone(),
        created_at: latest.created_at + 3_600_000.0,
        updated_at: latest.created_at + 3_600_000.0,
    };
    batch.put(PLANS, &plan)?;

    for j in 0..CONTACTS_PER_PERSON {
        let age = i64::from(j) * 14 + i64::from(i % 7);
        let contact = Contact {
            id: format!("bench-contact-{i:05}-{j}"),
            person_id: id.clone(),
            date: date(today, -age),
            kind: ContactKind::ALL[(i + j) as usize % ContactKind::ALL.len()],
            note: CONTACT_NOTES[(i + j) as usize % CONTACT_NOTES.len()].to_string(),
            created_at: now - age as f64 * DAY_MS,
        };
        batch.put(CONTACTS, &contact)?;
    }

    let risk_flag = i.is_multiple_of(23);
    let person = Person {
        id,
        preferred_name: name(i),
        full_name: format!(
            "Sample Person {i:05} {}",
            SURNAMES[i as usize % SURNAMES.len()]
        ),
        date_of_birth: format!(
            "{}-{:02}-{:02}",
            1940 + rng.below(65),
            1 + rng.below(12),
            1 + rng.below(28)
        ),
        pronouns: PRONOUNS[i as usize % PRONOUNS.len()].to_string(),
        phone: format!("01632 960{:03}", i % 1000),
        email: format!("person{i:05}@example.org"),
        referral_source: REFERRAL_SOURCES[i as usize % REFERRAL_SOURCES.len()].to_string(),
        referral_date: referred.clone(),
        referral_reason: REASONS[i as usize % REASONS.len()].to_string(),
        consent_given: true,
        consent_date: referred,
        consent_note: String::new(),
        risk_flag,
        risk_note: if risk_flag {
            "Has mentioned feeling unsafe at home: check in at each contact.".to_string()
        } else {
            String::new()
        },
        closed: None,
        next_review,
        note: "Prefers phone calls in the morning.".to_string(),
        last_assessed: latest.date.clone(),
        created_at: now - (200 + i % 300) as f64 * DAY_MS,
        updated_at: latest.created_at,
    };
    batch.put(PEOPLE, &person)?;
    Ok(())
}

fn assessment(
    rng: &mut Rng,
    i: u32,
    k: u32,
    template: &Template,
    date: String,
    created_at: f64,
) -> Assessment {
    let answers: Vec<Answer> = template
        .areas
        .iter()
        .map(|area| {
            let score = rng.below(11) as u8;
            let low = score < 4;
            Answer {
                area_id: area.id.clone(),
                score: Some(score),
                concerns: if low {
                    area.concerns.iter().take(2).cloned().collect()
                } else {
                    Vec::new()
                },
                own_concerns: Vec::new(),
                what_matters: if low {
                    "Would like this to feel easier.".to_string()
                } else {
                    String::new()
                },
                wants_support: low,
            }
        })
        .collect();
    // The three lowest scores are the priorities.
    let mut order: Vec<usize> = (0..answers.len()).collect();
    crate::domain::order::sort_by_less(&mut order, |a, b| {
        (answers[*a].score, *a) < (answers[*b].score, *b)
    });
    let priorities = order
        .iter()
        .take(3)
        .map(|j| answers[*j].area_id.clone())
        .collect();
    let ons = |rng: &mut Rng| Some(rng.below(11) as u8);
    let ucla = |rng: &mut Rng| Some(1 + rng.below(3) as u8);
    Assessment {
        id: assessment_id(i, k),
        person_id: person_id(i),
        template_id: HOLISTIC_ID.to_string(),
        template_version: 1,
        date,
        current_step: 0,
        answers,
        priorities,
        ons4: [ons(rng), ons(rng), ons(rng), ons(rng)],
        ucla3: [ucla(rng), ucla(rng), ucla(rng)],
        completed: true,
        created_at,
        updated_at: created_at + 1_800_000.0,
    }
}

fn goal(i: u32, j: usize, area: &str, today: &str, assessed: &str) -> Goal {
    const STATUSES: [GoalStatus; 3] = [
        GoalStatus::InProgress,
        GoalStatus::NotStarted,
        GoalStatus::Achieved,
    ];
    let status = STATUSES[(i as usize + j) % STATUSES.len()];
    Goal {
        id: format!("bench-goal-{i:05}-{j}"),
        area_id: area.to_string(),
        text: "Try one new thing each week.".to_string(),
        first_step: "Ring the community centre about the Tuesday group.".to_string(),
        who_can_help: "Link worker and a neighbour".to_string(),
        target_date: date(today, 30 * (j as i64 + 1)),
        term: if j == 2 { Term::Long } else { Term::Short },
        status,
        reviews: vec![GoalReview {
            date: date(assessed, 7),
            status,
            note: "Going well so far.".to_string(),
        }],
        services: Vec::new(),
    }
}
