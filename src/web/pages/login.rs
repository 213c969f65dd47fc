//! `/login`, the emailed link `/login/{token}` and `/logout`: signing in by email.

use crate::web::extract::Form;
use crate::web::extract::{Path, Query};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use minijinja::context;
use serde::Deserialize;

use crate::people::Email;
use crate::web::auth::{ClientIp, CurrentPerson, local_path, session_cookie, session_token};
use crate::web::pages::limits;
use crate::web::{AppError, AppState};
use crate::{auth, rate};

#[derive(Deserialize)]
pub struct LoginForm {
    email: String,
    /// Where to go after signing in (a local path), carried through the emailed link.
    #[serde(default)]
    next: String,
}

#[derive(Deserialize)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
}

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    next: String,
}

fn page(
    current: &CurrentPerson,
    status: StatusCode,
    context: minijinja::Value,
) -> Result<Response, AppError> {
    Ok((status, current.render("login.html", context)?).into_response())
}

/// `GET /login`: the form; someone already signed in goes straight on to `next`.
pub async fn form(
    current: CurrentPerson,
    Query(query): Query<NextQuery>,
) -> Result<Response, AppError> {
    let next = local_path(&query.next).unwrap_or_default();
    if current.person.is_some() && !next.is_empty() {
        return Ok(Redirect::to(next).into_response());
    }
    page(
        &current,
        StatusCode::OK,
        context! { sent => false, expired => false, email => "", problem => "", next },
    )
}

/// `POST /login`: the same answer whether the address is known or not.
pub async fn request(
    State(state): State<AppState>,
    current: CurrentPerson,
    ClientIp(ip): ClientIp,
    Form(form): Form<LoginForm>,
) -> Result<Response, AppError> {
    let now = Utc::now();
    if !rate::allow(&state.db, &format!("login:ip:{ip}"), rate::PER_CLIENT, now).await? {
        return limits::too_many(&current);
    }
    let email: Email = match form.email.parse() {
        Ok(email) => email,
        Err(problem) => {
            return page(
                &current,
                StatusCode::BAD_REQUEST,
                context! { sent => false, expired => false, email => form.email, problem, next => local_path(&form.next) },
            );
        }
    };
    let key = format!("login:email:{email}");
    if !rate::allow(&state.db, &key, rate::LOGIN_PER_ADDRESS, now).await? {
        return limits::too_many(&current);
    }
    auth::request_sign_in(&state.db, &email, local_path(&form.next), now).await?;
    page(
        &current,
        StatusCode::OK,
        context! { sent => true, email => email.to_string() },
    )
}

/// `GET /login/{token}`: a button that signs in (mail scanners follow links, not forms).
pub async fn link(
    State(state): State<AppState>,
    current: CurrentPerson,
    Path(token): Path<String>,
    Query(query): Query<NextQuery>,
) -> Result<Response, AppError> {
    if !auth::login_token_is_valid(&state.db, &token, Utc::now()).await? {
        return link_dead(&current);
    }
    let next = local_path(&query.next);
    Ok(current
        .render("login-link.html", context! { token, next })?
        .into_response())
}

fn link_dead(current: &CurrentPerson) -> Result<Response, AppError> {
    page(
        current,
        StatusCode::GONE,
        context! { sent => false, expired => true, email => "", problem => "", next => "" },
    )
}

/// `POST /login/{token}`: uses the token, starts a new session, and goes back to the page
/// the person came from (a local `next`), else to their own page (`/me`, or `/coordinator`
/// for coordinators); a `next` that is not a local path lands on `/me`.
pub async fn sign_in(
    State(state): State<AppState>,
    current: CurrentPerson,
    Path(token): Path<String>,
    form: Result<Form<SignInForm>, AppError>,
) -> Result<Response, AppError> {
    // The button's form carries `next`; a bare POST (no body) signs in all the same.
    let next = form.map(|Form(f)| f.next).unwrap_or_default();
    let now = Utc::now();
    let Some(person) = auth::consume_login_token(&state.db, &token, now).await? else {
        return link_dead(&current);
    };
    let session = auth::create_session(&state.db, &person, now).await?;
    let cookie = session_cookie(&state.config.base_url, Some(&session))?;
    let home = match (next.as_str(), local_path(&next)) {
        (_, Some(next)) => next,
        ("", None) if auth::is_coordinator(&person) => "/coordinator",
        _ => "/me",
    };
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to(home)).into_response())
}

/// `POST /logout`: ends the session on the server and in the browser.
pub async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    if let Some(token) = session_token(&headers, &state.config.base_url) {
        auth::delete_session(&state.db, &token).await?;
    }
    let cookie = session_cookie(&state.config.base_url, None)?;
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to("/")).into_response())
}
