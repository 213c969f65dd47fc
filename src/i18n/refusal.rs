//! Domain errors that are either a refusal, said to whoever asked in their language, or a
//! database failure underneath (which no one is refused by).

use sea_orm::DbErr;

use super::Text;

/// A domain error with a `Db(DbErr)` variant and a `text()` for every other one.
pub trait Refusal: Sized {
    /// The refusal's words, or the database failure that is no refusal.
    fn refusal(self) -> Result<Text, DbErr>;
}

/// Makes `$error` (an enum with a `Db(DbErr)` variant and a `text(&self) -> Text` method) a
/// [`Refusal`] and an error: its `Display` is the English sentence of its text (for the
/// command line and logs), its source the database error, and `?` turns a `DbErr` into it.
macro_rules! refusal {
    ($error:ty) => {
        impl $crate::i18n::Refusal for $error {
            fn refusal(self) -> Result<$crate::i18n::Text, sea_orm::DbErr> {
                match self {
                    Self::Db(e) => Err(e),
                    other => Ok(other.text()),
                }
            }
        }

        impl std::fmt::Display for $error {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                match self {
                    Self::Db(e) => e.fmt(f),
                    other => other.text().fmt(f),
                }
            }
        }

        impl std::error::Error for $error {
            fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
                match self {
                    Self::Db(e) => Some(e),
                    _ => None,
                }
            }
        }

        impl From<sea_orm::DbErr> for $error {
            fn from(e: sea_orm::DbErr) -> Self {
                Self::Db(e)
            }
        }
    };
}
pub(crate) use refusal;
