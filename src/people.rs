//! People: participants joining cohorts (one at a time or from CSV) and coordinators.
//! Addresses are parsed into types at the edge: `Email` and `BlogUrl`.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter,
};
use url::Url;

use crate::entities::{cohort, participant, person};

/// A valid email address, trimmed and in lower case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email(String);

impl FromStr for Email {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let normal = s.trim().to_lowercase();
        if normal.is_empty() {
            return Err("enter your email address".into());
        }
        match normal.parse::<lettre::Address>() {
            Ok(_) if normal.len() <= 254 => Ok(Self(normal)),
            _ => Err(format!("{:?} is not a valid email address", s.trim())),
        }
    }
}

impl Email {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A blog address: http or https, at most 2,048 characters; `https://` is added when a
/// person leaves the scheme out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlogUrl(Url);

pub const MAX_URL_LENGTH: usize = 2048;

impl FromStr for BlogUrl {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let trimmed = s.trim();
        if trimmed.is_empty() {
            return Err("the blog address is empty".into());
        }
        if trimmed.len() > MAX_URL_LENGTH {
            return Err(format!(
                "the blog address is longer than {MAX_URL_LENGTH} characters"
            ));
        }
        // "host:8080/blog" is a host and port, not a scheme.
        let host_and_port = trimmed.split_once(':').is_some_and(|(_, rest)| {
            let port: String = rest.chars().take_while(char::is_ascii_digit).collect();
            !port.is_empty() && rest[port.len()..].chars().next().is_none_or(|c| c == '/')
        });
        let candidate =
            if (Url::parse(trimmed).is_ok() || trimmed.contains("://")) && !host_and_port {
                trimmed.to_owned()
            } else {
                format!("https://{trimmed}")
            };
        let url =
            Url::parse(&candidate).map_err(|_| format!("{trimmed:?} is not a web address"))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(format!(
                "{trimmed:?} is not a web address: only http and https blogs can be read"
            ));
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err(format!("{trimmed:?} has no host name"));
        }
        if url.as_str().len() > MAX_URL_LENGTH {
            return Err(format!(
                "the blog address is longer than {MAX_URL_LENGTH} characters"
            ));
        }
        Ok(Self(url))
    }
}

impl BlogUrl {
    pub fn url(&self) -> &Url {
        &self.0
    }
}

impl fmt::Display for BlogUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str())
    }
}

/// A display name: trimmed, 1 to 100 characters, no control characters.
pub fn parse_name(s: &str) -> Result<String, String> {
    let name = s.trim();
    if name.is_empty() {
        return Err("the name is empty".into());
    }
    if name.chars().count() > 100 || name.chars().any(char::is_control) {
        return Err(format!(
            "{name:?} is not a usable name (at most 100 characters, no control characters)"
        ));
    }
    Ok(name.to_owned())
}

/// A participant to add, parsed.
#[derive(Clone, Debug)]
pub struct NewParticipant {
    pub name: String,
    pub email: Email,
    pub blog: BlogUrl,
}

