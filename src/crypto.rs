//! WebCrypto, and nothing of our own: random bytes, PBKDF2-HMAC-SHA256 key
//! derivation (and raw bits, for the kiosk PIN's hash), AES-256-GCM, and
//! wrapping one key with another, all through the browser's `SubtleCrypto`.
//! Keys are `CryptoKey`s whose bytes never reach this code: non-extractable,
//! except a data key for the moment it is wrapped.

use js_sys::{ArrayBuffer, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::CryptoKey;

/// Why a WebCrypto call failed. `Refused` is a decrypt that failed its
/// integrity check: a wrong key, or changed data.
#[derive(Debug, PartialEq)]
pub enum CryptoError {
    Unavailable(String),
    Refused,
}

impl CryptoError {
    /// What went wrong, for the console.
    pub fn cause(self) -> String {
        match self {
            CryptoError::Unavailable(cause) => cause,
            CryptoError::Refused => "the integrity check failed".into(),
        }
    }
}

fn crypto() -> Result<web_sys::Crypto, CryptoError> {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or_else(|| CryptoError::Unavailable("window.crypto is missing".into()))
}

fn subtle() -> Result<web_sys::SubtleCrypto, CryptoError> {
    Ok(crypto()?.subtle())
}

fn failed(e: JsValue) -> CryptoError {
    CryptoError::Unavailable(format!("{e:?}"))
}

/// An object `{ name: …, more… }` for an algorithm's parameters.
fn params(name: &str, more: &[(&str, JsValue)]) -> Result<Object, CryptoError> {
    let o = Object::new();
    Reflect::set(&o, &"name".into(), &name.into()).map_err(failed)?;
    for (k, v) in more {
        Reflect::set(&o, &(*k).into(), v).map_err(failed)?;
    }
    Ok(o)
}

fn usages(list: &[&str]) -> JsValue {
    let a = js_sys::Array::new();
    for u in list {
        a.push(&(*u).into());
    }
    a.into()
}

/// `n` cryptographically random bytes.
pub fn random_bytes(n: usize) -> Result<Vec<u8>, CryptoError> {
    let mut bytes = vec![0u8; n];
    crypto()?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(failed)?;
    Ok(bytes)
}

/// `secret` as a PBKDF2 base key for `usage`, and the PBKDF2-HMAC-SHA256
/// parameters with `salt` and `iterations`.
async fn pbkdf2_base(
    subtle: &web_sys::SubtleCrypto,
    secret: &str,
    salt: &[u8],
    iterations: u32,
    usage: &str,
) -> Result<(CryptoKey, Object), CryptoError> {
    let raw = Uint8Array::from(secret.as_bytes());
    let base = JsFuture::from(
        subtle
            .import_key_with_object(
                "raw",
                &raw,
                &params("PBKDF2", &[])?,
                false,
                &usages(&[usage]),
            )
            .map_err(failed)?,
    )
    .await
    .map_err(failed)?;
    let pbkdf2 = params(
        "PBKDF2",
        &[
            ("salt", Uint8Array::from(salt).into()),
            ("iterations", iterations.into()),
            ("hash", "SHA-256".into()),
        ],
    )?;
    Ok((base.unchecked_into(), pbkdf2))
}

/// An AES-256-GCM key (encrypt and decrypt, not extractable) derived from
/// `passphrase` with PBKDF2-HMAC-SHA256.
pub async fn derive_key(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<CryptoKey, CryptoError> {
    derive(passphrase, salt, iterations, &["encrypt", "decrypt"]).await
}

/// An AES-256-GCM key-encryption key (wrap and unwrap only, not
/// extractable) derived from `passphrase` with PBKDF2-HMAC-SHA256.
pub async fn derive_wrapping_key(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<CryptoKey, CryptoError> {
    derive(passphrase, salt, iterations, &["wrapKey", "unwrapKey"]).await
}

async fn derive(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
    uses: &[&str],
) -> Result<CryptoKey, CryptoError> {
    let subtle = subtle()?;
    let (base, pbkdf2) = pbkdf2_base(&subtle, passphrase, salt, iterations, "deriveKey").await?;
    let key = JsFuture::from(
        subtle
            .derive_key_with_object_and_object(&pbkdf2, &base, &aes256()?, false, &usages(uses))
            .map_err(failed)?,
    )
    .await
    .map_err(failed)?;
    Ok(key.unchecked_into())
}

/// PBKDF2-HMAC-SHA256 of `secret` with `salt`: 32 bytes (`deriveBits`).
/// For the kiosk PIN, which is stored only as this hash.
pub async fn pbkdf2_bits(
    secret: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<Vec<u8>, CryptoError> {
    let subtle = subtle()?;
    let (base, pbkdf2) = pbkdf2_base(&subtle, secret, salt, iterations, "deriveBits").await?;
    let bits = JsFuture::from(
        subtle
            .derive_bits_with_object(&pbkdf2, &base, 256)
            .map_err(failed)?,
    )
    .await
    .map_err(failed)?;
    Ok(Uint8Array::new(&bits).to_vec())
}

fn aes256() -> Result<Object, CryptoError> {
    params("AES-GCM", &[("length", 256.into())])
}

/// A new random AES-256-GCM data key (encrypt and decrypt). It is
/// extractable only so that [`wrap_key`] can wrap it: wrap it, then use
/// the non-extractable copy [`unwrap_key`] gives back.
pub async fn new_data_key() -> Result<CryptoKey, CryptoError> {
    let promise = subtle()?
        .generate_key_with_object(&aes256()?, true, &usages(&["encrypt", "decrypt"]))
        .map_err(failed)?;
    Ok(JsFuture::from(promise)
        .await
        .map_err(failed)?
        .unchecked_into())
}

/// `key`'s raw bytes encrypted with AES-GCM under `wrapping_key` and the
/// 96-bit `iv` (WebCrypto's `wrapKey`). Only an extractable key can be
/// wrapped.
pub async fn wrap_key(
    key: &CryptoKey,
    wrapping_key: &CryptoKey,
    iv: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let promise = subtle()?
        .wrap_key_with_object("raw", key, wrapping_key, &gcm(iv, &[])?)
        .map_err(failed)?;
    let out = JsFuture::from(promise).await.map_err(failed)?;
    Ok(Uint8Array::new(&out).to_vec())
}

/// The AES-256-GCM key (encrypt and decrypt) that [`wrap_key`] wrapped, not
/// extractable unless `extractable`. The wrong wrapping key, or changed
/// bytes, give [`CryptoError::Refused`].
pub async fn unwrap_key(
    wrapped: &[u8],
    wrapping_key: &CryptoKey,
    iv: &[u8],
    extractable: bool,
) -> Result<CryptoKey, CryptoError> {
    let promise = subtle()?
        .unwrap_key_with_u8_array_and_object_and_object(
            "raw",
            wrapped,
            wrapping_key,
            &gcm(iv, &[])?,
            &params("AES-GCM", &[])?,
            extractable,
            &usages(&["encrypt", "decrypt"]),
        )
        .map_err(failed)?;
    match JsFuture::from(promise).await {
        Ok(key) => Ok(key.unchecked_into()),
        Err(e) => Err(refused_or_failed(e)),
    }
}

fn gcm(iv: &[u8], aad: &[u8]) -> Result<Object, CryptoError> {
    params(
        "AES-GCM",
        &[
            ("iv", Uint8Array::from(iv).into()),
            ("additionalData", Uint8Array::from(aad).into()),
        ],
    )
}

/// AES-GCM encryption of `plain` with a 96-bit `iv`, authenticating `aad`
/// too. The result ends with the 16-byte tag.
pub async fn encrypt(
    key: &CryptoKey,
    iv: &[u8],
    aad: &[u8],
    plain: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let out = JsFuture::from(encrypt_promise(key, iv, aad, plain)?)
        .await
        .map_err(failed)?;
    Ok(Uint8Array::new(&out).to_vec())
}

/// [`encrypt`], started: the promise of an `ArrayBuffer`. Many can run at
/// once (`Promise.all`).
pub fn encrypt_promise(
    key: &CryptoKey,
    iv: &[u8],
    aad: &[u8],
    plain: &[u8],
) -> Result<Promise, CryptoError> {
    subtle()?
        .encrypt_with_object_and_u8_array(&gcm(iv, aad)?, key, plain)
        .map_err(failed)
}

/// Decrypts what [`encrypt`] made. A wrong key or any changed byte of the
/// data, iv or `aad` gives [`CryptoError::Refused`].
pub async fn decrypt(
    key: &CryptoKey,
    iv: &[u8],
    aad: &[u8],
    data: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let plain = decrypt_in_js(key, iv, aad, data).await?;
    Ok(Uint8Array::new(&plain).to_vec())
}

/// [`decrypt`], leaving the plain bytes in JavaScript: an `ArrayBuffer`,
/// never copied into WebAssembly (a backup's are 80 megabytes).
pub async fn decrypt_in_js(
    key: &CryptoKey,
    iv: &[u8],
    aad: &[u8],
    data: &[u8],
) -> Result<ArrayBuffer, CryptoError> {
    let promise = subtle()?
        .decrypt_with_object_and_u8_array(&gcm(iv, aad)?, key, data)
        .map_err(failed)?;
    match JsFuture::from(promise).await {
        Ok(out) => Ok(out.unchecked_into()),
        Err(e) => Err(refused_or_failed(e)),
    }
}

/// [`decrypt`] of `data` (an `ArrayBuffer` or typed array, left in
/// JavaScript), started: the promise of an `ArrayBuffer`.
pub fn decrypt_promise(
    key: &CryptoKey,
    iv: &[u8],
    aad: &[u8],
    data: &Object,
) -> Result<Promise, CryptoError> {
    subtle()?
        .decrypt_with_object_and_buffer_source(&gcm(iv, aad)?, key, data)
        .map_err(failed)
}

/// A failed WebCrypto call: `Refused` when it failed its integrity check
/// (`OperationError`), else the cause.
pub fn refused_or_failed(e: JsValue) -> CryptoError {
    let name = Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|n| n.as_string());
    if name.as_deref() == Some("OperationError") {
        CryptoError::Refused
    } else {
        failed(e)
    }
}
