//! Checks on what people type, with messages in plain words. Each problem is
//! tied to the field it belongs to so the form can show it beside that field.

use super::dates::Date;
use super::directory::Service;
use super::model::{Closure, Contact, Goal, Person};
use super::template::Template;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

fn err(field: &'static str, message: &str) -> FieldError {
    FieldError {
        field,
        message: message.to_string(),
    }
}

/// The message for `field`, if it has one.
pub fn message_for<'a>(errors: &'a [FieldError], field: &str) -> Option<&'a str> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.as_str())
}

fn optional_date(errors: &mut Vec<FieldError>, field: &'static str, value: &str, what: &str) {
    if !value.trim().is_empty() && Date::parse(value).is_none() {
        errors.push(FieldError {
            field,
            message: format!("Enter {what} as a real date, for example 21 11 2026."),
        });
    }
}

/// A required date: given, real, and (when `today` is a real date) not
/// after it. `what` names the date in messages.
fn past_date(
    errors: &mut Vec<FieldError>,
    field: &'static str,
    value: &str,
    today: &str,
    what: &str,
) {
    if value.trim().is_empty() {
        errors.push(FieldError {
            field,
            message: format!("Enter {what}."),
        });
        return;
    }
    optional_date(errors, field, value, what);
    not_in_future(errors, field, value, today, what);
}

/// Adds "… cannot be in the future." when `value` and `today` are real dates
/// and `value` is after `today`.
fn not_in_future(
    errors: &mut Vec<FieldError>,
    field: &'static str,
    value: &str,
    today: &str,
    what: &str,
) {
    if let (Some(d), Some(t)) = (Date::parse(value), Date::parse(today)) {
        if d > t {
            let mut message = format!("{what} cannot be in the future.");
            // "the date of birth" -> "The date of birth".
            if let Some(first) = message.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            errors.push(FieldError { field, message });
        }
    }
}

/// The most characters a note can have.
pub const MAX_NOTE_CHARS: usize = 2000;

fn note_length(errors: &mut Vec<FieldError>, field: &'static str, value: &str) {
    if value.chars().count() > MAX_NOTE_CHARS {
        errors.push(err(field, "Keep the note to 2,000 characters or fewer."));
    }
}

/// Checks a person's details. Dates, when given, must be real dates; use
/// [`validate_person_on`] to also check none of them is in the future.
pub fn validate_person(p: &Person) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if p.preferred_name.trim().is_empty() {
        errors.push(err(
            "preferred_name",
            "Enter the name the person likes to be called.",
        ));
    } else if p.preferred_name.chars().count() > 100 {
        errors.push(err(
            "preferred_name",
            "Keep the preferred name under 100 letters.",
        ));
    }
    optional_date(
        &mut errors,
        "date_of_birth",
        &p.date_of_birth,
        "the date of birth",
    );
    optional_date(
        &mut errors,
        "referral_date",
        &p.referral_date,
        "the referral date",
    );
    optional_date(
        &mut errors,
        "consent_date",
        &p.consent_date,
        "the date consent was given",
    );
    check_email(&mut errors, &p.email);
    check_phone(&mut errors, &p.phone);
    errors
}

fn check_email(errors: &mut Vec<FieldError>, email: &str) {
    let email = email.trim();
    if !email.is_empty() {
        let ok = email.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty() && host.contains('.') && !host.starts_with('.') && !host.ends_with('.')
        }) && !email.contains(char::is_whitespace);
        if !ok {
            errors.push(err(
                "email",
                "Enter an email address like name@example.com, or leave it blank.",
            ));
        }
    }
}

fn check_phone(errors: &mut Vec<FieldError>, phone: &str) {
    let phone = phone.trim();
    if !phone.is_empty()
        && !phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +()-".contains(c))
    {
        errors.push(err(
            "phone",
            "A phone number can only have numbers, spaces and + ( ) -.",
        ));
    }
}

