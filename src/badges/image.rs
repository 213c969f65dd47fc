//! The badge image, designed from the cohort's name: a seal whose colour and ring of dots
//! come from a hash of the name, the number of things, and the name on a ribbon. Drawn as
//! SVG, rasterised to PNG with resvg and an embedded font (so it looks the same anywhere).

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::{Arc, LazyLock, Mutex};

use anyhow::Context;
use quick_xml::escape::escape;
use resvg::{tiny_skia, usvg};
use sha2::{Digest, Sha256};

/// The side of the square image, in pixels.
pub const SIZE: u32 = 400;

/// The font the badge is set in, embedded in the binary.
const FONT_FAMILY: &str = "DejaVu Sans";

/// The badge for `name` (the cohort's name) in a program of `things` lessons, as SVG.
pub fn svg(name: &str, things: usize) -> String {
    let digest = Sha256::digest(name.as_bytes());
    let hue = f64::from(u16::from_be_bytes([digest[0], digest[1]]) % 360);
    let dark = hsl(hue, 0.62, 0.30);
    let light = hsl(hue, 0.55, 0.80);
    let pale = hsl(hue, 0.60, 0.96);
    let gold = hsl(43.0, 0.85, 0.55);
    let shown = shorten(name, 30);
    let fit = (270.0 / (0.62 * shown.chars().count().max(1) as f64)).clamp(12.0, 26.0);
    let number = things.to_string();
    let number_size = if number.len() <= 2 { 118 } else { 80 };
    let font = format!(
        "font-family=\"{FONT_FAMILY}, Verdana, sans-serif\" font-weight=\"bold\" text-anchor=\"middle\""
    );
    let label = escape(shown.as_str());
    let mut out = String::with_capacity(4096);
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" viewBox="0 0 400 400" role="img" aria-label="{label}"><title>{label}</title><defs><radialGradient id="face" cx="50%" cy="38%" r="70%"><stop offset="0" stop-color="{pale}"/><stop offset="1" stop-color="{light}"/></radialGradient></defs><path d="{seal}" fill="{dark}"/><circle cx="200" cy="200" r="170" fill="{gold}"/><circle cx="200" cy="200" r="161" fill="url(#face)"/>"##,
        seal = seal(),
    );
    out.push_str(&ring(&digest, &dark, &gold));
    let _ = write!(
        out,
        r##"<text x="200" y="{y}" {font} font-size="{number_size}" fill="{dark}">{number}</text><text x="200" y="238" {font} font-size="26" letter-spacing="6" fill="{dark}">THINGS</text><path d="M80 276H28l16 24-16 24h52z M320 276h52l-16 24 16 24h-52z" fill="{gold}"/><path d="M80 310v14l-24-14z M320 310v14l24-14z" fill="{dark}"/><rect x="56" y="262" width="288" height="48" rx="4" fill="{dark}"/><text x="200" y="{baseline:.1}" {font} font-size="{fit:.1}" fill="#ffffff">{label}</text></svg>"##,
        y = if number.len() <= 2 { 198 } else { 184 },
        baseline = 286.0 + fit * 0.36,
    );
    out
}

/// The PNG of [`svg`], rendered once per design and then kept.
pub fn png(name: &str, things: usize) -> anyhow::Result<Arc<Vec<u8>>> {
    static CACHE: LazyLock<Mutex<HashMap<String, Arc<Vec<u8>>>>> = LazyLock::new(Mutex::default);
    let svg = svg(name, things);
    if let Some(hit) = CACHE.lock().ok().and_then(|c| c.get(&svg).cloned()) {
        return Ok(hit);
    }
    let png = Arc::new(render(&svg)?);
    if let Ok(mut cache) = CACHE.lock() {
        if cache.len() >= 256 {
            cache.clear();
        }
        cache.insert(svg, png.clone());
    }
    Ok(png)
}

