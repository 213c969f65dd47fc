//! What a feed's last read saw: how many posts the document visibly held, how many of them
//! could not be read and why (so a feed never says all is well while posts are missing);
//! and which posts carry no date of their own.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (table, column), one `ALTER TABLE` each: SQLite takes one change at a time.
fn columns() -> Vec<(&'static str, ColumnDef)> {
    vec![
        ("feeds", integer_null("items_seen")),
        ("feeds", integer_null("items_unread")),
        ("feeds", text_null("unread_reason")),
        ("posts", boolean("undated").default(false).to_owned()),
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
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, column) in columns().into_iter().rev() {
            let name = column.get_column_name();
            manager
                .alter_table(Table::alter().table(table).drop_column(name).to_owned())
                .await?;
        }
        Ok(())
    }
}
