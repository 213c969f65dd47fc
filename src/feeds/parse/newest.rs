//! Very long feeds cut down before the full parse: only the newest [`MAX_ENTRIES_READ`]
//! items of the text are kept, so a feed of 100,000 entries costs what one of a thousand does.

use chrono::{DateTime, Utc};

use super::{MAX_ENTRIES_READ, dates, post, raw};

/// Cuts all but the newest [`MAX_ENTRIES_READ`] items out of the document (an undated item
/// sorts as if dated like the one before it), keeping document order and everything
/// around the items.
pub(super) fn keep_newest(
    text: String,
    doc: raw::RawDoc,
    now: DateTime<Utc>,
) -> (String, Result<raw::RawDoc, raw::XmlProblem>) {
    let mut previous = DateTime::<Utc>::MAX_UTC;
    let mut keyed: Vec<(DateTime<Utc>, usize)> = doc
        .items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let date = item
                .published
                .as_deref()
                .or(item.updated.as_deref())
                .and_then(dates::parse)
                .filter(|date| post::is_plausible(*date, now));
            previous = date.unwrap_or(previous);
            (previous, index)
        })
        .collect();
    keyed.sort_by_key(|(date, _)| std::cmp::Reverse(*date));
    let mut kept: Vec<usize> = keyed
        .into_iter()
        .take(MAX_ENTRIES_READ)
        .map(|(_, index)| index)
        .collect();
    kept.sort_unstable();
    let (Some(first), Some(last)) = (doc.items.first(), doc.items.last()) else {
        return (text, Ok(doc));
    };
    let mut cut = String::with_capacity(text.len() / 8);
    let mut pieces = Vec::with_capacity(kept.len() + 2);
    pieces.push(0..first.span.start);
    pieces.extend(kept.iter().map(|&index| doc.items[index].span.clone()));
    pieces.push(last.span.end..text.len());
    for piece in pieces {
        let Some(part) = text.get(piece) else {
            return (text, Ok(doc));
        };
        cut.push_str(part);
    }
    let mut items = doc.items;
    let kept_items = kept
        .into_iter()
        .map(|index| std::mem::take(&mut items[index]))
        .collect();
    let doc = raw::RawDoc {
        root: doc.root,
        items: kept_items,
        visible: doc.visible,
    };
    (cut, Ok(doc))
}
