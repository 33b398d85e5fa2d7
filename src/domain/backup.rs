//! The backup file: its format, its checks and how a restore merges it.
//! Pure Rust; the encryption itself is WebCrypto's (`crate::crypto`).
//!
//! A backup file is JSON:
//!
//! ```json
//! { "format": "linkwheel-backup", "version": 1, "created_at": 1763700000000,
//!   "kdf": { "name": "PBKDF2", "hash": "SHA-256", "iterations": 600000, "salt": "…" },
//!   "cipher": { "name": "AES-GCM", "iv": "…" },
//!   "data": "…" }
//! ```
//!
//! `salt`, `iv` and `data` are base64. `data` is the [`Contents`] as JSON,
//! encrypted with AES-256-GCM under a key derived from the backup's
//! passphrase; the header (everything but `data`) is the cipher's additional
//! data, so changing any byte of the file makes it fail to open.

use std::borrow::Cow;

use serde::de::{DeserializeOwned, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub const FORMAT: &str = "linkwheel-backup";
/// The newest file version this Linkwheel reads and the one it writes.
pub const VERSION: u32 = 1;
/// PBKDF2-HMAC-SHA256 iterations for a backup's key.
pub const ITERATIONS: u32 = 600_000;
/// The shortest passphrase accepted for a backup.
pub const MIN_PASSPHRASE: usize = 8;

/// The stores a backup holds, in the order they are restored, with what
/// one record is called in messages.
pub const STORES: [(&str, &str); 7] = [
    ("people", "person"),
    ("assessments", "assessment"),
    ("plans", "plan"),
    ("contacts", "contact"),
    ("templates", "template"),
    ("directory", "directory entry"),
    ("settings", "setting"),
];

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Kdf {
    pub name: String,
    pub hash: String,
    pub iterations: u32,
    pub salt: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cipher {
    pub name: String,
    pub iv: String,
}

/// The file as written: a header, and the encrypted contents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub format: String,
    pub version: u32,
    pub created_at: f64,
    pub kdf: Kdf,
    pub cipher: Cipher,
    pub data: String,
}

/// What is inside, once decrypted: every record of every store, as stored.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Contents {
    pub version: u32,
    pub created_at: f64,
    /// Store name to its records.
    pub stores: serde_json::Map<String, Value>,
}

/// Why a file cannot be restored, in plain words. Each says nothing changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupProblem {
    NotABackup,
    Damaged,
    Newer(u32),
    /// The passphrase is wrong, or the encrypted part was changed.
    CannotOpen,
}

impl BackupProblem {
    pub fn message(&self) -> String {
        let text = match self {
            BackupProblem::NotABackup => {
                "This file is not a Linkwheel backup.".to_string()
            }
            BackupProblem::Damaged => {
                "This backup file is damaged or incomplete, so it cannot be used.".to_string()
            }
            BackupProblem::Newer(v) => format!(
                "This backup was made by a newer Linkwheel (backup version {v}). Update Linkwheel on this device first."
            ),
            BackupProblem::CannotOpen => "The backup could not be opened. Check the passphrase: it must be the one chosen when the backup was made. If it is right, the file has been changed or damaged.".to_string(),
        };
        format!("{text} Nothing on this device has changed.")
    }
}

impl Envelope {
    /// The header the cipher authenticates: the file without `data`.
    pub fn header(&self) -> String {
        format!(
            "{}|{}|{}|{}|{}|{}|{}|{}",
            self.format,
            self.version,
            self.created_at,
            self.kdf.name,
            self.kdf.hash,
            self.kdf.iterations,
            self.kdf.salt,
            self.cipher.iv
        )
    }

    /// A new envelope around `data` (base64 ciphertext).
    pub fn new(created_at: f64, salt: &[u8], iv: &[u8], data: &[u8]) -> Self {
        Envelope {
            format: FORMAT.into(),
            version: VERSION,
            created_at,
            kdf: Kdf {
                name: "PBKDF2".into(),
                hash: "SHA-256".into(),
                iterations: ITERATIONS,
                salt: base64_encode(salt),
            },
            cipher: Cipher {
                name: "AES-GCM".into(),
                iv: base64_encode(iv),
            },
            data: base64_encode(data),
        }
    }

