//! Programs and their lessons: a program is a folder of Markdown files with TOML front
//! matter (and a `program.toml`), loaded and validated at start, synced into the
//! `programs` and `lessons` tables; and the release schedule.

pub mod bundle;
pub mod links;
pub mod programs;
pub mod schedule;
pub mod versions;

pub use programs::{ProgramInfo, Programs, load_programs};
pub use versions::sync;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    number: i64,
    title: Option<String>,
    week: i64,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default = "yes")]
    required: bool,
    minutes: Option<i64>,
    #[serde(default)]
    experts: Vec<String>,
}

fn yes() -> bool {
    true
}

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

/// Parses one lesson file; the problems name the file and, where known, the line.
pub fn parse_file(path: &Path, text: &str) -> Result<Lesson, Vec<Problem>> {
    let file = File::split(path, text)?;
    let front_matter: FrontMatter = toml::from_str(&file.front).map_err(|e| {
        let line = e.span().map(|span| {
            2 + file.front[..span.start.min(file.front.len())]
                .matches('\n')
                .count()
        });
        vec![file.problem(line, format!("bad front matter: {}", e.message()))]
    })?;
    let slug = file_slug(path);
    let title = front_matter
        .title
        .as_deref()
        .map(str::trim)
        .unwrap_or_default()
        .to_owned();
    let (problems, experts) = file.check(&front_matter, slug.as_ref(), &title);
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Lesson {
        number: i32::try_from(front_matter.number).unwrap_or(i32::MAX),
        slug: slug.map(|(_, s)| s).unwrap_or_default(),
        title,
        week: i32::try_from(front_matter.week).unwrap_or(i32::MAX),
        tags: front_matter
            .tags
            .iter()
            .map(|t| t.trim().to_owned())
            .collect(),
        required: front_matter.required,
        minutes: front_matter.minutes.and_then(|m| i32::try_from(m).ok()),
        experts,
        body_html: render_markdown(&file.body),
    })
}

/// A lesson file split into its front matter and its Markdown body.
struct File<'a> {
    path: &'a Path,
    front: String,
    /// Lines of front matter between the two `+++`.
    front_lines: usize,
    body: String,
}

impl<'a> File<'a> {
    /// Splits `text` at the `+++` lines that open and close the front matter.
    fn split(path: &'a Path, text: &str) -> Result<Self, Vec<Problem>> {
        let mut file = Self {
            path,
            front: String::new(),
            front_lines: 0,
            body: String::new(),
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut lines = text.split_inclusive('\n');
        if lines.next().map(str::trim_end) != Some("+++") {
            return Err(vec![file.problem(
                Some(1),
                "the file must start with a line `+++` that opens the front matter".into(),
            )]);
        }
        for line in lines.by_ref() {
            if line.trim_end() == "+++" {
                file.body = lines.collect();
                return Ok(file);
            }
            file.front.push_str(line);
            file.front_lines += 1;
        }
        Err(vec![file.problem(
            None,
            "the front matter is never closed by a line `+++`".into(),
        )])
    }

    fn problem(&self, line: Option<usize>, message: String) -> Problem {
        Problem {
            file: self.path.to_owned(),
            line,
            message,
        }
    }

    /// The file's line that sets `key` in the front matter.
    fn line_of(&self, key: &str) -> Option<usize> {
        self.front
            .lines()
            .position(|l| l.trim_start().starts_with(key))
            .map(|i| i + 2)
    }

    /// Everything wrong with the lesson, and its experts' addresses.
    fn check(
        &self,
        front_matter: &FrontMatter,
        slug: Option<&(i64, String)>,
        title: &str,
    ) -> (Vec<Problem>, Vec<String>) {
        let mut problems = Vec::new();
        match slug {
            Some((file_number, _)) if *file_number != front_matter.number => {
                problems.push(self.problem(
                    self.line_of("number"),
                    format!(
                        "the file name says lesson {file_number} but `number = {}`",
                        front_matter.number
                    ),
                ))
            }
            None => problems.push(self.problem(
                None,
                "the file name should look like `07-podcasts.md` (number, dash, slug)".into(),
            )),
            _ => {}
        }
        if front_matter.number < 1 {
            problems.push(self.problem(
                self.line_of("number"),
                format!("`number` must be 1 or more, not {}", front_matter.number),
            ));
        }
        if title.is_empty() {
            problems.push(self.problem(
                self.line_of("title").or(Some(self.front_lines + 1)),
                "the lesson has no `title`".into(),
            ));
        }
        if front_matter.week < 1 {
            problems.push(self.problem(
                self.line_of("week"),
                format!("`week` must be 1 or more, not {}", front_matter.week),
            ));
        }
        if let Some(minutes) = front_matter.minutes.filter(|m| !(1..=600).contains(m)) {
            problems.push(self.problem(
                self.line_of("minutes"),
                format!("`minutes` must be between 1 and 600, not {minutes}"),
            ));
        }
        for tag in &front_matter.tags {
            if let Some(message) = tag_problem(tag, front_matter.number) {
                problems.push(self.problem(self.line_of("tags"), message));
            }
        }
        let mut experts = Vec::new();
        for expert in &front_matter.experts {
            match expert.parse::<crate::people::Email>() {
                Ok(email) => experts.push(email.as_str().to_owned()),
                Err(e) => problems.push(self.problem(
                    self.line_of("experts"),
                    format!("the expert {expert:?} is not an email address: {e}"),
                )),
            }
        }
        if self.body.trim().is_empty() {
            problems.push(self.problem(
                Some(self.front_lines + 3),
                "the lesson has no text after the front matter".into(),
            ));
        }
        (problems, experts)
    }
}

/// Why an extra tag is not usable: empty, too long, odd characters, too generic, or
/// another lesson's `thingN`.
fn tag_problem(tag: &str, number: i64) -> Option<String> {
    let normal = normalise_tag(tag);
    if normal.is_empty() {
        return Some("a tag in `tags` is empty".into());
    }
    if tag.chars().count() > 64 {
        return Some(format!("the tag {tag:?} is longer than 64 characters"));
    }
    if !tag
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ' ' | '#' | '.'))
    {
        return Some(format!(
            "the tag {tag:?} may only hold letters, digits, spaces, `-`, `_`, `#` and `.`"
        ));
    }
    if normal.chars().count() < 4 {
        return Some(format!(
            "the tag {tag:?} is too short to be specific (4 characters at least)"
        ));
    }
    let other = normal
        .strip_prefix("thing")
        .and_then(|n| n.parse::<i64>().ok());
    if let Some(other) = other.filter(|other| *other != number) {
        return Some(format!(
            "the tag {tag:?} would count posts for Thing {other} as this lesson"
        ));
    }
    None
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

/// `07-podcasts.md` -> (7, "podcasts").
fn file_slug(path: &Path) -> Option<(i64, String)> {
    let stem = path.file_stem()?.to_str()?;
    let (digits, slug) = stem.split_once('-')?;
    let number = digits.parse().ok()?;
    let valid = !slug.is_empty()
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    valid.then(|| (number, slug.to_owned()))
}

fn render_markdown(markdown: &str) -> String {
    use pulldown_cmark::{Options, Parser, html};
    let mut out = String::new();
    html::push_html(
        &mut out,
        Parser::new_ext(
            markdown,
            Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
        ),
    );
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer"))
        .clean(&out)
        .to_string()
}

#[cfg(test)]
mod tests;
