//! `/login`, the emailed link `/login/{token}` and `/logout`: signing in by email.

use crate::web::extract::Form;
use crate::web::extract::Path;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use minijinja::context;
use serde::Deserialize;

use crate::people::Email;
use crate::web::auth::{ClientIp, CurrentPerson, session_cookie, session_token};
use crate::web::pages::limits;
use crate::web::{AppError, AppState};
use crate::{auth, rate};

#[derive(Deserialize)]
pub struct LoginForm {
    email: String,
}

fn page(
    current: &CurrentPerson,
    status: StatusCode,
    context: minijinja::Value,
) -> Result<Response, AppError> {
    Ok((status, current.render("login.html", context)?).into_response())
}

/// `GET /login`: the form.
pub async fn form(current: CurrentPerson) -> Result<Response, AppError> {
    page(
        &current,
        StatusCode::OK,
        context! { sent => false, expired => false, email => "", problem => "" },
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
                context! { sent => false, expired => false, email => form.email, problem },
            );
        }
    };
    let key = format!("login:email:{email}");
    if !rate::allow(&state.db, &key, rate::LOGIN_PER_ADDRESS, now).await? {
        return limits::too_many(&current);
    }
    auth::request_login(&state.db, &email, &state.config.base_url, now).await?;
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
) -> Result<Response, AppError> {
    if !auth::login_token_is_valid(&state.db, &token, Utc::now()).await? {
        return link_dead(&current);
    }
    Ok(current
        .render("login-link.html", context! { token })?
        .into_response())
}

fn link_dead(current: &CurrentPerson) -> Result<Response, AppError> {
    page(
        current,
        StatusCode::GONE,
        context! { sent => false, expired => true, email => "", problem => "" },
    )
}

/// `POST /login/{token}`: uses the token, starts a new session, and goes to the person's
/// own page (`/me`, or `/coordinator` for coordinators).
pub async fn sign_in(
    State(state): State<AppState>,
    current: CurrentPerson,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let now = Utc::now();
    let Some(person) = auth::consume_login_token(&state.db, &token, now).await? else {
        return link_dead(&current);
    };
    let session = auth::create_session(&state.db, &person, now).await?;
    let cookie = session_cookie(&state.config.base_url, Some(&session))?;
    let home = if auth::is_coordinator(&person) {
        "/coordinator"
    } else {
        "/me"
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
