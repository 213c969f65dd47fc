//! Pages under load: a cohort of 1,000 participants x 20 posts (then 5,000), every page a
//! reader or coordinator opens daily, asked by 16 clients at once for 10 s each.

use chrono::Utc;
use twentythree::people;

use crate::report::{self, Row};
use crate::settings::Settings;
use crate::world::{self, Load, LoadResult};
use crate::{poll, scratch};

/// Who asks for a page.
#[derive(Clone, Copy)]
enum As {
    Anyone,
    Participant,
    Coordinator,
}

/// The pages, by name, with their address and who asks (`{person}` is a participant id).
const PAGES: &[(&str, &str, As)] = &[
    ("/healthz (baseline)", "/healthz", As::Anyone),
    ("river, first page", "/cohorts/bench/posts", As::Anyone),
    ("river, page 20", "/cohorts/bench/posts?page=20", As::Anyone),
    ("river, thing 7", "/cohorts/bench/posts?thing=7", As::Anyone),
    (
        "river, one person",
        "/cohorts/bench/posts?person={person}",
        As::Anyone,
    ),
    ("cohort page", "/cohorts/bench", As::Anyone),
    ("lesson page", "/lessons/7", As::Anyone),
    ("Atom", "/cohorts/bench/feed.atom", As::Anyone),
    ("JSON Feed", "/cohorts/bench/feed.json", As::Anyone),
    ("progress API", "/api/v1/cohorts/bench/progress", As::Anyone),
    ("/me", "/me", As::Participant),
    ("grid", "/coordinator/cohorts/bench", As::Coordinator),
    (
        "grid, stalled",
        "/coordinator/cohorts/bench?show=stalled",
        As::Coordinator,
    ),
    (
        "progress.csv",
        "/coordinator/cohorts/bench/progress.csv",
        As::Coordinator,
    ),
    (
        "reminders preview",
        "/coordinator/cohorts/bench/reminders",
        As::Coordinator,
    ),
];

async fn load(settings: &Settings, load: Load) -> LoadResult {
    let url = format!("http://{}:{}/_load", world::host_ip(1), settings.world_port);
    let answer = reqwest::Client::new()
        .post(url)
        .header("content-type", "application/json")
        .body(serde_json::to_vec(&load).unwrap())
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    serde_json::from_slice(&answer).unwrap()
}

pub async fn under_load(settings: &Settings) {
    poll::set_extra(settings, 0).await;
    let mut scratch = scratch::start(settings, false).await;
    if settings.keep {
        scratch._dir.disable_cleanup(true);
        eprintln!("keeping {}", scratch.state.config.database_url);
    }
    let state = &scratch.state;
    let cookie_name = twentythree::web::auth::cookie_name(&state.config.base_url);
    let email: people::Email = "coordinator@example.org".parse().unwrap();
    let (coordinator, _) = people::add_coordinator(&state.db, &email, "Coordinator", Utc::now())
        .await
        .unwrap();
    let session = twentythree::auth::create_session(&state.db, &coordinator, Utc::now())
        .await
        .unwrap();
    let coordinator = format!("{cookie_name}={session}");
    let mut enrolled = Vec::new();
    let mut sizes = settings.people.clone();
    sizes.sort_unstable();
    for size in sizes {
        let from = u32::try_from(enrolled.len()).unwrap_or(0);
        enrolled.extend(scratch::enrol(&state.db, &scratch.cohort, from..size, settings).await);
        let summary = state
            .poller
            .poll_now(None, Utc::now(), |_| {})
            .await
            .unwrap();
        eprintln!("{size} participants: {summary}");
        Row {
            rss_mb: report::rss_mb(),
            note: format!("peak {:.0} MB", report::peak_mb().unwrap_or_default()),
            ..Row::new(format!(
                "{size} people: server RSS after reading their feeds"
            ))
        }
        .emit();
        // What a running server's housekeeping does within the minute: the planner's
        // statistics follow the cohort's growth.
        twentythree::housekeeping::tick(&state.db, Utc::now())
            .await
            .unwrap();
        let (member, person) = &enrolled[enrolled.len() / 2];
        let session = twentythree::auth::create_session(&state.db, person, Utc::now())
            .await
            .unwrap();
        let participant = format!("{cookie_name}={session}");
        for (name, path, who) in PAGES {
            let path = path.replace("{person}", &member.id.to_string());
            let cookie = match who {
                As::Anyone => None,
                As::Participant => Some(participant.clone()),
                As::Coordinator => Some(coordinator.clone()),
            };
            let seen = load(
                settings,
                Load {
                    url: format!("http://{}{path}", scratch.address),
                    cookie,
                    clients: settings.clients,
                    seconds: settings.seconds,
                },
            )
            .await;
            Row {
                rate: Some(seen.per_second),
                p50_ms: Some(seen.p50_ms),
                p99_ms: Some(seen.p99_ms),
                max_ms: Some(seen.max_ms),
                note: match seen.errors {
                    0 => format!("{} KB", seen.bytes / seen.requests.max(1) / 1024),
                    n => format!("{n} errors: {}", seen.first_error.unwrap_or_default()),
                },
                ..Row::new(format!("{size} people: {name}"))
            }
            .emit();
        }
        memory(format!("{size} people: server RSS after the pages"));
    }
}

/// A row of the server's memory now, and its peak so far.
fn memory(what: String) {
    Row {
        rss_mb: report::rss_mb(),
        note: format!("peak {:.0} MB", report::peak_mb().unwrap_or_default()),
        ..Row::new(what)
    }
    .emit();
}
