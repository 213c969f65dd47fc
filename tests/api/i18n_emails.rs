//! Every email kind in the recipient's own language: a Dutch, a German and an English
//! member of one cohort (and Dutch, German and English coordinators and mentors) get the
//! weekly letter, the highlight, the mentor's note, the reminder, the feed problem, the
//! halfway note, the note about a finisher and the already-joined note, each through the
//! real path (the notice worker's `tick`, the coordinator's reminders, the join form), with
//! the subject and both parts in their language, dates and plurals as it writes them, and
//! no English left in the Dutch and German ones.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};
use twentythree::cohorts::{Pace, Visibility};
use twentythree::entities::{cohort, feed, outbox, participant, post};
use twentythree::i18n::{self, Locale};

use crate::blog_host::{BlogHost, Fault};
use crate::browser::Browser;
use crate::helpers::{TestApp, days_from_today, spawn_app};
use crate::i18n::visible_text;
use crate::together::feed as rss;

/// One email as the outbox keeps it.
struct Mail {
    subject: String,
    text: String,
    html: String,
}

/// Every email of `kind` to `email`, oldest first.
async fn mails(app: &TestApp, kind: outbox::Kind, email: &str) -> Vec<Mail> {
    outbox::Entity::find()
        .filter(outbox::Column::Kind.eq(kind))
        .filter(outbox::Column::Recipients.contains(format!("\"{email}\"")))
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|row| Mail {
            subject: row.subject,
            text: row.text_body,
            html: row.html_body,
        })
        .collect()
}

/// The one email of `kind` to `email`.
async fn mail(app: &TestApp, kind: outbox::Kind, email: &str) -> Mail {
    let mut all = mails(app, kind, email).await;
    assert_eq!(all.len(), 1, "one {kind:?} to {email}");
    all.remove(0)
}

/// The English messages of `emails.ftl` that `code` words differently, without variables
/// or markup and of four words or more: none of them may show in a `code` email.
fn english_only(code: &str) -> Vec<String> {
    let read = |code: &str| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(code)
            .join("emails.ftl");
        std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .filter_map(|line| line.split_once(" = "))
            .filter(|(key, value)| !key.starts_with([' ', '#']) && !value.contains(['{', '<']))
            .map(|(key, value)| (key.to_owned(), value.to_owned()))
            .collect::<std::collections::BTreeMap<_, _>>()
    };
    let (english, other) = (read("en"), read(code));
    english
        .into_iter()
        .filter(|(key, value)| value.split(' ').count() >= 4 && other.get(key) != Some(value))
        .map(|(_, value)| value)
        .collect()
}

/// English words the emails used to say, none of which Dutch or German has.
const ENGLISH: &[&str] = &[
    "Hello",
    "Dear",
    "is open",
    "This week",
    "things",
    "Your ",
    "your ",
    "Stop these",
    "Keep going",
    "learning partner",
    "Everyone",
    "calendar",
    "Halfway",
    "Thank",
    "celebrat",
    "mentees",
    "Stalled",
    "comment",
    "What is wrong",
    "What to do",
    "address",
    " by ",
    "Sign in",
    "sign in",
    "example",
    "progress",
    "minutes",
    "already",
    "finished",
    "does not",
    "Someone",
    "nudge",
    "Next up",
    "Twenty minutes",
    "opens",
    "opened",
    "lesson",
    "participants",
    "Their blog",
    "Everything",
    "email",
    "well done",
];

/// Fails when `mail` (to someone who reads `code`) still says something in English, or
/// shows a message's key instead of the message. Lesson titles and "Thing N" are the
/// program's own words, and addresses are addresses: they are left out of the check.
fn assert_translated(app: &TestApp, cohort: &cohort::Model, mail: &Mail, code: &str, what: &str) {
    assert!(
        mail.html.contains(&format!("<html lang=\"{code}\">")),
        "{what}: {}",
        mail.html
    );
    let program = app.state.programs.of(cohort);
    for (part, body) in [
        ("subject", mail.subject.clone()),
        ("text", mail.text.clone()),
        ("html", visible_text(&mail.html)),
    ] {
        let mut said: String = body
            .split_whitespace()
            .filter(|word| !word.contains("http"))
            .collect::<Vec<_>>()
            .join(" ");
        for lesson in &program.lessons {
            said = said.replace(&lesson.title, "");
        }
        let left: Vec<&str> = ENGLISH
            .iter()
            .copied()
            .filter(|english| said.contains(english))
            .collect();
        assert!(
            left.is_empty(),
            "{what} ({part}) in {code} says {left:?}: {said}"
        );
        let sentences: Vec<String> = english_only(code)
            .into_iter()
            .filter(|english| said.contains(english.as_str()))
            .collect();
        assert!(
            sentences.is_empty(),
            "{what} ({part}) in {code} says {sentences:?}: {said}"
        );
        for key in [
            "-subject",
            "release-",
            "reminder-",
            "email-",
            "mentor-note-",
        ] {
            assert!(!said.contains(key), "{what} ({part}) shows a key: {said}");
        }
    }
}

