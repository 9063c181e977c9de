//! Accessibility in the browser: axe-core on every kind of page, headings in
//! order, keyboard alone reaching every control with a visible focus, and the
//! skip link.

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use serde_json::Value;

use crate::support::{Browser, BrowserResult, Context, ensure};

const TAB: char = '\u{e004}';
const ENTER: char = '\u{e007}';

async fn press(browser: &Browser, key: char) -> BrowserResult {
    let keys = KeyActions::new("keyboard".to_owned())
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    browser
        .client()
        .perform_actions(keys)
        .await
        .ctx("pressing a key")
}

/// One `h1`, first, and no level skipped on the way down.
async fn assert_headings_in_order(browser: &Browser, what: &str) -> BrowserResult {
    let levels = browser
        .run("return [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])")
        .await?;
    let levels: Vec<u64> = levels
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_u64).collect())
        .unwrap_or_default();
    ensure(
        levels.first() == Some(&1) && levels.iter().filter(|l| **l == 1).count() == 1,
        format!("{what} should open with its only h1; its headings are {levels:?}"),
    )?;
    ensure(
        levels.windows(2).all(|w| w[1] <= w[0] + 1),
        format!("{what} skips a heading level: {levels:?}"),
    )
}

/// The page's language is declared.
async fn assert_language_declared(browser: &Browser, what: &str) -> BrowserResult {
    let lang = browser.run("return document.documentElement.lang").await?;
    ensure(
        lang.as_str().is_some_and(|l| !l.is_empty()),
        format!("{what} does not declare its language"),
    )
}

async fn check_page(browser: &Browser, what: &str) -> BrowserResult {
    browser.assert_accessible(what).await?;
    assert_headings_in_order(browser, what).await?;
    assert_language_declared(browser, what).await
}

/// axe-core finds nothing serious or critical on any kind of page.
pub async fn every_kind_of_page_passes_axe(browser: &Browser) -> BrowserResult {
    browser.visit("/").await?;
    check_page(browser, "the search page").await?;
    browser
        .visit("/?q=document&delivery=in-person&topic=document-examination")
        .await?;
    check_page(browser, "results with filters").await?;
    browser.visit("/?q=zzzzqqq").await?;
    check_page(browser, "a search without results").await?;
    browser
        .visit("/listings/jclec-investigating-people-smuggling")
        .await?;
    check_page(browser, "a listing").await?;
    browser
        .visit("/listings/jclec-investigating-people-smuggling/enquiry")
        .await?;
    browser.click("main form button[type=submit]").await?;
    ensure(
        browser.wait_for("#errors").await.is_ok(),
        "the empty enquiry shows no errors",
    )?;
    check_page(browser, "the enquiry form with errors").await?;
    browser.visit("/listings/no-such-listing").await?;
    check_page(browser, "the page for a missing listing").await?;
    browser.visit("/sign-in").await?;
    check_page(browser, "the sign-in page").await?;
    browser.visit("/about/translations").await?;
    check_page(browser, "the page about translations").await?;
    browser.visit("/about").await?;
    check_page(browser, "the page about the catalogue").await?;
    browser
        .visit("/calendar?topic=document-examination")
        .await?;
    check_page(browser, "upcoming sessions by month").await?;
    browser.screenshots("calendar").await?;
    browser.visit("/api").await?;
    check_page(browser, "the API described").await?;
    browser.screenshots("api").await?;

    let contributor = browser.service.invite(
        "arief@jclec.example.org",
        "Arief Wibowo",
        Some("jclec"),
        "contributor",
    );
    browser.accept_invitation(&contributor).await?;
    check_page(browser, "the contributor's dashboard").await?;
    browser.visit("/dashboard/listings/new").await?;
    check_page(browser, "the contributor's listing form").await?;
    browser.click("button[name=action][value=submit]").await?;
    ensure(
        browser.wait_for("#errors").await.is_ok(),
        "the empty listing form shows no errors",
    )?;
    check_page(browser, "the listing form with errors").await?;
    browser.visit("/account/settings").await?;
    check_page(browser, "a contributor's mail settings").await?;
    browser.visit("/dashboard/upload").await?;
    check_page(browser, "the spreadsheet upload form").await?;
    browser.sign_out().await?;
    browser
        .visit("/confirm/jclec-investigating-people-smuggling.1.0")
        .await?;
    check_page(browser, "a confirmation link that is not valid").await?;
    let link = browser
        .service
        .confirmation_link("jclec-investigating-people-smuggling")
        .await?;
    browser.visit(&link).await?;
    check_page(browser, "a reminder's confirmation link").await?;
    browser.click("main form button[type=submit]").await?;
    browser.wait_for("main p[role=status]").await?;
    let thanks = browser.text("main").await?;
    ensure(
        thanks.contains("is confirmed as current"),
        format!("the button confirms: {thanks}"),
    )?;
    check_page(browser, "a listing confirmed by its link").await?;

    let secretariat = browser.service.invite(
        "lina@secretariat.example.org",
        "Lina Sari",
        None,
        "secretariat",
    );
    browser.accept_invitation(&secretariat).await?;
    browser.visit("/review").await?;
    check_page(browser, "the review queue").await?;
    for (path, what) in [
        ("/admin/organisations", "the organisations page"),
        ("/admin/people", "the people page"),
        ("/admin/topics", "the topics page"),
        ("/admin/searches", "what officials search for"),
        ("/admin/coverage", "what the region offers"),
        ("/admin/coverage?by=country", "coverage by provider country"),
        ("/admin/activity", "what has happened"),
        ("/account/settings", "the Secretariat's mail settings"),
    ] {
        browser.visit(path).await?;
        check_page(browser, what).await?;
        browser
            .screenshots(&path[1..].replace(['/', '?', '='], "-"))
            .await?;
    }
    browser.sign_out().await
}

