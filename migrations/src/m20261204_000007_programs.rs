//! Several programs on one server: every cohort belongs to a program (existing cohorts to
//! the default one: the empty `program` is resolved to the default program's slug at the
//! next start, which is the first moment the lessons folder is known), lessons are keyed by
//! program and number, `programs` keeps each program's content hash, and `link_reports`
//! the last check of each program's lesson links.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

const OLD_LESSONS: &str = "lessons_before_programs";

fn lessons() -> TableCreateStatement {
    Table::create()
        .table("lessons")
        .col(text("program"))
        .col(integer("number"))
        .col(text("slug"))
        .col(text("title"))
        .col(integer("week"))
        .col(text("tags"))
        .col(boolean("required"))
        .col(integer_null("minutes"))
        .col(timestamp_with_time_zone("synced_at"))
        .primary_key(Index::create().col("program").col("number"))
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("programs")
                    .col(text("slug").primary_key())
                    .col(text("title"))
                    .col(text("content_hash"))
                    .col(timestamp_with_time_zone("synced_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("link_reports")
                    .col(pk_auto("id"))
                    .col(text("program"))
                    .col(timestamp_with_time_zone("checked_at"))
                    .col(integer("links"))
                    .col(integer("dead"))
                    .col(text("report"))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("cohorts")
                    .add_column(text("program").default(""))
                    .to_owned(),
            )
            .await?;
        manager
            .rename_table(Table::rename().table("lessons", OLD_LESSONS).to_owned())
            .await?;
        manager.create_table(lessons()).await?;
        // What the old table knew is the default program's numbering: keep it, so the
        // first start can still refuse an edit that would rewrite a running cohort.
        manager
            .get_connection()
            .execute_unprepared(&format!(
                "INSERT INTO lessons (program, number, slug, title, week, tags, required, minutes, synced_at) \
                 SELECT '', number, slug, title, week, tags, required, minutes, synced_at FROM {OLD_LESSONS}"
            ))
            .await?;
        manager
            .drop_table(Table::drop().table(OLD_LESSONS).to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("lessons").to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("lessons")
                    .col(integer("number").primary_key())
                    .col(text("slug"))
                    .col(text("title"))
                    .col(integer("week"))
                    .col(text("tags"))
                    .col(boolean("required"))
                    .col(integer_null("minutes"))
                    .col(timestamp_with_time_zone("synced_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("cohorts")
                    .drop_column("program")
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table("link_reports").to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table("programs").to_owned())
            .await
    }
}
