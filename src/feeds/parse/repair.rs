//! Mends what feed-rs rejects but browsers and feed readers accept: bare ampersands,
//! illegal characters, `<rss>` versions feed-rs does not know, RSS 0.90 and Atom 0.3
//! namespaces, RSS 2.0 in a default namespace, odd Atom `type` attributes, broken
//! `xml:base`, HTML written unescaped in RSS text (the start tags' repairs are in `tag`);
//! and for JSON Feed (in `json`), old or bare version numbers, numeric ids and tags given
//! as one string.
//!
//! The XML repairs edit the text in place and never add or remove a line, so line
//! numbers in error messages still match the document the participant published.

mod json;
mod tag;

pub(super) use json::{is_bare_version, json_feed};
use tag::StartTag;

use super::inline_html;

/// Namespaces feed-rs does not know, and the ones whose elements mean the same.
const NAMESPACE_ALIASES: [(&str, &str); 3] = [
    (
        "http://my.netscape.com/rdf/simple/0.9/",
        "http://purl.org/rss/1.0/",
    ),
    (
        "http://channel.netscape.com/rdf/simple/0.9/",
        "http://purl.org/rss/1.0/",
    ),
    ("http://purl.org/atom/ns#", "http://www.w3.org/2005/Atom"),
];

/// Namespaces some RSS 2.0 feeds declare as their default, which feedparser ignores.
const RSS_NAMESPACES: [&str; 3] = [
    "http://backend.userland.com/rss2",
    "http://backend.userland.com/rss",
    "http://blogs.law.harvard.edu/tech/rss",
];

pub(super) fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 64);
    let mut rest = text;
    let mut root: Option<String> = None;
    while let Some(lt) = rest.find('<') {
        push_text(&mut out, &rest[..lt]);
        rest = &rest[lt..];
        let consumed = if let Some(len) = skip_markup(rest) {
            // A second XML declaration is not XML (and made feed-rs's reader panic): dropped.
            if !is_xml_declaration(rest) || out.trim_start().is_empty() {
                out.push_str(&rest[..len]);
            }
            len
        } else if rest.starts_with("</") {
            let len = rest.find('>').map_or(rest.len(), |end| end + 1);
            out.push_str(&rest[..len]);
            len
        } else if let Some(tag) = StartTag::parse(rest) {
            let is_root = root.is_none();
            let name = tag.name.to_owned();
            let len = tag.len;
            tag.write_repaired(&mut out, is_root, root.as_deref());
            let in_rss = root
                .as_deref()
                .is_some_and(|r| matches!(r.rsplit(':').next(), Some("rss" | "RDF")));
            let open = !rest[..len].ends_with("/>");
            root.get_or_insert(name);
            match inline_html::escaped(tag.name, &rest[len..]).filter(|_| in_rss && open) {
                Some((text, used)) => {
                    push_text(&mut out, &text);
                    len + used
                }
                None => len,
            }
        } else {
            // A `<` that starts no markup ("a < b") is text.
            out.push_str("&lt;");
            1
        };
        rest = &rest[consumed..];
    }
    push_text(&mut out, rest);
    without_declared_encodings(out)
}

/// The text is already decoded, so no XML declaration may name an encoding: feed-rs would
/// switch its decoder to it (and panics doing so for a declaration past the document's
/// start, which can hide where this tokenizer and quick-xml disagree, in a broken
/// processing instruction, say). Every place quick-xml could read as a declaration
/// (`<?xml` and XML whitespace, up to the next `?>`) loses its `encoding`.
fn without_declared_encodings(text: String) -> String {
    let is_declaration = |at: usize| {
        text[at + 5..].starts_with([' ', '\t', '\r', '\n']) || text[at + 5..].starts_with("?>")
    };
    let spans: Vec<(usize, usize)> = text
        .match_indices("<?xml")
        .map(|(at, _)| at)
        .filter(|&at| is_declaration(at))
        .filter_map(|at| {
            let end = at + text[at..].find("?>")?;
            let encoding = at + text[at..end].find("encoding")?;
            Some((encoding, end))
        })
        .collect();
    if spans.is_empty() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (encoding, end) in spans {
        if encoding < from {
            continue;
        }
        out.push_str(&text[from..encoding]);
        // Whatever followed `encoding` up to the end of the declaration (the value, and a
        // `standalone` after it) goes; `standalone` changes nothing for a feed reader.
        from = end;
    }
    out.push_str(&text[from..]);
    out
}

fn is_xml_declaration(rest: &str) -> bool {
    rest.get(..5)
        .is_some_and(|start| start.eq_ignore_ascii_case("<?xml"))
        && rest[5..].starts_with(|c: char| c.is_whitespace() || c == '?')
}

