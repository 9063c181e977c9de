//! What people do on the site, step by step, as they would do it.

use crate::support::{Browser, BrowserResult, Context, ensure};

/// The number at the start of the results heading ("64 results" → 64).
async fn result_count(browser: &Browser) -> Result<usize, String> {
    let heading = browser.text("#results-heading").await?;
    heading
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| format!("no count in the results heading “{heading}”"))
}

/// Clicks the first value offered under the facet `name` and returns the
/// parameter it adds (such as `delivery=online`).
async fn choose_first_value(browser: &Browser, name: &str) -> Result<String, String> {
    let link = browser
        .find(&format!("#facet-{name} + ul a:not([aria-current])"))
        .await?;
    let href = link
        .attr("href")
        .await
        .ctx("reading a facet link")?
        .unwrap_or_default();
    let parameter = href
        .split(['?', '&'])
        .find(|p| p.starts_with(&format!("{name}=")))
        .ok_or_else(|| format!("the {name} link {href} does not add a {name} filter"))?
        .to_owned();
    link.click().await.ctx(format!("choosing a {name}"))?;
    browser
        .wait_until_at(&parameter, |here| here.contains(&parameter))
        .await?;
    Ok(parameter)
}

/// Search, narrow by two facets, remove one, then page through everything.
pub async fn search_narrow_and_page(browser: &Browser) -> BrowserResult {
    browser.visit("/").await?;
    browser.fill("#q", "trafficking").await?;
    browser.click("form.search button[type=submit]").await?;
    browser
        .wait_until_at("the search for “trafficking”", |here| {
            here.contains("q=trafficking")
        })
        .await?;
    let all = result_count(browser).await?;
    ensure(all > 2, format!("only {all} results for “trafficking”"))?;
    ensure(
        browser
            .text("ol.hits")
            .await?
            .to_lowercase()
            .contains("trafficking"),
        "the results do not mention what was searched for",
    )?;
    browser.screenshots("search").await?;

    let delivery = choose_first_value(browser, "delivery").await?;
    let one = result_count(browser).await?;
    let language = choose_first_value(browser, "language").await?;
    let two = result_count(browser).await?;
    let here = browser.location().await?;
    ensure(
        here.contains(&delivery) && here.contains(&language),
        format!("after two filters the address is {here}"),
    )?;
    ensure(
        two <= one && one <= all && two > 0,
        format!("narrowing went {all} → {one} → {two} results"),
    )?;
    ensure(
        browser.find_all(".facet a[aria-current]").await?.len() == 2,
        "the two chosen values are not both marked as selected",
    )?;
    browser.screenshots("search-two-filters").await?;

    // Removing the delivery filter from the list of filters in use.
    let mut removed = false;
    for chip in browser.find_all(".active-filters a.chip").await? {
        let href = chip
            .attr("href")
            .await
            .ctx("reading a filter")?
            .unwrap_or_default();
        if !href.contains(&delivery) {
            chip.click().await.ctx("removing a filter")?;
            browser
                .wait_until_at("the search without it", |here| !here.contains(&delivery))
                .await?;
            removed = true;
            break;
        }
    }
    ensure(
        removed,
        "no filter in use offers to remove the delivery filter",
    )?;
    let here = browser.location().await?;
    ensure(
        !here.contains(&delivery) && here.contains(&language),
        format!("removing the {delivery} filter left the address {here}"),
    )?;
    let after = result_count(browser).await?;
    ensure(
        after >= two,
        format!("removing a filter gave fewer results ({two} → {after})"),
    )?;
    browser.screenshots("search-filter-removed").await?;

    // Paging through the whole catalogue.
    browser.visit("/").await?;
    let first_page = browser.text("ol.hits li h3").await?;
    browser.click(".pagination a[rel=next]").await?;
    browser
        .wait_until_at("page 2", |here| here.contains("page=2"))
        .await?;
    ensure(
        browser.location().await?.contains("page=2"),
        "the next-page link does not lead to page 2",
    )?;
    let start = browser
        .find("ol.hits")
        .await?
        .attr("start")
        .await
        .ctx("reading the list's start")?;
    ensure(
        start.as_deref() == Some("21"),
        format!("page 2 numbers its results from {start:?}"),
    )?;
    ensure(
        browser.text("ol.hits li h3").await? != first_page,
        "page 2 starts with the same result as page 1",
    )?;
    ensure(
        browser
            .find(".pagination a[aria-current=page]")
            .await?
            .text()
            .await
            .ctx("current page")?
            .contains('2'),
        "the pagination does not mark page 2 as the current one",
    )?;
    browser.screenshots("search-page-2").await
}

