//! The interface in the reader's language: negotiation (preference, program, switcher
//! cookie, `Accept-Language` with q-weights and regional variants, English), every page in
//! Dutch and German with no message missing and no English left, plurals, dates,
//! `<html lang>`, and the catalogue check.

use chrono::{Days, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::browser::Browser;
use crate::helpers::{TestApp, spawn_app, stderr, stdout};

/// The page at `path` as `client` asks for it with `headers`.
async fn page_with(
    client: &reqwest::Client,
    app: &TestApp,
    path: &str,
    headers: &[(&str, &str)],
) -> String {
    let mut request = client.get(format!("{}{path}", app.address));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.unwrap().text().await.unwrap()
}

/// The page at `path` as a browser asking for `accept_language` sees it.
async fn page_in(app: &TestApp, path: &str, accept_language: &str) -> String {
    page_with(
        &app.client,
        app,
        path,
        &[("accept-language", accept_language)],
    )
    .await
}

/// The `lang` of a page's `<html>`.
pub fn html_lang(page: &str) -> &str {
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
    let cookie_and_header = page_with(
        &app.client,
        &app,
        "/",
        &[("cookie", "lang=nl"), ("accept-language", "de")],
    )
    .await;
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
    let asked_in_german = page_with(&ada.client, &app, "/me", &[("accept-language", "de")]).await;
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

/// The messages of `code`'s catalogue `files` without variables or markup, by key.
fn plain_messages(code: &str, files: &[&str]) -> std::collections::BTreeMap<String, String> {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(code);
    let mut messages = std::collections::BTreeMap::new();
    for file in files {
        let text = std::fs::read_to_string(folder.join(file)).unwrap();
        for line in text.lines() {
            if let Some((key, value)) = line.split_once(" = ")
                && !key.starts_with([' ', '#'])
                && !value.contains(['{', '<'])
            {
                messages.insert(key.to_owned(), value.to_owned());
            }
        }
    }
    messages
}

/// The English messages of catalogue `files` (of at least `min_words` words) that `text`
/// shows although `code` words them differently.
pub fn english_left(text: &str, code: &str, files: &[&str], min_words: usize) -> Vec<String> {
    let english = plain_messages("en", files);
    let other = plain_messages(code, files);
    english
        .into_iter()
        .filter(|(key, value)| {
            value.split(' ').count() >= min_words
                && other.get(key) != Some(value)
                && text.contains(value.as_str())
        })
        .map(|(_, value)| value)
        .collect()
}

/// Fails when `page` shows an English message that `code` words differently, or one of the
/// English phrases every page family used to show.
fn assert_translated(page: &str, code: &str, what: &str) {
    assert_eq!(html_lang(page), code, "{what}");
    // Lesson content is the program's, in the program's language.
    let page = match (
        page.find(r#"<div class="prose">"#),
        page.find(r#"<aside class="panel how-to-count">"#),
    ) {
        (Some(start), Some(end)) if start < end => format!("{}{}", &page[..start], &page[end..]),
        _ => page.to_owned(),
    };
    let page = page.as_str();
    let text = visible_text(page);
    // Short phrases may be the programs' own words ("the default program").
    let left = english_left(&text, code, &["pages.ftl", "errors.ftl"], 4);
    assert!(
        left.is_empty(),
        "{what} in {code} still shows {left:?}: {text}"
    );
    assert_no_english(
        page,
        &[
            "Sign in",
            "Sign out",
            "My progress",
            "Everyone's posts",
            "things done",
            "Skip to content",
            "date unknown",
            "Read on their blog",
            "Celebration wall",
            "Your blog",
            "Your preferences",
            "Learn by doing",
            "Page 1 of",
        ],
        &format!("{what} in {code}"),
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn every_participant_page_family_is_in_dutch_and_german() {
    let (app, _host) = crate::in_browser::world().await;
    let token = twentythree::people::find_person(&app.state.db, &"p1@example.org".parse().unwrap())
        .await
        .unwrap()
        .unwrap()
        .unsubscribe_token;
    let unsubscribe = format!("/unsubscribe/{token}");
    let public = [
        "/",
        "/lessons",
        "/lessons/1",
        "/lessons/20",
        "/programs",
        "/cohorts/spring",
        "/cohorts/spring?q=kim",
        "/cohorts/spring/posts",
        "/cohorts/spring/posts?who=kim",
        "/cohorts/spring/posts?thing=1",
        "/cohorts/spring/people/1",
        "/cohorts/spring/people/2",
        "/cohorts/spring/finishers",
        "/cohorts/spring/people/1/certificate",
        "/login",
        "/join",
        "/no/such/page",
        unsubscribe.as_str(),
    ];
    for code in ["nl", "de"] {
        let stranger = Browser::speaking(&app, code);
        // Cohort pages speak their (English) program's language to a browser; a stranger
        // who wants their own language there says so with the footer switcher.
        stranger
            .submit("/", "/language", &[("lang", code), ("back", "/")])
            .await;
        for path in public {
            let page = stranger.get(path).await;
            assert!(
                page.status == 200 || page.status == 404,
                "{path}: {}",
                page.status
            );
            assert_translated(&page.body, code, path);
        }
        let joined = stranger
            .submit(
                "/join",
                "/join",
                &[
                    ("name", "Lies"),
                    ("email", "x"),
                    ("blog", ""),
                    ("cohort", "nope"),
                    ("step", "check"),
                ],
            )
            .await;
        assert_eq!(joined.status, 400);
        assert_translated(&joined.body, code, "the join form with problems");
        let sent = stranger
            .submit("/login", "/login", &[("email", "p1@example.org")])
            .await;
        assert_translated(&sent.body, code, "the sign-in answer");
    }
    for (email, code) in [
        ("p1@example.org", "nl"),
        ("p0@example.org", "de"),
        ("p5@example.org", "nl"),
    ] {
        let person = Browser::speaking(&app, code);
        person.sign_in_from(&app, email, "/login").await;
        let me = person.get("/me").await;
        assert_eq!(me.status, 200);
        assert_translated(&me.body, code, &format!("/me of {email}"));
        let saved = person
            .submit(
                "/me",
                "/me/preferences",
                &[("name", "Someone"), ("timezone", "Europe/Amsterdam")],
            )
            .await;
        let after = person.get(&saved.location).await;
        assert_translated(&after.body, code, "/me after saving");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cohort_page_speaks_its_programs_language_unless_the_reader_chose() {
    let lessons = tempfile::tempdir().unwrap();
    let dir = lessons.path();
    crate::programs::two_programs(dir, 3, true);
    let folder = dir.to_owned();
    let app = crate::helpers::spawn_app_with(move |config| config.lessons_dir = folder).await;
    app.create_cohort(
        "berlin",
        Utc::now().date_naive(),
        &["--program", "zehn-dinge"],
    );
    let english_browser = page_in(&app, "/cohorts/berlin", "en").await;
    assert_eq!(html_lang(&english_browser), "de");
    assert!(english_browser.contains("Alle Beiträge"));
    // The home page is nobody's cohort: the browser's language.
    assert_eq!(html_lang(&page_in(&app, "/", "en").await), "en");
    // A stranger who chose Dutch in the footer gets Dutch, even here.
    let chosen = in_language(&app, "/cohorts/berlin", "nl").await;
    assert_eq!(html_lang(&chosen), "nl");
}

/// The page at `path` for a stranger who chose `code` with the footer switcher.
async fn in_language(app: &TestApp, path: &str, code: &str) -> String {
    let cookie = format!("lang={code}");
    page_with(&app.client, app, path, &[("cookie", &cookie)]).await
}

#[tokio::test(flavor = "multi_thread")]
async fn plurals_and_numbers_follow_the_language() {
    let (app, _host) = crate::in_browser::world().await;
    let english = page_in(&app, "/cohorts/spring/finishers", "en").await;
    assert!(english.contains("1 person has"), "{english}");
    let dutch = in_language(&app, "/cohorts/spring/finishers", "nl").await;
    assert!(dutch.contains("1 persoon heeft"), "{dutch}");
    let german = in_language(&app, "/cohorts/spring", "de").await;
    assert!(german.contains("16 Personen machen mit"), "{german}");
    assert!(german.contains("1 Person ist fertig"), "{german}");
    let river = in_language(&app, "/cohorts/spring/posts?person=2", "nl").await;
    assert!(
        river.contains("1 bericht.") || river.contains("berichten."),
        "{river}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_dutch_colleague_joins_from_a_dutch_browser_and_keeps_dutch_her_english_colleague_english()
 {
    let (app, host) = crate::in_browser::world().await;
    for (path, name) in [("/lies.xml", "Lies"), ("/sam.xml", "Sam")] {
        host.set_fault(
            path,
            crate::blog_host::Fault::Body(
                "application/rss+xml".into(),
                crate::in_browser::blog(name, &[1]),
            ),
        );
    }
    let mut people = Vec::new();
    for (name, email, language, path) in [
        (
            "Lies de Vries",
            "lies@example.org",
            "nl-NL,nl;q=0.9,en;q=0.5",
            "/lies.xml",
        ),
        ("Sam Smith", "sam@example.org", "en-GB,en;q=0.9", "/sam.xml"),
    ] {
        let browser = Browser::speaking(&app, language);
        let blog = host.url(path);
        let fields = [
            ("name", name),
            ("email", email),
            ("blog", blog.as_str()),
            ("cohort", "spring"),
            ("step", "confirm"),
        ];
        let sent = browser.submit("/join", "/join", &fields).await;
        assert_eq!(sent.status, 200, "{}", sent.body);
        app.send_mail().await;
        // The confirmation speaks the language of the page she asked on.
        let (subject, text, _) =
            mail_to(&app, twentythree::entities::outbox::Kind::Confirm, email).await;
        let (opening, body) = if language.starts_with("nl") {
            ("Bevestig dat je meedoet aan ", "Iemand (hopelijk jij)")
        } else {
            ("Confirm that you are joining ", "Someone (we hope you)")
        };
        assert!(subject.starts_with(opening), "{subject}");
        assert!(text.contains(body), "{text}");
        let mail = app.smtp.to(email).last().cloned().expect("a confirmation");
        let link = crate::browser::link_in(&mail.data, "/join/");
        let path = link.split('?').next().unwrap().to_owned();
        let joined = browser.submit(&link, &path, &[]).await;
        assert_eq!((joined.status, joined.location.as_str()), (303, "/me"));
        people.push((browser, email));
    }
    for (email, language) in [("lies@example.org", "nl"), ("sam@example.org", "en")] {
        let person = twentythree::people::find_person(&app.state.db, &email.parse().unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(person.language.as_deref(), Some(language), "{email}");
    }
    let lies = people[0].0.get("/me").await.body;
    assert_eq!(html_lang(&lies), "nl");
    assert!(lies.contains("Hallo Lies de Vries"), "{lies}");
    // The cohort's (English) pages follow her preference too.
    assert_eq!(
        html_lang(&people[0].0.get("/cohorts/spring").await.body),
        "nl"
    );
    let sam = people[1].0.get("/me").await.body;
    assert_eq!(html_lang(&sam), "en");
    assert!(sam.contains("Hello, Sam Smith"));

    // Next week's letter (week 4 opens in four days), and then her celebration, in Dutch;
    // Sam's in English.
    let week_4 = Utc::now() + chrono::Duration::days(4) + chrono::Duration::hours(1);
    app.state.clone_notices().tick(week_4).await.unwrap();
    let cohort = twentythree::cohorts::find(&app.state.db, "spring")
        .await
        .unwrap()
        .unwrap();
    for (email, letter, celebration) in [
        (
            "lies@example.org",
            "Week 4 van Spring 2027 at the Library is begonnen",
            "Je hebt Spring 2027 at the Library afgerond!",
        ),
        (
            "sam@example.org",
            "Week 4 of Spring 2027 at the Library is open",
            "You finished Spring 2027 at the Library!",
        ),
    ] {
        let (subject, ..) =
            mail_to(&app, twentythree::entities::outbox::Kind::Release, email).await;
        assert_eq!(subject, letter, "{email}");
        let person = twentythree::people::find_person(&app.state.db, &email.parse().unwrap())
            .await
            .unwrap()
            .unwrap();
        let member = twentythree::entities::participant::Entity::find()
            .filter(twentythree::entities::participant::Column::PersonId.eq(person.id))
            .filter(twentythree::entities::participant::Column::CohortId.eq(cohort.id))
            .one(&app.state.db)
            .await
            .unwrap()
            .unwrap();
        app.finish_by_coordinator(&member).await;
        let (subject, ..) = mail_to(
            &app,
            twentythree::entities::outbox::Kind::Celebration,
            email,
        )
        .await;
        assert_eq!(subject, celebration, "{email}");
    }
}

/// The email of `kind` sent to `email`: its subject and both parts.
async fn mail_to(
    app: &TestApp,
    kind: twentythree::entities::outbox::Kind,
    email: &str,
) -> (String, String, String) {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    use twentythree::entities::outbox;
    let mail = outbox::Entity::find()
        .filter(outbox::Column::Kind.eq(kind))
        .filter(outbox::Column::Recipients.contains(email))
        .one(&app.state.db)
        .await
        .unwrap()
        .expect("such an email");
    (mail.subject, mail.text_body, mail.html_body)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_finisher_is_celebrated_and_signs_in_in_their_own_language() {
    use sea_orm::ConnectionTrait;
    use twentythree::cohorts::{Pace, Visibility};
    use twentythree::entities::outbox::Kind;
    let app = spawn_app().await;
    let start = Utc::now().date_naive() - Days::new(60);
    let cohort = app
        .new_cohort("herfst", start, Visibility::Public, Pace::Cohort)
        .await;
    let joined = Utc::now() - chrono::Duration::days(60);
    let anke = app
        .join_at(
            &cohort,
            "Anke",
            "anke@example.org",
            "https://anke.example.org/",
            joined,
        )
        .await;
    let grace = app
        .join_at(
            &cohort,
            "Grace",
            "grace@example.org",
            "https://grace.example.org/",
            joined,
        )
        .await;
    let lukas = app
        .join_at(
            &cohort,
            "Lukas",
            "lukas@example.org",
            "https://lukas.example.org/",
            joined,
        )
        .await;
    for (email, language) in [("anke@example.org", "nl"), ("lukas@example.org", "de")] {
        app.state
            .db
            .execute_unprepared(&format!(
                "UPDATE people SET language = '{language}' WHERE email = '{email}'"
            ))
            .await
            .unwrap();
    }
    for member in [&anke, &grace, &lukas] {
        app.finish_by_coordinator(member).await;
    }

    let (subject, text, html) = mail_to(&app, Kind::Celebration, "anke@example.org").await;
    assert_eq!(subject, "Je hebt Cohort herfst afgerond!");
    assert!(
        text.contains("Beste Anke,") && text.contains("alle 23 dingen van Cohort herfst"),
        "{text}"
    );
    assert!(
        html.contains(r#"<html lang="nl">"#) && html.contains("Bekijk de feestmuur"),
        "{html}"
    );
    for english in [
        "You did it",
        "celebration wall",
        "Thank you",
        "ready to print",
    ] {
        assert!(
            !text.contains(english) && !html.contains(english),
            "{english} in {text}"
        );
    }

    let (subject, text, html) = mail_to(&app, Kind::Celebration, "lukas@example.org").await;
    assert_eq!(subject, "Du hast Cohort herfst geschafft!");
    assert!(
        text.contains("Hallo Lukas,") && html.contains(r#"<html lang="de">"#),
        "{text}"
    );
    assert!(
        text.contains("unterwegs 0 Beiträge in deinem Blog"),
        "plural of none: {text}"
    );

    // Her English colleague in the same cohort hears it in English.
    let (subject, text, html) = mail_to(&app, Kind::Celebration, "grace@example.org").await;
    assert_eq!(subject, "You finished Cohort herfst!");
    assert!(
        text.contains("Dear Grace,") && text.contains("0 posts on your blog"),
        "{text}"
    );
    assert!(html.contains(r#"<html lang="en">"#) && html.contains("See the celebration wall"));

    // Her sign-in link comes in Dutch too, his in English.
    Browser::sign_in(&app, "anke@example.org").await;
    let (subject, text, _) = mail_to(&app, Kind::Login, "anke@example.org").await;
    assert_eq!(subject, "Je link om in te loggen bij Twentythree");
    assert!(
        text.contains("Hallo Anke,") && text.contains("zonder de link"),
        "{text}"
    );
    Browser::sign_in(&app, "grace@example.org").await;
    let (subject, _, _) = mail_to(&app, Kind::Login, "grace@example.org").await;
    assert_eq!(subject, "Your link to sign in to Twentythree");
}
