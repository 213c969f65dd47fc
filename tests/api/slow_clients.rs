//! Slow clients: connections that send their headers a byte a second neither starve a
//! normal visitor nor stay open past the header-read time limit.

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use twentythree::web::serve::HEADER_READ_TIMEOUT;

use crate::helpers::spawn_app;

const TRICKLERS: usize = 200;

/// Sends a request's headers one byte a second; returns how long until the server hung
/// up, or `None` when it was still listening after `give_up`.
async fn trickle(address: String, give_up: Duration) -> Option<Duration> {
    let started = Instant::now();
    let mut stream = TcpStream::connect(address).await.unwrap();
    let request = b"GET /lessons HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slowloris\r\nX-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n";
    let (mut reader, mut writer) = stream.split();
    let mut answer = Vec::new();
    let hung_up = async {
        // Whatever the server says (a 408, say), it then closes the connection.
        let _ = reader.read_to_end(&mut answer).await;
    };
    let dribble = async {
        for byte in request.iter().cycle() {
            if writer.write_all(&[*byte]).await.is_err() {
                return;
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    };
    tokio::select! {
        () = hung_up => Some(started.elapsed()),
        () = dribble => Some(started.elapsed()),
        () = tokio::time::sleep(give_up) => None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_slow_clients_neither_starve_a_visitor_nor_stay_connected() {
    let app = spawn_app().await;
    let address = app.address.trim_start_matches("http://").to_owned();
    let give_up = HEADER_READ_TIMEOUT + Duration::from_secs(5);
    let tricklers: Vec<_> = (0..TRICKLERS)
        .map(|_| tokio::spawn(trickle(address.clone(), give_up)))
        .collect();

    tokio::time::sleep(Duration::from_secs(2)).await;
    for _ in 0..5 {
        let asked = Instant::now();
        let page = app.get("/lessons").await;
        assert_eq!(page.status, 200);
        let took = asked.elapsed();
        assert!(took < Duration::from_secs(1), "a visitor waited {took:?}");
    }

    let mut dropped = 0;
    for trickler in tricklers {
        if let Some(after) = trickler.await.unwrap() {
            assert!(
                after >= HEADER_READ_TIMEOUT - Duration::from_secs(1),
                "{after:?}"
            );
            dropped += 1;
        }
    }
    assert_eq!(dropped, TRICKLERS, "slow clients still connected");
    let page = app.get("/lessons").await;
    assert_eq!(page.status, 200);
}
