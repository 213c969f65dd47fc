//! The command line, run as the real binary: every bad input exits non-zero with one
//! clear line and changes nothing.

use std::path::Path;

use crate::helpers::{binary, run_cli_in, stderr, stdout};

struct Cli {
    dir: tempfile::TempDir,
    database_url: String,
}

impl Cli {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let database_url = crate::helpers::fresh_database_url(dir.path());
        Self { dir, database_url }
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        run_cli_in(self.dir.path(), &self.database_url, args)
    }

    fn ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert!(
            output.status.success(),
            "{args:?} failed: {}",
            stderr(&output)
        );
        stdout(&output)
    }

    /// Runs a command that must fail, and returns its one-line message.
    fn refused(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert!(
            !output.status.success(),
            "{args:?} should fail but printed {}",
            stdout(&output)
        );
        let message = stderr(&output);
        assert!(!message.trim().is_empty(), "{args:?} failed silently");
        message
    }

    fn write(&self, name: &str, text: &str) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    }
}

#[test]
fn migrate_creates_the_database() {
    let cli = Cli::new();
    assert!(cli.ok(&["migrate"]).contains("up to date"));
    if cli.database_url.starts_with("sqlite:") {
        assert!(cli.dir.path().join("test.db").exists());
    }
    assert!(cli.ok(&["cohort", "list"]).contains("No cohorts yet"));
}

#[test]
fn cohort_create_refuses_bad_input_and_changes_nothing() {
    let cli = Cli::new();
    let created = cli.ok(&[
        "cohort",
        "create",
        "--slug",
        "spring-2027",
        "--name",
        "Spring 2027",
        "--starts",
        "2027-03-01",
        "--timezone",
        "Europe/Berlin",
    ]);
    assert!(created.contains("spring-2027"), "{created}");
    // 2027-03-01 is a Monday: the confirmation names the weekday in plain words.
    assert!(
        created.contains("lessons open on Mondays at 09:00 (Europe/Berlin)"),
        "{created}"
    );
    let before = cli.ok(&["cohort", "list"]);

    let cases: &[(&[&str], &str)] = &[
        (
            &["--slug", "other", "--name", "X", "--starts", "2027-02-30"],
            "YYYY-MM-DD",
        ),
        (
            &["--slug", "other", "--name", "X", "--starts", "tomorrow"],
            "YYYY-MM-DD",
        ),
        (
            &[
                "--slug",
                "other",
                "--name",
                "X",
                "--starts",
                "2027-03-01",
                "--timezone",
                "Mars/Olympus",
            ],
            "time zone",
        ),
        (
            &[
                "--slug",
                "spring-2027",
                "--name",
                "Again",
                "--starts",
                "2027-03-01",
            ],
            "already exists",
        ),
        (
            &[
                "--slug",
                "Bad Slug",
                "--name",
                "X",
                "--starts",
                "2027-03-01",
            ],
            "slug",
        ),
        (
            &["--slug", "other", "--name", "  ", "--starts", "2027-03-01"],
            "name",
        ),
        (
            &[
                "--slug",
                "other",
                "--name",
                "X",
                "--starts",
                "2027-03-01",
                "--pace",
                "fast",
            ],
            "fast",
        ),
        (
            &[
                "--slug",
                "other",
                "--name",
                "X",
                "--starts",
                "2027-03-01",
                "--ends",
                "2027-01-01",
            ],
            "end before",
        ),
    ];
    for (args, expected) in cases {
        let mut full = vec!["cohort", "create"];
        full.extend_from_slice(args);
        let message = cli.refused(&full);
        assert!(message.contains(expected), "{args:?}: {message}");
    }
    assert_eq!(cli.ok(&["cohort", "list"]), before, "nothing changed");
}

#[test]
fn participant_add_refuses_bad_input_and_changes_nothing() {
    let cli = Cli::new();
    cli.ok(&[
        "cohort",
        "create",
        "--slug",
        "spring",
        "--name",
        "Spring",
        "--starts",
        "2027-03-01",
    ]);
    let long_blog = format!("https://example.org/{}", "a".repeat(2100));
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec![
                "--cohort",
                "nope",
                "--name",
                "Kim",
                "--email",
                "kim@example.org",
                "--blog",
                "kim.example.org",
            ],
            "no cohort",
        ),
        (
            vec![
                "--cohort",
                "spring",
                "--name",
                "Kim",
                "--email",
                "kim@",
                "--blog",
                "kim.example.org",
            ],
            "email",
        ),
        (
            vec![
                "--cohort",
                "spring",
                "--name",
                "Kim",
                "--email",
                "kim@example.org",
                "--blog",
                "ftp://kim.example.org",
            ],
            "http",
        ),
        (
            vec![
                "--cohort",
                "spring",
                "--name",
                "Kim",
                "--email",
                "kim@example.org",
                "--blog",
                &long_blog,
            ],
            "2048",
        ),
        (
            vec![
                "--cohort",
                "spring",
                "--name",
                "",
                "--email",
                "kim@example.org",
                "--blog",
                "kim.example.org",
            ],
            "name",
        ),
    ];
    for (args, expected) in &cases {
        let mut full = vec!["participant", "add"];
        full.extend_from_slice(args);
        let message = cli.refused(&full);
        assert!(message.contains(expected), "{args:?}: {message}");
    }
    assert!(cli.ok(&["cohort", "list"]).contains("0 participants"));

    cli.ok(&[
        "participant",
        "add",
        "--cohort",
        "spring",
        "--name",
        "Kim",
        "--email",
        "kim@example.org",
        "--blog",
        "kim.example.org",
    ]);
    let again = cli.refused(&[
        "participant",
        "add",
        "--cohort",
        "spring",
        "--name",
        "Kim",
        "--email",
        "KIM@example.org",
        "--blog",
        "kim.example.org",
    ]);
    assert!(again.contains("already in this cohort"), "{again}");
    assert!(cli.ok(&["cohort", "list"]).contains("1 participant"));
}

