//! The lesson link checker: every external link of a program's lesson files, with its
//! file and line, checked through the feeds' guarded fetcher; the last report of each
//! program is kept for the cockpit.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};
use serde::{Deserialize, Serialize};
use url::Url;

use super::{Program, lesson_files};
use crate::entities::link_report;
use crate::feeds::fetch::Fetcher;
use crate::feeds::links::{self, Verdict};

/// One external link in a lesson, and what became of it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Link {
    /// The lesson file's name.
    pub file: String,
    pub line: usize,
    pub url: String,
    pub verdict: Verdict,
}

/// A program's links as last checked.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Report {
    pub program: String,
    pub checked_at: DateTime<Utc>,
    pub links: Vec<Link>,
}

impl Report {
    pub fn dead(&self) -> impl Iterator<Item = &Link> {
        self.links.iter().filter(|l| l.verdict.is_dead())
    }
}

/// Every `http(s)://` address in `text`, with its line (from 1).
pub fn external_links(text: &str) -> Vec<(usize, Url)> {
    let mut found = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(start) = ["https://", "http://"]
            .iter()
            .filter_map(|scheme| rest.find(scheme))
            .min()
        {
            let candidate: String = rest[start..]
                .chars()
                .take_while(|c| {
                    !c.is_whitespace() && !matches!(c, ')' | '>' | '"' | '\'' | ']' | '<' | '`')
                })
                .collect();
            rest = &rest[start + candidate.len().max(1)..];
            let trimmed = candidate.trim_end_matches(['.', ',', ';', ':', '!', '?']);
            if let Ok(url) = Url::parse(trimmed) {
                found.push((i + 1, url));
            }
        }
    }
    found
}

/// Checks every external link of `program`'s lesson files.
pub async fn check(
    fetcher: &Fetcher,
    program: &Program,
    now: DateTime<Utc>,
) -> anyhow::Result<Report> {
    let mut found = Vec::new();
    for path in lesson_files(&program.dir)? {
        let text = std::fs::read_to_string(&path)?;
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        found.extend(
            external_links(&text)
                .into_iter()
                .map(|(line, url)| (file.clone(), line, url)),
        );
    }
    let urls: Vec<Url> = found.iter().map(|(_, _, url)| url.clone()).collect();
    let verdicts = links::check(fetcher, &urls).await;
    Ok(Report {
        program: program.slug().to_owned(),
        checked_at: now,
        links: found
            .into_iter()
            .zip(verdicts)
            .map(|((file, line, url), verdict)| Link {
                file,
                line,
                url: url.to_string(),
                verdict,
            })
            .collect(),
    })
}

/// Keeps `report` as its program's latest.
pub async fn record(db: &impl ConnectionTrait, report: &Report) -> Result<(), sea_orm::DbErr> {
    link_report::Entity::insert(link_report::ActiveModel {
        program: Set(report.program.clone()),
        checked_at: Set(report.checked_at),
        links: Set(i32::try_from(report.links.len()).unwrap_or(i32::MAX)),
        dead: Set(i32::try_from(report.dead().count()).unwrap_or(i32::MAX)),
        report: Set(serde_json::to_string(report).unwrap_or_else(|_| "{}".into())),
        ..Default::default()
    })
    .exec_without_returning(db)
    .await?;
    // Only the latest report of each program is kept.
    link_report::Entity::delete_many()
        .filter(link_report::Column::Program.eq(report.program.as_str()))
        .filter(link_report::Column::CheckedAt.lt(report.checked_at))
        .exec(db)
        .await?;
    Ok(())
}

/// The latest report of every program that was checked, newest first.
pub async fn latest(db: &impl ConnectionTrait) -> Result<Vec<Report>, sea_orm::DbErr> {
    Ok(link_report::Entity::find()
        .order_by_desc(link_report::Column::CheckedAt)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|row| serde_json::from_str(&row.report).ok())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_links_in_markdown_with_their_lines() {
        let text = "+++\nnumber = 1\n+++\nSee [the guide](https://example.org/guide).\n\
                    Also <http://example.net/a?b=c>, and https://example.com/x.\nNot ftp://x or /lessons/2.\n";
        let found: Vec<(usize, String)> = external_links(text)
            .into_iter()
            .map(|(line, url)| (line, url.to_string()))
            .collect();
        assert_eq!(
            found,
            vec![
                (4, "https://example.org/guide".to_owned()),
                (5, "http://example.net/a?b=c".to_owned()),
                (5, "https://example.com/x".to_owned()),
            ]
        );
    }
}
