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

/// Clicks the link with exactly this text and waits for its page.
pub async fn click_link(client: &Client, text: &str) {
    client
        .execute("window.__twentythree_old_page = true;", vec![])
        .await
        .expect("marked");
    client
        .find(Locator::LinkText(text))
        .await
        .unwrap_or_else(|e| panic!("a link {text:?}: {e}"))
        .click()
        .await
        .expect("clicked");
    settle(client).await;
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

/// Types `text` into the field matched by `css`.
pub async fn fill(client: &Client, css: &str, text: &str) {
    let field = client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("a field {css}: {e}"));
    field.clear().await.expect("cleared");
    field.send_keys(text).await.expect("typed");
}

/// Clicks the element matched by `css`.
pub async fn click(client: &Client, css: &str) {
    client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("an element {css}: {e}"))
        .click()
        .await
        .expect("clicked");
}

/// The path (and query) of the current page.
pub async fn path(client: &Client) -> String {
    let url = client.current_url().await.expect("a URL");
    match url.query() {
        Some(query) => format!("{}?{query}", url.path()),
        None => url.path().to_owned(),
    }
}

/// Screenshots the current page at desktop and phone width, then goes back to `width`.
pub async fn both_widths(client: &Client, name: &str, width: u32) {
    for (w, label) in [(1280, "1280"), (375, "375")] {
        client.set_window_size(w, 1400).await.expect("resized");
        screenshot(client, &format!("{name}-{label}")).await;
    }
    client.set_window_size(width, 1400).await.expect("resized");
}

/// Presses Tab until the focused element matches `css` (at most `limit` times); returns
/// whether it got there, and checks on the way that every focused element shows a focus
/// ring of at least 3:1 against the page.
pub async fn tab_to(client: &Client, css: &str, limit: usize) -> bool {
    for _ in 0..limit {
        client
            .active_element()
            .await
            .expect("a focused element")
            .send_keys("\u{e004}")
            .await
            .expect("Tab");
        let ring = client
            .execute(FOCUS_RING, vec![json!(css)])
            .await
            .expect("the focus ring");
        if ring["tag"] != "BODY" {
            let contrast = ring["contrast"].as_f64().unwrap_or(0.0);
            assert!(
                contrast >= 3.0,
                "the focus ring of {} is {contrast:.1}:1 against the page",
                ring["what"]
            );
        }
        if ring["matches"] == true {
            return true;
        }
    }
    false
}

/// Describes the focused element and its focus ring's contrast against what lies under it.
const FOCUS_RING: &str = r#"
const el = document.activeElement;
const style = getComputedStyle(el);
const parse = c => { const m = c.match(/[\d.]+/g) || [0,0,0,0]; return [+m[0], +m[1], +m[2], m[3] === undefined ? 1 : +m[3]]; };
const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126*f(r) + 0.7152*f(g) + 0.0722*f(b); };
let node = el.parentElement, bg = [255,255,255,0];
while (node) { const c = parse(getComputedStyle(node).backgroundColor); if (c[3] > 0) { bg = c; break; } node = node.parentElement; }
if (bg[3] === 0) { bg = parse(getComputedStyle(document.body).backgroundColor); }
const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 ? parse(style.outlineColor) : null;
const a = ring ? lum(ring) : 0, b = lum(bg);
return { tag: el.tagName, what: el.outerHTML.slice(0, 80), matches: el.matches(arguments[0]),
         contrast: ring ? (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) : 0 };
"#;

/// What `fetch` of `path` answers in the browser (with its cookies): status and text.
pub async fn fetch(client: &Client, path: &str) -> (u16, String) {
    let answer = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch(arguments[0]).then(r => r.text().then(t => done([r.status, t])));",
            vec![json!(path)],
        )
        .await
        .expect("fetched");
    (
        u16::try_from(answer[0].as_u64().unwrap_or(0)).unwrap_or(0),
        answer[1].as_str().unwrap_or_default().to_owned(),
    )
}

/// Clicks the element matched by `css` and waits for the page it leads to.
pub async fn go(client: &Client, css: &str) {
    client
        .execute("window.__twentythree_old_page = true;", vec![])
        .await
        .expect("marked");
    click(client, css).await;
    settle(client).await;
}

/// Waits (at most a minute, for a loaded machine) until the page the last click led to
/// has loaded.
pub async fn settle(client: &Client) {
    for _ in 0..1200 {
        let fresh = client
            .execute(
                "return !window.__twentythree_old_page && document.readyState === 'complete';",
                vec![],
            )
            .await
            .unwrap_or(Value::Bool(false));
        if fresh == Value::Bool(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the next page did not load");
}

/// Presses Enter on the focused element and waits for the page it leads to.
pub async fn press_enter(client: &Client) {
    client
        .execute("window.__twentythree_old_page = true;", vec![])
        .await
        .expect("marked");
    client
        .active_element()
        .await
        .expect("a focused element")
        .send_keys("\u{e007}")
        .await
        .expect("Enter");
    settle(client).await;
}
