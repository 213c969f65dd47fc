//! Templates are code: embedded in the binary, parsed once, strict about undefined values,
//! and auto-escaped (every HTML template is named `*.html`).

use std::sync::LazyLock;

use minijinja::{Environment, UndefinedBehavior, Value};

/// Every template, by name.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("home.html", include_str!("../../templates/home.html")),
    ("lessons.html", include_str!("../../templates/lessons.html")),
    ("lesson.html", include_str!("../../templates/lesson.html")),
    ("cohort.html", include_str!("../../templates/cohort.html")),
    ("error.html", include_str!("../../templates/error.html")),
];

pub const STYLESHEET: &str = include_str!("../../templates/style.css");

static ENVIRONMENT: LazyLock<Result<Environment<'static>, String>> =
    LazyLock::new(|| build().map_err(|e| format!("{e:#}")));

fn build() -> Result<Environment<'static>, minijinja::Error> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    for (name, source) in TEMPLATES {
        env.add_template(name, source)?;
    }
    Ok(env)
}

/// Parses every template; called at start so a typo stops the server at once.
pub fn check() -> anyhow::Result<()> {
    ENVIRONMENT
        .as_ref()
        .map(|_| ())
        .map_err(|e| anyhow::anyhow!("{e}"))
}

pub fn render(name: &str, context: impl Into<Value>) -> Result<String, minijinja::Error> {
    let env = ENVIRONMENT
        .as_ref()
        .map_err(|e| minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, e.clone()))?;
    env.get_template(name)?.render(context)
}

pub fn names() -> impl Iterator<Item = &'static str> {
    TEMPLATES.iter().map(|(name, _)| *name)
}
