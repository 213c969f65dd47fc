//! Structural repairs that feedparser makes and feed-rs does not: an Atom feed whose entries
//! are written `<item>`, an `<rss>` whose items stand without a `<channel>`, RSS 1.0 items
//! without a `<link>` (feed-rs drops them), and Atom 0.3 text in `mode="base64"`. Runs on
//! text [`super::repair`] made well-formed; every edit keeps each line where it was.

use std::ops::Range;

use base64::Engine;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// Written as the link of an RSS 1.0 item that has none, so that feed-rs keeps the item. It
/// is no web address, so it never becomes a permalink.
pub(super) const NO_LINK: &str = "urn:twentythree:no-link";

struct Edit {
    span: Range<usize>,
    text: String,
}

/// An open element and what it may still need.
#[derive(Default)]
struct Open {
    name: String,
    /// An Atom `<item>`, to be closed as `</entry>`.
    renamed: bool,
    /// An RSS 1.0 item, and whether a non-empty `<link>` was seen in it.
    rdf_item: bool,
    has_link: bool,
    /// The `<link>` of an RSS 1.0 item.
    rdf_link: bool,
    /// For `mode="base64"`: the start tag, and the text seen so far.
    base64: Option<Range<usize>>,
    text: String,
}

/// Where the root `<rss>` opens and closes, and what stands directly in it.
#[derive(Default)]
struct RssShape {
    inside_from: Option<usize>,
    inside_to: Option<usize>,
    channel: bool,
    item: bool,
}

pub(super) fn xml(text: String) -> String {
    let mut edits = edits(&text);
    if edits.is_empty() {
        return text;
    }
    edits.sort_by_key(|edit| edit.span.start);
    let mut out = String::with_capacity(text.len() + 64 * edits.len());
    let mut from = 0;
    for edit in edits {
        if edit.span.start < from {
            continue;
        }
        out.push_str(&text[from..edit.span.start]);
        out.push_str(&edit.text);
        from = edit.span.end;
    }
    out.push_str(&text[from..]);
    out
}

/// The edits the document needs; none when it is not well-formed (the parser says why).
fn edits(text: &str) -> Vec<Edit> {
    let mut reader = Reader::from_str(text);
    let mut scan = Scan::default();
    loop {
        let before = offset(reader.buffer_position());
        let Ok(event) = reader.read_event() else {
            return Vec::new();
        };
        let after = offset(reader.buffer_position());
        match event {
            Event::Start(ref start) => scan.start(start, before..after, false),
            Event::Empty(ref start) => scan.start(start, before..after, true),
            Event::End(_) => scan.end(text, before),
            Event::Text(ref t) => scan.text(&t.xml10_content(), false),
            Event::CData(ref t) => scan.text(&t.xml10_content(), false),
            Event::GeneralRef(_) => scan.text("&", true),
            Event::Eof => break,
            _ => {}
        }
    }
    scan.finish()
}

#[derive(Default)]
struct Scan {
    edits: Vec<Edit>,
    open: Vec<Open>,
    root: String,
    rss: RssShape,
}

impl Scan {
    fn start(&mut self, start: &BytesStart, tag: Range<usize>, empty: bool) {
        if let Some(parent) = self.open.last_mut() {
            // Markup inside base64 text: not base64 after all.
            parent.base64 = None;
        }
        let depth = self.open.len() + 1;
        let name = start.name().as_ref().to_owned();
        let local = start.local_name().as_ref().to_owned();
        if depth == 1 {
            self.root = local.clone();
            self.rss.inside_from = (!empty).then_some(tag.end);
        }
        if depth == 2 && self.root == "rss" {
            self.rss.channel |= local == "channel";
            self.rss.item |= local == "item";
        }
        let base64 = start
            .attributes()
            .flatten()
            .any(|a| a.key.as_ref() == "mode" && a.value.trim().eq_ignore_ascii_case("base64"));
        let element = Open {
            renamed: depth == 2 && self.root == "feed" && local == "item",
            rdf_item: depth == 2 && self.root == "RDF" && local == "item",
            rdf_link: depth == 3 && self.root == "RDF" && local == "link",
            base64: (base64 && !empty).then_some(tag.clone()),
            name,
            ..Open::default()
        };
        if element.renamed {
            self.edits.push(Edit {
                span: tag.start + 1..tag.start + 1 + element.name.len(),
                text: entry_for(&element.name),
            });
        }
        if !empty {
            self.open.push(element);
        } else if element.rdf_item {
            // An empty item: opened and closed here, with the link it lacks.
            self.edits.push(Edit {
                span: tag.end - 2..tag.end,
                text: format!(">{}</{}>", no_link(&element.name), element.name),
            });
        }
    }