    /// Reads and checks a file's text: that it is a backup, of a version
    /// this Linkwheel reads, whole, with sane parameters. Returns the
    /// envelope and its decoded salt, iv and ciphertext. The `data` text is
    /// read where it lies in `text`, never copied into a JSON value of its
    /// own: it is most of the file.
    pub fn parse(text: &str) -> Result<Opened, BackupProblem> {
        let fields: Fields =
            serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
                if e.is_eof() && text.trim_start().starts_with('{') && text.contains(FORMAT) {
                    BackupProblem::Damaged
                } else {
                    BackupProblem::NotABackup
                }
            })?;
        if fields.format.as_ref().and_then(Value::as_str) != Some(FORMAT) {
            return Err(BackupProblem::NotABackup);
        }
        let version = fields
            .version
            .as_ref()
            .and_then(Value::as_u64)
            .ok_or(BackupProblem::Damaged)?;
        if version > u64::from(VERSION) {
            return Err(BackupProblem::Newer(
                u32::try_from(version).unwrap_or(u32::MAX),
            ));
        }
        let envelope = Envelope {
            format: FORMAT.into(),
            version: typed(fields.version)?,
            created_at: typed(fields.created_at)?,
            kdf: typed(fields.kdf)?,
            cipher: typed(fields.cipher)?,
            data: String::new(),
        };
        let ok_params = envelope.version >= 1
            && envelope.kdf.name == "PBKDF2"
            && envelope.kdf.hash == "SHA-256"
            && (100_000..=10_000_000).contains(&envelope.kdf.iterations)
            && envelope.cipher.name == "AES-GCM";
        if !ok_params {
            return Err(BackupProblem::Damaged);
        }
        let data = fields
            .data
            .and_then(|d| d.0)
            .ok_or(BackupProblem::Damaged)?;
        let salt = base64_decode(&envelope.kdf.salt).ok_or(BackupProblem::Damaged)?;
        let iv = base64_decode(&envelope.cipher.iv).ok_or(BackupProblem::Damaged)?;
        let data = base64_decode(&data).ok_or(BackupProblem::Damaged)?;
        // A GCM tag alone is 16 bytes: anything shorter was cut off.
        if salt.len() != 16 || iv.len() != 12 || data.len() < 17 {
            return Err(BackupProblem::Damaged);
        }
        Ok(Opened {
            envelope,
            salt,
            iv,
            data,
        })
    }
}

/// A file's fields as [`Envelope::parse`] first reads them: the small ones
/// as JSON values, checked one by one, and `data` as its text in the file.
#[derive(Deserialize)]
struct Fields<'a> {
    #[serde(default)]
    format: Option<Value>,
    #[serde(default)]
    version: Option<Value>,
    #[serde(default)]
    created_at: Option<Value>,
    #[serde(default)]
    kdf: Option<Value>,
    #[serde(default)]
    cipher: Option<Value>,
    #[serde(default, borrow)]
    data: Option<Data<'a>>,
}

/// A header field as its type; missing or of the wrong shape, the file is
/// damaged.
fn typed<T: DeserializeOwned>(value: Option<Value>) -> Result<T, BackupProblem> {
    value
        .and_then(|v| serde_json::from_value(v).ok())
        .ok_or(BackupProblem::Damaged)
}

/// `data` as it is in the file: its text, borrowed from the file when it
/// has no escapes (base64 never needs one), or `None` when it is not text
/// (read and set aside, so the file is damaged rather than not a backup).
struct Data<'a>(Option<Cow<'a, str>>);

impl<'de: 'a, 'a> Deserialize<'de> for Data<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DataVisitor)
    }
}

struct DataVisitor;

