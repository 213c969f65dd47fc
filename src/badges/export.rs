//! `twentythree badges export DIR`: every issuer, class and assertion document and image
//! written as static files under the same paths the server answers, so that the badges
//! outlive the program on any static web host at the same address.

use std::path::{Path, PathBuf};

use anyhow::Context;
use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder};

use super::{Site, bake, documents, image, paths};
use crate::entities::cohort;

/// What an export wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Exported {
    pub classes: usize,
    pub assertions: usize,
    pub revoked: usize,
    pub files: usize,
}

const README: &str = "These are the Open Badges of a Twentythree program, exported with
`twentythree badges export`. Each file sits at the path the program's server answered, so
badges stay verifiable once this folder is served at the same address (the base URL the
documents' ids start with).

The files without an extension are JSON-LD documents: serve them as application/ld+json
(with nginx, for example: location /badges/ { default_type application/ld+json; }).
The .png and .svg files are the badge images, baked with their assertion.
";

/// Writes every badge document and image under `dir`.
pub async fn write(
    db: &impl ConnectionTrait,
    site: Site<'_>,
    dir: &Path,
) -> anyhow::Result<Exported> {
    let mut out = Writer {
        dir: dir.to_owned(),
        files: 0,
    };
    out.file("README.txt", README.as_bytes()).await?;
    out.file(
        &paths::issuer(),
        documents::body(&site.issuer_profile()).as_bytes(),
    )
    .await?;
    let cohorts = cohort::Entity::find()
        .order_by_asc(cohort::Column::Id)
        .all(db)
        .await?;
    for cohort in &cohorts {
        let things = site.programs.of(cohort).lessons.len();
        out.file(
            &paths::class(&cohort.slug),
            documents::body(&site.badge_class(cohort)).as_bytes(),
        )
        .await?;
        out.file(
            &paths::class_image(&cohort.slug, "png"),
            &image::png(&cohort.name, things)?,
        )
        .await?;
        out.file(
            &paths::class_image(&cohort.slug, "svg"),
            image::svg(&cohort.name, things).as_bytes(),
        )
        .await?;
    }
    let mut exported = Exported {
        classes: cohorts.len(),
        ..Exported::default()
    };
    for award in super::awards::all(db).await? {
        let id = &award.assertion.public_id;
        let body = documents::body(&site.assertion(&award));
        out.file(&paths::assertion(id), body.as_bytes()).await?;
        if award.assertion.revoked_at.is_some() {
            exported.revoked += 1;
            continue;
        }
        exported.assertions += 1;
        let things = site.programs.of(&award.cohort).lessons.len();
        let png = image::png(&award.cohort.name, things)?;
        out.file(&paths::baked(id, "png"), &bake::png(&png, &body)?)
            .await?;
        let svg = image::svg(&award.cohort.name, things);
        let verify = site.url(&paths::assertion(id));
        out.file(
            &paths::baked(id, "svg"),
            bake::svg(&svg, &verify, &body).as_bytes(),
        )
        .await?;
    }
    exported.files = out.files;
    Ok(exported)
}

struct Writer {
    dir: PathBuf,
    files: usize,
}

impl Writer {
    /// Writes `bytes` at `path` (a site path such as `/badges/issuer`) under the folder.
    async fn file(&mut self, path: &str, bytes: &[u8]) -> anyhow::Result<()> {
        let target = self.dir.join(path.trim_start_matches('/'));
        if let Some(parent) = target.parent() {
            tokio::fs::create_dir_all(parent)
                .await
                .with_context(|| format!("cannot create the folder {}", parent.display()))?;
        }
        tokio::fs::write(&target, bytes)
            .await
            .with_context(|| format!("cannot write {}", target.display()))?;
        self.files += 1;
        Ok(())
    }
}
