use super::*;

fn lesson_file(front: &str) -> String {
    format!("+++\n{front}\n+++\nWhy it matters.\n\n## Try this\nSomething.\n")
}

#[test]
fn parses_front_matter_and_renders_the_body() {
    let text = lesson_file(
        "number = 7\ntitle = \"Podcasts\"\nweek = 3\ntags = [\"23things-7\"]\nminutes = 30",
    );
    let lesson = parse_file(Path::new("lessons/07-podcasts.md"), &text).unwrap();
    assert_eq!(
        (lesson.number, lesson.week, lesson.slug.as_str()),
        (7, 3, "podcasts")
    );
    assert!(lesson.required);
    assert!(
        lesson.body_html.contains("<h2>Try this</h2>"),
        "{}",
        lesson.body_html
    );
}

#[test]
fn reports_bad_front_matter_with_its_line() {
    let text = lesson_file("number = 7\ntitle = \"Podcasts\nweek = 3");
    let problems = parse_file(Path::new("07-podcasts.md"), &text).unwrap_err();
    assert_eq!(problems[0].line, Some(3), "{problems:?}");
    assert!(
        problems[0]
            .to_string()
            .starts_with("07-podcasts.md:3: bad front matter"),
        "{}",
        problems[0]
    );
}

#[test]
fn reports_a_missing_title_and_a_bad_week() {
    let problems = parse_file(
        Path::new("07-podcasts.md"),
        &lesson_file("number = 7\nweek = 0"),
    )
    .unwrap_err();
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        messages.iter().any(|m| m.contains("no `title`")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("07-podcasts.md:3: `week` must be 1 or more")),
        "{messages:?}"
    );
}

#[test]
fn refuses_tags_that_steal_other_lessons() {
    let problems = parse_file(
        Path::new("07-podcasts.md"),
        &lesson_file("number = 7\ntitle = \"P\"\nweek = 1\ntags = [\"Thing 8\"]"),
    )
    .unwrap_err();
    assert!(problems[0].message.contains("Thing 8"), "{problems:?}");
}

#[test]
fn finds_duplicates_and_gaps_across_files() {
    let dir = tempfile::tempdir().unwrap();
    for (name, number) in [
        ("01-a.md", 1),
        ("02-b.md", 2),
        ("02-c.md", 2),
        ("04-d.md", 4),
    ] {
        let text = lesson_file(&format!("number = {number}\ntitle = \"T\"\nweek = 1"));
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let problems = load_dir(dir.path()).unwrap_err().to_string();
    assert!(
        problems.contains("02-c.md: lesson number 2 is also used by"),
        "{problems}"
    );
    assert!(problems.contains("missing: 3"), "{problems}");
}

#[test]
fn normalises_tags_the_way_people_write_them() {
    for tag in ["Thing 7", "thing-7", "#thing7", "THING7", "thing_7"] {
        assert_eq!(normalise_tag(tag), "thing7", "{tag}");
    }
}

#[test]
fn the_shipped_program_is_valid() {
    let program = load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons")).unwrap();
    assert_eq!(program.lessons.len(), 23);
    assert_eq!(program.weeks(), 8);
    assert!(
        program
            .lessons
            .iter()
            .all(|l| l.body_html.contains("thing")),
        "every lesson says how to tag"
    );
    let programs = load_programs(&Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons")).unwrap();
    assert_eq!(programs.default_program().slug(), "23-things");
    let ai = programs.get("ai-at-work").unwrap();
    assert_eq!((ai.lessons.len(), ai.weeks()), (10, 5));
    assert!(ai.info.licence.is_some() && ai.info.attribution.is_some());
}
