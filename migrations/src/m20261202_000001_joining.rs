//! Joining by the web form and the limits that protect it: pending join requests (kept
//! until their emailed confirmation is used), fixed-window rate-limit counters shared by
//! every instance, and a participant's own time zone.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn tables() -> Vec<TableCreateStatement> {
    vec![
        Table::create()
            .table("join_requests")
            .col(pk_auto("id"))
            .col(text_uniq("token_hash"))
            .col(integer("cohort_id"))
            .col(text("email"))
            .col(text("name"))
            .col(text("blog_url"))
            .col(timestamp_with_time_zone("expires_at"))
            .col(timestamp_with_time_zone_null("used_at"))
            .col(timestamp_with_time_zone("created_at"))
            .foreign_key(
                ForeignKey::create()
                    .from("join_requests", "cohort_id")
                    .to("cohorts", "id")
                    .on_delete(ForeignKeyAction::Cascade),
            )
            .to_owned(),
        Table::create()
            .table("rate_limits")
            .col(text("key").primary_key())
            .col(integer("hits"))
            .col(timestamp_with_time_zone("window_ends"))
            .to_owned(),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in tables() {
            manager.create_table(table).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table("people")
                    .add_column(text_null("timezone"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("people")
                    .drop_column("timezone")
                    .to_owned(),
            )
            .await?;
        for name in ["rate_limits", "join_requests"] {
            manager
                .drop_table(Table::drop().table(name).to_owned())
                .await?;
        }
        Ok(())
    }
}
