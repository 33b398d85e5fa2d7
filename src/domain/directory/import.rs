//! Reading a directory file and the preview shown before anything is saved:
//! how many entries are new, how many update an entry already here, and
//! each rejected row with its reason.

use super::{csv, oruk, Service};
use crate::domain::search::{fold, thousands};

/// One row of a CSV file or one service of an Open Referral UK file: the
/// entry, or why it cannot be imported ("name is missing").
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// 1-based: the CSV row (the header is row 1) or the service's place in
    /// the JSON file.
    pub row: usize,
    pub result: Result<Service, String>,
}

/// Largest file Linkwheel will read, in bytes (5 MB).
pub const MAX_FILE_BYTES: f64 = 5_000_000.0;

/// Which format a file is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    OpenReferral,
    Csv,
}

impl Format {
    /// What a row is called in the messages: "row 7", "service 3".
    pub fn row_word(self) -> &'static str {
        match self {
            Format::OpenReferral => "service",
            Format::Csv => "row",
        }
    }
}

/// JSON when the text (after a byte order mark and spaces) starts with `{`
/// or `[`, else CSV.
pub fn detect(text: &str) -> Format {
    match text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .next()
    {
        Some('{') | Some('[') => Format::OpenReferral,
        _ => Format::Csv,
    }
}

/// Reads a whole file. `Err` is a plain message about the file as a whole
/// ("This file is empty."); problems with single rows are in the rows.
pub fn read(text: &str) -> Result<(Format, Vec<Parsed>), String> {
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err("This file is empty.".into());
    }
    let format = detect(text);
    let rows = match format {
        Format::OpenReferral => oruk::parse(text)?,
        Format::Csv => csv::parse(text)?,
    };
    if rows.is_empty() {
        return Err("This file has no services in it.".into());
    }
    Ok((format, rows))
}

/// An id for an entry that came without one: made from its name and
/// organisation, so importing the same CSV again updates the entry rather
/// than adding it twice.
pub fn local_id(name: &str, organisation: &str) -> String {
    let mut id = String::from("local-");
    let mut dash = false;
    for c in fold(&format!("{name} {organisation}")).chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
            dash = false;
        } else if !dash && !id.ends_with('-') {
            id.push('-');
            dash = true;
        }
    }
    id.trim_end_matches('-').to_string()
}

/// Longest description, times, cost, eligibility or accessibility, in
/// characters.
pub const MAX_LONG_CHARS: usize = 10_000;
/// Longest id, name, organisation, address, phone, email or website.
pub const MAX_SHORT_CHARS: usize = 500;

/// Why an entry cannot be imported because a field is too long
/// ("description is longer than 10,000 characters"), checked in column order.
pub fn check_lengths(s: &Service) -> Result<(), String> {
    let (short, long) = (MAX_SHORT_CHARS, MAX_LONG_CHARS);
    let fields = [
        ("id", &s.id, short),
        ("name", &s.name, short),
        ("description", &s.description, long),
        ("organisation", &s.organisation, short),
        ("address", &s.address, short),
        ("phone", &s.phone, short),
        ("email", &s.email, short),
        ("website", &s.website, short),
        ("times", &s.times, long),
        ("cost", &s.cost, long),
        ("eligibility", &s.eligibility, long),
        ("accessibility", &s.accessibility, long),
    ];
    match fields
        .iter()
        .find(|(_, text, max)| text.chars().nth(*max).is_some())
    {
        Some((name, _, max)) => Err(format!(
            "{name} is longer than {} characters",
            thousands(*max)
        )),
        None => Ok(()),
    }
}

/// What an import would do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preview {
    /// Entries whose id is not on the device yet.
    pub new: Vec<Service>,
    /// Entries replacing one with the same id (the favourite mark is kept).
    pub updated: Vec<Service>,
    /// "row 7: name is missing", in file order.
    pub rejected: Vec<String>,
}

