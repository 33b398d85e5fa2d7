//! CSV import and export with documented column names (see
//! docs/directory-files.md).
//!
//! The reader is written by hand to keep the WebAssembly small. It follows
//! RFC 4180 (quoted cells, doubled quotes, commas and line breaks inside
//! quotes, CRLF or LF line ends) and skips a UTF-8 byte order mark.
//! Rows are numbered as a spreadsheet shows them: the header is row 1 and
//! every record counts as one row, blank ones included, however many lines a
//! quoted cell spans. Every cell is trimmed of spaces at both ends.

use super::import::{check_lengths, local_id, Parsed};
use super::{categories, category_for_area, ReferralType, Service};
use crate::domain::dates::Date;
use crate::domain::search::fold;

/// The columns, in the order [`export`] writes them.
pub const COLUMNS: [&str; 18] = [
    "id",
    "name",
    "description",
    "organisation",
    "categories",
    "online",
    "address",
    "phone",
    "email",
    "website",
    "times",
    "cost",
    "min_age",
    "max_age",
    "eligibility",
    "accessibility",
    "referral",
    "last_checked",
];

const NO_NAME: &str = "This CSV file has no name column. The first row must name the columns; download the template to see them.";
const OPEN_HEADER: &str =
    "The first row of this CSV file has a quote that is not closed, so its columns cannot be read.";

/// Cells kept per record: far more than any directory has columns, and
/// few enough that a file of nothing but commas cannot fill the memory.
const MAX_CELLS: usize = 1_000;

/// One record: its row number, its cells, and whether the file ended inside
/// a quoted cell.
struct Record {
    row: usize,
    cells: Vec<String>,
    open_quote: bool,
}

/// Ends a cell: kept, or past [`MAX_CELLS`] dropped, with a cell that says
/// something kept in its place so the row still has "more cells".
fn end_cell(cells: &mut Vec<String>, cell: &mut String) {
    let cell = std::mem::take(cell);
    if cells.len() < MAX_CELLS {
        cells.push(cell);
    } else if !cell.trim().is_empty() && cells.len() == MAX_CELLS {
        cells.push("…".into());
    }
}

fn records(text: &str) -> Vec<Record> {
    let mut out: Vec<Record> = Vec::new();
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c != '"' {
                cell.push(c);
            } else if chars.next_if_eq(&'"').is_some() {
                cell.push('"');
            } else {
                quoted = false;
            }
            continue;
        }
        match c {
            // A quote opens a quoted cell only at its start (spaces before
            // it are dropped); elsewhere it is kept as it is.
            '"' if cell.trim().is_empty() => {
                cell.clear();
                quoted = true;
            }
            ',' => end_cell(&mut cells, &mut cell),
            '\r' | '\n' => {
                if c == '\r' {
                    chars.next_if_eq(&'\n');
                }
                end_cell(&mut cells, &mut cell);
                let row = out.len() + 1;
                out.push(Record {
                    row,
                    cells: std::mem::take(&mut cells),
                    open_quote: false,
                });
            }
            _ => cell.push(c),
        }
    }
    if quoted || !cell.is_empty() || !cells.is_empty() {
        end_cell(&mut cells, &mut cell);
        let row = out.len() + 1;
        out.push(Record {
            row,
            cells,
            open_quote: quoted,
        });
    }
    out
}

/// True for text a spreadsheet would run as a formula: starting with `=`,
/// `+`, `-` or `@`, after any apostrophes.
fn formula_like(text: &str) -> bool {
    text.trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@'])
}