    /// What an element needs once its end tag at `at` is reached.
    fn end(&mut self, text: &str, at: usize) {
        let Some(element) = self.open.pop() else {
            return;
        };
        if self.open.is_empty() {
            self.rss.inside_to = Some(at);
        }
        if element.renamed {
            self.edits.push(Edit {
                span: at + 2..at + 2 + element.name.len(),
                text: entry_for(&element.name),
            });
        }
        if element.rdf_item && !element.has_link {
            self.edits.push(Edit {
                span: at..at,
                text: no_link(&element.name),
            });
        }
        if let Some(tag) = element.base64 {
            let inner = tag.end..at;
            if let Some(decoded) = decode_base64(&element.text, &text[inner.clone()]) {
                let start_tag = text[tag.clone()].replacen("base64", "escaped", 1);
                self.edits.push(Edit {
                    span: tag,
                    text: start_tag,
                });
                self.edits.push(Edit {
                    span: inner,
                    text: decoded,
                });
            }
        }
    }

    /// Text in the innermost open element; `reference` for an entity reference.
    fn text(&mut self, text: &str, reference: bool) {
        let Some(element) = self.open.last_mut() else {
            return;
        };
        if reference {
            element.base64 = None;
        } else if element.base64.is_some() {
            element.text.push_str(text);
        }
        if element.rdf_link
            && !text.trim().is_empty()
            && let Some(item) = self.open.get_mut(1)
        {
            item.has_link = true;
        }
    }

    /// The edits, with a `<channel>` around the items of an `<rss>` that has none.
    fn finish(mut self) -> Vec<Edit> {
        let rss = &self.rss;
        if let (true, false, Some(from), Some(to)) =
            (rss.item, rss.channel, rss.inside_from, rss.inside_to)
        {
            self.edits.push(Edit {
                span: from..from,
                text: "<channel>".into(),
            });
            self.edits.push(Edit {
                span: to..to,
                text: "</channel>".into(),
            });
        }
        self.edits
    }
}

/// `item` or `atom:item` as `entry` or `atom:entry`.
fn entry_for(name: &str) -> String {
    match name.rsplit_once(':') {
        Some((prefix, _)) => format!("{prefix}:entry"),
        None => "entry".to_owned(),
    }
}

/// A `<link>` element in the item's own namespace prefix.
fn no_link(item: &str) -> String {
    let link = match item.rsplit_once(':') {
        Some((prefix, _)) => format!("{prefix}:link"),
        None => "link".to_owned(),
    };
    format!("<{link}>{NO_LINK}</{link}>")
}

/// The decoded text, escaped for XML and followed by as many line breaks as `raw` held;
/// none when it is not base64 of UTF-8 text.
fn decode_base64(text: &str, raw: &str) -> Option<String> {
    let engine = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
    );
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let bytes = engine.decode(compact).ok()?;
    let decoded = String::from_utf8(bytes).ok()?;
    let mut out = String::with_capacity(decoded.len() + 16);
    for c in decoded.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if super::repair::is_legal_xml_char(c) => out.push(c),
            _ => {}
        }
    }
    out.extend(raw.chars().filter(|c| *c == '\n'));
    Some(out)
}

fn offset(position: u64) -> usize {
    usize::try_from(position).unwrap_or(usize::MAX)
}
