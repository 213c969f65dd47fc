//! What went wrong with a feed, kept also as catalogue messages (JSON: a message key and
//! its arguments) so that every reader is told in their own language; `last_error` and
//! `unread_reason` keep the English sentences for the API, the command line and operators.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The columns added, each beside the English one it says again.
const COLUMNS: [&str; 2] = ["last_error_message", "unread_reason_message"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one thing at a time.
        for column in COLUMNS {
            manager
                .alter_table(
                    Table::alter()
                        .table("feeds")
                        .add_column(text_null(column))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in COLUMNS {
            manager
                .alter_table(Table::alter().table("feeds").drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}
