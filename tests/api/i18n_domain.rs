//! Sentences the domain makes where the reader is not known (why a blog cannot be read,
//! how its feed is doing, why a post counts) reach each reader in their own language, while the API keeps
//! saying them in English.

use chrono::Utc;

use crate::blog_host::BlogHost;
use crate::browser::Browser;
use crate::helpers::{TestApp, spawn_app};
use crate::i18n::assert_no_english;

/// `email`'s `/me` after they chose `language` on it.
async fn me_in(app: &TestApp, email: &str, name: &str, language: &str) -> String {
    let browser = Browser::sign_in(app, email).await;
    browser.choose_language(name, language).await;
    browser.get("/me").await.body
}

#[tokio::test(flavor = "multi_thread")]
async fn a_blogs_trouble_is_told_in_the_readers_language_and_in_english_to_the_api() {
    let app = spawn_app().await;
    let cohort = app
        .new_cohort_with("herfst", Utc::now().date_naive(), |_| {})
        .await;
    let host = BlogHost::start(app.state.config.base_url.as_str()).await;
    let now = Utc::now();
    app.join_at(
        &cohort,
        "Pia",
        "pia@example.org",
        &host.url("/lossy/partial.xml"),
        now,
    )
    .await;
    app.join_at(
        &cohort,
        "Max",
        "max@example.org",
        &host.url("/nobody-here/"),
        now,
    )
    .await;
    app.join_at(
        &cohort,
        "Ed",
        "ed@example.org",
        &host.url("/nobody-here-either/"),
        now,
    )
    .await;
    app.poll_feeds().await;

    let pia = me_in(&app, "pia@example.org", "Pia", "nl").await;
    assert!(
        pia.contains(
            "2 van de 5 berichten in je feed konden niet worden gelezen: ze hebben geen titel, link of tekst"
        ),
        "{pia}"
    );
    assert_no_english(
        &pia,
        &["could not be read", "no title", "All fine"],
        "Pia's /me",
    );

    let max = me_in(&app, "max@example.org", "Max", "de").await;
    assert!(
        max.contains("Noch nicht gelesen: das Blog hat mit 404 Not Found geantwortet."),
        "{max}"
    );
    assert_no_english(
        &max,
        &["Not read yet", "the blog answered", "keeps trying"],
        "Max's /me",
    );

    let ed = me_in(&app, "ed@example.org", "Ed", "en").await;
    assert!(
        ed.contains("Not read yet: the blog answered 404 Not Found. Twentythree keeps trying."),
        "{ed}"
    );

    // A newcomer checking a blog that gives no feed is told why, in Dutch.
    let newcomer = Browser::speaking(&app, "nl-BE");
    let checked = newcomer
        .submit(
            "/join",
            "/join",
            &[
                ("name", "Lies"),
                ("email", "lies@example.org"),
                ("blog", &host.url("/nowhere-at-all/")),
                ("cohort", "herfst"),
                ("step", "check"),
            ],
        )
        .await;
    assert_eq!(checked.status, 200);
    assert!(
        checked.body.contains("Het blog antwoordde 404 Not Found."),
        "{}",
        checked.body
    );
    assert_no_english(
        &checked.body,
        &["the blog answered", "no feed found"],
        "the join check",
    );

    let half_filled = newcomer
        .submit(
            "/join",
            "/join",
            &[
                ("name", " "),
                ("email", "lies"),
                ("blog", &host.url("/nowhere-at-all/")),
                ("cohort", "herfst"),
                ("step", "check"),
            ],
        )
        .await;
    assert_eq!(half_filled.status, 400);
    assert!(
        half_filled.body.contains("de naam is leeg"),
        "{}",
        half_filled.body
    );
    assert!(
        half_filled
            .body
            .contains("„lies” is geen geldig e-mailadres")
    );

    let (status, progress) = app.get_json("/api/v1/cohorts/herfst/progress").await;
    assert_eq!(status, 200);
    let errors: Vec<&str> = progress["participants"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["feed"]["last_error"].as_str())
        .collect();
    assert!(
        errors.contains(&"the blog answered 404 Not Found"),
        "{errors:?}"
    );
    assert!(
        errors.contains(
            &"2 of 5 posts in your feed could not be read: they have no title, link or text"
        ),
        "{errors:?}"
    );
}
