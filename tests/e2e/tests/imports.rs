//! Imports as a person meets them (issue 28, point 8): a CRM export whose
//! rows name their country and whose owners are ids of the other system,
//! read through the wizard in English and Vietnamese, at 1280 and 375 px,
//! through the release build in headless Chromium and the real IndexedDB.
//! Screenshots land in `target/screenshots/`.

use leadpact_e2e::pages::{LeadsPage, Screen};
use leadpact_e2e::{Browser, PagesServer, serve_and_open};

const SERVER: &str = env!("CARGO_BIN_EXE_pages-server");

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures")
        .join(name)
}

async fn shots(browser: &Browser, name: &str) {
    for width in [1280, 375] {
        browser.screenshot(name, width).await;
    }
    browser
        .client
        .set_window_size(1280, 900)
        .await
        .expect("resize back");
}

async fn open(label: &str, path: &str) -> (PagesServer, Browser) {
    serve_and_open(SERVER, "LEADPACT_DIST_ROOT", "/", label, path).await
}

fn count(text: &str) -> usize {
    text.split_whitespace()
        .next()
        .and_then(|n| n.replace([',', '.'], "").parse().ok())
        .unwrap_or_else(|| panic!("no count in {text:?}"))
}

/// The cells of every row with this test id, as a person reads them.
async fn rows(s: &Screen<'_>, id: &str) -> Vec<Vec<String>> {
    let script = format!(
        r#"return [...document.querySelectorAll("[data-testid='{id}']")].map(r =>
            [...r.querySelectorAll("th, td")].map(c => c.textContent.trim()));"#
    );
    serde_json::from_value(s.eval(&script).await).expect("rows of cells")
}

/// The file's country as the wizard shows it: the chosen option's text.
async fn file_country(s: &Screen<'_>) -> String {
    let v = s
        .eval("const c = document.querySelector(\"[data-testid='csv-country']\"); return c.options[c.selectedIndex].text")
        .await;
    v.as_str().expect("text").to_owned()
}