/// A header cell as a column name: "Last checked" is `last_checked`.
fn column_name(header: &str) -> String {
    let name: String = header
        .trim()
        .chars()
        .map(|c| match c {
            ' ' | '-' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    if name == "organization" {
        "organisation".into()
    } else {
        name
    }
}

/// Reads a CSV file whose first row names the columns (any order, any case,
/// unknown columns ignored). `Err` when the file has no `name` column.
pub fn parse(text: &str) -> Result<Vec<Parsed>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let blank = |r: &Record| !r.open_quote && r.cells.iter().all(|c| c.trim().is_empty());
    let mut rows = records(text).into_iter().filter(|r| !blank(r));
    let header = rows.next().ok_or(NO_NAME)?;
    if header.open_quote {
        return Err(OPEN_HEADER.into());
    }
    let names: Vec<String> = header.cells.iter().map(|h| column_name(h)).collect();
    // For each of COLUMNS, the first cell of the header naming it.
    let columns: Vec<Option<usize>> = COLUMNS
        .iter()
        .map(|c| names.iter().position(|n| n == c))
        .collect();
    if columns[1].is_none() {
        return Err(NO_NAME.into());
    }
    Ok(rows
        .map(|r| Parsed {
            row: r.row,
            result: service(&r, &columns, names.len()),
        })
        .collect())
}

fn service(r: &Record, columns: &[Option<usize>], width: usize) -> Result<Service, String> {
    if r.open_quote {
        return Err("a quote is not closed".into());
    }
    if r.cells.iter().skip(width).any(|c| !c.trim().is_empty()) {
        return Err("it has more cells than the header row".into());
    }
    let get = |name: &str| -> String {
        let cell = COLUMNS
            .iter()
            .position(|c| *c == name)
            .and_then(|k| columns.get(k).copied().flatten())
            .and_then(|i| r.cells.get(i))
            .map_or("", |c| c.trim());
        match cell.strip_prefix('\'') {
            Some(rest) if formula_like(cell) => rest.to_string(),
            _ => cell.to_string(),
        }
    };
    let name = get("name");
    if name.is_empty() {
        return Err("name is missing".into());
    }
    let organisation = get("organisation");
    let id = match get("id") {
        id if id.is_empty() => local_id(&name, &organisation),
        id => id,
    };
    let online = match fold(&get("online")).as_str() {
        "yes" | "y" | "true" | "1" => true,
        "no" | "n" | "false" | "0" | "" => false,
        _ => return Err("online should be yes or no".into()),
    };
    let cost = get("cost");
    let free = matches!(fold(&cost).as_str(), "free" | "0" | "0.00" | "£0" | "£0.00");
    let age = |column: &str| -> Result<Option<u8>, String> {
        let text = get(column);
        if text.is_empty() {
            return Ok(None);
        }
        text.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| text.parse::<u8>().ok())
            .flatten()
            .filter(|a| *a <= 130)
            .map(Some)
            .ok_or_else(|| format!("{column} should be a whole number from 0 to 130"))
    };
    let (min_age, max_age) = (age("min_age")?, age("max_age")?);
    if let (Some(min), Some(max)) = (min_age, max_age) {
        if min > max {
            return Err("min_age is more than max_age".into());
        }
    }
    let referral = match fold(&get("referral")).as_str() {
        "takes referrals" | "takes_referrals" | "referral" | "referrals" | "yes" => {
            ReferralType::TakesReferrals
        }
        "signpost only" | "signpost_only" | "signpost" | "no" | "" => ReferralType::SignpostOnly,
        _ => return Err("referral should be \"takes referrals\" or \"signpost only\"".into()),
    };
    let last_checked = match get("last_checked") {
        date if date.is_empty() => date,
        date => day(&date).ok_or("last_checked should be a date like 2026-03-14")?,
    };
    let s = Service {
        id,
        name,
        description: get("description"),
        organisation,
        categories: life_areas(&get("categories"))?,
        online,
        address: get("address"),
        phone: get("phone"),
        email: get("email"),
        website: get("website"),
        times: get("times"),
        free,
        cost: if free { String::new() } else { cost },
        min_age,
        max_age,
        eligibility: get("eligibility"),
        accessibility: get("accessibility"),
        referral,
        last_checked,
        ..Service::default()
    };
    check_lengths(&s).map(|()| s)
}

/// `YYYY-MM-DD` from `YYYY-MM-DD` or the UK's `DD/MM/YYYY`.
fn day(text: &str) -> Option<String> {
    if let Some(d) = Date::parse(text) {
        return Some(d.to_string());
    }
    let num = |t: &str| -> Option<u32> {
        (!t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
    };
    let mut parts = text.split('/');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 {
        return None;
    }
    Date::new(i32::try_from(num(y)?).ok()?, num(m)?, num(d)?).map(|d| d.to_string())
}

/// Category ids from ids or titles (any case, punctuation ignored) separated
/// by `;`, in order, without repeats; `Err` names the ones that are not
/// life areas.
fn life_areas(cell: &str) -> Result<Vec<String>, String> {
    let known = categories();
    let mut found: Vec<String> = Vec::new();
    let mut unknown: Vec<String> = Vec::new();
    // Letters and digits only, so "Faith meaning and purpose" finds
    // "Faith, meaning and purpose" and "Getting Active" finds getting-active.
    let key = |t: &str| -> String {
        fold(t)
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect()
    };
    for part in cell.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let wanted = key(part);
        let id = known
            .iter()
            .find(|(id, title)| key(id) == wanted || key(title) == wanted)
            .map(|(id, _)| id.clone())
            .or_else(|| category_for_area(&fold(part)).map(String::from));
        match id {
            Some(id) if !found.contains(&id) => found.push(id),
            Some(_) => {}
            None => {
                let short: String = part.chars().take(40).collect();
                let more = if short.len() < part.len() { "…" } else { "" };
                unknown.push(format!("\"{short}{more}\""));
            }
        }
    }
    match unknown.as_slice() {
        [] => Ok(found),
        [one] => Err(format!("categories: {one} is not a life area we know")),
        [rest @ .., last] => Err(format!(
            "categories: {} and {last} are not life areas we know",
            rest.join(", ")
        )),
    }
}

