//! The programs a server runs: the lessons folder holds one program (its lesson files at
//! the top, today's layout, which is then the default program), program folders each with
//! a `program.toml`, or both. Every program is validated as a whole before anything runs.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{Problem, Problems, Program, lesson_files, load_dir};
use crate::entities::cohort;

/// The name of a program's description file.
pub const PROGRAM_FILE: &str = "program.toml";

/// What a `program.toml` says about its program.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ProgramInfo {
    /// URL-safe name: `/programs/{slug}`, `cohort create --program {slug}`.
    pub slug: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// The language of its lessons, as a BCP 47 tag such as `en` or `de`.
    #[serde(default = "english")]
    pub language: String,
    /// Under which licence others may copy and remix it, such as "CC BY-SA 4.0".
    #[serde(default)]
    pub licence: Option<String>,
    #[serde(default)]
    pub licence_url: Option<String>,
    /// Where it was remixed from, in words ("23 Things by PLCMC, 2006").
    #[serde(default)]
    pub attribution: Option<String>,
    #[serde(default)]
    pub attribution_url: Option<String>,
    /// The word titles use for a lesson: "Thing 7", or "Ding 7" in a German program.
    #[serde(default = "thing")]
    pub word: String,
    /// In a folder of program folders, which one `/lessons` serves.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub default: bool,
}

fn english() -> String {
    "en".into()
}

fn thing() -> String {
    "Thing".into()
}

impl Default for ProgramInfo {
    /// A program without a `program.toml` (today's single-folder layout).
    fn default() -> Self {
        Self {
            slug: "default".into(),
            title: "The lessons".into(),
            description: String::new(),
            language: english(),
            licence: None,
            licence_url: None,
            attribution: None,
            attribution_url: None,
            word: thing(),
            default: false,
        }
    }
}

/// Whether `slug` may name a program: 2 to 64 lower-case letters, digits, single hyphens.
pub fn valid_slug(slug: &str) -> bool {
    (2..=64).contains(&slug.len())
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
}

impl ProgramInfo {
    /// Reads and checks a `program.toml`; each problem names the file and, where known, the line.
    pub fn parse(path: &Path, text: &str) -> Result<Self, Vec<Problem>> {
        let problem = |line: Option<usize>, message: String| Problem {
            file: path.to_owned(),
            line,
            message,
        };
        let info: Self = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|span| 1 + text[..span.start.min(text.len())].matches('\n').count());
            vec![problem(line, format!("bad program file: {}", e.message()))]
        })?;
        let line_of = |key: &str| {
            text.lines()
                .position(|l| l.trim_start().starts_with(key))
                .map(|i| i + 1)
        };
        let mut problems = Vec::new();
        if !valid_slug(&info.slug) {
            problems.push(problem(
                line_of("slug"),
                format!(
                    "{:?} is not a valid slug: use 2 to 64 lower-case letters, digits and single hyphens",
                    info.slug
                ),
            ));
        }
        if info.title.trim().is_empty() || info.title.chars().count() > 200 {
            problems.push(problem(
                line_of("title"),
                "the program needs a `title` of 1 to 200 characters".into(),
            ));
        }
        if info.word.is_empty()
            || info.word.chars().count() > 32
            || !info.word.chars().all(char::is_alphabetic)
        {
            problems.push(problem(
                line_of("word"),
                format!(
                    "`word` must be one word of letters, such as \"Thing\", not {:?}",
                    info.word
                ),
            ));
        }
        let language_ok = (2..=35).contains(&info.language.len())
            && info
                .language
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-');
        if !language_ok {
            problems.push(problem(
                line_of("language"),
                format!(
                    "`language` must be a language tag such as \"en\" or \"de\", not {:?}",
                    info.language
                ),
            ));
        }
        for (key, value) in [
            ("licence_url", &info.licence_url),
            ("attribution_url", &info.attribution_url),
        ] {
            let fine = value.as_deref().is_none_or(|v| {
                url::Url::parse(v).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
            });
            if !fine {
                problems.push(problem(
                    line_of(key),
                    format!("`{key}` must be an http(s) address"),
                ));
            }
        }
        if problems.is_empty() {
            Ok(info)
        } else {
            Err(problems)
        }
    }
}

/// Every program of the server; one of them is the default.
#[derive(Clone, Debug, Default)]
pub struct Programs {
    all: Vec<Program>,
    default: usize,
    /// What a cohort whose program is not loaded sees: no lessons at all.
    unknown: Program,
}

impl Programs {
    /// A server with just this program, as its default.
    pub fn single(mut program: Program) -> Self {
        program.default = true;
        Self {
            all: vec![program],
            ..Self::default()
        }
    }

    /// The program `/lessons` serves and new cohorts follow unless told otherwise.
    pub fn default_program(&self) -> &Program {
        self.all.get(self.default).unwrap_or(&self.unknown)
    }

    pub fn get(&self, slug: &str) -> Option<&Program> {
        self.all.iter().find(|p| p.info.slug == slug)
    }

    /// The program `cohort` follows. A cohort whose program this server has not loaded
    /// (created after it started, from a program imported since) sees no lessons until
    /// the next start; the start refuses a cohort whose program is gone.
    pub fn of(&self, cohort: &cohort::Model) -> &Program {
        if cohort.program.is_empty() {
            return self.default_program();
        }
        self.get(&cohort.program).unwrap_or_else(|| {
            tracing::warn!(cohort = %cohort.slug, program = %cohort.program, "the cohort's program is not loaded: restart the server");
            &self.unknown
        })
    }

