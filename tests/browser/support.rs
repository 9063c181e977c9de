//! The service under test, the browser driving it, and what journeys share:
//! finding and filling elements, screenshots and the axe-core check.

use std::fmt::Display;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};
use tempfile::TempDir;

/// What a journey returns: `Err` says what went wrong, for the report.
pub type BrowserResult = Result<(), String>;

/// Adds what was being done to an error.
pub trait Context<T> {
    /// The error, prefixed with `what`.
    fn ctx(self, what: impl Display) -> Result<T, String>;
}

impl<T, E: Display> Context<T> for Result<T, E> {
    fn ctx(self, what: impl Display) -> Result<T, String> {
        self.map_err(|e| format!("{what}: {e}"))
    }
}

/// Fails the journey with `message` unless `condition` holds.
pub fn ensure(condition: bool, message: impl Display) -> BrowserResult {
    if condition {
        Ok(())
    } else {
        Err(message.to_string())
    }
}

/// The password every invited person chooses in these tests.
pub const PASSWORD: &str = "lantern harbour boat";

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free loopback port")
        .port()
}

/// Whether a plain HTTP GET of `path` on `port` answers 200.
fn answers(port: u16, path: &str) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let request = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    // Only the status line matters; ChromeDriver keeps the connection open.
    let mut head = [0u8; 12];
    stream.write_all(request.as_bytes()).is_ok()
        && stream.read_exact(&mut head).is_ok()
        && head.starts_with(b"HTTP/1.1 200")
}

