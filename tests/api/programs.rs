//! Several programs on one server: cohorts of each, recognition that never crosses
//! programs, the addresses of both (and the old ones unchanged), the program's own word,
//! licence and attribution, the migration of a database made before programs, and the
//! refusal of edits that would rewrite what running cohorts completed.

use std::path::Path;

use sea_orm::sea_query::{Alias, Query};
use sea_orm::{ConnectionTrait, EntityTrait};
use serde_json::Value;

use crate::blog_host::{BlogHost, Fault};
use crate::helpers::{
    TestApp, binary, days_from_today, fresh_database_url, no_redirects, spawn_app,
    spawn_app_on_with, spawn_app_with, stderr, stdout,
};

/// An RSS feed of `(title, categories, html)` posts, all published in October 2026.
fn feed(posts: &[(&str, &[&str], &str)]) -> Vec<u8> {
    let items: String = posts
        .iter()
        .enumerate()
        .map(|(i, (title, categories, html))| {
            let categories: String = categories
                .iter()
                .map(|c| format!("<category>{c}</category>"))
                .collect();
            format!(
                "<item><title>{title}</title><link>http://blog.example/{i}</link><guid>p{i}</guid>\
                 <pubDate>Mon, 05 Oct 2026 1{i}:00:00 +0000</pubDate>{categories}\
                 <description><![CDATA[{html}]]></description></item>"
            )
        })
        .collect();
    format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Blog</title><link>http://blog.example/</link>{items}</channel></rss>").into_bytes()
}

async fn completed(app: &TestApp, cohort: &str) -> Value {
    let (status, body) = app
        .get_json(&format!("/api/v1/cohorts/{cohort}/progress"))
        .await;
    assert_eq!(status, 200, "{body}");
    body["participants"][0]["completed"].clone()
}

async fn add_blogger(app: &TestApp, host: &BlogHost, cohort: &str, name: &str, posts: Vec<u8>) {
    let path = format!("/{name}/feed.xml");
    host.set_fault(&path, Fault::Body("application/rss+xml".into(), posts));
    let email = format!("{}@example.org", name.to_lowercase());
    app.add_participant(cohort, name, &email, &host.url(&path));
}