/// A member of the test cohort: name, address, language they chose, and their posts.
struct Member {
    name: &'static str,
    email: &'static str,
    code: Option<&'static str>,
    posts: &'static [crate::together::Post<'static>],
}

const MEMBERS: [Member; 4] = [
    Member {
        name: "Anke",
        email: "anke@example.org",
        code: Some("nl"),
        posts: &[("Thing 7: Anke", 2, Some(0))],
    },
    Member {
        name: "Lukas",
        email: "lukas@example.org",
        code: Some("de"),
        posts: &[("Thing 7: Lukas", 2, Some(0))],
    },
    Member {
        name: "Grace",
        email: "grace@example.org",
        code: Some("en"),
        posts: &[("Thing 7: Grace", 2, Some(0))],
    },
    // No language of her own: the (English) program's.
    Member {
        name: "Bo",
        email: "bo@example.org",
        code: None,
        posts: &[],
    },
];

async fn set_language(app: &TestApp, email: &str, code: &str) {
    app.state
        .db
        .execute_unprepared(&format!(
            "UPDATE people SET language = '{code}' WHERE email = '{email}'"
        ))
        .await
        .unwrap();
}

/// The cohort "herfst", started 20 days ago (week 3, Things 7 to 9, opened 6 days ago) and
/// set up before that, with the members above, their feeds read.
async fn herfst(app: &TestApp) -> (cohort::Model, Vec<participant::Model>, BlogHost) {
    let cohort = app
        .new_cohort(
            "herfst",
            days_from_today(-20),
            Visibility::Public,
            Pace::Cohort,
        )
        .await;
    let mut row: cohort::ActiveModel = cohort.clone().into();
    row.created_at = Set(Utc::now() - Duration::days(60));
    row.celebrate_cohort = Set(true);
    let cohort = row.update(&app.state.db).await.unwrap();
    let host = BlogHost::start(app.state.config.base_url.as_str()).await;
    let mut people = Vec::new();
    for m in &MEMBERS {
        let path = format!("/{}/feed.xml", m.name.to_lowercase());
        host.set_fault(
            &path,
            Fault::Body("application/rss+xml".into(), rss(m.posts)),
        );
        let joined = Utc::now() - Duration::days(20);
        people.push(
            app.join_at(&cohort, m.name, m.email, &host.url(&path), joined)
                .await,
        );
        if let Some(code) = m.code {
            set_language(app, m.email, code).await;
        }
    }
    app.poll_feeds().await;
    (cohort, people, host)
}

/// Each reader's language and the subject they get.
type Expected<'a> = [(&'a str, &'a str); 3];

async fn check_kind(
    app: &TestApp,
    cohort: &cohort::Model,
    kind: outbox::Kind,
    to: [&str; 3],
    expected: Expected<'_>,
    says: [(&str, &str); 3],
) {
    for ((email, (code, subject)), (text, html)) in to.iter().zip(expected).zip(says) {
        let mail = mail(app, kind, email).await;
        assert_eq!(mail.subject, subject, "{kind:?} to {email}");
        assert!(
            mail.text.contains(text),
            "{kind:?} to {email}: {}",
            mail.text
        );
        assert!(
            visible_text(&mail.html).contains(html),
            "{kind:?} to {email}: {}",
            mail.html
        );
        if code == "en" {
            assert!(mail.html.contains("<html lang=\"en\">"));
        } else {
            assert_translated(app, cohort, &mail, code, &format!("{kind:?}"));
        }
    }
}

const READERS: [&str; 3] = ["anke@example.org", "lukas@example.org", "grace@example.org"];

