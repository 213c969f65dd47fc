//! One start tag, read and written back repaired: versions, namespaces, Atom `type`s,
//! broken `xml:base` and unquoted attribute values.

use super::{NAMESPACE_ALIASES, RSS_NAMESPACES, push_text};

/// A start tag, parsed just enough to repair attributes without moving anything else.
pub(super) struct StartTag<'a> {
    source: &'a str,
    pub(super) name: &'a str,
    attributes: Vec<Attribute<'a>>,
    /// Where the tag's closing `>` or `/>` starts.
    close_at: usize,
    pub(super) len: usize,
}

struct Attribute<'a> {
    pub(super) name: &'a str,
    /// Byte range of the whole `name="value"` within the tag.
    span: std::ops::Range<usize>,
    /// Byte range of the value, without quotes.
    value: std::ops::Range<usize>,
    quoted: bool,
}

impl<'a> StartTag<'a> {
    pub(super) fn parse(source: &'a str) -> Option<StartTag<'a>> {
        let bytes = source.as_bytes();
        let name_len = source[1..]
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(source.len() - 1);
        let name = &source[1..1 + name_len];
        let first = name.chars().next()?;
        if !(first.is_alphabetic() || first == '_' || first == ':') {
            return None;
        }
        let mut attributes = Vec::new();
        let mut at = 1 + name_len;
        loop {
            at = skip_whitespace(bytes, at);
            match bytes.get(at)? {
                b'>' => {
                    return Some(StartTag {
                        source,
                        name,
                        attributes,
                        close_at: at,
                        len: at + 1,
                    });
                }
                b'/' if bytes.get(at + 1) == Some(&b'>') => {
                    return Some(StartTag {
                        source,
                        name,
                        attributes,
                        close_at: at,
                        len: at + 2,
                    });
                }
                b'<' => return None,
                _ => {}
            }
            let (attribute, next) = read_attribute(source, at)?;
            attributes.extend(attribute);
            at = next;
        }
    }

    fn value(&self, attribute: &Attribute) -> &'a str {
        &self.source[attribute.value.clone()]
    }

    fn local_name(&self) -> &'a str {
        self.name.rsplit(':').next().unwrap_or(self.name)
    }

    /// Writes the tag with its repairs. `root` is the root element's name once known.
    pub(super) fn write_repaired(&self, out: &mut String, is_root: bool, root: Option<&str>) {
        let atom = root
            .map(|r| r.rsplit(':').next().unwrap_or(r))
            .is_some_and(|r| r == "feed" || r == "entry")
            || (is_root && matches!(self.local_name(), "feed" | "entry"));
        let mut at = 0;
        let mut extra = String::new();
        if is_root && self.name == "rss" && !self.attributes.iter().any(|a| a.name == "version") {
            extra.push_str(" version=\"2.0\"");
        }
        for attribute in &self.attributes {
            out.push_str(&self.source[at..attribute.span.start]);
            at = attribute.span.end;
            let value = self.value(attribute);
            match self.repaired_value(attribute, is_root, atom) {
                Repair::Keep if attribute.quoted => {
                    out.push_str(&self.source[attribute.span.start..attribute.value.start]);
                    push_attribute_value(out, value);
                    out.push_str(&self.source[attribute.value.end..attribute.span.end]);
                }
                Repair::Keep => {
                    out.push_str(attribute.name);
                    out.push_str("=\"");
                    push_attribute_value(
                        out,
                        if attribute.value.is_empty() {
                            attribute.name
                        } else {
                            value
                        },
                    );
                    out.push('"');
                }
                Repair::Set(new) => {
                    out.push_str(attribute.name);
                    out.push_str("=\"");
                    out.push_str(&new);
                    out.push('"');
                }
                Repair::Drop => {}
            }
        }
        out.push_str(&self.source[at..self.close_at]);
        out.push_str(&extra);
        out.push_str(&self.source[self.close_at..self.len]);
    }

    fn repaired_value(&self, attribute: &Attribute, is_root: bool, atom: bool) -> Repair {
        let value = self.value(attribute);
        if attribute.name == "xmlns" && RSS_NAMESPACES.contains(&value.trim()) {
            // RSS 2.0 has no namespace: one written as the default hides every element.
            return Repair::Drop;
        }
        if attribute.name == "xmlns" || attribute.name.starts_with("xmlns:") {
            let known = NAMESPACE_ALIASES
                .iter()
                .find(|(old, _)| *old == value.trim());
            return known.map_or(Repair::Keep, |(_, new)| Repair::Set((*new).to_owned()));
        }
        if attribute.name == "xml:base" {
            let broken = matches!(url::Url::parse(value.trim()), Err(e) if e != url::ParseError::RelativeUrlWithoutBase);
            return if broken { Repair::Drop } else { Repair::Keep };
        }
        if is_root && self.name == "rss" && attribute.name == "version" {
            let known = matches!(value.trim(), "2.0" | "0.91" | "0.92");
            return if known && value == value.trim() {
                Repair::Keep
            } else {
                Repair::Set("2.0".to_owned())
            };
        }
        if attribute.name == "type" {
            let prefix = self.name.split_once(':').map(|(prefix, _)| prefix);
            if atom && prefix.is_none_or(|p| p == "atom") {
                let has_src = self.attributes.iter().any(|a| a.name == "src");
                return atom_type(self.local_name(), value, has_src);
            }
            if prefix == Some("media")
                && matches!(self.local_name(), "title" | "description" | "text")
            {
                // Media RSS text knows "plain" and "html"; anything else means plain.
                return if matches!(value, "plain" | "html") {
                    Repair::Keep
                } else {
                    Repair::Drop
                };
            }
        }
        Repair::Keep
    }
}