#[tokio::test(flavor = "multi_thread")]
async fn each_cohort_counts_posts_for_its_own_programs_lessons_only() {
    let app = spawn_app().await;
    let host = BlogHost::start(app.state.config.base_url.as_str()).await;
    let base = app.state.config.base_url.as_str().trim_end_matches('/');
    app.create_cohort("staff", "2026-09-01".parse().unwrap(), &[]);
    app.create_cohort(
        "ai",
        "2026-09-01".parse().unwrap(),
        &["--program", "ai-at-work"],
    );
    let to_ai_5 = format!("<a href=\"{base}/programs/ai-at-work/lessons/5\">that lesson</a>");
    let to_staff_7 = format!("<a href=\"{base}/lessons/7\">that lesson</a>");
    let same_posts: [(&str, &[&str], &str); 5] = [
        ("Feeds at last", &["thing3"], ""),
        ("Thing 12: my notes", &[], ""),
        ("Read this", &[], to_ai_5.as_str()),
        ("And this", &[], to_staff_7.as_str()),
        ("Privacy", &["aiwork-8"], ""),
    ];
    add_blogger(&app, &host, "staff", "Sam", feed(&same_posts)).await;
    let ada_posts: Vec<(&str, &[&str], &str)> = same_posts
        .iter()
        .map(|(t, c, h)| (*t, *c, *h))
        .chain([("Ada on feeds", &["thing3"][..], "")])
        .collect();
    add_blogger(&app, &host, "ai", "Ada", feed(&ada_posts)).await;
    app.poll_feeds().await;

    // The same kinds of post: thing3 counts in both, each for its own program's lesson;
    // "Thing 12" exists only in the 23 Things; a link counts only for its own program.
    assert_eq!(
        completed(&app, "staff").await,
        serde_json::json!([3, 7, 12])
    );
    assert_eq!(completed(&app, "ai").await, serde_json::json!([3, 5, 8]));
    let (_, staff) = app.get_json("/api/v1/cohorts/staff/progress").await;
    let (_, ai) = app.get_json("/api/v1/cohorts/ai/progress").await;
    assert_eq!(staff["lessons"].as_array().unwrap().len(), 23);
    assert_eq!(ai["lessons"].as_array().unwrap().len(), 10);
    assert_eq!(ai["lessons"][2]["title"], "Checking what it tells you");

    // What people wrote about Thing 3 stays with its program's lesson page.
    let default_three = app.get("/lessons/3").await;
    assert!(default_three.body.contains("Feeds at last"));
    assert!(
        !default_three.body.contains("Ada on feeds"),
        "no post of the other program"
    );
    let ai_three = app.get("/programs/ai-at-work/lessons/3").await;
    assert_eq!(ai_three.status, 200);
    assert!(ai_three.body.contains("Ada on feeds"));
    assert!(ai_three.body.contains("Checking what it tells you"));

    // Cohort pages, the grid and /me-style links use the cohort's program.
    let cohort = app.get("/cohorts/ai").await;
    assert!(
        cohort.body.contains("/programs/ai-at-work/lessons/1"),
        "{}",
        cohort.body
    );
    assert!(!cohort.body.contains("href=\"/lessons/1\""));
    let river = app.get("/cohorts/ai/posts?thing=3").await;
    assert!(river.body.contains("/programs/ai-at-work/lessons/3"));
    assert_eq!(
        app.get("/cohorts/ai/posts?thing=12").await.status,
        400,
        "no Thing 12 there"
    );
    let calendar = app.get("/cohorts/ai/calendar.ics").await;
    assert!(
        calendar.body.contains("programs/ai-at-work/lessons/1"),
        "{}",
        calendar.body
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn both_programs_have_addresses_and_the_old_ones_stay() {
    let app = spawn_app().await;
    let programs = app.get("/programs").await;
    assert_eq!(programs.status, 200);
    for words in [
        "23 Things",
        "Ten Things for AI at work",
        "the default program",
        "CC BY 4.0",
    ] {
        assert!(programs.body.contains(words), "{words}: {}", programs.body);
    }
    let default = app.get("/lessons").await;
    assert_eq!(default.status, 200);
    assert!(
        default.body.contains("Remixed from"),
        "attribution on the program page"
    );
    assert!(default.body.contains("rel=\"license\""));
    assert_eq!(app.get("/lessons/23").await.status, 200);
    let ai = app.get("/programs/ai-at-work").await;
    assert_eq!(ai.status, 200);
    assert!(ai.body.contains("Ten Things for AI at work"));
    assert!(ai.body.contains("href=\"/programs/ai-at-work/lessons/10\""));
    assert!(ai.body.contains("CC BY 4.0") && ai.body.contains("Remixed from"));
    assert_eq!(app.get("/programs/ai-at-work/lessons/10").await.status, 200);
    assert_eq!(app.get("/programs/ai-at-work/lessons/11").await.status, 404);
    assert_eq!(app.get("/programs/nothing-here").await.status, 404);
    assert_eq!(
        app.get("/programs/nothing-here/lessons/1").await.status,
        404
    );

    // The default program also answers under /programs, by sending people to /lessons.
    let client = no_redirects();
    for (from, to) in [
        ("/programs/23-things", "/lessons"),
        ("/programs/23-things/lessons/4", "/lessons/4"),
    ] {
        let response = client
            .get(format!("{}{from}", app.address))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 308, "{from}");
        assert_eq!(response.headers()["location"], to);
    }
}

/// A lessons folder with a default program of `count` lessons and a German one of three.
pub(crate) fn two_programs(dir: &Path, count: i32, required_two: bool) {
    let lesson = |n: i32, word: &str, title: &str| {
        let required = if n == 2 && !required_two {
            "required = false\n"
        } else {
            ""
        };
        format!(
            "+++\nnumber = {n}\ntitle = \"{title} {n}\"\nweek = {n}\n{required}+++\nTry it. Tag it {word}{n}.\n"
        )
    };
    std::fs::create_dir_all(dir.join("de")).unwrap();
    for n in 1..=count {
        std::fs::write(
            dir.join(format!("{n:02}-l{n}.md")),
            lesson(n, "thing", "Lesson"),
        )
        .unwrap();
    }
    std::fs::write(
        dir.join("de/program.toml"),
        "slug = \"zehn-dinge\"\ntitle = \"Drei Dinge\"\nlanguage = \"de\"\nword = \"Ding\"\n",
    )
    .unwrap();
    for n in 1..=3 {
        std::fs::write(
            dir.join(format!("de/{n:02}-d{n}.md")),
            lesson(n, "ding", "Lektion"),
        )
        .unwrap();
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_program_speaks_its_own_word() {
    let lessons = tempfile::tempdir().unwrap();
    two_programs(lessons.path(), 3, true);
    let folder = lessons.path().to_owned();
    let app = spawn_app_with(move |config| config.lessons_dir = folder).await;
    let host = BlogHost::start(app.state.config.base_url.as_str()).await;
    app.create_cohort(
        "berlin",
        "2026-09-01".parse().unwrap(),
        &["--program", "zehn-dinge"],
    );
    let posts = feed(&[
        ("Ding 2: mein Blog", &[], ""),
        ("Endlich", &["Ding 3"], ""),
        ("Thing 1 in English", &[], ""),
    ]);
    add_blogger(&app, &host, "berlin", "Lena", posts).await;
    app.poll_feeds().await;
    assert_eq!(
        completed(&app, "berlin").await,
        serde_json::json!([1, 2, 3]),
        "the title word is the program's, or any shipped language's (\"Thing 1\")"
    );
    let page = app.get("/programs/zehn-dinge/lessons/2").await;
    assert!(page.body.contains("Ding 2"), "{}", page.body);
    assert!(page.body.contains("“Ding 2” in its title"));
    let program = app.get("/programs/zehn-dinge").await;
    assert!(
        program.body.contains("This program states no licence"),
        "{}",
        program.body
    );
    assert!(program.body.contains("<html lang=\"de\"") || program.body.contains("language de"));
}

#[tokio::test(flavor = "multi_thread")]
async fn edits_that_would_rewrite_a_running_cohort_are_refused() {
    let lessons = tempfile::tempdir().unwrap();
    two_programs(lessons.path(), 3, true);
    let folder = lessons.path().to_owned();
    let app = spawn_app_with(move |config| config.lessons_dir = folder).await;
    app.create_cohort("running", days_from_today(-10), &[]);
    let check = |dir: &Path| {
        binary(app.dir.path(), &app.database_url)
            .env("TWENTYTHREE_LESSONS_DIR", dir)
            .args(["lessons", "check"])
            .output()
            .unwrap()
    };
    let fine = check(lessons.path());
    assert!(fine.status.success(), "{}", stderr(&fine));
    assert!(
        stdout(&fine).contains("Drei Dinge (zehn-dinge): 3 lessons"),
        "{}",
        stdout(&fine)
    );

    // Lesson 2 made optional, and a fourth lesson: both change what the cohort must do.
    let edited = tempfile::tempdir().unwrap();
    two_programs(edited.path(), 4, false);
    let refused = check(edited.path());
    assert!(!refused.status.success());
    let message = stderr(&refused);
    for words in [
        "the program \"default\" has running cohorts (running)",
        "Thing 2 was required and would be optional",
        "Thing 4 (l4) would be added",
        "add a new program",
    ] {
        assert!(message.contains(words), "{words}: {message}");
    }
    let mut config = crate::helpers::config_on(app.dir.path(), app.database_url.clone());
    config.lessons_dir = edited.path().to_owned();
    let start = twentythree::Application::build(config).await;
    let error = format!("{:#}", start.err().expect("the start is refused"));
    assert!(
        error.contains("Thing 2 was required and would be optional"),
        "{error}"
    );

    // A cohort's program folder that disappeared is refused too.
    std::fs::remove_dir_all(edited.path().join("de")).unwrap();
    app.create_cohort("german", days_from_today(-3), &["--program", "zehn-dinge"]);
    let gone = check(edited.path());
    assert!(
        stderr(&gone).contains("the cohort \"german\" follows the program \"zehn-dinge\""),
        "{}",
        stderr(&gone)
    );

    // Wording goes through: a new title for a running program's lesson.
    let reworded = tempfile::tempdir().unwrap();
    two_programs(reworded.path(), 3, true);
    let file = reworded.path().join("02-l2.md");
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("Lesson 2", "A clearer title");
    std::fs::write(&file, text).unwrap();
    let ok = check(reworded.path());
    assert!(ok.status.success(), "{}", stderr(&ok));
    let folder = reworded.path().to_owned();
    let again = spawn_app_on_with(app.database_url.clone(), move |c| c.lessons_dir = folder).await;
    assert!(
        again
            .get("/lessons/2")
            .await
            .body
            .contains("A clearer title")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_database_from_before_programs_keeps_everything_under_the_default_program() {
    use migrations::{Migrator, MigratorTrait};
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database_url(dir.path());
    let db = sea_orm::Database::connect(url.as_str()).await.unwrap();
    // Today's schema: every migration before the one that brings programs.
    let before = Migrator::migrations()
        .iter()
        .position(|m| m.name() == "m20261204_000007_programs")
        .unwrap();
    Migrator::up(&db, Some(u32::try_from(before).unwrap()))
        .await
        .unwrap();
    let backend = db.get_database_backend();
    let now = chrono::Utc::now();
    let insert = |table: &str, columns: &[&str], values: Vec<sea_orm::Value>| {
        let mut statement = Query::insert();
        statement
            .into_table(Alias::new(table))
            .columns(columns.iter().map(|c| Alias::new(*c)))
            .values_panic(values.into_iter().map(Into::into));
        backend.build(&statement)
    };
    let statements = [
        insert(
            "cohorts",
            &[
                "id",
                "slug",
                "name",
                "starts_on",
                "timezone",
                "release_weekday",
                "release_time",
                "pace",
                "visibility",
                "created_at",
            ],
            vec![
                1.into(),
                "old-cohort".into(),
                "Old cohort".into(),
                days_from_today(-20).into(),
                "UTC".into(),
                1i16.into(),
                chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap().into(),
                "cohort".into(),
                "public".into(),
                now.into(),
            ],
        ),
        insert(
            "people",
            &[
                "id",
                "email",
                "name",
                "role",
                "unsubscribe_token",
                "created_at",
            ],
            vec![
                1.into(),
                "kim@example.org".into(),
                "Kim".into(),
                "participant".into(),
                "tok".into(),
                now.into(),
            ],
        ),
        insert(
            "participants",
            &["id", "cohort_id", "person_id", "blog_url", "joined_at"],
            vec![
                1.into(),
                1.into(),
                1.into(),
                "https://kim.example.org/".into(),
                now.into(),
            ],
        ),
        insert(
            "completions",
            &["participant_id", "lesson_number", "source", "completed_at"],
            vec![1.into(), 2.into(), "coordinator".into(), now.into()],
        ),
    ];
    // The lessons as the old server synced them (with an older title for the first).
    let old = twentythree::lessons::load_dir(&crate::helpers::lessons_dir()).unwrap();
    let lessons = old.lessons.iter().map(|l| {
        let title = if l.number == 1 {
            "Old title".to_owned()
        } else {
            l.title.clone()
        };
        insert(
            "lessons",
            &[
                "number",
                "slug",
                "title",
                "week",
                "tags",
                "required",
                "synced_at",
            ],
            vec![
                l.number.into(),
                l.slug.clone().into(),
                title.into(),
                l.week.into(),
                "[]".into(),
                l.required.into(),
                now.into(),
            ],
        )
    });
    for statement in statements.into_iter().chain(lessons) {
        db.execute_raw(statement).await.unwrap();
    }
    db.close().await.unwrap();

    let app = spawn_app_on_with(url, |_| {}).await;
    let cohort = twentythree::entities::cohort::Entity::find_by_id(1)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        cohort.program, "23-things",
        "attached to the default program"
    );
    assert_eq!(
        completed(&app, "old-cohort").await,
        serde_json::json!([2]),
        "nothing lost"
    );
    let (_, progress) = app.get_json("/api/v1/cohorts/old-cohort/progress").await;
    assert_eq!(progress["lessons"].as_array().unwrap().len(), 23);
    assert_eq!(progress["participants"][0]["name"], "Kim");
    assert!(
        app.get("/cohorts/old-cohort")
            .await
            .body
            .contains("href=\"/lessons/1\"")
    );
}

/// The real binary with its own database and lessons folder: a second server.
struct Server {
    dir: tempfile::TempDir,
    database_url: String,
    lessons: std::path::PathBuf,
}

impl Server {
    /// A server whose lessons folder holds only the short program (as its default).
    fn with_the_short_program() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let database_url = fresh_database_url(dir.path());
        let lessons = dir.path().join("lessons");
        std::fs::create_dir(&lessons).unwrap();
        for entry in std::fs::read_dir(crate::helpers::lessons_dir().join("ai-at-work")).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, lessons.join(path.file_name().unwrap())).unwrap();
        }
        Self {
            dir,
            database_url,
            lessons,
        }
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        binary(self.dir.path(), &self.database_url)
            .env("TWENTYTHREE_LESSONS_DIR", &self.lessons)
            .args(args)
            .output()
            .unwrap()
    }

    /// Every file under the lessons folder, with its bytes.
    fn files(&self) -> Vec<(std::path::PathBuf, Vec<u8>)> {
        let mut found = Vec::new();
        let mut folders = vec![self.lessons.clone()];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else {
                    found.push((path.clone(), std::fs::read(&path).unwrap()));
                }
            }
        }
        found.sort();
        found
    }
}

