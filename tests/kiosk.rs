//! In-browser tests of kiosk mode's storage: the PIN's PBKDF2 hash through
//! WebCrypto (`crypto::pbkdf2_bits`, `pages::kiosk::{new_pin, pin_matches}`)
//! and the kiosk settings and per-day counts in the `settings` store.

#![cfg(target_arch = "wasm32")]

use linkwheel::crypto::{pbkdf2_bits, random_bytes};
use linkwheel::domain::backup::base64_decode;
use linkwheel::domain::kiosk::{KioskSettings, PIN_ITERATIONS};
use linkwheel::pages::kiosk::{new_pin, pin_matches};
use linkwheel::storage::{delete_database, settings, Storage};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn fresh(test: &str) -> Storage {
    Storage::open(&format!("lw-kiosk-{}-{}", test, js_sys::Math::random()))
        .await
        .expect("open")
}

async fn finish(db: Storage) {
    let name = db.name();
    db.close();
    delete_database(&name).await.expect("delete");
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[wasm_bindgen_test]
async fn pbkdf2_is_hmac_sha256_with_the_published_answers() {
    // The well-known PBKDF2-HMAC-SHA256 test vectors (password, salt).
    assert_eq!(
        hex(&pbkdf2_bits("password", b"salt", 1).await.expect("bits")),
        "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"
    );
    assert_eq!(
        hex(&pbkdf2_bits("password", b"salt", 4096).await.expect("bits")),
        "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"
    );
}

#[wasm_bindgen_test]
async fn the_same_pin_and_salt_give_the_same_hash_and_anything_else_another() {
    let salt = random_bytes(16).expect("salt");
    let other_salt = random_bytes(16).expect("salt");
    let hash = pbkdf2_bits("2468", &salt, 1000).await.expect("hash");
    assert_eq!(hash.len(), 32);
    assert_eq!(
        pbkdf2_bits("2468", &salt, 1000).await.expect("again"),
        hash,
        "same PIN and salt: same hash"
    );
    assert_ne!(
        pbkdf2_bits("2468", &other_salt, 1000)
            .await
            .expect("other salt"),
        hash,
        "another salt: another hash"
    );
    assert_ne!(
        pbkdf2_bits("2469", &salt, 1000).await.expect("other pin"),
        hash
    );
    assert_ne!(
        pbkdf2_bits("2468", &salt, 1001).await.expect("other count"),
        hash
    );
}

#[wasm_bindgen_test]
async fn a_new_pin_is_salted_and_hashed_and_only_the_right_pin_matches() {
    let (hash, salt) = new_pin("2468").await.expect("new pin");
    assert_eq!(base64_decode(&hash).map(|h| h.len()), Some(32));
    assert_eq!(base64_decode(&salt).map(|s| s.len()), Some(16));
    let (again, other_salt) = new_pin("2468").await.expect("new pin again");
    assert_ne!(salt, other_salt, "a fresh random salt each time");
    assert_ne!(hash, again, "so the same PIN hashes differently");

    let kiosk = KioskSettings {
        enabled: true,
        pin_hash: hash,
        salt,
        iterations: PIN_ITERATIONS,
        ..KioskSettings::default()
    };
    assert!(pin_matches(&kiosk, "2468").await.expect("check"));
    for wrong in ["2469", "246", "24680", "", "２４６８"] {
        assert!(
            !pin_matches(&kiosk, wrong).await.expect("check"),
            "{wrong:?} is refused"
        );
    }
    // With no PIN stored (kiosk mode off), nothing matches.
    let off = kiosk.turned_off();
    assert!(!pin_matches(&off, "2468").await.expect("check"));
    assert!(!pin_matches(&off, "").await.expect("check"));
}

#[wasm_bindgen_test]
async fn kiosk_settings_are_off_until_saved_and_read_back_as_saved() {
    let db = fresh("settings").await;
    let k = settings::get_kiosk(&db).await.expect("get");
    assert_eq!(k, KioskSettings::default());
    assert!(!k.enabled);
    assert_eq!(k.template_id, "quick-8");
    assert_eq!(k.idle_minutes, 3);

    let mut on = KioskSettings {
        enabled: true,
        pin_hash: "aGFzaA==".into(),
        salt: "c2FsdA==".into(),
        iterations: PIN_ITERATIONS,
        template_id: "holistic-12".into(),
        idle_minutes: 5,
        ..KioskSettings::default()
    };
    settings::save_kiosk(&db, &on).await.expect("save");
    assert_eq!(settings::get_kiosk(&db).await.expect("get"), on);
    on.failed(1_000.0);
    settings::save_kiosk(&db, &on).await.expect("save");
    let read = settings::get_kiosk(&db).await.expect("get");
    assert_eq!((read.failed_tries, read.locked_until), (1, 2_000.0));
    settings::save_kiosk(&db, &read.turned_off())
        .await
        .expect("save");
    let off = settings::get_kiosk(&db).await.expect("get");
    assert!(!off.enabled);
    assert_eq!(off.pin_hash, "");
    assert_eq!(off.template_id, "holistic-12", "the choices stay");
    // The worker's details are a record of their own, untouched.
    assert_eq!(
        settings::get_worker(&db).await.expect("worker"),
        Default::default()
    );
    finish(db).await;
}

#[wasm_bindgen_test]
async fn check_ins_are_counted_per_day_and_nothing_else() {
    let db = fresh("counts").await;
    assert!(settings::kiosk_counts(&db)
        .await
        .expect("counts")
        .is_empty());
    settings::count_check_in(&db, "2026-11-20")
        .await
        .expect("count");
    settings::count_check_in(&db, "2026-11-21")
        .await
        .expect("count");
    settings::count_check_in(&db, "2026-11-21")
        .await
        .expect("count");
    let mut counts = settings::kiosk_counts(&db).await.expect("counts");
    counts.sort();
    assert_eq!(
        counts,
        [("2026-11-20".to_string(), 1), ("2026-11-21".to_string(), 2)]
    );
    // Counting never touches the kiosk's settings.
    assert_eq!(
        settings::get_kiosk(&db).await.expect("get"),
        KioskSettings::default()
    );
    finish(db).await;
}
