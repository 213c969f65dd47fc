//! Private addresses for members-only feeds and calendars: a server secret the addresses
//! are derived from, and on each person the hash of their current address key and how many
//! times they replaced it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("server_secrets")
                    .col(text("name").primary_key())
                    .col(text("value"))
                    .col(timestamp_with_time_zone("created_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("people")
                    .add_column(text_null("feed_key_hash"))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("people")
                    .add_column(integer("feed_key_generation").default(0))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("people_feed_key_hash")
                    .table("people")
                    .col("feed_key_hash")
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("people_feed_key_hash")
                    .table("people")
                    .to_owned(),
            )
            .await?;
        for column in ["feed_key_generation", "feed_key_hash"] {
            manager
                .alter_table(
                    Table::alter()
                        .table("people")
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .drop_table(Table::drop().table("server_secrets").to_owned())
            .await
    }
}
