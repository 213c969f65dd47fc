//! A sentence made where the reader is not known (a feed read by the poller, a refused
//! claim in the domain): a message of the catalogue and its arguments, put into words later
//! in whoever's language reads it. Kept as JSON where it is stored (a feed's last error).

use std::fmt;

use chrono::{DateTime, FixedOffset, TimeZone};
use serde::{Deserialize, Serialize};

use super::{Arg, Locale};

/// A message key with its arguments; an argument may itself be a [`Text`], said in the
/// same language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "Kept")]
pub struct Text {
    key: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    args: Vec<(String, Part)>,
}

/// A text as stored: a message with its arguments, or (where a plain sentence was stored
/// before messages were kept) that sentence, said as it is in every language.
#[derive(Deserialize)]
#[serde(untagged)]
enum Kept {
    Message {
        key: String,
        #[serde(default)]
        args: Vec<(String, Part)>,
    },
    Sentence(String),
}

impl From<Kept> for Text {
    fn from(kept: Kept) -> Self {
        match kept {
            Kept::Message { key, args } => Text { key, args },
            Kept::Sentence(sentence) => Text::verbatim(sentence),
        }
    }
}

/// One argument of a [`Text`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Part {
    Number(f64),
    Word(String),
    Text(Text),
    /// A moment, written as the reader's language writes it, in its own time zone.
    Moment {
        at: DateTime<FixedOffset>,
    },
    /// Texts said one after the other, separated by semicolons.
    List {
        items: Vec<Text>,
    },
}

impl Text {
    /// The message `key` of the catalogue (English must have it; a test says so).
    pub fn new(key: &str) -> Self {
        Text {
            key: key.to_owned(),
            args: Vec::new(),
        }
    }

    /// Words already said (a sentence in the reader's language, or a program's own words),
    /// said as they are in every language.
    pub fn verbatim(text: impl Into<Part>) -> Self {
        Text::new("verbatim").with("text", text)
    }

    /// The same text with the argument `name`.
    #[must_use]
    pub fn with(mut self, name: &str, value: impl Into<Part>) -> Self {
        self.args.push((name.to_owned(), value.into()));
        self
    }

    /// The text in `locale`.
    pub fn say(&self, locale: Locale) -> String {
        let args: Vec<(&str, Arg)> = self
            .args
            .iter()
            .map(|(name, part)| {
                let value = match part {
                    Part::Number(n) => Arg::Number(*n),
                    Part::Word(word) => Arg::Text(word.clone()),
                    Part::Text(text) => Arg::Text(text.say(locale)),
                    Part::Moment { at } => Arg::Text(super::long_datetime(locale, at)),
                    Part::List { items } => Arg::Text(
                        items
                            .iter()
                            .map(|item| item.say(locale))
                            .collect::<Vec<_>>()
                            .join("; "),
                    ),
                };
                (name.as_str(), value)
            })
            .collect();
        super::message(locale, &self.key, &args)
    }

    /// The text as it is stored.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| self.say(Locale::En))
    }

    /// A stored text; a stored sentence that is not a kept text (as rows written before
    /// texts were kept hold) is said as it is, in every language.
    pub fn kept(stored: &str) -> Self {
        serde_json::from_str(stored).unwrap_or_else(|_| Text::verbatim(stored))
    }
}

/// The English as the command line, the logs and the API write a problem: a clause,
/// lower-case first and with no full stop ("the cohort cannot end before it starts").
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sentence = self.say(Locale::En);
        let clause = sentence.strip_suffix('.').unwrap_or(&sentence);
        let mut chars = clause.chars();
        if let Some(first) = chars.next() {
            write!(f, "{}", first.to_lowercase())?;
        }
        f.write_str(chars.as_str())
    }
}

impl From<Text> for Part {
    fn from(text: Text) -> Self {
        Part::Text(text)
    }
}

impl<Tz: TimeZone> From<DateTime<Tz>> for Part {
    fn from(at: DateTime<Tz>) -> Self {
        Part::Moment {
            at: at.fixed_offset(),
        }
    }
}

impl From<Vec<Text>> for Part {
    fn from(items: Vec<Text>) -> Self {
        Part::List { items }
    }
}

impl From<&String> for Part {
    fn from(word: &String) -> Self {
        Part::Word(word.clone())
    }
}

impl From<&str> for Part {
    fn from(word: &str) -> Self {
        Part::Word(word.to_owned())
    }
}

impl From<String> for Part {
    fn from(word: String) -> Self {
        Part::Word(word)
    }
}

macro_rules! number_part {
    ($($t:ty),*) => {$(
        impl From<$t> for Part {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn from(value: $t) -> Self {
                Part::Number(value as f64)
            }
        }
    )*};
}
number_part!(i32, i64, u16, u32, u64, usize, f64);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_text_is_said_in_each_language_and_an_old_sentence_as_it_is() {
        let text = Text::new("feed-lost-posts")
            .with("unread", 2)
            .with("seen", 5)
            .with("why", Text::new("feed-unread-empty").with("count", 2));
        let kept = Text::kept(&text.to_json());
        assert_eq!(kept, text);
        assert_eq!(
            kept.say(Locale::En),
            "2 of 5 posts in your feed could not be read: they have no title, link or text"
        );
        assert_eq!(
            kept.say(Locale::Nl),
            "2 van de 5 berichten in je feed konden niet worden gelezen: ze hebben geen titel, link of tekst"
        );
        let old = Text::kept("the blog answered 404");
        assert_eq!(old.say(Locale::De), "the blog answered 404");
        // Inside a stored document, an older plain sentence reads as a text too.
        let inside: Vec<Text> = serde_json::from_str(r#"["answers 404", {"key": "health-ok"}]"#)
            .expect("both shapes read");
        assert_eq!(inside[0].say(Locale::Nl), "answers 404");
        assert_eq!(inside[1].say(Locale::Nl), "Alles in orde.");
    }
}
