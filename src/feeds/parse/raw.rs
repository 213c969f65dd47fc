//! A light pass over the (repaired) XML for what feed-rs does not keep: the raw date
//! strings, RDF `rdf:about` ids, `dc:subject`, `guid isPermaLink`, the `xml:base` in scope
//! for each item's content, titles and text written only in Dublin Core, Media RSS or
//! iTunes elements, links written as text; how many items the document visibly holds; and,
//! when the XML is broken, where it breaks.

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::{NsReader, XmlVersion};
use url::Url;

mod problem;

pub(super) use problem::XmlProblem;
use problem::problem;

const RSS1: &str = "http://purl.org/rss/1.0/";
const ATOM: &str = "http://www.w3.org/2005/Atom";
const DC: &str = "http://purl.org/dc/elements/1.1/";
const DCTERMS: &str = "http://purl.org/dc/terms/";
const MEDIA: &str = "http://search.yahoo.com/mrss/";
const ITUNES: &str = "http://www.itunes.com/dtds/podcast-1.0.dtd";
const SLASH: &str = "http://purl.org/rss/1.0/modules/slash/";
const THREADING: &str = "http://purl.org/syndication/thread/1.0";

/// What the raw pass learnt about one item (or entry), in document order.
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct RawItem {
    /// The item's own id: RSS guid, Atom id, RDF `rdf:about`, JSON Feed id.
    pub id: Option<String>,
    /// False for an RSS guid marked `isPermaLink="false"` and for an RDF `rdf:about`.
    pub guid_is_permalink: bool,
    pub published: Option<String>,
    pub updated: Option<String>,
    /// Extra categories feed-rs does not read (`dc:subject`).
    pub subjects: Vec<String>,
    /// A title given only as `dc:title` or `media:title`.
    pub other_title: Option<String>,
    /// Text given only as `dc:description`, `itunes:summary` or `media:description`.
    pub other_text: Option<String>,
    /// The text of the item's `<link>` (an Atom link may carry its address there).
    pub link_text: Option<String>,
    /// The `xml:base` in scope for the content and for the summary, when one was declared.
    pub content_base: Option<Url>,
    pub summary_base: Option<Url>,
    /// For JSON Feed, the item's `url` (feed-rs mixes it up with `external_url`).
    pub json_url: Option<Option<String>>,
    /// How many comments the post has, where the feed says so (`slash:comments`, as
    /// WordPress publishes it, or Atom threading's `thr:total`, as Blogger does).
    pub comments: Option<i32>,
    /// Where the item is in the scanned text, tags included.
    pub span: std::ops::Range<usize>,
}

#[derive(Debug, Default)]
pub(super) struct RawDoc {
    /// The root element's local name.
    pub root: String,
    pub items: Vec<RawItem>,
    /// Every `<item>` or `<entry>` unprefixed or in an RSS or Atom namespace, wherever it
    /// stands (not counting one inside another): what a reader sees as the posts.
    pub visible: usize,
}

#[derive(Clone, Copy, PartialEq)]
enum Field {
    Id,
    Published(u8),
    Updated(u8),
    OtherTitle(u8),
    OtherText(u8),
    Subject,
    Link,
    Comments,
    Other,
}

/// The rank of the value kept so far for each field that several elements can give.
#[derive(Clone, Copy)]
struct Ranks {
    published: u8,
    updated: u8,
    title: u8,
    text: u8,
}

impl Default for Ranks {
    fn default() -> Self {
        Self {
            published: u8::MAX,
            updated: u8::MAX,
            title: u8::MAX,
            text: u8::MAX,
        }
    }
}

/// Keeps `text` in `slot` when `rank` beats the rank it holds.
fn ranked(slot: &mut Option<String>, held: &mut u8, rank: u8, text: &str) {
    if rank < *held {
        *held = rank;
        *slot = Some(text.to_owned());
    }
}

struct Capture {
    field: Field,
    depth: usize,
    text: String,
}

/// Where the pass stands in the document while it reads it, event by event.
struct Scanner<'a> {
    feed_url: &'a Url,
    doc: RawDoc,
    depth: usize,
    /// The local names of the elements open around the reader, outermost first.
    open: Vec<String>,
    /// The `xml:base` declared at each depth still open.
    bases: Vec<(usize, Url)>,
    item_depth: Option<usize>,
    item: RawItem,
    ranks: Ranks,
    /// The depth of the visible post element being read, so one inside it is not counted.
    visible_at: Option<usize>,
    capture: Option<Capture>,
}