/// Whether the catalogue at `port` answers with its search index ready:
/// it listens before the index has caught up, and searches wait until then.
fn index_ready(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let request = "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    let mut response = String::new();
    stream.write_all(request.as_bytes()).is_ok()
        && stream.read_to_string(&mut response).is_ok()
        && response.starts_with("HTTP/1.1 200")
        && response.contains(r#""index":"ready""#)
}

fn wait_for(what: &str, limit: Duration, ready: impl Fn() -> bool) -> Result<(), String> {
    let start = Instant::now();
    while !ready() {
        if start.elapsed() > limit {
            return Err(format!("{what} did not answer within {limit:?}"));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok(())
}

/// Where the screenshots go: `target/browser-screenshots/`.
pub fn screenshot_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("browser-screenshots")
}

/// The service binary on a free loopback port, with a fresh data directory
/// (so it loads the fixtures), stopped when dropped.
pub struct Service {
    child: Child,
    port: u16,
    dir: TempDir,
}

impl Service {
    /// Starts the service and waits until it answers.
    pub fn start() -> Service {
        let dir = TempDir::new().expect("a temporary directory");
        let port = free_port();
        let child = Command::new(env!("CARGO_BIN_EXE_catalogue"))
            .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
            .envs(Self::environment(dir.path(), port))
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the catalogue binary starts");
        let service = Service { child, port, dir };
        wait_for("the catalogue service", Duration::from_secs(120), || {
            index_ready(port)
        })
        .expect("the service starts");
        service
    }

    fn environment(dir: &Path, port: u16) -> Vec<(&'static str, String)> {
        vec![
            ("CATALOGUE_DATA_DIR", dir.join("data").display().to_string()),
            (
                "CATALOGUE_INDEX_DIR",
                dir.join("index").display().to_string(),
            ),
            ("CATALOGUE_PUBLIC_URL", format!("http://127.0.0.1:{port}")),
            ("RUST_LOG", "warn".to_owned()),
        ]
    }

    /// The address of `path` on the service.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Imports interchange records with the command line, as an operator
    /// would, while the service runs; the service indexes them shortly.
    pub fn import(&self, records: &str) -> BrowserResult {
        let file = self.dir.path().join("import.jsonl");
        std::fs::write(&file, records).ctx("writing the records to import")?;
        let output = Command::new(env!("CARGO_BIN_EXE_catalogue"))
            .arg("import")
            .arg(&file)
            .envs(Self::environment(self.dir.path(), self.port))
            .output()
            .ctx("running catalogue import")?;
        ensure(
            output.status.success(),
            format!("import failed: {}", String::from_utf8_lossy(&output.stderr)),
        )
    }

    /// The path of a one-click confirmation link for listing `id`, as a
    /// freshness reminder would carry, working for a day.
    pub async fn confirmation_link(&self, id: &str) -> Result<String, String> {
        let paths = catalogue::config::Paths {
            data_dir: self.dir.path().join("data"),
            index_dir: self.dir.path().join("index"),
        };
        let store = catalogue::store::Store::open(&paths.database())
            .await
            .ctx("opening the service's database")?;
        let (_, _, confirmed_at) = store
            .confirmation_of(id)
            .await
            .ctx("reading the listing's confirmation")?
            .ok_or_else(|| format!("no listing {id}"))?;
        let expires = (time::OffsetDateTime::now_utc() + time::Duration::days(1)).unix_timestamp();
        let link = catalogue::app::confirm_link::make(&store, id, &confirmed_at, expires)
            .await
            .ctx("making the link")?;
        store.close().await;
        Ok(format!("/confirm/{link}"))
    }

    /// Invites a person with the command line, as an operator would, and
    /// returns the path of the invitation link it prints.
    pub fn invite(&self, email: &str, name: &str, org: Option<&str>, role: &str) -> String {
        let mut args = vec![
            "user", "add", "--email", email, "--name", name, "--role", role,
        ];
        if let Some(org) = org {
            args.extend(["--org", org]);
        }
        let output = Command::new(env!("CARGO_BIN_EXE_catalogue"))
            .args(&args)
            .envs(Self::environment(self.dir.path(), self.port))
            .output()
            .expect("the catalogue binary runs");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "user add failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let base = self.url("");
        stdout
            .split_whitespace()
            .find_map(|word| word.strip_prefix(&base))
            .unwrap_or_else(|| panic!("no invitation link in {stdout}"))
            .to_owned()
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Chromium driven through ChromeDriver, looking at one service.
pub struct Browser {
    client: Client,
    driver: Child,
    /// The service under test.
    pub service: Service,
    axe_source: String,
    _profile: TempDir,
}

const AXE_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/browser/node_modules/axe-core/axe.min.js"
);

impl Browser {
    /// Starts ChromeDriver and a headless Chromium session.
    pub async fn open(service: Service) -> Result<Browser, String> {
        let axe_source = std::fs::read_to_string(AXE_PATH).ctx(format!(
            "axe-core is not installed at {AXE_PATH} (run `npm ci --prefix tests/browser`, or .ci/run)"
        ))?;
        let port = free_port();
        let mut driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ctx(
                "chromedriver cannot be started (install Debian's chromium-driver, or run .ci/run)",
            )?;
        if let Err(why) = wait_for("chromedriver", Duration::from_secs(30), || {
            answers(port, "/status")
        }) {
            let _ = driver.kill();
            return Err(why);
        }
        let profile = TempDir::new().ctx("a browser profile directory")?;
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-dev-shm-usage", "--disable-quic",
                    "--window-size=1280,900", "--lang=en-GB",
                    format!("--user-data-dir={}", profile.path().display()),
                ],
                "prefs": { "intl.accept_languages": "en-GB,en" },
            },
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!("a JSON object")
        };
        let client = match ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(client) => client,
            Err(why) => {
                let _ = driver.kill();
                return Err(format!("chromium did not start: {why}"));
            }
        };
        // Finding an element waits up to five seconds for it to appear.
        client
            .update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
                None,
                None,
                Some(Duration::from_secs(5)),
            ))
            .await
            .ctx("setting the browser's timeouts")?;
        std::fs::create_dir_all(screenshot_dir()).ctx("creating the screenshot folder")?;
        Ok(Browser {
            client,
            driver,
            service,
            axe_source,
            _profile: profile,
        })
    }

    /// Ends the browser session and stops ChromeDriver.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }

    /// The WebDriver client, for what the helpers do not cover.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Opens `path` on the service.
    pub async fn visit(&self, path: &str) -> BrowserResult {
        self.client
            .goto(&self.service.url(path))
            .await
            .ctx(format!("opening {path}"))
    }

    /// The path and query of the page shown.
    pub async fn location(&self) -> Result<String, String> {
        let url = self.client.current_url().await.ctx("reading the address")?;
        Ok(match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        })
    }

    /// The element `css` selects.
    pub async fn find(&self, css: &str) -> Result<Element, String> {
        self.client
            .find(Locator::Css(css))
            .await
            .ctx(format!("finding {css} on {}", self.location().await?))
    }

    /// The element `css` selects, waiting up to five seconds for it to
    /// appear (after a form is sent, the next page may still be loading).
    pub async fn wait_for(&self, css: &str) -> Result<Element, String> {
        self.client
            .wait()
            .at_most(Duration::from_secs(5))
            .for_element(Locator::Css(css))
            .await
            .ctx(format!("waiting for {css} on {}", self.location().await?))
    }

    /// Waits up to five seconds for the address to satisfy `arrived` (a
    /// click that sends a form may return before the next page loads).
    pub async fn wait_until_at(&self, what: &str, arrived: impl Fn(&str) -> bool) -> BrowserResult {
        let start = Instant::now();
        loop {
            let here = self.location().await?;
            if arrived(&here) {
                return Ok(());
            }
            if start.elapsed() > Duration::from_secs(5) {
                return Err(format!("still at {here} instead of {what}"));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Sets the value of the input `css` selects directly: typing into a
    /// date field depends on the browser's locale.
    pub async fn set_value(&self, css: &str, value: &str) -> BrowserResult {
        let field = self.find(css).await?;
        self.client
            .execute(
                "arguments[0].value = arguments[1];",
                vec![
                    serde_json::to_value(field).ctx("passing an element")?,
                    Value::from(value),
                ],
            )
            .await
            .ctx(format!("setting {css}"))
            .map(drop)
    }

    /// Every element `css` selects.
    pub async fn find_all(&self, css: &str) -> Result<Vec<Element>, String> {
        self.client
            .find_all(Locator::Css(css))
            .await
            .ctx(format!("finding {css}"))
    }

    /// The visible text of the element `css` selects.
    pub async fn text(&self, css: &str) -> Result<String, String> {
        self.find(css)
            .await?
            .text()
            .await
            .ctx(format!("reading {css}"))
    }

    /// Clicks the element `css` selects (following a link waits for the page).
    pub async fn click(&self, css: &str) -> BrowserResult {
        self.find(css)
            .await?
            .click()
            .await
            .ctx(format!("clicking {css}"))
    }

    /// Clicks the link whose text is `text`.
    pub async fn click_link(&self, text: &str) -> BrowserResult {
        self.client
            .find(Locator::LinkText(text))
            .await
            .ctx(format!("finding the link “{text}”"))?
            .click()
            .await
            .ctx(format!("clicking the link “{text}”"))
    }

    /// Types `text` into the field `css` selects, replacing what it held.
    pub async fn fill(&self, css: &str, text: &str) -> BrowserResult {
        let field = self.find(css).await?;
        field.clear().await.ctx(format!("clearing {css}"))?;
        field
            .send_keys(text)
            .await
            .ctx(format!("typing into {css}"))
    }

    /// Presses `key` in the field `css` selects.
    pub async fn press(&self, css: &str, key: fantoccini::key::Key) -> BrowserResult {
        let field = self.find(css).await?;
        field
            .send_keys(&char::from(key).to_string())
            .await
            .ctx(format!("pressing {key:?} in {css}"))
    }

    /// Waits up to five seconds for `script` to return true.
    pub async fn wait_until(&self, what: &str, script: &str) -> BrowserResult {
        for _ in 0..50 {
            if self.run(script).await? == Value::Bool(true) {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Err(format!("waited five seconds for {what}"))
    }

    /// Chooses the option with value `value` in the select `css` selects.
    pub async fn choose(&self, css: &str, value: &str) -> BrowserResult {
        self.find(css)
            .await?
            .select_by_value(value)
            .await
            .ctx(format!("choosing {value} in {css}"))
    }

    /// Runs `script` in the page and returns its value.
    pub async fn run(&self, script: &str) -> Result<Value, String> {
        self.client
            .execute(script, vec![])
            .await
            .ctx("running a script in the page")
    }

    /// Sets the window to `width` × `height` CSS pixels, and waits for the
    /// page to be laid out again: on a busy machine the first frame after a
    /// resize can be laid out before a scroll bar appears, so that what
    /// fits would look wider than the window.
    pub async fn resize(&self, width: u32, height: u32) -> BrowserResult {
        self.client
            .set_window_size(width, height)
            .await
            .ctx(format!("resizing the window to {width}×{height}"))?;
        self.client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                vec![],
            )
            .await
            .ctx("waiting for the page to be laid out after resizing")?;
        Ok(())
    }

    /// Saves the page as `name-360.png` and `name-1280.png`, each as tall as
    /// the page (up to 6,000 px), then returns the window to 1280 px.
    pub async fn screenshots(&self, name: &str) -> BrowserResult {
        for width in [360, 1280] {
            self.resize(width, 900).await?;
            self.fits_the_width(name).await?;
            let height = self
                .run("return document.documentElement.scrollHeight")
                .await?
                .as_u64()
                .unwrap_or(900)
                .clamp(600, 6000);
            self.resize(width, height as u32).await?;
            self.run("window.scrollTo(0, 0)").await?;
            let png = self.client.screenshot().await.ctx("taking a screenshot")?;
            let file = screenshot_dir().join(format!("{name}-{width}.png"));
            std::fs::write(&file, png).ctx(format!("writing {}", file.display()))?;
        }
        self.resize(1280, 900).await
    }

    /// Prints the page to A4 as a browser's "Print" would, keeps the PDF as
    /// `name.pdf` beside the screenshots and returns how many pages it has.
    pub async fn print_pages(&self, name: &str) -> Result<usize, String> {
        let a4 = fantoccini::wd::PrintConfiguration::builder()
            .size(fantoccini::wd::PrintSize::A4)
            .build()
            .ctx("an A4 print configuration")?;
        let pdf = self.client.print(a4).await.ctx("printing the page")?;
        let file = screenshot_dir().join(format!("{name}.pdf"));
        std::fs::write(&file, &pdf).ctx(format!("writing {}", file.display()))?;
        // Each page of Chromium's PDF is one `/Type /Page` dictionary (the
        // page tree is `/Type /Pages`).
        let pages = pdf
            .windows(11)
            .enumerate()
            .filter(|(at, window)| *window == b"/Type /Page" && pdf.get(at + 11) != Some(&b's'))
            .count();
        ensure(pages > 0, format!("{} has no pages", file.display()))?;
        Ok(pages)
    }

    /// Fails if the page is wider than the window, naming what sticks out:
    /// at 360 px nothing may need scrolling sideways (tables scroll inside
    /// their own box).
    pub async fn fits_the_width(&self, what: &str) -> BrowserResult {
        let found = self
            .run(
                "var width = document.documentElement.clientWidth;
                 if (document.documentElement.scrollWidth <= width) { return []; }
                 var wide = [];
                 document.querySelectorAll('body *').forEach(function (e) {
                   var box = e.getBoundingClientRect();
                   if (box.right > width + 1 && box.width > 0 && !e.closest('.table-scroll')) {
                     wide.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' right edge ' + Math.round(box.right));
                   }
                 });
                 if (wide.length) { return wide.slice(0, 8); }
                 // Nothing outside a scrolling table sticks out: name the
                 // widest boxes, tables included.
                 document.querySelectorAll('body *').forEach(function (e) {
                   var box = e.getBoundingClientRect();
                   if (box.right > width + 1) {
                     wide.push(e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '') + ' ' + Math.round(box.left) + '-' + Math.round(box.right));
                   }
                 });
                 return ['the page, ' + document.documentElement.scrollWidth + ' px'].concat(wide.slice(0, 8));",
            )
            .await?;
        let wide: Vec<String> = serde_json::from_value(found).ctx("reading the wide elements")?;
        ensure(
            wide.is_empty(),
            format!("{what} is wider than the window: {wide:?}"),
        )
    }

    /// Keeps what the browser shows after a failed journey, to look at:
    /// `failed-name.png` and `failed-name.html`.
    pub async fn keep_failure(&self, name: &str) {
        let dir = screenshot_dir();
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(dir.join(format!("failed-{name}.png")), png);
        }
        if let Ok(html) = self.client.source().await {
            let _ = std::fs::write(dir.join(format!("failed-{name}.html")), html);
        }
    }

    /// Runs axe-core on the page; fails on any serious or critical violation.
    pub async fn assert_accessible(&self, what: &str) -> BrowserResult {
        self.client
            .execute(&self.axe_source, vec![])
            .await
            .ctx("loading axe-core into the page")?;
        let violations = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { resultTypes: ['violations'] })
                    .then(r => done(r.violations.map(v => ({
                        id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
                    }))))
                    .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));",
                vec![],
            )
            .await
            .ctx(format!("running axe-core on {what}"))?;
        let violations = violations.as_array().cloned().unwrap_or_default();
        let grave: Vec<&Value> = violations
            .iter()
            .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
            .collect();
        for minor in violations.iter().filter(|v| !grave.contains(v)) {
            println!(
                "  axe on {what}: {} ({}): {}",
                minor["id"], minor["impact"], minor["nodes"]
            );
        }
        ensure(
            grave.is_empty(),
            format!(
                "axe-core found serious or critical problems on {what}: {}",
                serde_json::to_string_pretty(&grave).unwrap_or_default()
            ),
        )
    }

    /// Accepts an invitation link in the browser by choosing the password,
    /// which signs the person in.
    pub async fn accept_invitation(&self, link: &str) -> BrowserResult {
        self.visit(link).await?;
        self.fill("#password", PASSWORD).await?;
        self.fill("#confirm", PASSWORD).await?;
        self.click("main form button[type=submit]").await?;
        self.wait_until_at("the dashboard", |here| here.starts_with("/dashboard"))
            .await
    }

    /// Signs in with the form, as a returning person does.
    pub async fn sign_in(&self, email: &str) -> BrowserResult {
        self.visit("/sign-in").await?;
        self.fill("#email", email).await?;
        self.fill("#password", PASSWORD).await?;
        self.click("main form button[type=submit]").await?;
        self.wait_until_at("the dashboard", |here| here.starts_with("/dashboard"))
            .await
    }

    /// Signs out with the button in the header.
    pub async fn sign_out(&self) -> BrowserResult {
        self.click("nav.account form button").await?;
        self.wait_for("nav.account a[href^='/sign-in']")
            .await
            .map(drop)
    }
}
