//! `twentythree coordinator add` and `token create|list|revoke`: who runs the program, and
//! the API tokens their scripts use.

use anyhow::bail;
use chrono::{DateTime, NaiveDate, Utc};

use super::TokenCommand;
use crate::people::{self, Email};

pub async fn add_coordinator(
    db: &sea_orm::DatabaseConnection,
    email: &str,
    name: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let email: Email = email.parse().map_err(anyhow::Error::msg)?;
    let name = people::parse_name(name).map_err(anyhow::Error::msg)?;
    let (person, existed) = people::add_coordinator(db, &email, &name, now).await?;
    let verb = if existed { "is now" } else { "added as" };
    println!("{} <{}> {verb} a coordinator.", person.name, person.email);
    Ok(())
}

pub async fn run(
    db: &sea_orm::DatabaseConnection,
    command: TokenCommand,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    match command {
        TokenCommand::Create { email, expires } => {
            let email: Email = email.parse().map_err(anyhow::Error::msg)?;
            let expires_at = match expires {
                Some(text) => Some(parse_expiry(&text, now).map_err(anyhow::Error::msg)?),
                None => None,
            };
            let (token, row) = crate::auth::create_api_token(db, &email, expires_at, now).await?;
            println!("{token}");
            let until = row.expires_at.map_or_else(
                || "until revoked".to_owned(),
                |at| format!("until {}", at.format("%Y-%m-%d %H:%M UTC")),
            );
            eprintln!(
                "API token {} for {email}, valid {until}. Keep it secret: it is shown only this once. Send it as `Authorization: Bearer <token>`; revoke it with `twentythree token revoke {}`.",
                row.id, row.id
            );
            Ok(())
        }
        TokenCommand::List { email } => {
            let owner = match email {
                Some(email) => {
                    let email: Email = email.parse().map_err(anyhow::Error::msg)?;
                    Some(people::find_person(db, &email).await?.ok_or_else(|| {
                        anyhow::anyhow!("there is nobody with the address {email}")
                    })?)
                }
                None => None,
            };
            let tokens = crate::auth::api_tokens(db, owner.as_ref()).await?;
            if tokens.is_empty() {
                println!(
                    "No API tokens. Create one with `twentythree token create --email you@example.org`."
                );
            }
            for info in tokens {
                let day = |at: Option<DateTime<Utc>>| {
                    at.map_or_else(|| "-".to_owned(), |at| at.format("%Y-%m-%d").to_string())
                };
                let state = if info.token.revoked_at.is_some() {
                    "revoked"
                } else if info.live(now) {
                    "active"
                } else {
                    "expired"
                };
                println!(
                    "{}\t{}\tcreated {}\tlast used {}\texpires {}\t{state}",
                    info.token.id,
                    info.owner.map(|p| p.email).unwrap_or_default(),
                    day(Some(info.token.created_at)),
                    day(info.token.last_used_at),
                    day(info.token.expires_at),
                );
            }
            Ok(())
        }
        TokenCommand::Revoke { id } => {
            if !crate::auth::revoke_api_token(db, id, None, now).await? {
                bail!("there is no active API token {id}; `twentythree token list` shows them");
            }
            println!("API token {id} is revoked: it no longer works.");
            Ok(())
        }
    }
}

/// An expiry given as a duration from now (`90d`) or a date (`2027-06-30`, at its end, UTC).
fn parse_expiry(text: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>, String> {
    let text = text.trim();
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        let end = date.and_hms_opt(23, 59, 59).map(|at| at.and_utc());
        return end
            .filter(|at| *at > now)
            .ok_or_else(|| format!("--expires {text}: that date has passed"));
    }
    humantime::parse_duration(text)
        .ok()
        .and_then(|d| chrono::Duration::from_std(d).ok())
        .filter(|d| *d > chrono::Duration::zero())
        .map(|d| now + d)
        .ok_or_else(|| {
            format!("--expires {text:?}: give a duration such as 90d or a date such as 2027-06-30")
        })
}
