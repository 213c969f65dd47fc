//! The interface in the reader's language: negotiation (preference, program, switcher
//! cookie, `Accept-Language` with q-weights and regional variants, English), every page in
//! Dutch and German with no message missing and no English left, plurals, dates,
//! `<html lang>`, and the catalogue check.

use chrono::{Days, Utc};

use crate::browser::Browser;
use crate::helpers::{TestApp, spawn_app, stderr, stdout};

/// The page at `path` as a browser asking for `accept_language` sees it.
async fn page_in(app: &TestApp, path: &str, accept_language: &str) -> String {
    app.client
        .get(format!("{}{path}", app.address))
        .header("accept-language", accept_language)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// The `lang` of a page's `<html>`.
fn html_lang(page: &str) -> &str {
    let start = page
        .find("<html lang=\"")
        .expect("an html element with lang")
        + 12;
    let end = start + page[start..].find('"').unwrap();
    &page[start..end]
}

/// What a reader sees of a page: its text without tags, scripts or styles, spaces squeezed.
pub fn visible_text(page: &str) -> String {
    let mut text = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        text.push(' ');
        let after = &rest[open..];
        let skip_to = ["<script", "<style"]
            .iter()
            .find(|tag| after.starts_with(*tag))
            .and_then(|tag| after.find(&format!("</{}", &tag[1..])));
        let from = skip_to.unwrap_or(0);
        rest = match after[from..].find('>') {
            Some(close) => &after[from + close + 1..],
            None => "",
        };
    }
    text.push_str(rest);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Fails naming every English phrase of `english` that `page` still shows, and any
/// message left untranslated as its key.
pub fn assert_no_english(page: &str, english: &[&str], what: &str) {
    let text = visible_text(page);
    let left: Vec<&&str> = english.iter().filter(|e| text.contains(**e)).collect();
    assert!(left.is_empty(), "{what} still shows {left:?}: {text}");
    assert!(
        !text.contains("Unknown localization key"),
        "{what} misses a message: {text}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_home_page_speaks_the_browsers_language() {
    let app = spawn_app().await;
    let today = Utc::now().date_naive();
    app.new_cohort_with("spring", today - Days::new(3), |_| {})
        .await;
    let english = page_in(&app, "/", "en-GB,en;q=0.9").await;
    assert_eq!(html_lang(&english), "en");
    assert!(english.contains("things in 8 weeks") && english.contains("0 participants"));
    let dutch = page_in(&app, "/", "nl-BE,nl;q=0.9,en;q=0.5").await;
    assert_eq!(html_lang(&dutch), "nl");
    assert!(dutch.contains("dingen in 8 weken"), "{dutch}");
    assert!(dutch.contains("0 deelnemers") && dutch.contains("week 1 van 8"));
    let english_words = [
        "Sign in",
        "Lessons",
        "Join",
        "Skip to content",
        "things in",
        "participants",
        "This week",
        "Read the posts",
        "Learn by doing",
    ];
    assert_no_english(&dutch, &english_words, "the Dutch home page");
    let german = page_in(&app, "/", "fr;q=1, de;q=0.5").await;
    assert_eq!(html_lang(&german), "de");
    assert!(german.contains("Dinge in 8 Wochen") && german.contains("Woche 1 von 8"));
    assert_no_english(&german, &english_words, "the German home page");
    for unknown in ["fr, ja;q=0.5", "", "nl;q=0", "*"] {
        assert_eq!(
            html_lang(&page_in(&app, "/", unknown).await),
            "en",
            "{unknown:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn dates_follow_the_language() {
    let app = spawn_app().await;
    let starts = chrono::NaiveDate::from_ymd_opt(2031, 3, 3).unwrap();
    app.new_cohort_with("later", starts, |_| {}).await;
    assert!(page_in(&app, "/", "en").await.contains("starts 3 Mar 2031"));
    assert!(
        page_in(&app, "/", "nl")
            .await
            .contains("begint op 3 mrt 2031")
    );
    assert!(
        page_in(&app, "/", "de")
            .await
            .contains("beginnt am 3. Mär 2031")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stranger_switches_language_with_the_footer_and_keeps_it() {
    let app = spawn_app().await;
    let stranger = Browser::new(&app);
    let home = stranger.get("/").await.body;
    assert!(home.contains(r#"action="/language""#) && home.contains(">Nederlands</button>"));
    let switched = stranger
        .submit(
            "/lessons",
            "/language",
            &[("lang", "de"), ("back", "/lessons")],
        )
        .await;
    assert_eq!(
        (switched.status, switched.location.as_str()),
        (303, "/lessons")
    );
    let lessons = stranger.get("/lessons").await.body;
    assert_eq!(html_lang(&lessons), "de");
    assert!(lessons.contains("Abmelden") || lessons.contains("Anmelden"));
    // The cookie wins over the browser's own language.
    let cookie_and_header = app
        .client
        .get(format!("{}/", app.address))
        .header("cookie", "lang=nl")
        .header("accept-language", "de")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(html_lang(&cookie_and_header), "nl");
    // Nowhere but this site, and only shipped languages.
    let away = stranger
        .submit(
            "/",
            "/language",
            &[("lang", "nl"), ("back", "//evil.example/")],
        )
        .await;
    assert_eq!(away.location, "/");
    let unknown = stranger
        .submit("/", "/language", &[("lang", "fr"), ("back", "/")])
        .await;
    assert_eq!(unknown.status, 400);
    assert!(unknown.body.contains("Nederlands"), "{}", unknown.body);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_persons_preference_beats_the_browser_and_is_kept_on_me() {
    let app = spawn_app().await;
    app.new_coordinator("ada@example.org", "Ada").await;
    let ada = Browser::sign_in(&app, "ada@example.org").await;
    let me = ada.get("/me").await.body;
    assert!(
        me.contains(r#"<select id="language" name="language">"#),
        "{me}"
    );
    let saved = ada
        .submit(
            "/me",
            "/me/preferences",
            &[("name", "Ada"), ("timezone", ""), ("language", "nl")],
        )
        .await;
    assert_eq!(saved.status, 303);
    let asked_in_german = ada
        .client
        .get(format!("{}/me", app.address))
        .header("accept-language", "de")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(html_lang(&asked_in_german), "nl");
    assert!(asked_in_german.contains("Ingelogd als Ada"));
    // The footer switcher keeps a signed-in person's choice as their preference.
    ada.submit("/", "/language", &[("lang", "de"), ("back", "/")])
        .await;
    let person =
        twentythree::people::find_person(&app.state.db, &"ada@example.org".parse().unwrap())
            .await
            .unwrap()
            .unwrap();
    assert_eq!(person.language.as_deref(), Some("de"));
    let refused = ada
        .submit(
            "/me",
            "/me/preferences",
            &[("name", "Ada"), ("timezone", ""), ("language", "klingon")],
        )
        .await;
    assert_eq!(refused.status, 400);
    assert!(
        refused
            .body
            .contains("Diese Sprache spricht Twentythree noch nicht")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn error_pages_speak_the_readers_language() {
    let app = spawn_app().await;
    let dutch = page_in(&app, "/no/such/page", "nl").await;
    assert_eq!(html_lang(&dutch), "nl");
    assert!(dutch.contains("Pagina niet gevonden"), "{dutch}");
    let german = page_in(&app, "/no/such/page", "de-AT").await;
    assert!(german.contains("Seite nicht gefunden"), "{german}");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_catalogue_check_passes_on_the_shipped_catalogues_and_names_what_is_broken() {
    let app = spawn_app().await;
    let shipped = app.run_cli(&["i18n", "check"]);
    assert!(shipped.status.success(), "{}", stderr(&shipped));
    assert!(
        stdout(&shipped).contains("complete in de, en, nl"),
        "{}",
        stdout(&shipped)
    );
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let from_folder = app.run_cli(&["i18n", "check", "--dir", folder.to_str().unwrap()]);
    assert!(from_folder.status.success(), "{}", stderr(&from_folder));

    let broken = tempfile::tempdir().unwrap();
    for code in ["en", "nl"] {
        std::fs::create_dir_all(broken.path().join(code)).unwrap();
    }
    std::fs::write(
        broken.path().join("en/pages.ftl"),
        "greeting = Hello { $name }\nbye = Goodbye\n",
    )
    .unwrap();
    std::fs::write(
        broken.path().join("nl/pages.ftl"),
        "greeting = Hallo { $naam }\nextra = Extra\n",
    )
    .unwrap();
    let failed = app.run_cli(&["i18n", "check", "--dir", broken.path().to_str().unwrap()]);
    assert!(!failed.status.success());
    let said = stderr(&failed);
    for problem in [
        "nl/pages.ftl: lacks `bye`",
        "nl/pages.ftl: has `extra`, which English lacks",
        "nl/pages.ftl: `greeting` uses the variables $naam but English uses $name",
    ] {
        assert!(said.contains(problem), "{problem}: {said}");
    }
}
