//! Checks on what people type, with messages in plain words. Each problem is
//! tied to the field it belongs to so the form can show it beside that field.

use super::dates::Date;
use super::model::{Goal, Person};
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
    let email = p.email.trim();
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
    let phone = p.phone.trim();
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
    errors
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
    ] {
        *field = field.trim().to_string();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
}
