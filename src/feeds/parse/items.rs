//! What a document visibly holds and what of it could not be read, in the words the
//! feed's health uses.

use crate::i18n::Text;

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
    /// Why `count` items gave no post, to be said in the reader's language.
    pub fn text(self, count: usize) -> Text {
        let key = match self {
            Self::Empty => "feed-unread-empty",
            Self::NotUnderstood => "feed-unread-not-understood",
        };
        Text::new(key).with("count", count)
    }
}
