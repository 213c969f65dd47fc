//! `/badges/...`: the Open Badges documents as JSON-LD, a verification page for people
//! (an assertion asked for with `Accept: text/html`), and the badge images, plain and
//! baked. Everything answers 404 while badges are off.

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use minijinja::context;
use serde_json::Value;

use crate::badges::{self, Award, Issuer, Site, bake, documents, image, paths, share};
use crate::cohorts;
use crate::web::auth::CurrentPerson;
use crate::web::extract::Path;
use crate::web::{AppError, AppState, view};

/// `GET /badges/issuer`.
pub async fn issuer(State(state): State<AppState>) -> Result<Response, AppError> {
    let issuer = issuer_of(&state)?;
    Ok(json_ld(&site(&state, &issuer).issuer_profile(), CACHED))
}

/// `GET /badges/{slug}` (the BadgeClass), `/badges/{slug}.png` and `.svg` (its image).
pub async fn class(
    State(state): State<AppState>,
    Path(segment): Path<String>,
) -> Result<Response, AppError> {
    let (slug, ext) = paths::split(&segment);
    class_answer(&state, slug, ext).await
}

/// `GET /badges/{slug}/image.png` and `image.svg`: the same images at nested addresses.
pub async fn class_image(
    State(state): State<AppState>,
    Path((slug, file)): Path<(String, String)>,
) -> Result<Response, AppError> {
    match paths::split(&file) {
        ("image", Some(ext)) => class_answer(&state, &slug, Some(ext)).await,
        _ => Err(AppError::NotFound),
    }
}

async fn class_answer(
    state: &AppState,
    slug: &str,
    ext: Option<&str>,
) -> Result<Response, AppError> {
    let issuer = issuer_of(state)?;
    let cohort = cohorts::find(&state.db, slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let things = state.programs.of(&cohort).lessons.len();
    match ext {
        None => Ok(json_ld(&site(state, &issuer).badge_class(&cohort), CACHED)),
        Some("png") => Ok(png_answer(class_png(cohort.name, things).await?.to_vec())),
        Some("svg") => Ok(svg_answer(image::svg(&cohort.name, things))),
        Some(_) => Err(AppError::NotFound),
    }
}

/// `GET /badges/assertions/{id}`: JSON-LD, or the verification page for a browser;
/// `{id}.png` and `{id}.svg`: the badge baked with its assertion.
pub async fn assertion(
    State(state): State<AppState>,
    Path(segment): Path<String>,
    headers: HeaderMap,
    current: CurrentPerson,
) -> Result<Response, AppError> {
    let (id, ext) = paths::split(&segment);
    assertion_answer(&state, id, ext, &headers, &current).await
}

/// `GET /badges/assertions/{id}/badge.png` and `badge.svg`: the baked badge again.
pub async fn baked(
    State(state): State<AppState>,
    Path((id, file)): Path<(String, String)>,
    headers: HeaderMap,
    current: CurrentPerson,
) -> Result<Response, AppError> {
    match paths::split(&file) {
        ("badge", Some(ext)) => assertion_answer(&state, &id, Some(ext), &headers, &current).await,
        _ => Err(AppError::NotFound),
    }
}

async fn assertion_answer(
    state: &AppState,
    id: &str,
    ext: Option<&str>,
    headers: &HeaderMap,
    current: &CurrentPerson,
) -> Result<Response, AppError> {
    let issuer = issuer_of(state)?;
    let award = badges::find(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let site = site(state, &issuer);
    let document = site.assertion(&award);
    let standing = award.assertion.revoked_at.is_none();
    let things = state.programs.of(&award.cohort).lessons.len();
    match ext {
        None if wants_html(headers) => verification_page(state, site, &award, current),
        None => {
            let mut response = json_ld(&document, "no-cache");
            response
                .headers_mut()
                .insert(header::VARY, HeaderValue::from_static("Accept"));
            Ok(response)
        }
        Some("png") if standing => {
            let plain = class_png(award.cohort.name.clone(), things).await?;
            let baked = bake::png(&plain, &documents::body(&document))
                .map_err(|e| AppError::Internal(e.into()))?;
            Ok(png_answer(baked))
        }
        Some("svg") if standing => {
            let verify = site.url(&paths::assertion(id));
            let svg = image::svg(&award.cohort.name, things);
            Ok(svg_answer(bake::svg(
                &svg,
                &verify,
                &documents::body(&document),
            )))
        }
        Some(_) => Err(AppError::NotFound),
    }
}

/// The page that tells a person whether a badge is real, and what it stands for.
fn verification_page(
    state: &AppState,
    site: Site<'_>,
    award: &Award,
    current: &CurrentPerson,
) -> Result<Response, AppError> {
    let tz = cohorts::timezone(&award.cohort);
    let a = &award.assertion;
    let own = current
        .person
        .as_ref()
        .is_some_and(|p| p.id == award.person.id);
    let offer = (own && a.revoked_at.is_none()).then(|| {
        share::offer_from(
            site.issuer,
            state.programs.of(&award.cohort),
            &award.cohort,
            a,
        )
    });
    let class = site.badge_class(&award.cohort);
    let page = current.render(
        "badge.html",
        context! {
            name => award.person.name.clone(),
            badge => documents::badge_name(&award.cohort, state.programs.of(&award.cohort)),
            description => text(&class["description"]),
            criteria => text(&class["criteria"]["narrative"]),
            criteria_url => text(&class["criteria"]["id"]),
            cohort => context! { name => award.cohort.name.clone(), slug => award.cohort.slug.clone() },
            person_url => format!("/cohorts/{}/people/{}", award.cohort.slug, award.participant.id),
            image => paths::class_image(&award.cohort.slug, "png"),
            issued => view::iso_date(a.issued_on, tz),
            narrative => a.narrative.clone(),
            issuer => context! { name => site.issuer.name.clone(), url => site.issuer.url.to_string(), email => site.issuer.email.clone() },
            revoked => a.revoked_at.map(|at| view::iso_date(at, tz)),
            reason => a.revocation_reason.clone(),
            offer => minijinja::Value::from(minijinja::value::Serde(&offer)),
        },
    )?;
    let mut response = page.into_response();
    response
        .headers_mut()
        .insert(header::VARY, HeaderValue::from_static("Accept"));
    Ok(response)
}

/// What the finisher `member` of `cohort` is offered on their pages (none while badges are
/// off or they hold no standing badge), ready for a template.
pub async fn offer_for(
    state: &AppState,
    cohort: &crate::entities::cohort::Model,
    member: &crate::entities::participant::Model,
) -> Result<minijinja::Value, AppError> {
    let offer = match (Issuer::from_config(&state.config), member.finished_at) {
        (Some(issuer), Some(_)) => badges::live_for(&state.db, member.id)
            .await?
            .map(|a| share::offer_from(&issuer, state.programs.of(cohort), cohort, &a)),
        _ => None,
    };
    Ok(minijinja::Value::from(minijinja::value::Serde(offer)))
}

/// Whether badges are on, by whom and where a cohort's badge lives, for the coordinator.
pub fn status(state: &AppState, cohort: &crate::entities::cohort::Model) -> minijinja::Value {
    match Issuer::from_config(&state.config) {
        Some(issuer) => context! {
            on => true, issuer => issuer.name, email => issuer.email,
            class => paths::class(&cohort.slug), image => paths::class_image(&cohort.slug, "png"),
        },
        None => context! { on => false },
    }
}

fn text(value: &Value) -> String {
    value.as_str().unwrap_or_default().to_owned()
}

/// The issuer, or 404 while badges are off.
fn issuer_of(state: &AppState) -> Result<Issuer, AppError> {
    Issuer::from_config(&state.config).ok_or(AppError::NotFound)
}

fn site<'a>(state: &'a AppState, issuer: &'a Issuer) -> Site<'a> {
    Site {
        issuer,
        programs: &state.programs,
    }
}

/// Documents that change only with the settings may be kept a little while.
const CACHED: &str = "public, max-age=300";

fn json_ld(document: &Value, cache: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, documents::MEDIA_TYPE),
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
            (header::CACHE_CONTROL, cache),
        ],
        documents::body(document),
    )
        .into_response()
}

