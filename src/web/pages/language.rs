//! `POST /language`: the footer's language switcher. A signed-in person keeps the choice
//! as their preference; anyone gets a `lang` cookie (a stranger's choice, kept for a
//! year). Either way the browser goes back to the page it was on.

use crate::i18n::Text;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::i18n::Locale;
use crate::people;
use crate::web::auth::{CurrentPerson, LANG_COOKIE, is_https};
use crate::web::extract::Form;
use crate::web::{AppError, AppState};

/// How long a stranger's choice of language is kept.
const COOKIE_DAYS: i64 = 365;

#[derive(Deserialize)]
pub struct LanguageForm {
    lang: String,
    #[serde(default)]
    back: String,
}

pub async fn choose(
    State(state): State<AppState>,
    current: CurrentPerson,
    Form(form): Form<LanguageForm>,
) -> Result<Response, AppError> {
    let locale = Locale::from_code(form.lang.trim())
        .ok_or_else(|| AppError::refused(Text::new("error-unknown-language")))?;
    if let Some(person) = current.person {
        people::set_language(&state.db, person, locale).await?;
    }
    let secure = if is_https(&state.config.base_url) {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{LANG_COOKIE}={}; SameSite=Lax; Path=/; Max-Age={}{secure}",
        locale.code(),
        COOKIE_DAYS * 24 * 3600
    );
    let cookie = HeaderValue::from_str(&cookie).map_err(|e| AppError::Internal(e.into()))?;
    let mut response = Redirect::to(back(&form.back)).into_response();
    response.headers_mut().insert(header::SET_COOKIE, cookie);
    Ok(response)
}

/// Where to go back to: a path on this site only (never another site's address).
fn back(requested: &str) -> &str {
    let on_this_site = requested.starts_with('/')
        && !requested.starts_with("//")
        && !requested.starts_with("/\\")
        && !requested.contains(['\r', '\n']);
    if on_this_site { requested } else { "/" }
}

#[cfg(test)]
mod tests {
    use super::back;

    #[test]
    fn goes_back_only_to_this_site() {
        assert_eq!(back("/cohorts/spring?page=2"), "/cohorts/spring?page=2");
        assert_eq!(back("//evil.example"), "/");
        assert_eq!(back("/\\evil.example"), "/");
        assert_eq!(back("https://evil.example/"), "/");
        assert_eq!(back(""), "/");
    }
}
