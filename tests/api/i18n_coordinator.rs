//! The coordinator's cockpit in the coordinator's language: every page family in Dutch and
//! German with no message missing and no English left, form problems and import lines in
//! Dutch, and the same pages unchanged in English for an English coordinator.

use crate::browser::Browser;
use crate::i18n::{assert_no_english, english_left, html_lang, visible_text};

/// Every page family of the cockpit, with the notices and filters that change its words.
const PAGES: &[&str] = &[
    "/coordinator",
    "/coordinator/cohorts/new",
    "/coordinator/cohorts/spring",
    "/coordinator/cohorts/spring?show=stalled&sort=quietest",
    "/coordinator/cohorts/spring?q=nobody-at-all",
    "/coordinator/cohorts/spring?notice=saved",
    "/coordinator/cohorts/spring/settings",
    "/coordinator/cohorts/spring/people/1",
    "/coordinator/cohorts/spring/people/2?notice=read&added=2",
    "/coordinator/cohorts/spring/people/2?notice=marked&thing=3",
    "/coordinator/cohorts/spring/reminders",
    "/coordinator/cohorts/spring/reminders?sent=2",
    "/coordinator/cohorts/spring/together",
    "/coordinator/cohorts/spring/together?notice=paired&paired=1&waiting=1",
    "/coordinator/cohorts/spring/import",
    "/coordinator/mail",
    "/coordinator/mail?cohort=spring",
];

/// English words of the cockpit that the Dutch and German pages word differently (none of
/// them in the lesson titles, the participants' names or the feed-health sentences, which
/// are not this catalogue's).
const ENGLISH: &[&str] = &[
    "Cohorts",
    "New cohort",
    "Mail log",
    "Active this week",
    "Failing feeds",
    "Links in the lessons",
    "Your API tokens",
    "Completion curve",
    "Lessons done",
    "Order by",
    "Legend:",
    "Import participants",
    "Partners and mentors",
    "Feed health",
    "Everyone (",
    "Stalled (",
    "Last active",
    "Nobody here",
    "longest quiet",
    "The cohort's settings were saved",
    "Time zone",
    "First day",
    "Lessons open on",
    "Who may read",
    "Create the cohort",
    "Routine email",
    "Re-poll now",
    "Fix the feed address",
    "Mark ticked lessons done",
    "Posts that counted for nothing",
    "No overrides",
    "new posts",
    "is marked done",
    "A friendly nudge",
    "Review before sending",
    "What it says",
    "reminders queued",
    "Learning partners",
    "Waiting for a partner",
    "Make someone a mentor",
    "Paired 1",
    "still waits",
    "CSV file",
    "The newest emails first",
    "all mail",
    "Queued",
    "Last problem",
    "Subject",
    "Tries",
];

/// Fails when `page` shows an English message of three words or more that `code` words
/// differently, one of [`ENGLISH`], or a missing message.
fn assert_translated(page: &str, code: &str, what: &str) {
    assert_eq!(html_lang(page), code, "{what}");
    // A reminder's preview is the email as its recipient reads it, in their language.
    let page = match page.find(r#"<pre class="panel email-preview">"#) {
        Some(start) => {
            let end = start + page[start..].find("</pre>").unwrap();
            format!("{}{}", &page[..start], &page[end..])
        }
        None => page.to_owned(),
    };
    let page = page.as_str();
    let text = visible_text(page);
    let left = english_left(
        &text,
        code,
        &["pages.ftl", "errors.ftl", "coordinator.ftl"],
        3,
    );
    assert!(
        left.is_empty(),
        "{what} in {code} still shows {left:?}: {text}"
    );
    assert_no_english(page, ENGLISH, &format!("{what} in {code}"));
    assert!(
        !text.contains("coord-"),
        "{what} in {code} shows a key: {text}"
    );
}

/// A bad cohort form: a blank name, an unknown time zone and an end before the start.
const BAD_COHORT: &[(&str, &str)] = &[
    ("name", " "),
    ("slug", "herfst-2027"),
    ("starts", "2027-03-01"),
    ("ends", "2027-02-01"),
    ("timezone", "Mars/Base"),
    ("release_time", "09:00"),
    ("pace", "cohort"),
    ("visibility", "public"),
];

