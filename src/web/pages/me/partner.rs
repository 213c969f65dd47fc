//! `/me`'s learning partner: asking for one, seeing them, and being told when they
//! finished or left (`POST /me/partner`).

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use chrono_tz::Tz;
use minijinja::{Value, context};
use serde::Deserialize;

use crate::entities::{cohort, participant};
use crate::i18n::Text;
use crate::together::glance::glance;
use crate::together::partners::{self, Partner};
use crate::web::auth::SignedIn;
use crate::web::extract::Form;
use crate::web::{AppError, AppState, view};

/// What `/me` shows about `member`'s partner.
pub(super) async fn view(
    state: &AppState,
    cohort: &cohort::Model,
    member: &participant::Model,
    tz: Tz,
) -> Result<Value, AppError> {
    let partner = partners::partner(&state.db, member).await?;
    let (state_name, who) = match &partner {
        Partner::None => ("none", None),
        Partner::Asked => ("asked", None),
        Partner::Left => ("left", None),
        Partner::With(other, person) | Partner::Finished(other, person) => {
            let g = glance(&state.db, state.programs.of(cohort), cohort, other, person).await?;
            let latest = g.latest.map(|p| {
                context! { title => p.title, link => p.link, date => view::iso_date(p.published_at, tz) }
            });
            let name = if matches!(partner, Partner::With(..)) {
                "with"
            } else {
                "finished"
            };
            (
                name,
                Some(context! {
                    id => g.participant_id, name => g.name, done => g.done,
                    required => g.required, latest,
                }),
            )
        }
    };
    let ended = if matches!(partner, Partner::None) {
        partners::last_ended(&state.db, member.id)
            .await?
            .and_then(|p| p.ended_reason)
    } else {
        None
    };
    Ok(context! { state => state_name, who, ended })
}

#[derive(Deserialize)]
pub struct PartnerForm {
    participant: String,
    /// `yes` to ask for a partner, `no` to stop.
    want: String,
}

/// `POST /me/partner`: ask for a learning partner (`want=yes`), or stop (`want=no`).
pub async fn ask(
    State(state): State<AppState>,
    SignedIn { person, current }: SignedIn,
    Form(form): Form<PartnerForm>,
) -> Result<Response, AppError> {
    let (member, _) = super::forms::own_membership(&state, &person, &form.participant).await?;
    let now = Utc::now();
    match form.want.as_str() {
        "yes" => {
            let asked = partners::ask(&state.db, &member, now).await;
            super::forms::answer(&state, &person, &current, asked, "partner-asked").await
        }
        "no" => {
            partners::withdraw(&state.db, &member, now).await?;
            Ok(Redirect::to("/me?notice=partner-stopped").into_response())
        }
        _ => Err(AppError::BadRequest(Text::new("error-partner-yes-or-no"))),
    }
}
