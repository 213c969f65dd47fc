//! `twentythree participant add|import`: one person, or a CSV file of them, each with
//! their blog's feed found and said in one line.

use anyhow::{Context, bail};
use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

use super::{ParticipantCommand, find_cohort};
use crate::Config;
use crate::feeds;
use crate::people::{self, NewParticipant, RowOutcome};

pub async fn run(
    db: &DatabaseConnection,
    config: &Config,
    command: ParticipantCommand,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    match command {
        ParticipantCommand::Add {
            cohort,
            name,
            email,
            blog,
        } => {
            let cohort = find_cohort(db, &cohort).await?;
            let new = NewParticipant::parse(&name, &email, &blog).map_err(anyhow::Error::msg)?;
            let member = people::add_participant(db, &cohort, &new, now).await?;
            let fetcher = crate::fetcher(config)?;
            match feeds::attach_blog(db, &fetcher, &member, new.blog.url(), now).await {
                Ok(attached) => {
                    println!("Added {} <{}> to {}.", new.name, new.email, cohort.slug);
                    println!("{}", describe_attachment(&attached));
                    Ok(())
                }
                Err(e) => {
                    people::remove_participant(db, &member).await?;
                    bail!("{} was not added: {e}", new.email)
                }
            }
        }
        ParticipantCommand::Import { cohort, file } => {
            let cohort = find_cohort(db, &cohort).await?;
            let data =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let report = people::import_csv(db, &cohort, &data, now).await?;
            for (line, outcome) in &report.rows {
                match outcome {
                    RowOutcome::Added(email) => println!("line {line}: added {email}"),
                    RowOutcome::AlreadyIn(email) => {
                        println!("line {line}: {email} is already in the cohort, skipped")
                    }
                    RowOutcome::Invalid(message) => eprintln!("line {line}: {message}"),
                }
            }
            if report.has_errors() {
                bail!(
                    "{} has errors: nothing was imported; fix the lines above and run the import again",
                    file.display()
                );
            }
            println!(
                "Imported {} into {}; looking for their blogs' feeds...",
                crate::templates::count(
                    i64::try_from(report.added()).unwrap_or(0),
                    "participant",
                    "participants"
                ),
                cohort.slug
            );
            let fetcher = crate::fetcher(config)?;
            for (member, attached) in feeds::attach_all(db, &fetcher, &report.members, now).await {
                match attached {
                    Ok(attached) => {
                        println!("{}: {}", member.blog_url, describe_attachment(&attached))
                    }
                    Err(feeds::AttachError::Taken) => eprintln!(
                        "{}: already another participant's blog in this cohort, so not linked; give this person their own with the coordinator's \"fix the feed address\"",
                        member.blog_url
                    ),
                    Err(feeds::AttachError::Db(e)) => return Err(e.into()),
                }
            }
            Ok(())
        }
    }
}

/// One line on what discovery found, for the terminal.
fn describe_attachment(attached: &feeds::Attached) -> String {
    match &attached.found {
        Ok(found) => {
            let platform = found
                .platform
                .map(|p| format!(" ({p})"))
                .unwrap_or_default();
            let title = found
                .feed
                .title
                .as_deref()
                .map(|t| format!(" \"{t}\""))
                .unwrap_or_default();
            format!(
                "Found the feed {}{title}{platform} with {}.",
                found.feed_url,
                crate::templates::count(
                    i64::try_from(found.feed.posts.len()).unwrap_or(0),
                    "post",
                    "posts"
                )
            )
        }
        Err(e) if attached.feed.status == feeds::health::Status::Blocked => {
            format!("The blog will not be read: {e}.")
        }
        Err(e) => format!("No feed yet: {e}. The blog was added; Twentythree keeps trying."),
    }
}