pub(super) fn scan(text: &str, feed_url: &Url) -> Result<RawDoc, XmlProblem> {
    let mut reader = NsReader::from_str(text);
    let mut scanner = Scanner::new(feed_url);
    loop {
        let before = offset(reader.buffer_position());
        let (ns, event) = match reader.read_resolved_event() {
            Ok((ns, event)) => {
                // feed-rs reads an Atom document without a namespace as Atom; so do we.
                let ns = namespace(&ns);
                let atom_root = matches!(scanner.doc.root.as_str(), "feed" | "entry");
                (
                    if ns.is_empty() && atom_root {
                        ATOM.to_owned()
                    } else {
                        ns
                    },
                    event,
                )
            }
            Err(error) => return Err(problem(text, reader.error_position(), &error)),
        };
        let after = offset(reader.buffer_position());
        match event {
            Event::Start(ref start) => scanner.start(&ns, start, before..after, false),
            Event::Empty(ref start) => scanner.start(&ns, start, before..after, true),
            Event::End(_) => scanner.end(after),
            Event::Text(ref t) => push(&mut scanner.capture, &t.xml10_content()),
            Event::CData(ref t) => push(&mut scanner.capture, &t.xml10_content()),
            Event::GeneralRef(ref r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => quick_xml::escape::resolve_predefined_entity(r)
                        .map_or_else(|| format!("&{};", &**r), str::to_owned),
                };
                push(&mut scanner.capture, &resolved);
            }
            Event::Eof => return scanner.eof(text),
            _ => {}
        }
    }
}

impl<'a> Scanner<'a> {
    fn new(feed_url: &'a Url) -> Self {
        Self {
            feed_url,
            doc: RawDoc::default(),
            depth: 0,
            open: Vec::new(),
            bases: Vec::new(),
            item_depth: None,
            item: RawItem::default(),
            ranks: Ranks::default(),
            visible_at: None,
            capture: None,
        }
    }

    /// An opening (or empty) tag, found at `span` in the text.
    fn start(&mut self, ns: &str, start: &BytesStart, span: std::ops::Range<usize>, empty: bool) {
        self.depth += 1;
        let depth = self.depth;
        let local = local_name(start);
        if let Some(base) = attribute(start, "xml:base") {
            let parent = self.bases.last().map_or(self.feed_url, |(_, url)| url);
            if let Ok(url) = parent.join(base.trim()) {
                self.bases.push((depth, url));
            }
        }
        if depth == 1 {
            self.doc.root = local.clone();
        }
        let prefixed = start.name().prefix().is_some();
        if self.visible_at.is_none() && is_post_element(ns, &local, prefixed) {
            self.doc.visible += 1;
            self.visible_at = (!empty).then_some(depth);
        }
        let is_item = matches!(
            (self.doc.root.as_str(), depth, local.as_str()),
            ("rss", 3, "item") | ("RDF", 2, "item") | ("feed", 2, "entry") | ("entry", 1, "entry")
        );
        if is_item {
            self.start_item(start, span.start);
        } else if self.item_depth.is_some_and(|d| depth == d + 1) {
            self.start_field(ns, &local, start);
        }
        if empty {
            finish(&mut self.capture, depth, &mut self.item, &mut self.ranks);
            self.close(span.end);
        } else {
            self.open.push(local);
        }
    }

    /// The `xml:base` in scope where the reader stands.
    fn base_in_scope(&self) -> Option<Url> {
        self.bases.last().map(|(_, url)| url.clone())
    }

    /// An `<item>` or `<entry>` begins at `at`.
    fn start_item(&mut self, start: &BytesStart, at: usize) {
        self.item_depth = Some(self.depth);
        self.ranks = Ranks::default();
        self.item = RawItem {
            span: at..at,
            guid_is_permalink: true,
            content_base: self.base_in_scope(),
            summary_base: self.base_in_scope(),
            ..RawItem::default()
        };
        if self.doc.root == "RDF" {
            self.item.id = attribute(start, "rdf:about").or_else(|| attribute(start, "about"));
            // feedparser reads rdf:about as the item's id, never as its link.
            self.item.guid_is_permalink = false;
        }
    }

    /// A direct child of the item begins: capture its text for the field it gives.
    fn start_field(&mut self, ns: &str, local: &str, start: &BytesStart) {
        let field = field(ns, local);
        if field == Field::Id && local == "guid" {
            self.item.guid_is_permalink = attribute(start, "isPermaLink")
                .is_none_or(|v| !v.trim().eq_ignore_ascii_case("false"));
        }
        match (ns, local) {
            (ATOM, "content") | (_, "encoded") => self.item.content_base = self.base_in_scope(),
            (ATOM, "summary") | (_, "description") => {
                self.item.summary_base = self.base_in_scope();
            }
            _ => {}
        }
        self.capture = Some(Capture {
            field,
            depth: self.depth,
            text: String::new(),
        });
    }

