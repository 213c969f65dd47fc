//! Every input the fuzzers ever crashed on (`tests/fuzz-regressions/<target>/`), run
//! through the same entry points as the fuzz targets: CI runs these, not the fuzzer.

use std::path::Path;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.file_name().is_some_and(|n| n != ".gitkeep"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| (path.display().to_string(), std::fs::read(&path).unwrap()))
        .collect()
}

#[test]
fn saved_ingest_inputs_no_longer_crash() {
    let program = twentythree::lessons::load_dir(&crate::helpers::lessons_dir()).unwrap();
    for (name, data) in inputs("ingest") {
        eprintln!("{name}");
        twentythree::fuzz::ingest(&data, &program);
    }
}

#[test]
fn saved_discover_page_inputs_no_longer_crash() {
    for (name, data) in inputs("discover_page") {
        eprintln!("{name}");
        twentythree::fuzz::discover_page(&data);
    }
}

/// Inputs that still panic inside feed-rs (an author's name sliced mid-character in its
/// `parser/util`): the parser's panic guard turns them into an error on that feed.
#[tokio::test]
async fn panics_left_in_feed_rs_become_an_error_on_the_feed() {
    let feed_url = url::Url::parse("https://blog.example.org/feed/").unwrap();
    for (name, data) in inputs("contained") {
        let body = bytes::Bytes::copy_from_slice(data.get(1..).unwrap_or_default());
        let parsed = twentythree::feeds::parse::parse_async(
            body,
            None,
            feed_url.clone(),
            chrono::Utc::now(),
        )
        .await;
        assert!(
            matches!(parsed, Err(twentythree::feeds::parse::ParseError::Crashed)),
            "{name}: {parsed:?}"
        );
    }
}
