//! The catalogue check (`twentythree i18n check`): every locale has exactly English's
//! messages, in the same files, each using the same variables, and every file parses.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;

/// One message (or term, or attribute `key.attr`) of a locale: the file it is in and the
/// variables it uses.
#[derive(Debug)]
struct Entry {
    file: PathBuf,
    variables: BTreeSet<String>,
}

type Catalogue = BTreeMap<String, Entry>;

/// What a good catalogue folder holds.
#[derive(Debug, PartialEq, Eq)]
pub struct Summary {
    pub locales: Vec<String>,
    pub messages: usize,
}

/// The catalogues compiled into this binary: locale, file name, Fluent source.
const SHIPPED: &[(&str, &str, &str)] = &[
    (
        "en",
        "pages.ftl",
        include_str!("../../locales/en/pages.ftl"),
    ),
    (
        "en",
        "errors.ftl",
        include_str!("../../locales/en/errors.ftl"),
    ),
    (
        "en",
        "emails.ftl",
        include_str!("../../locales/en/emails.ftl"),
    ),
    (
        "en",
        "coordinator.ftl",
        include_str!("../../locales/en/coordinator.ftl"),
    ),
    (
        "nl",
        "pages.ftl",
        include_str!("../../locales/nl/pages.ftl"),
    ),
    (
        "nl",
        "errors.ftl",
        include_str!("../../locales/nl/errors.ftl"),
    ),
    (
        "nl",
        "emails.ftl",
        include_str!("../../locales/nl/emails.ftl"),
    ),
    (
        "nl",
        "coordinator.ftl",
        include_str!("../../locales/nl/coordinator.ftl"),
    ),
    (
        "de",
        "pages.ftl",
        include_str!("../../locales/de/pages.ftl"),
    ),
    (
        "de",
        "errors.ftl",
        include_str!("../../locales/de/errors.ftl"),
    ),
    (
        "de",
        "emails.ftl",
        include_str!("../../locales/de/emails.ftl"),
    ),
    (
        "de",
        "coordinator.ftl",
        include_str!("../../locales/de/coordinator.ftl"),
    ),
];

/// Checks the catalogues this binary ships (named `locales/{code}/{file}`).
pub fn check_shipped() -> Result<Summary, Vec<String>> {
    let mut problems = Vec::new();
    let mut locales: BTreeMap<String, Catalogue> = BTreeMap::new();
    for (code, file, source) in SHIPPED {
        let path = Path::new("locales").join(code).join(file);
        let catalogue = locales.entry((*code).to_owned()).or_default();
        read_file(&path, source, catalogue, &mut problems);
    }
    compare(Path::new("locales"), &locales, problems)
}

/// Checks the catalogues under `dir` (one folder per locale, `en` among them). Returns
/// every problem found, each naming its file and key.
pub fn check(dir: &Path) -> Result<Summary, Vec<String>> {
    let mut problems = Vec::new();
    let mut locales: BTreeMap<String, Catalogue> = BTreeMap::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            return Err(vec![format!(
                "{}: cannot read the folder: {e}",
                dir.display()
            )]);
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            let code = entry.file_name().to_string_lossy().into_owned();
            locales.insert(code, read_locale(&path, &mut problems));
        }
    }
    compare(dir, &locales, problems)
}

