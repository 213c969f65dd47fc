//! `twentythree cohort create|edit|list`: one set of cohort options, checked by the same
//! form as the coordinator's web pages.

use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};
use sea_orm::DatabaseConnection;

use super::find_cohort;
use crate::cohorts::settings::{self, Form, parse_slug};
use crate::cohorts::{self, NewCohort, Slug};
use crate::lessons::Programs;

/// The options `create` and `edit` share; left out, they keep their default (create) or
/// their current value (edit).
#[derive(Debug, Args)]
pub struct CohortArgs {
    /// Last day, YYYY-MM-DD ("" for none).
    #[arg(long)]
    ends: Option<String>,
    /// IANA time zone, such as Europe/Berlin (default: UTC).
    #[arg(long)]
    timezone: Option<String>,
    /// cohort (everyone on one calendar, the default) or self (from each person's joining).
    #[arg(long)]
    pace: Option<String>,
    /// Weekday lessons open on (default: the start date's weekday).
    #[arg(long)]
    release_day: Option<String>,
    /// Local time lessons open at, HH:MM (default: 09:00).
    #[arg(long)]
    release_time: Option<String>,
    /// public (the default) or members.
    #[arg(long)]
    visibility: Option<String>,
}

impl CohortArgs {
    /// Writes the options that were given into `form`.
    fn apply(self, form: &mut Form) {
        for (value, field) in [
            (self.ends, &mut form.ends),
            (self.timezone, &mut form.timezone),
            (self.pace, &mut form.pace),
            (self.release_day, &mut form.release_day),
            (self.release_time, &mut form.release_time),
            (self.visibility, &mut form.visibility),
        ] {
            if let Some(value) = value {
                *field = value;
            }
        }
    }
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
        #[arg(long)]
        starts: String,
        #[command(flatten)]
        options: CohortArgs,
        /// Tell the whole cohort when someone finishes.
        #[arg(long)]
        celebrate_cohort: bool,
        /// Let participants mark a lesson done themselves.
        #[arg(long)]
        self_report: bool,
        /// The program it follows, by slug (default: the default program).
        #[arg(long)]
        program: Option<String>,
    },
    /// Change a cohort's settings (the slug stays); options left out stay as they are.
    Edit {
        slug: String,
        #[arg(long)]
        name: Option<String>,
        /// First day, YYYY-MM-DD.
        #[arg(long)]
        starts: Option<String>,
        #[command(flatten)]
        options: CohortArgs,
        #[arg(long)]
        celebrate_cohort: Option<bool>,
        #[arg(long)]
        self_report: Option<bool>,
    },
    /// List every cohort.
    List,
}

fn ticked(on: bool) -> Option<String> {
    on.then(|| "on".to_owned())
}

fn checked(form: &Form) -> anyhow::Result<cohorts::Settings> {
    form.settings()
        .map_err(|problems| anyhow::anyhow!(settings::describe(&problems)))
}

pub async fn run(
    db: &DatabaseConnection,
    programs: &Programs,
    command: CohortCommand,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    match command {
        CohortCommand::Create {
            slug,
            name,
            starts,
            options,
            celebrate_cohort,
            self_report,
            program,
        } => {
            let program = cohorts::program_for(programs, program.as_deref().unwrap_or(""))
                .map_err(|p| anyhow::anyhow!(p.text.to_string()))?;
            let mut form = Form {
                name,
                starts,
                celebrate_cohort: ticked(celebrate_cohort),
                self_report: ticked(self_report),
                ..Form::blank()
            };
            options.apply(&mut form);
            let settings = checked(&form)?;
            let new = NewCohort {
                slug,
                settings,
                program,
            };
            let cohort = cohorts::create(db, new, now).await?;
            println!(
                "Created cohort {} ({}) of the program {}: starts {}, lessons open {}, {} pace, {}.",
                cohort.slug,
                cohort.name,
                cohort.program,
                cohort.starts_on,
                cohorts::release_in_words(&cohort),
                cohort.pace,
                cohort.visibility
            );
        }
        CohortCommand::Edit {
            slug,
            name,
            starts,
            options,
            celebrate_cohort,
            self_report,
        } => {
            let cohort = find_cohort(db, &slug).await?;
            let mut form = Form::of(&cohort);
            form.name = name.unwrap_or(form.name);
            form.starts = starts.unwrap_or(form.starts);
            options.apply(&mut form);
            if let Some(on) = celebrate_cohort {
                form.celebrate_cohort = ticked(on);
            }
            if let Some(on) = self_report {
                form.self_report = ticked(on);
            }
            let cohort = cohorts::update(db, cohort, checked(&form)?).await?;
            println!("Updated cohort {} ({}).", cohort.slug, cohort.name);
        }
        CohortCommand::List => list(db).await?,
    }
    Ok(())
}

async fn list(db: &DatabaseConnection) -> anyhow::Result<()> {
    let all = cohorts::list(db).await?;
    if all.is_empty() {
        println!(
            "No cohorts yet. Create one with: twentythree cohort create --slug spring-2027 --name \"Spring 2027\" --starts 2027-03-01"
        );
    }
    for cohort in all {
        let count = cohorts::participant_count(db, &cohort).await?;
        println!(
            "{}\t{}\tstarts {}\t{}\t{} pace\t{}\t{}\tprogram {}",
            cohort.slug,
            cohort.name,
            cohort.starts_on,
            cohort.timezone,
            cohort.pace,
            cohort.visibility,
            crate::templates::count(
                i64::try_from(count).unwrap_or(0),
                "participant",
                "participants"
            ),
            cohort.program
        );
    }
    Ok(())
}
