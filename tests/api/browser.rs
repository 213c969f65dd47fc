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
        Self {
            client: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
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
        let page = self.get(from).await.body;
        let start = page.find(r#"name="csrf" value=""#).expect("a form token") + 19;
        page[start..start + 64].to_owned()
    }

    /// Submits a form on the page at `from` to `to`.
    pub async fn submit(&self, from: &str, to: &str, fields: &[(&str, &str)]) -> Answer {
        let token = self.token(from).await;
        let mut form: Vec<(&str, &str)> = vec![("csrf", &token)];
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
        let before = app.smtp.to(email).len();
        browser
            .submit("/login", "/login", &[("email", email)])
            .await;
        app.send_mail().await;
        let login = app.smtp.to(email)[before..]
            .iter()
            .find(|m| m.kind() == "login")
            .cloned()
            .expect("a sign-in email");
        let data = login.data.replace("=\r\n", "");
        let start = data.find("/login/").expect("a sign-in link") + 7;
        let link = format!("/login/{}", &data[start..start + 64]);
        assert_eq!(browser.submit(&link, &link, &[]).await.status, 303);
        browser
    }
}
