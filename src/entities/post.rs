use sea_orm::entity::prelude::*;

/// A blog post as read from a feed; unique per (feed, guid).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "posts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub feed_id: i32,
    /// A stable identity that never changes between polls.
    pub guid: String,
    pub link: Option<String>,
    pub title: String,
    /// Sanitised HTML.
    pub content_html: String,
    /// Plain-text excerpt of about 300 characters.
    pub excerpt: String,
    /// JSON array of categories and tags as published.
    pub categories: String,
    pub published_raw: Option<String>,
    pub published_at: DateTimeUtc,
    pub updated_at: Option<DateTimeUtc>,
    pub first_seen_at: DateTimeUtc,
    /// Neither the post nor its feed said when it was published: `published_at` stands in
    /// (see `feeds::store`), and the post sorts below dated ones.
    pub undated: bool,
    /// How many comments the feed says the post has (`slash:comments`); unknown when the
    /// feed does not say.
    pub comment_count: Option<i32>,
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
