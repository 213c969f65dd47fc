//! The weekly letter and the mentor's weekly note.
//!
//! The letter is the release email grown up: this week's lessons, the reader's own progress
//! in a line, their partner's latest post, up to [`PEER_POSTS`] posts from the cohort in
//! the past week (highlights first, then posts about this week's things, never the reader's
//! own) and the peers' posts still waiting for a first comment where their feed says so.
//! When the reader has done this week's lessons and there is nothing else to say, there is
//! no letter. The mentor's note lists mentees who are stalled or have a post worth a comment.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Datelike, Duration, Utc};
use minijinja::{Value, context};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use serde::Serialize;
use url::Url;

use super::{glance::glance, highlights, mentors, partners};
use crate::entities::{cohort, mentorship, participant, person, post};
use crate::feeds::river::{self, Filter, RiverPost};
use crate::i18n;
use crate::lessons::{Program, Programs};
use crate::links::Links;
use crate::mail::{Email, Kind, render};
use crate::progress::grid;

/// The most peer posts a letter shows.
pub const PEER_POSTS: usize = 8;
/// The most posts waiting for a first comment a letter shows.
pub const WAITING_POSTS: usize = 5;
/// How far back "this week" reaches.
pub const WEEK: Duration = Duration::days(7);
/// How many of the cohort's newest posts the letter chooses from.
const LOOK_AT: u64 = 200;
/// Excerpts and titles are cut to keep the letter small (mail clients clip past 100 KB).
const EXCERPT_CHARS: usize = 280;
const TITLE_CHARS: usize = 140;

fn cut(text: &str, most: usize) -> String {
    if text.chars().count() <= most {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(most).collect();
    cut.push('…');
    cut
}

#[derive(Serialize)]
struct PeerPost {
    author: String,
    title: String,
    excerpt: String,
    link: String,
    things: Vec<i32>,
    /// Why it was highlighted, for a highlighted post.
    note: Option<String>,
}

fn peer_post(links: &Links, slug: &str, p: &RiverPost, note: Option<String>) -> PeerPost {
    let link = p
        .link
        .clone()
        .unwrap_or_else(|| links.to(&format!("/cohorts/{slug}/people/{}", p.participant_id)));
    PeerPost {
        author: p.author.clone(),
        title: cut(&p.title, TITLE_CHARS),
        excerpt: cut(&p.excerpt, EXCERPT_CHARS),
        link,
        things: p.things.clone(),
        note,
    }
}

/// The week a letter is about, as the release schedule computed it.
pub struct Week<'a> {
    pub number: i32,
    /// When it opened and when the next one opens, in the reader's zone, as RFC 3339 and
    /// the zone's abbreviation (`2026-12-07T09:00:00+01:00 CET`): the letter writes them in
    /// the reader's language.
    pub opened: String,
    pub next: Option<String>,
    pub calendar: String,
    pub program: &'a Program,
    pub base_url: &'a Url,
}

/// The newest posts of each cohort, read once per round of letters rather than once per
/// reader.
#[derive(Default)]
pub struct Recent(HashMap<i32, Vec<RiverPost>>);

impl Recent {
    async fn of(
        &mut self,
        db: &impl ConnectionTrait,
        cohort: &cohort::Model,
    ) -> Result<&[RiverPost], DbErr> {
        if let std::collections::hash_map::Entry::Vacant(slot) = self.0.entry(cohort.id) {
            let posts = river::page(db, cohort, Filter::default(), 1, LOOK_AT)
                .await?
                .posts;
            slot.insert(posts);
        }
        Ok(&self.0[&cohort.id])
    }
}

