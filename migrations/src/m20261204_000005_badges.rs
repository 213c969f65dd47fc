//! Open Badges: the issuer as the serving instance is configured (its presence turns
//! issuing on), and one assertion per award, with a salted recipient hash and revocation.
//! `live_participant_id` is set while an assertion stands and cleared when it is revoked;
//! being unique, it lets a participant hold at most one standing badge.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn tables() -> Vec<TableCreateStatement> {
    vec![
        Table::create()
            .table("badge_issuers")
            .col(integer("id").primary_key())
            .col(text("name"))
            .col(text("email"))
            .col(timestamp_with_time_zone("updated_at"))
            .to_owned(),
        Table::create()
            .table("badge_assertions")
            .col(pk_auto("id"))
            .col(text_uniq("public_id"))
            .col(integer("participant_id"))
            .col(integer("cohort_id"))
            .col(integer_null("live_participant_id").unique_key())
            .col(text("salt"))
            .col(text("identity"))
            .col(timestamp_with_time_zone("issued_on"))
            .col(text("narrative"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone_null("revoked_at"))
            .col(text_null("revocation_reason"))
            .foreign_key(
                ForeignKey::create()
                    .from("badge_assertions", "participant_id")
                    .to("participants", "id")
                    .on_delete(ForeignKeyAction::Cascade),
            )
            .foreign_key(
                ForeignKey::create()
                    .from("badge_assertions", "cohort_id")
                    .to("cohorts", "id")
                    .on_delete(ForeignKeyAction::Cascade),
            )
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
            .create_index(
                Index::create()
                    .name("idx_badge_assertions_cohort_id")
                    .table("badge_assertions")
                    .col("cohort_id")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["badge_assertions", "badge_issuers"] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