fn bundle(dir: &Path, name: &str, files: &[(&str, &[u8])]) -> String {
    let path = dir.join(name);
    let encoder = flate2::write::GzEncoder::new(
        std::fs::File::create(&path).unwrap(),
        flate2::Compression::default(),
    );
    let mut tar = tar::Builder::new(encoder);
    for (name, bytes) in files {
        let mut header = tar::Header::new_gnu();
        header.set_size(bytes.len() as u64);
        header.set_mode(0o644);
        if name.contains("..") {
            // tar refuses to write such a path itself; write it as an attacker would.
            header.as_gnu_mut().unwrap().name[..name.len()].copy_from_slice(name.as_bytes());
            header.set_cksum();
            tar.append(&header, *bytes).unwrap();
        } else {
            header.set_cksum();
            tar.append_data(&mut header, name, *bytes).unwrap();
        }
    }
    tar.into_inner().unwrap().finish().unwrap();
    path.display().to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_program_exported_here_runs_on_another_server() {
    // The first server, with the shipped programs, exports its default program.
    let first = tempfile::tempdir().unwrap();
    let first_db = fresh_database_url(first.path());
    let file = first.path().join("23-things.tar.gz");
    let exported = binary(first.path(), &first_db)
        .args([
            "program",
            "export",
            "23-things",
            &file.display().to_string(),
        ])
        .output()
        .unwrap();
    assert!(exported.status.success(), "{}", stderr(&exported));
    assert!(
        stdout(&exported).contains("23 lessons"),
        "{}",
        stdout(&exported)
    );
    let unknown = binary(first.path(), &first_db)
        .args(["program", "export", "nope", "x.tar.gz"])
        .output()
        .unwrap();
    assert!(
        stderr(&unknown)
            .contains("there is no program \"nope\"; the programs are: 23-things, ai-at-work")
    );

    // A second server runs only the short program, and imports the bundle.
    let second = Server::with_the_short_program();
    let imported = second.run(&["program", "import", &file.display().to_string()]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    let shipped = crate::helpers::lessons_dir();
    for entry in std::fs::read_dir(&shipped).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            let copy = second
                .lessons
                .join("23-things")
                .join(path.file_name().unwrap());
            assert_eq!(
                std::fs::read(&path).unwrap(),
                std::fs::read(copy).unwrap(),
                "{}",
                path.display()
            );
        }
    }
    let readme = std::fs::read_to_string(second.lessons.join("23-things/README.md")).unwrap();
    assert!(
        readme.contains("Licence: CC BY 4.0") && readme.contains("Remixed from Learning 2.0"),
        "{readme}"
    );

    // Importing it again under the same slug changes nothing; under a new one it is a remix.
    let before = second.files();
    let again = second.run(&["program", "import", &file.display().to_string()]);
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("already has a program \"23-things\""),
        "{}",
        stderr(&again)
    );
    assert_eq!(second.files(), before, "nothing changed");
    let remix = second.run(&[
        "program",
        "import",
        &file.display().to_string(),
        "--slug",
        "our-things",
    ]);
    assert!(remix.status.success(), "{}", stderr(&remix));

    // The second server runs it: a cohort of the imported program, its lesson pages.
    let created = second.run(&[
        "cohort",
        "create",
        "--slug",
        "staff",
        "--name",
        "Staff",
        "--starts",
        "2026-09-01",
        "--program",
        "23-things",
    ]);
    assert!(created.status.success(), "{}", stderr(&created));
    let refused = second.run(&[
        "cohort",
        "create",
        "--slug",
        "other",
        "--name",
        "Other",
        "--starts",
        "2026-09-01",
        "--program",
        "missing",
    ]);
    assert!(
        stderr(&refused).contains("there is no program \"missing\""),
        "{}",
        stderr(&refused)
    );
    let folder = second.lessons.clone();
    let app = spawn_app_on_with(second.database_url.clone(), move |c| c.lessons_dir = folder).await;
    assert!(
        app.get("/lessons")
            .await
            .body
            .contains("Ten Things for AI at work")
    );
    assert!(app.get("/programs/23-things/lessons/23").await.status == 200);
    assert!(
        app.get("/programs/our-things")
            .await
            .body
            .contains("Remixed from")
    );
    let (_, progress) = app.get_json("/api/v1/cohorts/staff/progress").await;
    assert_eq!(progress["lessons"].as_array().unwrap().len(), 23);
}