/// The letter to `member` for `week`, or `None` when it would say nothing new (or was
/// queued already).
pub async fn compose(
    db: &impl ConnectionTrait,
    (week, recent): (&Week<'_>, &mut Recent),
    cohort: &cohort::Model,
    (member, reader): (&participant::Model, &person::Model),
    now: DateTime<Utc>,
) -> Result<Option<Email>, DbErr> {
    let links = Links::new(week.base_url);
    let this_week: Vec<i32> = week
        .program
        .in_week(week.number)
        .map(|l| l.number)
        .collect();
    let key = format!("release:{}:{}:{}", cohort.id, week.number, member.id);
    if this_week.is_empty() || crate::mail::queued(db, &key).await? {
        return Ok(None);
    }
    let completed = crate::progress::completed(db, member).await?;
    let lessons: Vec<Value> = week
        .program
        .in_week(week.number)
        .map(|l| {
            context! {
                number => l.number, title => l.title.clone(), minutes => l.minutes,
                url => links.lesson(week.program, l.number), done => completed.contains(&l.number),
            }
        })
        .collect();
    let own = glance(db, week.program, cohort, member, reader).await?;
    let partner = partner_view(db, week, cohort, member, &links).await?;
    let recent = recent.of(db, cohort).await?;
    let peers: Vec<&RiverPost> = recent
        .iter()
        .filter(|p| p.participant_id != member.id && p.published_at <= now)
        .collect();
    let chosen = peer_posts(db, week, cohort, member, &peers, &this_week, now).await?;
    let waiting = waiting_posts(db, &links, cohort, &peers, now).await?;
    let all_done = this_week.iter().all(|n| completed.contains(n));
    let has_partner_post = partner
        .as_ref()
        .is_some_and(|p| p.get_attr("latest").is_ok_and(|latest| !latest.is_none()));
    if all_done && chosen.is_empty() && waiting.is_empty() && !has_partner_post {
        return Ok(None);
    }
    let context = context! {
        name => reader.name.clone(), week => week.number, cohort => cohort.name.clone(),
        lessons, opened => week.opened.clone(), next => week.next.clone(),
        calendar => week.calendar.clone(),
        progress => context! { done => own.done, required => own.required, finished => own.finished },
        partner,
        posts => Value::from(minijinja::value::Serde(&chosen)),
        waiting => Value::from(minijinja::value::Serde(&waiting)),
        river => links.to(&format!("/cohorts/{}/posts", cohort.slug)),
        word => week.program.word(),
    };
    // In the reader's language: theirs if they chose one, else the program's.
    let language = i18n::for_recipient(reader.language.as_deref(), &week.program.info.language);
    let subject = i18n::message(
        language,
        "release-subject",
        &[
            ("week", week.number.into()),
            ("cohort", cohort.name.as_str().into()),
        ],
    );
    let email = render::Message::new(Kind::Release, "release", &reader.email, key)
        .subject(subject)
        .language(language)
        .context(context)
        .unsubscribe(&reader.unsubscribe_token, &links)
        .render()?;
    Ok(Some(email))
}

/// The learning partner, if any: their progress and latest post.
async fn partner_view(
    db: &impl ConnectionTrait,
    week: &Week<'_>,
    cohort: &cohort::Model,
    member: &participant::Model,
    links: &Links,
) -> Result<Option<Value>, DbErr> {
    let (partners::Partner::With(other, person) | partners::Partner::Finished(other, person)) =
        partners::partner(db, member).await?
    else {
        return Ok(None);
    };
    let g = glance(db, week.program, cohort, &other, &person).await?;
    Ok(Some(context! {
        name => g.name, done => g.done,
        latest => g.latest.map(|p| context! {
            title => cut(&p.title, TITLE_CHARS),
            link => p.link.unwrap_or_else(|| links.to(&format!("/cohorts/{}/people/{}", cohort.slug, other.id))),
        }),
    }))
}

/// Classmates' posts worth reading: this week's highlights first, then this week's posts
/// about this week's lessons, then the others; at most [`PEER_POSTS`].
async fn peer_posts(
    db: &impl ConnectionTrait,
    week: &Week<'_>,
    cohort: &cohort::Model,
    member: &participant::Model,
    peers: &[&RiverPost],
    this_week: &[i32],
    now: DateTime<Utc>,
) -> Result<Vec<PeerPost>, DbErr> {
    let links = Links::new(week.base_url);
    let since = now - WEEK;
    let notes: HashMap<i32, String> = highlights::marks(db, peers.iter().map(|p| p.id)).await?;
    let mut chosen: Vec<PeerPost> = Vec::new();
    let mut taken: HashSet<i32> = HashSet::new();
    // Highlights first: made this week, or of a post from this week.
    for shown in highlights::in_cohort_since(db, cohort, since).await? {
        if shown.highlight.participant_id == member.id || !taken.insert(shown.post.id) {
            continue;
        }
        let as_river = peers.iter().find(|p| p.id == shown.post.id);
        chosen.push(match as_river {
            Some(p) => peer_post(&links, &cohort.slug, p, Some(shown.highlight.note.clone())),
            None => {
                PeerPost {
                    author: shown.author.clone(),
                    title: cut(&shown.post.title, TITLE_CHARS),
                    excerpt: cut(&shown.post.excerpt, EXCERPT_CHARS),
                    link: shown.post.link.clone().unwrap_or_else(|| {
                        links.lesson(week.program, shown.highlight.lesson_number)
                    }),
                    things: vec![shown.highlight.lesson_number],
                    note: Some(shown.highlight.note.clone()),
                }
            }
        });
    }
    let this_weeks = peers.iter().filter(|p| p.published_at >= since);
    let (about_now, others): (Vec<&&RiverPost>, Vec<&&RiverPost>) =
        this_weeks.partition(|p| p.things.iter().any(|t| this_week.contains(t)));
    for p in about_now.into_iter().chain(others) {
        if taken.insert(p.id) {
            let note = notes.get(&p.id).cloned();
            chosen.push(peer_post(&links, &cohort.slug, p, note));
        }
    }
    chosen.truncate(PEER_POSTS);
    Ok(chosen)
}

/// Classmates' posts of the past two weeks that nobody has commented on yet.
async fn waiting_posts(
    db: &impl ConnectionTrait,
    links: &Links,
    cohort: &cohort::Model,
    peers: &[&RiverPost],
    now: DateTime<Utc>,
) -> Result<Vec<PeerPost>, DbErr> {
    let counts: HashMap<i32, Option<i32>> = post::Entity::find()
        .filter(post::Column::Id.is_in(peers.iter().map(|p| p.id)))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.comment_count))
        .collect();
    Ok(peers
        .iter()
        .filter(|p| p.published_at >= now - WEEK * 2)
        .filter(|p| counts.get(&p.id) == Some(&Some(0)))
        .take(WAITING_POSTS)
        .map(|p| peer_post(links, &cohort.slug, p, None))
        .collect())
}

