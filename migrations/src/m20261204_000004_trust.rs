//! Trust: sign-in requests answered by the mail worker (so `/login` does the same work for
//! every address), and API tokens that can expire.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("sign_in_requests")
                    .col(pk_auto("id"))
                    .col(text("email"))
                    .col(text_null("next"))
                    .col(timestamp_with_time_zone("created_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("api_tokens")
                    .add_column(timestamp_with_time_zone_null("expires_at"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("api_tokens")
                    .drop_column("expires_at")
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table("sign_in_requests").to_owned())
            .await
    }
}
