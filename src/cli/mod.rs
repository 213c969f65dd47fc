//! The command line: `serve` (the default), `migrate`, `cohort`, `participant`,
//! `coordinator`, `token`, `poll`, `lessons check`, `program export|import`, `badges export` and `i18n check`, one function per command in the
//! files beside this one. Each command brings the schema up to date first.

mod badges;
mod cohort;
mod participant;
mod poll;
mod tokens;

use std::path::PathBuf;

use anyhow::{Context, bail};
use chrono::Utc;
use clap::{Parser, Subcommand};

pub use cohort::{CohortArgs, CohortCommand};

use crate::{Application, Config, cohorts, feeds, lessons};

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
    /// Share programs: export one as a bundle, import a bundle as a new program.
    #[command(subcommand)]
    Program(ProgramCommand),
    /// Work with the interface's translations.
    #[command(subcommand)]
    I18n(I18nCommand),
}

#[derive(Debug, Subcommand)]
pub enum I18nCommand {
    /// Check that every locale has exactly English's messages, with the same variables.
    Check {
        /// Catalogue folder with one folder per locale (default: the catalogues built in).
        #[arg(long)]
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ProgramCommand {
    /// List the programs in the lessons folder.
    List,
    /// Write program SLUG as a bundle (program.toml, lessons, their images, a README).
    Export { slug: String, file: PathBuf },
    /// Add the program in a bundle to the lessons folder; nothing changes on any error.
    Import {
        file: PathBuf,
        /// Import it under this slug instead of its own.
        #[arg(long)]
        slug: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum BadgesCommand {
    /// Write every badge document and image as static files under DIR, at the paths the
    /// server answers, for a static web host to keep them after the program ends.
    Export { dir: PathBuf },
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
    /// Check every external link in the lessons and report the dead ones by file and line.
    Links {
        /// Only this program's lessons.
        #[arg(long)]
        program: Option<String>,
    },
}

/// `i18n check`: every problem on its own line (file and key), then a non-zero exit.
fn check_catalogues(dir: Option<&std::path::Path>) -> anyhow::Result<()> {
    let (checked, result) = match dir {
        Some(dir) => (dir.display().to_string(), crate::i18n::check::check(dir)),
        None => (
            "the built-in catalogues".to_owned(),
            crate::i18n::check::check_shipped(),
        ),
    };
    match result {
        Ok(summary) => {
            println!(
                "{checked}: {} messages, complete in {}.",
                summary.messages,
                summary.locales.join(", ")
            );
            Ok(())
        }
        Err(problems) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            bail!("{checked}: {} problem(s) in the catalogues", problems.len())
        }
    }
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let command = cli.command.unwrap_or(Command::Serve);
    if let Command::I18n(I18nCommand::Check { dir }) = command {
        return check_catalogues(dir.as_deref());
    }
    let config = Config::load(cli.config.as_deref())?;
    if let Command::Lessons(LessonsCommand::Check { dir }) = command {
        return check_lessons(&config, dir.as_deref()).await;
    }
    if let Command::Serve = command {
        let app = Application::build(config).await?;
        return app.run_until(crate::shutdown_signal()).await;
    }
    let (db, programs) = crate::open(&config).await?;
    let now = Utc::now();
    match command {
        Command::Serve
        | Command::Lessons(LessonsCommand::Check { .. })
        | Command::I18n(I18nCommand::Check { .. }) => {
            bail!("this command was handled above")
        }
        Command::Lessons(LessonsCommand::Links { program }) => {
            check_links(&db, &config, &programs, program.as_deref()).await
        }
        Command::Migrate => {
            println!("The database schema is up to date.");
            Ok(())
        }
        Command::Cohort(command) => cohort::run(&db, &programs, command, now).await,
        Command::Participant(command) => participant::run(&db, &config, command, now).await,
        Command::Coordinator(CoordinatorCommand::Add { email, name }) => {
            tokens::add_coordinator(&db, &email, &name, now).await
        }
        Command::Token(command) => tokens::run(&db, command, now).await,
        Command::Badges(BadgesCommand::Export { dir }) => {
            badges::export(&db, &config, &programs, &dir).await
        }
        Command::Poll { cohort } => poll::run(db, &config, programs, cohort, now).await,
        Command::Program(command) => program(&config, &programs, command),
    }
}

/// `lessons links`: checks, prints the dead links (and moved ones), keeps the report for
/// the cockpit, and exits non-zero when a link is dead.
async fn check_links(
    db: &sea_orm::DatabaseConnection,
    config: &Config,
    programs: &lessons::Programs,
    only: Option<&str>,
) -> anyhow::Result<()> {
    let chosen: Vec<&lessons::Program> = match only {
        Some(slug) => vec![programs.get(slug).with_context(|| {
            let known: Vec<&str> = programs.iter().map(|p| p.slug()).collect();
            format!(
                "there is no program {slug:?}; the programs are: {}",
                known.join(", ")
            )
        })?],
        None => programs.iter().collect(),
    };
    let fetcher = crate::fetcher(config)?;
    let mut dead = 0;
    for program in chosen {
        let report = lessons::links::check(&fetcher, program, Utc::now()).await?;
        lessons::links::record(db, &report).await?;
        for link in &report.links {
            match &link.verdict {
                feeds::links::Verdict::Dead(why) => {
                    println!(
                        "{}/{}:{}: dead: {} ({why})",
                        program.slug(),
                        link.file,
                        link.line,
                        link.url
                    );
                }
                feeds::links::Verdict::Moved(to) => {
                    println!(
                        "{}/{}:{}: moved: {} now answers at {to}",
                        program.slug(),
                        link.file,
                        link.line,
                        link.url
                    );
                }
                feeds::links::Verdict::Unsure(why) => {
                    println!(
                        "{}/{}:{}: unsure: {} ({why})",
                        program.slug(),
                        link.file,
                        link.line,
                        link.url
                    );
                }
                feeds::links::Verdict::Live => {}
            }
        }
        let count = report.dead().count();
        dead += count;
        println!(
            "{}: {} links checked, {count} dead.",
            program.info.title,
            report.links.len()
        );
    }
    if dead > 0 {
        bail!("{dead} dead link(s) in the lessons (listed above)");
    }
    Ok(())
}

fn program(
    config: &Config,
    programs: &lessons::Programs,
    command: ProgramCommand,
) -> anyhow::Result<()> {
    match command {
        ProgramCommand::List => {
            for p in programs.iter() {
                println!(
                    "{}\t{}\t{} lessons\t{}{}",
                    p.slug(),
                    p.info.title,
                    p.lessons.len(),
                    p.path(),
                    if p.default { "\tdefault" } else { "" }
                );
            }
        }
        ProgramCommand::Export { slug, file } => {
            let program = programs.get(&slug).with_context(|| {
                let known: Vec<&str> = programs.iter().map(|p| p.slug()).collect();
                format!(
                    "there is no program {slug:?}; the programs are: {}",
                    known.join(", ")
                )
            })?;
            let done = lessons::bundle::export(program, &file)?;
            println!(
                "Wrote {} to {}: {} lessons, {} images, its licence and attribution.",
                program.info.title,
                file.display(),
                done.lessons,
                done.images
            );
        }
        ProgramCommand::Import { file, slug } => {
            let program =
                lessons::bundle::import(&config.lessons_dir, programs, &file, slug.as_deref())?;
            println!(
                "Imported {} as {} into {} ({} lessons). Restart the server to serve it at /programs/{}; create cohorts with --program {}.",
                program.info.title,
                program.slug(),
                program.dir.display(),
                program.lessons.len(),
                program.slug(),
                program.slug()
            );
        }
    }
    Ok(())
}

async fn find_cohort(
    db: &sea_orm::DatabaseConnection,
    slug: &str,
) -> anyhow::Result<crate::entities::cohort::Model> {
    cohorts::find(db, slug).await?.with_context(|| {
        format!("there is no cohort with the slug {slug:?} (see `twentythree cohort list`)")
    })
}

/// Validates every program in the folder, then compares them with what the database's
/// running cohorts follow: an edit that would rewrite their history is refused here first.
async fn check_lessons(config: &Config, dir: Option<&std::path::Path>) -> anyhow::Result<()> {
    let dir = dir.unwrap_or(&config.lessons_dir);
    let programs = lessons::load_programs(dir)?;
    for program in programs.iter() {
        println!(
            "{} ({}{}): {} lessons over {} weeks, all valid.",
            program.info.title,
            program.slug(),
            if program.default { ", the default" } else { "" },
            program.lessons.len(),
            program.weeks()
        );
    }
    let db = crate::db::connect_and_migrate(config).await?;
    lessons::versions::check_history(&db, &programs, Utc::now().date_naive())
        .await?
        .context("the lessons cannot be used with the cohorts in the database")?;
    println!("No running cohort's history would change.");
    // The experts the lessons name are looked up here (an address nobody has here is
    // reported, not fatal: they may not have joined yet).
    for program in programs.iter() {
        for (number, email) in crate::together::experts::unknown(&db, program).await? {
            println!(
                "note: {} {number} names the expert {email}, who is not known here: their name shows once they take part, mentor or coordinate",
                program.info.word
            );
        }
    }
    Ok(())
}
