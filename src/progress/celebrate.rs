//! The celebration emails of finishing, and the halfway note: rendered and put in the
//! outbox inside the caller's transaction, each under a dedupe key so it exists once.

use chrono::{DateTime, Utc};
use minijinja::context;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};

use super::completions::Rules;
use crate::entities::{cohort, participant, person, post};
use crate::i18n;
use crate::links::Links;
use crate::mail::{self, Email, Kind, render};

async fn member_and_person(
    db: &impl ConnectionTrait,
    participant_id: i32,
) -> Result<Option<(participant::Model, person::Model)>, DbErr> {
    Ok(participant::Entity::find_by_id(participant_id)
        .find_also_related(person::Entity)
        .one(db)
        .await?
        .and_then(|(m, p)| Some((m, p?))))
}

/// How many posts the finisher wrote in the cohort's time, and the titles of the first and
/// the last.
async fn post_span(
    db: &impl ConnectionTrait,
    member: &participant::Model,
    cohort: &cohort::Model,
) -> Result<(u64, Option<String>, Option<String>), DbErr> {
    let Some(feed_id) = member.feed_id else {
        return Ok((0, None, None));
    };
    let query = || {
        post::Entity::find()
            .filter(post::Column::FeedId.eq(feed_id))
            .filter(post::Column::PublishedAt.gte(crate::cohorts::archive_cutoff(cohort)))
    };
    let count = query().count(db).await?;
    let first = query()
        .order_by_asc(post::Column::PublishedAt)
        .one(db)
        .await?;
    let last = query()
        .order_by_desc(post::Column::PublishedAt)
        .one(db)
        .await?;
    Ok((count, first.map(|p| p.title), last.map(|p| p.title)))
}

/// Enqueues the finisher's celebration, a note to each coordinator and, where the cohort
/// wants it, a note to every other member.
pub async fn finished(
    db: &impl ConnectionTrait,
    rules: Rules<'_>,
    participant_id: i32,
    cohort: &cohort::Model,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let Some((member, person)) = member_and_person(db, participant_id).await? else {
        return Ok(());
    };
    let personal = celebration(db, rules, cohort, &member, &person).await?;
    mail::enqueue(db, personal, now).await?;
    let in_cohort =
        || participant::Entity::find().filter(participant::Column::CohortId.eq(cohort.id));
    let participants = in_cohort().count(db).await?;
    let finishers = in_cohort()
        .filter(participant::Column::FinishedAt.is_not_null())
        .count(db)
        .await?;
    let note = Note {
        rules,
        cohort,
        member: &member,
        finisher: &person,
        counts: (finishers, participants),
    };
    let coordinators = person::Entity::find()
        .filter(person::Column::Role.eq(person::Role::Coordinator))
        .all(db)
        .await?;
    for coordinator in coordinators {
        let key = format!("celebrate:{}:coordinator:{}", member.id, coordinator.id);
        mail::enqueue(db, note.to(&coordinator, key, true)?, now).await?;
    }
    if !cohort.celebrate_cohort {
        return Ok(());
    }
    let others = in_cohort()
        .filter(participant::Column::Id.ne(member.id))
        .find_also_related(person::Entity)
        .all(db)
        .await?;
    for (other, other_person) in others {
        if let Some(other_person) = other_person {
            let key = format!("celebrate:{}:member:{}", member.id, other.id);
            mail::enqueue(db, note.to(&other_person, key, false)?, now).await?;
        }
    }
    Ok(())
}

/// The finisher's own celebration, in their language: their posts, the wall, the
/// certificate and the badge.
async fn celebration(
    db: &impl ConnectionTrait,
    rules: Rules<'_>,
    cohort: &cohort::Model,
    member: &participant::Model,
    person: &person::Model,
) -> Result<Email, DbErr> {
    let links = Links::new(rules.base_url);
    let (posts, first_post, last_post) = post_span(db, member, cohort).await?;
    let badge =
        crate::badges::share::offer(db, rules.base_url, rules.program, cohort, member.id).await?;
    let context = context! {
        name => person.name.clone(), cohort => cohort.name.clone(),
        done => rules.program.required_count(), posts, first_post, last_post,
        wall_url => links.wall(&cohort.slug),
        certificate_url => links.certificate(&cohort.slug, member.id),
        badge => minijinja::Value::from(minijinja::value::Serde(&badge)),
    };
    let key = format!("celebrate:{}", member.id);
    let language = i18n::for_recipient(person.language.as_deref(), &rules.program.info.language);
    let subject = i18n::message(
        language,
        "celebration-subject",
        &[("cohort", cohort.name.as_str().into())],
    );
    render::Message::new(Kind::Celebration, "celebration", &person.email, key)
        .subject(subject)
        .language(language)
        .context(context)
        .render()
}

/// The note about a finisher to coordinators and classmates.
struct Note<'a> {
    rules: Rules<'a>,
    cohort: &'a cohort::Model,
    member: &'a participant::Model,
    finisher: &'a person::Model,
    /// Finishers and participants of the cohort, now.
    counts: (u64, u64),
}

impl Note<'_> {
    /// The note to `to`, in their own language; a coordinator's is part of the job, a
    /// classmate's is routine mail they can stop.
    fn to(&self, to: &person::Model, key: String, for_coordinator: bool) -> Result<Email, DbErr> {
        let Note {
            rules,
            cohort,
            member,
            finisher,
            counts: (finishers, participants),
        } = self;
        let links = Links::new(rules.base_url);
        let language = i18n::for_recipient(to.language.as_deref(), &rules.program.info.language);
        // The finisher's name is their own choice: it goes in the message, escaped, never
        // in a subject line sent to other people's inboxes.
        let subject = i18n::message(
            language,
            "celebration-note-subject",
            &[("cohort", cohort.name.as_str().into())],
        );
        // The date as ISO, for the template to write in the recipient's language.
        let context = context! {
            finisher => finisher.name.clone(), cohort => cohort.name.clone(),
            done => rules.program.required_count(), joined => member.joined_at.date_naive().to_string(),
            blog => member.blog_url.clone(), wall_url => links.wall(&cohort.slug), for_coordinator,
            finishers, participants,
        };
        let message = render::Message::new(Kind::Celebration, "celebration-note", &to.email, key)
            .subject(subject)
            .language(language)
            .context(context);
        if for_coordinator {
            message.render()
        } else {
            message.unsubscribe(&to.unsubscribe_token, &links).render()
        }
    }
}

/// Enqueues the halfway note once, unless the person turned milestone notes off.
pub async fn halfway(
    db: &impl ConnectionTrait,
    rules: Rules<'_>,
    participant_id: i32,
    cohort: &cohort::Model,
    done: usize,
    required: usize,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let Some((member, person)) = member_and_person(db, participant_id).await? else {
        return Ok(());
    };
    if !person.milestone_emails || member.finished_at.is_some() {
        return Ok(());
    }
    let links = Links::new(rules.base_url);
    let context = context! {
        name => person.name.clone(), done, required, cohort => cohort.name.clone(), me_url => links.me(),
    };
    let key = format!("milestone:{}:half", member.id);
    let language = i18n::for_recipient(person.language.as_deref(), &rules.program.info.language);
    let subject = i18n::message(
        language,
        "milestone-subject",
        &[("cohort", cohort.name.as_str().into())],
    );
    let email = render::Message::new(Kind::Milestone, "milestone", &person.email, key)
        .subject(subject)
        .language(language)
        .context(context)
        .unsubscribe(&person.unsubscribe_token, &links)
        .render()?;
    mail::enqueue(db, email, now).await?;
    Ok(())
}