/// A Salesforce lead export (`OwnerId` holds user ids; Jennifer's row says
/// "United States", the others name no country) goes through the wizard:
/// the file is read in the workspace's country, shown and changeable; the
/// row's own country reads Jennifer's number; the owner id is said to be
/// no name and makes no rep; the same in Vietnamese; changing the file's
/// country reads the other rows again (and says why a Vietnamese mobile is
/// no American number); back in Vietnam, all three come in.
#[tokio::test]
async fn a_crm_export_with_countries_and_owner_ids_goes_through_the_wizard() {
    let (_server, browser) = open("csv-country", "data").await;
    let c = &browser.client;
    let s = Screen::new(c);
    s.find("page-data").await;
    s.choose_file("import-csv", &fixture("exports/salesforce-api.csv"))
        .await;
    s.find("csv-preview").await;
    assert_eq!(s.texts("csv-format").await, ["Salesforce"]);
    assert_eq!(count(&s.texts("csv-ok").await[0]), 3);
    // The file's country: the workspace's, shown and changeable.
    assert_eq!(file_country(&s).await, "Vietnam (+84)");
    assert!(
        s.texts("csv-file-country").await[0].contains("Phone numbers without + are numbers of"),
        "the country says what it is for"
    );
    // The row's own country reads its number.
    assert_eq!(
        rows(&s, "csv-country-value").await,
        [["United States", "1", "United States / Canada (+1)"]]
    );
    let kept = s.texts("csv-phone-kept").await.join(" | ");
    assert!(
        kept.contains("312-555-0199"),
        "Mark names no country: {kept}"
    );
    assert!(
        !kept.contains("(212) 555-0147"),
        "Jennifer's American number is understood: {kept}"
    );
    // The owner id is no name: nobody, in words, and no rep offered.
    let owners = rows(&s, "csv-owner").await;
    assert_eq!(owners[0][0], "005Hp00000AbCdEIAV");
    assert!(
        owners[0][2].starts_with("(nobody: an id, not a name)"),
        "{owners:?}"
    );
    let notes = s.texts("csv-owner-id-note").await;
    assert_eq!(
        notes,
        [
            "005Hp00000AbCdEIAV (2 rows) and 005Hp00000XyZ12IAF (1 row) are Salesforce user ids, not people's names: no rep is made from them, and their rows get no owner unless you pick a rep for them above. Each id is kept in its leads' field \u{201c}Owner in the file\u{201d}."
        ]
    );
    assert!(
        s.texts("csv-create-reps").await.is_empty(),
        "no box offers to make a rep of an id"
    );
    s.eval("document.querySelector(\"[data-testid='csv-file-country']\").scrollIntoView()")
        .await;
    shots(&browser, "csv-country").await;
    s.eval("document.querySelector(\"[data-testid='csv-owners']\").scrollIntoView()")
        .await;
    shots(&browser, "csv-owner-ids").await;

    // The same step in Vietnamese.
    s.click("lang-toggle").await;
    let notes = s
        .wait_texts("csv-owner-id-note", "the note in Vietnamese", |t| {
            t.first()
                .is_some_and(|t| t.contains("là mã người dùng Salesforce"))
        })
        .await;
    assert_eq!(
        notes,
        [
            "005Hp00000AbCdEIAV (2 dòng) và 005Hp00000XyZ12IAF (1 dòng) là mã người dùng Salesforce, không phải tên người: không tạo nhân viên từ các mã này, và các dòng của chúng sẽ không có người phụ trách, trừ khi bạn chọn nhân viên cho chúng ở bảng trên. Mỗi mã vẫn được giữ trong trường \u{201c}Người phụ trách trong tệp\u{201d} của các khách hàng mang mã đó."
        ]
    );
    assert_eq!(file_country(&s).await, "Việt Nam (+84)");
    assert!(
        s.texts("csv-file-country").await[0].contains("Số điện thoại không có dấu + là số của")
    );
    assert_eq!(
        rows(&s, "csv-country-value").await,
        [["United States", "1", "Hoa Kỳ / Canada (+1)"]]
    );
    assert!(rows(&s, "csv-owner").await[0][2].starts_with("(không ai: đây là mã, không phải tên)"));
    s.eval("document.querySelector(\"[data-testid='csv-file-country']\").scrollIntoView()")
        .await;
    shots(&browser, "csv-country-vi").await;
    s.eval("document.querySelector(\"[data-testid='csv-owners']\").scrollIntoView()")
        .await;
    shots(&browser, "csv-owner-ids-vi").await;

    // Another country for the file: Mark's number is now understood, and
    // Thu's Vietnamese mobile, with no country and no e-mail, is refused
    // with its row, column, value and why, in Vietnamese.
    s.select("csv-country", "US").await;
    s.wait_texts("csv-bad", "Thu's row refused", |t| {
        t.first().is_some_and(|t| count(t) == 1)
    })
    .await;
    assert_eq!(file_country(&s).await, "Hoa Kỳ / Canada (+1)");
    assert!(
        s.texts("csv-phone-kept").await.is_empty(),
        "Mark's number read"
    );
    assert_eq!(
        rows(&s, "csv-error").await,
        [[
            "3",
            "MobilePhone",
            "0912 345 678",
            "Mã vùng của số Mỹ hoặc Canada bắt đầu bằng 2 đến 9."
        ]]
    );
    s.eval("document.querySelector(\"[data-testid='csv-file-country']\").scrollIntoView()")
        .await;
    shots(&browser, "csv-country-changed-vi").await;

    // Back to Vietnam and in English: all three come in, nobody owns them.
    s.click("lang-toggle").await;
    s.select("csv-country", "VN").await;
    s.wait_texts("csv-ok", "every row ready again", |t| {
        t.first().is_some_and(|t| count(t) == 3)
    })
    .await;
    s.click("csv-confirm").await;
    s.wait_texts("toast-text", "import result", |t| {
        t.first().is_some_and(|t| t.starts_with("3 leads imported"))
    })
    .await;
    s.nav("nav-leads", "page-leads").await;
    let leads = LeadsPage::new(c);
    assert_eq!(leads.wait_rows(3).await.len(), 3);
    leads.open("Jennifer Lopez").await.title_and_stage().await;
    s.wait_texts("tel-link", "Jennifer's American number", |t| {
        t == ["+12125550147"]
    })
    .await;
    let owner = s
        .eval("const o = document.querySelector(\"[data-testid='lead-owner']\"); return o.value")
        .await;
    assert_eq!(owner, "", "nobody owns the lead");
    let card = s.texts("lead-card").await.concat();
    assert!(
        card.contains("Owner in the file") && card.contains("005Hp00000AbCdEIAV"),
        "the id is kept: {card}"
    );
    let reps = s
        .eval("return [...document.querySelector(\"[data-testid='lead-owner']\").options].map(o => o.text)")
        .await;
    assert!(
        !reps.to_string().contains("005Hp"),
        "no rep was made from the id: {reps}"
    );
    shots(&browser, "csv-country-lead").await;
    browser.close().await;
}