#[test]
fn a_broken_bundle_changes_nothing() {
    let server = Server::with_the_short_program();
    let dir = server.dir.path();
    let info: &[u8] = b"slug = \"broken\"\ntitle = \"Broken\"\n";
    let good = b"+++\nnumber = 1\ntitle = \"One\"\nweek = 1\n+++\nTag it thing1.\n";
    let bad = b"+++\nnumber = 2\ntitle = \"Two\nweek = 1\n+++\nTag it thing2.\n";
    let cases: Vec<(String, &str)> = vec![
        (
            bundle(
                dir,
                "bad-lesson.tar.gz",
                &[
                    ("broken/program.toml", info),
                    ("broken/01-one.md", good),
                    ("broken/02-two.md", bad),
                ],
            ),
            "02-two.md:3: bad front matter",
        ),
        (
            bundle(dir, "no-info.tar.gz", &[("broken/01-one.md", good)]),
            "the bundle has no program.toml",
        ),
        (
            bundle(
                dir,
                "escape.tar.gz",
                &[
                    ("broken/program.toml", info),
                    ("broken/../../evil.md", good),
                ],
            ),
            "points outside the bundle",
        ),
        (
            bundle(
                dir,
                "two-folders.tar.gz",
                &[("a/program.toml", info), ("b/01-one.md", good)],
            ),
            "more than one folder",
        ),
    ];
    std::fs::write(dir.join("not-a-bundle.tar.gz"), b"hello").unwrap();
    let before = server.files();
    for (file, words) in cases {
        let output = server.run(&["program", "import", &file]);
        assert!(!output.status.success(), "{file}");
        assert!(
            stderr(&output).contains(words),
            "{words}: {}",
            stderr(&output)
        );
        assert_eq!(server.files(), before, "{file} changed nothing");
    }
    let output = server.run(&[
        "program",
        "import",
        &dir.join("not-a-bundle.tar.gz").display().to_string(),
    ]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("is not a usable program bundle"),
        "{}",
        stderr(&output)
    );
    let output = server.run(&[
        "program",
        "import",
        &dir.join("nowhere.tar.gz").display().to_string(),
        "--slug",
        "Bad Slug",
    ]);
    assert!(
        stderr(&output).contains("\"Bad Slug\" is not a valid slug"),
        "{}",
        stderr(&output)
    );
    assert_eq!(server.files(), before);
    assert!(!dir.join("evil.md").exists());
}

