//! The scorecard's verdicts as a team reads them (issue 28, point 5): the
//! current week of the sample data, in English and Vietnamese, at 1280 and
//! 375 px, through the release build in headless Chromium. Screenshots in
//! `target/screenshots/scorecard-week*`.

use leadpact_e2e::pages::{LeadsPage, Screen};
use leadpact_e2e::{Browser, Cdp, PagesServer, serve_and_open};
use serde_json::Value;

const SERVER: &str = env!("CARGO_BIN_EXE_pages-server");

async fn open(label: &str, path: &str) -> (PagesServer, Browser) {
    serve_and_open(SERVER, "LEADPACT_DIST_ROOT", "/", label, path).await
}

/// The words of one language, as a person reads them on the page.
struct Words {
    met: &'static str,
    missed: &'static str,
    within: &'static str,
    over: &'static str,
    too_early: &'static str,
    too_few: &'static str,
    no_data: &'static str,
    /// A figure of the state now, asked of another period.
    now_only: &'static str,
    /// A rate whose leads are mostly still open: "Too early: 43 of 57…".
    pending: &'static str,
    /// The capacity signal of a floor and of a ceiling.
    in_a_row: [&'static str; 2],
    no_target: &'static str,
    /// The column names each cell carries on a phone.
    columns: [&'static str; 4],
    /// Words the scorecard no longer says.
    gone: [&'static str; 2],
}

const EN: Words = Words {
    met: "Met",
    missed: "Missed",
    within: "Within",
    over: "Over",
    too_early: "Too early to judge (n = ",
    too_few: "Too few leads to judge (n = ",
    no_data: "No data",
    now_only: "The state now: see the current period",
    pending: "Too early: ",
    in_a_row: [
        "Previous periods missed in a row: ",
        "Previous periods over in a row: ",
    ],
    no_target: "No target",
    columns: ["Target", "Actual", "Status", "Baseline"],
    gone: ["Exceeded", "Needs improvement"],
};

const VI: Words = Words {
    met: "Đạt",
    missed: "Chưa đạt",
    within: "Trong giới hạn",
    over: "Vượt giới hạn",
    too_early: "Còn quá sớm để đánh giá (n = ",
    too_few: "Quá ít khách để đánh giá (n = ",
    no_data: "Chưa có dữ liệu",
    now_only: "Số liệu hiện tại: xem ở kỳ hiện tại",
    pending: "Còn quá sớm: ",
    in_a_row: [
        "Các kỳ trước chưa đạt liên tiếp: ",
        "Các kỳ trước vượt giới hạn liên tiếp: ",
    ],
    no_target: "Chưa đặt mục tiêu",
    columns: ["Mục tiêu", "Thực tế", "Trạng thái", "Mức nền"],
    gone: ["Vượt mục tiêu", "Cần cải thiện"],
};

/// Every KPI row as shown: its card, KPI, target sign and value, actual,
/// status, and the row's visible text.
async fn rows(s: &Screen<'_>) -> Vec<Value> {
    let v = s
        .eval(
            r#"const text = (r, id) => { const e = r.querySelector(`[data-testid='${id}']`); return e ? e.textContent : null; };
               return [...document.querySelectorAll("[data-testid='kpi-row']")].map(r => ({
                 card: r.closest('section').dataset.testid,
                 kpi: r.dataset.kpi,
                 sign: (text(r, 'target-sign') || '').trim(),
                 target: r.querySelector("[data-testid='target-input']").value,
                 actual: text(r, 'kpi-actual'),
                 status: text(r, 'kpi-status'),
                 cases: text(r, 'kpi-cases'),
                 streak: text(r, 'capacity-signal'),
                 visible: r.innerText,
               }));"#,
        )
        .await;
    v.as_array().expect("rows").clone()
}

/// A number as the page writes it (a Vietnamese decimal comma).
fn number(text: &str) -> Option<f64> {
    text.trim().replace(',', ".").parse().ok()
}

/// What a person checks on a week's scorecard, in one language at one
/// width: the week in progress (`in_progress`) or one that is over.
async fn check_week(s: &Screen<'_>, w: &Words, width: u32, in_progress: bool) {
    let rows = rows(s).await;
    assert!(rows.len() > 20, "every card's rows: {}", rows.len());
    let mut too_early = 0;
    for r in &rows {
        let (sign, status, actual) = (
            r["sign"].as_str().unwrap(),
            r["status"].as_str().unwrap(),
            r["actual"].as_str().unwrap(),
        );
        let target = r["target"].as_str().and_then(number);
        let what = format!("{width} px: {r}");
        let (no_verdict, other) = match in_progress {
            true => (w.too_early, w.too_few),
            false => (w.too_few, w.too_early),
        };
        assert!(!status.starts_with(other), "{what}");
        // Mostly still open: no verdict, and it says how many.
        if let Some(rest) = status.strip_prefix(w.pending) {
            too_early += 1;
            let counts: Vec<usize> = rest
                .split(|c: char| !c.is_ascii_digit())
                .filter_map(|n| n.parse().ok())
                .collect();
            assert!(
                counts.len() == 2 && counts[0] * 5 > counts[1],
                "more than a fifth still open: {what}"
            );
            continue;
        }
        if let Some(n) = status.strip_prefix(no_verdict) {
            too_early += 1;
            let n: usize = n
                .trim_end_matches(')')
                .parse()
                .unwrap_or_else(|_| panic!("a count of leads: {what}"));
            assert!(n < 10, "no verdict only below 10 leads: {what}");
            continue;
        }
        // A verdict on a figure over leads says what it rests on: ten or
        // more leads whose outcome is known.
        if let Some(n) = r["cases"].as_str() {
            let n: usize = n
                .trim_start_matches("(n = ")
                .trim_end_matches(')')
                .parse()
                .unwrap_or_else(|_| panic!("a count of leads: {what}"));
            assert!(n >= 10, "a verdict rests on ten leads or more: {what}");
        }
        // Open load is the state now: a verdict in the current period only.
        if r["kpi"] == "OpenLoad" {
            if in_progress {
                assert_ne!(status, w.now_only, "{what}");
            } else {
                assert_eq!(status, w.now_only, "no verdict on a past week: {what}");
                assert_eq!(actual, "—", "{what}");
                continue;
            }
        }
        if target.is_none() {
            assert_eq!(status, w.no_target, "{what}");
            continue;
        }
        // Words fit the direction.
        match sign {
            "≥" => assert!(
                [w.met, w.missed, w.no_data].contains(&status),
                "a floor is met or missed: {what}"
            ),
            "≤" => assert!(
                [w.within, w.over, w.no_data].contains(&status),
                "a ceiling is within or over: {what}"
            ),
            _ => panic!("a target without its direction: {what}"),
        }
        if let Some(streak) = r["streak"].as_str() {
            let words = if sign == "≥" {
                w.in_a_row[0]
            } else {
                w.in_a_row[1]
            };
            assert!(streak.starts_with(words), "the streak's words fit: {what}");
        }
        // A 0 against a floor above 0 is never met.
        if sign == "≥" && target > Some(0.0) && number(actual) == Some(0.0) {
            assert_ne!(status, w.met, "0 is not met: {what}");
        }
    }
    assert!(
        too_early > 0,
        "some figure of the week rests on too few leads"
    );
    let body = s
        .eval("return document.querySelector(\"[data-testid='page-scorecard']\").innerText")
        .await;
    let body = body.as_str().unwrap();
    for gone in w.gone {
        assert!(!body.contains(gone), "{gone:?} is gone ({width} px)");
    }
    // A suggestion is never trivial.
    for accept in s.texts("accept-target").await {
        assert!(!accept.ends_with("≥ 0"), "{accept:?}");
    }
    // Each figure is labelled: by the header row on a laptop, by the cell
    // itself on a phone (where the header row is hidden).
    let shown = s
        .eval(
            "return [getComputedStyle(document.querySelector('.scorecard thead')).display,
                     [...document.querySelectorAll('.scorecard .cell-label')].filter(e => getComputedStyle(e).display !== 'none').length]",
        )
        .await;
    if width <= 560 {
        assert_eq!(shown[0], "none", "no header row on a phone");
        for r in &rows {
            let visible = r["visible"].as_str().unwrap().to_lowercase();
            for column in w.columns {
                assert!(
                    visible.contains(&column.to_lowercase()),
                    "{column} labelled at {width} px: {r}"
                );
            }
        }
    } else {
        assert_ne!(shown[0], "none", "the header row names the columns");
        assert_eq!(shown[1], 0, "no cell repeats its header at {width} px");
    }
}

/// Screenshots of the page's top and of the Sales card, at `width`.
async fn shots(browser: &Browser, s: &Screen<'_>, name: &str, width: u32) {
    s.eval("window.scrollTo(0, 0)").await;
    browser.screenshot(name, width).await;
    s.eval("document.querySelector(\"[data-testid='scorecard-sales']\").scrollIntoView()")
        .await;
    browser.screenshot(&format!("{name}-sales"), width).await;
    s.eval("window.scrollTo(0, 0)").await;
}

#[tokio::test]
async fn the_weeks_scorecard_judges_only_what_it_can() {
    let (_server, browser) = open("scorecard-week", "leads").await;
    let c = &browser.client;
    let leads = LeadsPage::new(c);
    leads.wait_ready().await;
    leads.load_sample(300).await;
    // A lead of this week, whatever the day the test runs.
    leads
        .add_lead("Đặng Thu Trang", "0912 222 333", "Google")
        .await;
    let s = Screen::new(c);
    s.nav("nav-scorecard", "page-scorecard").await;
    s.find("kpi-row").await;
    // The toast of the sample and the new lead would cover the figures.
    s.eval(
        "document.querySelectorAll(\"[data-testid='toast'] button.link\").forEach(b => b.click())",
    )
    .await;
    let progress = s.texts("period-progress").await;
    assert!(
        progress
            .first()
            .is_some_and(|p| p.starts_with("in progress: ")),
        "the current week: {progress:?}"
    );
    for (words, lang) in [(&EN, "en"), (&VI, "vi")] {
        if lang == "vi" {
            s.click("lang-toggle").await;
            s.wait_texts("nav-scorecard", "Vietnamese", |t| t == ["Bảng điểm"])
                .await;
            s.find("kpi-row").await;
        }
        for width in [1280, 375] {
            c.set_window_size(width, 900).await.expect("resize");
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            check_week(&s, words, width, true).await;
            let name = match lang {
                "en" => "scorecard-week",
                _ => "scorecard-week-vi",
            };
            shots(&browser, &s, name, width).await;
        }
    }
    // The printout names its period and each card's scope.
    c.set_window_size(1280, 900).await.expect("resize");
    c.issue_cmd(Cdp {
        cmd: "Emulation.setEmulatedMedia",
        params: serde_json::json!({ "media": "print" }),
    })
    .await
    .expect("print media");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let period = s.texts("period-label").await[0].clone();
    let head = s
        .eval("return document.querySelector(\"[data-testid='print-period']\").innerText")
        .await;
    let head = head.as_str().unwrap();
    assert!(head.starts_with(&period), "{head:?} names {period:?}");
    assert!(head.contains("số liệu tính đến"), "{head:?}");
    let scopes = s
        .eval("return [...document.querySelectorAll(\"[data-testid='print-scope']\")].map(e => e.innerText)")
        .await;
    let scopes: Vec<String> = serde_json::from_value(scopes).unwrap();
    assert_eq!(scopes[0], format!("Marketing · {period}"));
    assert_eq!(scopes[1], format!("Sales · {period}"));
    assert!(
        scopes[2..]
            .iter()
            .all(|s| s.starts_with("Nhân viên: ") && s.ends_with(&period)),
        "{scopes:?}"
    );
    browser.screenshot("scorecard-week-print", 1280).await;
    c.issue_cmd(Cdp {
        cmd: "Emulation.setEmulatedMedia",
        params: serde_json::json!({ "media": "" }),
    })
    .await
    .expect("screen media");
    // Last week is over: judged whole, "too few" where it had too few leads.
    s.click("lang-toggle").await;
    s.wait_texts("nav-scorecard", "English", |t| t == ["Scorecard"])
        .await;
    s.click("period-prev").await;
    s.wait_texts("period-progress", "a past week is not in progress", |t| {
        t.is_empty()
    })
    .await;
    for width in [1280, 375] {
        c.set_window_size(width, 900).await.expect("resize");
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        check_week(&s, &EN, width, false).await;
        shots(&browser, &s, "scorecard-last-week", width).await;
    }
    browser.close().await;
}

/// A money figure as the screen writes it (`+₫3,000,000`, `−₫100,000`,
/// `1.400.000 ₫`) as a whole number.
fn amount(text: &str) -> i64 {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let n: i64 = digits
        .parse()
        .unwrap_or_else(|_| panic!("an amount: {text:?}"));
    if text.contains('−') { -n } else { n }
}

/// The statements on the screen: (whose, total, each line's amount).
async fn statements(s: &Screen<'_>) -> Vec<(String, i64, Vec<i64>)> {
    let v = s
        .eval(
            "return [...document.querySelectorAll(\"[data-testid='rewards-card'] [data-testid='statement']\")].map(e => [e.querySelector(\"[data-testid='statement-whose']\").innerText, e.querySelector(\"[data-testid='statement-total']\").innerText, [...e.querySelectorAll(\"[data-testid='statement-line'] td\")].map(t => t.innerText)])",
        )
        .await;
    let raw: Vec<(String, String, Vec<String>)> = serde_json::from_value(v).expect("statements");
    raw.into_iter()
        .map(|(w, t, lines)| (w, amount(&t), lines.iter().map(|l| amount(l)).collect()))
        .collect()
}

/// Issue 30, point 3: a manager sets up a rewards plan in Settings, tries
/// it on last month before adopting it, is told what is wrong in words,
/// adopts it, and reads each team's and person's statement on the
/// scorecard's month — every statement's lines add up to its total, the
/// team's to its people's — in English at 1280 px and Vietnamese at
/// 375 px, opens the leads a line counts, and downloads it for payroll.
#[tokio::test]
async fn a_rewards_plan_pays_each_person_and_says_why() {
    let (_server, browser) = open("rewards", "leads").await;
    let c = &browser.client;
    let leads = LeadsPage::new(c);
    leads.wait_ready().await;
    leads.load_sample(300).await;
    let s = Screen::new(c);
    // Settings says where the plan is set.
    s.nav("nav-settings", "page-settings").await;
    s.click("rewards-link").await;
    s.find("page-scorecard").await;
    let none = s
        .wait_texts("rewards-none", "by the month", |t| !t.is_empty())
        .await
        .concat();
    assert!(
        none.starts_with("Rewards are reckoned by the month"),
        "{none}"
    );
    s.select("period-kind", "month").await;
    s.click("period-prev").await;
    let none = s
        .wait_texts("rewards-none", "no plan yet", |t| {
            t.concat().starts_with("No rewards plan yet")
        })
        .await
        .concat();
    assert!(none.contains("Try one on this month"), "{none}");
    s.click("rw-setup").await;
    s.set_value("rw-sales-share", "3", 0).await;
    let rows = s
        .wait_texts("rw-whatif-row", "the what-if", |t| !t.is_empty())
        .await;
    assert!(rows[0].starts_with("Sales team"), "{rows:?}");
    assert!(
        rows.iter().any(|r| r.starts_with("Marketing team")),
        "{rows:?}"
    );
    // Nothing adopted yet: the adopted column is empty.
    assert!(rows[0].contains('—'), "{rows:?}");
    // A share over 100 % is said at once, above Adopt, and Adopt keeps
    // nothing; a floor that is no number names its field.
    s.set_value("rw-sales-share", "150", 0).await;
    let said = s
        .wait_texts("rw-error", "a share over 100 %", |t| {
            t.concat().contains("150 %")
        })
        .await
        .concat();
    assert_eq!(
        said,
        "Sales · Share of won value: 150 % is not between 0 and 100."
    );
    s.click("rw-adopt").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(!s.texts("rw-whatif").await.is_empty(), "nothing adopted");
    s.set_value("rw-sales-share", "3", 0).await;
    s.set_value("rw-sales-floor", "abc", 0).await;
    let said = s
        .wait_texts("rw-error", "a floor that is no number", |t| {
            t.concat().contains("abc")
        })
        .await
        .concat();
    assert_eq!(said, "Sales · Floor: “abc” is not a number.");
    s.set_value("rw-sales-floor", "1.000.000", 0).await;
    s.wait_texts("rw-error", "all fixed", |t| t.concat().is_empty())
        .await;
    assert_eq!(
        s.eval("return document.querySelector(\"[data-testid='rw-sales-floor']\").value")
            .await,
        serde_json::json!("1,000,000")
    );
    browser.screenshot("rewards-plan", 1280).await;
    s.click("rw-adopt").await;
    s.wait_texts("rw-whatif", "adopted: the editor closes", |t| t.is_empty())
        .await;
    s.wait_texts("statement", "the statements", |t| !t.is_empty())
        .await;
    let all = statements(&s).await;
    for (whose, total, lines) in &all {
        assert_eq!(lines.iter().sum::<i64>(), *total, "{whose} adds up");
    }
    let (sales_team, people): (Vec<_>, Vec<_>) = all
        .iter()
        .filter(|(w, _, _)| w == "Sales team" || w.ends_with(" · Sales"))
        .partition(|(w, _, _)| w == "Sales team");
    assert_eq!(sales_team.len(), 1, "{all:?}");
    assert!(!people.is_empty(), "{all:?}");
    assert_eq!(
        sales_team[0].1,
        people.iter().map(|(_, t, _)| t).sum::<i64>(),
        "the team is its people"
    );
    assert!(
        people.iter().all(|(_, t, _)| *t >= 1_000_000),
        "nobody under the floor: {people:?}"
    );
    let text = s.texts("rewards-card").await.concat();
    assert!(text.contains("3 % of ₫"), "{text}");
    assert!(text.contains(" won"), "{text}");
    s.eval("document.querySelector(\"[data-testid='rewards-card']\").scrollIntoView()")
        .await;
    browser.screenshot("rewards", 1280).await;
    // A line's leads open the lead.
    s.eval("const d = document.querySelector(\"[data-testid='rewards-card'] details.line-leads\"); d.open = true; d.querySelector('a').click(); return true")
        .await;
    s.find("lead-title").await;
    c.back().await.expect("back");
    s.find("page-scorecard").await;
    // Back on the scorecard, the month chosen is still shown.
    s.wait_texts("statement", "the statements again", |t| !t.is_empty())
        .await;
    assert_eq!(statements(&s).await, all, "the same month");

    // In Vietnamese on a phone.
    s.click("lang-toggle").await;
    let whose = s
        .wait_texts("statement-whose", "Vietnamese", |t| {
            t.first().is_some_and(|w| w == "Đội Sales")
        })
        .await;
    assert!(whose.iter().any(|w| w == "Đội Marketing"), "{whose:?}");
    let text = s.texts("rewards-card").await.concat();
    assert!(text.contains("đã chốt"), "{text}");
    assert!(
        text.contains(" ₫"),
        "amounts as Vietnamese write them: {text}"
    );
    s.eval("document.querySelector(\"[data-testid='rewards-card']\").scrollIntoView()")
        .await;
    browser.screenshot("rewards-vi", 375).await;
    c.set_window_size(1280, 900).await.expect("resize");

    // For payroll: one row per line and a total per statement.
    s.click("rewards-export").await;
    let file = browser.download("csv").await;
    let csv = std::fs::read_to_string(&file).expect("the CSV");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("\u{feff}Month,Team,Person,Line,Amount,Currency,Leads")
    );
    let totals = csv.lines().filter(|l| l.contains(",Total,")).count();
    assert_eq!(totals, all.len(), "a total per statement:\n{csv}");
    // This month, still running, says its amounts are so far.
    s.click("period-next").await;
    s.wait_texts("rewards-running", "a month in progress", |t| {
        t.concat().starts_with("Tháng này chưa kết thúc")
    })
    .await;
    browser.close().await;
}

/// The drawn activities as shown: (key, state, verdict text).
async fn picks(s: &Screen<'_>) -> Vec<(String, String, String)> {
    let v = s
        .eval(
            "return [...document.querySelectorAll(\"[data-testid='audit-pick']\")].map(p => [p.dataset.key, p.dataset.state, p.querySelector(\"[data-testid='audit-verdict']\").innerText])",
        )
        .await;
    serde_json::from_value(v).expect("picks")
}

/// Records a verdict on the `nth` drawn activity: ticks the first `ticks`
/// questions, passed or failed, with a note.
async fn audit(s: &Screen<'_>, nth: usize, ticks: usize, passed: bool, note: &str) {
    s.eval(&format!(
        "document.querySelectorAll(\"[data-testid='audit-pick']\")[{nth}].querySelector(\"[data-testid='audit-open']\").click(); return true"
    ))
    .await;
    s.find("audit-form").await;
    for i in 0..ticks {
        s.eval(&format!(
            "const c = document.querySelectorAll(\"[data-testid='audit-check']\")[{i}]; if (!c.checked) c.click(); return true"
        ))
        .await;
    }
    s.click(if passed { "audit-pass" } else { "audit-fail" })
        .await;
    s.type_into("audit-note-input", note).await;
    s.click("audit-record").await;
    s.wait_texts("audit-form", "the form closes", |t| t.is_empty())
        .await;
    // Shown once stored.
    let want = if passed { "passed" } else { "failed" };
    for _ in 0..100 {
        if picks(s).await.get(nth).is_some_and(|p| {
            p.1 == want && p.2.starts_with(if passed { "Passed" } else { "Failed" })
        }) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!(
        "the verdict on pick {nth} is not shown: {:?}",
        picks(s).await
    );
}

/// Random audits (issue 30): a sample drawn from a seed anyone can use
/// again, verdicts recorded with the team's checklist, a later audit
/// superseding an earlier one, the pass rate on the rep's scorecard, the
/// verdicts on the lead's timeline, the printed sheet, in both languages
/// at 1280 and 375 px.
#[tokio::test]
async fn a_random_audit_is_drawn_again_from_its_seed_and_judged_on_the_scorecard() {
    let (_server, browser) = open("audits", "leads").await;
    let c = &browser.client;
    let leads = LeadsPage::new(c);
    leads.wait_ready().await;
    leads.load_sample(300).await;
    let s = Screen::new(c);
    s.nav("nav-scorecard", "page-scorecard").await;
    s.select("period-kind", "week").await;
    s.click("period-prev").await;
    let none = s
        .wait_texts("audit-none", "nothing drawn yet", |t| !t.is_empty())
        .await
        .concat();
    assert_eq!(none, "No sample has been drawn for this period yet.");
    // No rep's card has an audit figure before any audit.
    assert!(
        s.eval("return document.querySelectorAll(\"[data-kpi='AuditPassRate']\").length")
            .await
            == 0
    );
    // Bad input is named and draws nothing.
    s.set_value("audit-per-rep", "abc", 0).await;
    s.click("audit-draw").await;
    let said = s
        .wait_texts("audit-draw-error", "not a number", |t| !t.is_empty())
        .await
        .concat();
    assert_eq!(
        said,
        "Calls and messages per rep: “abc” is not a whole number."
    );
    for bad in ["0", "-3", "99999999999"] {
        s.set_value("audit-per-rep", bad, 0).await;
        s.click("audit-draw").await;
        s.wait_texts("audit-draw-error", "out of range", |t| {
            t.concat() == format!("Calls and messages per rep: {bad} is not between 1 and 100.")
        })
        .await;
    }
    assert!(s.texts("audit-pick").await.is_empty(), "nothing drawn");
    // The period's own seed: nobody picks it.
    s.set_value("audit-per-rep", "3", 0).await;
    s.click("audit-draw").await;
    let line = s
        .wait_texts("audit-draw-line", "the draw", |t| !t.is_empty())
        .await
        .concat();
    let seed = line
        .strip_prefix("Seed ")
        .and_then(|l| l.split(' ').next())
        .expect("the seed")
        .to_owned();
    assert!(seed.parse::<u32>().is_ok(), "{line}");
    assert!(
        line.starts_with(&format!("Seed {seed} (the period's) · 3 per rep · ")),
        "{line}"
    );
    assert!(
        line.ends_with("Drawn again from its seed now: the same sample."),
        "{line}"
    );
    let first = picks(&s).await;
    assert!(first.len() >= 3, "{first:?}");
    assert!(
        first
            .iter()
            .all(|p| p.1 == "open" && p.2 == "Not audited yet")
    );
    // At most three per rep, and the summary counts them.
    let drawn: Vec<String> = s.texts("audit-rep-drawn").await;
    assert!(
        drawn.iter().all(|d| d.parse::<usize>().unwrap() <= 3),
        "{drawn:?}"
    );
    assert_eq!(
        drawn
            .iter()
            .map(|d| d.parse::<usize>().unwrap())
            .sum::<usize>(),
        first.len()
    );
    // A larger sample keeps the calls drawn; the same size, the same sample.
    s.set_value("audit-per-rep", "5", 0).await;
    s.click("audit-draw").await;
    s.wait_texts("audit-draw-line", "five per rep", |t| {
        t.concat().contains(" · 5 per rep · ")
    })
    .await;
    let five = picks(&s).await;
    assert!(
        first.iter().all(|p| five.iter().any(|f| f.0 == p.0)),
        "{first:?} in {five:?}"
    );
    s.set_value("audit-per-rep", "3", 0).await;
    s.click("audit-draw").await;
    s.wait_texts("audit-draw-line", "three again", |t| {
        t.concat().contains(" · 3 per rep · ")
    })
    .await;
    assert_eq!(
        picks(&s).await,
        first,
        "the same seed draws the same sample"
    );

    // A verdict needs passed or failed.
    s.eval("document.querySelector(\"[data-testid='audit-open']\").click(); return true")
        .await;
    s.click("audit-record").await;
    let said = s
        .wait_texts("audit-form-error", "no verdict", |t| !t.is_empty())
        .await
        .concat();
    assert_eq!(said, "Choose Passed or Failed before recording.");
    // A pass with a question answered no needs a note.
    s.click("audit-pass").await;
    s.click("audit-record").await;
    s.wait_texts("audit-form-error", "a note", |t| {
        t.concat().starts_with("Write what you found: ")
    })
    .await;
    s.click("audit-cancel").await;
    // The first fails, the second passes, then the first is audited again.
    audit(&s, 0, 1, false, "No such call on the phone log").await;
    let now = picks(&s).await;
    assert_eq!(now[0].1, "failed", "{now:?}");
    assert!(now[0].2.starts_with("Failed · "), "{now:?}");
    let checks = s.texts("audit-checks").await;
    assert!(
        checks[0].contains("☑ Reached the right person?"),
        "{checks:?}"
    );
    assert!(checks[0].contains("☒ Next step set?"), "{checks:?}");
    audit(&s, 1, 4, true, "").await;
    audit(&s, 0, 4, true, "Found the call on the second SIM").await;
    let now = picks(&s).await;
    assert_eq!((now[0].1.as_str(), now[1].1.as_str()), ("passed", "passed"));
    // The summary: the first rep has 2 audited, 2 passed, 100 %.
    let rate = s.texts("audit-rep-rate").await;
    let audited = s.texts("audit-rep-audited").await;
    let key_rep = s
        .eval("return document.querySelector(\"[data-testid='audit-rep-row']\").dataset.rep")
        .await;
    let rep = key_rep.as_str().unwrap().to_owned();
    let first_rep_picks: usize = s.texts("audit-rep-drawn").await[0].parse().unwrap();
    if first_rep_picks >= 2 {
        assert_eq!(
            (audited[0].as_str(), rate[0].as_str()),
            ("2", "100.0 %"),
            "{rep}"
        );
    }
    // The rep's scorecard shows the pass rate, with too few audits to judge.
    let row = s
        .eval(&format!(
            "const card = [...document.querySelectorAll('section.scorecard')].find(c => c.querySelector('h2').innerText === {rep:?});\
             const r = card && card.querySelector(\"[data-kpi='AuditPassRate']\");\
             return r ? [r.querySelector(\"[data-testid='kpi-actual']\").innerText, r.querySelector(\"[data-testid='kpi-status']\").innerText] : null"
        ))
        .await;
    let row: (String, String) = serde_json::from_value(row).expect("the rep's audit row");
    if first_rep_picks >= 2 {
        assert_eq!(row.0, "100", "{row:?}");
        assert_eq!(row.1, "Too few audits to judge (n = 2)", "{row:?}");
    }
    s.eval("document.querySelector(\"[data-testid='audits-card']\").scrollIntoView()")
        .await;
    browser.screenshot("audits", 1280).await;

    // The lead's timeline: the verdicts under the call, the earlier one replaced.
    s.eval("document.querySelector(\"[data-testid='audit-lead']\").click(); return true")
        .await;
    s.find("lead-title").await;
    let verdicts = s
        .wait_texts("activity-audit", "the audits on the timeline", |t| {
            t.len() >= 2
        })
        .await;
    let found = |note: &str| {
        verdicts
            .iter()
            .find(|v| v.contains(note))
            .unwrap_or_else(|| panic!("{note}: {verdicts:?}"))
    };
    let again = found("Found the call on the second SIM");
    assert!(again.starts_with("Audit: passed · "), "{verdicts:?}");
    let first_verdict = found("No such call on the phone log");
    assert!(
        first_verdict.starts_with("Audit: failed · "),
        "{verdicts:?}"
    );
    assert!(
        first_verdict.contains("(replaced by a later audit)"),
        "{verdicts:?}"
    );
    // Back: the week and its draw are still shown.
    c.back().await.expect("back");
    s.find("page-scorecard").await;
    s.wait_texts("audit-draw-line", "the draw again", |t| {
        t.concat().starts_with(&format!("Seed {seed} "))
    })
    .await;
    // After a reload the draw comes back from the verdicts' seed.
    c.refresh().await.expect("reload");
    s.find("page-scorecard").await;
    s.select("period-kind", "week").await;
    s.click("period-prev").await;
    s.wait_texts("audit-draw-line", "the draw from the verdicts", |t| {
        t.concat()
            .starts_with(&format!("Seed {seed} (the period's) · 3 per rep"))
    })
    .await;
    assert_eq!(picks(&s).await.len(), first.len());

    // The printed sheet: only the audits, each drawn activity with its
    // checklist (boxes to tick by hand where no verdict is recorded).
    s.eval("window.print = () => { window.__printed = document.body.classList.contains('print-audits'); }; return true")
        .await;
    s.click("audit-print").await;
    assert_eq!(
        s.eval("return window.__printed").await,
        serde_json::json!(true)
    );
    s.eval("document.body.classList.add('print-audits'); return true")
        .await;
    c.issue_cmd(Cdp {
        cmd: "Emulation.setEmulatedMedia",
        params: serde_json::json!({ "media": "print" }),
    })
    .await
    .expect("print media");
    let shown = s
        .eval("return [...document.querySelectorAll('.scorecard-page > *')].filter(e => getComputedStyle(e).display !== 'none').map(e => e.dataset.testid || e.className)")
        .await;
    let shown: Vec<String> = serde_json::from_value(shown).unwrap();
    assert_eq!(shown, ["print-period", "audits-card"], "the sheet alone");
    let sheet = s
        .eval("return document.querySelector(\"[data-testid='audits-card']\").innerText")
        .await;
    let sheet = sheet.as_str().unwrap();
    assert!(sheet.contains("Audit sheet · Week "), "{sheet}");
    assert!(sheet.contains("☐ Reached the right person?"), "{sheet}");
    assert!(
        sheet.contains("☐ Passed ☐ Failed Note (what you checked): ___"),
        "{sheet}"
    );
    assert!(!sheet.contains("Draw a sample"), "{sheet}");
    browser.screenshot("audits-print", 1280).await;
    c.issue_cmd(Cdp {
        cmd: "Emulation.setEmulatedMedia",
        params: serde_json::json!({ "media": "" }),
    })
    .await
    .expect("screen media");
    s.eval("document.body.classList.remove('print-audits'); return true")
        .await;

    // In Vietnamese on a phone.
    c.set_window_size(375, 800).await.expect("resize");
    s.click("lang-toggle").await;
    s.wait_texts("audit-draw-line", "Vietnamese", |t| {
        t.concat()
            .starts_with(&format!("Mã {seed} (của kỳ) · 3 mỗi nhân viên"))
    })
    .await;
    let card = s.texts("audits-card").await.concat();
    assert!(card.contains("Kiểm tra cuộc gọi"), "{card}");
    assert!(card.contains("Đạt · "), "{card}");
    assert!(card.contains("Chưa kiểm tra"), "{card}");
    s.eval("document.querySelector(\"[data-testid='audits-card']\").scrollIntoView()")
        .await;
    browser.screenshot("audits-vi", 375).await;
    assert!(
        browser.small_targets().await.is_empty(),
        "{:?}",
        browser.small_targets().await
    );
    assert!(browser.axe().await.is_empty(), "{:?}", browser.axe().await);
    browser.close().await;
}
