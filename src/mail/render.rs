//! Rendering an email's two parts from its templates (`emails/<name>.txt` and `.html`).

use minijinja::Value;

use super::{Email, Kind};
use crate::i18n::Locale;
use crate::links::Links;
use crate::templates;

/// One email to one person, before rendering: its kind, its templates
/// (`emails/<template>.txt` and `.html`), and what makes it unique in the outbox.
#[must_use]
pub struct Message<'a> {
    kind: Kind,
    template: &'a str,
    to: &'a str,
    dedupe_key: String,
    subject: String,
    context: Value,
    unsubscribe: Option<(&'a str, String)>,
    language: Locale,
}

impl<'a> Message<'a> {
    /// An email of `kind` to `to` from `template`; `dedupe_key` makes it leave at most once.
    pub fn new(kind: Kind, template: &'a str, to: &'a str, dedupe_key: String) -> Self {
        Self {
            kind,
            template,
            to,
            dedupe_key,
            subject: String::new(),
            context: Value::UNDEFINED,
            unsubscribe: None,
            language: Locale::En,
        }
    }

    pub fn subject(mut self, subject: impl Into<String>) -> Self {
        self.subject = subject.into();
        self
    }

    /// What the templates read.
    pub fn context(mut self, context: Value) -> Self {
        self.context = context;
        self
    }

    /// The recipient's language: what `t()` and the date filters in the templates write in
    /// (English unless said). Every kind says it; the subject is the caller's, in the same
    /// language.
    pub fn language(mut self, language: Locale) -> Self {
        self.language = language;
        self
    }

    /// Routine mail: carries the person's one-click unsubscribe link (`List-Unsubscribe`).
    pub fn unsubscribe(mut self, token: &'a str, links: &Links) -> Self {
        self.unsubscribe = Some((token, links.unsubscribe(token)));
        self
    }

    /// Renders both parts for the outbox. A template that fails is an internal error that
    /// rolls the surrounding transaction back (a test renders every template).
    pub fn render(self) -> Result<Email, sea_orm::DbErr> {
        let unsubscribe_url = self.unsubscribe.as_ref().map(|(_, url)| url.clone());
        let lang = self.language.code();
        let context = minijinja::context! { unsubscribe_url, lang, ..self.context };
        let part = |extension: &str| {
            templates::render(
                &format!("emails/{}.{extension}", self.template),
                context.clone(),
            )
            .map_err(template_error)
        };
        Ok(Email {
            dedupe_key: self.dedupe_key,
            kind: self.kind,
            to: self.to.to_owned(),
            subject: self.subject,
            text: part("txt")?,
            html: part("html")?,
            unsubscribe: self.unsubscribe.map(|(token, _)| token.to_owned()),
        })
    }
}

/// A template that fails to render inside a database transaction: an internal error that
/// rolls the transaction back (templates are checked by a test that renders them all).
fn template_error(e: minijinja::Error) -> sea_orm::DbErr {
    sea_orm::DbErr::Custom(format!("cannot render an email: {e:#}"))
}
