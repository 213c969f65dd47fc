//! `twentythree badges export DIR`: a folder that serves the same documents and images as
//! the server, at the same paths.

use std::path::Path;

use super::{ISSUER_EMAIL, World};
use crate::helpers::{binary, stderr, stdout};

fn export(world: &World, dir: &Path, issuer_email: Option<&str>) -> std::process::Output {
    let mut command = binary(world.app.dir.path(), &world.app.database_url);
    command
        .args(["badges", "export"])
        .arg(dir)
        .env(
            "TWENTYTHREE_BASE_URL",
            world.app.state.config.base_url.as_str(),
        )
        .env("TWENTYTHREE_ORGANISATION", "Springfield Public Library");
    if let Some(email) = issuer_email {
        command.env("TWENTYTHREE_BADGE_ISSUER_EMAIL", email);
    }
    command.output().expect("the binary runs")
}

/// Every file under `dir`, as paths relative to it with `/` separators.
fn files(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let relative = path.strip_prefix(dir).unwrap().to_string_lossy();
                found.push(relative.replace('\\', "/"));
            }
        }
    }
    found.sort();
    found
}

#[tokio::test(flavor = "multi_thread")]
async fn badges_export_writes_what_the_server_serves() {
    let world = World::new().await;
    world
        .app
        .new_coordinator("coco@example.org", "Coco Ordinator")
        .await;
    let revoked = world.assertion_path().await;
    world.coordinator_sets(3, false).await;
    world.coordinator_sets(3, true).await;
    let standing = world.assertion_path().await;
    let dir = tempfile::tempdir().unwrap();

    let refused = export(&world, dir.path(), None);
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("TWENTYTHREE_BADGE_ISSUER_EMAIL"),
        "{}",
        stderr(&refused)
    );
    assert!(files(dir.path()).is_empty(), "nothing is written");

    let output = export(&world, dir.path(), Some(ISSUER_EMAIL));
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("1 standing assertion"),
        "{}",
        stdout(&output)
    );
    let written = files(dir.path());
    let expected = [
        "README.txt".to_owned(),
        revoked[1..].to_owned(),
        standing[1..].to_owned(),
        format!("{}.png", &standing[1..]),
        format!("{}.svg", &standing[1..]),
        "badges/issuer".to_owned(),
        "badges/spring".to_owned(),
        "badges/spring.png".to_owned(),
        "badges/spring.svg".to_owned(),
    ];
    let mut expected = expected.to_vec();
    expected.sort();
    assert_eq!(written, expected);
    for file in written.iter().filter(|f| f.starts_with("badges/")) {
        let on_disk = std::fs::read(dir.path().join(file)).unwrap();
        let (status, _, served) = world.bytes(&format!("/{file}")).await;
        assert_eq!(status, 200, "{file}");
        assert!(
            on_disk == served,
            "{file} differs from what the server serves"
        );
    }
}
