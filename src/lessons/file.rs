//! One lesson file: its TOML front matter between `+++` lines, the checks on each field
//! (numbers, weeks, tags, the file name), and its Markdown body rendered to HTML.

use std::path::Path;

use serde::Deserialize;

use super::{Lesson, Problem, normalise_tag};

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