/// Tabbing from the top of the page reaches every visible control in turn,
/// and each shows where the focus is.
async fn tab_through(browser: &Browser, what: &str) -> BrowserResult {
    let count = browser
        .run(
            "const controls = [...document.querySelectorAll(
                 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex=\"-1\"])')]
                 .filter(e => e.checkVisibility() && !e.disabled);
             controls.forEach((e, i) => e.setAttribute('data-control', i));
             document.activeElement.blur();
             return controls.length;",
        )
        .await?
        .as_u64()
        .unwrap_or(0) as usize;
    ensure(count > 0, format!("{what} has no controls"))?;
    let mut reached = vec![false; count];
    // A date field takes a Tab for each of its parts (day, month, year).
    for _ in 0..count * 2 + 10 {
        press(browser, TAB).await?;
        let focus = browser
            .run(
                "const e = document.activeElement, s = getComputedStyle(e);
                 return { control: e.getAttribute('data-control'), tag: e.outerHTML.slice(0, 100),
                          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
                          shadow: s.boxShadow !== 'none' };",
            )
            .await?;
        let Some(index) = focus["control"]
            .as_str()
            .and_then(|i| i.parse::<usize>().ok())
        else {
            continue;
        };
        ensure(
            focus["outline"].as_bool() == Some(true) || focus["shadow"].as_bool() == Some(true),
            format!(
                "on {what}, control {index} ({}) shows no focus",
                focus["tag"]
            ),
        )?;
        reached[index] = true;
        if reached.iter().all(|r| *r) {
            return Ok(());
        }
    }
    let missed: Vec<usize> = (0..count).filter(|i| !reached[*i]).collect();
    let described = browser
        .run(&format!(
            "return {missed:?}.map(i => document.querySelector(`[data-control=\"${{i}}\"]`).outerHTML.slice(0, 120))"
        ))
        .await?;
    Err(format!(
        "on {what}, the keyboard never reached {} of {count} controls: {described}",
        missed.len()
    ))
}

/// Keyboard alone reaches every control, with the focus visible.
pub async fn keyboard_reaches_everything(browser: &Browser) -> BrowserResult {
    browser
        .visit("/?q=victim+identification&delivery=in-person")
        .await?;
    tab_through(browser, "results with a filter").await?;
    browser
        .visit("/listings/jclec-investigating-people-smuggling")
        .await?;
    tab_through(browser, "a listing").await?;
    browser
        .visit("/listings/jclec-investigating-people-smuggling/enquiry")
        .await?;
    tab_through(browser, "the enquiry form").await?;
    browser.visit("/sign-in").await?;
    tab_through(browser, "the sign-in page").await?;

    let contributor = browser.service.invite(
        "rudi@jclec.example.org",
        "Rudi Hartono",
        Some("jclec"),
        "contributor",
    );
    browser.accept_invitation(&contributor).await?;
    browser.visit("/dashboard/listings/new").await?;
    tab_through(browser, "the listing form").await?;
    browser.sign_out().await
}

/// The first Tab on the search page offers a link straight to the results,
/// and following it puts the focus there.
pub async fn skip_link_leads_to_the_results(browser: &Browser) -> BrowserResult {
    browser.visit("/?q=border").await?;
    press(browser, TAB).await?;
    let skip = browser
        .run("const e = document.activeElement; return [e.getAttribute('href'), e.textContent]")
        .await?;
    ensure(
        skip[0].as_str() == Some("#results"),
        format!("the first Tab reaches {skip}, not a link to the results"),
    )?;
    press(browser, ENTER).await?;
    let focused = browser.run("return document.activeElement.id").await?;
    ensure(
        focused.as_str() == Some("results"),
        format!("following the skip link puts the focus on #{focused}"),
    )?;
    press(browser, TAB).await?;
    let next = browser
        .run("return document.activeElement.closest('#results') !== null")
        .await?;
    ensure(
        next.as_bool() == Some(true),
        "after the skip link, the next Tab leaves the results",
    )
}
