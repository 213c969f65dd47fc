//! A badge's life: revoked when a coordinator's unmark makes its finisher unfinished (its
//! address stays), issued anew when they finish again; off without an issuer email, and
//! awarded once to earlier finishers when turned on.

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use twentythree::entities::badge_assertion;

use super::{ADA, ISSUER_EMAIL, World, at_own_address, unescaped};
use crate::browser::Browser;
use crate::helpers::spawn_app_with;

#[tokio::test(flavor = "multi_thread")]
async fn unmarking_revokes_the_badge_and_finishing_again_issues_a_new_one() {
    let world = World::new().await;
    world
        .app
        .new_coordinator("coco@example.org", "Coco Ordinator")
        .await;
    let first = world.assertion_path().await;
    let first_url = world.url(&first);

    world.coordinator_sets(7, false).await;
    let (status, revoked) = world.document(&first).await;
    assert_eq!(status, 200, "a revoked assertion keeps its address");
    assert_eq!(revoked["id"], first_url);
    assert_eq!(revoked["type"], "Assertion");
    assert_eq!(revoked["revoked"], true);
    assert!(
        revoked["revocationReason"]
            .as_str()
            .unwrap()
            .contains("Thing 7")
    );
    assert!(revoked.get("recipient").is_none());
    let page = unescaped(&world.html(&first).await.1);
    assert!(
        page.contains("This badge was revoked") && page.contains("Thing 7"),
        "{page}"
    );
    assert_eq!(world.bytes(&format!("{first}.png")).await.0, 404);
    let progress = world
        .app
        .get_json("/api/v1/cohorts/spring/progress")
        .await
        .1;
    let ada = progress["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Ada Lovelace")
        .unwrap();
    assert!(ada["finished_at"].is_null(), "{ada}");
    assert!(
        twentythree::badges::live_for(&world.app.state.db, world.ada.id)
            .await
            .unwrap()
            .is_none()
    );
    let wall = unescaped(&world.app.get("/cohorts/spring/finishers").await.body);
    assert!(!wall.contains(&first));

    // Unmarking another thing revokes nothing more; marking thing 7 again finishes her anew.
    world.coordinator_sets(8, false).await;
    world.coordinator_sets(8, true).await;
    assert!(
        twentythree::badges::live_for(&world.app.state.db, world.ada.id)
            .await
            .unwrap()
            .is_none()
    );
    world.coordinator_sets(7, true).await;
    let second = world.assertion_path().await;
    assert_ne!(second, first);
    assert_eq!(world.document(&second).await.1["type"], "Assertion");
    assert_eq!(world.document(&first).await.1["revoked"], true);
    let count = badge_assertion::Entity::find()
        .filter(badge_assertion::Column::ParticipantId.eq(world.ada.id))
        .count(&world.app.state.db)
        .await
        .unwrap();
    assert_eq!(count, 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn badges_are_off_until_an_issuer_email_is_set() {
    let app = spawn_app_with(at_own_address).await;
    let world = World::in_app(app).await;
    for path in ["/badges/issuer", "/badges/spring", "/badges/spring.png"] {
        assert_eq!(world.bytes(path).await.0, 404, "{path}");
    }
    let count = badge_assertion::Entity::find()
        .count(&world.app.state.db)
        .await
        .unwrap();
    assert_eq!(count, 0);
    world.app.send_mail().await;
    let mail = world.app.smtp.to(ADA);
    assert!(mail.iter().any(|m| m.kind() == "celebration"));
    assert!(mail.iter().all(|m| !m.data.contains("badge")));
    world
        .app
        .new_coordinator("coco@example.org", "Coco Ordinator")
        .await;
    let coco = Browser::sign_in(&world.app, "coco@example.org").await;
    let grid = coco.get("/coordinator/cohorts/spring").await.body;
    assert!(
        grid.contains("Open Badges are off") && grid.contains("TWENTYTHREE_BADGE_ISSUER_EMAIL"),
        "{grid}"
    );

    // Turned on later (a restart with an issuer email): earlier finishers get theirs, once.
    let on = |c: &mut twentythree::Config| {
        at_own_address(c);
        c.badge_issuer_email = Some(ISSUER_EMAIL.parse().unwrap());
    };
    let later = crate::helpers::spawn_app_on_with(world.app.database_url.clone(), on).await;
    crate::helpers::spawn_app_on_with(world.app.database_url.clone(), on).await;
    let awarded = badge_assertion::Entity::find()
        .all(&later.state.db)
        .await
        .unwrap();
    assert_eq!(awarded.len(), 1);
    assert_eq!(awarded[0].participant_id, world.ada.id);
    assert_eq!(Some(awarded[0].issued_on), world.ada.finished_at);
    let coco = Browser::sign_in(&later, "coco@example.org").await;
    let grid = unescaped(&coco.get("/coordinator/cohorts/spring").await.body);
    assert!(
        grid.contains("Open Badges are on") && grid.contains("/badges/spring"),
        "{grid}"
    );
}
