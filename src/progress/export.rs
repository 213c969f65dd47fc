//! Spreadsheets of progress: `progress.csv`, one row per participant with each lesson's
//! completion date. Every cell a spreadsheet could read as a formula is neutralised the
//! way OWASP recommends, since names and blog addresses are chosen by participants.

use std::borrow::Cow;

use sea_orm::ConnectionTrait;

use crate::entities::cohort;
use crate::lessons::Program;

/// A CSV cell that no spreadsheet runs: text starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return gets a leading apostrophe (the csv writer then quotes as needed).
pub fn cell(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Writes rows of cells as CSV, each cell made safe first.
pub fn write<I, R, S>(rows: I) -> Result<Vec<u8>, csv::Error>
where
    I: IntoIterator<Item = R>,
    R: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in rows {
        let cells: Vec<String> = row
            .into_iter()
            .map(|c| cell(c.as_ref()).into_owned())
            .collect();
        writer.write_record(&cells)?;
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

/// `cohort`'s progress as CSV: name, email, blog, a completion date per lesson, finished at.
pub async fn progress_csv(
    db: &impl ConnectionTrait,
    program: &Program,
    cohort: &cohort::Model,
) -> Result<Vec<u8>, anyhow::Error> {
    let rows = super::completion_dates(db, cohort).await?;
    let mut header = vec!["name".to_owned(), "email".to_owned(), "blog".to_owned()];
    header.extend(program.lessons.iter().map(|l| format!("thing{}", l.number)));
    header.push("finished_at".to_owned());
    let mut records = vec![header];
    for (person, dates) in rows {
        let mut record = vec![person.name, person.email, person.blog];
        record.extend(program.lessons.iter().map(|l| {
            dates
                .get(&l.number)
                .map(|d| d.date_naive().to_string())
                .unwrap_or_default()
        }));
        record.push(
            person
                .finished_at
                .map(|d| d.to_rfc3339())
                .unwrap_or_default(),
        );
        records.push(record);
    }
    Ok(write(records)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_the_rest_left_alone() {
        for bad in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+1+1",
            "-2",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert!(cell(bad).starts_with('\''), "{bad:?}");
        }
        for fine in ["Kim Lee", "https://kim.example.org", "2026-12-04", ""] {
            assert_eq!(cell(fine), fine);
        }
        let csv = String::from_utf8(write([["=1+1", "a,b"]]).unwrap()).unwrap();
        assert_eq!(csv, "'=1+1,\"a,b\"\n");
    }
}