/// Open a listing from the results and ask its provider about it.
pub async fn open_listing_and_enquire(browser: &Browser) -> BrowserResult {
    browser.visit("/?q=people+smuggling+investigation").await?;
    let title = browser.text("ol.hits li h3 a").await?;
    browser.click("ol.hits li h3 a").await?;
    ensure(
        browser.location().await?.starts_with("/listings/"),
        "the result does not lead to a listing page",
    )?;
    let heading = browser.text("h1").await?;
    ensure(
        heading == title,
        format!("the listing's heading “{heading}” is not the result's title “{title}”"),
    )?;
    let page_title = browser
        .client()
        .title()
        .await
        .ctx("reading the page title")?;
    ensure(
        page_title.contains(&title),
        format!("the page title “{page_title}” does not name the listing"),
    )?;
    browser.screenshots("listing").await?;

    browser.click("a[href$='/enquiry']").await?;
    // Sending it empty shows what is missing, beside each field.
    browser.click("main form button[type=submit]").await?;
    let summary = browser
        .wait_for("#errors")
        .await?
        .text()
        .await
        .ctx("reading the errors")?;
    ensure(
        summary.contains("name") || summary.contains("Name"),
        format!("the error summary does not mention the missing name: {summary}"),
    )?;
    for field in ["name", "email", "message"] {
        let described = browser
            .find(&format!("#{field}"))
            .await?
            .attr("aria-describedby")
            .await
            .ctx("reading aria-describedby")?
            .unwrap_or_default();
        let mut tied = false;
        for id in described
            .split_whitespace()
            .filter(|id| id.ends_with("-error"))
        {
            if let Ok(error) = browser.find(&format!("#{id}.field-error")).await {
                tied |= !error.text().await.ctx("reading an error")?.is_empty();
            }
        }
        ensure(
            tied,
            format!("the {field} field is not tied to its error message"),
        )?;
    }
    browser.screenshots("enquiry-errors").await?;

    browser.fill("#name", "Somchai Prasert").await?;
    browser
        .fill("#email", "somchai@immigration.example.go.th")
        .await?;
    browser
        .fill(
            "#message",
            "Could two officers from our document examination unit join the next session?",
        )
        .await?;
    browser.click("main form button[type=submit]").await?;
    let notice = browser
        .wait_for(".notice")
        .await?
        .text()
        .await
        .ctx("reading the notice")?;
    ensure(
        notice.contains("on its way"),
        format!("no confirmation after sending the enquiry: {notice}"),
    )?;
    browser.screenshots("enquiry-sent").await
}

