//! Real-browser tests: Debian's Chromium, driven through ChromeDriver, against
//! the service binary started on a free loopback port with the fixtures.
//!
//! One service and one browser serve every journey, run one after another
//! (a custom harness: `harness = false`), because starting Chromium costs
//! more than the journeys themselves on two cores. Each journey saves
//! screenshots at 360 and 1280 px under `target/browser-screenshots/`.
//!
//! Needs `chromium`, `chromium-driver` and `tests/browser/node_modules/axe-core`;
//! `.ci/run` installs them. Pass words as arguments to run only the journeys
//! whose names contain one of them.

mod accessibility;
mod journeys;
mod support;

use std::pin::Pin;
use std::process::ExitCode;
use std::time::Instant;

use support::{Browser, BrowserResult, Service};

type Journey = for<'a> fn(&'a Browser) -> Pin<Box<dyn Future<Output = BrowserResult> + 'a>>;

fn journeys() -> Vec<(&'static str, Journey)> {
    vec![
        ("search_narrow_by_two_facets_remove_one_and_page", |b| {
            Box::pin(journeys::search_narrow_and_page(b))
        }),
        ("open_a_listing_and_send_an_enquiry", |b| {
            Box::pin(journeys::open_listing_and_enquire(b))
        }),
        ("contributor_submits_and_secretariat_approves", |b| {
            Box::pin(journeys::contributor_submits_secretariat_approves(b))
        }),
        (
            "contributor_uploads_a_spreadsheet_fixes_it_and_submits",
            |b| Box::pin(journeys::contributor_uploads_a_spreadsheet_fixes_it_and_submits(b)),
        ),
        ("suggestions_while_typing", |b| {
            Box::pin(journeys::suggestions_while_typing(b))
        }),
        ("listing_prints_on_two_a4_pages", |b| {
            Box::pin(journeys::listing_prints_on_two_a4_pages(b))
        }),
        ("read_in_thai_with_the_switcher", |b| {
            Box::pin(journeys::read_in_thai(b))
        }),
        ("search_filter_and_open_in_vietnamese", |b| {
            Box::pin(journeys::search_in_vietnamese(b))
        }),
        ("every_kind_of_page_passes_axe", |b| {
            Box::pin(accessibility::every_kind_of_page_passes_axe(b))
        }),
        ("keyboard_reaches_everything_with_visible_focus", |b| {
            Box::pin(accessibility::keyboard_reaches_everything(b))
        }),
        ("skip_link_leads_to_the_results", |b| {
            Box::pin(accessibility::skip_link_leads_to_the_results(b))
        }),
    ]
}

fn main() -> ExitCode {
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let selected: Vec<_> = journeys()
        .into_iter()
        .filter(|(name, _)| filters.is_empty() || filters.iter().any(|f| name.contains(f)))
        .collect();
    if selected.is_empty() {
        return ExitCode::SUCCESS;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    // What failed in an earlier run would mislead whoever looks next.
    for (name, _) in &selected {
        let _ = std::fs::remove_file(support::screenshot_dir().join(format!("failed-{name}.png")));
        let _ = std::fs::remove_file(support::screenshot_dir().join(format!("failed-{name}.html")));
    }
    runtime.block_on(async {
        let service = Service::start();
        let browser = match Browser::open(service).await {
            Ok(browser) => browser,
            Err(why) => {
                eprintln!("browser tests cannot start: {why}");
                return ExitCode::FAILURE;
            }
        };
        println!("\nrunning {} browser journeys", selected.len());
        let mut failed = Vec::new();
        for (name, journey) in selected {
            let started = Instant::now();
            let outcome = journey(&browser).await;
            let took = started.elapsed().as_secs_f32();
            match outcome {
                Ok(()) => println!("journey {name} ... ok ({took:.1} s)"),
                Err(why) => {
                    println!("journey {name} ... FAILED ({took:.1} s)\n  {why}");
                    browser.keep_failure(name).await;
                    failed.push(name);
                }
            }
        }
        browser.close().await;
        if failed.is_empty() {
            println!(
                "browser journeys: all passed; screenshots in {}",
                support::screenshot_dir().display()
            );
            ExitCode::SUCCESS
        } else {
            println!("browser journeys failed: {}", failed.join(", "));
            ExitCode::FAILURE
        }
    })
}
