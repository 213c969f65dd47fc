//! The commands about content: `lessons check`, `lessons links`, `program list|export|import`
//! and `i18n check`.

use anyhow::{Context, bail};
use chrono::Utc;

use super::ProgramCommand;
use crate::{Config, feeds, lessons};

/// `i18n check`: every problem on its own line (file and key), then a non-zero exit.
pub(super) fn check_catalogues(dir: Option<&std::path::Path>) -> anyhow::Result<()> {
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

/// `lessons links`: checks, prints the dead links (and moved ones), keeps the report for
/// the cockpit, and exits non-zero when a link is dead.
pub(super) async fn check_links(
    db: &sea_orm::DatabaseConnection,
    config: &Config,
    programs: &lessons::Programs,
    only: Option<&str>,
) -> anyhow::Result<()> {
    let chosen: Vec<&lessons::Program> = match only {
        Some(slug) => vec![named(programs, slug)?],
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

/// `program list|export|import`.
pub(super) fn program(
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
            let program = named(programs, &slug)?;
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

/// The program `slug`, or an error naming the programs there are.
fn named<'a>(programs: &'a lessons::Programs, slug: &str) -> anyhow::Result<&'a lessons::Program> {
    programs.get(slug).with_context(|| {
        let known: Vec<&str> = programs.iter().map(|p| p.slug()).collect();
        format!(
            "there is no program {slug:?}; the programs are: {}",
            known.join(", ")
        )
    })
}

/// Validates every program in the folder, then compares them with what the database's
/// running cohorts follow: an edit that would rewrite their history is refused here first.
pub(super) async fn check_lessons(
    config: &Config,
    dir: Option<&std::path::Path>,
) -> anyhow::Result<()> {
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
