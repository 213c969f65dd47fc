//! A browser for the tests that act as one: keeps cookies, sends forms back with the
//! page's form token, signs in through the emailed link.

use crate::helpers::TestApp;

/// A browser: keeps cookies, does not follow redirects (so the tests see them).
pub struct Browser {
    pub client: reqwest::Client,
    pub address: String,
}

pub struct Answer {
    pub status: u16,
    pub location: String,
    pub body: String,
}

impl Browser {
    pub fn new(app: &TestApp) -> Self {
        Self::with_headers(app, reqwest::header::HeaderMap::new())
    }

    /// A browser whose `Accept-Language` asks for `language` first.
    pub fn speaking(app: &TestApp, language: &str) -> Self {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("accept-language", language.parse().unwrap());
        Self::with_headers(app, headers)
    }

    fn with_headers(app: &TestApp, headers: reqwest::header::HeaderMap) -> Self {
        Self {
            client: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .default_headers(headers)
                .build()
                .unwrap(),
            address: app.address.clone(),
        }
    }

    async fn answer(response: reqwest::Response) -> Answer {
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get("location")
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        Answer {
            status,
            location,
            body: response.text().await.unwrap(),
        }
    }

    pub async fn get(&self, path: &str) -> Answer {
        let response = self.client.get(format!("{}{path}", self.address)).send();
        Self::answer(response.await.unwrap()).await
    }

    /// The form token of the page at `from`, as the browser would send it back.
    pub async fn token(&self, from: &str) -> String {
        self.token_on(from).await.expect("a form token")
    }

    /// The form token of the page at `from`, if its forms carry one (a page kept for every
    /// stranger carries none).
    async fn token_on(&self, from: &str) -> Option<String> {
        let page = self.get(from).await.body;
        let start = page.find(r#"name="csrf" value=""#)? + 19;
        Some(page[start..start + 64].to_owned())
    }

    /// Submits a form on the page at `from` to `to`.
    /// Chooses `language` on `/me` (keeping the name `name` and no time zone of their own);
    /// fails unless it is saved.
    pub async fn choose_language(&self, name: &str, language: &str) {
        let saved = self
            .submit(
                "/me",
                "/me/preferences",
                &[("name", name), ("timezone", ""), ("language", language)],
            )
            .await;
        assert_eq!(saved.status, 303, "{language} is saved");
    }

    pub async fn submit(&self, from: &str, to: &str, fields: &[(&str, &str)]) -> Answer {
        let token = self.token_on(from).await;
        let mut form: Vec<(&str, &str)> = token.iter().map(|t| ("csrf", t.as_str())).collect();
        form.extend_from_slice(fields);
        let response = self
            .client
            .post(format!("{}{to}", self.address))
            .form(&form)
            .send();
        Self::answer(response.await.unwrap()).await
    }

    /// Signs `email` in through the emailed link.
    pub async fn sign_in(app: &TestApp, email: &str) -> Self {
        let browser = Self::new(app);
        let answer = browser.sign_in_from(app, email, "/login").await;
        assert_eq!(answer.status, 303);
        browser
    }

    /// Asks for a sign-in link on the page at `from` (which may carry `?next=`), opens the
    /// emailed link and presses its button, sending back what the page's form holds.
    pub async fn sign_in_from(&self, app: &TestApp, email: &str, from: &str) -> Answer {
        let before = app.smtp.to(email).len();
        let page = self.get(from).await.body;
        let mut fields = vec![("email", email.to_owned())];
        fields.extend(hidden_next(&page));
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.submit(from, "/login", &fields).await;
        app.send_mail().await;
        let login = app.smtp.to(email)[before..]
            .iter()
            .find(|m| m.kind() == "login")
            .cloned()
            .expect("a sign-in email");
        let link = link_in(&login.data, "/login/");
        let button = self.get(&link).await.body;
        let path = link.split('?').next().unwrap().to_owned();
        let fields = hidden_next(&button);
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.submit(&link, &path, &fields).await
    }
}

/// The hidden `next` field of a page's form, if it has one.
fn hidden_next(page: &str) -> Option<(&'static str, String)> {
    let start = page.find(r#"name="next" value=""#)? + 19;
    let end = start + page[start..].find('"')?;
    Some(("next", html_unescape(&page[start..end])))
}

fn html_unescape(text: &str) -> String {
    text.replace("&#x2f;", "/")
        .replace("&#x2F;", "/")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The first link in a raw email (quoted-printable undone) whose path starts with `path`,
/// as a path with its query.
pub fn link_in(raw: &str, path: &str) -> String {
    let data = raw.replace("=\r\n", "").replace("=3D", "=");
    let start = data.find(path).expect("a link");
    let end = start
        + data[start..]
            .find(|c: char| c.is_whitespace() || c == '"' || c == '<')
            .unwrap_or(data.len() - start);
    html_unescape(&data[start..end])
}
