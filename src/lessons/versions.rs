//! Versions that do not rewrite history: every start syncs each program into the
//! `programs` and `lessons` tables with its content hash, after checking that no program
//! with running cohorts changed its numbering or a lesson's required flag (which would
//! silently change what those cohorts completed). Wording changes go through.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::{Program, Programs};
use crate::entities::{cohort, lesson, program};

/// An edit the lessons folder makes that the database's cohorts forbid, in plain words.
#[derive(Debug, thiserror::Error)]
#[error("{}", .0.join("\n"))]
pub struct Refused(pub Vec<String>);

/// Checks the folder's programs against what running cohorts followed; every refusal
/// names the program, the cohorts and each change.
pub async fn check_history(
    db: &impl ConnectionTrait,
    programs: &Programs,
    today: NaiveDate,
) -> Result<Result<(), Refused>, sea_orm::DbErr> {
    let default_slug = programs.default_program().slug().to_owned();
    let slug_of = |c: &cohort::Model| {
        if c.program.is_empty() {
            default_slug.clone()
        } else {
            c.program.clone()
        }
    };
    let cohorts = cohort::Entity::find().all(db).await?;
    let mut refusals = Vec::new();
    for cohort in &cohorts {
        let slug = slug_of(cohort);
        if programs.get(&slug).is_none() {
            refusals.push(format!(
                "the cohort {:?} follows the program {slug:?}, which the lessons folder no longer holds: put that program's folder back (a program may change its wording, never disappear under its cohorts)",
                cohort.slug
            ));
        }
    }
    let stored = lesson::Entity::find().all(db).await?;
    for program in programs.iter() {
        let running: Vec<&str> = cohorts
            .iter()
            .filter(|c| slug_of(c) == program.slug())
            .filter(|c| c.ends_on.is_none_or(|end| end >= today))
            .map(|c| c.slug.as_str())
            .collect();
        if running.is_empty() {
            continue;
        }
        let mut before: Vec<&lesson::Model> = stored
            .iter()
            .filter(|l| l.program == program.slug())
            .collect();
        if before.is_empty() && program.default {
            before = stored.iter().filter(|l| l.program.is_empty()).collect();
        }
        if before.is_empty() {
            continue;
        }
        let changes = changes(&before, program);
        if !changes.is_empty() {
            refusals.push(format!(
                "the program {:?} has running cohorts ({}), and this edit would change what they completed: {}. Change only the wording of a running program; for new numbering or required lessons, add a new program (a folder with its own program.toml)",
                program.slug(),
                running.join(", "),
                changes.join("; ")
            ));
        }
    }
    Ok(if refusals.is_empty() {
        Ok(())
    } else {
        Err(Refused(refusals))
    })
}

/// What changed in numbering and required flags between the stored lessons and `program`.
fn changes(before: &[&lesson::Model], program: &Program) -> Vec<String> {
    let word = program.word();
    let old: BTreeMap<i32, &lesson::Model> = before.iter().map(|l| (l.number, *l)).collect();
    let mut changes = Vec::new();
    for (number, was) in &old {
        match program.get(*number) {
            None => changes.push(format!("{word} {number} ({}) was removed", was.slug)),
            Some(now) if now.required != was.required => changes.push(format!(
                "{word} {number} was {} and would be {}",
                if was.required { "required" } else { "optional" },
                if now.required { "required" } else { "optional" },
            )),
            Some(_) => {}
        }
        if let Some(moved) = program
            .lessons
            .iter()
            .find(|l| l.slug == was.slug && l.number != *number)
        {
            changes.push(format!(
                "the lesson {:?} was {word} {number} and would be {word} {}",
                was.slug, moved.number
            ));
        }
    }
    for lesson in &program.lessons {
        if !old.contains_key(&lesson.number) {
            changes.push(format!(
                "{word} {} ({}) would be added",
                lesson.number, lesson.slug
            ));
        }
    }
    changes
}

/// Writes every program into the `programs` and `lessons` tables (insert or update, and
/// removes lessons that no longer exist), and attaches the cohorts that predate programs
/// to the default program.
pub async fn sync(
    db: &impl ConnectionTrait,
    programs: &Programs,
    now: DateTime<Utc>,
) -> Result<(), sea_orm::DbErr> {
    let default = programs.default_program();
    cohort::Entity::update_many()
        .col_expr(cohort::Column::Program, Expr::value(default.slug()))
        .filter(cohort::Column::Program.eq(""))
        .exec(db)
        .await?;
    lesson::Entity::delete_many()
        .filter(lesson::Column::Program.eq(""))
        .exec(db)
        .await?;
    for program in programs.iter() {
        sync_program(db, program, now).await?;
    }
    Ok(())
}

async fn sync_program(
    db: &impl ConnectionTrait,
    program: &Program,
    now: DateTime<Utc>,
) -> Result<(), sea_orm::DbErr> {
    program::Entity::insert(program::ActiveModel {
        slug: Set(program.slug().to_owned()),
        title: Set(program.info.title.clone()),
        content_hash: Set(program.content_hash.clone()),
        synced_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(program::Column::Slug)
            .update_columns([
                program::Column::Title,
                program::Column::ContentHash,
                program::Column::SyncedAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    for lesson in &program.lessons {
        let row = lesson::ActiveModel {
            program: Set(program.slug().to_owned()),
            number: Set(lesson.number),
            slug: Set(lesson.slug.clone()),
            title: Set(lesson.title.clone()),
            week: Set(lesson.week),
            tags: Set(serde_json::to_string(&lesson.tags).unwrap_or_else(|_| "[]".into())),
            required: Set(lesson.required),
            minutes: Set(lesson.minutes),
            synced_at: Set(now),
        };
        lesson::Entity::insert(row)
            .on_conflict(
                OnConflict::columns([lesson::Column::Program, lesson::Column::Number])
                    .update_columns([
                        lesson::Column::Slug,
                        lesson::Column::Title,
                        lesson::Column::Week,
                        lesson::Column::Tags,
                        lesson::Column::Required,
                        lesson::Column::Minutes,
                        lesson::Column::SyncedAt,
                    ])
                    .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
    }
    let count = i32::try_from(program.lessons.len()).unwrap_or(i32::MAX);
    lesson::Entity::delete_many()
        .filter(lesson::Column::Program.eq(program.slug()))
        .filter(lesson::Column::Number.gt(count))
        .exec(db)
        .await?;
    Ok(())
}
