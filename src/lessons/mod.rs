//! Programs and their lessons: a program is a folder of Markdown files with TOML front
//! matter (and a `program.toml`), loaded and validated at start, synced into the
//! `programs` and `lessons` tables; and the release schedule.

pub mod bundle;
mod file;
pub mod links;
pub mod programs;
pub mod schedule;
pub mod versions;

pub use file::parse_file;
pub use programs::{ProgramInfo, Programs, load_programs};
pub use versions::sync;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

/// One lesson ("thing") of the program.
#[derive(Clone, Debug, Serialize)]
pub struct Lesson {
    pub number: i32,
    pub slug: String,
    pub title: String,
    pub week: i32,
    pub tags: Vec<String>,
    pub required: bool,
    pub minutes: Option<i32>,
    /// Go-to people for this lesson, by (normalised) email address.
    pub experts: Vec<String>,
    /// The body rendered to (sanitised) HTML.
    pub body_html: String,
}

#[cfg(test)]
impl Lesson {
    /// A required lesson `number` of week `week`, titled "Lesson {number}", for unit tests.
    pub fn sample(number: i32, week: i32) -> Self {
        Self {
            number,
            slug: format!("l{number}"),
            title: format!("Lesson {number}"),
            week,
            tags: Vec::new(),
            required: true,
            minutes: None,
            experts: Vec::new(),
            body_html: String::new(),
        }
    }
}

/// A whole program: what its `program.toml` says, and its lessons in number order (1..n
/// without gaps).
#[derive(Clone, Debug, Default, Serialize)]
pub struct Program {
    pub info: ProgramInfo,
    /// The default program is served at `/lessons`; the others at `/programs/{slug}`.
    pub default: bool,
    /// The folder it was read from.
    #[serde(skip)]
    pub dir: PathBuf,
    /// SHA-256 of `program.toml` and every lesson file, in hex: the program's version.
    pub content_hash: String,
    pub lessons: Vec<Lesson>,
}

impl Program {
    pub fn slug(&self) -> &str {
        &self.info.slug
    }

    /// The word titles use for a lesson ("Thing", or "Ding" in a German program).
    pub fn word(&self) -> &str {
        &self.info.word
    }

    /// The program's page: `/lessons` for the default program, else `/programs/{slug}`.
    pub fn path(&self) -> String {
        if self.default {
            "/lessons".to_owned()
        } else {
            format!("/programs/{}", self.info.slug)
        }
    }

    /// Where its lessons' pages live: `/lessons` or `/programs/{slug}/lessons`.
    pub fn lessons_path(&self) -> String {
        if self.default {
            "/lessons".to_owned()
        } else {
            format!("/programs/{}/lessons", self.info.slug)
        }
    }

    /// The path of lesson `number`'s page (without the base URL).
    pub fn lesson_path(&self, number: i32) -> String {
        format!("{}/{number}", self.lessons_path())
    }

    /// Every path under which this program's lessons are found, each followed by the
    /// number: a link to one of them counts for that lesson.
    pub fn lesson_prefixes(&self) -> Vec<String> {
        let mut prefixes = vec![format!("/programs/{}/lessons/", self.info.slug)];
        if self.default {
            prefixes.push("/lessons/".to_owned());
        }
        prefixes
    }

    pub fn get(&self, number: i32) -> Option<&Lesson> {
        usize::try_from(number)
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| self.lessons.get(i))
    }

    pub fn weeks(&self) -> i32 {
        self.lessons.iter().map(|l| l.week).max().unwrap_or(0)
    }

    pub fn in_week(&self, week: i32) -> impl Iterator<Item = &Lesson> {
        self.lessons.iter().filter(move |l| l.week == week)
    }

    pub fn required_count(&self) -> usize {
        self.lessons.iter().filter(|l| l.required).count()
    }
}

/// One thing wrong with the lesson files, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file.display(), self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

/// Every problem found in a lessons folder; displays as one line each.
#[derive(Debug)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "the lessons have {} problem(s):", self.0.len())?;
        for problem in &self.0 {
            writeln!(f, "  {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}

/// Normalises a tag or category for comparison: lower case, without spaces, hyphens,
/// underscores or `#` (so `Thing 7`, `thing-7` and `#THING_7` are all `thing7`).
pub fn normalise_tag(tag: &str) -> String {
    tag.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '_' | '#'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Loads and validates every `*.md` file in `dir`.
pub fn load_dir(dir: &Path) -> Result<Program, Problems> {
    let paths = lesson_files(dir).map_err(|e| {
        Problems(vec![Problem {
            file: dir.to_owned(),
            line: None,
            message: format!("cannot read the lessons folder: {e}"),
        }])
    })?;
    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    for path in paths {
        match std::fs::read_to_string(&path) {
            Ok(text) => match parse_file(&path, &text) {
                Ok(lesson) => parsed.push((path, lesson)),
                Err(mut found) => problems.append(&mut found),
            },
            Err(e) => problems.push(Problem {
                file: path,
                line: None,
                message: format!("cannot read: {e}"),
            }),
        }
    }
    if parsed.is_empty() && problems.is_empty() {
        problems.push(Problem {
            file: dir.to_owned(),
            line: None,
            message: "no lesson files (*.md) found".into(),
        });
    }
    problems.extend(check_program(&parsed));
    if !problems.is_empty() {
        return Err(Problems(problems));
    }
    let mut lessons: Vec<Lesson> = parsed.into_iter().map(|(_, l)| l).collect();
    lessons.sort_by_key(|l| l.number);
    Ok(Program {
        dir: dir.to_owned(),
        lessons,
        ..Program::default()
    })
}

/// The lesson files of `dir` (`*.md` but a `README.md`, which tells people about the
/// program), in name order.
pub fn lesson_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "md"))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.eq_ignore_ascii_case("README.md"))
        })
        .collect();
    paths.sort();
    Ok(paths)
}

/// Checks across files: unique numbers 1..n without gaps, tags unique to one lesson.
fn check_program(parsed: &[(PathBuf, Lesson)]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut by_number: BTreeMap<i32, &Path> = BTreeMap::new();
    for (path, lesson) in parsed {
        if let Some(first) = by_number.insert(lesson.number, path) {
            problems.push(Problem {
                file: path.clone(),
                line: None,
                message: format!(
                    "lesson number {} is also used by {}",
                    lesson.number,
                    first.display()
                ),
            });
        }
    }
    if let Some(&highest) = by_number.keys().next_back() {
        let missing: Vec<String> = (1..=highest)
            .filter(|n| !by_number.contains_key(n))
            .map(|n| n.to_string())
            .collect();
        if !missing.is_empty() {
            let file = by_number
                .values()
                .next()
                .map(|p| p.parent().unwrap_or(p).to_owned())
                .unwrap_or_default();
            problems.push(Problem {
                file,
                line: None,
                message: format!(
                    "lesson numbers must run from 1 without gaps; missing: {}",
                    missing.join(", ")
                ),
            });
        }
    }
    let mut tags: BTreeMap<String, i32> = BTreeMap::new();
    for (path, lesson) in parsed {
        for tag in &lesson.tags {
            match tags.insert(normalise_tag(tag), lesson.number) {
                Some(other) if other != lesson.number => problems.push(Problem {
                    file: path.clone(),
                    line: None,
                    message: format!("the tag {tag:?} is also a tag of lesson {other}"),
                }),
                _ => {}
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests;
