use sea_orm::entity::prelude::*;

/// Someone asked for a sign-in link; the mail worker answers (or, for an address nobody
/// has, forgets) it, so that `/login` itself does the same work for every address.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sign_in_requests")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Normalised address, as typed.
    pub email: String,
    /// Where to go after signing in (a local path).
    pub next: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
