//! Turns the bytes of a feed into UTF-8 text, whatever encoding the publisher used or
//! claimed, and makes the XML declaration say UTF-8 afterwards.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Decodes `bytes` by these rules, first match wins: a byte order mark; UTF-16 or UTF-32
/// recognised by the pattern of zero bytes around the first character; valid UTF-8 (it
/// wins over a declaration that says otherwise); the XML declaration's encoding; the
/// HTTP charset; windows-1252. "UTF-8 or nothing declared" decodes valid sequences as
/// UTF-8 and stray bytes as windows-1252, which is what mixed-up blogs need.
pub(super) fn decode(bytes: &[u8], content_type: Option<&str>) -> String {
    let text = match sniff_unicode(bytes) {
        Some(Unicode::Utf8Bom) => utf8_or_1252(&bytes[3..]),
        Some(Unicode::Utf16 { big_endian, bom }) => {
            let body = if bom { &bytes[2..] } else { bytes };
            let encoding = if big_endian { UTF_16BE } else { UTF_16LE };
            encoding.decode_without_bom_handling(body).0.into_owned()
        }
        Some(Unicode::Utf32 { big_endian, bom }) => {
            decode_utf32(if bom { &bytes[4..] } else { bytes }, big_endian)
        }
        None => match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => decode_declared(bytes, content_type),
        },
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    declare_utf8(text)
}

enum Unicode {
    Utf8Bom,
    Utf16 { big_endian: bool, bom: bool },
    Utf32 { big_endian: bool, bom: bool },
}

fn sniff_unicode(bytes: &[u8]) -> Option<Unicode> {
    let head: [u8; 4] = match bytes {
        [a, b, c, d, ..] => [*a, *b, *c, *d],
        [0xEF, 0xBB, 0xBF] => return Some(Unicode::Utf8Bom),
        [0xFF, 0xFE, ..] => {
            return Some(Unicode::Utf16 {
                big_endian: false,
                bom: true,
            });
        }
        [0xFE, 0xFF, ..] => {
            return Some(Unicode::Utf16 {
                big_endian: true,
                bom: true,
            });
        }
        _ => return None,
    };
    Some(match head {
        [0xFF, 0xFE, 0, 0] => Unicode::Utf32 {
            big_endian: false,
            bom: true,
        },
        [0, 0, 0xFE, 0xFF] => Unicode::Utf32 {
            big_endian: true,
            bom: true,
        },
        [0xEF, 0xBB, 0xBF, _] => Unicode::Utf8Bom,
        [0xFF, 0xFE, _, _] => Unicode::Utf16 {
            big_endian: false,
            bom: true,
        },
        [0xFE, 0xFF, _, _] => Unicode::Utf16 {
            big_endian: true,
            bom: true,
        },
        [0, 0, 0, c] if c != 0 => Unicode::Utf32 {
            big_endian: true,
            bom: false,
        },
        [c, 0, 0, 0] if c != 0 => Unicode::Utf32 {
            big_endian: false,
            bom: false,
        },
        [0, a, 0, b] if a != 0 && b != 0 => Unicode::Utf16 {
            big_endian: true,
            bom: false,
        },
        [a, 0, b, 0] if a != 0 && b != 0 => Unicode::Utf16 {
            big_endian: false,
            bom: false,
        },
        _ => return None,
    })
}

fn decode_utf32(bytes: &[u8], big_endian: bool) -> String {
    bytes
        .chunks_exact(4)
        .map(|c| {
            let word = [c[0], c[1], c[2], c[3]];
            let code = if big_endian {
                u32::from_be_bytes(word)
            } else {
                u32::from_le_bytes(word)
            };
            char::from_u32(code).unwrap_or('\u{fffd}')
        })
        .collect()
}

fn decode_declared(bytes: &[u8], content_type: Option<&str>) -> String {
    let declared = xml_declared_encoding(bytes)
        .and_then(|label| usable_encoding(&label))
        .or_else(|| {
            content_type
                .and_then(http_charset)
                .and_then(|label| usable_encoding(&label))
        });
    match declared {
        Some(encoding) if encoding != UTF_8 => {
            encoding.decode_without_bom_handling(bytes).0.into_owned()
        }
        _ => utf8_or_1252(bytes),
    }
}

/// An encoding we can decode 8-bit bytes with: UTF-16 labels cannot be right once the
/// byte pattern has said the document is not UTF-16, and "replacement" destroys text.
fn usable_encoding(label: &str) -> Option<&'static Encoding> {
    let encoding = Encoding::for_label(label.trim().as_bytes())?;
    let unusable =
        encoding == UTF_16BE || encoding == UTF_16LE || encoding == encoding_rs::REPLACEMENT;
    (!unusable).then_some(encoding)
}

/// Valid UTF-8 sequences as UTF-8, every other byte as windows-1252.
fn utf8_or_1252(mut bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    loop {
        match std::str::from_utf8(bytes) {
            Ok(rest) => {
                out.push_str(rest);
                return out;
            }
            Err(error) => {
                let (valid, after) = bytes.split_at(error.valid_up_to());
                out.push_str(&String::from_utf8_lossy(valid));
                let bad = error
                    .error_len()
                    .unwrap_or(after.len())
                    .max(1)
                    .min(after.len());
                out.push_str(&WINDOWS_1252.decode_without_bom_handling(&after[..bad]).0);
                bytes = &after[bad..];
            }
        }
    }
}

