//! Participants from CSV (`name,email,blog`): every row checked first, any bad row imports
//! nothing, people already in the cohort skipped; the same rules for the CLI and the cockpit.

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

use super::{AddError, NewParticipant, add_participant};
use crate::entities::{cohort, participant};
use crate::i18n::Text;

/// What happened to one CSV row.
#[derive(Clone, Debug, PartialEq)]
pub enum RowOutcome {
    Added(String),
    AlreadyIn(String),
    /// What is wrong with the row, in any language (`Display` is the English).
    Invalid(Text),
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
    let (parsed, mut report) = read_rows(data);
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

/// The file's rows checked, each with its line; the report holds the bad ones.
fn read_rows(data: &[u8]) -> (Vec<(usize, NewParticipant)>, ImportReport) {
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
                report.rows.push((
                    line,
                    RowOutcome::Invalid(
                        Text::new("import-unreadable").with("problem", e.to_string()),
                    ),
                ));
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
                RowOutcome::Invalid(Text::new("import-missing-columns")),
            ));
            continue;
        };
        match NewParticipant::check(name, email, blog) {
            Err(message) => report.rows.push((line, RowOutcome::Invalid(message))),
            Ok(new) if !seen.insert(new.email.to_string()) => report.rows.push((
                line,
                RowOutcome::Invalid(Text::new("import-twice").with("email", new.email.to_string())),
            )),
            Ok(new) => parsed.push((line, new)),
        }
    }
    (parsed, report)
}
