//! Learning together: partners, mentors, highlighted posts and lesson experts, through the
//! real server, the real mail sink and blogs on the loopback blog host.

use chrono::{Duration, Utc};
use twentythree::cohorts::{Pace, Visibility};
use twentythree::entities::{cohort, participant};

use crate::blog_host::{BlogHost, Fault};
use crate::browser::Browser;
use crate::helpers::{TestApp, days_from_today, spawn_app, spawn_app_with, stderr, stdout};

/// A post of a test blog: title, days ago, and the comment count its feed gives, if any.
pub type Post<'a> = (&'a str, i64, Option<u32>);

/// An RSS feed of `(title, days ago, comments)` posts; `comments` adds WordPress's
/// `slash:comments` and `wfw:commentRss` when given.
pub fn feed(posts: &[Post<'_>]) -> Vec<u8> {
    let items: String = posts
        .iter()
        .enumerate()
        .map(|(i, (title, days, comments))| {
            let at = (Utc::now() - Duration::days(*days)).to_rfc2822();
            let extra = comments.map_or_else(String::new, |n| {
                format!("<slash:comments>{n}</slash:comments><wfw:commentRss>http://blog.example/{i}/feed/</wfw:commentRss>")
            });
            format!(
                "<item><title>{title}</title><link>http://blog.example/{i}</link><guid>post-{i}</guid>\
                 <pubDate>{at}</pubDate><description>Notes about {title}.</description>{extra}</item>"
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:slash=\"http://purl.org/rss/1.0/modules/slash/\" \
         xmlns:wfw=\"http://wellformedweb.org/CommentAPI/\"><channel><title>A blog</title>\
         <link>http://blog.example/</link>{items}</channel></rss>"
    )
    .into_bytes()
}

pub struct World {
    pub host: BlogHost,
    pub cohort: cohort::Model,
    pub people: Vec<participant::Model>,
}

impl World {
    pub fn id(&self, index: usize) -> String {
        self.people[index].id.to_string()
    }
}

/// A cohort `slug` that started 20 days ago, with `names` (each blogging `posts` of their
/// own at `/{name}/feed.xml`), joined 20 days ago, feeds read; and Sam, a coordinator.
pub async fn world(
    app: &TestApp,
    slug: &str,
    visibility: Visibility,
    names: &[(&str, &[Post<'_>])],
) -> World {
    let cohort = app
        .new_cohort(slug, days_from_today(-20), visibility, Pace::Cohort)
        .await;
    let host = BlogHost::start(app.state.config.base_url.as_str()).await;
    let mut people = Vec::new();
    for (name, posts) in names {
        let path = format!("/{}/feed.xml", name.to_lowercase());
        host.set_fault(
            &path,
            Fault::Body("application/rss+xml".into(), feed(posts)),
        );
        let email = format!("{}@example.org", name.to_lowercase());
        let joined = Utc::now() - Duration::days(20);
        people.push(
            app.join_at(&cohort, name, &email, &host.url(&path), joined)
                .await,
        );
    }
    app.new_coordinator("sam@example.org", "Sam").await;
    app.poll_feeds().await;
    World {
        host,
        cohort,
        people,
    }
}

async fn ask_for_partner(browser: &Browser, member: &str, want: &str) -> crate::browser::Answer {
    browser
        .submit(
            "/me",
            "/me/partner",
            &[("participant", member), ("want", want)],
        )
        .await
}

#[tokio::test(flavor = "multi_thread")]
async fn partners_are_paired_among_those_who_asked_never_twice_and_never_orphaned() {
    let app = spawn_app().await;
    let w = world(
        &app,
        "spring",
        Visibility::Members,
        &[
            ("Ada", &[("Thing 1: hello from Ada", 2, None)]),
            ("Bo", &[("Thing 1: Bo tries", 3, None)]),
            ("Cy", &[]),
            ("Dee", &[]),
        ],
    )
    .await;
    let other = app
        .new_cohort(
            "other",
            days_from_today(-20),
            Visibility::Public,
            Pace::Cohort,
        )
        .await;
    let eve = app
        .join_at(
            &other,
            "Eve",
            "eve@example.org",
            &w.host.url("/nobody/"),
            Utc::now(),
        )
        .await;

    let ada = Browser::sign_in(&app, "ada@example.org").await;
    let bo = Browser::sign_in(&app, "bo@example.org").await;
    let cy = Browser::sign_in(&app, "cy@example.org").await;
    assert!(
        ada.get("/me")
            .await
            .body
            .contains("Find me a learning partner")
    );
    for (browser, index) in [(&ada, 0), (&bo, 1), (&cy, 2)] {
        let answer = ask_for_partner(browser, &w.id(index), "yes").await;
        assert_eq!(answer.status, 303, "{}", answer.body);
    }
    assert_eq!(
        ask_for_partner(&ada, &w.id(0), "yes").await.status,
        303,
        "asking twice is fine"
    );
    assert!(
        ada.get("/me")
            .await
            .body
            .contains("You asked for a learning partner")
    );
    // Someone else's place is not theirs to ask for.
    assert_eq!(ask_for_partner(&ada, &w.id(3), "yes").await.status, 404);

    let sam = Browser::sign_in(&app, "sam@example.org").await;
    let page = sam.get("/coordinator/cohorts/spring/together").await.body;
    assert!(page.contains("Pair everyone who asked"));
    let paired = sam
        .submit(
            "/coordinator/cohorts/spring/together",
            "/coordinator/cohorts/spring/together/pair-everyone",
            &[],
        )
        .await;
    assert_eq!(paired.status, 303);
    let page = sam.get(&paired.location).await.body;
    assert!(page.contains("Paired 1 new pair(s)"), "{page}");
    assert!(page.contains("One person still waits"), "{page}");

    // Three asked: one pair, one waiting, and Dee (who did not ask) is in no pair.
    let mut paired_with = Vec::new();
    for (browser, name) in [(&ada, "Ada"), (&bo, "Bo"), (&cy, "Cy")] {
        let me = browser.get("/me").await.body;
        if me.contains("You learn together with") {
            paired_with.push(name);
            assert!(
                !me.contains(&format!(">{name}</a>: ")),
                "{name} is not their own partner"
            );
        } else {
            assert!(
                me.contains("You asked for a learning partner"),
                "{name}: {me}"
            );
        }
    }
    assert_eq!(paired_with.len(), 2, "{paired_with:?}");
    let dee = Browser::sign_in(&app, "dee@example.org").await;
    assert!(
        dee.get("/me")
            .await
            .body
            .contains("Find me a learning partner")
    );

    // Pair the one still waiting with Dee by hand; then everyone has a partner.
    let waiting = ["Ada", "Bo", "Cy"]
        .iter()
        .position(|n| !paired_with.contains(n))
        .unwrap();
    let by_hand = sam
        .submit(
            "/coordinator/cohorts/spring/together",
            "/coordinator/cohorts/spring/together/pairs",
            &[("first", &w.id(waiting)), ("second", &w.id(3))],
        )
        .await;
    assert_eq!(by_hand.status, 303, "{}", by_hand.body);
    let dee_page = dee.get("/me").await.body;
    assert!(dee_page.contains("You learn together with"), "{dee_page}");
    // Bad pairings are refused and change nothing.
    for (first, second, why) in [
        (w.id(0), w.id(0), "Choose two different people"),
        (
            w.id(0),
            eve.id.to_string(),
            "Both people must take part in this cohort",
        ),
        (w.id(3), w.id(0), "already has a learning partner"),
    ] {
        let refused = sam
            .submit(
                "/coordinator/cohorts/spring/together",
                "/coordinator/cohorts/spring/together/pairs",
                &[("first", &first), ("second", &second)],
            )
            .await;
        assert_eq!(refused.status, 400, "{why}");
        assert!(refused.body.contains(why), "{why}: {}", refused.body);
    }
    // Asking while paired is refused.
    let first = ["Ada", "Bo", "Cy"]
        .iter()
        .position(|n| *n == paired_with[0])
        .unwrap();
    let browsers = [&ada, &bo, &cy];
    let refused = ask_for_partner(browsers[first], &w.id(first), "yes").await;
    assert_eq!(refused.status, 400);
    assert!(refused.body.contains("You already have a learning partner"));

    // The partners see each other's progress and latest post.
    let second = ["Ada", "Bo", "Cy"]
        .iter()
        .position(|n| *n == paired_with[1])
        .unwrap();
    let page = browsers[first].get("/me").await.body;
    assert!(
        page.contains(&format!(">{}</a>: ", paired_with[1])),
        "{page}"
    );
    if paired_with[1] == "Ada" {
        assert!(page.contains("Thing 1: hello from Ada"));
    }

    // The pair ends; both ask again; pairing everyone never makes the same pair twice.
    let pair_id = {
        let page = sam.get("/coordinator/cohorts/spring/together").await.body;
        let start = page.find("/together/pairs/").unwrap() + "/together/pairs/".len();
        page[start..start + page[start..].find('/').unwrap()].to_owned()
    };
    let ended = sam
        .submit(
            "/coordinator/cohorts/spring/together",
            &format!("/coordinator/cohorts/spring/together/pairs/{pair_id}/end"),
            &[],
        )
        .await;
    assert_eq!(ended.status, 303);
    let ended_page = browsers[first].get("/me").await.body;
    assert!(
        ended_page.contains("Your last partnership ended"),
        "{ended_page}"
    );
    for index in [first, second] {
        assert_eq!(
            ask_for_partner(browsers[index], &w.id(index), "yes")
                .await
                .status,
            303
        );
    }
    sam.submit(
        "/coordinator/cohorts/spring/together",
        "/coordinator/cohorts/spring/together/pair-everyone",
        &[],
    )
    .await;
    for index in [first, second] {
        let me = browsers[index].get("/me").await.body;
        assert!(
            me.contains("You asked for a learning partner"),
            "no repeat pair: {me}"
        );
    }

    // A partner who finishes, or leaves, is shown as such; the other may ask anew.
    let (hand_a, hand_b) = (waiting, 3);
    let finished = app.finish_by_coordinator(&w.people[hand_a]).await;
    assert!(finished.finished_at.is_some());
    let dee_page = dee.get("/me").await.body;
    assert!(dee_page.contains("finished the program"), "{dee_page}");
    assert!(dee_page.contains("Ask for a new partner"));
    assert_eq!(
        ask_for_partner(&dee, &w.id(hand_b), "yes").await.status,
        303
    );
    assert!(
        dee.get("/me")
            .await
            .body
            .contains("You asked for a learning partner")
    );
    // A finisher does not ask.
    let finisher = [&ada, &bo, &cy][hand_a];
    assert_eq!(
        ask_for_partner(finisher, &w.id(hand_a), "yes").await.status,
        400
    );

    // The pair left waiting is paired with Dee by hand, and then one of them leaves.
    let again = sam
        .submit(
            "/coordinator/cohorts/spring/together",
            "/coordinator/cohorts/spring/together/pairs",
            &[("first", &w.id(first)), ("second", &w.id(3))],
        )
        .await;
    assert_eq!(again.status, 303, "{}", again.body);
    twentythree::people::remove_participant(&app.state.db, &w.people[3])
        .await
        .unwrap();
    let page = browsers[first].get("/me").await.body;
    assert!(page.contains("Your partner left the cohort"), "{page}");
    assert!(page.contains("Ask for a new partner"));
}

async fn make_mentor(sam: &Browser, slug: &str, fields: &[(&str, &str)]) -> crate::browser::Answer {
    let page = format!("/coordinator/cohorts/{slug}/together");
    sam.submit(&page, &format!("{page}/mentors"), fields).await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_mentor_sees_her_mentees_read_only_and_nothing_else() {
    let app = spawn_app().await;
    let w = world(
        &app,
        "staff",
        Visibility::Members,
        &[
            ("Ada", &[("Thing 1: Ada begins", 1, None)]),
            ("Bo", &[]),
            ("Cy", &[("Thing 2: Cy on wikis", 3, None)]),
            ("Dee", &[("Thing 1: Dee writes", 2, None)]),
        ],
    )
    .await;
    let sam = Browser::sign_in(&app, "sam@example.org").await;
    let (ada, bo, cy, dee) = (w.id(0), w.id(1), w.id(2), w.id(3));
    let ticks = [
        ("email", "mo@example.org"),
        ("name", "Mo Mentor"),
        ("mentee-ADA", "on"),
    ];
    // Bad forms say what to fix and change nothing.
    let none = make_mentor(&sam, &w.cohort.slug, &ticks[..2]).await;
    assert_eq!(none.status, 400);
    assert!(none.body.contains("Tick at least one participant"));
    let themselves = make_mentor(
        &sam,
        "staff",
        &[
            ("email", "ada@example.org"),
            ("name", "Ada"),
            (&format!("mentee-{ada}"), "on"),
        ],
    )
    .await;
    assert_eq!(themselves.status, 400);
    assert!(themselves.body.contains("cannot mentor themselves"));
    let bad = make_mentor(
        &sam,
        "staff",
        &[("email", "not an address"), ("name", "Mo")],
    )
    .await;
    assert_eq!(bad.status, 400);

    let (a, b, c) = (
        format!("mentee-{ada}"),
        format!("mentee-{bo}"),
        format!("mentee-{cy}"),
    );
    let made = make_mentor(
        &sam,
        "staff",
        &[
            ("email", "mo@example.org"),
            ("name", "Mo Mentor"),
            (&a, "on"),
            (&b, "on"),
            (&c, "on"),
        ],
    )
    .await;
    assert_eq!(made.status, 303, "{}", made.body);
    let page = sam.get(&made.location).await.body;
    assert!(page.contains("Mo Mentor"), "{page}");

    // Strangers sign in first; people who mentor nobody are told it is for mentors.
    let stranger = crate::helpers::no_redirects()
        .get(format!("{}/mentor", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(stranger.status().as_u16(), 303);
    let dee_browser = Browser::sign_in(&app, "dee@example.org").await;
    assert_eq!(dee_browser.get("/mentor").await.status, 403);

    let mo = Browser::sign_in(&app, "mo@example.org").await;
    let me = mo.get("/me").await.body;
    assert!(me.contains("You mentor 3 people") && me.contains("href=\"/mentor\""));
    assert!(!me.contains("You are not in a cohort yet"));
    let page = mo.get("/mentor").await;
    assert_eq!(page.status, 200);
    for name in ["Ada", "Bo", "Cy"] {
        assert!(page.body.contains(&format!(">{name}</a>")), "{name}");
    }
    assert!(!page.body.contains("Dee"), "only her mentees");
    assert!(page.body.contains("Thing 1: Ada begins"));
    assert!(
        !page.body.contains("@example.org")
            || !page
                .body
                .replace("mo@example.org", "")
                .contains("@example.org"),
        "no addresses of others"
    );
    assert!(!page.body.contains("ada@example.org"));
    assert!(
        page.body.contains("Stalled"),
        "Bo has done nothing for 20 days"
    );
    assert!(
        !page.body.contains("name=\"done\""),
        "read only: no overrides"
    );

    // Her mentees' pages open; nothing else of a members-only cohort does.
    assert_eq!(
        mo.get(&format!("/cohorts/staff/people/{ada}")).await.status,
        200
    );
    assert_eq!(
        mo.get(&format!("/cohorts/staff/people/{dee}")).await.status,
        403
    );
    for path in [
        "/cohorts/staff".to_owned(),
        "/cohorts/staff/posts".to_owned(),
        "/cohorts/staff/finishers".to_owned(),
        "/coordinator".to_owned(),
        format!("/coordinator/cohorts/staff/people/{ada}"),
        "/coordinator/cohorts/staff/together".to_owned(),
    ] {
        assert_eq!(mo.get(&path).await.status, 403, "{path}");
    }
    let token = mo.token("/mentor").await;
    let override_attempt = mo
        .client
        .post(format!(
            "{}/coordinator/cohorts/staff/people/{ada}/things/1",
            app.address
        ))
        .form(&[("csrf", token.as_str()), ("done", "true")])
        .send()
        .await
        .unwrap();
    assert_eq!(override_attempt.status().as_u16(), 403);

    // The coordinator stops Mo mentoring Ada: Ada's page closes to her.
    let page = sam.get("/coordinator/cohorts/staff/together").await.body;
    let button = page.find("Mo Mentor mentoring Ada").unwrap();
    let start = page[..button].rfind("/together/mentors/").unwrap() + "/together/mentors/".len();
    let id = &page[start..start + page[start..].find('/').unwrap()];
    let removed = sam
        .submit(
            "/coordinator/cohorts/staff/together",
            &format!("/coordinator/cohorts/staff/together/mentors/{id}/remove"),
            &[],
        )
        .await;
    assert_eq!(removed.status, 303);
    assert_eq!(
        mo.get(&format!("/cohorts/staff/people/{ada}")).await.status,
        403
    );
}

async fn highlight(
    browser: &Browser,
    from: &str,
    (participant, post, lesson): (&str, &str, &str),
    note: &str,
) -> crate::browser::Answer {
    browser
        .submit(
            from,
            "/highlights",
            &[
                ("participant", participant),
                ("post", post),
                ("lesson", lesson),
                ("note", note),
                ("back", from),
            ],
        )
        .await
}

/// The id of the post titled `title` in the public progress river of `slug`.
async fn post_id(app: &TestApp, slug: &str, title: &str) -> String {
    let page = app.get(&format!("/cohorts/{slug}/posts")).await.body;
    let at = page.find(title).unwrap();
    let start = page[..at].rfind("id=\"post-").unwrap() + "id=\"post-".len();
    page[start..start + page[start..].find('"').unwrap()].to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_highlighted_post_leads_its_lesson_and_its_author_hears_once() {
    let app = spawn_app().await;
    let w = world(
        &app,
        "open",
        Visibility::Public,
        &[
            ("Ada", &[("Thing 1: how I set up my blog", 2, None)]),
            ("Bo", &[("Thing 1: Bo is here", 1, None)]),
            ("Cy", &[("Thing 1: Cy too", 1, None)]),
        ],
    )
    .await;
    let (ada, bo, cy) = (w.id(0), w.id(1), w.id(2));
    let ada_post = post_id(&app, "open", "Thing 1: how I set up my blog").await;
    let cy_post = post_id(&app, "open", "Thing 1: Cy too").await;
    let sam = Browser::sign_in(&app, "sam@example.org").await;
    let lesson = sam.get("/lessons/1").await.body;
    assert!(lesson.contains("Highlight as an example"));
    assert!(!lesson.contains("Posts people learned from"));

    // Bad highlights are refused and change nothing.
    let empty = highlight(&sam, "/lessons/1", (&ada, &ada_post, "1"), "   ").await;
    assert_eq!(empty.status, 400);
    let long = highlight(&sam, "/lessons/1", (&ada, &ada_post, "1"), &"x".repeat(201)).await;
    assert_eq!(long.status, 400);
    let wrong = highlight(&sam, "/lessons/1", (&ada, &ada_post, "2"), "Good").await;
    assert_eq!(wrong.status, 400);
    assert!(wrong.body.contains("does not count for Thing 2"));
    let bo_browser = Browser::sign_in(&app, "bo@example.org").await;
    assert!(
        !bo_browser
            .get("/lessons/1")
            .await
            .body
            .contains("Highlight as an example")
    );
    let gamed = highlight(
        &bo_browser,
        "/lessons/1",
        (
            &bo,
            &post_id(&app, "open", "Thing 1: Bo is here").await,
            "1",
        ),
        "I am great",
    )
    .await;
    assert_eq!(
        gamed.status, 403,
        "a participant cannot highlight, not even their own"
    );
    app.send_mail().await;
    assert!(app.smtp.messages().iter().all(|m| m.kind() != "highlight"));

    let done = highlight(
        &sam,
        "/lessons/1",
        (&ada, &ada_post, "1"),
        "Clear steps anyone can follow",
    )
    .await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert_eq!(done.location, "/lessons/1");
    let again = highlight(
        &sam,
        "/lessons/1",
        (&ada, &ada_post, "1"),
        "Clear steps, and honest about what went wrong",
    )
    .await;
    assert_eq!(again.status, 303);
    app.send_mail().await;
    let told: Vec<_> = app
        .smtp
        .to("ada@example.org")
        .into_iter()
        .filter(|m| m.kind() == "highlight")
        .collect();
    assert_eq!(told.len(), 1, "the author hears once");
    assert!(told[0].header("List-Unsubscribe").is_some());
    assert!(told[0].data.contains("Clear steps anyone can follow"));

    // The lesson page leads with it, for anyone; the river marks it.
    let page = app.get("/lessons/1").await.body;
    let models = page
        .find("Posts people learned from")
        .expect("the models lead");
    let written = page.find("What people wrote").unwrap();
    assert!(models < written);
    assert!(page[models..written].contains("Thing 1: how I set up my blog"));
    assert!(
        page[models..written].contains("honest about what went wrong"),
        "the note changed"
    );
    assert!(!page[models..written].contains("Bo is here"));
    let river = app.get("/cohorts/open/posts").await.body;
    let mark = river
        .find("<span class=\"mark\">Example</span>")
        .expect("a mark in the river");
    assert!(
        river[..mark]
            .rfind("post-")
            .is_some_and(|at| river[at..mark].contains(&ada_post))
    );

    // A mentor of Cy may highlight Cy's post, not anyone else's; Cy turned such mail off.
    make_mentor(
        &sam,
        "open",
        &[
            ("email", "mo@example.org"),
            ("name", "Mo"),
            (&format!("mentee-{cy}"), "on"),
        ],
    )
    .await;
    let cy_browser = Browser::sign_in(&app, "cy@example.org").await;
    let saved = cy_browser
        .submit(
            "/me",
            "/me/preferences",
            &[("name", "Cy"), ("release_emails", "on")],
        )
        .await;
    assert_eq!(saved.status, 303);
    let mo = Browser::sign_in(&app, "mo@example.org").await;
    let not_hers = highlight(&mo, "/mentor", (&ada, &ada_post, "1"), "Nice").await;
    assert_eq!(not_hers.status, 403);
    let hers = highlight(&mo, "/mentor", (&cy, &cy_post, "1"), "A good first try").await;
    assert_eq!(hers.status, 303, "{}", hers.body);
    assert_eq!(hers.location, "/mentor");
    app.send_mail().await;
    assert!(
        app.smtp
            .to("cy@example.org")
            .iter()
            .all(|m| m.kind() != "highlight"),
        "Cy opted out"
    );
    assert!(
        app.get("/lessons/1")
            .await
            .body
            .contains("A good first try")
    );
}

fn lessons_with_experts(dir: &std::path::Path, experts: &str) -> std::path::PathBuf {
    let lessons = dir.join("lessons-with-experts");
    std::fs::create_dir_all(&lessons).unwrap();
    for entry in std::fs::read_dir(crate::helpers::lessons_dir()).unwrap() {
        let path = entry.unwrap().path();
        // The default program's own files (other programs live in folders of their own).
        if path.is_file() {
            std::fs::copy(&path, lessons.join(path.file_name().unwrap())).unwrap();
        }
    }
    let first = std::fs::read_dir(&lessons)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("01-"))
        .unwrap();
    let text = std::fs::read_to_string(&first).unwrap().replacen(
        "week = 1",
        &format!("week = 1\nexperts = {experts}"),
        1,
    );
    std::fs::write(&first, text).unwrap();
    lessons
}

#[tokio::test(flavor = "multi_thread")]
async fn lesson_experts_are_checked_and_shown_by_name_only() {
    let scratch = tempfile::tempdir().unwrap();
    let dir = lessons_with_experts(
        scratch.path(),
        r#"["Ana@Example.org", "nobody@example.org"]"#,
    );
    let app = spawn_app_with(|c| c.lessons_dir = dir.clone()).await;
    app.new_coordinator("ana@example.org", "Ana Expert").await;
    let checked = app.run_cli(&["lessons", "check", "--dir", &dir.display().to_string()]);
    assert!(checked.status.success(), "{}", stderr(&checked));
    let said = stdout(&checked);
    assert!(said.contains("all valid"), "{said}");
    assert!(
        said.contains("nobody@example.org, who is not known here"),
        "{said}"
    );
    assert!(!said.contains("ana@example.org"), "{said}");

    let page = app.get("/lessons/1").await.body;
    assert!(page.contains("People to ask"));
    assert!(page.contains("Ana Expert"));
    assert!(!page.contains("ana@example.org") && !page.contains("nobody@example.org"));
    assert!(!app.get("/lessons/2").await.body.contains("People to ask"));

    let broken = lessons_with_experts(&scratch.path().join("broken"), r#"["not an address"]"#);
    let refused = app.run_cli(&["lessons", "check", "--dir", &broken.display().to_string()]);
    assert!(!refused.status.success());
    let message = stderr(&refused);
    assert!(
        message.contains("01-")
            && message.contains("the expert \"not an address\" is not an email address"),
        "{message}"
    );
}

/// Moves `cohort`'s creation back, as if it was set up before its weeks opened (a week
/// that opened before the cohort existed sends no letter).
async fn created_long_ago(app: &TestApp, cohort: &cohort::Model) {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let mut row: cohort::ActiveModel = cohort.clone().into();
    row.created_at = Set(Utc::now() - Duration::days(60));
    row.update(&app.state.db).await.unwrap();
}

/// The HTML part of the newest letter (`release`) queued for `email`.
async fn letter_html(app: &TestApp, email: &str) -> Option<String> {
    use sea_orm::{EntityTrait, QueryOrder};
    twentythree::entities::outbox::Entity::find()
        .order_by_desc(twentythree::entities::outbox::Column::Id)
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .find(|row| {
            row.kind.as_ref() == "release" && row.recipients.contains(&format!("\"{email}\""))
        })
        .map(|row| row.html_body)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_weekly_letter_brings_peers_posts_the_partner_and_what_waits_for_a_comment() {
    let app = spawn_app().await;
    let long = "A very long title that goes on and on ".repeat(20);
    let eve_posts: Vec<(String, i64, Option<u32>)> = (0..30)
        .map(|n| (format!("Thing 8: {long} {n}"), 1, None))
        .collect();
    let eve_posts: Vec<Post> = eve_posts
        .iter()
        .map(|(t, d, c)| (t.as_str(), *d, *c))
        .collect();
    // The cohort started 20 days ago: week 3 (Things 7 to 9) opened 6 days ago.
    let w = world(
        &app,
        "weekly",
        Visibility::Public,
        &[
            ("Ada", &[("Thing 7: Ada's own post", 1, Some(0))]),
            (
                "Bo",
                &[
                    ("Thing 7: Bo's reflections", 2, Some(0)),
                    ("Thing 1: Bo long ago", 12, Some(3)),
                ],
            ),
            ("Cy", &[("Thing 2: Cy catches up", 3, Some(2))]),
            ("Eve", &eve_posts),
        ],
    )
    .await;
    created_long_ago(&app, &w.cohort).await;
    let db = &app.state.db;
    twentythree::together::partners::pair_by_hand(
        db,
        &w.cohort,
        w.people[0].id,
        w.people[1].id,
        Utc::now(),
    )
    .await
    .unwrap();
    let sam = twentythree::people::find_person(db, &"sam@example.org".parse().unwrap())
        .await
        .unwrap();
    let viewer = twentythree::access::Viewer::load(db, sam).await.unwrap();
    let cy_post = post_id(&app, "weekly", "Thing 2: Cy catches up")
        .await
        .parse()
        .unwrap();
    twentythree::together::highlights::highlight(
        db,
        (&app.state.programs, &app.state.config.base_url),
        &viewer,
        twentythree::together::highlights::Target {
            author: w.people[2].id,
            post: cy_post,
            lesson: 2,
        },
        "Honest about what did not work",
        Utc::now(),
    )
    .await
    .unwrap();

    let notices = app.state.clone_notices();
    notices.tick(Utc::now()).await.unwrap();
    notices.tick(Utc::now()).await.unwrap();
    app.send_mail().await;
    let letters: Vec<_> = app
        .smtp
        .to("ada@example.org")
        .into_iter()
        .filter(|m| m.kind() == "release")
        .collect();
    assert_eq!(letters.len(), 1, "one letter a week");
    assert!(
        letters[0].header("List-Unsubscribe").is_some(),
        "the unsubscribe link stays"
    );

    let html = letter_html(&app, "ada@example.org").await.unwrap();
    assert!(html.len() < 100 * 1024, "{} bytes", html.len());
    assert!(html.contains("Week 3 of Cohort weekly is open"));
    assert!(
        html.contains("Thing 7:") && html.contains("Thing 9:"),
        "this week's lessons"
    );
    assert!(
        html.contains("You have done <strong>1 of"),
        "her own progress in a line"
    );
    let partner = html.find("Your learning partner").expect("her partner");
    assert!(html[partner..].contains("Bo wrote <a href=\"http:&#x2f;&#x2f;blog.example&#x2f;0\">Thing 7: Bo&#x27;s reflections</a>") , "{}", &html[partner..partner + 300]);
    let from = html.find("From your cohort this week").unwrap();
    let peers = &html[from..];
    assert_eq!(
        peers.matches("<div style=\"margin:.75rem 0;").count(),
        8,
        "at most 8 posts"
    );
    let highlighted = peers.find("Thing 2: Cy catches up").expect("the highlight");
    assert!(peers.contains("Honest about what did not work"));
    let about_now = peers
        .find("Thing 7: Bo&#x27;s reflections")
        .expect("a post about this week");
    let other = peers.find("Thing 8:").expect("and more");
    assert!(
        highlighted < about_now && highlighted < other,
        "highlights first"
    );
    assert!(
        !html.contains("Ada&#x27;s own post"),
        "never the reader's own"
    );
    assert!(!peers.contains("Bo long ago"), "only this week's");
    assert!(!peers.contains(&long), "long titles are cut");
    let waiting = &html[html
        .find("Still waiting for a first comment")
        .expect("waiting posts")..];
    assert!(
        waiting.contains("Thing 7: Bo&#x27;s reflections"),
        "no comment yet, says its feed"
    );
    assert!(!waiting.contains("Cy catches up"), "two comments");
    assert!(
        !waiting.contains("Thing 8:"),
        "its feed says nothing about comments"
    );

    // Bo's letter has Ada as partner, and not his own posts.
    let bo = letter_html(&app, "bo@example.org").await.unwrap();
    assert!(bo.contains("Ada wrote"));
    assert!(!bo.contains("Bo&#x27;s reflections"));
}

#[tokio::test(flavor = "multi_thread")]
async fn no_letter_when_the_week_is_done_and_nothing_happened_and_self_paced_weeks_are_their_own() {
    let app = spawn_app().await;
    let quiet = world(
        &app,
        "quiet",
        Visibility::Public,
        &[(
            "Fay",
            &[
                ("Thing 7: done", 1, None),
                ("Thing 8: done", 1, None),
                ("Thing 9: done", 1, None),
            ],
        )],
    )
    .await;
    created_long_ago(&app, &quiet.cohort).await;
    let busy = app
        .new_cohort(
            "busy",
            days_from_today(-20),
            Visibility::Public,
            Pace::Cohort,
        )
        .await;
    created_long_ago(&app, &busy).await;
    app.join_at(
        &busy,
        "Gus",
        "gus@example.org",
        &quiet.host.url("/gus/"),
        Utc::now() - Duration::days(20),
    )
    .await;
    let own_pace = app
        .new_cohort(
            "own-pace",
            days_from_today(-40),
            Visibility::Public,
            Pace::SelfPaced,
        )
        .await;
    created_long_ago(&app, &own_pace).await;
    let joined = Utc::now() - Duration::days(7) - Duration::hours(1);
    app.join_at(
        &own_pace,
        "Hal",
        "hal@example.org",
        &quiet.host.url("/hal/"),
        joined,
    )
    .await;
    app.join_at(
        &own_pace,
        "Ivy",
        "ivy@example.org",
        &quiet.host.url("/ivy/"),
        Utc::now() - Duration::days(3),
    )
    .await;

    app.state.clone_notices().tick(Utc::now()).await.unwrap();
    assert!(
        letter_html(&app, "fay@example.org").await.is_none(),
        "nothing to say"
    );
    let gus = letter_html(&app, "gus@example.org")
        .await
        .expect("lessons still to do");
    assert!(gus.contains("Week 3 of Cohort busy"));
    let hal = letter_html(&app, "hal@example.org")
        .await
        .expect("his own week 2 opened");
    assert!(hal.contains("Week 2 of Cohort own-pace"));
    assert!(
        letter_html(&app, "ivy@example.org").await.is_none(),
        "her week 2 is days away"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_mentor_gets_a_weekly_note_on_the_stalled_and_the_uncommented() {
    let app = spawn_app().await;
    let w = world(
        &app,
        "noted",
        Visibility::Members,
        &[
            (
                "Ada",
                &[
                    ("Thing 7: nobody commented", 2, Some(0)),
                    ("Thing 6: much discussed", 3, Some(4)),
                ],
            ),
            ("Bo", &[]),
            ("Cy", &[("Thing 7: Cy is fine", 2, Some(5))]),
            ("Dee", &[("Thing 7: not a mentee", 1, Some(0))]),
        ],
    )
    .await;
    let cy_done: Vec<i32> = (1..=7).collect();
    for number in cy_done {
        app.coordinator_marks(&w.people[2], number, true).await;
    }
    let mentees: Vec<i32> = w.people[..3].iter().map(|p| p.id).collect();
    twentythree::together::mentors::assign(
        &app.state.db,
        &w.cohort,
        (&"mo@example.org".parse().unwrap(), "Mo"),
        &mentees,
        Utc::now(),
    )
    .await
    .unwrap();
    let notices = app.state.clone_notices();
    notices.tick(Utc::now()).await.unwrap();
    notices.tick(Utc::now()).await.unwrap();
    app.send_mail().await;
    let notes: Vec<_> = app
        .smtp
        .to("mo@example.org")
        .into_iter()
        .filter(|m| m.kind() == "mentor-note")
        .collect();
    assert_eq!(notes.len(), 1, "once a week");
    let text = notes[0].data.replace("=\r\n", "").replace("=3D", "=");
    assert!(
        text.contains("Ada") && text.contains("Thing 7: nobody commented"),
        "{text}"
    );
    assert!(!text.contains("much discussed"), "four comments already");
    assert!(
        text.contains("Bo") && text.contains("Stalled"),
        "Bo has done nothing for 20 days"
    );
    assert!(
        !text.contains("Cy is fine"),
        "Cy is on her way and her post has comments"
    );
    assert!(!text.contains("not a mentee") && !text.contains("Dee"));
    assert!(!text.contains("ada@example.org"), "no addresses of others");
    assert!(notes[0].header("List-Unsubscribe").is_some());
}

#[tokio::test(flavor = "multi_thread")]
async fn i_just_posted_reads_the_blog_at_once_at_most_once_a_minute() {
    let app = spawn_app().await;
    let w = world(&app, "eager", Visibility::Public, &[("Ada", &[])]).await;
    let ada = Browser::sign_in(&app, "ada@example.org").await;
    assert!(
        ada.get("/me")
            .await
            .body
            .contains("I just posted: check my blog now")
    );
    w.host.set_fault(
        "/ada/feed.xml",
        Fault::Body(
            "application/rss+xml".into(),
            feed(&[("Thing 1: fresh off the press", 0, None)]),
        ),
    );
    let before = w.host.hits("/ada/feed.xml");
    let checked = ada
        .submit("/me", "/me/check", &[("participant", &w.id(0))])
        .await;
    assert_eq!(checked.status, 303);
    assert_eq!(w.host.hits("/ada/feed.xml"), before + 1, "read at once");
    let me = ada.get(&checked.location).await.body;
    assert!(me.contains("Twentythree just read your blog"));
    assert!(
        me.contains("Thing 1: fresh off the press"),
        "counted at once"
    );
    let again = ada
        .submit("/me", "/me/check", &[("participant", &w.id(0))])
        .await;
    assert_eq!(again.status, 429);
    assert!(again.body.contains("try again in a minute"));
    assert_eq!(w.host.hits("/ada/feed.xml"), before + 1, "not read again");
    let bo = app
        .join_at(
            &w.cohort,
            "Bo",
            "bo@example.org",
            &w.host.url("/bo/"),
            Utc::now(),
        )
        .await;
    let not_hers = ada
        .submit("/me", "/me/check", &[("participant", &bo.id.to_string())])
        .await;
    assert_eq!(not_hers.status, 404, "only one's own blog");
}