/// Checks a directory entry: a name, a real email and phone number, ages
/// in order, and a last-checked date that is real and not after `today`.
pub fn validate_service(s: &Service, today: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if s.name.trim().is_empty() {
        errors.push(err("name", "Enter the name of the activity or service."));
    } else if s.name.chars().count() > 200 {
        errors.push(err("name", "Keep the name under 200 letters."));
    }
    check_email(&mut errors, &s.email);
    check_phone(&mut errors, &s.phone);
    for (field, age) in [("min_age", s.min_age), ("max_age", s.max_age)] {
        if age.is_some_and(|a| a > 130) {
            errors.push(err(field, "Enter an age from 0 to 130, or leave it blank."));
        }
    }
    if let (Some(min), Some(max)) = (s.min_age, s.max_age) {
        if min > max {
            errors.push(err(
                "max_age",
                "The oldest age must be the same as the youngest age or more.",
            ));
        }
    }
    optional_date(
        &mut errors,
        "last_checked",
        &s.last_checked,
        "the date the details were checked",
    );
    not_in_future(
        &mut errors,
        "last_checked",
        &s.last_checked,
        today,
        "the date the details were checked",
    );
    if s.description.chars().count() > 10_000 {
        errors.push(err(
            "description",
            "Keep the description to 10,000 characters or fewer.",
        ));
    }
    errors
}

/// [`validate_person`], and the date of birth, referral date and consent
/// date cannot be after `today` (`YYYY-MM-DD`).
pub fn validate_person_on(p: &Person, today: &str) -> Vec<FieldError> {
    let mut errors = validate_person(p);
    for (field, value, what) in [
        ("date_of_birth", &p.date_of_birth, "the date of birth"),
        ("referral_date", &p.referral_date, "the referral date"),
        (
            "consent_date",
            &p.consent_date,
            "the date consent was given",
        ),
    ] {
        not_in_future(&mut errors, field, value, today, what);
    }
    errors
}

/// A record with a date (real, not after `today`) and a note of at most
/// 2,000 characters; `what` names the date in the message.
fn dated_note(date: &str, note: &str, today: &str, what: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    past_date(&mut errors, "date", date, today, what);
    note_length(&mut errors, "note", note);
    errors
}

/// Checks a contact log entry.
pub fn validate_contact(c: &Contact, today: &str) -> Vec<FieldError> {
    dated_note(&c.date, &c.note, today, "the date of the contact")
}

/// Checks the closing of an episode.
pub fn validate_closure(c: &Closure, today: &str) -> Vec<FieldError> {
    dated_note(&c.date, &c.note, today, "the date the support ended")
}

pub fn validate_goal(g: &Goal, t: &Template) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if t.area(&g.area_id).is_none() {
        errors.push(err(
            "area_id",
            "Choose the part of life this goal is about.",
        ));
    }
    if g.text.trim().is_empty() {
        errors.push(err("text", "Write the goal in the person's own words."));
    }
    optional_date(
        &mut errors,
        "target_date",
        &g.target_date,
        "the target date",
    );
    errors
}

/// Trims every text field, so "  Sam " is saved as "Sam".
pub fn tidy_person(p: &mut Person) {
    for field in [
        &mut p.preferred_name,
        &mut p.full_name,
        &mut p.date_of_birth,
        &mut p.pronouns,
        &mut p.phone,
        &mut p.email,
        &mut p.referral_source,
        &mut p.referral_date,
        &mut p.referral_reason,
        &mut p.consent_date,
        &mut p.consent_note,
        &mut p.risk_note,
        &mut p.note,
    ] {
        *field = field.trim().to_string();
    }
}

/// Trims a contact's date and note.
pub fn tidy_contact(c: &mut Contact) {
    c.date = c.date.trim().to_string();
    c.note = c.note.trim().to_string();
}