impl<'de> Visitor<'de> for DataVisitor {
    type Value = Data<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("the encrypted data")
    }
    fn visit_borrowed_str<E>(self, text: &'de str) -> Result<Data<'de>, E> {
        Ok(Data(Some(Cow::Borrowed(text))))
    }
    fn visit_str<E>(self, text: &str) -> Result<Data<'de>, E> {
        Ok(Data(Some(Cow::Owned(text.to_string()))))
    }
    fn visit_bool<E>(self, _: bool) -> Result<Data<'de>, E> {
        Ok(Data(None))
    }
    fn visit_i64<E>(self, _: i64) -> Result<Data<'de>, E> {
        Ok(Data(None))
    }
    fn visit_u64<E>(self, _: u64) -> Result<Data<'de>, E> {
        Ok(Data(None))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Data<'de>, E> {
        Ok(Data(None))
    }
    fn visit_unit<E>(self) -> Result<Data<'de>, E> {
        Ok(Data(None))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Data<'de>, A::Error> {
        while items.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Data(None))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut fields: A) -> Result<Data<'de>, A::Error> {
        while fields.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Data(None))
    }
}

/// A checked envelope with its binary parts decoded.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    /// The header; its `data` is left empty (the bytes are [`Opened::data`]).
    pub envelope: Envelope,
    pub salt: Vec<u8>,
    pub iv: Vec<u8>,
    pub data: Vec<u8>,
}

impl Contents {
    /// Reads decrypted contents, checking them as [`check_contents`] does.
    pub fn parse(plain: &str) -> Result<Contents, BackupProblem> {
        let value: Value = serde_json::from_str(plain).map_err(|_| BackupProblem::Damaged)?;
        check_contents(&&value)?;
        serde_json::from_value(value).map_err(|_| BackupProblem::Damaged)
    }

    /// The records of one store (none when the backup has no such store).
    pub fn records(&self, store: &str) -> &[Value] {
        self.stores
            .get(store)
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// "3 people, 5 assessments, 2 plans…": what the backup holds.
    pub fn summary(&self) -> Vec<String> {
        summary(|store| self.records(store).len())
    }
}

/// "3 people, 5 assessments, 2 plans…", from the number of records in each
/// store.
pub fn summary(count: impl Fn(&str) -> usize) -> Vec<String> {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    vec![
        plural(count("people"), "person", "people"),
        plural(count("assessments"), "assessment", "assessments"),
        plural(count("plans"), "action plan", "action plans"),
        plural(count("contacts"), "contact", "contacts"),
        plural(
            count("templates"),
            "imported template",
            "imported templates",
        ),
        plural(count("directory"), "directory entry", "directory entries"),
    ]
}

/// A parsed JSON value as [`check_contents`] sees it, so that the same
/// rules check serde's values ([`Contents::parse`], tested natively) and the
/// browser's own objects (a restore, which writes those as they are).
pub trait JsonValue: Sized {
    /// A field name, made once for many look-ups.
    type Name;
    fn name(text: &str) -> Self::Name;
    /// The field `name` of an object; `None` when it has none.
    fn field(&self, name: &Self::Name) -> Option<Self>;
    fn number(&self) -> Option<f64>;
    fn is_text(&self) -> bool;
    /// An object: not an array, not `null`.
    fn is_object(&self) -> bool;
    /// The items of an array; `None` for anything else.
    fn items(&self) -> Option<Vec<Self>>;
    /// The fields of an object with their names; `None` for anything else.
    fn fields(&self) -> Option<Vec<(String, Self)>>;
}

impl<'a> JsonValue for &'a Value {
    type Name = String;
    fn name(text: &str) -> String {
        text.to_string()
    }
    fn field(&self, name: &String) -> Option<&'a Value> {
        self.get(name)
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn is_text(&self) -> bool {
        self.is_string()
    }
    fn is_object(&self) -> bool {
        Value::is_object(self)
    }
    fn items(&self) -> Option<Vec<&'a Value>> {
        self.as_array().map(|list| list.iter().collect())
    }
    fn fields(&self) -> Option<Vec<(String, &'a Value)>> {
        self.as_object()
            .map(|map| map.iter().map(|(k, v)| (k.clone(), v)).collect())
    }
}