#[tokio::test(flavor = "multi_thread")]
async fn the_cockpit_creates_a_cohort_of_the_chosen_program() {
    let app = spawn_app().await;
    app.new_coordinator("sam@example.org", "Sam").await;
    let sam = crate::browser::Browser::sign_in(&app, "sam@example.org").await;
    let form = sam.get("/coordinator/cohorts/new").await;
    assert!(
        form.body.contains(r#"<option value="ai-at-work""#),
        "{}",
        form.body
    );
    assert!(
        form.body
            .contains("Ten Things for AI at work (10 lessons, 5 weeks)")
    );
    let fields = |program: &'static str| {
        [
            ("name", "AI spring"),
            ("slug", "ai-spring"),
            ("starts", "2027-03-01"),
            ("timezone", "Europe/Berlin"),
            ("release_time", "09:00"),
            ("pace", "cohort"),
            ("visibility", "public"),
            ("program", program),
        ]
    };
    let bad = sam
        .submit(
            "/coordinator/cohorts/new",
            "/coordinator/cohorts/new",
            &fields("no-such-program"),
        )
        .await;
    assert_eq!(bad.status, 400);
    assert!(bad.body.contains(r#"id="program-problem""#), "{}", bad.body);
    assert!(
        twentythree::cohorts::find(&app.state.db, "ai-spring")
            .await
            .unwrap()
            .is_none()
    );
    let made = sam
        .submit(
            "/coordinator/cohorts/new",
            "/coordinator/cohorts/new",
            &fields("ai-at-work"),
        )
        .await;
    assert_eq!(made.status, 303, "{}", made.body);
    let cohort = twentythree::cohorts::find(&app.state.db, "ai-spring")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(cohort.program, "ai-at-work");
    let (_, progress) = app.get_json("/api/v1/cohorts/ai-spring/progress").await;
    assert_eq!(progress["lessons"].as_array().unwrap().len(), 10);
    assert_eq!(
        progress["lessons"][2]["title"],
        "Checking what it tells you"
    );
    let list = sam.get("/coordinator").await;
    assert!(
        list.body.contains("Ten Things for AI at work"),
        "the cohort list names each program"
    );
    let settings = sam.get("/coordinator/cohorts/ai-spring/settings").await;
    assert!(settings.body.contains("a cohort keeps its program"));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_link_checker_reports_dead_links_by_file_and_line() {
    let host = BlogHost::start("http://127.0.0.1:2323").await;
    host.set_fault(
        "/live",
        Fault::Body("text/html".into(), b"<p>hello</p>".to_vec()),
    );
    host.set_fault("/dead", Fault::Status(404));
    host.set_fault("/old", Fault::Redirect(301, "http://{{host}}/live".into()));
    host.set_fault(
        "/old-dead",
        Fault::Redirect(302, "http://{{host}}/gone".into()),
    );
    host.set_fault("/gone", Fault::Status(410));
    let lessons = tempfile::tempdir().unwrap();
    let lesson = |n: i32, body: String| {
        format!("+++\nnumber = {n}\ntitle = \"L{n}\"\nweek = 1\n+++\n{body}\nTag it thing{n}.\n")
    };
    std::fs::write(
        lessons.path().join("01-one.md"),
        lesson(
            1,
            format!(
                "Read [this]({}).\nAnd <{}>.",
                host.url("/live"),
                host.url("/dead")
            ),
        ),
    )
    .unwrap();
    std::fs::write(
        lessons.path().join("02-two.md"),
        lesson(
            2,
            format!(
                "Moved: {}\n\nGone: {}",
                host.url("/old"),
                host.url("/old-dead")
            ),
        ),
    )
    .unwrap();
    let server = tempfile::tempdir().unwrap();
    let database_url = fresh_database_url(server.path());
    let run = |args: &[&str], private: bool| {
        binary(server.path(), &database_url)
            .env("TWENTYTHREE_LESSONS_DIR", lessons.path())
            .env("TWENTYTHREE_ALLOW_PRIVATE_FEEDS", private.to_string())
            .args(args)
            .output()
            .unwrap()
    };
    let output = run(&["lessons", "links"], true);
    assert!(!output.status.success(), "dead links fail the check");
    let printed = stdout(&output);
    let dead = format!("default/01-one.md:7: dead: {} (", host.url("/dead"));
    assert!(printed.contains(&dead), "{printed}");
    assert!(
        printed.contains(&format!(
            "default/02-two.md:8: dead: {}",
            host.url("/old-dead")
        )),
        "{printed}"
    );
    assert!(
        printed.contains(&format!(
            "02-two.md:6: moved: {} now answers at {}",
            host.url("/old"),
            host.url("/live")
        )),
        "{printed}"
    );
    assert!(
        !printed.contains(&format!("dead: {} ", host.url("/live"))),
        "{printed}"
    );
    assert!(printed.contains("4 links checked, 2 dead."), "{printed}");
    assert!(
        stderr(&output).contains("2 dead link(s)"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        host.hits("/live"),
        2,
        "each address once (and once after the redirect)"
    );

    // Without private addresses allowed, a loopback link is refused, never fetched.
    let before = host.hits("/dead");
    let guarded = run(&["lessons", "links", "--program", "default"], false);
    assert!(
        stdout(&guarded).contains("private network"),
        "{}",
        stdout(&guarded)
    );
    assert_eq!(host.hits("/dead"), before);
    let unknown = run(&["lessons", "links", "--program", "nope"], true);
    assert!(stderr(&unknown).contains("there is no program \"nope\""));

    // The cockpit shows the last report.
    run(&["lessons", "links"], true);
    let folder = lessons.path().to_owned();
    let app = spawn_app_on_with(database_url.clone(), move |c| c.lessons_dir = folder).await;
    app.new_coordinator("sam@example.org", "Sam").await;
    let sam = crate::browser::Browser::sign_in(&app, "sam@example.org").await;
    let cockpit = sam.get("/coordinator").await;
    assert!(cockpit.body.contains("2 dead"), "{}", cockpit.body);
    assert!(cockpit.body.contains("01-one.md:7"), "{}", cockpit.body);
    assert!(cockpit.body.contains("answers 404"), "{}", cockpit.body);
    // Why a link is dead, in the coordinator's language.
    sam.choose_language("Sam", "nl").await;
    let in_dutch = sam.get("/coordinator").await.body;
    assert!(in_dutch.contains("antwoordt 404"), "{in_dutch}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cohort_opens_only_its_own_programs_lessons() {
    let app = spawn_app().await;
    let host = BlogHost::start(app.state.config.base_url.as_str()).await;
    app.create_cohort("staff", days_from_today(-60), &[]);
    app.create_cohort(
        "ai",
        days_from_today(10),
        &["--program", "ai-at-work", "--visibility", "members"],
    );
    let post = || feed(&[("Hello", &[], "")]);
    add_blogger(&app, &host, "staff", "Kim", post()).await;
    add_blogger(&app, &host, "ai", "Ada", post()).await;
    add_blogger(&app, &host, "staff", "Lou", post()).await;
    add_blogger(&app, &host, "ai", "Lou", post()).await;
    app.new_coordinator("sam@example.org", "Sam").await;
    let body = "AI assistants answer questions in plain language";
    let lesson = "/programs/ai-at-work/lessons/1";

    // Kim's cohort opened long ago, but in the other program: nothing opens here.
    let kim = crate::browser::Browser::sign_in(&app, "kim@example.org").await;
    let seen = kim.get(lesson).await;
    assert_eq!(seen.status, 200);
    assert!(!seen.body.contains(body), "{}", seen.body);
    assert!(seen.body.contains("opens with its cohort's schedule"));
    assert!(
        kim.get("/lessons/1").await.body.contains("Try this"),
        "her own program is open"
    );
    // Ada's cohort starts in ten days: she sees when.
    let ada = crate::browser::Browser::sign_in(&app, "ada@example.org").await;
    let seen = ada.get(lesson).await;
    assert!(
        !seen.body.contains(body) && seen.body.contains("This lesson opens on"),
        "{}",
        seen.body
    );
    // A stranger neither reads it nor learns of the members-only cohort; a coordinator reads it.
    let stranger = app.get(lesson).await;
    assert!(!stranger.body.contains(body));
    let listed = app.get("/programs").await.body;
    assert!(listed.contains("0 cohorts"), "{listed}");
    let sam = crate::browser::Browser::sign_in(&app, "sam@example.org").await;
    assert!(sam.get(lesson).await.body.contains(body));
    assert!(sam.get("/programs").await.body.contains("1 cohort"));

    // Lou takes part in both: /me shows each cohort with its own program's lessons.
    let lou = crate::browser::Browser::sign_in(&app, "lou@example.org").await;
    let me = lou.get("/me").await.body;
    assert!(
        me.contains("A first conversation with an AI assistant"),
        "{me}"
    );
    assert!(me.contains("href=\"/lessons/1\""), "{me}");
    assert!(
        me.contains("of 10 things") && me.contains("of 23 things"),
        "{me}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn release_emails_name_the_cohorts_own_lessons() {
    let app = spawn_app().await;
    let host = BlogHost::start(app.state.config.base_url.as_str()).await;
    let today = chrono::Utc::now().date_naive();
    app.create_cohort(
        "ai",
        today,
        &["--program", "ai-at-work", "--release-time", "00:00"],
    );
    add_blogger(&app, &host, "ai", "Ada", feed(&[("Hello", &[], "")])).await;
    let week_two = chrono::Utc::now() + chrono::Duration::days(7) + chrono::Duration::hours(1);
    app.state.clone_notices().tick(week_two).await.unwrap();
    app.send_mail_at(week_two).await;
    let release: Vec<_> = app
        .smtp
        .to("ada@example.org")
        .into_iter()
        .filter(|m| m.kind() == "release")
        .collect();
    assert_eq!(release.len(), 1);
    let text = release[0].data.replace("=\r\n", "").replace("=3D", "=");
    assert!(
        text.contains("Thing 3: Checking what it tells you"),
        "{text}"
    );
    assert!(text.contains("/programs/ai-at-work/lessons/3"), "{text}");
    assert!(
        !text.contains("Photo sharing"),
        "nothing of the other program"
    );
}