impl NewParticipant {
    pub fn parse(name: &str, email: &str, blog: &str) -> Result<Self, String> {
        Ok(Self {
            name: parse_name(name)?,
            email: email.parse()?,
            blog: blog.parse()?,
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AddError {
    #[error("{0} is already in this cohort")]
    AlreadyIn(Email),
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
}

/// Adds a person to a cohort (creating the person when the address is new).
pub async fn add_participant(
    db: &impl ConnectionTrait,
    cohort: &cohort::Model,
    new: &NewParticipant,
    now: DateTime<Utc>,
) -> Result<participant::Model, AddError> {
    let person = find_or_create_person(db, &new.email, &new.name, "participant", now).await?;
    let existing = participant::Entity::find()
        .filter(participant::Column::CohortId.eq(cohort.id))
        .filter(participant::Column::PersonId.eq(person.id))
        .one(db)
        .await?;
    if existing.is_some() {
        return Err(AddError::AlreadyIn(new.email.clone()));
    }
    let row = participant::ActiveModel {
        cohort_id: Set(cohort.id),
        person_id: Set(person.id),
        blog_url: Set(new.blog.to_string()),
        feed_id: Set(None),
        joined_at: Set(now),
        ..Default::default()
    };
    row.insert(db).await.map_err(|e| match e.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
            AddError::AlreadyIn(new.email.clone())
        }
        _ => AddError::Db(e),
    })
}

/// Takes a participant out of their cohort again (a join that could not be completed).
pub async fn remove_participant(
    db: &impl ConnectionTrait,
    member: &participant::Model,
) -> Result<(), sea_orm::DbErr> {
    participant::Entity::delete_by_id(member.id)
        .exec(db)
        .await?;
    Ok(())
}

/// Makes the person with this address a coordinator, creating them when new. Returns the
/// person and whether they already existed.
pub async fn add_coordinator(
    db: &impl ConnectionTrait,
    email: &Email,
    name: &str,
    now: DateTime<Utc>,
) -> Result<(person::Model, bool), sea_orm::DbErr> {
    if let Some(existing) = find_person(db, email).await? {
        let mut row: person::ActiveModel = existing.into();
        row.role = Set("coordinator".into());
        return Ok((row.update(db).await?, true));
    }
    Ok((
        find_or_create_person(db, email, name, "coordinator", now).await?,
        false,
    ))
}

pub async fn find_person(
    db: &impl ConnectionTrait,
    email: &Email,
) -> Result<Option<person::Model>, sea_orm::DbErr> {
    person::Entity::find()
        .filter(person::Column::Email.eq(email.as_str()))
        .one(db)
        .await
}

async fn find_or_create_person(
    db: &impl ConnectionTrait,
    email: &Email,
    name: &str,
    role: &str,
    now: DateTime<Utc>,
) -> Result<person::Model, sea_orm::DbErr> {
    if let Some(existing) = find_person(db, email).await? {
        return Ok(existing);
    }
    person::ActiveModel {
        email: Set(email.to_string()),
        name: Set(name.to_owned()),
        role: Set(role.to_owned()),
        confirmed_at: Set(None),
        release_emails: Set(true),
        milestone_emails: Set(true),
        unsubscribe_token: Set(random_token()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// 32 random bytes as hex: for links that act on a person's behalf.
pub fn random_token() -> String {
    rand::random::<[u8; 32]>()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What happened to one CSV row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowOutcome {
    Added(String),
    AlreadyIn(String),
    Invalid(String),
}

/// The per-row report of an import; `rows[i]` is the outcome of data row `i + 1`
/// (the line number in the file is in `line`).
#[derive(Clone, Debug, Default)]
pub struct ImportReport {
    pub rows: Vec<(usize, RowOutcome)>,
    /// The participants the import added.
    pub members: Vec<participant::Model>,
}

impl ImportReport {
    pub fn has_errors(&self) -> bool {
        self.rows
            .iter()
            .any(|(_, o)| matches!(o, RowOutcome::Invalid(_)))
    }

    pub fn added(&self) -> usize {
        self.rows
            .iter()
            .filter(|(_, o)| matches!(o, RowOutcome::Added(_)))
            .count()
    }
}

/// Imports participants from CSV with columns name, email, blog (a header row naming them
/// is optional and may order them differently). A file with any bad row imports nothing;
/// people already in the cohort are reported and skipped.
pub async fn import_csv(
    db: &DatabaseConnection,
    cohort: &cohort::Model,
    data: &[u8],
    now: DateTime<Utc>,
) -> Result<ImportReport, sea_orm::DbErr> {
    let mut report = ImportReport::default();
    let mut parsed = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(data);
    let mut columns = [0usize, 1, 2];
    let mut seen = std::collections::HashSet::new();
    for (index, record) in reader.records().enumerate() {
        let line = record
            .as_ref()
            .ok()
            .and_then(|r| r.position())
            .map_or(index + 1, |p| p.line() as usize);
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                report
                    .rows
                    .push((line, RowOutcome::Invalid(format!("unreadable CSV: {e}"))));
                continue;
            }
        };
        if index == 0 {
            let names: Vec<String> = record.iter().map(str::to_lowercase).collect();
            let position = |name: &str| names.iter().position(|n| n == name);
            if let (Some(n), Some(e), Some(b)) =
                (position("name"), position("email"), position("blog"))
            {
                columns = [n, e, b];
                continue;
            }
        }
        if record.iter().all(str::is_empty) {
            continue;
        }
        let field = |i: usize| record.get(columns[i]);
        let (Some(name), Some(email), Some(blog)) = (field(0), field(1), field(2)) else {
            report.rows.push((
                line,
                RowOutcome::Invalid("missing columns: each row needs name, email and blog".into()),
            ));
            continue;
        };
        match NewParticipant::parse(name, email, blog) {
            Err(message) => report.rows.push((line, RowOutcome::Invalid(message))),
            Ok(new) if !seen.insert(new.email.clone().0) => report.rows.push((
                line,
                RowOutcome::Invalid(format!("{} appears twice in this file", new.email)),
            )),
            Ok(new) => parsed.push((line, new)),
        }
    }
    if report.has_errors() {
        report.rows.sort_by_key(|(line, _)| *line);
        return Ok(report);
    }
    let txn = crate::db::begin_write(db).await?;
    for (line, new) in parsed {
        let outcome = match add_participant(&txn, cohort, &new, now).await {
            Ok(member) => {
                report.members.push(member);
                RowOutcome::Added(new.email.to_string())
            }
            Err(AddError::AlreadyIn(email)) => RowOutcome::AlreadyIn(email.to_string()),
            Err(AddError::Db(e)) => return Err(e),
        };
        report.rows.push((line, outcome));
    }
    txn.commit().await?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised() {
        assert_eq!(
            "  Kim@Example.ORG ".parse::<Email>().unwrap().as_str(),
            "kim@example.org"
        );
        for bad in ["", "kim", "kim@", "@example.org", "kim example@x.org"] {
            assert!(bad.parse::<Email>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn blog_addresses_are_http_or_https() {
        assert_eq!(
            "kim.example.org".parse::<BlogUrl>().unwrap().to_string(),
            "https://kim.example.org/"
        );
        assert_eq!(
            "http://kim.example.org/blog"
                .parse::<BlogUrl>()
                .unwrap()
                .to_string(),
            "http://kim.example.org/blog"
        );
        assert_eq!(
            "localhost:8080/blog"
                .parse::<BlogUrl>()
                .unwrap()
                .to_string(),
            "https://localhost:8080/blog"
        );
        for bad in [
            "ftp://kim.example.org",
            "javascript:alert(1)",
            "mailto:kim@example.org",
            "file:///etc/passwd",
            "",
            "https://",
        ] {
            assert!(bad.parse::<BlogUrl>().is_err(), "{bad:?}");
        }
        let long = format!("https://example.org/{}", "a".repeat(2048));
        assert!(long.parse::<BlogUrl>().unwrap_err().contains("2048"));
    }
}
