//! Which listed feed to read next: at most [`PER_HOST`] at a time from any one host, hosts
//! taken in turn, so a host with many blogs never holds up the others.

use std::collections::{HashMap, HashSet, VecDeque};

use url::Url;

use crate::entities::feed;

/// Feeds read at once from one host.
pub const PER_HOST: usize = 2;

/// The host a feed is read from (its address's host, or "" when it has none).
pub fn host_of(feed: &feed::Model) -> String {
    Url::parse(&feed.url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Feeds waiting to be read, by host, and how many each host is reading now.
#[derive(Default)]
pub struct Hosts {
    waiting: HashMap<String, VecDeque<feed::Model>>,
    reading: HashMap<String, usize>,
    /// Hosts with a feed waiting and room for one more read, in turn.
    ready: VecDeque<String>,
    in_ready: HashSet<String>,
    pending: usize,
}

impl Hosts {
    /// Feeds waiting.
    pub fn pending(&self) -> usize {
        self.pending
    }

    pub fn any_ready(&self) -> bool {
        !self.ready.is_empty()
    }

    pub fn push(&mut self, feed: feed::Model) {
        let host = host_of(&feed);
        self.waiting
            .entry(host.clone())
            .or_default()
            .push_back(feed);
        self.pending += 1;
        self.mark_ready(host);
    }

    fn mark_ready(&mut self, host: String) {
        let room = self.reading.get(&host).copied().unwrap_or(0) < PER_HOST;
        let waiting = self.waiting.get(&host).is_some_and(|w| !w.is_empty());
        if room && waiting && self.in_ready.insert(host.clone()) {
            self.ready.push_back(host);
        }
    }

    /// Up to `most` feeds to start reading now, each counted against its host.
    pub fn take(&mut self, most: usize) -> Vec<(String, feed::Model)> {
        let mut taken = Vec::new();
        while taken.len() < most {
            let Some(host) = self.ready.pop_front() else {
                break;
            };
            self.in_ready.remove(&host);
            let Some(feed) = self.waiting.get_mut(&host).and_then(VecDeque::pop_front) else {
                continue;
            };
            self.pending -= 1;
            *self.reading.entry(host.clone()).or_default() += 1;
            if self.waiting.get(&host).is_some_and(VecDeque::is_empty) {
                self.waiting.remove(&host);
            }
            self.mark_ready(host.clone());
            taken.push((host, feed));
        }
        taken
    }

    /// A read from `host` ended.
    pub fn done(&mut self, host: String) {
        if let Some(count) = self.reading.get_mut(&host) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                self.reading.remove(&host);
            }
        }
        self.mark_ready(host);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(id: i32, host: &str) -> feed::Model {
        feed::Model {
            id,
            url: format!("http://{host}/{id}/feed"),
            site_url: None,
            title: None,
            platform: None,
            status: feed::Status::Ok,
            etag: None,
            last_modified: None,
            body_hash: None,
            last_fetched_at: None,
            next_fetch_at: None,
            consecutive_errors: 0,
            last_error: None,
            failing_since: None,
            retry_after_until: None,
            disabled_reason: None,
            lease_owner: None,
            lease_until: None,
            previous_urls: "[]".into(),
            items_seen: None,
            items_unread: None,
            unread_reason: None,
            last_error_message: None,
            unread_reason_message: None,
            websub_hub: None,
            websub_topic: None,
            created_at: chrono::Utc::now(),
        }
    }

    #[test]
    fn two_at_a_time_per_host_and_hosts_in_turn() {
        let mut hosts = Hosts::default();
        for id in 0..5 {
            hosts.push(feed(id, "big.example"));
        }
        hosts.push(feed(10, "small.example"));
        let taken: Vec<i32> = hosts.take(10).iter().map(|(_, f)| f.id).collect();
        assert_eq!(taken, vec![0, 10, 1]);
        assert_eq!(hosts.pending(), 3);
        assert!(hosts.take(10).is_empty());
        hosts.done("big.example".into());
        let next: Vec<i32> = hosts.take(10).iter().map(|(_, f)| f.id).collect();
        assert_eq!(next, vec![2]);
        hosts.done("small.example".into());
        assert!(hosts.take(10).is_empty());
    }
}
