//! Role models: a coordinator, or a mentor of the author, holds a post up as an example for
//! a lesson it counts for, with a one-line note on why. Highlighted posts lead the lesson's
//! page, carry a mark in the river and come first in the weekly letter; the author is told
//! once, kindly (email kind `highlight`, which they may turn off like routine mail).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use minijinja::context;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder,
};
use url::Url;

use crate::access::Viewer;
use crate::entities::{cohort, highlight, participant, person, post, post_thing};
use crate::i18n::Text;
use crate::lessons::{Lesson, Program, Programs};
use crate::links::Links;
use crate::mail::{self, Kind, render};

/// The longest note, in characters.
pub const NOTE_MAX: usize = 200;

#[derive(Debug)]
pub enum HighlightError {
    NoNote,
    LongNote,
    NotAbout(i32),
    NotAllowed,
    Db(DbErr),
}

impl HighlightError {
    /// Why, as a sentence in the reader's language.
    pub fn text(&self) -> Text {
        match self {
            Self::NoNote => Text::new("error-highlight-no-note"),
            Self::LongNote => Text::new("error-highlight-long-note").with("max", NOTE_MAX),
            Self::NotAbout(n) => Text::new("error-highlight-not-about").with("number", *n),
            Self::NotAllowed | Self::Db(_) => Text::new("error-highlight-not-allowed"),
        }
    }
}

crate::i18n::refusal!(HighlightError);

/// A checked one-line note.
pub fn parse_note(note: &str) -> Result<String, HighlightError> {
    let note = note.split_whitespace().collect::<Vec<_>>().join(" ");
    if note.is_empty() {
        return Err(HighlightError::NoNote);
    }
    if note.chars().count() > NOTE_MAX || note.chars().any(char::is_control) {
        return Err(HighlightError::LongNote);
    }
    Ok(note)
}

/// Whether `viewer` may highlight the posts of participant `author`.
pub fn may_highlight(viewer: &Viewer, author: i32) -> bool {
    viewer.is_coordinator() || viewer.mentors(author)
}

/// What is highlighted: post `post` of participant `author`, for lesson `lesson`.
#[derive(Clone, Copy, Debug)]
pub struct Target {
    pub author: i32,
    pub post: i32,
    pub lesson: i32,
}