#[tokio::test(flavor = "multi_thread")]
async fn every_email_kind_speaks_the_recipients_language() {
    use outbox::Kind;
    let app = spawn_app().await;
    let (cohort, people, host) = herfst(&app).await;
    let db = &app.state.db;
    let (anke, lukas, grace, bo) = (&people[0], &people[1], &people[2], &people[3]);
    for (email, name, code) in [
        ("sam@example.org", "Sam", "en"),
        ("kees@example.org", "Kees", "nl"),
        ("karl@example.org", "Karl", "de"),
    ] {
        app.new_coordinator(email, name).await;
        set_language(&app, email, code).await;
    }
    // Each mentor has a reader whose post waits for a comment, and Bo, who is stalled.
    for (email, name, code, mentee) in [
        ("mo@example.org", "Mo", "nl", anke),
        ("max@example.org", "Max", "de", lukas),
        ("meg@example.org", "Meg", "en", grace),
    ] {
        twentythree::together::mentors::assign(
            db,
            &cohort,
            (&email.parse().unwrap(), name),
            &[mentee.id, bo.id],
            Utc::now(),
        )
        .await
        .unwrap();
        set_language(&app, email, code).await;
    }
    twentythree::together::partners::pair_by_hand(db, &cohort, anke.id, lukas.id, Utc::now())
        .await
        .unwrap();
    twentythree::together::partners::pair_by_hand(db, &cohort, grace.id, bo.id, Utc::now())
        .await
        .unwrap();
    // Sam holds each reader's post up as an example for Thing 7.
    let sam = twentythree::people::find_person(db, &"sam@example.org".parse().unwrap())
        .await
        .unwrap();
    let viewer = twentythree::access::Viewer::load(db, sam).await.unwrap();
    for (member, name) in [(anke, "Anke"), (lukas, "Lukas"), (grace, "Grace")] {
        let post = post::Entity::find()
            .filter(post::Column::Title.eq(format!("Thing 7: {name}")))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        twentythree::together::highlights::highlight(
            db,
            (&app.state.programs, &app.state.config.base_url),
            &viewer,
            twentythree::together::highlights::Target {
                author: member.id,
                post: post.id,
                lesson: 7,
            },
            "★★★",
            Utc::now(),
        )
        .await
        .unwrap();
    }
    let notices = app.state.clone_notices();
    let now = Utc::now();
    notices.tick(now).await.unwrap();

    // The weekly letter, its date as each language writes it.
    let opened: DateTime<Utc> = twentythree::cohorts::week_opens(&cohort, 3);
    let when = |locale| format!("{} UTC", i18n::short_datetime(locale, &opened));
    let (nl_opened, de_opened, en_opened) = (when(Locale::Nl), when(Locale::De), when(Locale::En));
    check_kind(
        &app,
        &cohort,
        Kind::Release,
        READERS,
        [
            ("nl", "Week 3 van Cohort herfst is begonnen"),
            ("de", "Woche 3 von Cohort herfst hat begonnen"),
            ("en", "Week 3 of Cohort herfst is open"),
        ],
        [
            (
                &format!("Week 3 van Cohort herfst is begonnen op {nl_opened}. Deze week:"),
                "Je leermaatje",
            ),
            (
                &format!("Woche 3 von Cohort herfst hat am {de_opened} begonnen. Diese Woche:"),
                "Anke hat Thing 7: Anke geschrieben.",
            ),
            (
                &format!("Week 3 of Cohort herfst opened on {en_opened}. This week:"),
                "Bo has not posted yet",
            ),
        ],
    )
    .await;
    let letter = mail(&app, Kind::Release, "anke@example.org").await;
    assert!(
        letter
            .text
            .contains("Je leermaatje, Lukas, schreef ‘Thing 7: Lukas’")
            && letter.text.contains("Deze week uit je groep:")
            && letter.text.contains("Een voorbeeld om van te leren: ★★★"),
        "{}",
        letter.text
    );
    let letter = mail(&app, Kind::Release, "lukas@example.org").await;
    assert!(
        letter
            .text
            .contains("Warten noch auf einen ersten Kommentar:")
            && letter.text.contains("Thing 7: Anke, von Anke"),
        "{}",
        letter.text
    );

    check_kind(
        &app,
        &cohort,
        Kind::Highlight,
        READERS,
        [
            ("nl", "Je bericht is een voorbeeld bij Thing 7"),
            ("de", "Dein Beitrag ist ein Beispiel für Thing 7"),
            ("en", "Your post is an example for Thing 7"),
        ],
        [
            (
                "Sam koos je bericht ‘Thing 7: Anke’ als voorbeeld bij Thing 7",
                "Hallo Anke, Sam koos je bericht",
            ),
            (
                "Sam hat deinen Beitrag „Thing 7: Lukas“ als Beispiel für Thing 7",
                "Danke, dass du teilst",
            ),
            (
                "Sam chose your post \"Thing 7: Grace\" as an example for Thing 7",
                "Thank you for sharing",
            ),
        ],
    )
    .await;

    check_kind(
        &app,
        &cohort,
        Kind::MentorNote,
        ["mo@example.org", "max@example.org", "meg@example.org"],
        [
            ("nl", "Je pupillen deze week"),
            ("de", "Deine Mentees in dieser Woche"),
            ("en", "Your mentees this week"),
        ],
        [
            (
                "Bo (Cohort herfst): 0 van de 23 dingen gedaan. Stilgevallen: al 14 dagen",
                "Thing 7: Anke (nog geen reactie)",
            ),
            ("Ins Stocken geraten: seit 14 Tagen", "noch kein Kommentar"),
            ("Stalled: no lesson done for 14 days", "no comment yet"),
        ],
    )
    .await;

    // The coordinator's reminders: the readers are behind, each told why in their words.
    let reminder = twentythree::progress::reminders::Reminder {
        program: app.state.programs.of(&cohort),
        cohort: &cohort,
        base_url: &app.state.config.base_url,
    };
    let sent = twentythree::progress::reminders::send(db, &reminder, None, Utc::now())
        .await
        .unwrap();
    assert_eq!(sent, 4, "the three readers are behind and Bo is stalled");
    check_kind(
        &app,
        &cohort,
        Kind::Reminder,
        READERS,
        [
            ("nl", "Ga verder met Cohort herfst"),
            ("de", "Bleib dran bei Cohort herfst"),
            ("en", "Keep going with Cohort herfst"),
        ],
        [
            (
                "Een vriendelijk duwtje van Cohort herfst: je hebt tot nu toe 1 van de 23 dingen gedaan, goed bezig.",
                "lessen al meer dan een week voor je klaar",
            ),
            (
                "Du hast bisher 1 von 23 Dingen erledigt, gut gemacht.",
                "Lektionen sind seit über einer Woche offen und warten auf dich",
            ),
            (
                "you have done 1 of 23 things so far, well done.",
                "lessons have been open for over a week",
            ),
        ],
    )
    .await;
    let to_bo = mail(&app, Kind::Reminder, "bo@example.org").await;
    assert!(
        to_bo.text.contains("0 of 23 things so far.")
            && to_bo
                .text
                .contains("It has been 14 days or more since you last finished a lesson."),
        "{}",
        to_bo.text
    );
    // The coordinator's list says the reason in words too, in any language.
    let rows = twentythree::progress::grid::rows(db, reminder.program, &cohort, Utc::now())
        .await
        .unwrap();
    let bo_row = rows.iter().find(|r| r.id == bo.id).unwrap();
    let anke_row = rows.iter().find(|r| r.id == anke.id).unwrap();
    use twentythree::progress::reminders::Reason;
    assert_eq!(
        Reason::of(bo_row).unwrap().in_words(Locale::De),
        "ins Stocken geraten: seit 14 Tagen oder länger keine Lektion erledigt"
    );
    assert!(
        Reason::of(anke_row)
            .unwrap()
            .in_words(Locale::Nl)
            .ends_with("lessen al meer dan een week open en niet gedaan"),
        "{:?}",
        Reason::of(anke_row)
    );
    assert_eq!(
        Reason::Behind { lessons: 1 }.in_words(Locale::En),
        "behind: 1 lesson open for over a week and not done"
    );

    // Their blogs have not been read for three days.
    for f in feed::Entity::find().all(db).await.unwrap() {
        let mut f: feed::ActiveModel = f.into();
        f.status = Set(twentythree::feeds::health::Status::Failing);
        f.failing_since = Set(Some(now - Duration::days(3)));
        // Why, kept as the poller keeps it: in English and as a message for every reader.
        let why = i18n::Text::new("feed-timeout");
        f.last_error = Set(Some(why.to_string()));
        f.last_error_message = Set(Some(why.to_json()));
        f.update(db).await.unwrap();
    }
    notices.tick(now).await.unwrap();
    check_kind(
        &app,
        &cohort,
        Kind::FeedProblem,
        READERS,
        [
            ("nl", "We kunnen je blog niet lezen"),
            ("de", "Wir können dein Blog nicht lesen"),
            ("en", "We cannot read your blog"),
        ],
        [
            (
                "Wat er mis is: het blog gaf binnen 20 seconden geen antwoord.",
                "Hallo Anke, al twee dagen",
            ),
            (
                "Was nicht stimmt: das Blog hat nicht innerhalb von 20 Sekunden geantwortet.",
                "nichts geht verloren",
            ),
            (
                "What is wrong: the blog did not answer within 20 seconds.",
                "nothing is lost",
            ),
        ],
    )
    .await;

    // Halfway, then Bo finishes and the others and the coordinators hear of it.
    for member in [anke, lukas, grace] {
        for number in 1..=12 {
            app.coordinator_marks(member, number, true).await;
        }
    }
    check_kind(
        &app,
        &cohort,
        Kind::Milestone,
        READERS,
        [
            ("nl", "Halverwege Cohort herfst"),
            ("de", "Halbzeit bei Cohort herfst"),
            ("en", "Halfway through Cohort herfst"),
        ],
        [
            (
                "Halverwege: je hebt 12 van de 23 dingen van Cohort herfst gedaan.",
                "Halverwege, Anke!",
            ),
            (
                "Halbzeit: Du hast 12 von 23 Dingen bei Cohort herfst erledigt.",
                "Halbzeit, Lukas!",
            ),
            (
                "Halfway there: you have done 12 of 23 things in Cohort herfst.",
                "Halfway there, Grace!",
            ),
        ],
    )
    .await;
    app.finish_by_coordinator(bo).await;
    let joined = (Utc::now() - Duration::days(20)).date_naive();
    let nl_joined = i18n::long_date(Locale::Nl, joined);
    let de_joined = i18n::long_date(Locale::De, joined);
    let finished = [
        (
            "nl",
            "Iemand heeft Cohort herfst afgerond: tijd voor een feestje",
        ),
        ("de", "Jemand hat Cohort herfst geschafft: Zeit zum Feiern"),
        ("en", "Someone finished Cohort herfst: time to celebrate"),
    ];
    check_kind(
        &app,
        &cohort,
        Kind::Celebration,
        ["kees@example.org", "karl@example.org", "sam@example.org"],
        finished,
        [
            (
                &format!("Bo heeft Cohort herfst afgerond: alle 23 dingen, sinds de aanmelding op {nl_joined}."),
                "1 van de 4 deelnemers is tot nu toe klaar.",
            ),
            (
                &format!("Bo hat Cohort herfst geschafft: alle 23 Dinge, nach dem Einstieg am {de_joined}."),
                "1 von 4 Teilnehmenden ist bisher fertig.",
            ),
            (
                "Bo has finished Cohort herfst: all 23 things, after joining on",
                "1 of 4 participants have finished so far.",
            ),
        ],
    )
    .await;
    check_kind(
        &app,
        &cohort,
        Kind::Celebration,
        READERS,
        finished,
        [
            ("Laat je een reactie achter op het blog?", "De feestmuur"),
            (
                "Vielleicht magst du dort einen Kommentar hinterlassen?",
                "Die Ehrenwand",
            ),
            (
                "Maybe leave a comment on their blog?",
                "The celebration wall",
            ),
        ],
    )
    .await;

    // Asking to join again: her own language beats the page's; without one, the page's.
    app.state
        .db
        .execute_unprepared("UPDATE people SET language = NULL WHERE email = 'grace@example.org'")
        .await
        .unwrap();
    for (email, name, browser) in [
        ("anke@example.org", "Anke", "en"),
        ("lukas@example.org", "Lukas", "nl"),
        ("grace@example.org", "Grace", "en-GB"),
    ] {
        // Not their own blog's address: that one is taken in the cohort, by them.
        let blog = host.url("/ghost/");
        let asked = Browser::speaking(&app, browser)
            .submit(
                "/join",
                "/join",
                &[
                    ("name", name),
                    ("email", email),
                    ("blog", &blog),
                    ("cohort", "herfst"),
                    ("step", "confirm"),
                ],
            )
            .await;
        assert_eq!(asked.status, 200, "{}", asked.body);
    }
    check_kind(
        &app,
        &cohort,
        Kind::Confirm,
        READERS,
        [
            ("nl", "Je doet al mee aan Cohort herfst"),
            ("de", "Du bist schon bei Cohort herfst dabei"),
            ("en", "You are already in Cohort herfst"),
        ],
        [
            (
                "Log in met deze link om je voortgang te zien:",
                "Log in en bekijk je voortgang",
            ),
            (
                "Melde dich mit diesem Link an",
                "Anmelden und Fortschritt ansehen",
            ),
            (
                "To see your progress, sign in with this link:",
                "Sign in to see your progress",
            ),
        ],
    )
    .await;
}
