//! What a document visibly holds and what of it could not be read, in the words the
//! feed's health uses.

/// The posts a document visibly holds (`<item>` and `<entry>` elements, or JSON Feed
/// `items`) and those that gave no post. An exact repeat of another item, and the oldest
/// items past what is read of a huge feed, are not counted as lost.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Items {
    pub seen: usize,
    pub unread: usize,
    /// Why, when some could not be read.
    pub why: Option<Unread>,
}

/// Why items gave no post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unread {
    /// Nothing in them to show or recognise: no title, link, text, id or category.
    Empty,
    /// Written in a way the parser does not understand.
    NotUnderstood,
}

impl Unread {
    /// In plain words, for `count` items.
    pub fn words(self, count: usize) -> &'static str {
        match (self, count) {
            (Self::Empty, 1) => "it has no title, link or text",
            (Self::Empty, _) => "they have no title, link or text",
            (Self::NotUnderstood, 1) => "it is written in a way Twentythree cannot read",
            (Self::NotUnderstood, _) => "they are written in a way Twentythree cannot read",
        }
    }
}

/// The start of the error for a document none of whose `seen` items gave a post.
pub(super) fn none_read(seen: usize) -> String {
    match seen {
        1 => "the one post in the feed could not be read".into(),
        _ => format!("none of the {seen} posts in the feed could be read"),
    }
}