    /// A closing tag, ending at `at` in the text.
    fn end(&mut self, at: usize) {
        self.open.pop();
        if self.visible_at == Some(self.depth) {
            self.visible_at = None;
        }
        finish(
            &mut self.capture,
            self.depth,
            &mut self.item,
            &mut self.ranks,
        );
        self.close(at);
    }

    /// Leaves the element just finished; when it was the item, keeps the item (ending at `at`).
    fn close(&mut self, at: usize) {
        close(&mut self.depth, &mut self.bases);
        if self.item_depth == Some(self.depth + 1) {
            self.item_depth = None;
            self.item.span.end = at;
            self.doc.items.push(std::mem::take(&mut self.item));
        }
    }

    fn eof(self, text: &str) -> Result<RawDoc, XmlProblem> {
        if let Some(name) = self.open.last() {
            let line = text.lines().count().max(1);
            return Err(XmlProblem {
                message: format!("the document ends before <{name}> is closed"),
                line,
            });
        }
        Ok(self.doc)
    }
}

fn offset(position: u64) -> usize {
    usize::try_from(position).unwrap_or(usize::MAX)
}

fn close(depth: &mut usize, bases: &mut Vec<(usize, Url)>) {
    while bases.last().is_some_and(|(d, _)| *d >= *depth) {
        bases.pop();
    }
    *depth = depth.saturating_sub(1);
}

fn push(capture: &mut Option<Capture>, text: &str) {
    if let Some(capture) = capture {
        capture.text.push_str(text);
    }
}

fn finish(capture: &mut Option<Capture>, depth: usize, item: &mut RawItem, ranks: &mut Ranks) {
    if capture.as_ref().is_none_or(|c| c.depth != depth) {
        return;
    }
    let Some(Capture { field, text, .. }) = capture.take() else {
        return;
    };
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    match field {
        Field::Id => item.id = Some(text.to_owned()),
        Field::Published(rank) => ranked(&mut item.published, &mut ranks.published, rank, text),
        Field::Updated(rank) => ranked(&mut item.updated, &mut ranks.updated, rank, text),
        Field::OtherTitle(rank) => ranked(&mut item.other_title, &mut ranks.title, rank, text),
        Field::OtherText(rank) => ranked(&mut item.other_text, &mut ranks.text, rank, text),
        Field::Subject => item.subjects.push(text.to_owned()),
        Field::Link => item.link_text = Some(text.to_owned()),
        Field::Comments => item.comments = text.parse().ok().filter(|n: &i32| *n >= 0),
        Field::Other => {}
    }
}

/// Which item child carries what; a lower rank wins when a feed has several dates.
fn field(ns: &str, local: &str) -> Field {
    let rss = ns.is_empty() || ns == RSS1;
    match (ns, local) {
        (_, "guid") if rss => Field::Id,
        (ATOM, "id") => Field::Id,
        (_, "pubDate") if rss || ns == ATOM => Field::Published(0),
        (ATOM, "published") => Field::Published(0),
        (ATOM, "issued") => Field::Published(1),
        (DC, "date") => Field::Published(2),
        (DCTERMS, "created" | "issued") => Field::Published(3),
        (ATOM, "updated") => Field::Updated(0),
        (_, "updated") if rss => Field::Updated(0),
        (ATOM, "modified") => Field::Updated(1),
        (DCTERMS, "modified") => Field::Updated(2),
        (DC, "subject") => Field::Subject,
        (DC, "title") => Field::OtherTitle(0),
        (MEDIA, "title") => Field::OtherTitle(1),
        (DC, "description") => Field::OtherText(0),
        (ITUNES, "summary") => Field::OtherText(1),
        (MEDIA, "description") => Field::OtherText(2),
        (_, "link") if rss || ns == ATOM => Field::Link,
        (SLASH, "comments") | (THREADING, "total") => Field::Comments,
        _ => Field::Other,
    }
}

/// An `<item>` or `<entry>` in RSS or Atom, or in whatever namespace is the default (as a
/// reader of the document sees it): feedparser reads an Atom `<item>`, and RSS in unknown
/// namespaces, too.
fn is_post_element(ns: &str, local: &str, prefixed: bool) -> bool {
    matches!(local, "item" | "entry") && (!prefixed || ns == RSS1 || ns == ATOM)
}

fn namespace(ns: &ResolveResult) -> String {
    match ns {
        ResolveResult::Bound(ns) => ns.as_ref().to_owned(),
        _ => String::new(),
    }
}

fn local_name(start: &BytesStart) -> String {
    start.local_name().as_ref().to_owned()
}

fn attribute(start: &BytesStart, name: &str) -> Option<String> {
    start
        .attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .map_or_else(|_| a.value.to_string(), |v| v.into_owned())
        })
}

#[cfg(test)]
mod tests;
