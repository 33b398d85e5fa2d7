//! The one error type. It is cloneable so it can live in component state, and
//! it keeps the cause for the console while showing people plain words.

use thiserror::Error;

#[derive(Clone, Debug, PartialEq, Error)]
pub enum AppError {
    /// The browser would not give Linkwheel any storage.
    #[error("storage is not available: {cause}")]
    StorageUnavailable { cause: String },
    /// A read or write failed; `action` says what we were doing.
    #[error("could not {action}: {cause}")]
    Storage { action: &'static str, cause: String },
    /// The device is full.
    #[error("storage is full while trying to {action}")]
    StorageFull { action: &'static str },
    #[error("{what} was not found")]
    NotFound { what: &'static str },
    /// An imported template has the id and version of a different template
    /// already on the device (`key` is `"{id}@{version}"`).
    #[error("a different template is already kept as {key}")]
    TemplateClash { key: String },
    /// The device's data is protected and Linkwheel is locked: a sealed
    /// record cannot be read, nor a personal one written, without the key.
    #[error("linkwheel is locked")]
    Locked,
}

impl AppError {
    pub fn storage(action: &'static str, cause: impl ToString) -> Self {
        Self::storage_cause(action, cause.to_string())
    }

    fn storage_cause(action: &'static str, cause: String) -> Self {
        if cause.contains("QuotaExceeded") {
            AppError::StorageFull { action }
        } else {
            AppError::Storage { action, cause }
        }
    }

    /// What to tell the person, in plain words. Never shows the cause.
    pub fn user_message(&self) -> String {
        match self {
            AppError::StorageUnavailable { .. } => {
                "Linkwheel cannot keep information in this browser. Private browsing or a browser setting may be blocking storage. Try a normal window, or ask whoever looks after this device.".to_string()
            }
            AppError::Storage { action, .. } => {
                format!("Sorry, we could not {action}. Nothing has been lost that was shown as saved. Please try again.")
            }
            AppError::StorageFull { action } => {
                format!("This device is out of space, so we could not {action}. Free up some space and try again.")
            }
            AppError::NotFound { what } => format!("We could not find that {what}. It may have been deleted."),
            AppError::TemplateClash { .. } => {
                "A different template with this id and version is already on this device. Give the new one a higher version number.".to_string()
            }
            AppError::Locked => "Linkwheel is locked. Unlock it to carry on.".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_plain_and_hide_the_cause() {
        let e = AppError::storage("save the answer", "TransactionInactiveError: at 0x1234");
        assert!(e
            .user_message()
            .starts_with("Sorry, we could not save the answer."));
        assert!(!e.user_message().contains("0x1234"));
        assert!(
            e.to_string().contains("0x1234"),
            "the cause is kept for the console"
        );
        assert_eq!(
            AppError::storage("save", "QuotaExceededError"),
            AppError::StorageFull { action: "save" }
        );
    }

    #[test]
    fn locked_says_what_to_do() {
        assert_eq!(
            AppError::Locked.user_message(),
            "Linkwheel is locked. Unlock it to carry on."
        );
    }

    #[test]
    fn template_clash_says_what_to_do_without_the_key() {
        let e = AppError::TemplateClash {
            key: "local-6@2".into(),
        };
        assert_eq!(
            e.user_message(),
            "A different template with this id and version is already on this device. Give the new one a higher version number."
        );
        assert!(
            e.to_string().contains("local-6@2"),
            "the key is kept for the console"
        );
    }
}
