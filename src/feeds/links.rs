//! Checking the external links of lessons, through the same guarded fetcher as feeds
//! (private addresses refused unless allowed, time limits, bounded redirects, a
//! User-Agent that names the product), politely: each address once, at most a few at a
//! time, and one at a time per host.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use tokio::sync::Semaphore;
use url::Url;

use super::fetch::{FetchError, Fetcher, Outcome, Request, Validators};
use crate::i18n::Text;

/// How many links are checked at once, and how many at once on one host.
const AT_ONCE: usize = 8;
const PER_HOST: usize = 1;

/// What became of one address.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", content = "detail", rename_all = "lowercase")]
pub enum Verdict {
    Live,
    /// It answers, from another address it redirected to.
    Moved(String),
    /// It does not answer with a page: why, in the reader's language (a report kept
    /// before that holds an English sentence).
    Dead(Text),
    /// It could not be told now (the site asked to come back later).
    Unsure(String),
}

impl Verdict {
    pub fn is_dead(&self) -> bool {
        matches!(self, Self::Dead(_))
    }
}

/// Checks every address once; answers in the order given.
pub async fn check(fetcher: &Fetcher, urls: &[Url]) -> Vec<Verdict> {
    let mut hosts: HashMap<String, Arc<Semaphore>> = HashMap::new();
    let unique: BTreeMap<&str, &Url> = urls.iter().map(|u| (u.as_str(), u)).collect();
    let jobs: Vec<(&Url, Arc<Semaphore>)> = unique
        .values()
        .map(|url| {
            let host = url.host_str().unwrap_or_default().to_owned();
            let gate = hosts
                .entry(host)
                .or_insert_with(|| Arc::new(Semaphore::new(PER_HOST)))
                .clone();
            (*url, gate)
        })
        .collect();
    let answers: HashMap<String, Verdict> = futures_util::stream::iter(jobs)
        .map(|(url, gate)| async move {
            let _turn = gate.acquire_owned().await;
            (url.as_str().to_owned(), check_one(fetcher, url).await)
        })
        .buffer_unordered(AT_ONCE)
        .collect()
        .await;
    urls.iter()
        .map(|u| {
            answers
                .get(u.as_str())
                .cloned()
                .unwrap_or_else(|| Verdict::Unsure("not checked".into()))
        })
        .collect()
}

async fn check_one(fetcher: &Fetcher, url: &Url) -> Verdict {
    let outcome = fetcher
        .fetch(Request {
            url,
            validators: &Validators::default(),
            follow_redirects: true,
        })
        .await;
    match outcome {
        Outcome::Fetched(page) if page.final_url != *url => {
            Verdict::Moved(page.final_url.to_string())
        }
        Outcome::Fetched(_) | Outcome::NotModified { .. } => Verdict::Live,
        Outcome::Gone => Verdict::Dead(Text::new("link-gone")),
        Outcome::RetryAfter(_) => Verdict::Unsure("the site asked to be asked later".into()),
        Outcome::Failed(FetchError::Status(code)) => {
            Verdict::Dead(Text::new("link-answers").with("code", code.to_string()))
        }
        Outcome::Failed(error) => Verdict::Dead(error.text()),
    }
}