/// The `encoding` pseudo-attribute of an XML declaration at the start of the bytes.
fn xml_declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(1024)];
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = &head[start..];
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let end = head.windows(2).position(|w| w == b"?>")?;
    let decl = String::from_utf8_lossy(&head[..end]).into_owned();
    pseudo_attribute(&decl, "encoding").map(|(_, value)| value.to_owned())
}

/// Finds `name="value"` (or single quotes) in an XML declaration: the byte range of the
/// value and the value.
fn pseudo_attribute<'a>(decl: &'a str, name: &str) -> Option<(std::ops::Range<usize>, &'a str)> {
    let mut from = 0;
    while let Some(found) = decl[from..].find(name) {
        let at = from + found;
        from = at + name.len();
        let preceded_by_space = decl[..at].ends_with(|c: char| c.is_ascii_whitespace());
        let rest = decl[from..].trim_start();
        let Some(rest) = rest.strip_prefix('=') else {
            continue;
        };
        let rest = rest.trim_start();
        let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        let value_start = decl.len() - rest.len() + 1;
        let Some(len) = decl[value_start..].find(quote) else {
            continue;
        };
        if preceded_by_space {
            return Some((
                value_start..value_start + len,
                &decl[value_start..value_start + len],
            ));
        }
    }
    None
}

/// The `charset` parameter of a Content-Type header.
fn http_charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim().eq_ignore_ascii_case("charset").then(|| {
            value
                .trim()
                .trim_matches(|c| c == '"' || c == '\'')
                .to_owned()
        })
    })
}

/// Rewrites the XML declaration's encoding (if any) to UTF-8, since the text now is.
fn declare_utf8(mut text: String) -> String {
    let start = text.len() - text.trim_start().len();
    if !text[start..].starts_with("<?xml") {
        return text;
    }
    let Some(end) = text[start..].find("?>").map(|end| start + end) else {
        return text;
    };
    if let Some((range, _)) = pseudo_attribute(&text[start..end], "encoding") {
        text.replace_range(start + range.start..start + range.end, "UTF-8");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_utf8_wins_over_a_wrong_declaration() {
        let doc = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>Café</a>";
        assert_eq!(
            decode(doc.as_bytes(), None),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>Café</a>"
        );
    }

    #[test]
    fn the_declaration_wins_over_http_and_http_over_the_default() {
        let latin1 = b"<?xml version='1.0' encoding='iso-8859-1'?><a>caf\xe9</a>";
        assert_eq!(
            decode(latin1, Some("text/xml; charset=utf-8")),
            "<?xml version='1.0' encoding='UTF-8'?><a>café</a>"
        );
        let koi8 = b"<a>\xc1</a>";
        assert_eq!(
            decode(koi8, Some("application/xml; charset=\"koi8-r\"")),
            "<a>а</a>"
        );
        assert_eq!(decode(b"<a>\x93hi\x94 \x80</a>", None), "<a>“hi” €</a>");
    }

    #[test]
    fn mixed_utf8_and_windows_1252_keeps_both() {
        assert_eq!(
            decode(
                "<a>Größe \u{2013} "
                    .as_bytes()
                    .iter()
                    .copied()
                    .chain(*b"\x80</a>")
                    .collect::<Vec<_>>()
                    .as_slice(),
                None
            ),
            "<a>Größe – €</a>"
        );
    }

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend(if big_endian {
                [0xFE, 0xFF]
            } else {
                [0xFF, 0xFE]
            });
        }
        for unit in text.encode_utf16() {
            out.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        out
    }

    fn utf32(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let chars = bom.then_some('\u{feff}').into_iter().chain(text.chars());
        for c in chars {
            out.extend(if big_endian {
                (c as u32).to_be_bytes()
            } else {
                (c as u32).to_le_bytes()
            });
        }
        out
    }

    #[test]
    fn utf16_and_utf32_with_and_without_bom() {
        let doc = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>Größe 🎉</a>";
        let want = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>Größe 🎉</a>";
        for big_endian in [false, true] {
            for bom in [false, true] {
                assert_eq!(
                    decode(&utf16(doc, big_endian, bom), None),
                    want,
                    "utf-16 be={big_endian} bom={bom}"
                );
                let doc32 = doc.replace("UTF-16", "UTF-32");
                assert_eq!(
                    decode(&utf32(&doc32, big_endian, bom), None),
                    want,
                    "utf-32 be={big_endian} bom={bom}"
                );
            }
        }
    }

    #[test]
    fn utf8_bom_is_dropped() {
        assert_eq!(decode(b"\xEF\xBB\xBF{\"a\":1}", None), "{\"a\":1}");
    }

    #[test]
    fn a_utf16_label_on_8_bit_bytes_is_ignored() {
        assert_eq!(
            decode(
                b"<?xml version=\"1.0\" encoding=\"utf-16\"?><a>caf\xe9</a>",
                None
            ),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>café</a>"
        );
    }
}
