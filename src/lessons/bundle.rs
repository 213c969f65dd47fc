//! Remix: a program as one `.tar.gz` bundle (its `program.toml`, its lesson files byte for
//! byte, the images they reference from the folder, and a README with licence and
//! attribution), and importing such a bundle as a new program folder, validated whole in
//! a staging folder first so that nothing changes on any error.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, bail};
use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;

use super::programs::{PROGRAM_FILE, load_program, valid_slug};
use super::{Program, Programs, lesson_files};

/// The most a bundle may unpack to, and the most files it may hold.
const MAX_BYTES: u64 = 50 * 1024 * 1024;
const MAX_FILES: usize = 1000;

/// What an export wrote.
#[derive(Debug)]
pub struct Exported {
    pub lessons: usize,
    pub images: usize,
}

/// Writes `program` to `file` as a bundle (through a temporary file, renamed at the end).
pub fn export(program: &Program, file: &Path) -> anyhow::Result<Exported> {
    let slug = program.slug();
    let partial = file.with_extension("partial");
    let out =
        File::create(&partial).with_context(|| format!("cannot write {}", partial.display()))?;
    let mut tar = tar::Builder::new(GzEncoder::new(out, Compression::default()));
    let mut add = |name: &str, bytes: &[u8]| -> anyhow::Result<()> {
        let mut header = tar::Header::new_gnu();
        header.set_size(bytes.len() as u64);
        header.set_mode(0o644);
        header.set_mtime(0);
        header.set_cksum();
        tar.append_data(&mut header, format!("{slug}/{name}"), bytes)
            .with_context(|| format!("cannot add {name} to the bundle"))
    };
    let info = match std::fs::read(program.dir.join(PROGRAM_FILE)) {
        Ok(bytes) => bytes,
        Err(_) => toml::to_string(&program.info)?.into_bytes(),
    };
    add(PROGRAM_FILE, &info)?;
    add("README.md", readme(program).as_bytes())?;
    let lessons = lesson_files(&program.dir)?;
    let mut images = BTreeSet::new();
    for path in &lessons {
        let text = std::fs::read_to_string(path)?;
        images.extend(local_references(&text, &program.dir));
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        add(name, text.as_bytes())?;
    }
    for image in &images {
        add(image, &std::fs::read(program.dir.join(image))?)?;
    }
    tar.into_inner()?.finish()?;
    std::fs::rename(&partial, file).with_context(|| format!("cannot write {}", file.display()))?;
    Ok(Exported {
        lessons: lessons.len(),
        images: images.len(),
    })
}

fn readme(program: &Program) -> String {
    let info = &program.info;
    let mut text = format!("# {}\n\n", info.title);
    if !info.description.is_empty() {
        text.push_str(&format!("{}\n\n", info.description));
    }
    text.push_str(&format!(
        "{} lessons over {} weeks, in the language `{}`.\n\n",
        program.lessons.len(),
        program.weeks(),
        info.language
    ));
    match (&info.licence, &info.licence_url) {
        (Some(licence), Some(url)) => text.push_str(&format!("Licence: {licence} ({url})\n\n")),
        (Some(licence), None) => text.push_str(&format!("Licence: {licence}\n\n")),
        _ => {
            text.push_str("Licence: none stated; ask the authors before you share it further.\n\n")
        }
    }
    if let Some(attribution) = &info.attribution {
        text.push_str(&format!("Remixed from {attribution}"));
        if let Some(url) = &info.attribution_url {
            text.push_str(&format!(" ({url})"));
        }
        text.push_str(".\n\n");
    }
    text.push_str(&format!(
        "Run it on a Twentythree server with `twentythree program import {}.tar.gz` \
         (add `--slug NEW` to run it beside a program of the same slug); keep the licence and \
         the attribution, and add your own when you remix it.\n",
        info.slug
    ));
    text
}

/// Relative links and images in a lesson that name a file inside `dir`.
fn local_references(markdown: &str, dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for chunk in markdown
        .split("](")
        .skip(1)
        .chain(markdown.split("src=\"").skip(1))
    {
        let target: String = chunk
            .chars()
            .take_while(|c| !matches!(c, ')' | '"' | ' ' | '#' | '?'))
            .collect();
        let relative = Path::new(&target);
        let inside = !target.is_empty()
            && !target.contains(':')
            && relative
                .components()
                .all(|c| matches!(c, Component::Normal(_)));
        if inside && dir.join(relative).is_file() && !target.ends_with(".md") {
            found.push(target);
        }
    }
    found
}