#[test]
fn participant_import_takes_all_of_a_valid_file_or_none_of_a_bad_one() {
    let cli = Cli::new();
    cli.ok(&[
        "cohort",
        "create",
        "--slug",
        "spring",
        "--name",
        "Spring",
        "--starts",
        "2027-03-01",
    ]);
    let bad = cli.write(
        "bad.csv",
        "name,email,blog\nKim,kim@example.org,kim.example.org\nAna,ana@example.org\nLee,not-an-email,lee.example.org\n",
    );
    let output = cli.run(&["participant", "import", "--cohort", "spring", &bad]);
    assert!(!output.status.success());
    let report = stderr(&output);
    assert!(report.contains("line 3: missing columns"), "{report}");
    assert!(
        report.contains("line 4:") && report.contains("not a valid email"),
        "{report}"
    );
    assert!(report.contains("nothing was imported"), "{report}");
    assert!(cli.ok(&["cohort", "list"]).contains("0 participants"));

    let good = cli.write("good.csv", "email,name,blog\nkim@example.org,Kim,kim.example.org\n\"ana@example.org\",\"Ruiz, Ana\",https://ana.example.org/\n");
    let report = cli.ok(&["participant", "import", "--cohort", "spring", &good]);
    assert!(report.contains("Imported 2 participants"), "{report}");
    let again = cli.ok(&["participant", "import", "--cohort", "spring", &good]);
    assert!(again.contains("already in the cohort"), "{again}");
    assert!(cli.ok(&["cohort", "list"]).contains("2 participants"));
}

#[test]
fn coordinator_add_creates_or_promotes() {
    let cli = Cli::new();
    assert!(
        cli.ok(&[
            "coordinator",
            "add",
            "--email",
            "Sam@Example.org",
            "--name",
            "Sam"
        ])
        .contains("sam@example.org")
    );
    assert!(
        cli.refused(&["coordinator", "add", "--email", "sam", "--name", "Sam"])
            .contains("email")
    );
}

#[test]
fn lessons_check_names_the_broken_file_and_line() {
    let cli = Cli::new();
    assert!(
        cli.ok(&["lessons", "check"])
            .contains("23 lessons over 8 weeks")
    );

    let dir = cli.dir.path().join("broken");
    std::fs::create_dir(&dir).unwrap();
    for entry in std::fs::read_dir(crate::helpers::lessons_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
    }
    let broken = dir.join("07-wikis.md");
    let text = std::fs::read_to_string(&broken)
        .unwrap()
        .replace("week = 3", "week = three");
    std::fs::write(&broken, text).unwrap();
    std::fs::remove_file(dir.join("12-ai-assistants.md")).unwrap();

    let message = cli.refused(&["lessons", "check", "--dir", &dir.display().to_string()]);
    assert!(
        message.contains("07-wikis.md:4: bad front matter"),
        "{message}"
    );
    assert!(message.contains("missing: 7, 12"), "{message}");

    let served = run_cli_in(cli.dir.path(), &cli.database_url, &["migrate"]);
    assert!(served.status.success());
    let refused = binary(cli.dir.path(), &cli.database_url)
        .arg("serve")
        .env("TWENTYTHREE_LESSONS_DIR", &dir)
        .env("TWENTYTHREE_BIND", "127.0.0.1:0")
        .output()
        .unwrap();
    assert!(
        !refused.status.success(),
        "the server refuses to start on broken lessons"
    );
    assert!(stderr(&refused).contains("07-wikis.md"));
}

#[test]
fn a_bad_configuration_value_names_its_variable() {
    let cli = Cli::new();
    let output = binary(cli.dir.path(), &cli.database_url)
        .arg("migrate")
        .env("TWENTYTHREE_BIND", "not-an-address")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("TWENTYTHREE_BIND"),
        "{}",
        stderr(&output)
    );

    std::fs::write(
        cli.dir.path().join("twentythree.toml"),
        "poll_intervl = \"5m\"\n",
    )
    .unwrap();
    let message = cli.refused(&["migrate"]);
    assert!(
        message.contains("unknown key \"poll_intervl\""),
        "{message}"
    );
    assert!(
        !Path::new(&cli.dir.path().join("test.db")).exists(),
        "nothing was created"
    );
}
