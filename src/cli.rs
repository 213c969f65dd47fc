//! The command line: `serve` (the default), `migrate`, `cohort`, `participant`,
//! `coordinator`, `token`, `lessons check` and `badges export`. Each command brings the schema up to date first.

use std::path::PathBuf;

use anyhow::{Context, bail};
use chrono::{NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;
use clap::{Parser, Subcommand};

use crate::cohorts::settings::{
    self as cohort_settings, parse_date, parse_slug, parse_time, parse_timezone, parse_weekday,
};
use crate::cohorts::{self, NewCohort, Pace, Settings, Slug, Visibility};
use crate::people::{self, Email, NewParticipant, RowOutcome};

use crate::{Application, Config, feeds, lessons};

#[derive(Debug, Parser)]
#[command(
    name = "twentythree",
    version,
    about = "Runs self-paced learning cohorts in the style of 23 Things"
)]
pub struct Cli {
    /// Configuration file (default: twentythree.toml in the working directory, if present).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start the web server and its workers (the default).
    Serve,
    /// Bring the database schema up to date and exit.
    Migrate,
    /// Create and list cohorts.
    #[command(subcommand)]
    Cohort(CohortCommand),
    /// Add participants to a cohort.
    #[command(subcommand)]
    Participant(ParticipantCommand),
    /// Manage coordinators.
    #[command(subcommand)]
    Coordinator(CoordinatorCommand),
    /// Manage coordinators' API tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Read every feed once now.
    Poll {
        /// Only the feeds of this cohort.
        #[arg(long)]
        cohort: Option<String>,
    },
    /// Work with the lesson files.
    #[command(subcommand)]
    Lessons(LessonsCommand),
    /// Work with the finishers' Open Badges.
    #[command(subcommand)]
    Badges(BadgesCommand),
}