#[tokio::test(flavor = "multi_thread")]
async fn every_coordinator_page_is_in_dutch_and_german_and_english_for_an_english_coordinator() {
    let (app, _host) = crate::in_browser::world().await;
    // The Dutch coordinator's browser asks for Dutch; the German one chose German on /me
    // while her browser asks for English.
    let dutch = Browser::speaking(&app, "nl-BE,nl;q=0.9,en;q=0.5");
    dutch.sign_in_from(&app, "coco@example.org", "/login").await;
    app.new_coordinator("gerda@example.org", "Gerda").await;
    let german = Browser::speaking(&app, "en-GB,en;q=0.8");
    german
        .sign_in_from(&app, "gerda@example.org", "/login")
        .await;
    german.choose_language("Gerda", "de").await;
    app.new_coordinator("emma@example.org", "Emma").await;
    let english = Browser::speaking(&app, "en-US,en;q=0.9");
    english
        .sign_in_from(&app, "emma@example.org", "/login")
        .await;

    for (browser, code) in [(&dutch, "nl"), (&german, "de")] {
        for path in PAGES {
            let page = browser.get(path).await;
            assert_eq!(page.status, 200, "{path} in {code}");
            assert_translated(&page.body, code, path);
        }
        // A review of reminders to send.
        let reminders = "/coordinator/cohorts/spring/reminders";
        let due = browser.get(reminders).await.body;
        let ticked: Vec<String> = due
            .match_indices("name=\"person-")
            .map(|(at, _)| {
                let rest = &due[at + 6..];
                rest[..rest.find('"').unwrap()].to_owned()
            })
            .collect();
        assert!(!ticked.is_empty(), "someone is due a reminder");
        let mut fields: Vec<(&str, &str)> = ticked.iter().map(|n| (n.as_str(), "on")).collect();
        fields.push(("step", "review"));
        let review = browser.submit(reminders, reminders, &fields).await;
        assert_eq!(review.status, 200);
        assert_translated(&review.body, code, "the reminders' review");
    }

    for path in PAGES {
        let page = english.get(path).await;
        assert_eq!(page.status, 200, "{path} in English");
        assert_eq!(html_lang(&page.body), "en", "{path}");
    }
    let grid = visible_text(&english.get("/coordinator/cohorts/spring").await.body);
    for words in [
        "Completion curve",
        "Legend:",
        "Everyone (",
        "Order by",
        "Feed health",
        "Import participants",
    ] {
        assert!(grid.contains(words), "{words}: {grid}");
    }
    let grid_nl = visible_text(&dutch.get("/coordinator/cohorts/spring").await.body);
    for words in ["Voortgangscurve", "Legenda:", "Iedereen (", "Sorteren op"] {
        assert!(grid_nl.contains(words), "{words}: {grid_nl}");
    }
    let list_de = visible_text(&german.get("/coordinator").await.body);
    assert!(list_de.contains("Gruppen") && list_de.contains("Aktiv diese Woche"));
}

#[tokio::test(flavor = "multi_thread")]
async fn form_problems_and_import_lines_speak_the_coordinators_language() {
    let (app, _host) = crate::in_browser::world().await;
    let dutch = Browser::speaking(&app, "nl");
    dutch.sign_in_from(&app, "coco@example.org", "/login").await;
    let new = "/coordinator/cohorts/new";
    let bad = dutch.submit(new, new, BAD_COHORT).await;
    assert_eq!(bad.status, 400);
    assert_translated(&bad.body, "nl", "the new cohort form with problems");
    let text = visible_text(&bad.body);
    for problem in [
        "Er is niets bewaard",
        "De groep heeft een naam nodig van 1 tot 200 tekens.",
        "„Mars&#x2f;Base” is geen IANA-tijdzone",
    ] {
        assert!(text.contains(problem), "{problem}: {text}");
    }
    assert!(
        !text.contains("is not an IANA time zone"),
        "no English problem: {text}"
    );
    let created = twentythree::cohorts::find(&app.state.db, "herfst-2027")
        .await
        .unwrap();
    assert!(created.is_none(), "a bad form creates nothing");

    // The same problem in English for the command line and an English coordinator.
    app.new_coordinator("emma@example.org", "Emma").await;
    let english = Browser::speaking(&app, "en");
    english
        .sign_in_from(&app, "emma@example.org", "/login")
        .await;
    let bad = english.submit(new, new, BAD_COHORT).await;
    assert_eq!(bad.status, 400);
    let text = visible_text(&bad.body);
    assert!(
        text.contains("&quot;Mars&#x2f;Base&quot; is not an IANA time zone"),
        "{text}"
    );
    assert!(
        text.contains("The cohort needs a name of 1 to 200 characters."),
        "{text}"
    );

    // An import with a bad line: the lines are reported in Dutch and nothing is imported.
    let page = "/coordinator/cohorts/spring/import";
    let token = dutch.token(page).await;
    let csv = "name,email,blog\nEef,eef@example.org,https://eef.example.org/\nFien,geen-adres,https://fien.example.org/\n";
    let answer = crate::cockpit::upload(&dutch, page, &token, csv.as_bytes())
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 400);
    let report = answer.text().await.unwrap();
    assert_translated(&report, "nl", "the import report");
    let text = visible_text(&report);
    assert!(text.contains("Er is niets geïmporteerd"), "{text}");
    assert!(
        text.contains("„geen-adres” is geen geldig e-mailadres"),
        "{text}"
    );
    assert!(!text.contains("is not a valid email address"), "{text}");

    // A flash of the together page and a refused pairing, in German.
    let german = Browser::speaking(&app, "de");
    german
        .sign_in_from(&app, "coco@example.org", "/login")
        .await;
    let together = "/coordinator/cohorts/spring/together";
    let refused = german
        .submit(
            together,
            "/coordinator/cohorts/spring/together/pairs",
            &[("first", "1"), ("second", "1")],
        )
        .await;
    assert_eq!(refused.status, 400);
    assert_translated(&refused.body, "de", "a refused pairing");
    assert!(visible_text(&refused.body).contains("Wähle zwei verschiedene Personen."));
}
