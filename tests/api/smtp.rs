//! A real SMTP server on loopback for the tests: it keeps every message it accepts, can
//! answer 451 or 550 on demand, and can go down and come back on the same port.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Accept,
    /// 451: try again later.
    Busy,
    /// 550: refused for good.
    Refuse,
}

#[derive(Clone, Debug)]
pub struct Received {
    pub to: Vec<String>,
    pub data: String,
}

impl Received {
    /// The value of the first header `name` (unfolded).
    pub fn header(&self, name: &str) -> Option<String> {
        let head = self
            .data
            .split("\r\n\r\n")
            .next()
            .unwrap_or_default()
            .replace("\r\n ", " ")
            .replace("\r\n\t", " ");
        head.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name)
                .then(|| value.trim().to_owned())
        })
    }

    pub fn kind(&self) -> String {
        self.header("X-Twentythree-Kind").unwrap_or_default()
    }
}

#[derive(Default)]
struct Inbox {
    messages: Vec<Received>,
    mode: Option<Mode>,
    down: AtomicBool,
}

pub struct SmtpSink {
    pub port: u16,
    inbox: Arc<Mutex<Inbox>>,
    server: Mutex<Option<JoinHandle<()>>>,
}

impl SmtpSink {
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let inbox = Arc::new(Mutex::new(Inbox::default()));
        let server = tokio::spawn(serve(listener, inbox.clone()));
        Self {
            port,
            inbox,
            server: Mutex::new(Some(server)),
        }
    }

    pub fn url(&self) -> url::Url {
        format!("smtp://127.0.0.1:{}", self.port).parse().unwrap()
    }

    pub fn set_mode(&self, mode: Mode) {
        self.inbox.lock().unwrap().mode = Some(mode);
    }

    /// Stops listening: connections are refused until `restart`.
    pub fn stop(&self) {
        self.inbox
            .lock()
            .unwrap()
            .down
            .store(true, Ordering::SeqCst);
        if let Some(server) = self.server.lock().unwrap().take() {
            server.abort();
        }
    }

    pub async fn restart(&self) {
        let listener = TcpListener::bind(("127.0.0.1", self.port)).await.unwrap();
        self.inbox
            .lock()
            .unwrap()
            .down
            .store(false, Ordering::SeqCst);
        *self.server.lock().unwrap() = Some(tokio::spawn(serve(listener, self.inbox.clone())));
    }

    pub fn messages(&self) -> Vec<Received> {
        self.inbox.lock().unwrap().messages.clone()
    }

    pub fn to(&self, address: &str) -> Vec<Received> {
        self.messages()
            .into_iter()
            .filter(|m| m.to.iter().any(|t| t == address))
            .collect()
    }
}

async fn serve(listener: TcpListener, inbox: Arc<Mutex<Inbox>>) {
    while let Ok((stream, _)) = listener.accept().await {
        let inbox = inbox.clone();
        tokio::spawn(async move {
            let (read, mut write) = stream.into_split();
            let mut lines = BufReader::new(read).lines();
            let _ = write.write_all(b"220 sink ESMTP\r\n").await;
            let mut to = Vec::new();
            while let Ok(Some(line)) = lines.next_line().await {
                if inbox.lock().unwrap().down.load(Ordering::SeqCst) {
                    return;
                }
                let upper = line.to_ascii_uppercase();
                let mode = inbox.lock().unwrap().mode.unwrap_or(Mode::Accept);
                let reply: &[u8] = if upper.starts_with("EHLO") {
                    b"250-sink\r\n250 8BITMIME\r\n"
                } else if upper.starts_with("RCPT TO:") {
                    match mode {
                        Mode::Accept => {
                            to.push(
                                line[8..]
                                    .trim()
                                    .trim_start_matches('<')
                                    .trim_end_matches('>')
                                    .to_owned(),
                            );
                            b"250 OK\r\n"
                        }
                        Mode::Busy => b"451 4.3.0 Try again later\r\n",
                        Mode::Refuse => b"550 5.1.1 No such mailbox here\r\n",
                    }
                } else if upper == "DATA" {
                    let _ = write.write_all(b"354 Go ahead\r\n").await;
                    let mut data = String::new();
                    while let Ok(Some(line)) = lines.next_line().await {
                        if line == "." {
                            break;
                        }
                        data.push_str(line.strip_prefix('.').unwrap_or(&line));
                        data.push_str("\r\n");
                    }
                    inbox.lock().unwrap().messages.push(Received {
                        to: std::mem::take(&mut to),
                        data,
                    });
                    b"250 Queued\r\n"
                } else if upper == "QUIT" {
                    let _ = write.write_all(b"221 Bye\r\n").await;
                    return;
                } else if upper.starts_with("RSET") {
                    to.clear();
                    b"250 OK\r\n"
                } else {
                    b"250 OK\r\n"
                };
                if write.write_all(reply).await.is_err() {
                    return;
                }
            }
        });
    }
}
