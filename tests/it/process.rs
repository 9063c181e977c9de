//! The `catalogue` binary as a process: running it as an operator does, and
//! a service on a free loopback port spoken to over plain HTTP/1.1.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::helpers::binary;

pub fn catalogue(dir: &Path, args: &[&str]) -> Output {
    catalogue_with(dir, &[], args)
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

pub fn write_lines(path: &Path, records: &[Value]) {
    let lines: Vec<String> = records.iter().map(Value::to_string).collect();
    std::fs::write(path, lines.join("\n")).unwrap();
}

pub fn catalogue_with(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    Command::new(binary())
        .args(args)
        .env("CATALOGUE_DATA_DIR", dir.join("data"))
        .env("CATALOGUE_INDEX_DIR", dir.join("index"))
        .env("RUST_LOG", "warn")
        .envs(env.iter().copied())
        .output()
        .unwrap()
}

/// Any request over plain HTTP/1.1 to a loopback `port`: the status, the
/// head and the body; `None` when nothing answers there.
pub fn exchange(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Option<(u16, String, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(body);
    stream.write_all(request.as_bytes()).ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    let status = response.split(' ').nth(1)?.parse().ok()?;
    let (head, body) = response.split_once("\r\n\r\n")?;
    Some((status, head.to_owned(), body.to_owned()))
}

/// A running service on a free loopback port, stopped when dropped.
pub struct Service {
    pub child: Child,
    pub port: u16,
}

impl Service {
    pub fn start(dir: &Path) -> Service {
        let service = Service::spawn(dir, &[]);
        // It answers at once; searches wait for the index to be ready.
        service.wait_until(Duration::from_secs(60), Service::is_ready);
        service
    }

    /// Starts the service with `args` added and returns at once, before it
    /// listens.
    pub fn spawn(dir: &Path, args: &[&str]) -> Service {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(binary())
            .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
            .args(["--data-dir", dir.join("data").to_str().unwrap()])
            .args(["--index-dir", dir.join("index").to_str().unwrap()])
            .args(args)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        Service { child, port }
    }

    /// Whether it answers and its index is ready.
    pub fn is_ready(&self) -> bool {
        self.get("/healthz")
            .is_some_and(|(status, body)| status == 200 && body.contains(r#""index":"ready""#))
    }

    /// A GET over plain HTTP/1.1; `None` when the service does not answer.
    pub fn get(&self, path: &str) -> Option<(u16, String)> {
        let (status, _, body) = self.exchange("GET", path, &[], "")?;
        Some((status, body))
    }

    /// Any request over plain HTTP/1.1: the status, the head and the body.
    pub fn exchange(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> Option<(u16, String, String)> {
        exchange(self.port, method, path, headers, body)
    }

    pub fn search(&self, query: &str) -> Value {
        let (status, body) = self.get(&format!("/api/v1/search?{query}")).unwrap();
        assert_eq!(status, 200, "{body}");
        serde_json::from_str(&body).unwrap()
    }

    pub fn wait_until(&self, limit: Duration, done: impl Fn(&Service) -> bool) {
        let start = Instant::now();
        while !done(self) {
            assert!(start.elapsed() < limit, "gave up waiting after {limit:?}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
