//! Where each badge document and image lives, as a path under the base URL; the server
//! routes and the static export both follow these, so the export mirrors the site.

/// The issuer profile.
pub fn issuer() -> String {
    "/badges/issuer".to_owned()
}

/// A cohort's BadgeClass.
pub fn class(slug: &str) -> String {
    format!("/badges/{slug}")
}

/// A cohort's badge image (`ext` is `png` or `svg`).
pub fn class_image(slug: &str, ext: &str) -> String {
    format!("/badges/{slug}.{ext}")
}

/// An assertion.
pub fn assertion(public_id: &str) -> String {
    format!("/badges/assertions/{public_id}")
}

/// An assertion's baked image (`ext` is `png` or `svg`).
pub fn baked(public_id: &str, ext: &str) -> String {
    format!("/badges/assertions/{public_id}.{ext}")
}

/// A `name` or `name.ext` path segment split into the name and the extension, if any.
pub fn split(segment: &str) -> (&str, Option<&str>) {
    match segment.rsplit_once('.') {
        Some((name, ext)) => (name, Some(ext)),
        None => (segment, None),
    }
}