#[derive(Debug, Subcommand)]
pub enum BadgesCommand {
    /// Write every badge document and image as static files under DIR, at the paths the
    /// server answers, for a static web host to keep them after the program ends.
    Export { dir: PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum CohortCommand {
    /// Create a cohort.
    Create {
        #[arg(long, value_parser = parse_slug)]
        slug: Slug,
        #[arg(long)]
        name: String,
        /// First day, YYYY-MM-DD.
        #[arg(long, value_parser = parse_date)]
        starts: NaiveDate,
        /// Last day, YYYY-MM-DD (optional).
        #[arg(long, value_parser = parse_date)]
        ends: Option<NaiveDate>,
        /// IANA time zone, such as Europe/Berlin.
        #[arg(long, default_value = "UTC", value_parser = parse_timezone)]
        timezone: Tz,
        #[arg(long, value_enum, default_value = "cohort")]
        pace: Pace,
        /// Weekday lessons open on (default: the start date's weekday).
        #[arg(long, value_parser = parse_weekday)]
        release_day: Option<Weekday>,
        /// Local time lessons open at, HH:MM.
        #[arg(long, default_value = "09:00", value_parser = parse_time)]
        release_time: NaiveTime,
        #[arg(long, value_enum, default_value = "public")]
        visibility: Visibility,
        /// Tell the whole cohort when someone finishes.
        #[arg(long)]
        celebrate_cohort: bool,
        /// Let participants mark a lesson done themselves.
        #[arg(long)]
        self_report: bool,
    },
    /// Change a cohort's settings (the slug stays); options left out stay as they are.
    Edit {
        slug: String,
        #[arg(long)]
        name: Option<String>,
        /// First day, YYYY-MM-DD.
        #[arg(long)]
        starts: Option<String>,
        /// Last day, YYYY-MM-DD, or "" for none.
        #[arg(long)]
        ends: Option<String>,
        #[arg(long)]
        timezone: Option<String>,
        /// cohort or self.
        #[arg(long)]
        pace: Option<String>,
        #[arg(long)]
        release_day: Option<String>,
        /// HH:MM.
        #[arg(long)]
        release_time: Option<String>,
        /// public or members.
        #[arg(long)]
        visibility: Option<String>,
        #[arg(long)]
        celebrate_cohort: Option<bool>,
        #[arg(long)]
        self_report: Option<bool>,
    },
    /// List every cohort.
    List,
}

#[derive(Debug, Subcommand)]
pub enum ParticipantCommand {
    /// Add one participant.
    Add {
        #[arg(long)]
        cohort: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        email: String,
        #[arg(long)]
        blog: String,
    },
    /// Import participants from a CSV file with the columns name, email, blog.
    Import {
        #[arg(long)]
        cohort: String,
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum CoordinatorCommand {
    /// Make a person a coordinator (creating them when new).
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create an API token for a coordinator (printed once, never again).
    Create {
        #[arg(long)]
        email: String,
        /// When it stops working: a duration such as 90d, or a date YYYY-MM-DD (default:
        /// never, until revoked).
        #[arg(long)]
        expires: Option<String>,
    },
    /// List the API tokens (never the tokens themselves): id, coordinator, dates, state.
    List {
        /// Only this coordinator's.
        #[arg(long)]
        email: Option<String>,
    },
    /// Revoke an API token by the id `token list` shows; it stops working at once.
    Revoke { id: i32 },
}

#[derive(Debug, Subcommand)]
pub enum LessonsCommand {
    /// Validate the lesson files and report every problem.
    Check {
        /// Lessons folder (default: the configured one).
        #[arg(long)]
        dir: Option<PathBuf>,
    },
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let command = cli.command.unwrap_or(Command::Serve);
    let config = Config::load(cli.config.as_deref())?;
    if let Command::Lessons(LessonsCommand::Check { dir }) = command {
        return check_lessons(dir.as_deref().unwrap_or(&config.lessons_dir));
    }
    if let Command::Serve = command {
        let app = Application::build(config).await?;
        return app.run_until(crate::shutdown_signal()).await;
    }
    let (db, program) = crate::open(&config).await?;
    let program = std::sync::Arc::new(program);
    let now = Utc::now();
    match command {
        Command::Serve | Command::Lessons(_) => unreachable_command(),
        Command::Migrate => {
            println!("The database schema is up to date.");
            Ok(())
        }
        Command::Cohort(CohortCommand::Create {
            slug,
            name,
            starts,
            ends,
            timezone,
            pace,
            release_day,
            release_time,
            visibility,
            celebrate_cohort,
            self_report,
        }) => {
            let settings = Settings {
                name,
                starts_on: starts,
                ends_on: ends,
                timezone,
                release_weekday: release_day,
                release_time,
                pace,
                visibility,
                celebrate_cohort,
                self_report,
            };
            let cohort = cohorts::create(&db, NewCohort { slug, settings }, now).await?;
            println!(
                "Created cohort {} ({}): starts {}, lessons open {}, {} pace, {}.",
                cohort.slug,
                cohort.name,
                cohort.starts_on,
                cohorts::release_in_words(&cohort),
                cohort.pace,
                cohort.visibility
            );
            Ok(())
        }
        Command::Cohort(CohortCommand::Edit {
            slug,
            name,
            starts,
            ends,
            timezone,
            pace,
            release_day,
            release_time,
            visibility,
            celebrate_cohort,
            self_report,
        }) => {
            let cohort = find_cohort(&db, &slug).await?;
            let mut form = cohort_settings::Form::of(&cohort);
            for (value, field) in [
                (name, &mut form.name),
                (starts, &mut form.starts),
                (ends, &mut form.ends),
                (timezone, &mut form.timezone),
                (pace, &mut form.pace),
                (release_day, &mut form.release_day),
                (release_time, &mut form.release_time),
                (visibility, &mut form.visibility),
            ] {
                if let Some(value) = value {
                    *field = value;
                }
            }
            for (value, field) in [
                (celebrate_cohort, &mut form.celebrate_cohort),
                (self_report, &mut form.self_report),
            ] {
                if let Some(on) = value {
                    *field = on.then(|| "on".to_owned());
                }
            }
            let settings = form
                .settings()
                .map_err(|problems| anyhow::anyhow!(cohort_settings::describe(&problems)))?;
            let cohort = cohorts::update(&db, cohort, settings).await?;
            println!("Updated cohort {} ({}).", cohort.slug, cohort.name);
            Ok(())
        }
        Command::Cohort(CohortCommand::List) => {
            let all = cohorts::list(&db).await?;
            if all.is_empty() {
                println!(
                    "No cohorts yet. Create one with: twentythree cohort create --slug spring-2027 --name \"Spring 2027\" --starts 2027-03-01"
                );
            }
            for cohort in all {
                let count = cohorts::participant_count(&db, &cohort).await?;
                println!(
                    "{}\t{}\tstarts {}\t{}\t{} pace\t{}\t{count} participant(s)",
                    cohort.slug,
                    cohort.name,
                    cohort.starts_on,
                    cohort.timezone,
                    cohort.pace,
                    cohort.visibility
                );
            }
            Ok(())
        }
        Command::Participant(ParticipantCommand::Add {
            cohort,
            name,
            email,
            blog,
        }) => {
            let cohort = find_cohort(&db, &cohort).await?;
            let new = NewParticipant::parse(&name, &email, &blog).map_err(anyhow::Error::msg)?;
            let member = people::add_participant(&db, &cohort, &new, now).await?;
            let fetcher = crate::fetcher(&config)?;
            match feeds::attach_blog(&db, &fetcher, &member, new.blog.url(), now).await {
                Ok(attached) => {
                    println!("Added {} <{}> to {}.", new.name, new.email, cohort.slug);
                    println!("{}", describe_attachment(&attached));
                    Ok(())
                }
                Err(e) => {
                    people::remove_participant(&db, &member).await?;
                    bail!("{} was not added: {e}", new.email)
                }
            }
        }
        Command::Participant(ParticipantCommand::Import { cohort, file }) => {
            let cohort = find_cohort(&db, &cohort).await?;
            let data =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let report = people::import_csv(&db, &cohort, &data, now).await?;
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
                "Imported {} participant(s) into {}; looking for their blogs' feeds...",
                report.added(),
                cohort.slug
            );
            let fetcher = crate::fetcher(&config)?;
            for (member, attached) in feeds::attach_all(&db, &fetcher, &report.members, now).await {
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
        Command::Poll { cohort } => {
            let cohort = match cohort {
                Some(slug) => Some(find_cohort(&db, &slug).await?),
                None => None,
            };
            let poller = feeds::poller::Poller::new(
                db.clone(),
                crate::fetcher(&config)?,
                &config,
                program.clone(),
            );
            let count = poller.feeds_to_poll(cohort.as_ref(), now).await?.len();
            let bar = if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
                indicatif::ProgressBar::new(count as u64)
            } else {
                indicatif::ProgressBar::hidden()
            };
            bar.set_style(
                indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} feeds {msg}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            let summary = poller
                .poll_now(cohort.as_ref(), now, |_| bar.inc(1))
                .await?;
            bar.finish_and_clear();
            println!("Polled {summary}.");
            let transport = crate::mail::sender::Transport::from_config(
                config.smtp_url.as_ref(),
                &config.mail_dir,
            )?;
            let sender = crate::mail::sender::Sender::new(
                db.clone(),
                transport,
                config.mail_from.clone(),
                config.base_url.clone(),
            )
            .with_lease(config.worker_lease);
            let sent = sender.tick(now).await?;
            if sent.sent + sent.retrying + sent.failed > 0 {
                println!(
                    "Emails: {} sent, {} to retry, {} failed.",
                    sent.sent, sent.retrying, sent.failed
                );
            }
            Ok(())
        }
        Command::Coordinator(CoordinatorCommand::Add { email, name }) => {
            let email: Email = email.parse().map_err(anyhow::Error::msg)?;
            let name = people::parse_name(&name).map_err(anyhow::Error::msg)?;
            let (person, existed) = people::add_coordinator(&db, &email, &name, now).await?;
            let verb = if existed { "is now" } else { "added as" };
            println!("{} <{}> {verb} a coordinator.", person.name, person.email);
            Ok(())
        }
        Command::Token(command) => tokens(&db, command, now).await,
        Command::Badges(BadgesCommand::Export { dir }) => {
            export_badges(&db, &config, &program, &dir).await
        }
    }
}

async fn export_badges(
    db: &sea_orm::DatabaseConnection,
    config: &Config,
    program: &lessons::Program,
    dir: &std::path::Path,
) -> anyhow::Result<()> {
    let issuer = crate::badges::Issuer::from_config(config).context(
        "Open Badges are off: set TWENTYTHREE_BADGE_ISSUER_EMAIL (with the settings `serve` runs with) to export them",
    )?;
    let site = crate::badges::Site {
        issuer: &issuer,
        program,
    };
    let done = crate::badges::export::write(db, site, dir).await?;
    println!(
        "Wrote {} files to {}: the issuer, {} badge class(es), {} standing assertion(s) with their baked images, {} revoked. Serve the folder at {} for the badges to stay verifiable.",
        done.files,
        dir.display(),
        done.classes,
        done.assertions,
        done.revoked,
        config.base_url
    );
    Ok(())
}

async fn tokens(
    db: &sea_orm::DatabaseConnection,
    command: TokenCommand,
    now: chrono::DateTime<Utc>,
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
                let day = |at: Option<chrono::DateTime<Utc>>| {
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
fn parse_expiry(text: &str, now: chrono::DateTime<Utc>) -> Result<chrono::DateTime<Utc>, String> {
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
                "Found the feed {}{title}{platform} with {} post(s).",
                found.feed_url,
                found.feed.posts.len()
            )
        }
        Err(e) if attached.feed.status == feeds::health::Status::Blocked.as_str() => {
            format!("The blog will not be read: {e}.")
        }
        Err(e) => format!("No feed yet: {e}. The blog was added; Twentythree keeps trying."),
    }
}

fn unreachable_command() -> anyhow::Result<()> {
    bail!("this command was handled above")
}

async fn find_cohort(
    db: &sea_orm::DatabaseConnection,
    slug: &str,
) -> anyhow::Result<crate::entities::cohort::Model> {
    cohorts::find(db, slug).await?.with_context(|| {
        format!("there is no cohort with the slug {slug:?} (see `twentythree cohort list`)")
    })
}

fn check_lessons(dir: &std::path::Path) -> anyhow::Result<()> {
    let program = lessons::load_dir(dir)?;
    println!(
        "{}: {} lessons over {} weeks, all valid.",
        dir.display(),
        program.lessons.len(),
        program.weeks()
    );
    Ok(())
}