/// Removes the staging folder unless the import went through.
struct Staging(Option<PathBuf>);

impl Drop for Staging {
    fn drop(&mut self) {
        if let Some(dir) = self.0.take() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// Adds the bundle `file` to `lessons_dir` as a new program folder (under `slug`, when
/// given, instead of the bundle's own). Everything is checked before the folder appears.
pub fn import(
    lessons_dir: &Path,
    programs: &Programs,
    file: &Path,
    slug: Option<&str>,
) -> anyhow::Result<Program> {
    if let Some(slug) = slug.filter(|s| !valid_slug(s)) {
        bail!(
            "{slug:?} is not a valid slug: use 2 to 64 lower-case letters, digits and single hyphens"
        );
    }
    let reader = File::open(file).with_context(|| format!("cannot read {}", file.display()))?;
    let staging_dir = lessons_dir.join(format!(".import-{:016x}", rand::random::<u64>()));
    std::fs::create_dir(&staging_dir).with_context(|| {
        format!(
            "cannot write in the lessons folder {}",
            lessons_dir.display()
        )
    })?;
    let mut staging = Staging(Some(staging_dir.clone()));
    unpack(reader, &staging_dir)
        .with_context(|| format!("{} is not a usable program bundle", file.display()))?;

    let info_path = staging_dir.join(PROGRAM_FILE);
    let text = std::fs::read_to_string(&info_path)
        .with_context(|| format!("the bundle has no {PROGRAM_FILE}"))?;
    let mut table: toml::Table = text
        .parse()
        .map_err(|e| anyhow::anyhow!("{PROGRAM_FILE}: bad program file: {e}"))?;
    let renamed = slug.is_some() || table.contains_key("default");
    if let Some(slug) = slug {
        table.insert("slug".into(), toml::Value::String(slug.to_owned()));
    }
    // An imported program never takes over /lessons from the server's default program.
    table.remove("default");
    if renamed {
        std::fs::write(&info_path, toml::to_string(&table)?)?;
    }
    let mut program = load_program(&staging_dir)
        .map_err(super::Problems)
        .context("the bundle's program is not valid, so nothing was imported")?;
    let slug = program.slug().to_owned();
    let target = lessons_dir.join(&slug);
    if programs.get(&slug).is_some() || target.exists() {
        bail!(
            "this server already has a program {slug:?}: import it under another name with --slug"
        );
    }
    std::fs::rename(&staging_dir, &target)
        .with_context(|| format!("cannot move the program into {}", target.display()))?;
    staging.0 = None;
    program.dir = target;
    Ok(program)
}

/// Unpacks a gzipped tar whose files all sit in one top folder into `into`, refusing links,
/// absolute paths, `..`, and bundles that are too big.
fn unpack(reader: impl Read, into: &Path) -> anyhow::Result<()> {
    let mut archive = tar::Archive::new(GzDecoder::new(reader));
    let mut top: Option<std::ffi::OsString> = None;
    let (mut files, mut bytes) = (0usize, 0u64);
    for entry in archive.entries()? {
        let mut entry = entry?;
        let path = entry.path()?.into_owned();
        let kind = entry.header().entry_type();
        if kind.is_dir() {
            continue;
        }
        if !kind.is_file() {
            bail!("{} is not a plain file", path.display());
        }
        let mut parts = Vec::new();
        for component in path.components() {
            match component {
                Component::Normal(part) => parts.push(part.to_owned()),
                Component::CurDir => {}
                _ => bail!("{} points outside the bundle", path.display()),
            }
        }
        let [first, rest @ ..] = parts.as_slice() else {
            bail!("an entry has no name");
        };
        if rest.is_empty() {
            bail!("{} is not inside the program's folder", path.display());
        }
        match &top {
            Some(top) if top != first => bail!("the bundle holds more than one folder"),
            Some(_) => {}
            None => top = Some(first.clone()),
        }
        files += 1;
        bytes += entry.header().size()?;
        if files > MAX_FILES || bytes > MAX_BYTES {
            bail!(
                "the bundle is too big (at most {MAX_FILES} files and {} MB)",
                MAX_BYTES >> 20
            );
        }
        let target: PathBuf = rest.iter().collect::<PathBuf>();
        let target = into.join(target);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let mut out = File::create(&target)?;
        std::io::copy(&mut (&mut entry).take(MAX_BYTES), &mut out)?;
    }
    if top.is_none() {
        bail!("the bundle is empty");
    }
    Ok(())
}