/// A contributor adds a listing and submits it; the Secretariat approves it;
/// then anyone finds it.
pub async fn contributor_submits_secretariat_approves(browser: &Browser) -> BrowserResult {
    let contributor = browser.service.invite(
        "dewi@jclec.example.org",
        "Dewi Lestari",
        Some("jclec"),
        "contributor",
    );
    let secretariat = browser.service.invite(
        "kim@secretariat.example.org",
        "Kim Min-jun",
        None,
        "secretariat",
    );

    browser.accept_invitation(&contributor).await?;
    ensure(
        browser.location().await?.starts_with("/dashboard"),
        "choosing a password does not lead to the dashboard",
    )?;
    browser.screenshots("dashboard").await?;
    browser.click("a[href='/dashboard/listings/new']").await?;
    browser.fill("#id", "jclec-mobile-forensics-2027").await?;
    browser.choose("#kind", "course").await?;
    browser.choose("#delivery", "in-person").await?;
    browser.choose("#lang", "en").await?;
    browser
        .fill(
            "#title",
            "Mobile Phone Forensics for Smuggling Investigations",
        )
        .await?;
    browser
        .fill(
            "#summary",
            "Five days on extracting and reading evidence from the phones of smuggling suspects, lawfully and so that it stands in court.",
        )
        .await?;
    browser
        .click("input[name=topics][value='people-smuggling']")
        .await?;
    browser.click("input[name=languages][value='en']").await?;
    browser.fill("#location-city", "Semarang").await?;
    browser.choose("#location-country", "ID").await?;
    browser.set_value("#session-start-0", "2027-09-06").await?;
    browser.set_value("#session-end-0", "2027-09-10").await?;
    browser
        .fill("#contact-name", "JCLEC Training Office")
        .await?;
    browser
        .fill("#contact-email", "training@jclec.example.org")
        .await?;
    browser.screenshots("contributor-form").await?;
    browser.click("button[name=action][value=submit]").await?;
    browser.wait_for(".notice").await?;
    let page = browser.text("main").await?;
    ensure(
        page.contains("Submitted") || page.contains("submitted"),
        format!("the listing does not show as submitted: {page}"),
    )?;
    browser.screenshots("contributor-submitted").await?;
    browser.sign_out().await?;

    browser.accept_invitation(&secretariat).await?;
    browser.visit("/review").await?;
    browser.screenshots("review-queue").await?;
    browser
        .click_link("Mobile Phone Forensics for Smuggling Investigations")
        .await?;
    browser.screenshots("review").await?;
    browser.click("form[action$='/approve'] button").await?;
    browser.wait_for(".notice").await?;
    browser.screenshots("review-approved").await?;
    browser.sign_out().await?;

    browser.sign_in("dewi@jclec.example.org").await?;
    let dashboard = browser.text("main").await?;
    ensure(
        dashboard.contains("Mobile Phone Forensics") && dashboard.contains("Published"),
        format!("the contributor's dashboard does not show the listing published: {dashboard}"),
    )?;
    // The same pages in Thai, for a contributor who works in it.
    browser.click("nav.languages summary").await?;
    browser.click("nav.languages a[lang=th]").await?;
    browser.wait_for("html[lang=th]").await?;
    browser.screenshots("dashboard-thai").await?;
    browser.visit("/dashboard/listings/new").await?;
    browser
        .click("form.listing-form button[value=submit]")
        .await?;
    browser.wait_for(".error-summary").await?;
    browser
        .assert_accessible("the listing form with problems, in Thai")
        .await?;
    browser.screenshots("contributor-form-errors-thai").await?;
    browser.visit("/language/en?then=%2Fdashboard").await?;
    browser.wait_for("html[lang=en]").await?;
    browser.sign_out().await?;

    browser.visit("/?q=phone+forensics").await?;
    let first = browser.text("ol.hits li h3").await?;
    ensure(
        first.contains("Mobile Phone Forensics"),
        format!("the approved listing is not found by search; first result: {first}"),
    )?;
    browser
        .click_link("Mobile Phone Forensics for Smuggling Investigations")
        .await?;
    ensure(
        browser.location().await? == "/listings/jclec-mobile-forensics-2027",
        "the approved listing has no page",
    )
}

/// A reader switches the interface to Thai; the choice holds from page to
/// page, and a listing with a Thai translation is shown in Thai.
pub async fn read_in_thai(browser: &Browser) -> BrowserResult {
    browser.visit("/?q=victims").await?;
    // The switcher is a disclosure: open it, then choose.
    browser.click("nav.languages summary").await?;
    browser.click("nav.languages a[lang=th]").await?;
    browser.wait_for("html[lang=th]").await?;
    ensure(
        browser.location().await? == "/?q=victims",
        "switching the language leaves the page",
    )?;
    let lang = browser.run("return document.documentElement.lang").await?;
    ensure(
        lang == "th",
        format!("the page is in {lang} after choosing Thai"),
    )?;
    let heading = browser.text("#results-heading").await?;
    ensure(
        heading.contains("รายการ"),
        format!("the results heading is not in Thai: {heading}"),
    )?;
    browser.assert_accessible("the search page in Thai").await?;
    browser.screenshots("search-thai").await?;

    browser
        .visit("/listings/rso-qrg-interviewing-victims")
        .await?;
    let title = browser.text("h1").await?;
    ensure(
        title.starts_with("คู่มืออ้างอิง"),
        format!("the listing is not shown in its Thai translation: {title}"),
    )?;
    browser.screenshots("listing-thai").await?;
    browser.click(".translation-note a").await?;
    browser
        .wait_until_at("the original", |here| here.ends_with("?original"))
        .await?;
    let original = browser.text("h1").await?;
    ensure(
        original.starts_with("Quick Reference Guide"),
        format!("the original is not one click away: {original}"),
    )?;
    browser.click("nav.languages summary").await?;
    browser.click("nav.languages a[lang=en]").await?;
    browser.wait_for("html[lang=en]").await?;
    let lang = browser.run("return document.documentElement.lang").await?;
    ensure(lang == "en", "switching back to English does not hold")
}