/// The cells of a service, in the order of [`COLUMNS`].
fn cells(s: &Service) -> [String; 18] {
    let age = |a: Option<u8>| a.map(|a| a.to_string()).unwrap_or_default();
    [
        s.id.clone(),
        s.name.clone(),
        s.description.clone(),
        s.organisation.clone(),
        s.categories.join("; "),
        if s.online { "yes" } else { "no" }.into(),
        s.address.clone(),
        s.phone.clone(),
        s.email.clone(),
        s.website.clone(),
        s.times.clone(),
        s.cost_text(),
        age(s.min_age),
        age(s.max_age),
        s.eligibility.clone(),
        s.accessibility.clone(),
        s.referral.label().into(),
        s.last_checked.clone(),
    ]
}

/// Adds one cell: an apostrophe before text a spreadsheet would run as a
/// formula, and quotes around text with a comma, quote, line break or
/// spaces at either end.
fn push_cell(out: &mut String, text: &str) {
    let text = if formula_like(text) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    let quote = text.contains([',', '"', '\r', '\n'])
        || text.starts_with(char::is_whitespace)
        || text.ends_with(char::is_whitespace);
    if quote {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&text);
    }
}

fn push_row<S: AsRef<str>>(out: &mut String, cells: &[S]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_cell(out, cell.as_ref());
    }
    out.push_str("\r\n");
}

/// The whole directory as CSV: a byte order mark (so spreadsheets read "£"
/// and accents right), the header row, then one row per service, with CRLF
/// line ends. Favourites, the sample mark and change times are not written.
pub fn export(services: &[Service]) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, &COLUMNS);
    for s in services {
        push_row(&mut out, &cells(s));
    }
    out
}

