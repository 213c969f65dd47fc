//! A person's own interface language (a locale code such as `nl`), when they chose one;
//! without it they see their cohort's program language or their browser's.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("people")
                    .add_column(text_null("language"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("people")
                    .drop_column("language")
                    .to_owned(),
            )
            .await
    }
}