/// Compares every locale with English.
fn compare(
    dir: &Path,
    locales: &BTreeMap<String, Catalogue>,
    mut problems: Vec<String>,
) -> Result<Summary, Vec<String>> {
    let Some(english) = locales.get("en") else {
        problems.push(format!(
            "{}: there is no English catalogue (en/)",
            dir.display()
        ));
        return Err(problems);
    };
    for (code, catalogue) in locales {
        if code == "en" {
            continue;
        }
        let folder = dir.join(code);
        for (key, wanted) in english {
            let expected_file = folder.join(wanted.file.file_name().unwrap_or_default());
            match catalogue.get(key) {
                None => problems.push(format!(
                    "{}: lacks `{key}`, which English has",
                    expected_file.display()
                )),
                Some(found) => {
                    if found.file.file_name() != wanted.file.file_name() {
                        problems.push(format!(
                            "{}: `{key}` belongs in {}, as in English",
                            found.file.display(),
                            expected_file.display()
                        ));
                    }
                    if found.variables != wanted.variables {
                        problems.push(format!(
                            "{}: `{key}` uses the variables {} but English uses {}",
                            found.file.display(),
                            list(&found.variables),
                            list(&wanted.variables)
                        ));
                    }
                }
            }
        }
        for (key, found) in catalogue {
            if !english.contains_key(key) {
                problems.push(format!(
                    "{}: has `{key}`, which English lacks",
                    found.file.display()
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(Summary {
            locales: locales.keys().cloned().collect(),
            messages: english.len(),
        })
    } else {
        Err(problems)
    }
}

fn list(variables: &BTreeSet<String>) -> String {
    if variables.is_empty() {
        "none".to_owned()
    } else {
        variables
            .iter()
            .map(|v| format!("${v}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn read_locale(folder: &Path, problems: &mut Vec<String>) -> Catalogue {
    let mut catalogue = Catalogue::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "ftl"));
    files.sort();
    for file in files {
        let source = match std::fs::read_to_string(&file) {
            Ok(source) => source,
            Err(e) => {
                problems.push(format!("{}: cannot read: {e}", file.display()));
                continue;
            }
        };
        read_file(&file, &source, &mut catalogue, problems);
    }
    catalogue
}

/// Adds the messages of one Fluent file to `catalogue`.
fn read_file(file: &Path, source: &str, catalogue: &mut Catalogue, problems: &mut Vec<String>) {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(resource) => resource,
        Err((resource, errors)) => {
            for error in errors {
                let line = source[..error.pos.start.min(source.len())]
                    .lines()
                    .count()
                    .max(1);
                problems.push(format!(
                    "{}:{line}: not valid Fluent: {:?}",
                    file.display(),
                    error.kind
                ));
            }
            resource
        }
    };
    for entry in resource.body {
        let (id, value, attributes) = match entry {
            ast::Entry::Message(m) => (m.id.name.to_owned(), m.value, m.attributes),
            ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(t.value), t.attributes),
            _ => continue,
        };
        let mut add = |key: String, pattern: Option<&ast::Pattern<&str>>| {
            let mut variables = BTreeSet::new();
            if let Some(pattern) = pattern {
                pattern_variables(pattern, &mut variables);
            }
            if let Some(earlier) = catalogue.get(&key) {
                problems.push(format!(
                    "{}: `{key}` is defined twice (also in {})",
                    file.display(),
                    earlier.file.display()
                ));
            }
            catalogue.insert(
                key,
                Entry {
                    file: file.to_path_buf(),
                    variables,
                },
            );
        };
        if value.is_some() {
            add(id.clone(), value.as_ref());
        }
        for attribute in &attributes {
            add(
                format!("{id}.{}", attribute.id.name),
                Some(&attribute.value),
            );
        }
    }
}

fn pattern_variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            arguments_variables(arguments, out);
        }
        ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => arguments_variables(arguments, out),
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

fn arguments_variables(arguments: &ast::CallArguments<&str>, out: &mut BTreeSet<String>) {
    for positional in &arguments.positional {
        inline_variables(positional, out);
    }
    for named in &arguments.named {
        inline_variables(&named.value, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, file: &str, text: &str) {
        let path = dir.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn the_shipped_catalogues_pass() {
        let shipped = check_shipped().unwrap_or_else(|problems| panic!("{}", problems.join("\n")));
        assert_eq!(shipped.locales, ["de", "en", "nl"]);
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        let summary = check(&dir).unwrap_or_else(|problems| panic!("{}", problems.join("\n")));
        assert_eq!(summary.locales, ["de", "en", "nl"]);
        assert!(summary.messages > 10);
    }

    #[test]
    fn a_broken_catalogue_is_named_by_file_and_key() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "en/pages.ftl",
            "hello = Hello { $name }\nbye = Bye\nposts = { $count ->\n [one] one post\n *[other] { $count } posts\n}\n",
        );
        write(
            dir.path(),
            "nl/pages.ftl",
            "hello = Hallo { $naam }\nextra = Extra\nposts = { $count ->\n [one] één bericht\n *[other] { $count } berichten\n}\n",
        );
        write(
            dir.path(),
            "de/pages.ftl",
            "hello = Hallo { $name }\nbye = Tschüss\nposts = { $count ->\n [one] ein Beitrag\n *[other] { $count } Beiträge\n}\n",
        );
        let problems = check(dir.path()).unwrap_err();
        let text = problems.join("\n");
        assert_eq!(problems.len(), 3, "{text}");
        assert!(text.contains("nl/pages.ftl: lacks `bye`"), "{text}");
        assert!(
            text.contains("nl/pages.ftl: has `extra`, which English lacks"),
            "{text}"
        );
        assert!(
            text.contains("nl/pages.ftl: `hello` uses the variables $naam but English uses $name"),
            "{text}"
        );
    }

    #[test]
    fn syntax_errors_and_a_missing_english_are_problems() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "en/pages.ftl", "hello = Hello\n");
        write(dir.path(), "nl/pages.ftl", "hello = Hallo\nbroken = { $x\n");
        let problems = check(dir.path()).unwrap_err().join("\n");
        assert!(
            problems.contains("nl/pages.ftl:2: not valid Fluent"),
            "{problems}"
        );
        let empty = tempfile::tempdir().unwrap();
        write(empty.path(), "nl/pages.ftl", "hello = Hallo\n");
        assert!(check(empty.path()).unwrap_err()[0].contains("no English catalogue"));
    }
}