/// A mentee's posts of the past week that nobody has commented on (or whose comments the
/// feed does not count), for their mentor's note.
async fn worth_a_comment(
    db: &impl ConnectionTrait,
    links: &Links,
    cohort: &cohort::Model,
    member: &participant::Model,
    now: DateTime<Utc>,
) -> Result<Vec<Value>, DbErr> {
    let filter = Filter {
        thing: None,
        participant: Some(member.id),
    };
    let posts = river::page(db, cohort, filter, 1, 10).await?.posts;
    let counts: HashMap<i32, Option<i32>> = post::Entity::find()
        .filter(post::Column::Id.is_in(posts.iter().map(|p| p.id)))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.comment_count))
        .collect();
    Ok(posts
        .iter()
        .filter(|p| p.published_at >= now - WEEK && p.published_at <= now)
        .filter(|p| matches!(counts.get(&p.id), Some(None | Some(0))))
        .map(|p| {
            context! {
                title => cut(&p.title, TITLE_CHARS),
                link => p.link.clone().unwrap_or_else(|| links.to(&format!("/cohorts/{}/people/{}", cohort.slug, member.id))),
                uncommented => counts.get(&p.id) == Some(&Some(0)),
            }
        })
        .collect())
}

/// The weekly notes due to mentors at `now` (one per mentor and ISO week, only when a
/// mentee is stalled or has a post from the past week that nobody has commented on yet).
pub async fn mentor_notes(
    db: &impl ConnectionTrait,
    programs: &Programs,
    base_url: &Url,
    now: DateTime<Utc>,
) -> Result<Vec<Email>, DbErr> {
    let links = Links::new(base_url);
    let mentor_ids: HashSet<i32> = mentorship::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.mentor_id)
        .collect();
    let iso = now.iso_week();
    let mut rows_of: HashMap<i32, Vec<grid::Row>> = HashMap::new();
    let mut notes = Vec::new();
    for mentor_id in mentor_ids {
        let Some(mentor) = person::Entity::find_by_id(mentor_id).one(db).await? else {
            continue;
        };
        let key = format!("mentor-note:{mentor_id}:{}-W{:02}", iso.year(), iso.week());
        if !mentor.release_emails || crate::mail::queued(db, &key).await? {
            continue;
        }
        let mut lines: Vec<Value> = Vec::new();
        // The mentor's language: theirs if they chose one, else their mentees' program's.
        let mut program_language: Option<&str> = None;
        for (member, cohort) in mentors::mentees(db, mentor_id).await? {
            program_language.get_or_insert(&programs.of(&cohort).info.language);
            if let std::collections::hash_map::Entry::Vacant(slot) = rows_of.entry(cohort.id) {
                slot.insert(grid::rows(db, programs.of(&cohort), &cohort, now).await?);
            }
            let Some(row) = rows_of[&cohort.id].iter().find(|r| r.id == member.id) else {
                continue;
            };
            let worth = worth_a_comment(db, &links, &cohort, &member, now).await?;
            if row.stalled || !worth.is_empty() {
                lines.push(context! {
                    name => row.name.clone(), cohort => cohort.name.clone(), stalled => row.stalled,
                    done => row.done, required => programs.of(&cohort).required_count(), posts => worth,
                });
            }
        }
        if lines.is_empty() {
            continue;
        }
        let context = context! {
            name => mentor.name.clone(), mentees => lines,
            stalled_after => grid::STALLED_AFTER.num_days(), page => links.to("/mentor"),
        };
        let language = i18n::negotiate(mentor.language.as_deref(), program_language, None);
        let email = render::Message::new(Kind::MentorNote, "mentor-note", &mentor.email, key)
            .subject(i18n::message(language, "mentor-note-subject", &[]))
            .language(language)
            .context(context)
            .unsubscribe(&mentor.unsubscribe_token, &links)
            .render()?;
        notes.push(email);
    }
    Ok(notes)
}