/// Rasterises one of our SVGs to PNG, with the embedded font and no outside resources.
pub fn render(svg: &str) -> anyhow::Result<Vec<u8>> {
    static FONTS: LazyLock<Arc<usvg::fontdb::Database>> = LazyLock::new(|| {
        let mut fonts = usvg::fontdb::Database::new();
        fonts.load_font_data(dejavu::sans::bold().to_vec());
        fonts.set_sans_serif_family(FONT_FAMILY);
        Arc::new(fonts)
    });
    let options = usvg::Options {
        font_family: FONT_FAMILY.to_owned(),
        fontdb: FONTS.clone(),
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(|_, _, _| None),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).context("the badge design is not valid SVG")?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .context("the badge image has no size")?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .context("cannot encode the badge as PNG")
}

/// A 23-pointed seal around the centre.
fn seal() -> String {
    let points = 23;
    let mut path = String::new();
    for i in 0..points * 2 {
        let radius = if i % 2 == 0 { 198.0 } else { 181.0 };
        let angle =
            std::f64::consts::PI * f64::from(i) / f64::from(points) - std::f64::consts::FRAC_PI_2;
        let (x, y) = (200.0 + radius * angle.cos(), 200.0 + radius * angle.sin());
        let _ = write!(path, "{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" });
    }
    path.push('Z');
    path
}

/// A ring of 23 dots, each full or hollow by a bit of the name's hash: the name's mark.
fn ring(digest: &[u8], dark: &str, gold: &str) -> String {
    let mut out = String::new();
    for i in 0..23u32 {
        let byte = digest.get(2 + (i / 8) as usize).copied().unwrap_or(0);
        let full = (byte >> (i % 8)) & 1 == 1;
        let angle = std::f64::consts::TAU * f64::from(i) / 23.0 - std::f64::consts::FRAC_PI_2;
        let (x, y) = (200.0 + 146.0 * angle.cos(), 200.0 + 146.0 * angle.sin());
        let style = if full {
            format!("fill=\"{gold}\" stroke=\"{dark}\" stroke-width=\"2\"")
        } else {
            format!("fill=\"none\" stroke=\"{dark}\" stroke-width=\"2\"")
        };
        let _ = write!(out, r#"<circle cx="{x:.1}" cy="{y:.1}" r="5" {style}/>"#);
    }
    out
}

/// `text` cut to `max` characters, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}

/// `#rrggbb` for a hue in degrees, saturation and lightness from 0 to 1.
fn hsl(hue: f64, saturation: f64, lightness: f64) -> String {
    let chroma = (1.0 - (2.0 * lightness - 1.0).abs()) * saturation;
    let h = hue / 60.0;
    let x = chroma * (1.0 - (h % 2.0 - 1.0).abs());
    let (r, g, b) = match h as u32 {
        0 => (chroma, x, 0.0),
        1 => (x, chroma, 0.0),
        2 => (0.0, chroma, x),
        3 => (0.0, x, chroma),
        4 => (x, 0.0, chroma),
        _ => (chroma, 0.0, x),
    };
    let m = lightness - chroma / 2.0;
    let channel = |v: f64| ((v + m) * 255.0).round().clamp(0.0, 255.0) as u8;
    format!("#{:02x}{:02x}{:02x}", channel(r), channel(g), channel(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_what_css_would_compute() {
        assert_eq!(hsl(0.0, 1.0, 0.5), "#ff0000");
        assert_eq!(hsl(120.0, 1.0, 0.5), "#00ff00");
        assert_eq!(hsl(240.0, 1.0, 0.25), "#000080");
    }

    #[test]
    fn the_design_depends_on_the_name_and_escapes_it() {
        let a = svg("Spring <2027> & \"friends\"", 23);
        assert!(a.contains("Spring &lt;2027&gt; &amp;"), "{a}");
        assert_ne!(a, svg("Autumn 2027", 23));
        assert!(svg("x", 23).contains(">23</text>"));
    }

    #[test]
    fn long_names_are_shortened() {
        let long = "A very long cohort name that would never fit on the ribbon";
        assert!(svg(long, 23).contains("A very long cohort name that…"));
    }

    #[test]
    fn the_png_is_square_at_least_90_pixels_and_small() {
        let png = png("Spring 2027", 23).unwrap();
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
        let height = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
        assert_eq!((width, height), (SIZE, SIZE));
        assert!(png.len() < 256 * 1024, "{} bytes", png.len());
    }
}