/// Comments, CDATA, processing instructions and the DOCTYPE are copied as they are; an
/// unterminated one swallows the rest of the document (and stays an error for the parser).
fn skip_markup(rest: &str) -> Option<usize> {
    let until = |open: &str, close: &str| -> Option<usize> {
        rest.starts_with(open).then(|| {
            rest[open.len()..]
                .find(close)
                .map_or(rest.len(), |at| open.len() + at + close.len())
        })
    };
    until("<!--", "-->")
        .or_else(|| until("<![CDATA[", "]]>"))
        .or_else(|| until("<?", "?>"))
        .or_else(|| rest.starts_with("<!").then(|| doctype_len(rest)))
}

/// The length of the `<!DOCTYPE ...>` at the start of `rest`, internal subset included.
pub(super) fn doctype_len(rest: &str) -> usize {
    let mut in_subset = false;
    let mut quote = None;
    for (i, c) in rest.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[') => in_subset = true,
            (None, ']') => in_subset = false,
            (None, '>') if !in_subset => return i + 1,
            _ => {}
        }
    }
    rest.len()
}

/// Text between tags: bare `&` become `&amp;`, impossible character references become
/// U+FFFD, characters XML forbids are dropped.
pub(super) fn push_text(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        push_legal_chars(out, &rest[..amp]);
        rest = &rest[amp..];
        let len = match reference_len(rest) {
            Some((len, true)) => {
                out.push_str(&rest[..len]);
                len
            }
            Some((len, false)) => {
                out.push_str("&#xFFFD;");
                len
            }
            None => {
                out.push_str("&amp;");
                1
            }
        };
        rest = &rest[len..];
    }
    push_legal_chars(out, rest);
}

fn push_legal_chars(out: &mut String, text: &str) {
    if text.chars().all(is_legal_xml_char) {
        out.push_str(text);
    } else {
        out.extend(text.chars().filter(|c| is_legal_xml_char(*c)));
    }
}

pub(super) fn is_legal_xml_char(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// If `text` (starting with `&`) starts a well-formed reference: its length, and whether
/// it names a character XML allows.
fn reference_len(text: &str) -> Option<(usize, bool)> {
    let body = &text[1..];
    let semi = body.find(';').filter(|at| *at <= 40)?;
    let name = &body[..semi];
    let legal = if let Some(number) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
        if number.is_empty() || !number.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(number, 16)
            .ok()
            .and_then(char::from_u32)
            .is_some_and(is_referable)
    } else if let Some(number) = name.strip_prefix('#') {
        if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        number
            .parse::<u32>()
            .ok()
            .and_then(char::from_u32)
            .is_some_and(is_referable)
    } else {
        let mut chars = name.chars();
        let starts_well = chars
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_' || c == ':');
        if !starts_well || !chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | ':' | '.' | '-'))
        {
            return None;
        }
        true
    };
    Some((semi + 2, legal))
}