/// The header row and one clearly fictional example row, to download as a
/// starting point.
pub fn template() -> String {
    let example = Service {
        id: "example-coffee-morning".into(),
        name: "Coffee Morning (example)".into(),
        description: "A friendly coffee morning for anyone who would like company. Delete this row and add your own."
            .into(),
        organisation: "Anytown Community Centre (example)".into(),
        categories: vec!["friends-social".into(), "mental-wellbeing".into()],
        address: "1 Example Road, Anytown, AB1 2CD".into(),
        phone: "01632 960999".into(),
        email: "coffee@example.org".into(),
        website: "https://example.org/coffee".into(),
        times: "Thursdays, 10am to 12 noon".into(),
        cost: "£1 a cup, pay what you can".into(),
        min_age: Some(18),
        eligibility: "Adults living in Anytown".into(),
        accessibility: "Step-free entrance and accessible toilet.".into(),
        referral: ReferralType::SignpostOnly,
        last_checked: "2026-03-14".into(),
        ..Service::default()
    };
    export(&[example])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells_of(text: &str) -> Vec<(usize, Vec<String>, bool)> {
        records(text)
            .into_iter()
            .map(|r| (r.row, r.cells, r.open_quote))
            .collect()
    }

    fn v(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn records_follow_rfc_4180() {
        assert_eq!(
            cells_of("a,\"b,c\",\"d \"\"e\"\"\"\r\n\"multi\r\nline\",x\n"),
            [
                (1, v(&["a", "b,c", "d \"e\""]), false),
                (2, v(&["multi\r\nline", "x"]), false)
            ]
        );
        // A quote inside an unquoted cell is kept; spaces before an opening
        // quote are dropped; text after a closing quote is kept.
        assert_eq!(
            cells_of("5\" screen,  \"q\" ,\"a\"b"),
            [(1, v(&["5\" screen", "q ", "ab"]), false)]
        );
        assert_eq!(
            cells_of("a\rb\n\nc"),
            [
                (1, v(&["a"]), false),
                (2, v(&["b"]), false),
                (3, v(&[""]), false),
                (4, v(&["c"]), false)
            ]
        );
        assert_eq!(
            cells_of("a,\"open\nstill"),
            [(1, v(&["a", "open\nstill"]), true)]
        );
        assert_eq!(cells_of(""), []);
        assert_eq!(cells_of(","), [(1, v(&["", ""]), false)]);
        // Past MAX_CELLS only whether there was more text is kept.
        let wide = records(&",".repeat(5_000)).remove(0).cells;
        assert_eq!(wide.len(), MAX_CELLS);
        let wide = records(&format!("{}x,,", ",".repeat(3_000)))
            .remove(0)
            .cells;
        assert_eq!((wide.len(), wide[MAX_CELLS].as_str()), (MAX_CELLS + 1, "…"));
        let rows = parse(&format!(
            "name\nA{}x\nB{}\n",
            ",".repeat(2_000),
            ",".repeat(2_000)
        ))
        .unwrap();
        assert_eq!(
            rows[0].result,
            Err("it has more cells than the header row".into())
        );
        assert!(rows[1].result.is_ok());
    }

    #[test]
    fn header_names_are_forgiving() {
        assert_eq!(column_name(" Last Checked "), "last_checked");
        assert_eq!(column_name("MIN-AGE"), "min_age");
        assert_eq!(column_name("Organization"), "organisation");
        let rows = parse("Website,NAME,ignored\nexample.org,A,zzz\n").unwrap();
        let s = rows[0].result.as_ref().unwrap();
        assert_eq!((s.name.as_str(), s.website.as_str()), ("A", "example.org"));
        // The first of two columns with the same name is read.
        let rows = parse("name,name\nFirst,Second\n").unwrap();
        assert_eq!(
            rows[0].result.as_ref().map(|s| s.name.as_str()),
            Ok("First")
        );
    }

    #[test]
    fn dates_iso_or_uk() {
        assert_eq!(day("2026-03-14").as_deref(), Some("2026-03-14"));
        assert_eq!(day("14/03/2026").as_deref(), Some("2026-03-14"));
        assert_eq!(day("4/3/2026").as_deref(), Some("2026-03-04"));
        for bad in [
            "29/02/2025",
            "03/14/2026",
            "14/03/26",
            "14/03/2026/1",
            "14-03-2026",
            "/ /2026",
            "+1/+1/2026",
        ] {
            assert_eq!(day(bad), None, "{bad}");
        }
    }

    #[test]
    fn cost_words() {
        let cost = |cell: &str| {
            let rows = parse(&format!("name,cost\nA,{cell}\n")).unwrap();
            rows[0]
                .result
                .as_ref()
                .map(|s| (s.free, s.cost.clone()))
                .unwrap()
        };
        for free in ["free", "FREE", "Free", "0", "£0", "£0.00", " free "] {
            assert_eq!(cost(free), (true, String::new()), "{free}");
        }
        assert_eq!(cost(""), (false, String::new()));
        assert_eq!(cost("£3 a session"), (false, "£3 a session".into()));
        assert_eq!(cost("Free for carers"), (false, "Free for carers".into()));
    }

    #[test]
    fn formula_protection_both_ways() {
        let mut out = String::new();
        for text in ["=1+1", "+44", "-5", "@x", "'=x", "'x", "x=1", ""] {
            out.clear();
            push_cell(&mut out, text);
            let back = parse(&format!("name,description\nA,{out}\n")).unwrap();
            let got = back[0].result.as_ref().map(|s| s.description.clone());
            assert_eq!(got.as_deref(), Ok(text), "{text} was written {out}");
        }
        out.clear();
        push_cell(&mut out, "=HYPERLINK(\"x\")");
        assert_eq!(out, "\"'=HYPERLINK(\"\"x\"\")\"");
        out.clear();
        push_cell(&mut out, " padded ");
        assert_eq!(out, "\" padded \"");
    }

    #[test]
    fn life_area_names() {
        assert_eq!(
            life_areas("Getting Active;money-benefits ; Money and benefits;;feelings"),
            Ok(vec![
                "getting-active".into(),
                "money-benefits".into(),
                "mental-wellbeing".into()
            ])
        );
        assert_eq!(life_areas(""), Ok(vec![]));
        assert_eq!(
            life_areas("Swimming; Chess"),
            Err("categories: \"Swimming\" and \"Chess\" are not life areas we know".into())
        );
    }
}