/// A long listing, as a provider might well write one: seven paragraphs,
/// six sessions, every optional field and three translations.
fn long_listing() -> String {
    let paragraph = "This course builds the skills frontline officers need to detect \
        fraudulent travel documents and impostors at the border, using the \
        region's shared alert systems and forensic document examination techniques. \
        Participants practise on genuine and counterfeit specimens, and work through \
        case studies from the region with experienced examiners.";
    let description = [paragraph; 7].join("\n\n");
    let sessions: Vec<serde_json::Value> = (1..=6)
        .map(|month| {
            serde_json::json!({
                "start": format!("2027-{:02}-05", month * 2 - 1),
                "end": format!("2027-{:02}-09", month * 2 - 1),
            })
        })
        .collect();
    let record = serde_json::json!({
        "id": "jclec-long-document-examination-2027",
        "kind": "course",
        "lang": "en",
        "title": "Advanced Course on Travel Document Examination and Impostor Detection for Border and Immigration Officers",
        "summary": "A two-week course for frontline officers and document examiners on detecting forged, altered and fraudulently obtained travel documents and impostors, with practical work on genuine and counterfeit specimens.",
        "description": description,
        "topics": ["document-examination", "border-management", "biometrics-and-identity", "people-smuggling", "trafficking-in-persons", "training-of-trainers"],
        "languages": ["en", "id", "th", "vi", "km", "lo", "my", "ms"],
        "provider": {"id": "jclec", "name": "Jakarta Centre for Law Enforcement Cooperation (JCLEC)", "type": "regional-institution", "country": "ID"},
        "contact": {"name": "Training Coordination Office", "role": "Course coordinator", "email": "training@jclec.example.org", "phone": "+62 24 8600 1234"},
        "delivery": "in-person",
        "location": {"city": "Semarang", "country": "ID"},
        "audience": ["frontline-border-officials", "immigration-officers", "trainers"],
        "sessions": sessions,
        "url": "https://www.jclec.example.org/courses/document-examination",
        "translations": {
            "th": {"title": "หลักสูตรขั้นสูงด้านการตรวจพิสูจน์เอกสารการเดินทางและการตรวจจับผู้สวมรอยสำหรับเจ้าหน้าที่ชายแดนและตรวจคนเข้าเมือง", "summary": "หลักสูตรสองสัปดาห์สำหรับเจ้าหน้าที่ด่านหน้าและผู้ตรวจพิสูจน์เอกสาร ว่าด้วยการตรวจจับเอกสารการเดินทางปลอม ดัดแปลง หรือได้มาโดยทุจริต และผู้สวมรอย พร้อมฝึกปฏิบัติกับตัวอย่างเอกสารจริงและปลอม", "description": description},
            "id": {"title": "Kursus Lanjutan Pemeriksaan Dokumen Perjalanan dan Deteksi Penyamar", "summary": "Kursus dua minggu bagi petugas garis depan tentang deteksi dokumen perjalanan palsu dan penyamar."},
            "vi": {"title": "Khóa học nâng cao về giám định giấy tờ đi lại", "summary": "Khóa học hai tuần dành cho cán bộ tuyến đầu."}
        }
    });
    record.to_string()
}