    /// The default program first, then the others by title.
    pub fn iter(&self) -> impl Iterator<Item = &Program> {
        self.all.iter()
    }

    pub fn len(&self) -> usize {
        self.all.len()
    }

    pub fn is_empty(&self) -> bool {
        self.all.is_empty()
    }
}

/// Loads and validates every program under `dir`, reporting every problem of every program.
pub fn load_programs(dir: &Path) -> Result<Programs, Problems> {
    let folder_problem = |message: String| {
        Problems(vec![Problem {
            file: dir.to_owned(),
            line: None,
            message,
        }])
    };
    let root_lessons = lesson_files(dir)
        .map_err(|e| folder_problem(format!("cannot read the lessons folder: {e}")))?;
    let folders = program_folders(dir)
        .map_err(|e| folder_problem(format!("cannot read the lessons folder: {e}")))?;
    let mut problems = Vec::new();
    let mut all = Vec::new();
    let root = !root_lessons.is_empty() || folders.is_empty();
    if root {
        match load_program(dir) {
            Ok(program) => all.push(program),
            Err(mut found) => problems.append(&mut found),
        }
    }
    for folder in &folders {
        match load_program(folder) {
            Ok(program) => all.push(program),
            Err(mut found) => problems.append(&mut found),
        }
    }
    same_slugs(&all, &mut problems);
    let default = default_index(dir, &all, root, &mut problems);
    if !problems.is_empty() {
        return Err(Problems(problems));
    }
    let mut default_program = all.remove(default);
    default_program.default = true;
    all.sort_by(|a, b| {
        a.info
            .title
            .to_lowercase()
            .cmp(&b.info.title.to_lowercase())
    });
    all.insert(0, default_program);
    Ok(Programs {
        all,
        default: 0,
        unknown: Program::default(),
    })
}

/// The program folders under `dir` (those with a `program.toml`), in name order.
fn program_folders(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir() && p.join(PROGRAM_FILE).is_file())
        // A folder whose name starts with a dot is an import under way (or hidden).
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| !n.to_string_lossy().starts_with('.'))
        })
        .collect();
    folders.sort();
    Ok(folders)
}

/// A problem for every program whose slug an earlier one already has.
fn same_slugs(all: &[Program], problems: &mut Vec<Problem>) {
    for (i, program) in all.iter().enumerate() {
        if let Some(first) = all[..i].iter().find(|p| p.info.slug == program.info.slug) {
            problems.push(Problem {
                file: program.dir.join(PROGRAM_FILE),
                line: None,
                message: format!(
                    "the slug {:?} is also the slug of the program in {}",
                    program.info.slug,
                    first.dir.display()
                ),
            });
        }
    }
}

/// Which of `all` is the default program (the lessons at the top of `dir` when `root`,
/// else the one marked `default = true`); a problem when none or several claim it.
fn default_index(dir: &Path, all: &[Program], root: bool, problems: &mut Vec<Problem>) -> usize {
    let marked: Vec<usize> = (0..all.len())
        .filter(|i| (root && *i == 0) || all[*i].info.default)
        .collect();
    match marked.as_slice() {
        [one] => *one,
        [] if all.len() <= 1 => 0,
        [] => {
            problems.push(Problem {
                file: dir.to_owned(),
                line: None,
                message: "several programs and none is the default: put `default = true` in one program.toml".into(),
            });
            0
        }
        _ => {
            problems.push(Problem {
                file: dir.to_owned(),
                line: None,
                message: "more than one program claims to be the default (lessons at the top of the folder, or `default = true`): keep one".into(),
            });
            0
        }
    }
}

/// Loads one program folder: its `program.toml` (optional only for today's layout, where
/// the lessons sit at the top of the folder) and its lessons.
pub fn load_program(dir: &Path) -> Result<Program, Vec<Problem>> {
    let info_path = dir.join(PROGRAM_FILE);
    let (info, info_text) = match std::fs::read_to_string(&info_path) {
        Ok(text) => (ProgramInfo::parse(&info_path, &text), text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            (Ok(ProgramInfo::default()), String::new())
        }
        Err(e) => (
            Err(vec![Problem {
                file: info_path.clone(),
                line: None,
                message: format!("cannot read: {e}"),
            }]),
            String::new(),
        ),
    };
    let lessons = load_dir(dir);
    match (info, lessons) {
        (Ok(info), Ok(mut program)) => {
            program.content_hash = content_hash(&info_text, &program.dir)?;
            program.info = info;
            Ok(program)
        }
        (info, lessons) => {
            let mut problems = info.err().unwrap_or_default();
            problems.extend(lessons.err().map(|p| p.0).unwrap_or_default());
            Err(problems)
        }
    }
}

/// SHA-256 over `program.toml` and every lesson file (name and bytes), in hex.
fn content_hash(info_text: &str, dir: &Path) -> Result<String, Vec<Problem>> {
    let cannot = |file: &Path, e: std::io::Error| {
        vec![Problem {
            file: file.to_owned(),
            line: None,
            message: format!("cannot read: {e}"),
        }]
    };
    let mut hash = Sha256::new();
    hash.update(info_text.as_bytes());
    for path in lesson_files(dir).map_err(|e| cannot(dir, e))? {
        let bytes = std::fs::read(&path).map_err(|e| cannot(&path, e))?;
        hash.update([0]);
        hash.update(
            path.file_name()
                .map(|n| n.as_encoded_bytes())
                .unwrap_or_default(),
        );
        hash.update([0]);
        hash.update(&bytes);
    }
    Ok(format!("{:x}", hash.finalize()))
}

#[cfg(test)]
mod tests;
