//! What officials search for: what is recorded of a search (and what is
//! not), and what the Secretariat reads of it.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use catalogue::domain::Role;
use sqlx::{Column, Row};

use crate::helpers::{Browser, TestApp, sign_in};

const SECRETARIAT: &str = "desk@secretariat.example.org";

async fn app_with_secretariat() -> TestApp {
    let app = TestApp::with_fixtures().await;
    app.person(SECRETARIAT, Role::Secretariat, None).await;
    app.person("ana@jclec.example.org", Role::Contributor, Some("jclec"))
        .await;
    app
}

/// Every recorded search, as `column=value` pairs, oldest first.
async fn recorded(app: &TestApp) -> Vec<BTreeMap<String, String>> {
    app.search_log.flush().await;
    let db = app.db().await;
    let rows = sqlx::query("SELECT * FROM searches ORDER BY id")
        .fetch_all(&db)
        .await
        .unwrap();
    let rows = rows
        .iter()
        .map(|row| {
            (0..row.len())
                .map(|i| {
                    let name = row.column(i).name().to_owned();
                    let value = match row.try_get::<i64, _>(i) {
                        Ok(number) => number.to_string(),
                        Err(_) => row.try_get::<String, _>(i).unwrap(),
                    };
                    (name, value)
                })
                .collect()
        })
        .collect();
    db.close().await;
    rows
}

