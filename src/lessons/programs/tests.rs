use super::*;

fn lesson(number: i32, week: i32) -> String {
    format!(
        "+++\nnumber = {number}\ntitle = \"Lesson {number}\"\nweek = {week}\n+++\nWhy it matters. Tag it thing{number}.\n"
    )
}

fn write_program(dir: &Path, toml: Option<&str>, count: i32) {
    std::fs::create_dir_all(dir).unwrap();
    if let Some(toml) = toml {
        std::fs::write(dir.join(PROGRAM_FILE), toml).unwrap();
    }
    for n in 1..=count {
        std::fs::write(dir.join(format!("{n:02}-l{n}.md")), lesson(n, 1)).unwrap();
    }
}

#[test]
fn todays_layout_is_the_default_program() {
    let dir = tempfile::tempdir().unwrap();
    write_program(dir.path(), None, 3);
    let programs = load_programs(dir.path()).unwrap();
    assert_eq!(programs.len(), 1);
    let program = programs.default_program();
    assert_eq!((program.slug(), program.lessons.len()), ("default", 3));
    assert_eq!(program.lesson_path(2), "/lessons/2");
    assert_eq!(program.content_hash.len(), 64);
}

#[test]
fn program_folders_beside_the_default_program() {
    let dir = tempfile::tempdir().unwrap();
    write_program(dir.path(), Some("slug = \"staff\"\ntitle = \"Staff\"\n"), 3);
    write_program(
        &dir.path().join("ai"),
        Some("slug = \"ai\"\ntitle = \"Zehn Dinge\"\nword = \"Ding\"\nlanguage = \"de\"\n"),
        2,
    );
    let programs = load_programs(dir.path()).unwrap();
    assert_eq!(programs.default_program().slug(), "staff");
    let ai = programs.get("ai").unwrap();
    assert_eq!(
        (ai.word(), ai.lessons.len(), ai.default),
        ("Ding", 2, false)
    );
    assert_eq!(ai.lesson_path(2), "/programs/ai/lessons/2");
}

#[test]
fn reports_every_program_problem_with_its_file() {
    let dir = tempfile::tempdir().unwrap();
    write_program(
        &dir.path().join("a"),
        Some("slug = \"Bad Slug\"\ntitle = \"A\"\n"),
        1,
    );
    write_program(
        &dir.path().join("b"),
        Some("slug = \"b\"\ntitle = \"B\"\nwords = 1\n"),
        1,
    );
    let problems = load_programs(dir.path()).unwrap_err().to_string();
    assert!(
        problems.contains("a/program.toml:1: \"Bad Slug\" is not a valid slug"),
        "{problems}"
    );
    assert!(
        problems.contains("b/program.toml:3: bad program file"),
        "{problems}"
    );
}

#[test]
fn several_program_folders_need_one_default() {
    let dir = tempfile::tempdir().unwrap();
    write_program(
        &dir.path().join("a"),
        Some("slug = \"aa\"\ntitle = \"A\"\n"),
        1,
    );
    write_program(
        &dir.path().join("b"),
        Some("slug = \"bb\"\ntitle = \"B\"\n"),
        1,
    );
    let problems = load_programs(dir.path()).unwrap_err().to_string();
    assert!(problems.contains("none is the default"), "{problems}");
    std::fs::write(
        dir.path().join("b").join(PROGRAM_FILE),
        "slug = \"bb\"\ntitle = \"B\"\ndefault = true\n",
    )
    .unwrap();
    assert_eq!(
        load_programs(dir.path()).unwrap().default_program().slug(),
        "bb"
    );
}