fn is_referable(c: char) -> bool {
    c != '\0' && is_legal_xml_char(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_ampersands_and_lone_less_thans_are_escaped() {
        let doc = "<t a=\"x&y\">Fish & Chips &amp; &#38; &eacute; &#0; &#xD800; &x y; 1 < 2</t>";
        assert_eq!(
            xml(doc),
            "<t a=\"x&amp;y\">Fish &amp; Chips &amp; &#38; &eacute; &#xFFFD; &#xFFFD; &amp;x y; 1 &lt; 2</t>"
        );
    }

    #[test]
    fn a_second_xml_declaration_is_dropped() {
        let doc = "<?xml version=\"1.0\"?><rss><channel><title>a</title><?xml version=\"1.0\" encoding=\"windows-1252\"?><?xml-stylesheet href=\"s.xsl\"?></channel></rss>";
        assert_eq!(
            xml(doc),
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>a</title><?xml-stylesheet href=\"s.xsl\"?></channel></rss>"
        );
    }

    #[test]
    fn no_declaration_names_an_encoding_not_even_one_hidden_in_a_broken_instruction() {
        assert_eq!(
            xml("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss version=\"2.0\"/>"),
            "<?xml version=\"1.0\" ?>\n<rss version=\"2.0\"/>"
        );
        // This tokenizer reads the unclosed instruction up to the declaration's `?>`; the
        // declaration inside still loses its encoding, whoever reads it as one.
        let doc = "<rss version=\"2.0\"><?xml-stylesheet href=\"a\u{0}<?xml version=\"1.0\" encoding=\"utf-16\"?><channel/></rss>";
        let repaired = xml(doc);
        assert!(!repaired.contains("encoding"), "{repaired}");
        assert!(repaired.contains("<channel/>"));
    }

    #[test]
    fn cdata_comments_and_doctype_are_left_alone() {
        let doc = "<!DOCTYPE rss [<!ENTITY x \"&#38;\">]><rss version=\"2.0\"><!-- a & b --><d><![CDATA[<p>a & b</p>]]></d></rss>";
        assert_eq!(xml(doc), doc);
        let cut = "<rss version=\"2.0\"><d><![CDATA[<p>a & b";
        assert_eq!(xml(cut), cut);
    }

    #[test]
    fn rss_versions_feed_rs_does_not_know_become_2_0() {
        assert_eq!(
            xml("<rss>\n<channel/></rss>"),
            "<rss version=\"2.0\">\n<channel/></rss>"
        );
        assert_eq!(
            xml("<rss version='0.93' a='b'>"),
            "<rss version=\"2.0\" a='b'>"
        );
        assert_eq!(xml("<rss version=\"0.91\">"), "<rss version=\"0.91\">");
        assert_eq!(
            xml("<?xml version=\"1.0\"?>\n<rss\n  version=\"2.01\"\n>"),
            "<?xml version=\"1.0\"?>\n<rss\n  version=\"2.0\"\n>"
        );
    }

    #[test]
    fn old_namespaces_are_aliased() {
        assert_eq!(
            xml("<rdf:RDF xmlns=\"http://my.netscape.com/rdf/simple/0.9/\">"),
            "<rdf:RDF xmlns=\"http://purl.org/rss/1.0/\">"
        );
        assert_eq!(
            xml("<feed xmlns='http://purl.org/atom/ns#'>"),
            "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
        );
    }

    #[test]
    fn atom_type_attributes_are_normalised() {
        let doc = "<feed><title type=\"\">a</title><summary type=\"TEXT/HTML \">b</summary><content type=\"application/xhtml+xml\">c</content><content type=\"image/png\" src=\"x.png\"/><rights type=\"weird\">r</rights><title type='text'>ok</title></feed>";
        assert_eq!(
            xml(doc),
            "<feed><title >a</title><summary type=\"html\">b</summary><content type=\"xhtml\">c</content><content type=\"image/png\" src=\"x.png\"/><rights type=\"html\">r</rights><title type='text'>ok</title></feed>"
        );
        // Media RSS titles in Atom are not Atom text constructs.
        assert_eq!(
            xml(
                "<feed><media:title type=\"plain\">m</media:title><media:text type=\"weird\">t</media:text></feed>"
            ),
            "<feed><media:title type=\"plain\">m</media:title><media:text >t</media:text></feed>"
        );
        // The same attribute on an RSS document is not touched.
        assert_eq!(
            xml("<rss version=\"2.0\"><title type=\"\">a</title></rss>"),
            "<rss version=\"2.0\"><title type=\"\">a</title></rss>"
        );
    }

    #[test]
    fn broken_xml_base_is_dropped_and_unquoted_values_are_quoted() {
        assert_eq!(
            xml("<feed xml:base=\"http://\" a=b c>"),
            "<feed  a=\"b\" c=\"c\">"
        );
    }

    #[test]
    fn illegal_characters_are_dropped() {
        assert_eq!(xml("<t>a\u{1}b\u{c}c\td</t>"), "<t>abc\td</t>");
    }

    #[test]
    fn json_feed_quirks() {
        let mut feed = serde_json::json!({
            "version": "http://jsonfeed.org/version/1",
            "items": [
                { "id": 42, "tags": "thing7, maps", "title": 7, "url": null },
                { "id": "b", "tags": ["x", 3, null], "attachments": [{ "url": "u" }], "author": "Kim" },
                "nonsense"
            ]
        });
        assert!(json_feed(&mut feed));
        assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
        assert_eq!(feed["title"], "");
        assert_eq!(feed["items"].as_array().map(Vec::len), Some(2));
        assert_eq!(feed["items"][0]["id"], "42");
        assert_eq!(feed["items"][0]["title"], "7");
        assert_eq!(
            feed["items"][0]["tags"],
            serde_json::json!(["thing7", "maps"])
        );
        assert_eq!(feed["items"][1]["tags"], serde_json::json!(["x", "3"]));
        assert_eq!(feed["items"][1]["attachments"], serde_json::json!([]));
        assert_eq!(
            feed["items"][1]["author"],
            serde_json::json!({ "name": "Kim" })
        );
    }

    #[test]
    fn a_bare_json_feed_version_is_read() {
        for version in ["1", "1.0", "1.1", " 1.1 "] {
            let mut feed = serde_json::json!({ "version": version, "items": [{ "id": "a" }] });
            assert!(json_feed(&mut feed), "{version}");
            assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
        }
        for version in ["2", "1.x", "10.2"] {
            let mut feed = serde_json::json!({ "version": version, "items": [] });
            assert!(!json_feed(&mut feed), "{version}");
        }
        assert!(!json_feed(&mut serde_json::json!({ "version": "1" })));
    }

    #[test]
    fn json_that_is_not_a_feed_is_refused() {
        assert!(!json_feed(
            &mut serde_json::json!({ "name": "wp-json", "routes": {} })
        ));
        assert!(!json_feed(&mut serde_json::json!([1, 2])));
    }
}