/// Decrypted contents that passed [`check_contents`]: every store's records.
#[derive(Debug, PartialEq)]
pub struct Checked<J> {
    pub version: u32,
    pub created_at: f64,
    /// Each store in the file (known to Linkwheel or not) and its records.
    pub stores: Vec<(String, Vec<J>)>,
}

/// Checks decrypted contents before anything is restored: an object with a
/// `version` (a whole number, and not newer than this Linkwheel reads), a
/// `created_at` number and `stores`, each store a list of objects that have
/// their key ([`key_field`]), so every record can be stored.
pub fn check_contents<J: JsonValue>(contents: &J) -> Result<Checked<J>, BackupProblem> {
    use BackupProblem::Damaged;
    let field = |name: &str| contents.field(&J::name(name));
    let version = field("version")
        .and_then(|v| v.number())
        .filter(|v| v.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(v))
        .ok_or(Damaged)? as u32;
    let created_at = field("created_at")
        .and_then(|v| v.number())
        .ok_or(Damaged)?;
    let stores = field("stores").and_then(|s| s.fields()).ok_or(Damaged)?;
    if version > VERSION {
        return Err(BackupProblem::Newer(version));
    }
    let mut checked = Vec::with_capacity(stores.len());
    for (store, records) in stores {
        let key = J::name(key_field(&store));
        let records = records.items().ok_or(Damaged)?;
        let stored = |r: &J| r.is_object() && r.field(&key).is_some_and(|k| k.is_text());
        if !records.iter().all(stored) {
            return Err(Damaged);
        }
        checked.push((store, records));
    }
    Ok(Checked {
        version,
        created_at,
        stores: checked,
    })
}

/// The field that keys a store's records: `key` for templates, `id` for
/// the rest.
pub fn key_field(store: &str) -> &'static str {
    if store == "templates" {
        "key"
    } else {
        "id"
    }
}

/// The key of a record ([`key_field`]).
pub fn record_key(store: &str, record: &Value) -> Option<String> {
    record
        .get(key_field(store))
        .and_then(Value::as_str)
        .map(str::to_string)
}

/// When a record was last changed, for "the newer copy wins".
fn changed_at(record: &Value) -> f64 {
    ["updated_at", "imported_at", "created_at"]
        .iter()
        .find_map(|f| record.get(*f).and_then(Value::as_f64))
        .unwrap_or(0.0)
}

/// How a record is named in the list of conflicts.
fn describe(kind: &str, record: &Value) -> String {
    let text = |f: &str| {
        record
            .get(f)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    };
    if let Some(name) = text("preferred_name").or(text("name")).or(text("title")) {
        format!("the {kind} \u{201c}{name}\u{201d}")
    } else if let Some(date) = text("date") {
        format!("the {kind} of {}", super::dates::show(date, date))
    } else {
        format!("a {kind}")
    }
}

/// What merging one store would do: the records to write, and a line for
/// each record that was on both sides and different.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Merge {
    pub puts: Vec<Value>,
    pub conflicts: Vec<String>,
}