enum Repair {
    Keep,
    Set(String),
    Drop,
}

/// Atom text constructs accept `text`, `html` and `xhtml`; `content` also accepts MIME
/// types. Map what publishers write instead onto those.
fn atom_type(element: &str, value: &str, has_src: bool) -> Repair {
    let text_construct = matches!(
        element,
        "title" | "subtitle" | "summary" | "rights" | "tagline"
    );
    if !text_construct && element != "content" {
        return Repair::Keep;
    }
    let normal = value.trim().to_ascii_lowercase();
    let mapped = match normal.as_str() {
        "" => return Repair::Drop,
        _ if element == "content" && has_src => return Repair::Keep,
        "text" | "html" | "xhtml" => normal.clone(),
        "text/plain" | "plain" => "text".to_owned(),
        "text/html" | "escaped" => "html".to_owned(),
        t if t.ends_with("+xml") => "xhtml".to_owned(),
        t if element == "content" && t.ends_with("/xml") => normal.clone(),
        t if element == "content" && is_mime_type(t) && !t.starts_with("text/") => normal.clone(),
        t if t.starts_with("text/") => "text".to_owned(),
        _ => "html".to_owned(),
    };
    if mapped == value {
        Repair::Keep
    } else {
        Repair::Set(mapped)
    }
}

fn is_mime_type(value: &str) -> bool {
    value.split_once('/').is_some_and(|(kind, sub)| {
        let token = |s: &str| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "!#$&^_.+-".contains(c))
        };
        token(kind) && token(sub.split(';').next().unwrap_or(sub).trim())
    })
}

/// Attribute values: bare `&` and `<` escaped, illegal characters dropped, and quotes kept
/// safe for the double quotes an unquoted value gets.
fn push_attribute_value(out: &mut String, value: &str) {
    let mut escaped = String::with_capacity(value.len());
    push_text(&mut escaped, value);
    out.push_str(&escaped.replace('<', "&lt;").replace('"', "&quot;"));
}

/// Reads the attribute that starts at `start` in `source`: the attribute (none for a stray
/// `/` or the like, which is skipped) and where reading goes on; `None` when the text ends
/// inside a quoted value or before a value after `=`.
fn read_attribute(source: &str, start: usize) -> Option<(Option<Attribute<'_>>, usize)> {
    let bytes = source.as_bytes();
    let mut at = start;
    while at < bytes.len()
        && !bytes[at].is_ascii_whitespace()
        && !matches!(bytes[at], b'=' | b'>' | b'<')
    {
        at += 1;
    }
    if at == start {
        // A stray `/` or similar: skip it.
        return Some((None, at + 1));
    }
    let name = &source[start..at];
    let lookahead = skip_whitespace(bytes, at);
    if bytes.get(lookahead) != Some(&b'=') {
        // An attribute without a value (`allowfullscreen`), HTML style.
        let attribute = Attribute {
            name,
            span: start..at,
            value: at..at,
            quoted: false,
        };
        return Some((Some(attribute), at));
    }
    at = skip_whitespace(bytes, lookahead + 1);
    match bytes.get(at)? {
        quote @ (b'"' | b'\'') => {
            let close = at + 1 + source[at + 1..].find(*quote as char)?;
            let attribute = Attribute {
                name,
                span: start..close + 1,
                value: at + 1..close,
                quoted: true,
            };
            Some((Some(attribute), close + 1))
        }
        _ => {
            let value_start = at;
            while at < bytes.len() && !bytes[at].is_ascii_whitespace() && bytes[at] != b'>' {
                at += 1;
            }
            let attribute = Attribute {
                name,
                span: start..at,
                value: value_start..at,
                quoted: false,
            };
            Some((Some(attribute), at))
        }
    }
}

/// The first position from `at` that is not ASCII whitespace (or the end).
fn skip_whitespace(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && bytes[at].is_ascii_whitespace() {
        at += 1;
    }
    at
}
