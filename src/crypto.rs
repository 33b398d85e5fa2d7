//! WebCrypto, and nothing of our own: random bytes, PBKDF2-HMAC-SHA256 key
//! derivation (and raw bits, for the kiosk PIN's hash) and AES-256-GCM, all
//! through the browser's `SubtleCrypto`.
//! Keys are non-extractable `CryptoKey`s: their bytes never reach this code.

use js_sys::{Object, Reflect, Uint8Array};
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
    let subtle = subtle()?;
    let (base, pbkdf2) = pbkdf2_base(&subtle, passphrase, salt, iterations, "deriveKey").await?;
    let aes = params("AES-GCM", &[("length", 256.into())])?;
    let key = JsFuture::from(
        subtle
            .derive_key_with_object_and_object(
                &pbkdf2,
                &base,
                &aes,
                false,
                &usages(&["encrypt", "decrypt"]),
            )
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
    let promise = subtle()?
        .encrypt_with_object_and_u8_array(&gcm(iv, aad)?, key, plain)
        .map_err(failed)?;
    let out = JsFuture::from(promise).await.map_err(failed)?;
    Ok(Uint8Array::new(&out).to_vec())
}

/// Decrypts what [`encrypt`] made. A wrong key or any changed byte of the
/// data, iv or `aad` gives [`CryptoError::Refused`].
pub async fn decrypt(
    key: &CryptoKey,
    iv: &[u8],
    aad: &[u8],
    data: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let promise = subtle()?
        .decrypt_with_object_and_u8_array(&gcm(iv, aad)?, key, data)
        .map_err(failed)?;
    match JsFuture::from(promise).await {
        Ok(out) => Ok(Uint8Array::new(&out).to_vec()),
        Err(e) => {
            let name = Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string());
            if name.as_deref() == Some("OperationError") {
                Err(CryptoError::Refused)
            } else {
                Err(failed(e))
            }
        }
    }
}
