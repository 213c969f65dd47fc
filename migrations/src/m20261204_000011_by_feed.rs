//! A blog's posts in date order, with nothing else to read: the river of a cohort walks each
//! member's feed in this index (and only sorts small tuples), and the grid counts each
//! member's posts and finds the newest without reading a single post row (whose HTML makes
//! it large), whatever statistics the database has gathered.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const NAME: &str = "posts_by_feed_in_date_order";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name(NAME)
                    .table("posts")
                    .col("feed_id")
                    .col("undated")
                    .col("published_at")
                    .col("id")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(Index::drop().name(NAME).table("posts").to_owned())
            .await
    }
}