fn png_answer(bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "image/png"),
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
            (header::CACHE_CONTROL, CACHED),
        ],
        bytes,
    )
        .into_response()
}

fn svg_answer(svg: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
            (header::CACHE_CONTROL, CACHED),
        ],
        svg,
    )
        .into_response()
}

/// The badge image as PNG, drawn off the async threads (it is kept once drawn).
async fn class_png(name: String, things: usize) -> Result<std::sync::Arc<Vec<u8>>, AppError> {
    tokio::task::spawn_blocking(move || image::png(&name, things))
        .await
        .map_err(|e| AppError::Internal(e.into()))?
        .map_err(AppError::Internal)
}

/// Whether the asker prefers HTML to JSON (a browser); JSON wins ties and `*/*`.
fn wants_html(headers: &HeaderMap) -> bool {
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let quality = |types: &[&str]| -> f32 {
        accept
            .split(',')
            .filter_map(|range| {
                let mut parts = range.split(';').map(str::trim);
                let media = parts.next()?.to_ascii_lowercase();
                if !types.contains(&media.as_str()) {
                    return None;
                }
                let q = parts
                    .find_map(|p| p.strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                Some(q)
            })
            .fold(0.0, f32::max)
    };
    let html = quality(&["text/html", "application/xhtml+xml"]);
    html > 0.0 && html > quality(&["application/ld+json", "application/json"])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT, HeaderValue::from_str(value).unwrap());
        headers
    }

    #[test]
    fn browsers_get_html_and_everyone_else_json() {
        let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        assert!(wants_html(&accept(browser)));
        assert!(wants_html(&accept("text/html")));
        assert!(!wants_html(&accept(
            "application/ld+json, application/json, image/png, image/svg+xml"
        )));
        assert!(!wants_html(&accept("*/*")));
        assert!(!wants_html(&HeaderMap::new()));
        assert!(!wants_html(&accept("text/html;q=0.5, application/json")));
        assert!(!wants_html(&accept("text/html, application/ld+json")));
    }
}