/// A long listing prints on at most two A4 pages, in English and in Thai,
/// without the site's navigation, filters or forms.
pub async fn listing_prints_on_two_a4_pages(browser: &Browser) -> BrowserResult {
    browser.service.import(&long_listing())?;
    let path = "/listings/jclec-long-document-examination-2027";
    for attempt in 0.. {
        browser.visit(path).await?;
        if browser.find_all("h1").await?.len() == 1
            && browser.text("h1").await?.starts_with("Advanced Course")
        {
            break;
        }
        ensure(attempt < 40, "the imported listing never appeared")?;
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    let english = browser.print_pages("listing-print").await?;
    ensure(
        english <= 2,
        format!("the listing prints on {english} A4 pages"),
    )?;
    browser
        .visit(&format!("/language/th?then={}", path.replace('/', "%2F")))
        .await?;
    browser.wait_for("html[lang=th]").await?;
    let thai = browser.print_pages("listing-print-thai").await?;
    ensure(
        thai <= 2,
        format!("the Thai listing prints on {thai} A4 pages"),
    )?;
    browser.visit("/language/en?then=%2F").await?;
    browser.wait_for("html[lang=en]").await?;
    println!("  printed on A4: {english} page(s) in English, {thai} in Thai");
    Ok(())
}

/// Waits for the suggestion script to turn the search box into a combobox.
async fn enhanced_search_box(browser: &Browser) -> BrowserResult {
    browser
        .wait_until(
            "the script to enhance the search box",
            "return document.getElementById('q').getAttribute('role') === 'combobox'",
        )
        .await
}

/// The optional suggestions: they appear while typing, the arrow keys and
/// Enter open one, Escape closes them, and Enter without a choice is the
/// plain search it always was.
pub async fn suggestions_while_typing(browser: &Browser) -> BrowserResult {
    use fantoccini::key::Key;
    browser.visit("/").await?;
    enhanced_search_box(browser).await?;
    browser.fill("#q", "traffick").await?;
    browser.wait_for("#q-suggestions [role=option]").await?;
    browser
        .wait_until(
            "the list to open",
            "return document.getElementById('q').getAttribute('aria-expanded') === 'true'",
        )
        .await?;
    let offered = browser.text("#q-suggestions").await?;
    ensure(
        offered.to_lowercase().contains("trafficking"),
        format!("the suggestions do not complete what was typed: {offered}"),
    )?;
    browser
        .assert_accessible("the search page with suggestions open")
        .await?;
    browser.screenshots("suggestions").await?;
    browser.press("#q", Key::Down).await?;
    let chosen = browser
        .run("return document.getElementById('q').getAttribute('aria-activedescendant')")
        .await?;
    ensure(
        chosen == "q-suggestion-0",
        format!("the down arrow chose {chosen}, not the first suggestion"),
    )?;
    browser.press("#q", Key::Enter).await?;
    browser
        .wait_until_at("the suggested listing", |here| {
            here.starts_with("/listings/")
        })
        .await?;

    browser.visit("/").await?;
    enhanced_search_box(browser).await?;
    browser.fill("#q", "border").await?;
    browser.wait_for("#q-suggestions [role=option]").await?;
    browser.press("#q", Key::Escape).await?;
    browser
        .wait_until(
            "Escape to close the list",
            "return document.getElementById('q-suggestions').hidden",
        )
        .await?;
    browser.press("#q", Key::Enter).await?;
    browser
        .wait_until_at("the plain search", |here| here == "/?q=border")
        .await
}

/// An official who reads Vietnamese: chooses it with the switcher, searches
/// in Vietnamese for a topic whose listings are mostly in English, narrows
/// by a filter, and opens a listing, all in Vietnamese.
pub async fn search_in_vietnamese(browser: &Browser) -> BrowserResult {
    browser.visit("/").await?;
    browser.click("nav.languages summary").await?;
    browser.click("nav.languages a[lang=vi]").await?;
    browser.wait_for("html[lang=vi]").await?;
    browser.fill("#q", "sinh trắc học").await?;
    browser.click("form.search button[type=submit]").await?;
    browser
        .wait_until_at("the Vietnamese search", |here| here.contains("q=sinh"))
        .await?;
    let all = result_count(browser).await?;
    ensure(all >= 3, format!("only {all} results for “sinh trắc học”"))?;
    let heading = browser.text("#results-heading").await?;
    ensure(
        heading.contains("kết quả"),
        format!("the results heading is not in Vietnamese: {heading}"),
    )?;
    let reached = browser.text("ol.hits").await?;
    ensure(
        reached.contains("Khớp với “sinh trắc học”"),
        format!("the hits do not say how they were reached: {reached}"),
    )?;
    browser
        .assert_accessible("the search page in Vietnamese")
        .await?;
    browser.screenshots("search-vietnamese").await?;

    let kind = choose_first_value(browser, "kind").await?;
    let narrowed = result_count(browser).await?;
    ensure(
        narrowed > 0 && narrowed <= all,
        format!("filtering by {kind} went {all} → {narrowed} results"),
    )?;
    browser.click("ol.hits li:first-child h3 a").await?;
    browser
        .wait_until_at("a listing", |here| here.starts_with("/listings/"))
        .await?;
    let page = browser.text("main").await?;
    ensure(
        page.contains("Liên hệ đơn vị cung cấp"),
        format!("the listing page is not in Vietnamese: {page}"),
    )?;
    browser.assert_accessible("a listing in Vietnamese").await?;
    browser.screenshots("listing-vietnamese").await?;
    browser.visit("/language/en?then=%2F").await?;
    browser.wait_for("html[lang=en]").await?;
    Ok(())
}

/// A training director uploads a spreadsheet with a mistake, sees it beside
/// its cell, uploads the corrected file and submits its listings.
pub async fn contributor_uploads_a_spreadsheet_fixes_it_and_submits(
    browser: &Browser,
) -> BrowserResult {
    let contributor = browser.service.invite(
        "lina@jclec.example.org",
        "Lina Wijaya",
        Some("jclec"),
        "contributor",
    );
    browser.accept_invitation(&contributor).await?;
    browser.click("a[href='/dashboard/upload']").await?;
    browser.wait_for("input#file").await?;

    let dir = tempfile::tempdir().ctx("a folder for the spreadsheets")?;
    let header = "id,kind,lang,title,summary,topics,languages,contact_name,contact_email,sessions";
    let rows = |email: &str| {
        format!(
            "{header}\n\
             jclec-sheet-forgery-2027,course,en,Detecting forged travel documents,Five days with forged passports and visas at the counter.,document-examination,en; id,JCLEC Training Office,{email},2027-05-03/2027-05-07\n\
             jclec-sheet-forgery-2027,,id,Mendeteksi dokumen perjalanan palsu,Lima hari dengan paspor dan visa palsu di loket.,,,,,\n\
             jclec-sheet-interviews-2027,workshop,en,Interviewing smuggled migrants,Three days of interviews that protect and inform.,people-smuggling,en,JCLEC Training Office,training@jclec.example.org,2027-06-14/2027-06-16\n"
        )
    };
    let broken = dir.path().join("courses.csv");
    std::fs::write(&broken, rows("training-at-jclec.example.org")).ctx("writing the file")?;
    browser
        .find("input#file")
        .await?
        .send_keys(&broken.to_string_lossy())
        .await
        .ctx("choosing the file")?;
    browser.click("main form button[type=submit]").await?;
    browser.wait_for(".error-summary").await?;
    let summary = browser.text(".error-summary").await?;
    ensure(
        summary.contains("Row 2, column contact_email"),
        format!("the mistake is not named by its row and column: {summary}"),
    )?;
    let cell = browser.text("#r2-contact_email").await?;
    ensure(
        cell.contains("not an e-mail address"),
        format!("the problem is not beside its cell: {cell}"),
    )?;
    browser
        .assert_accessible("an upload's check with a problem")
        .await?;
    browser.screenshots("upload-with-a-problem").await?;

    let fixed = dir.path().join("courses-fixed.csv");
    std::fs::write(&fixed, rows("training@jclec.example.org")).ctx("writing the file")?;
    browser
        .find("input#file")
        .await?
        .send_keys(&fixed.to_string_lossy())
        .await
        .ctx("choosing the corrected file")?;
    browser.click("main form button[type=submit]").await?;
    browser
        .wait_for("button[name=action][value=submit]")
        .await?;
    let page = browser.text("main").await?;
    ensure(
        page.contains("Every row is valid") && page.contains("2 listing(s) and 1 translation(s)"),
        format!("the corrected file is not shown as valid: {page}"),
    )?;
    browser
        .assert_accessible("an upload's check, all valid")
        .await?;
    browser.screenshots("upload-valid").await?;
    browser.click("button[name=action][value=submit]").await?;
    browser.wait_for(".notice").await?;
    let dashboard = browser.text("main").await?;
    ensure(
        dashboard.contains("submitted for review")
            && dashboard.contains("Detecting forged travel documents")
            && dashboard.contains("Interviewing smuggled migrants"),
        format!("the dashboard does not show the submitted listings: {dashboard}"),
    )?;
    browser.screenshots("upload-submitted").await?;
    browser.sign_out().await
}