/// Trims a closure's date and note.
pub fn tidy_closure(c: &mut Closure) {
    c.date = c.date.trim().to_string();
    c.note = c.note.trim().to_string();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_service_needs_a_name_and_sensible_details() {
        let today = "2026-11-21";
        let good = Service {
            name: "Choir".into(),
            email: "sing@example.org".into(),
            phone: "01632 960001".into(),
            min_age: Some(18),
            max_age: Some(65),
            last_checked: "2026-11-01".into(),
            ..Service::default()
        };
        assert!(validate_service(&good, today).is_empty());
        let bad = Service {
            name: "  ".into(),
            email: "not an email".into(),
            phone: "call me".into(),
            min_age: Some(70),
            max_age: Some(65),
            last_checked: "2027-01-01".into(),
            description: "x".repeat(10_001),
            ..Service::default()
        };
        let fields: Vec<&str> = validate_service(&bad, today)
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            [
                "name",
                "email",
                "phone",
                "max_age",
                "last_checked",
                "description"
            ]
        );
        let odd_date = Service {
            last_checked: "2026-02-30".into(),
            ..good
        };
        assert_eq!(
            message_for(&validate_service(&odd_date, today), "last_checked"),
            Some("Enter the date the details were checked as a real date, for example 21 11 2026.")
        );
    }
    use crate::domain::template::holistic_template;

    #[test]
    fn preferred_name_is_required() {
        let p = Person {
            preferred_name: "   ".into(),
            ..Person::default()
        };
        let e = validate_person(&p);
        assert_eq!(
            message_for(&e, "preferred_name"),
            Some("Enter the name the person likes to be called.")
        );
        let ok = Person {
            preferred_name: "Sam".into(),
            ..Person::default()
        };
        assert!(validate_person(&ok).is_empty());
    }

    #[test]
    fn optional_fields_are_checked_only_when_given() {
        let p = Person {
            preferred_name: "Sam".into(),
            date_of_birth: "1950-02-30".into(),
            email: "sam at home".into(),
            phone: "0191 abc".into(),
            ..Person::default()
        };
        let fields: Vec<&str> = validate_person(&p).iter().map(|e| e.field).collect();
        assert_eq!(fields, ["date_of_birth", "email", "phone"]);
        let good = Person {
            preferred_name: "Sam".into(),
            date_of_birth: "1950-02-28".into(),
            email: "sam@example.org".into(),
            phone: "+44 (0)191 496 0000".into(),
            ..Person::default()
        };
        assert!(validate_person(&good).is_empty());
    }

    #[test]
    fn goals_need_an_area_and_words() {
        let t = holistic_template();
        let g = Goal {
            target_date: "soon".into(),
            ..Goal::default()
        };
        let fields: Vec<&str> = validate_goal(&g, &t).iter().map(|e| e.field).collect();
        assert_eq!(fields, ["area_id", "text", "target_date"]);
        let ok = Goal {
            area_id: "getting-active".into(),
            text: "Try walking football".into(),
            ..Goal::default()
        };
        assert!(validate_goal(&ok, &t).is_empty());
    }

    #[test]
    fn tidy_trims() {
        let mut p = Person {
            preferred_name: "  Sam ".into(),
            email: " a@b.co ".into(),
            ..Person::default()
        };
        tidy_person(&mut p);
        assert_eq!(
            (p.preferred_name.as_str(), p.email.as_str()),
            ("Sam", "a@b.co")
        );
    }

    #[test]
    fn referral_and_consent_dates_are_real_and_not_in_the_future() {
        let p = Person {
            preferred_name: "Sam".into(),
            referral_date: "2026-02-30".into(),
            consent_date: "yesterday".into(),
            ..Person::default()
        };
        let e = validate_person(&p);
        assert_eq!(
            message_for(&e, "referral_date"),
            Some("Enter the referral date as a real date, for example 21 11 2026.")
        );
        assert_eq!(
            message_for(&e, "consent_date"),
            Some("Enter the date consent was given as a real date, for example 21 11 2026.")
        );
        let later = Person {
            preferred_name: "Sam".into(),
            date_of_birth: "2027-01-01".into(),
            referral_date: "2026-11-22".into(),
            consent_date: "2026-11-21".into(),
            ..Person::default()
        };
        assert!(validate_person(&later).is_empty());
        let e = validate_person_on(&later, "2026-11-21");
        let fields: Vec<&str> = e.iter().map(|x| x.field).collect();
        assert_eq!(fields, ["date_of_birth", "referral_date"]);
        assert_eq!(
            message_for(&e, "referral_date"),
            Some("The referral date cannot be in the future.")
        );
        assert_eq!(
            message_for(&e, "date_of_birth"),
            Some("The date of birth cannot be in the future.")
        );
        assert!(validate_person_on(&later, "2027-01-01").is_empty());
        assert_eq!(validate_person_on(&p, "2026-11-21"), validate_person(&p));
    }

    #[test]
    fn contacts_need_a_real_past_date_and_a_short_note() {
        let today = "2026-11-21";
        let blank = Contact::default();
        assert_eq!(
            validate_contact(&blank, today),
            [FieldError {
                field: "date",
                message: "Enter the date of the contact.".into()
            }]
        );
        let unreal = Contact {
            date: "2026-11-31".into(),
            ..Contact::default()
        };
        assert_eq!(
            message_for(&validate_contact(&unreal, today), "date"),
            Some("Enter the date of the contact as a real date, for example 21 11 2026.")
        );
        let future = Contact {
            date: "2026-11-22".into(),
            ..Contact::default()
        };
        assert_eq!(
            message_for(&validate_contact(&future, today), "date"),
            Some("The date of the contact cannot be in the future.")
        );
        let long = Contact {
            date: today.into(),
            note: "a".repeat(2001),
            ..Contact::default()
        };
        assert_eq!(
            message_for(&validate_contact(&long, today), "note"),
            Some("Keep the note to 2,000 characters or fewer.")
        );
        let ok = Contact {
            date: today.into(),
            note: "é".repeat(2000),
            ..Contact::default()
        };
        assert!(validate_contact(&ok, today).is_empty());
    }

    #[test]
    fn closures_need_a_real_date() {
        let today = "2026-11-21";
        assert_eq!(
            message_for(&validate_closure(&Closure::default(), today), "date"),
            Some("Enter the date the support ended.")
        );
        let unreal = Closure {
            date: "21/11/2026".into(),
            ..Closure::default()
        };
        assert_eq!(
            message_for(&validate_closure(&unreal, today), "date"),
            Some("Enter the date the support ended as a real date, for example 21 11 2026.")
        );
        let future = Closure {
            date: "2026-12-01".into(),
            ..Closure::default()
        };
        assert_eq!(
            message_for(&validate_closure(&future, today), "date"),
            Some("The date the support ended cannot be in the future.")
        );
        let ok = Closure {
            date: "2026-11-20".into(),
            ..Closure::default()
        };
        assert!(validate_closure(&ok, today).is_empty());
    }

    #[test]
    fn tidy_trims_the_episode_fields() {
        let mut p = Person {
            referral_date: " 2026-01-02 ".into(),
            referral_reason: " Low mood\n".into(),
            consent_date: " 2026-01-03".into(),
            consent_note: " Verbal ".into(),
            risk_note: "  ".into(),
            note: " Likes mornings ".into(),
            ..Person::default()
        };
        tidy_person(&mut p);
        assert_eq!(
            (
                p.referral_date.as_str(),
                p.referral_reason.as_str(),
                p.consent_date.as_str(),
                p.consent_note.as_str(),
                p.risk_note.as_str(),
                p.note.as_str()
            ),
            (
                "2026-01-02",
                "Low mood",
                "2026-01-03",
                "Verbal",
                "",
                "Likes mornings"
            )
        );
        let mut c = Contact {
            date: " 2026-01-02 ".into(),
            note: " Phoned ".into(),
            ..Contact::default()
        };
        tidy_contact(&mut c);
        assert_eq!((c.date.as_str(), c.note.as_str()), ("2026-01-02", "Phoned"));
        let mut cl = Closure {
            date: " 2026-01-02 ".into(),
            note: " Done ".into(),
            ..Closure::default()
        };
        tidy_closure(&mut cl);
        assert_eq!((cl.date.as_str(), cl.note.as_str()), ("2026-01-02", "Done"));
    }
}