#[tokio::test]
async fn a_search_is_recorded_without_anything_that_says_who_made_it() {
    let app = app_with_secretariat().await;
    let db = app.db().await;
    let columns: Vec<String> = sqlx::query("SELECT name FROM pragma_table_info('searches')")
        .fetch_all(&db)
        .await
        .unwrap()
        .iter()
        .map(|row| row.get(0))
        .collect();
    assert_eq!(
        columns,
        [
            "id",
            "day",
            "query",
            "filters",
            "sort",
            "interface_language",
            "results",
            "page",
            "source",
            "searches"
        ],
        "no address, cookie, session, account or time of day"
    );
    db.close().await;

    // An official reading in Thai searches, twice (the second answer is the
    // kept page), and a signed-in person searches through the API.
    let mut official = Browser {
        accept_language: Some("th"),
        ..Browser::default()
    };
    let address = "/?q=++Document+++EXAMINATION+&topic=border-management&sort=updated";
    for _ in 0..2 {
        let (status, _, _) = official.get(&app, address).await;
        assert_eq!(status, StatusCode::OK);
    }
    let (status, answer) = app
        .get_json("/api/v1/search?q=smuggling&page=2&per_page=5")
        .await;
    assert_eq!(status, StatusCode::OK);
    let api_total = answer["total"].as_i64().unwrap();
    let mut secretariat = sign_in(&app, SECRETARIAT).await;
    secretariat.get(&app, "/?q=zzqx").await;

    // Not searches: the home page, completions, a filter's other values.
    app.get("/").await;
    app.get("/api/v1/suggest?q=traff").await;
    app.get("/filters/topic?q=visa").await;

    let rows = recorded(&app).await;
    // What the search finds, asked of the index directly.
    let asked = catalogue::web::search_query::SearchQuery::parse(Some(&address[2..])).unwrap();
    let site_total = app
        .catalogue
        .index
        .search(&asked.request(catalogue::domain::Day::today()))
        .unwrap()
        .total;
    assert!(site_total > 0);
    let today = time::OffsetDateTime::now_utc().date().to_string();
    let expect = |query: &str,
                  filters: &str,
                  sort: &str,
                  language: &str,
                  results: i64,
                  page: i64,
                  source: &str,
                  times: i64| {
        [
            ("day", today.clone()),
            ("query", query.to_owned()),
            ("filters", filters.to_owned()),
            ("sort", sort.to_owned()),
            ("interface_language", language.to_owned()),
            ("results", results.to_string()),
            ("page", page.to_string()),
            ("source", source.to_owned()),
            ("searches", times.to_string()),
        ]
    };
    // Rows written in one batch are in no particular order.
    let mut without_id: Vec<BTreeMap<String, String>> = rows
        .into_iter()
        .map(|mut row| {
            row.remove("id");
            row
        })
        .collect();
    without_id.sort_by(|a, b| a["query"].cmp(&b["query"]));
    let thai = expect(
        "document examination",
        r#"{"topic":["border-management"]}"#,
        "updated",
        "th",
        i64::try_from(site_total).unwrap(),
        1,
        "site",
        2,
    );
    // The same search twice is one row counted twice.
    let wanted: Vec<BTreeMap<String, String>> = [
        thai,
        expect("smuggling", "{}", "relevance", "en", api_total, 2, "api", 1),
        expect("zzqx", "{}", "relevance", "en", 0, 1, "site", 1),
    ]
    .into_iter()
    .map(|pairs| pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
    .collect();
    assert_eq!(without_id, wanted);
}

/// Searches made for the insight test: (address, times).
const SEARCHES: [(&str, usize); 7] = [
    ("/?q=trafficking", 3),
    ("/?q=Trafficking&page=2", 1),
    ("/api/v1/search?q=smuggling", 2),
    ("/?q=zzqx+nothing", 2),
    ("/?q=xylophone", 1),
    ("/?q=%3DHYPERLINK(%22x%22)", 1),
    ("/?language=fj&topic=cybercrime", 1),
];

#[tokio::test]
async fn the_secretariat_sees_what_was_searched_for_and_what_found_nothing() {
    let app = app_with_secretariat().await;
    for (address, times) in SEARCHES {
        for _ in 0..times {
            let (status, _, body) = app.get(address).await;
            assert_eq!(status, StatusCode::OK, "{address}: {body}");
        }
    }
    // What each search found, asked of the store's records independently
    // of the reports: zero for the nonsense words and the empty filter.
    let rows = recorded(&app).await;
    let found = |query: &str| {
        rows.iter()
            .find(|row| row["query"] == query)
            .map(|row| row["results"].parse::<i64>().unwrap())
            .unwrap()
    };
    assert!(found("trafficking") > 0 && found("smuggling") > 0);
    assert_eq!(found("zzqx nothing"), 0);
    assert_eq!(found("xylophone"), 0);
    assert_eq!(found("=hyperlink(\"x\")"), 0);
    assert_eq!(found(""), 0, "no Fijian listing on cybercrime");

    let mut desk = sign_in(&app, SECRETARIAT).await;
    let (status, _, page) = desk.get(&app, "/admin/searches").await;
    assert_eq!(status, StatusCode::OK, "{page}");
    // Ten first pages of searches (the second page is not a new search),
    // five of which found nothing.
    assert!(
        page.contains("10 searches; 5 of them found nothing (50%)."),
        "{page}"
    );
    assert!(
        page.contains(r#"<a href="/?q=zzqx+nothing">zzqx nothing</a></th><td>none</td><td>2</td>"#),
        "{page}"
    );
    assert!(
        page.contains(
            r#"<a href="/?topic=cybercrime&amp;language=fj">(filters only)</a></th><td>Topic: Cybercrime; Language: Fijian (Vosa Vakaviti)</td><td>1</td>"#
        ),
        "{page}"
    );
    assert!(
        page.contains(r#"<a href="/?q=trafficking">trafficking</a></th><td>3</td><td>0</td>"#),
        "{page}"
    );
    assert!(
        page.contains("<svg") && page.contains(r#"aria-hidden="true""#),
        "a chart"
    );
    // And the share of searches that found nothing, week by week: half of
    // this week's, a bar half the chart's height (176 px drawn).
    assert_eq!(page.matches("<svg").count(), 2, "{page}");
    let share_chart = &page[page.rfind("<svg").unwrap()..];
    assert!(share_chart.contains(r#"height="88""#), "{share_chart}");
    assert!(page.contains("Share that found nothing: the figures in a table"));
    assert!(
        page.contains(r#"<table id="weeks-table">"#),
        "beside a table"
    );

    let csv = |report: &'static str| {
        let mut desk = desk.clone();
        let app = &app;
        async move {
            let (status, headers, body) = desk
                .get(app, &format!("/admin/searches/{report}?days=7"))
                .await;
            assert_eq!(status, StatusCode::OK, "{body}");
            assert_eq!(headers["content-type"], "text/csv; charset=utf-8");
            assert!(
                headers["content-disposition"]
                    .to_str()
                    .unwrap()
                    .starts_with("attachment")
            );
            csv::Reader::from_reader(body.as_bytes())
                .records()
                .map(|r| r.unwrap().iter().map(str::to_owned).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        }
    };
    let row = |cells: &[&str]| cells.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
    assert_eq!(
        csv("top.csv").await,
        [
            row(&["trafficking", "{}", "3", "0"]),
            row(&["smuggling", "{}", "2", "0"]),
            row(&["zzqx nothing", "{}", "2", "2"]),
            // A spreadsheet would run it as a formula without the quote.
            row(&["'=hyperlink(\"x\")", "{}", "1", "1"]),
            row(&["xylophone", "{}", "1", "1"]),
        ]
    );
    assert_eq!(
        csv("without-results.csv").await,
        [
            row(&["zzqx nothing", "{}", "2", "2"]),
            row(&[
                "",
                r#"{"topic":["cybercrime"],"language":["fj"]}"#,
                "1",
                "1"
            ]),
            row(&["'=hyperlink(\"x\")", "{}", "1", "1"]),
            row(&["xylophone", "{}", "1", "1"]),
        ]
    );
    assert_eq!(csv("languages.csv").await, [row(&["en", "10", "5"])]);
    let monday = {
        let today = time::OffsetDateTime::now_utc().date();
        today - time::Duration::days(i64::from(today.weekday().number_days_from_monday()))
    };
    assert_eq!(
        csv("weeks.csv").await,
        [row(&[&monday.to_string(), "10", "5"])]
    );

    // Wrong period, unknown table, someone else.
    let (status, _, body) = desk.get(&app, "/admin/searches?days=12").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("7, 30, 90, 365"), "{body}");
    let (status, _, _) = desk.get(&app, "/admin/searches/secrets.csv").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let mut contributor = sign_in(&app, "ana@jclec.example.org").await;
    for address in ["/admin/searches", "/admin/searches/top.csv"] {
        let (status, _, _) = contributor.get(&app, address).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{address}");
    }
    let (status, _, _) = app.get("/admin/searches/top.csv").await;
    assert_ne!(status, StatusCode::OK);
}

#[tokio::test]
async fn searches_past_the_retention_period_are_forgotten() {
    let app = TestApp::with_fixtures().await;
    let store = &app.catalogue.store;
    let day = |days_ago: i64| {
        (time::OffsetDateTime::now_utc().date() - time::Duration::days(days_ago)).to_string()
    };
    let search = |day: String| catalogue::store::LoggedSearch {
        day,
        query: "visa".to_owned(),
        filters: "{}".to_owned(),
        sort: "relevance".to_owned(),
        interface_language: "en".to_owned(),
        results: 3,
        page: 1,
        source: "site",
    };
    store
        .record_searches(&[
            (search(day(31)), 1),
            (search(day(29)), 1),
            (search(day(0)), 1),
        ])
        .await
        .unwrap();
    // A writer keeping 30 days deletes what is older when it starts.
    let log = catalogue::app::search_log::SearchLog::start(store.clone(), 30);
    let started = std::time::Instant::now();
    loop {
        log.flush().await;
        let days: Vec<String> = recorded(&app)
            .await
            .into_iter()
            .map(|row| row["day"].clone())
            .collect();
        if days == [day(29), day(0)] {
            break;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "{days:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn with_the_search_log_off_nothing_is_recorded_and_the_pages_say_so() {
    let mut app = app_with_secretariat().await;
    app.use_settings(catalogue::web::Settings {
        search_log_days: None,
        ..catalogue::web::Settings::default()
    });
    app.get("/?q=trafficking").await;
    app.get("/api/v1/search?q=trafficking").await;
    assert!(recorded(&app).await.is_empty());
    let (_, _, about) = app.get("/about").await;
    assert!(about.contains("This installation records no searches."));
    let mut desk = sign_in(&app, SECRETARIAT).await;
    let (_, _, page) = desk.get(&app, "/admin/searches").await;
    assert!(page.contains("--no-search-log"), "{page}");
}

#[tokio::test]
async fn the_about_page_says_what_is_recorded_and_why() {
    let app = TestApp::with_fixtures().await;
    let (status, _, about) = app.get("/about").await;
    assert_eq!(status, StatusCode::OK);
    for said in [
        "the words typed, the filters chosen",
        "Who searched is not recorded",
        "deleted after 396 days",
    ] {
        assert!(about.contains(said), "{said}: {about}");
    }
    let (_, _, home) = app.get("/").await;
    assert!(home.contains(r#"href="/about""#), "linked from every page");
}
