//! HTML written unescaped inside an RSS text element (`<title>Hello <b>bold</b>
//! world</title>`, common in hand-made and older feeds), which feed-rs cuts at the first
//! tag: escaped in place, so the element's text is that HTML, as feedparser reads it.
//! Only `<` changes (and CDATA inside becomes escaped text): every line stays where it was.

/// RSS elements whose content is text (plain or escaped HTML), never child elements.
const TEXT_ELEMENTS: [&str; 9] = [
    "title",
    "description",
    "content:encoded",
    "dc:title",
    "dc:description",
    "itunes:summary",
    "itunes:subtitle",
    "media:title",
    "media:description",
];

/// When the start tag `name` opens an RSS text element whose content, up to `</name>`,
/// holds markup: that content escaped, and the length of `after` it replaces (the closing
/// tag stays).
pub(super) fn escaped(name: &str, after: &str) -> Option<(String, usize)> {
    if !TEXT_ELEMENTS.contains(&name) {
        return None;
    }
    let end = after.find(&format!("</{name}>"))?;
    let inner = &after[..end];
    if !has_markup(inner) {
        return None;
    }
    let mut out = String::with_capacity(inner.len() + 32);
    let mut rest = inner;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        if let Some(body) = rest.strip_prefix("<![CDATA[") {
            let (cdata, tail) = body.split_once("]]>").unwrap_or((body, ""));
            out.push_str(&cdata.replace('&', "&amp;").replace('<', "&lt;"));
            rest = tail;
        } else {
            out.push_str("&lt;");
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    Some((out, end))
}

/// A `<` that is not the start of a CDATA section.
fn has_markup(inner: &str) -> bool {
    let mut rest = inner;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt..];
        match rest.strip_prefix("<![CDATA[") {
            Some(body) => match body.split_once("]]>") {
                Some((_, tail)) => rest = tail,
                None => return false,
            },
            None => return true,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_a_text_element_becomes_its_text() {
        let after = "Hello <b>bold</b> world<br>\n<![CDATA[<i>a & b</i>]]></description><x/>";
        let (text, used) = escaped("description", after).expect("markup");
        assert_eq!(
            text,
            "Hello &lt;b>bold&lt;/b> world&lt;br>\n&lt;i>a &amp; b&lt;/i>"
        );
        assert_eq!(&after[used..], "</description><x/>");
    }

    #[test]
    fn plain_text_cdata_and_other_elements_are_left_alone() {
        assert_eq!(escaped("title", "Just text &amp; more</title>"), None);
        assert_eq!(escaped("title", "<![CDATA[<b>x</b>]]></title>"), None);
        assert_eq!(escaped("guid", "<b>x</b></guid>"), None);
        assert_eq!(escaped("title", "<b>never closed"), None);
    }
}
