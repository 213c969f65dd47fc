//! `twentythree badges export DIR`: every badge document and image as static files, laid
//! out at the paths the server answers, so they stay verifiable after the program ends.

use anyhow::Context;

use crate::Config;
use crate::lessons::Programs;

pub async fn export(
    db: &sea_orm::DatabaseConnection,
    config: &Config,
    programs: &Programs,
    dir: &std::path::Path,
) -> anyhow::Result<()> {
    let issuer = crate::badges::Issuer::from_config(config).context(
        "Open Badges are off: set TWENTYTHREE_BADGE_ISSUER_EMAIL (with the settings `serve` runs with) to export them",
    )?;
    let site = crate::badges::Site {
        issuer: &issuer,
        programs,
    };
    let done = crate::badges::export::write(db, site, dir).await?;
    let count =
        |n: usize, one, many| crate::templates::count(i64::try_from(n).unwrap_or(0), one, many);
    println!(
        "Wrote {} to {}: the issuer, {}, {} with their baked images, {} revoked. Serve the folder at {} for the badges to stay verifiable.",
        count(done.files, "file", "files"),
        dir.display(),
        count(done.classes, "badge class", "badge classes"),
        count(done.assertions, "standing assertion", "standing assertions"),
        done.revoked,
        config.base_url
    );
    Ok(())
}
