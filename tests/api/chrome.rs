//! Headless Chromium for the tests, driven over WebDriver (Debian's `chromium` and
//! `chromium-driver`, which `.ci/run` installs): one chromedriver for the whole test binary,
//! one browser session per test, screenshots under `target/screenshots/`, and axe-core
//! (from npm, also installed by `.ci/run`) injected to check accessibility.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// Set to `required` (as `.ci/run` does) to make a missing browser a failure; otherwise the
/// browser journeys say loudly that they did not run and pass.
pub const REQUIRED_VAR: &str = "TWENTYTHREE_BROWSER_TESTS";

struct Driver {
    port: u16,
    _process: Child,
}

static DRIVER: OnceLock<Option<Driver>> = OnceLock::new();

fn find(candidates: &[&str]) -> Option<PathBuf> {
    candidates.iter().map(PathBuf::from).find(|p| p.exists())
}

fn chromium() -> Option<PathBuf> {
    find(&[
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ])
}

/// The axe-core script, where `.ci/run` puts it.
pub fn axe_script() -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/browser-tools/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(path).ok()
}

fn start_driver() -> Option<Driver> {
    let binary = find(&["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"])?;
    chromium()?;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .ok()?
        .local_addr()
        .ok()?
        .port();
    let process = Command::new(binary)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Some(Driver {
                port,
                _process: process,
            });
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    None
}

/// A new browser of `width` x `height`, or `None` when Chromium is not installed and not
/// required.
pub async fn browser(width: u32, height: u32, dark: bool) -> Option<Client> {
    let Some(driver) = DRIVER.get_or_init(start_driver) else {
        assert!(
            std::env::var(REQUIRED_VAR).as_deref() != Ok("required"),
            "Chromium and chromedriver are needed: apt-get install chromium chromium-driver (.ci/run does)"
        );
        eprintln!("SKIPPED: no Chromium here; `.ci/run` installs it and runs the browser journeys");
        return None;
    };
    let profile = tempfile::tempdir().expect("a profile folder").keep();
    let mut args = vec![
        "--headless=new".to_owned(),
        "--no-sandbox".to_owned(),
        "--disable-gpu".to_owned(),
        "--disable-dev-shm-usage".to_owned(),
        "--disable-quic".to_owned(),
        "--no-first-run".to_owned(),
        "--disable-background-networking".to_owned(),
        "--disable-component-update".to_owned(),
        "--disable-sync".to_owned(),
        "--hide-scrollbars".to_owned(),
        format!("--window-size={width},{height}"),
        format!("--user-data-dir={}", profile.display()),
    ];
    if dark {
        args.push("--force-dark-mode".to_owned());
        args.push("--blink-settings=preferredColorScheme=0".to_owned());
    }
    let capabilities = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": chromium().expect("found above"),
            "args": args,
        },
    });
    let Value::Object(capabilities) = capabilities else {
        unreachable!()
    };
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a browser session");
    client
        .set_window_size(width, height)
        .await
        .expect("the window is sized");
    Some(client)
}

/// Where screenshots go.
pub fn screenshot_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).expect("the screenshot folder");
    dir
}

/// Saves a full-page screenshot as `name.png`.
pub async fn screenshot(client: &Client, name: &str) {
    let png = client.screenshot().await.expect("a screenshot");
    std::fs::write(screenshot_dir().join(format!("{name}.png")), png).expect("saved");
}

/// How much wider than the window the page is (0 when nothing scrolls sideways).
pub async fn overflow(client: &Client) -> i64 {
    client
        .execute(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
            vec![],
        )
        .await
        .expect("a width")
        .as_i64()
        .unwrap_or(0)
}

/// The serious and critical axe-core violations on the current page, as lines.
pub async fn axe_violations(client: &Client) -> Vec<String> {
    let script = axe_script().expect("axe-core (npm install axe-core, as .ci/run does)");
    client.execute(&script, vec![]).await.expect("axe loads");
    let result = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations.map(v => ({
               id: v.id, impact: v.impact, help: v.help,
               nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))
             })))).catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));",
            vec![],
        )
        .await
        .expect("axe runs");
    result
        .as_array()
        .into_iter()
        .flatten()
        .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
        .map(|v| {
            format!(
                "{} ({}): {} at {}",
                v["id"], v["impact"], v["help"], v["nodes"]
            )
        })
        .collect()
}

/// Clicks the link with exactly this text.
pub async fn click_link(client: &Client, text: &str) {
    client
        .find(Locator::LinkText(text))
        .await
        .unwrap_or_else(|e| panic!("a link {text:?}: {e}"))
        .click()
        .await
        .expect("clicked");
}

/// The page's visible text.
pub async fn text(client: &Client) -> String {
    client
        .find(Locator::Css("body"))
        .await
        .expect("a body")
        .text()
        .await
        .expect("its text")
}
