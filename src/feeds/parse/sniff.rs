//! What kind of document a body is, from its first characters: a feed (an RSS, RDF or
//! Atom root, or JSON that says it is a JSON Feed) or a web page. Cheap enough for
//! discovery to ask of every page it looks at.

use super::{encoding, repair};

/// Cheap sniff for discovery: is this body a feed (RSS/RDF/Atom XML root, or JSON with a
/// jsonfeed.org version) rather than an HTML page?
pub fn looks_like_feed(bytes: &[u8], content_type: Option<&str>) -> bool {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let text = encoding::decode(head, content_type);
    let text = text.trim_start();
    match text.chars().next() {
        Some('<') => {
            root_element(text).is_some_and(|root| is_feed_root(&root) && local(&root) != "entry")
        }
        Some('{') => {
            let unescaped = text.replace('\\', "");
            let json_feed_type =
                content_type.is_some_and(|t| t.to_ascii_lowercase().contains("feed+json"));
            let items = unescaped.contains("\"items\"");
            unescaped.contains("jsonfeed.org/version/")
                || (items && (json_feed_type || bare_json_version(&unescaped)))
        }
        _ => false,
    }
}

/// Whether the (start of the) JSON says `"version": "1.1"` or another bare JSON Feed version.
fn bare_json_version(json: &str) -> bool {
    json.match_indices("\"version\"").any(|(at, key)| {
        let rest = json[at + key.len()..].trim_start();
        rest.strip_prefix(':')
            .map(str::trim_start)
            .and_then(|rest| rest.strip_prefix('"'))
            .and_then(|rest| rest.split_once('"'))
            .is_some_and(|(version, _)| repair::is_bare_version(version))
    })
}

/// The root element's qualified name, past the prolog, comments and DOCTYPE. An HTML
/// DOCTYPE counts as an `html` root.
pub(super) fn root_element(text: &str) -> Option<String> {
    let mut rest = text.trim_start();
    loop {
        if let Some(after) = rest
            .strip_prefix("<?")
            .or_else(|| rest.strip_prefix("<!--"))
        {
            let close = if rest.starts_with("<?") { "?>" } else { "-->" };
            rest = after.split_once(close)?.1.trim_start();
        } else if let Some(after) = rest
            .get(..9)
            .filter(|start| start.eq_ignore_ascii_case("<!DOCTYPE"))
            .and_then(|_| rest.get(9..))
        {
            let name = after.split_whitespace().next()?.trim_end_matches('>');
            if name.eq_ignore_ascii_case("html") {
                return Some("html".to_owned());
            }
            rest = rest.get(repair::doctype_len(rest)..)?.trim_start();
        } else {
            let name: String = rest
                .strip_prefix('<')?
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
                .collect();
            return (!name.is_empty()).then_some(name);
        }
    }
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

pub(super) fn is_feed_root(name: &str) -> bool {
    matches!(local(name), "rss" | "RDF" | "feed" | "entry")
}

pub(super) fn is_html_root(name: &str) -> bool {
    matches!(
        local(name).to_ascii_lowercase().as_str(),
        "html" | "head" | "body"
    )
}
