//! The command line: `serve` (the default), `migrate`, `cohort`, `participant`,
//! `coordinator`, `token`, `poll`, `lessons check|links`, `program list|export|import`,
//! `badges export` and `i18n check`, one function per command in the files beside this
//! one. Each command brings the schema up to date first.

mod badges;
mod cohort;
mod content;
mod participant;
mod poll;
mod tokens;

use std::path::PathBuf;

use anyhow::{Context, bail};
use chrono::Utc;
use clap::{Parser, Subcommand};

pub use cohort::{CohortArgs, CohortCommand};

use crate::{Application, Config, cohorts};

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

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let command = cli.command.unwrap_or(Command::Serve);
    if let Command::I18n(I18nCommand::Check { dir }) = command {
        return content::check_catalogues(dir.as_deref());
    }
    let config = Config::load(cli.config.as_deref())?;
    if let Command::Lessons(LessonsCommand::Check { dir }) = command {
        return content::check_lessons(&config, dir.as_deref()).await;
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
            content::check_links(&db, &config, &programs, program.as_deref()).await
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
        Command::Program(command) => content::program(&config, &programs, command),
    }
}

async fn find_cohort(
    db: &sea_orm::DatabaseConnection,
    slug: &str,
) -> anyhow::Result<crate::entities::cohort::Model> {
    cohorts::find(db, slug).await?.with_context(|| {
        format!("there is no cohort with the slug {slug:?} (see `twentythree cohort list`)")
    })
}
