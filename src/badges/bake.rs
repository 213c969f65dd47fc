//! Baking: the assertion carried inside the badge image, as Open Badges 2.0 says. A PNG
//! gets exactly one uncompressed `iTXt` chunk with the keyword `openbadges` right after
//! IHDR; an SVG gets an `openbadges:assertion` element whose `verify` is the assertion's
//! address and whose character data is the assertion.

const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
const KEYWORD: &[u8] = b"openbadges";

#[derive(Debug, thiserror::Error)]
pub enum BakeError {
    #[error("the image is not a PNG")]
    NotPng,
    #[error("the PNG is cut short or its first chunk is not IHDR")]
    Malformed,
}

/// `png` with `assertion` baked in (any earlier Open Badges chunk is dropped).
pub fn png(png: &[u8], assertion: &str) -> Result<Vec<u8>, BakeError> {
    let body = png.strip_prefix(SIGNATURE).ok_or(BakeError::NotPng)?;
    let chunks = chunks(body).ok_or(BakeError::Malformed)?;
    if chunks.first().map(|c| c.kind) != Some(*b"IHDR") {
        return Err(BakeError::Malformed);
    }
    let mut out = Vec::with_capacity(png.len() + assertion.len() + 64);
    out.extend_from_slice(SIGNATURE);
    for (i, chunk) in chunks.iter().enumerate() {
        if !chunk.is_open_badges() {
            out.extend_from_slice(chunk.raw);
        }
        if i == 0 {
            out.extend_from_slice(&itxt(assertion));
        }
    }
    Ok(out)
}

/// The `iTXt` chunk: keyword, NUL, compression flag 0 and method 0 (uncompressed), an
/// empty language tag and translated keyword (each NUL-ended), then the UTF-8 text.
fn itxt(text: &str) -> Vec<u8> {
    let mut data = Vec::with_capacity(KEYWORD.len() + 5 + text.len());
    data.extend_from_slice(KEYWORD);
    data.extend_from_slice(&[0, 0, 0, 0, 0]);
    data.extend_from_slice(text.as_bytes());
    let mut chunk = Vec::with_capacity(data.len() + 12);
    let length = u32::try_from(data.len()).unwrap_or(u32::MAX);
    chunk.extend_from_slice(&length.to_be_bytes());
    let mut crc = crc32fast::Hasher::new();
    crc.update(b"iTXt");
    crc.update(&data);
    chunk.extend_from_slice(b"iTXt");
    chunk.extend_from_slice(&data);
    chunk.extend_from_slice(&crc.finalize().to_be_bytes());
    chunk
}

struct Chunk<'a> {
    kind: [u8; 4],
    data: &'a [u8],
    /// The whole chunk: length, type, data and CRC.
    raw: &'a [u8],
}

impl Chunk<'_> {
    fn is_open_badges(&self) -> bool {
        matches!(&self.kind, b"iTXt" | b"tEXt" | b"zTXt")
            && self
                .data
                .strip_prefix(KEYWORD)
                .is_some_and(|rest| rest.first() == Some(&0))
    }
}

/// The chunks after the signature; none if the stream is cut short.
fn chunks(mut body: &[u8]) -> Option<Vec<Chunk<'_>>> {
    let mut chunks = Vec::new();
    while !body.is_empty() {
        let length = usize::try_from(u32::from_be_bytes(body.get(..4)?.try_into().ok()?)).ok()?;
        let end = length.checked_add(12)?;
        let raw = body.get(..end)?;
        chunks.push(Chunk {
            kind: raw.get(4..8)?.try_into().ok()?,
            data: raw.get(8..8 + length)?,
            raw,
        });
        body = &body[end..];
    }
    Some(chunks)
}

/// `svg` (one of ours, whose root start tag holds no `>` in its attributes) with the
/// assertion baked in as the root's first child.
pub fn svg(svg: &str, verify: &str, assertion: &str) -> String {
    let Some(end) = svg
        .find("<svg")
        .and_then(|start| svg[start..].find('>').map(|e| start + e))
    else {
        return svg.to_owned();
    };
    // "]]>" cannot end the character data early: in JSON it only occurs inside strings,
    // where "\u003e" says the same.
    let data = assertion.replace("]]>", "]]\\u003e");
    format!(
        "{} xmlns:openbadges=\"http://openbadges.org\"><openbadges:assertion verify=\"{}\"><![CDATA[{data}]]></openbadges:assertion>{}",
        &svg[..end],
        quick_xml::escape::escape(verify),
        &svg[end + 1..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<u8> {
        super::super::image::render(&super::super::image::svg("Test", 23)).unwrap()
    }

    #[test]
    fn the_chunk_follows_ihdr_with_a_correct_crc() {
        let baked = png(&sample(), "{\"id\":\"x\"}").unwrap();
        let chunks = chunks(&baked[8..]).unwrap();
        assert_eq!(&chunks[0].kind, b"IHDR");
        assert_eq!(&chunks[1].kind, b"iTXt");
        assert_eq!(chunks[1].data, b"openbadges\0\0\0\0\0{\"id\":\"x\"}");
        for chunk in &chunks {
            let mut crc = crc32fast::Hasher::new();
            crc.update(&chunk.kind);
            crc.update(chunk.data);
            let stored = &chunk.raw[chunk.raw.len() - 4..];
            assert_eq!(stored, crc.finalize().to_be_bytes());
        }
    }

    #[test]
    fn baking_twice_leaves_one_chunk() {
        let once = png(&sample(), "first").unwrap();
        let twice = png(&once, "second").unwrap();
        let ours: Vec<_> = chunks(&twice[8..])
            .unwrap()
            .into_iter()
            .filter(Chunk::is_open_badges)
            .map(|c| c.data.to_vec())
            .collect();
        assert_eq!(ours, vec![b"openbadges\0\0\0\0\0second".to_vec()]);
    }

    #[test]
    fn what_is_not_a_png_is_refused() {
        assert!(matches!(png(b"GIF89a", "x"), Err(BakeError::NotPng)));
        assert!(matches!(
            png(&sample()[..20], "x"),
            Err(BakeError::Malformed)
        ));
    }

    #[test]
    fn the_svg_gets_the_namespace_and_the_assertion() {
        let baked = svg(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="1"><g/></svg>"#,
            "https://x/a?b&c",
            r#"{"n":"]]>"}"#,
        );
        assert_eq!(
            baked,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="1" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://x/a?b&amp;c"><![CDATA[{"n":"]]\u003e"}]]></openbadges:assertion><g/></svg>"#
        );
    }
}
