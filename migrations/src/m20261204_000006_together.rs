//! Learning together: partner requests and partnerships (ended ones are kept, so a pair is
//! never made twice by chance), mentors of participants, highlighted posts, the comment
//! count a feed publishes for a post, and the opt-out of highlight emails.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn cascade(
    table: &'static str,
    column: &'static str,
    to: &'static str,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(to, "id")
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

/// A partner who leaves the cohort leaves the partnership behind (their side empty), so
/// the other one is told, not silently orphaned.
fn set_null(
    table: &'static str,
    column: &'static str,
    to: &'static str,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(to, "id")
        .on_delete(ForeignKeyAction::SetNull)
        .to_owned()
}

fn tables() -> Vec<TableCreateStatement> {
    vec![
        Table::create()
            .table("partner_requests")
            .col(pk_auto("id"))
            .col(integer_uniq("participant_id"))
            .col(timestamp_with_time_zone("asked_at"))
            .foreign_key(&mut cascade(
                "partner_requests",
                "participant_id",
                "participants",
            ))
            .to_owned(),
        Table::create()
            .table("partnerships")
            .col(pk_auto("id"))
            .col(integer("cohort_id"))
            .col(integer_null("first_id"))
            .col(integer_null("second_id"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone_null("ended_at"))
            .col(text_null("ended_reason"))
            .foreign_key(&mut cascade("partnerships", "cohort_id", "cohorts"))
            .foreign_key(&mut set_null("partnerships", "first_id", "participants"))
            .foreign_key(&mut set_null("partnerships", "second_id", "participants"))
            .to_owned(),
        Table::create()
            .table("mentorships")
            .col(pk_auto("id"))
            .col(integer("mentor_id"))
            .col(integer("participant_id"))
            .col(timestamp_with_time_zone("created_at"))
            .foreign_key(&mut cascade("mentorships", "mentor_id", "people"))
            .foreign_key(&mut cascade(
                "mentorships",
                "participant_id",
                "participants",
            ))
            .to_owned(),
        Table::create()
            .table("highlights")
            .col(pk_auto("id"))
            .col(integer("post_id"))
            .col(integer("participant_id"))
            .col(integer("lesson_number"))
            .col(text("note"))
            .col(integer_null("by_person_id"))
            .col(timestamp_with_time_zone("created_at"))
            .foreign_key(&mut cascade("highlights", "post_id", "posts"))
            .foreign_key(&mut cascade("highlights", "participant_id", "participants"))
            .foreign_key(
                ForeignKey::create()
                    .from("highlights", "by_person_id")
                    .to("people", "id")
                    .on_delete(ForeignKeyAction::SetNull),
            )
            .to_owned(),
    ]
}

fn indexes() -> Vec<IndexCreateStatement> {
    vec![
        Index::create()
            .name("idx_partnerships_first_id")
            .table("partnerships")
            .col("first_id")
            .to_owned(),
        Index::create()
            .name("idx_partnerships_second_id")
            .table("partnerships")
            .col("second_id")
            .to_owned(),
        Index::create()
            .name("idx_mentorships_mentor_participant")
            .table("mentorships")
            .col("mentor_id")
            .col("participant_id")
            .unique()
            .to_owned(),
        Index::create()
            .name("idx_mentorships_participant_id")
            .table("mentorships")
            .col("participant_id")
            .to_owned(),
        Index::create()
            .name("idx_highlights_once")
            .table("highlights")
            .col("participant_id")
            .col("post_id")
            .col("lesson_number")
            .unique()
            .to_owned(),
        Index::create()
            .name("idx_highlights_post_id")
            .table("highlights")
            .col("post_id")
            .to_owned(),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in tables() {
            manager.create_table(table).await?;
        }
        for index in indexes() {
            manager.create_index(index).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table("people")
                    .add_column(boolean("highlight_emails").default(true))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("posts")
                    .add_column(integer_null("comment_count"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("posts")
                    .drop_column("comment_count")
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("people")
                    .drop_column("highlight_emails")
                    .to_owned(),
            )
            .await?;
        for table in [
            "highlights",
            "mentorships",
            "partnerships",
            "partner_requests",
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