impl Preview {
    /// Everything that would be saved.
    pub fn accepted(&self) -> Vec<Service> {
        self.new.iter().chain(&self.updated).cloned().collect()
    }
}

/// Sorts the parsed rows into new, updated and rejected. A second row with
/// the same id as an earlier one is rejected, naming the earlier row.
pub fn preview(format: Format, rows: Vec<Parsed>, existing: &[Service], now: f64) -> Preview {
    let word = format.row_word();
    let mut out = Preview::default();
    let mut seen: Vec<(String, usize)> = Vec::new();
    for Parsed { row, result } in rows {
        match result {
            Err(reason) => out.rejected.push(format!("{word} {row}: {reason}")),
            Ok(mut service) => {
                if let Some((_, first)) = seen.iter().find(|(id, _)| *id == service.id) {
                    out.rejected.push(format!(
                        "{word} {row}: it has the same id as {word} {first}"
                    ));
                    continue;
                }
                seen.push((service.id.clone(), row));
                service.updated_at = now;
                service.sample = false;
                match existing.iter().find(|e| e.id == service.id) {
                    Some(old) => {
                        service.favourite = old.favourite;
                        out.updated.push(service);
                    }
                    None => out.new.push(service),
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(row: usize, id: &str, name: &str) -> Parsed {
        Parsed {
            row,
            result: Ok(Service {
                id: id.into(),
                name: name.into(),
                ..Service::default()
            }),
        }
    }

    #[test]
    fn detects_json_and_csv() {
        assert_eq!(detect("\u{feff}  [{}]"), Format::OpenReferral);
        assert_eq!(detect("{\"id\":1}"), Format::OpenReferral);
        assert_eq!(detect("name,description\n"), Format::Csv);
    }

    #[test]
    fn empty_files_are_refused() {
        assert_eq!(read("").unwrap_err(), "This file is empty.");
        assert_eq!(read("\u{feff}\r\n  ").unwrap_err(), "This file is empty.");
    }

    #[test]
    fn local_ids_are_stable_and_plain() {
        assert_eq!(
            local_id("Walking Football!", "Riverside Café"),
            "local-walking-football-riverside-cafe"
        );
        assert_eq!(local_id("  A  ", ""), "local-a");
    }

    #[test]
    fn over_long_fields_are_named_in_column_order() {
        let mut s = Service {
            name: "n".repeat(MAX_SHORT_CHARS),
            description: "é".repeat(MAX_LONG_CHARS),
            ..Service::default()
        };
        assert_eq!(check_lengths(&s), Ok(()));
        s.phone = "1".repeat(MAX_SHORT_CHARS + 1);
        s.description.push('x');
        assert_eq!(
            check_lengths(&s),
            Err("description is longer than 10,000 characters".into())
        );
        s.description.clear();
        assert_eq!(
            check_lengths(&s),
            Err("phone is longer than 500 characters".into())
        );
    }

    #[test]
    fn preview_sorts_new_updated_and_rejected_and_keeps_favourites() {
        let existing = vec![Service {
            id: "b".into(),
            name: "Old B".into(),
            favourite: true,
            ..Service::default()
        }];
        let rows = vec![
            ok(2, "a", "A"),
            ok(3, "b", "New B"),
            Parsed {
                row: 4,
                result: Err("name is missing".into()),
            },
            ok(5, "a", "A again"),
        ];
        let p = preview(Format::Csv, rows, &existing, 5.0);
        assert_eq!(p.new.len(), 1);
        assert_eq!(p.updated.len(), 1);
        assert!(p.updated[0].favourite);
        assert_eq!(p.updated[0].name, "New B");
        assert_eq!(p.updated[0].updated_at, 5.0);
        assert_eq!(
            p.rejected,
            [
                "row 4: name is missing",
                "row 5: it has the same id as row 2"
            ]
        );
        assert_eq!(p.accepted().len(), 2);
    }
}