/// Highlights `target` with `note`, by `viewer`, and tells the author once (unless they
/// turned such mail off). Highlighting it again changes the note and sends nothing more.
pub async fn highlight(
    db: &DatabaseConnection,
    (programs, base_url): (&Programs, &Url),
    viewer: &Viewer,
    target: Target,
    note: &str,
    now: DateTime<Utc>,
) -> Result<(), HighlightError> {
    let note = parse_note(note)?;
    if !may_highlight(viewer, target.author) {
        return Err(HighlightError::NotAllowed);
    }
    let about = post_thing::Entity::find()
        .filter(post_thing::Column::ParticipantId.eq(target.author))
        .filter(post_thing::Column::PostId.eq(target.post))
        .filter(post_thing::Column::LessonNumber.eq(target.lesson))
        .one(db)
        .await?;
    // The lesson is the one of the author's own program.
    let Some((_, Some(their_cohort))) = participant::Entity::find_by_id(target.author)
        .find_also_related(cohort::Entity)
        .one(db)
        .await?
    else {
        return Err(HighlightError::NotAbout(target.lesson));
    };
    let program = programs.of(&their_cohort);
    let lesson = program.get(target.lesson);
    let (Some(_), Some(lesson)) = (about, lesson) else {
        return Err(HighlightError::NotAbout(target.lesson));
    };
    let txn = crate::db::begin_write(db).await?;
    highlight::Entity::insert(highlight::ActiveModel {
        post_id: Set(target.post),
        participant_id: Set(target.author),
        lesson_number: Set(target.lesson),
        note: Set(note.clone()),
        by_person_id: Set(viewer.person.as_ref().map(|p| p.id)),
        created_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            highlight::Column::ParticipantId,
            highlight::Column::PostId,
            highlight::Column::LessonNumber,
        ])
        .update_column(highlight::Column::Note)
        .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?;
    tell_author(
        &txn,
        (program, base_url),
        lesson,
        viewer,
        target,
        &note,
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Tells the author of `target` that it was highlighted, once, unless they turned such mail
/// off: in their language, with `note` and who chose it.
async fn tell_author(
    db: &impl ConnectionTrait,
    (program, base_url): (&Program, &Url),
    lesson: &Lesson,
    viewer: &Viewer,
    target: Target,
    note: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let author = participant::Entity::find_by_id(target.author)
        .find_also_related(person::Entity)
        .one(db)
        .await?;
    let post = post::Entity::find_by_id(target.post).one(db).await?;
    if let (Some((member, Some(person))), Some(post)) = (author, post)
        && person.highlight_emails
    {
        let links = Links::new(base_url);
        let cohort = cohort::Entity::find_by_id(member.cohort_id).one(db).await?;
        let by = viewer.person.as_ref().map(|p| p.name.clone());
        // In the author's language: theirs if they chose one, else the program's.
        let language =
            crate::i18n::for_recipient(person.language.as_deref(), &program.info.language);
        let context = context! {
            name => person.name.clone(), by, note,
            title => post.title.clone(), link => post.link.clone(),
            number => lesson.number, lesson => lesson.title.clone(),
            lesson_url => links.lesson(program, lesson.number), word => program.word(),
            cohort => cohort.map(|c| c.name),
        };
        let email = render::Message::new(
            Kind::Highlight,
            "highlight",
            &person.email,
            format!("highlight:{}:{}:{}", member.id, post.id, lesson.number),
        )
        .subject(crate::i18n::message(
            language,
            "highlight-subject",
            &[(
                "thing",
                format!("{} {}", program.word(), lesson.number).into(),
            )],
        ))
        .language(language)
        .context(context)
        .unsubscribe(&person.unsubscribe_token, &links)
        .render()?;
        mail::enqueue(db, email, now).await?;
    }
    Ok(())
}

/// A highlight with its post and author, as pages and the letter show it.
#[derive(Clone, Debug)]
pub struct Shown {
    pub highlight: highlight::Model,
    pub post: post::Model,
    pub author: String,
    pub cohort_id: i32,
    pub by: Option<String>,
}

/// The highlights for lesson `number` in `cohorts` (those the reader may see), newest
/// first.
pub async fn for_lesson(
    db: &impl ConnectionTrait,
    cohorts: &[&cohort::Model],
    number: i32,
) -> Result<Vec<Shown>, DbErr> {
    let rows = highlight::Entity::find()
        .filter(highlight::Column::LessonNumber.eq(number))
        .order_by_desc(highlight::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<i32> = cohorts.iter().map(|c| c.id).collect();
    shown(db, rows, |member| ids.contains(&member.cohort_id)).await
}

/// The highlights of posts by participants of `cohort` made since `since`, newest first.
pub async fn in_cohort_since(
    db: &impl ConnectionTrait,
    cohort: &cohort::Model,
    since: DateTime<Utc>,
) -> Result<Vec<Shown>, DbErr> {
    let rows = highlight::Entity::find()
        .filter(highlight::Column::CreatedAt.gte(since))
        .order_by_desc(highlight::Column::Id)
        .all(db)
        .await?;
    shown(db, rows, |member| member.cohort_id == cohort.id).await
}

async fn shown(
    db: &impl ConnectionTrait,
    rows: Vec<highlight::Model>,
    keep: impl Fn(&participant::Model) -> bool,
) -> Result<Vec<Shown>, DbErr> {
    let mut out = Vec::new();
    for row in rows {
        let Some((member, Some(author))) = participant::Entity::find_by_id(row.participant_id)
            .find_also_related(person::Entity)
            .one(db)
            .await?
        else {
            continue;
        };
        if !keep(&member) {
            continue;
        }
        let Some(post) = post::Entity::find_by_id(row.post_id).one(db).await? else {
            continue;
        };
        let by = match row.by_person_id {
            Some(id) => person::Entity::find_by_id(id)
                .one(db)
                .await?
                .map(|p| p.name),
            None => None,
        };
        out.push(Shown {
            cohort_id: member.cohort_id,
            highlight: row,
            post,
            author: author.name,
            by,
        });
    }
    Ok(out)
}

/// The notes of the highlighted posts among `posts`, by post id (for the river's mark).
pub async fn marks(
    db: &impl ConnectionTrait,
    posts: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, String>, DbErr> {
    Ok(highlight::Entity::find()
        .filter(highlight::Column::PostId.is_in(posts))
        .order_by_asc(highlight::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|h| (h.post_id, h.note))
        .collect())
}
