//! The second pass over ammonia's output: what the allowlist cannot judge by attribute
//! alone, read from its regular tags.

use super::IFRAME_SANDBOX;

/// Removes what the allowlist cannot judge by attribute alone: tracking pixels (width or
/// height 0 or 1), images without a source, frames whose source was refused, and any text
/// inside a kept frame; kept frames get their sandbox. Works on ammonia's serialisation, whose tags are regular: lower
/// case names and double-quoted, escaped attribute values.
pub(super) fn drop_unwanted_elements(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        let Some(tag_len) = tag_len(rest) else {
            out.push_str(rest);
            return out;
        };
        let tag = &rest[..tag_len];
        if is_tag(tag, "img") {
            let pixel = ["width", "height"]
                .iter()
                .any(|a| attribute(tag, a).is_some_and(|v| matches!(v.trim(), "0" | "1")));
            if !pixel && attribute(tag, "src").is_some() {
                out.push_str(tag);
            }
            rest = &rest[tag_len..];
        } else if is_tag(tag, "iframe") {
            let end = rest
                .find("</iframe>")
                .map_or(rest.len(), |at| at + "</iframe>".len());
            if attribute(tag, "src").is_some() {
                // Added here rather than by ammonia, whose attribute order is not stable.
                out.push_str(tag.trim_end_matches('>'));
                out.push_str(&format!(
                    " sandbox=\"{IFRAME_SANDBOX}\" loading=\"lazy\"></iframe>"
                ));
            }
            rest = &rest[end..];
        } else {
            out.push_str(tag);
            rest = &rest[tag_len..];
        }
    }
    out.push_str(rest);
    out
}

fn is_tag(tag: &str, name: &str) -> bool {
    tag.strip_prefix('<')
        .and_then(|t| t.strip_prefix(name))
        .is_some_and(|t| t.starts_with([' ', '>', '/']))
}

/// Length of the tag at the start of `html`, up to and including its `>`, minding quotes.
fn tag_len(html: &str) -> Option<usize> {
    let mut in_quotes = false;
    for (i, c) in html.char_indices() {
        match c {
            '"' => in_quotes = !in_quotes,
            '>' if !in_quotes => return Some(i + 1),
            _ => {}
        }
    }
    None
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(at) = tag[from..].find(name).map(|at| from + at) {
        from = at + name.len();
        let preceded = tag[..at].ends_with(' ');
        if let Some(value) = tag[from..].strip_prefix("=\"").filter(|_| preceded) {
            return value.find('"').map(|end| &value[..end]);
        }
        if preceded && tag[from..].starts_with([' ', '>']) {
            return Some("");
        }
    }
    None
}
