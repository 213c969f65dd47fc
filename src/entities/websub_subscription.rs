use sea_orm::entity::prelude::*;

/// A feed's subscription at its WebSub hub: one per feed. `callback_id` is the opaque last
/// part of the callback address; `secret` signs the hub's deliveries.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "websub_subscriptions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub feed_id: i32,
    pub hub: String,
    pub topic: String,
    pub secret: String,
    #[sea_orm(unique)]
    pub callback_id: String,
    pub state: State,
    /// When the hub's lease ends (set when it verifies), if it said.
    pub lease_until: Option<DateTimeUtc>,
    /// When the last subscribe request went to the hub.
    pub requested_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::feed::Entity",
        from = "Column::FeedId",
        to = "super::feed::Column::Id"
    )]
    Feed,
}

impl Related<super::feed::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Feed.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

stored_name! {
    /// Where a subscription stands.
    #[serde(rename_all = "lowercase")]
    pub enum State {
        /// Asked for; the hub has not verified it yet.
        #[strum(serialize = "pending")]
        Pending,
        /// Verified by the hub; deliveries are expected until `lease_until`.
        #[strum(serialize = "active")]
        Active,
        /// The hub refused it (`hub.mode=denied`).
        #[strum(serialize = "denied")]
        Denied,
        /// Asked to end; kept until the hub verifies the unsubscription (or an hour passes).
        #[strum(serialize = "leaving")]
        Leaving,
    }
}
