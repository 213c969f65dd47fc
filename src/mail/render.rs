//! Rendering an email's two parts from its templates (`emails/<name>.txt` and `.html`).

use minijinja::Value;

use super::{Email, Kind};
use crate::templates;

/// Renders the text and HTML parts of template `name` into an email for the outbox.
pub fn email(
    kind: Kind,
    name: &str,
    dedupe_key: String,
    to: &str,
    subject: String,
    context: Value,
    unsubscribe: Option<(&str, &url::Url)>,
) -> Result<Email, minijinja::Error> {
    let unsubscribe_url = unsubscribe.map(|(token, base)| unsubscribe_url(base, token));
    let context = minijinja::context! { unsubscribe_url, ..context };
    Ok(Email {
        dedupe_key,
        kind,
        to: to.to_owned(),
        subject,
        text: templates::render(&format!("emails/{name}.txt"), context.clone())?,
        html: templates::render(&format!("emails/{name}.html"), context)?,
        unsubscribe: unsubscribe.map(|(token, _)| token.to_owned()),
    })
}

/// A template that fails to render inside a database transaction: an internal error that
/// rolls the transaction back (templates are checked by a test that renders them all).
pub fn template_error(e: minijinja::Error) -> sea_orm::DbErr {
    sea_orm::DbErr::Custom(format!("cannot render an email: {e:#}"))
}

pub fn unsubscribe_url(base: &url::Url, token: &str) -> String {
    format!(
        "{}/unsubscribe/{token}",
        base.as_str().trim_end_matches('/')
    )
}
