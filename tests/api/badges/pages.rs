//! Where people meet a badge: the verification page for people (JSON for machines), the
//! celebration email, `/me`, the certificate and the celebration wall.

use super::{ADA, World, unescaped};
use crate::browser::{Browser, link_in};

#[tokio::test(flavor = "multi_thread")]
async fn people_see_a_verification_page_and_machines_json() {
    let world = World::new().await;
    let path = world.assertion_path().await;
    let (status, page) = world.html(&path).await;
    let page = unescaped(&page);
    assert_eq!(status, 200);
    for words in [
        "This badge is real",
        "Ada Lovelace",
        "Springfield Public Library",
        "Spring 2026",
        "5 October 2026",
    ] {
        assert!(page.contains(words), "{words}: {page}");
    }
    assert!(
        !page.contains("Download your badge"),
        "only the finisher is offered it"
    );
    let ada = Browser::sign_in(&world.app, ADA).await;
    let own = ada
        .client
        .get(world.url(&path))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    let own = unescaped(&own.text().await.unwrap());
    assert!(
        own.contains("Download your badge") && own.contains("linkedin.com/profile/add"),
        "{own}"
    );
    // A validator's Accept and no Accept at all get JSON-LD.
    let response = world
        .app
        .client
        .get(world.url(&path))
        .header(
            "accept",
            "application/ld+json, application/json, image/png, image/svg+xml",
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["content-type"], "application/ld+json");
    assert_eq!(response.headers()["vary"], "Accept");
    assert_eq!(world.document(&path).await.0, 200);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_finisher_meets_the_badge_in_the_email_on_me_on_the_certificate_and_on_the_wall() {
    let world = World::new().await;
    let path = world.assertion_path().await;
    let id = path.rsplit('/').next().unwrap().to_owned();
    world.app.send_mail().await;
    let mail = world
        .app
        .smtp
        .to(ADA)
        .into_iter()
        .find(|m| m.kind() == "celebration")
        .expect("a celebration");
    let png = link_in(&mail.data, "/badges/assertions/");
    assert_eq!(png, format!("{path}.png"));
    let data = mail.data.replace("=\r\n", "").replace("=3D", "=");
    assert!(data.contains("Download your badge") && data.contains("Add to LinkedIn"));
    assert!(data.contains("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME"));
    assert!(data.contains(&format!("certId={id}")), "{data}");
    assert!(
        data.contains("organizationName=Springfield+Public+Library"),
        "{data}"
    );
    assert!(
        data.contains("issueYear=2026&issueMonth=10")
            || data.contains("issueYear=2026&amp;issueMonth=10")
    );

    let ada = Browser::sign_in(&world.app, ADA).await;
    let me = unescaped(&ada.get("/me").await.body);
    assert!(
        me.contains("Download your badge") && me.contains(&format!("{path}.png")),
        "{me}"
    );
    assert!(
        me.contains("Add to LinkedIn") && me.contains("certUrl="),
        "{me}"
    );
    let certificate = format!("/cohorts/spring/people/{}/certificate", world.ada.id);
    let own = unescaped(&ada.get(&certificate).await.body);
    assert!(
        own.contains("Download your badge") && own.contains(&path),
        "{own}"
    );
    let public = unescaped(&world.app.get(&certificate).await.body);
    assert!(
        public.contains(&path) && !public.contains("Download your badge"),
        "{public}"
    );

    let wall = unescaped(&world.app.get("/cohorts/spring/finishers").await.body);
    assert!(
        wall.contains(&format!("href=\"{path}\"")) && wall.contains("/badges/spring.png"),
        "{wall}"
    );
    let bob = Browser::sign_in(&world.app, "bob@example.org").await;
    assert!(!bob.get("/me").await.body.contains("Download your badge"));
}
