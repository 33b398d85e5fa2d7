//! Open Referral UK JSON import and export. (Being written.)

use super::import::Parsed;
use super::Service;

/// Reads a single service object or an array of services.
pub fn parse(_text: &str) -> Result<Vec<Parsed>, String> {
    Err("Open Referral UK files cannot be read yet.".into())
}

/// The whole directory as an Open Referral UK JSON array of services.
pub fn export(_services: &[Service]) -> String {
    "[]".into()
}
