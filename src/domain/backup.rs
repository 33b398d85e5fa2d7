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
    /// envelope and its decoded salt, iv and ciphertext.
    pub fn parse(text: &str) -> Result<Opened, BackupProblem> {
        let value: Value =
            serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
                if e.is_eof() && text.trim_start().starts_with('{') && text.contains(FORMAT) {
                    BackupProblem::Damaged
                } else {
                    BackupProblem::NotABackup
                }
            })?;
        if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
            return Err(BackupProblem::NotABackup);
        }
        let version = value
            .get("version")
            .and_then(Value::as_u64)
            .ok_or(BackupProblem::Damaged)?;
        if version > u64::from(VERSION) {
            return Err(BackupProblem::Newer(
                u32::try_from(version).unwrap_or(u32::MAX),
            ));
        }
        let envelope: Envelope =
            serde_json::from_value(value).map_err(|_| BackupProblem::Damaged)?;
        let ok_params = envelope.version >= 1
            && envelope.kdf.name == "PBKDF2"
            && envelope.kdf.hash == "SHA-256"
            && (100_000..=10_000_000).contains(&envelope.kdf.iterations)
            && envelope.cipher.name == "AES-GCM";
        if !ok_params {
            return Err(BackupProblem::Damaged);
        }
        let salt = base64_decode(&envelope.kdf.salt).ok_or(BackupProblem::Damaged)?;
        let iv = base64_decode(&envelope.cipher.iv).ok_or(BackupProblem::Damaged)?;
        let data = base64_decode(&envelope.data).ok_or(BackupProblem::Damaged)?;
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

/// A checked envelope with its binary parts decoded.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub envelope: Envelope,
    pub salt: Vec<u8>,
    pub iv: Vec<u8>,
    pub data: Vec<u8>,
}

impl Contents {
    /// Reads decrypted contents, checking every store is a list of objects.
    pub fn parse(plain: &str) -> Result<Contents, BackupProblem> {
        let contents: Contents = serde_json::from_str(plain).map_err(|_| BackupProblem::Damaged)?;
        if contents.version > VERSION {
            return Err(BackupProblem::Newer(contents.version));
        }
        for (store, records) in &contents.stores {
            let ok = records.as_array().is_some_and(|list| {
                list.iter()
                    .all(|r| r.is_object() && record_key(store, r).is_some())
            });
            if !ok {
                return Err(BackupProblem::Damaged);
            }
        }
        Ok(contents)
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
        let count = |store: &str| self.records(store).len();
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
}

/// The key of a record: `key` for templates, `id` for the rest.
pub fn record_key(store: &str, record: &Value) -> Option<String> {
    let field = if store == "templates" { "key" } else { "id" };
    record
        .get(field)
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
    let mut out = Merge::default();
    for theirs in incoming {
        let Some(key) = record_key(store, theirs) else {
            continue;
        };
        let ours = existing
            .iter()
            .find(|r| record_key(store, r).as_deref() == Some(&key));
        match ours {
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

/// Decodes standard base64 with padding; `None` for anything else.
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    for (n, chunk) in bytes.chunks(4).enumerate() {
        let last = n + 1 == bytes.len() / 4;
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return None;
        }
        let mut v: u32 = 0;
        for &c in &chunk[..4 - pad] {
            let d = ALPHABET.iter().position(|&a| a == c)?;
            v = (v << 6) | d as u32;
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
}
