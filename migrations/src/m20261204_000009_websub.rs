//! WebSub: the hub a feed advertises (and the topic it names itself by), written by each
//! read; and one subscription per feed at a hub, with its secret, the opaque id of its
//! callback address, its state and when its lease ends.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (table, column), one `ALTER TABLE` each: SQLite takes one change at a time.
fn columns() -> Vec<(&'static str, ColumnDef)> {
    vec![
        ("feeds", text_null("websub_hub")),
        ("feeds", text_null("websub_topic")),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, mut column) in columns() {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table("websub_subscriptions")
                    .col(pk_auto("id"))
                    .col(integer_uniq("feed_id"))
                    .col(text("hub"))
                    .col(text("topic"))
                    .col(text("secret"))
                    .col(string_len_uniq("callback_id", 64))
                    .col(string_len("state", 16))
                    .col(timestamp_with_time_zone_null("lease_until"))
                    .col(timestamp_with_time_zone("requested_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("websub_subscriptions", "feed_id")
                            .to("feeds", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("websub_subscriptions").to_owned())
            .await?;
        for (table, column) in columns().into_iter().rev() {
            let name = column.get_column_name();
            manager
                .alter_table(Table::alter().table(table).drop_column(name).to_owned())
                .await?;
        }
        Ok(())
    }
}
