//! The whole model of DESIGN.md section 2: lessons, cohorts, people, participants, feeds,
//! posts, recognitions (the decision per post, and the things it counts for), completions (with the coordinators' overrides), the outbox,
//! login tokens, sessions and API tokens.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn fk(
    from: (&'static str, &'static str),
    to: &'static str,
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to, "id")
        .on_delete(on_delete)
        .to_owned()
}

fn index(table: &'static str, columns: &[&'static str], unique: bool) -> IndexCreateStatement {
    let mut statement = Index::create();
    statement
        .name(format!("idx_{table}_{}", columns.join("_")))
        .table(table);
    for column in columns {
        statement.col(*column);
    }
    if unique {
        statement.unique();
    }
    statement.to_owned()
}

fn tz(name: &'static str) -> ColumnDef {
    timestamp_with_time_zone(name)
}

fn tz_null(name: &'static str) -> ColumnDef {
    timestamp_with_time_zone_null(name)
}

fn tables() -> Vec<TableCreateStatement> {
    use ForeignKeyAction::{Cascade, SetNull};
    vec![
        Table::create()
            .table("lessons")
            .col(integer("number").primary_key())
            .col(text("slug"))
            .col(text("title"))
            .col(integer("week"))
            .col(text("tags"))
            .col(boolean("required"))
            .col(integer_null("minutes"))
            .col(tz("synced_at"))
            .to_owned(),
        Table::create()
            .table("cohorts")
            .col(pk_auto("id"))
            .col(text_uniq("slug"))
            .col(text("name"))
            .col(date("starts_on"))
            .col(date_null("ends_on"))
            .col(text("timezone"))
            .col(small_integer("release_weekday"))
            .col(time("release_time"))
            .col(text("pace"))
            .col(text("visibility"))
            .col(boolean("celebrate_cohort").default(false))
            .col(boolean("self_report").default(false))
            .col(tz("created_at"))
            .to_owned(),
        Table::create()
            .table("people")
            .col(pk_auto("id"))
            .col(text_uniq("email"))
            .col(text("name"))
            .col(text("role"))
            .col(tz_null("confirmed_at"))
            .col(boolean("release_emails").default(true))
            .col(boolean("milestone_emails").default(true))
            .col(text_uniq("unsubscribe_token"))
            .col(tz("created_at"))
            .to_owned(),
        Table::create()
            .table("feeds")
            .col(pk_auto("id"))
            .col(text_uniq("url"))
            .col(text_null("site_url"))
            .col(text_null("title"))
            .col(text_null("platform"))
            .col(text("status"))
            .col(text_null("etag"))
            .col(text_null("last_modified"))
            .col(text_null("body_hash"))
            .col(tz_null("last_fetched_at"))
            .col(tz_null("next_fetch_at"))
            .col(integer("consecutive_errors").default(0))
            .col(text_null("last_error"))
            .col(tz_null("failing_since"))
            .col(tz_null("retry_after_until"))
            .col(text_null("disabled_reason"))
            .col(text_null("lease_owner"))
            .col(tz_null("lease_until"))
            .col(text("previous_urls"))
            .col(tz("created_at"))
            .to_owned(),
        Table::create()
            .table("participants")
            .col(pk_auto("id"))
            .col(integer("cohort_id"))
            .col(integer("person_id"))
            .col(text("blog_url"))
            .col(integer_null("feed_id"))
            .col(tz("joined_at"))
            .col(tz_null("finished_at"))
            .col(tz_null("last_reminded_at"))
            .foreign_key(&mut fk(("participants", "cohort_id"), "cohorts", Cascade))
            .foreign_key(&mut fk(("participants", "person_id"), "people", Cascade))
            .foreign_key(&mut fk(("participants", "feed_id"), "feeds", SetNull))
            .to_owned(),
        Table::create()
            .table("posts")
            .col(pk_auto("id"))
            .col(integer("feed_id"))
            .col(text("guid"))
            .col(text_null("link"))
            .col(text("title"))
            .col(text("content_html"))
            .col(text("excerpt"))
            .col(text("categories"))
            .col(text_null("published_raw"))
            .col(tz("published_at"))
            .col(tz_null("updated_at"))
            .col(tz("first_seen_at"))
            .foreign_key(&mut fk(("posts", "feed_id"), "feeds", Cascade))
            .to_owned(),
        Table::create()
            .table("recognitions")
            .col(pk_auto("id"))
            .col(integer("participant_id"))
            .col(integer("post_id"))
            .col(text("reason"))
            .col(tz("decided_at"))
            .foreign_key(&mut fk(
                ("recognitions", "participant_id"),
                "participants",
                Cascade,
            ))
            .foreign_key(&mut fk(("recognitions", "post_id"), "posts", Cascade))
            .to_owned(),
        Table::create()
            .table("post_things")
            .col(pk_auto("id"))
            .col(integer("participant_id"))
            .col(integer("post_id"))
            .col(integer("lesson_number"))
            .foreign_key(&mut fk(
                ("post_things", "participant_id"),
                "participants",
                Cascade,
            ))
            .foreign_key(&mut fk(("post_things", "post_id"), "posts", Cascade))
            .to_owned(),
        Table::create()
            .table("completions")
            .col(pk_auto("id"))
            .col(integer("participant_id"))
            .col(integer("lesson_number"))
            .col(text("source"))
            .col(integer_null("post_id"))
            .col(tz("completed_at"))
            .foreign_key(&mut fk(
                ("completions", "participant_id"),
                "participants",
                Cascade,
            ))
            .foreign_key(&mut fk(("completions", "post_id"), "posts", SetNull))
            .to_owned(),
        Table::create()
            .table("completion_overrides")
            .col(pk_auto("id"))
            .col(integer("participant_id"))
            .col(integer("lesson_number"))
            .col(boolean("done"))
            .col(integer_null("by_person_id"))
            .col(tz("at"))
            .foreign_key(&mut fk(
                ("completion_overrides", "participant_id"),
                "participants",
                Cascade,
            ))
            .foreign_key(&mut fk(
                ("completion_overrides", "by_person_id"),
                "people",
                SetNull,
            ))
            .to_owned(),
        Table::create()
            .table("outbox")
            .col(pk_auto("id"))
            .col(text_uniq("dedupe_key"))
            .col(text("kind"))
            .col(text("recipients"))
            .col(text("subject"))
            .col(text("text_body"))
            .col(text("html_body"))
            .col(text("status"))
            .col(integer("attempts").default(0))
            .col(tz("next_attempt_at"))
            .col(text_null("last_error"))
            .col(tz_null("sent_at"))
            .col(text_null("lease_owner"))
            .col(tz_null("lease_until"))
            .col(tz("created_at"))
            .to_owned(),
        Table::create()
            .table("login_tokens")
            .col(pk_auto("id"))
            .col(text_uniq("token_hash"))
            .col(integer("person_id"))
            .col(integer_null("participant_id"))
            .col(text("purpose"))
            .col(tz("expires_at"))
            .col(tz_null("used_at"))
            .col(tz("created_at"))
            .foreign_key(&mut fk(("login_tokens", "person_id"), "people", Cascade))
            .foreign_key(&mut fk(
                ("login_tokens", "participant_id"),
                "participants",
                Cascade,
            ))
            .to_owned(),
        Table::create()
            .table("sessions")
            .col(text("id").primary_key())
            .col(integer("person_id"))
            .col(tz("created_at"))
            .col(tz("expires_at"))
            .foreign_key(&mut fk(("sessions", "person_id"), "people", Cascade))
            .to_owned(),
        Table::create()
            .table("api_tokens")
            .col(pk_auto("id"))
            .col(text_uniq("token_hash"))
            .col(integer("person_id"))
            .col(tz("created_at"))
            .col(tz_null("last_used_at"))
            .col(tz_null("revoked_at"))
            .foreign_key(&mut fk(("api_tokens", "person_id"), "people", Cascade))
            .to_owned(),
    ]
}

fn indexes() -> Vec<IndexCreateStatement> {
    vec![
        index("participants", &["cohort_id", "person_id"], true),
        index("participants", &["feed_id"], false),
        index("feeds", &["next_fetch_at"], false),
        index("posts", &["feed_id", "guid"], true),
        index("posts", &["published_at"], false),
        index("recognitions", &["participant_id", "post_id"], true),
        index(
            "post_things",
            &["participant_id", "post_id", "lesson_number"],
            true,
        ),
        index("post_things", &["post_id"], false),
        index("completions", &["participant_id", "lesson_number"], true),
        index(
            "completion_overrides",
            &["participant_id", "lesson_number"],
            false,
        ),
        index("outbox", &["status", "next_attempt_at"], false),
        index("sessions", &["person_id"], false),
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
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in tables().iter().rev() {
            let name = table
                .get_table_name()
                .cloned()
                .ok_or_else(|| DbErr::Custom("table without a name".into()))?;
            manager
                .drop_table(Table::drop().table(name).to_owned())
                .await?;
        }
        Ok(())
    }
}