/// Merges a backup's records into a store's: records only in the backup are
/// added; a record on both is replaced only when the backup's copy is newer.
pub fn merge(store: &str, existing: &[Value], incoming: &[Value]) -> Merge {
    let kind = STORES
        .iter()
        .find(|(s, _)| *s == store)
        .map(|(_, k)| *k)
        .unwrap_or("record");
    // The device's records by key, built once: a merge of 50,000 records is
    // 50,000 look-ups, not a search of the whole store for each.
    let ours_by_key: std::collections::HashMap<String, &Value> = existing
        .iter()
        .filter_map(|r| record_key(store, r).map(|k| (k, r)))
        .collect();
    let mut out = Merge::default();
    for theirs in incoming {
        let Some(key) = record_key(store, theirs) else {
            continue;
        };
        match ours_by_key.get(&key).copied() {
            None => out.puts.push(theirs.clone()),
            Some(ours) if ours == theirs => {}
            Some(ours) => {
                if changed_at(theirs) > changed_at(ours) {
                    out.conflicts.push(format!(
                        "{}: the copy in the backup is newer, so it replaced the one on this device.",
                        describe(kind, theirs)
                    ));
                    out.puts.push(theirs.clone());
                } else {
                    out.conflicts.push(format!(
                        "{}: the copy on this device is newer, so it was kept.",
                        describe(kind, ours)
                    ));
                }
            }
        }
    }
    for line in &mut out.conflicts {
        if let Some(first) = line.get_mut(..1) {
            first.make_ascii_uppercase();
        }
    }
    out
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Each byte's value as a base64 digit; `INVALID` for anything that is not
/// one.
const DIGITS: [u8; 256] = {
    let mut table = [INVALID; 256];
    let mut i = 0;
    while i < ALPHABET.len() {
        table[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    table
};
const INVALID: u8 = 0xff;

/// Decodes standard base64 with padding; `None` for anything else. One
/// table look-up a character: a backup's data is a hundred megabytes.
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    let whole = bytes.len().saturating_sub(4);
    // Every group but the last: four digits, no padding.
    for group in bytes[..whole].chunks_exact(4) {
        let d = group.iter().map(|&c| DIGITS[usize::from(c)]);
        let mut v: u32 = 0;
        for digit in d {
            if digit == INVALID {
                return None;
            }
            v = (v << 6) | u32::from(digit);
        }
        out.extend_from_slice(&[(v >> 16) as u8, (v >> 8) as u8, v as u8]);
    }
    // The last: up to two `=` at its end.
    if let Some(last) = bytes.get(whole..).filter(|l| !l.is_empty()) {
        let pad = last.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 {
            return None;
        }
        let mut v: u32 = 0;
        for &c in &last[..4 - pad] {
            let digit = DIGITS[usize::from(c)];
            if digit == INVALID {
                return None;
            }
            v = (v << 6) | u32::from(digit);
        }
        v <<= 6 * pad as u32;
        let got = [(v >> 16) as u8, (v >> 8) as u8, v as u8];
        out.extend_from_slice(&got[..3 - pad]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn envelope_text() -> String {
        let e = Envelope::new(1_763_700_000_000.0, &[7; 16], &[9; 12], &[1; 40]);
        serde_json::to_string(&e).unwrap()
    }

    #[test]
    fn base64_round_trips_and_refuses_bad_text() {
        for len in 0..40 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let text = base64_encode(&bytes);
            assert_eq!(base64_decode(&text), Some(bytes));
        }
        assert_eq!(base64_encode(b"Linkwheel"), "TGlua3doZWVs");
        assert_eq!(base64_decode("TGlua3doZWVs"), Some(b"Linkwheel".to_vec()));
        assert_eq!(base64_decode("TQ=="), Some(b"M".to_vec()));
        for bad in ["TQ=", "T===", "TQ==TQ==", "TG!u", "TGlua3doZWV"] {
            assert_eq!(base64_decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn an_envelope_round_trips() {
        let opened = Envelope::parse(&envelope_text()).unwrap();
        assert_eq!(opened.salt, [7; 16]);
        assert_eq!(opened.iv, [9; 12]);
        assert_eq!(opened.data, [1; 40]);
        assert_eq!(opened.envelope.kdf.iterations, ITERATIONS);
        assert_eq!(opened.envelope.version, VERSION);
    }

    #[test]
    fn the_header_covers_every_field_but_the_data() {
        let e = Envelope::new(5.0, &[7; 16], &[9; 12], &[1; 40]);
        let mut other = e.clone();
        other.data = base64_encode(&[2; 40]);
        assert_eq!(e.header(), other.header());
        for change in [
            |e: &mut Envelope| e.created_at = 6.0,
            |e: &mut Envelope| e.kdf.iterations = 600_001,
            |e: &mut Envelope| e.kdf.salt = base64_encode(&[8; 16]),
            |e: &mut Envelope| e.cipher.iv = base64_encode(&[8; 12]),
            |e: &mut Envelope| e.version = 0,
        ] {
            let mut changed = e.clone();
            change(&mut changed);
            assert_ne!(e.header(), changed.header());
        }
    }

    #[test]
    fn every_broken_file_is_refused_in_plain_words() {
        let good = envelope_text();
        let cases: Vec<(String, BackupProblem)> = vec![
            ("".into(), BackupProblem::NotABackup),
            ("hello".into(), BackupProblem::NotABackup),
            ("[1,2]".into(), BackupProblem::NotABackup),
            (
                r#"{"id":"x","name":"A person"}"#.into(),
                BackupProblem::NotABackup,
            ),
            (good[..good.len() / 2].to_string(), BackupProblem::Damaged),
            (
                good.replace("\"version\":1", "\"version\":2"),
                BackupProblem::Newer(2),
            ),
            (
                good.replace("\"version\":1", "\"version\":\"one\""),
                BackupProblem::Damaged,
            ),
            (good.replace("600000", "1000"), BackupProblem::Damaged),
            (good.replace("AES-GCM", "AES-CBC"), BackupProblem::Damaged),
            (
                good.replace("\"iv\":\"", "\"iv\":\"!!"),
                BackupProblem::Damaged,
            ),
            (
                good.replace(&base64_encode(&[1; 40]), &base64_encode(&[1; 10])),
                BackupProblem::Damaged,
            ),
            (
                good.replace(&base64_encode(&[7; 16]), &base64_encode(&[7; 8])),
                BackupProblem::Damaged,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(Envelope::parse(&text), Err(want.clone()), "{text}");
            let message = want.message();
            assert!(
                message.ends_with("Nothing on this device has changed."),
                "{message}"
            );
            assert!(!message.contains("Error"), "{message}");
        }
        assert!(BackupProblem::Newer(3)
            .message()
            .contains("newer Linkwheel"));
    }

    #[test]
    fn contents_round_trip_and_are_checked() {
        let mut stores = serde_json::Map::new();
        stores.insert(
            "people".into(),
            json!([{ "id": "p1", "preferred_name": "Ada" }]),
        );
        stores.insert("directory".into(), json!([{ "id": "d1" }, { "id": "d2" }]));
        let c = Contents {
            version: VERSION,
            created_at: 9.0,
            stores,
        };
        let text = serde_json::to_string(&c).unwrap();
        let back = Contents::parse(&text).unwrap();
        assert_eq!(back, c);
        assert_eq!(back.records("people").len(), 1);
        assert!(back.records("plans").is_empty());
        assert_eq!(back.summary()[0], "1 person");
        assert_eq!(back.summary()[5], "2 directory entries");
        assert_eq!(
            Contents::parse("{\"version\":1,\"created_at\":1,\"stores\":{\"people\":[1]}}"),
            Err(BackupProblem::Damaged)
        );
        assert_eq!(
            Contents::parse("{\"version\":9,\"created_at\":1,\"stores\":{}}"),
            Err(BackupProblem::Newer(9))
        );
        assert_eq!(Contents::parse("not json"), Err(BackupProblem::Damaged));
        assert_eq!(
            Contents::parse(
                "{\"version\":1,\"created_at\":1,\"stores\":{\"people\":[{\"name\":\"no id\"}]}}"
            ),
            Err(BackupProblem::Damaged),
            "a record without its key could not be stored"
        );
    }

    #[test]
    fn merging_adds_new_records_and_the_newer_copy_wins() {
        let existing = vec![
            json!({ "id": "p1", "preferred_name": "Ada", "updated_at": 10.0 }),
            json!({ "id": "p2", "preferred_name": "Bo", "updated_at": 50.0 }),
            json!({ "id": "p3", "preferred_name": "Cy", "updated_at": 5.0 }),
        ];
        let incoming = vec![
            json!({ "id": "p1", "preferred_name": "Ada Lovelace", "updated_at": 20.0 }),
            json!({ "id": "p2", "preferred_name": "Bob", "updated_at": 40.0 }),
            json!({ "id": "p3", "preferred_name": "Cy", "updated_at": 5.0 }),
            json!({ "id": "p4", "preferred_name": "Di", "updated_at": 1.0 }),
            json!({ "no_id": true }),
        ];
        let m = merge("people", &existing, &incoming);
        let ids: Vec<&str> = m.puts.iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["p1", "p4"]);
        assert_eq!(
            m.conflicts,
            [
                "The person \u{201c}Ada Lovelace\u{201d}: the copy in the backup is newer, so it replaced the one on this device.",
                "The person \u{201c}Bo\u{201d}: the copy on this device is newer, so it was kept.",
            ]
        );
        let t = merge(
            "templates",
            &[json!({ "key": "a@1", "imported_at": 1.0, "template": {"title": "A"} })],
            &[json!({ "key": "a@1", "imported_at": 2.0, "template": {"title": "B"} })],
        );
        assert_eq!(t.puts.len(), 1);
        let c = merge(
            "contacts",
            &[json!({ "id": "c1", "date": "2026-03-02", "created_at": 5.0 })],
            &[json!({ "id": "c1", "date": "2026-03-03", "created_at": 1.0 })],
        );
        assert_eq!(
            c.conflicts,
            ["The contact of 2 March 2026: the copy on this device is newer, so it was kept."]
        );
    }

    #[test]
    fn merging_a_whole_caseload_matches_each_record_by_key() {
        // 50,000 contacts on each side, half of them on both: each backup
        // record finds its match by key (a search of the whole store for
        // each would take minutes here).
        let n = 50_000;
        let rec = |i: usize, at: f64| json!({ "id": format!("c{i}"), "date": "2026-03-02", "created_at": at });
        let existing: Vec<Value> = (0..n).map(|i| rec(i, 5.0)).collect();
        let incoming: Vec<Value> = (n / 2..n + n / 2)
            .map(|i| rec(i, if i == n - 1 { 9.0 } else { 5.0 }))
            .collect();
        let m = merge("contacts", &existing, &incoming);
        assert_eq!(
            m.puts.len(),
            n / 2 + 1,
            "the new half, and the one changed record"
        );
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.puts[0]["id"], format!("c{}", n - 1));
        assert_eq!(m.puts.last().unwrap()["id"], format!("c{}", n + n / 2 - 1));
    }

    #[test]
    fn base64_decoding_refuses_any_stray_character_anywhere() {
        let bytes: Vec<u8> = (0..3000u32).map(|i| (i * 7919 % 251) as u8).collect();
        let text = base64_encode(&bytes);
        assert_eq!(base64_decode(&text), Some(bytes));
        for at in [0, 1, 2, 3, 1001, text.len() - 5, text.len() - 1] {
            for bad in ['!', '=', ' ', '-', '_', '\n'] {
                if bad == '=' && at == text.len() - 1 {
                    continue; // padding, where padding may be
                }
                let mut t = text.clone();
                t.replace_range(at..=at, &bad.to_string());
                assert!(base64_decode(&t).is_none(), "{bad:?} at {at}");
            }
        }
        assert!(base64_decode(&text.replacen('A', "\u{e9}", 1)).is_none());
        assert_eq!(base64_decode(""), Some(vec![]));
        assert_eq!(base64_decode("===="), None);
        assert_eq!(base64_decode("T=Q="), None);
    }

    #[test]
    fn the_data_is_read_whatever_its_form_and_anything_else_is_damaged() {
        let good = envelope_text();
        let data = base64_encode(&[1; 40]);
        // An escaped slash is still the same text.
        let escaped = base64_encode(&[0xff; 40]).replace('/', "\\/");
        assert!(escaped.contains("\\/"));
        let opened = Envelope::parse(&good.replace(&data, &escaped)).unwrap();
        assert_eq!(opened.data, [0xff; 40]);
        let with_bom = format!("\u{feff}{good}");
        assert_eq!(Envelope::parse(&with_bom).unwrap().data, [1; 40]);
        let in_order = format!(
            "{{\"data\":\"{data}\",{}",
            good.replace(&format!(",\"data\":\"{data}\""), "")
                .trim_start_matches('{')
        );
        assert_eq!(Envelope::parse(&in_order).unwrap().data, [1; 40]);
        for other in ["5", "null", "true", "[\"x\"]", "{\"a\":[1]}"] {
            let text = good.replace(&format!("\"{data}\""), other);
            assert_eq!(
                Envelope::parse(&text),
                Err(BackupProblem::Damaged),
                "{text}"
            );
        }
        let without = good.replace(&format!(",\"data\":\"{data}\""), "");
        assert_eq!(Envelope::parse(&without), Err(BackupProblem::Damaged));
    }

    #[test]
    fn contents_are_checked_store_by_store_with_each_stores_key() {
        assert_eq!(key_field("templates"), "key");
        assert_eq!(key_field("people"), "id");
        assert_eq!(key_field("a store from later"), "id");
        let check =
            |v: Value| check_contents(&&v).map(|c| (c.version, c.created_at, c.stores.len()));
        assert_eq!(
            check(json!({ "version": 1, "created_at": 3.5, "stores": {
                "people": [{ "id": "p1" }], "templates": [{ "key": "t@1" }], "later": [] } })),
            Ok((1, 3.5, 3))
        );
        assert_eq!(
            check(json!({ "version": 0, "created_at": 1, "stores": {} })),
            Ok((0, 1.0, 0))
        );
        for (bad, want) in [
            (
                json!({ "version": 2, "created_at": 1, "stores": {} }),
                BackupProblem::Newer(2),
            ),
            (
                json!({ "version": 1.5, "created_at": 1, "stores": {} }),
                BackupProblem::Damaged,
            ),
            (
                json!({ "version": -1, "created_at": 1, "stores": {} }),
                BackupProblem::Damaged,
            ),
            (
                json!({ "version": 1, "created_at": "1", "stores": {} }),
                BackupProblem::Damaged,
            ),
            (
                json!({ "version": 1, "created_at": 1, "stores": [] }),
                BackupProblem::Damaged,
            ),
            (
                json!({ "version": 1, "created_at": 1 }),
                BackupProblem::Damaged,
            ),
            (json!([1, 1, {}]), BackupProblem::Damaged),
            (
                json!({ "version": 1, "created_at": 1, "stores": { "people": {} } }),
                BackupProblem::Damaged,
            ),
            (
                json!({ "version": 1, "created_at": 1, "stores": { "people": [[]] } }),
                BackupProblem::Damaged,
            ),
            (
                json!({ "version": 1, "created_at": 1, "stores": { "people": [{ "id": 5 }] } }),
                BackupProblem::Damaged,
            ),
            (
                json!({ "version": 1, "created_at": 1, "stores": { "templates": [{ "id": "t@1" }] } }),
                BackupProblem::Damaged,
            ),
            (
                json!({ "version": 1, "created_at": 1, "stores": { "people": [{ "key": "p1" }] } }),
                BackupProblem::Damaged,
            ),
        ] {
            assert_eq!(check(bad.clone()), Err(want), "{bad}");
        }
    }

    #[test]
    fn the_summary_counts_each_store_in_words() {
        let counts = |store: &str| match store {
            "people" => 1,
            "assessments" => 3,
            "directory" => 1,
            _ => 0,
        };
        assert_eq!(
            summary(counts),
            [
                "1 person",
                "3 assessments",
                "0 action plans",
                "0 contacts",
                "0 imported templates",
                "1 directory entry"
            ]
        );
    }
}
