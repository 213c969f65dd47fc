//! The badge images: the baked PNG read back with a PNG decoder (one `openbadges` iTXt
//! chunk, right after IHDR, equal to the assertion), the baked SVG parsed as XML.

use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};

use super::World;

#[tokio::test(flavor = "multi_thread")]
async fn the_baked_png_holds_exactly_one_openbadges_chunk_equal_to_the_assertion() {
    let world = World::new().await;
    let path = world.assertion_path().await;
    let (_, _, assertion) = world.bytes(&path).await;
    let assertion = String::from_utf8(assertion).unwrap();
    let (status, kind, png) = world.bytes(&format!("{path}.png")).await;
    assert_eq!((status, kind.as_str()), (200, "image/png"));
    assert!(png.len() < 256 * 1024, "{} bytes", png.len());
    assert_eq!(&png[12..16], b"IHDR");
    assert_eq!(
        &png[8 + 25 + 4..8 + 25 + 8],
        b"iTXt",
        "the chunk follows IHDR"
    );

    let mut reader = png::Decoder::new(std::io::Cursor::new(&png))
        .read_info()
        .unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    reader.next_frame(&mut pixels).unwrap();
    reader.finish().unwrap();
    let info = reader.info();
    assert_eq!(info.width, info.height, "square");
    assert!(info.width >= 90);
    let ours: Vec<_> = info
        .utf8_text
        .iter()
        .filter(|chunk| chunk.keyword == "openbadges")
        .collect();
    assert_eq!(ours.len(), 1);
    assert!(!ours[0].compressed);
    assert_eq!(ours[0].get_text().unwrap(), assertion);
    assert!(
        info.uncompressed_latin1_text
            .iter()
            .all(|c| c.keyword != "openbadges")
    );
    assert!(
        info.compressed_latin1_text
            .iter()
            .all(|c| c.keyword != "openbadges")
    );

    // The cohort's own image is the same picture without the assertion.
    let (_, _, plain) = world.bytes("/badges/spring.png").await;
    let reader = png::Decoder::new(std::io::Cursor::new(&plain))
        .read_info()
        .unwrap();
    assert_eq!(
        (reader.info().width, reader.info().height),
        (info.width, info.height)
    );
    assert!(reader.info().utf8_text.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn the_baked_svg_parses_and_carries_the_assertion() {
    let world = World::new().await;
    let path = world.assertion_path().await;
    let (_, _, assertion) = world.bytes(&path).await;
    let assertion: serde_json::Value = serde_json::from_slice(&assertion).unwrap();
    let (status, kind, svg) = world.bytes(&format!("{path}.svg")).await;
    assert_eq!((status, kind.as_str()), (200, "image/svg+xml"));
    let svg = String::from_utf8(svg).unwrap();

    let mut reader = Reader::from_str(&svg);
    let (mut root, mut verify, mut data, mut inside) = (None, Vec::new(), String::new(), false);
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if root.is_none() => {
                assert_eq!(e.name().as_ref(), "svg");
                let attribute = |name: &str| {
                    e.try_get_attribute(name).unwrap().map(|a| {
                        a.normalized_value(XmlVersion::Implicit1_0)
                            .unwrap()
                            .into_owned()
                    })
                };
                assert_eq!(
                    attribute("xmlns:openbadges").as_deref(),
                    Some("http://openbadges.org")
                );
                assert_eq!(attribute("width"), attribute("height"), "square");
                root = attribute("width");
            }
            Event::Start(e) if e.name().as_ref() == "openbadges:assertion" => {
                let value = e.try_get_attribute("verify").unwrap().unwrap();
                verify.push(
                    value
                        .normalized_value(XmlVersion::Implicit1_0)
                        .unwrap()
                        .into_owned(),
                );
                inside = true;
            }
            Event::CData(text) if inside => data.push_str(&text.into_inner()),
            Event::End(e) if e.name().as_ref() == "openbadges:assertion" => inside = false,
            Event::Eof => break,
            _ => {}
        }
    }
    let width: u32 = root.expect("an svg root").parse().unwrap();
    assert!(width >= 90);
    assert_eq!(verify, vec![assertion["id"].as_str().unwrap().to_owned()]);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&data).unwrap(),
        assertion
    );
}
