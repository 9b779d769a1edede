//! Issue 28's journeys: what the screens say must be true; and issue 29's
//! distribution, read as a manager reads it. A lead typed in
//! now is on Today's first screen among 10 000 leads' old breaches, and a
//! tap on an outcome is answered with what comes next; a note holds words.
//! Read the way a person reads the screen (visible text), in both
//! languages, at 1280 and 375 px; screenshots in `target/screenshots/`.

use leadpact_e2e::pages::{LeadPage, LeadsPage, Screen};
use leadpact_e2e::{Browser, PagesServer, serve_and_open};

const SERVER: &str = env!("CARGO_BIN_EXE_pages-server");

async fn open(label: &str, path: &str) -> (PagesServer, Browser) {
    serve_and_open(SERVER, "LEADPACT_DIST_ROOT", "/", label, path).await
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

/// The names on the calls lane's cards, in order, and how far from the top
/// of the window the card of `name` is drawn (px), if listed.
async fn calls(s: &Screen<'_>, name: &str) -> (Vec<String>, Option<f64>) {
    let v = s
        .eval(&format!(
            r#"const items = [...document.querySelectorAll("[data-lane='Calls'] [data-testid='queue-item']")];
               const names = items.map(i => i.querySelector("[data-testid='queue-lead']").textContent);
               const mine = items.find(i => i.querySelector("[data-testid='queue-lead']").textContent === {name:?});
               return [names, mine ? mine.getBoundingClientRect().top : null];"#
        ))
        .await;
    (
        serde_json::from_value(v[0].clone()).expect("names"),
        v[1].as_f64(),
    )
}

/// Clicks the button `testid` on the Today card of `name`.
async fn tap(s: &Screen<'_>, name: &str, testid: &str) {
    let done = s
        .eval(&format!(
            r#"const i = [...document.querySelectorAll("[data-testid='queue-item']")].find(i => i.querySelector("[data-testid='queue-lead']").textContent === {name:?});
               if (!i) return false;
               i.querySelector("[data-testid='{testid}']").click();
               return true;"#
        ))
        .await;
    assert_eq!(done, true, "{name}'s card has {testid}");
}

/// A rep types in a lead that just called while 10 000 leads wait, months
/// of them breached: it is on Today's first screen, at 1280 and at 375 px.
/// A tap on "No answer" says what was logged and what comes next, and the
/// card leaves the calls (the next try is hours away); Undo brings it back;
/// "Wrong number" offers to close it as junk, which does.
#[tokio::test]
async fn a_fresh_lead_is_on_todays_first_screen_and_every_tap_is_answered() {
    let (_server, browser) = open("trust-today", "data").await;
    let c = &browser.client;
    let s = Screen::new(c);
    s.select("sample-size", "10000").await;
    s.click("data-load-sample").await;
    s.nav("nav-leads", "page-leads").await;
    s.wait_texts("lead-count", "the sample is loaded", |t| {
        t.concat() == "10,000 leads"
    })
    .await;
    // A team that answers round the clock: whenever this test runs, it is
    // business hours (a lead that came in at night waits for the opening,
    // with every other night's lead: the issue's promise is for a lead
    // added during business hours).
    s.nav("nav-settings", "page-settings").await;
    for day in 0..7 {
        s.eval(&format!(
            "const i = document.getElementById('cal-day-{day}'); i.value = '00:00-24:00'; i.dispatchEvent(new Event('input', {{bubbles: true}}));"
        ))
        .await;
    }
    s.click("save-calendar").await;
    s.wait_texts("toast-text", "the calendar saved", |t| !t.is_empty())
        .await;
    s.nav("nav-leads", "page-leads").await;
    let leads = LeadsPage::new(c);
    let name = "Trần Thị Mới";
    // Typed in like any lead (the list is virtualised: counted, not walked).
    s.type_into("lead-name", name).await;
    s.type_into("lead-phone", "0912 345 999").await;
    s.select("lead-source", "Facebook").await;
    s.click("add-lead").await;
    s.wait_texts("lead-count", "the lead is added", |t| {
        t.concat() == "10,001 leads"
    })
    .await;
    s.nav("nav-today", "page-today").await;
    s.find("queue").await;
    let (names, top) = calls(&s, name).await;
    let at = names
        .iter()
        .position(|n| n == name)
        .unwrap_or_else(|| panic!("{name} is listed: {:?}", &names[..names.len().min(10)]));
    // Before it only calls still in their window, due earlier (the rule):
    // none of the months of breaches.
    let statuses = s
        .eval("return [...document.querySelectorAll(\"[data-lane='Calls'] [data-testid='queue-status']\")].map(e => e.textContent)")
        .await;
    let statuses: Vec<String> = serde_json::from_value(statuses).unwrap();
    assert!(
        statuses[..at].iter().all(|t| t != "breached"),
        "nothing breached before the new lead: {:?}",
        &statuses[..=at]
    );
    top.expect("listed");
    // Only calls still in their window and due before it come first (how
    // many depends on the hour the sample was made at): the calls start
    // on the first screen.
    let first_call = || async {
        s.eval("return document.querySelector(\"[data-lane='Calls'] [data-testid='queue-item']\").getBoundingClientRect().top")
            .await
            .as_f64()
            .expect("a first call")
    };
    let first = first_call().await;
    assert!(
        first < 900.0,
        "the calls start on the first screen at 1280 px: {first} px down"
    );
    let long = s.texts("count-long-overdue").await;
    assert!(
        !long.is_empty(),
        "the old breaches are counted apart: {long:?}"
    );
    shots(&browser, "trust-fresh-lead").await;
    c.set_window_size(375, 812).await.expect("phone");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let (phone_names, top) = calls(&s, name).await;
    top.expect("listed on a phone");
    // A phone shows a card or two below the summary: the calls start on
    // the first screen and the new lead comes after only the calls due
    // before it (how many depends on the hour the sample was made at).
    assert_eq!(
        phone_names.iter().position(|n| n == name),
        Some(at),
        "the same order on a phone"
    );
    let first = first_call().await;
    assert!(
        first < 812.0,
        "the calls start on a phone's first screen: {first} px down"
    );
    c.set_window_size(1280, 900).await.expect("back");

    // No answer: said, and what comes next.
    tap(&s, name, "log-no-answer").await;
    let toast = s
        .wait_texts("toast-text", "the tap is answered", |t| {
            t.first().is_some_and(|t| t.contains(name))
        })
        .await;
    assert!(
        toast[0].starts_with(&format!(
            "No answer logged for {name} — attempt 1 of 3, next try after "
        )),
        "{toast:?}"
    );
    // The card moves below the calls that can be made now (its next try
    // is an hour away; past the first rows listed when many can be made)
    // and says when.
    let place = |names: &[String]| names.iter().position(|n| n == name);
    let mut now_at = Some(at);
    for _ in 0..100 {
        now_at = place(&calls(&s, name).await.0);
        if now_at.is_none_or(|p| p > at) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(
        now_at.is_none_or(|p| p > at),
        "tried: below the calls that can be made now ({at} → {now_at:?})"
    );
    for _ in 0..400 {
        if place(&calls(&s, name).await.0).is_some() {
            break;
        }
        s.eval("document.querySelector(\"[data-lane='Calls'] [data-testid='lane-more']\")?.click(); return true")
            .await;
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let detail = s
        .eval(&format!(
            r#"return [...document.querySelectorAll("[data-testid='queue-item']")].find(i => i.querySelector("[data-testid='queue-lead']").textContent === {name:?}).querySelector("[data-testid='queue-detail']").textContent"#
        ))
        .await;
    assert!(
        detail
            .as_str()
            .is_some_and(|d| d.contains("attempt 1 of 3, next try after ")),
        "{detail}"
    );
    shots(&browser, "trust-no-answer").await;
    s.click("undo").await;
    for _ in 0..100 {
        if place(&calls(&s, name).await.0) == Some(at) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(
        place(&calls(&s, name).await.0),
        Some(at),
        "undone: back in its place"
    );

    // Wrong number: no more tries, and one tap closes it as junk.
    tap(&s, name, "log-wrong-number").await;
    let toast = s
        .wait_texts("toast-text", "the wrong number is answered", |t| {
            t.first()
                .is_some_and(|t| t.starts_with("Wrong number logged"))
        })
        .await;
    // (The first tap's Undo gave the lead back to nobody: this log gives
    // it to the rep again, and says so.)
    assert!(
        toast[0].starts_with(&format!(
            "Wrong number logged for {name} — no more tries due."
        )),
        "{toast:?}"
    );
    assert_eq!(s.texts("close-junk").await, ["Close as junk: wrong number"]);
    s.click("close-junk").await;
    s.nav("nav-leads", "page-leads").await;
    let lead = leads.open(name).await;
    lead.title_and_stage().await;
    let closure = s
        .wait_texts("closure", "closed as junk", |t| !t.is_empty())
        .await;
    assert_eq!(closure[0], "Closed as junk: wrong number");

    // In Vietnamese, on a phone: the same answers in its words.
    s.nav("nav-today", "page-today").await;
    s.click("lang-toggle").await;
    s.wait_texts("lane-heading", "Vietnamese lanes", |t| {
        t.first()
            .is_some_and(|h| h.starts_with("Cuộc gọi cần thực hiện ("))
    })
    .await;
    let long = s.texts("count-long-overdue").await;
    assert!(long[0].ends_with(" trễ lâu"), "{long:?}");
    let (names, _) = calls(&s, "").await;
    let first = names[0].clone();
    tap(&s, &first, "log-no-answer").await;
    let toast = s
        .wait_texts("toast-text", "answered in Vietnamese", |t| {
            t.first().is_some_and(|t| t.contains(&first))
        })
        .await;
    assert!(
        toast[0].starts_with(&format!("Đã ghi “Không nghe máy” cho {first} — ")),
        "{toast:?}"
    );
    // The card moves to where the lead now belongs: below the calls that
    // can be made now (its next try is an hour away), or out of the calls.
    if names.len() > 1 {
        let mut after = Vec::new();
        for _ in 0..100 {
            after = calls(&s, "").await.0;
            if after.first() != Some(&first) {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert_ne!(
            after.first(),
            Some(&first),
            "the tried lead moved down: {after:?}"
        );
    }
    browser.screenshot("trust-today-vi", 375).await;
    s.click("undo").await;
    s.click("lang-toggle").await;
    browser.close().await;
}

/// A note is its words: the form asks for them (and nothing a note does not
/// have), refuses an empty or too long note with the reason, shows the text
/// as text on the timeline, finds it by its words, keeps it through a
/// reload and in the activities CSV; in Vietnamese at both widths.
#[tokio::test]
async fn a_note_holds_words_and_a_call_what_the_customer_said() {
    let (_server, browser) = open("trust-note", "leads").await;
    let c = &browser.client;
    let leads = LeadsPage::new(c);
    leads.wait_ready().await;
    let name = "Lê Văn Ghi";
    leads.add_lead(name, "0912 000 777", "Zalo").await;
    let lead = leads.open(name).await;
    lead.title_and_stage().await;
    let s = Screen::new(c);
    s.select("log-kind", "note").await;
    s.wait_texts("log-direction", "a note has no direction", |t| t.is_empty())
        .await;
    assert!(s.texts("log-outcome").await.is_empty(), "nor an outcome");
    let label = s
        .eval("return document.querySelector(\"label[for='log-note']\").textContent")
        .await;
    assert_eq!(label, "Note");
    // Empty: refused, said, nothing logged.
    s.click("log-activity").await;
    s.wait_texts("log-note-error", "an empty note is refused", |t| {
        t.concat() == "Write the note first: a note needs text."
    })
    .await;
    assert!(s.texts("activity-entry").await.is_empty());
    // Too long: refused with the count.
    s.set_value("log-note", &"a".repeat(2001), 0).await;
    s.wait_texts("log-note-count", "the count", |t| {
        t.concat() == "2,001 / 2,000 characters"
    })
    .await;
    s.click("log-activity").await;
    s.wait_texts("log-note-error", "a long note is refused", |t| {
        t.concat() == "The note is too long: 2,001 characters, at most 2,000. Shorten it to save."
    })
    .await;
    // Words: logged, shown as they were typed.
    let note = "Khách hẹn gọi lại thứ Hai, cần căn 2 phòng ngủ";
    s.set_value("log-note", note, 0).await;
    s.click("log-activity").await;
    s.wait_texts("activity-note", "the note is on the timeline", |t| {
        t == [note]
    })
    .await;
    let entry = s.texts("activity-entry").await;
    assert!(
        entry[0].contains("Note") && !entry[0].contains("Outbound"),
        "{entry:?}"
    );
    let toast = s
        .wait_texts("toast-text", "the note is answered", |t| !t.is_empty())
        .await;
    assert_eq!(toast[0], format!("Note logged for {name}."));
    assert_eq!(s.texts("log-note-error").await.concat(), "");
    // A call carries what the customer said; markup stays text.
    s.select("log-kind", "call").await;
    s.select("log-outcome", "busy").await;
    let said = "<b>máy bận</b> — gọi lại sau 17:00";
    s.set_value("log-note", said, 0).await;
    s.click("log-activity").await;
    s.wait_texts("activity-note", "the call's words", |t| t.len() == 2)
        .await;
    assert_eq!(
        s.eval("return document.querySelectorAll(\"[data-testid='activity-note'] b\").length")
            .await,
        0,
        "never HTML"
    );
    // Found by its words, accents and spacing aside.
    s.type_into("timeline-search", "phong   ngu").await;
    s.wait_texts("activity-note", "the search keeps the note", |t| {
        t == [note]
    })
    .await;
    s.set_value("timeline-search", "zzz", 0).await;
    s.wait_texts("timeline-none", "nothing found is said", |t| {
        t.concat() == "Nothing in this lead's history matches “zzz”."
    })
    .await;
    s.set_value("timeline-search", "", 0).await;
    shots(&browser, "trust-note").await;
    // Kept through a reload.
    c.refresh().await.expect("reload");
    LeadPage::new(c).title_and_stage().await;
    s.wait_texts("activity-note", "the notes after a reload", |t| {
        t.len() == 2 && t.contains(&note.to_owned())
    })
    .await;
    // In Vietnamese.
    s.click("lang-toggle").await;
    s.select("log-kind", "note").await;
    let label = s
        .eval("return document.querySelector(\"label[for='log-note']\").textContent")
        .await;
    assert_eq!(label, "Ghi chú");
    s.click("log-activity").await;
    s.wait_texts("log-note-error", "said in Vietnamese", |t| {
        t.concat() == "Hãy viết nội dung: ghi chú cần có chữ."
    })
    .await;
    s.eval("document.querySelector(\"[data-testid='log-form']\").scrollIntoView()")
        .await;
    shots(&browser, "trust-note-vi").await;
    s.click("lang-toggle").await;
    // The activities CSV carries the words.
    s.nav("nav-data", "page-data").await;
    s.click("export-activities-csv").await;
    let file = browser.download("csv").await;
    let text = std::fs::read_to_string(&file).expect("the CSV");
    assert!(text.contains(note), "{text}");
    assert!(text.contains(said), "{text}");
    std::fs::remove_file(&file).expect("the next download is told apart");

    // Issue 30: the care report under the funnel says how Sales worked
    // these leads — the called one answered on time, the other not yet
    // due — and exports the same.
    s.nav("nav-leads", "page-leads").await;
    leads.add_lead("Chưa Gọi", "0912 000 778", "Zalo").await;
    s.nav("nav-funnel", "page-funnel").await;
    let on_time = s
        .wait_texts("care-on-time", "the care report", |t| t.len() == 2)
        .await;
    // The lead not yet due is not counted late.
    assert_eq!(
        on_time,
        ["1 of 1 (100 %)", "1 of 1 (100 %)"],
        "the campaign and the total"
    );
    assert_eq!(
        s.texts("care-breached").await,
        ["0 of 2 (0 %)", "0 of 2 (0 %)"]
    );
    s.eval("document.querySelector(\"[data-testid='care-leads']\").open = true; document.querySelector(\"[data-testid='care-leads']\").scrollIntoView(); return true")
        .await;
    let rows = s.texts("care-lead").await;
    assert_eq!(rows.len(), 2, "{rows:?}");
    let called = rows
        .iter()
        .position(|r| r.contains(name))
        .expect("the called lead");
    let first = s.texts("care-first-response").await;
    assert!(first[called].contains(" · on time, after "), "{first:?}");
    assert_eq!(first[1 - called], "not due yet");
    let tries = s.texts("care-tries").await;
    assert!(tries[called].starts_with("1 of 3 required: "), "{tries:?}");
    assert_eq!(s.texts("care-breaches").await, ["—", "—"]);
    assert_eq!(s.texts("care-audits").await, ["—", "—"], "no audit yet");
    shots(&browser, "care-report").await;
    s.click("lang-toggle").await;
    let first = s
        .wait_texts("care-first-response", "in Vietnamese", |t| {
            t.iter().any(|f| f.contains("đúng hạn"))
        })
        .await;
    assert!(first.contains(&"chưa đến hạn".to_owned()), "{first:?}");
    // At the phone's width first, then scrolled to the report.
    c.set_window_size(375, 900).await.expect("phone");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    s.eval("document.querySelector(\"[data-testid='care-report']\").scrollIntoView(); return true")
        .await;
    browser.screenshot("care-report-vi", 375).await;
    c.set_window_size(1280, 900).await.expect("back");
    s.click("lang-toggle").await;
    // A source chosen stays when a lead is opened from the report and the
    // person comes back.
    let zalo = s
        .eval("const o = [...document.querySelectorAll(\"[data-testid='funnel-source'] option\")].find(o => o.value !== ''); return o ? o.value : null")
        .await;
    let zalo = zalo.as_str().expect("a source to choose").to_owned();
    s.select("funnel-source", &zalo).await;
    s.eval("document.querySelector(\"[data-testid='care-leads']\").open = true; document.querySelector(\"[data-testid='care-lead'] a\").click(); return true")
        .await;
    LeadPage::new(c).title_and_stage().await;
    c.back().await.expect("back to the funnel");
    s.find("care-report").await;
    assert_eq!(
        s.eval("return document.querySelector(\"[data-testid='funnel-source']\").value")
            .await,
        serde_json::Value::String(zalo),
        "the filter is kept"
    );
    s.click("care-export").await;
    let file = browser.download("csv").await;
    let text = std::fs::read_to_string(&file).expect("the care CSV");
    assert!(text.contains(",on time,"), "{text}");
    assert!(text.contains("Chưa Gọi"), "{text}");
    assert!(text.lines().any(|l| l.starts_with("total,")), "{text}");
    browser.close().await;
}

/// Issue 32 point 8: while a change is being stored, leaving or reloading
/// the page asks first (the browser's "Leave site?", which it shows when
/// the page cancels `beforeunload`); once stored, it does not.
#[tokio::test]
async fn leaving_while_a_change_is_being_stored_asks_first() {
    let (_server, browser) = open("trust-unload", "data").await;
    let c = &browser.client;
    let s = Screen::new(c);
    // What the browser asks the page before it unloads it.
    let asks = "const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;";
    s.find("data-load-sample").await;
    assert_eq!(s.eval(asks).await, false, "nothing under way: no question");
    s.select("sample-size", "10000").await;
    s.click("data-load-sample").await;
    let mut asked = false;
    for _ in 0..400 {
        if s.eval(asks).await == true {
            asked = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert!(
        asked,
        "while 10 000 leads are being stored, leaving asks first"
    );
    s.nav("nav-leads", "page-leads").await;
    s.wait_texts("lead-count", "the sample is stored", |t| {
        t.concat() == "10,000 leads"
    })
    .await;
    for _ in 0..100 {
        if s.eval(asks).await == false {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(s.eval(asks).await, false, "once stored, no question");
    browser.close().await;
}

/// Issue 29, read as a manager does: with distribution on, new leads go in
/// turn to the Sales reps receiving them, and each lead says why; a rep
/// switched off gets none; with nobody receiving a lead waits, counted in
/// Settings, and goes out once someone switches on. In Vietnamese at 375 px
/// too.
#[tokio::test]
async fn new_leads_go_in_turn_to_the_reps_receiving_them() {
    let (_server, browser) = open("trust-dist", "settings").await;
    let c = &browser.client;
    let s = Screen::new(c);
    for name in ["Lan", "Minh"] {
        s.type_into("rep-name", name).await;
        s.select("rep-team", "sales").await;
        s.click("add-rep").await;
        s.wait_texts("rep-row", "the rep is added", |t| {
            t.iter().any(|r| r.contains(name))
        })
        .await;
    }
    s.click("dist-on").await;
    s.wait_texts("dist-rep", "the Sales reps receiving", |t| t.len() == 2)
        .await;
    let pool = s.texts("dist-pool").await.concat();
    assert_eq!(pool, "No new lead is waiting for an owner.");
    browser.screenshot("dist-settings", 1280).await;

    // Ten leads imported from a file without owners: five each.
    let dir = std::env::temp_dir().join(format!("leadpact-trust-dist-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let csv = dir.join("zalo-ten.csv");
    let mut text = String::from("Full name,Phone,Source\n");
    for i in 1..=10 {
        text.push_str(&format!("Khách {i:02},0912 2000 {i:02},Zalo\n"));
    }
    std::fs::write(&csv, text).expect("write the file");
    s.nav("nav-data", "page-data").await;
    s.choose_file("import-csv", &csv).await;
    s.find("csv-preview").await;
    s.click("csv-confirm").await;
    s.wait_texts("toast-text", "the import", |t| {
        t.first()
            .is_some_and(|t| t.starts_with("10 leads imported"))
    })
    .await;
    s.nav("nav-leads", "page-leads").await;
    let leads = LeadsPage::new(c);
    let mut shown = Vec::new();
    for _ in 0..100 {
        shown = s.lead_owners().await;
        if shown.len() == 10 && shown.iter().all(|(_, o)| o != "Unassigned") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let count =
        |who: &str, list: &[(String, String)]| list.iter().filter(|(_, o)| o == who).count();
    assert_eq!(
        (count("Lan", &shown), count("Minh", &shown)),
        (5, 5),
        "in turn: {shown:?}"
    );
    let lead = leads.open("Khách 01").await;
    lead.title_and_stage().await;
    let why = s
        .wait_texts("assigned-why", "the lead says why", |t| !t.is_empty())
        .await
        .concat();
    // Ten leads of one file arrive at one instant: given one after another,
    // each counted before the next.
    assert!(
        why.starts_with("Given by rotation: ")
            && (why.contains("was next (their first lead today)")
                || why.contains("given today before")),
        "{why}"
    );

    // Minh stops receiving: the next leads are Lan's.
    s.nav("nav-settings", "page-settings").await;
    s.eval("document.querySelectorAll(\"[data-testid='dist-receiving']\")[1].click(); return true")
        .await;
    s.wait_texts("toast-text", "saved", |t| !t.is_empty()).await;
    s.nav("nav-leads", "page-leads").await;
    leads.add_lead("Khách E", "0912 100 010", "Zalo").await;
    leads.add_lead("Khách F", "0912 100 011", "Zalo").await;
    for _ in 0..100 {
        shown = s.lead_owners().await;
        if count("Lan", &shown) == 7 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        (count("Lan", &shown), count("Minh", &shown)),
        (7, 5),
        "Minh is off: {shown:?}"
    );

    // Nobody receiving: the lead waits, and Settings says so.
    s.nav("nav-settings", "page-settings").await;
    s.eval("document.querySelectorAll(\"[data-testid='dist-receiving']\")[0].click(); return true")
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    s.nav("nav-leads", "page-leads").await;
    leads.add_lead("Khách G", "0912 100 012", "Zalo").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    shown = s.lead_owners().await;
    assert!(
        shown
            .iter()
            .any(|(n, o)| n == "Khách G" && o == "Unassigned"),
        "it waits: {shown:?}"
    );
    // Its page says why, rep by rep.
    leads.open("Khách G").await.title_and_stage().await;
    let why = s
        .wait_texts("assigned-why", "the waiting lead says why", |t| {
            !t.is_empty()
        })
        .await
        .concat();
    assert_eq!(
        why,
        "Waiting for an owner: no Sales rep can take it now — Lan not receiving; Minh not receiving. It goes to the first who can, or choose an owner."
    );
    // Today shows it apart, with its allocation clock and the same why.
    s.nav("nav-today", "page-today").await;
    let heading = s
        .wait_texts("pool", "Today's pool", |t| !t.is_empty())
        .await
        .concat();
    assert!(heading.starts_with("Waiting for an owner (1)"), "{heading}");
    assert_eq!(s.texts("pool-item").await.len(), 1);
    assert!(
        s.texts("pool-item").await.concat().contains("Khách G"),
        "the waiting lead is listed"
    );
    assert!(
        s.texts("pool-clock").await.concat().starts_with("for "),
        "its clock"
    );
    assert!(
        s.texts("pool-why")
            .await
            .concat()
            .contains("Lan not receiving; Minh not receiving"),
        "why"
    );
    browser.screenshot("dist-today-pool", 375).await;
    s.nav("nav-settings", "page-settings").await;
    let pool = s
        .wait_texts("dist-pool", "the pool is counted", |t| {
            t.concat().starts_with("1 new lead")
        })
        .await
        .concat();
    assert!(pool.contains("nobody can take it now"), "{pool}");
    s.click("lang-toggle").await;
    let pool = s
        .wait_texts("dist-pool", "in Vietnamese", |t| {
            t.concat().starts_with("1 khách mới")
        })
        .await
        .concat();
    assert!(pool.contains("đang chờ người phụ trách"), "{pool}");
    browser.screenshot("dist-settings-vi", 375).await;
    // Lan switches back on: the waiting lead is hers at once.
    s.eval("document.querySelectorAll(\"[data-testid='dist-receiving']\")[0].click(); return true")
        .await;
    s.wait_texts("dist-pool", "the pool empties", |t| {
        t.concat().starts_with("Không có khách mới")
    })
    .await;
    s.click("lang-toggle").await;
    s.nav("nav-leads", "page-leads").await;
    for _ in 0..100 {
        shown = s.lead_owners().await;
        if shown.iter().any(|(n, o)| n == "Khách G" && o == "Lan") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        shown.iter().any(|(n, o)| n == "Khách G" && o == "Lan"),
        "the waiting lead went out: {shown:?}"
    );

    // Minh back on; Facebook leads go to Minh's group first; Lan's own
    // hours exclude now, so a Zalo lead goes to Minh, and says why.
    s.nav("nav-settings", "page-settings").await;
    s.eval("document.querySelectorAll(\"[data-testid='dist-receiving']\")[1].click(); return true")
        .await;
    s.wait_texts("toast-text", "saved", |t| !t.is_empty()).await;
    s.type_into("route-name", "Facebook team").await;
    s.type_into("route-sources", "facebook").await;
    s.click("add-route").await;
    let refused = s
        .wait_texts("dist-error", "a rule without reps is refused", |t| {
            !t.concat().is_empty()
        })
        .await
        .concat();
    assert_eq!(refused, "Routing rule: tick at least one rep of the group.");
    s.eval("document.querySelectorAll(\"[data-testid='route-rep']\")[1].click(); return true")
        .await;
    s.click("add-route").await;
    let rule = s
        .wait_texts("dist-route", "the rule is listed", |t| {
            t.concat().starts_with("Facebook team: facebook → Minh")
        })
        .await
        .concat();
    // No Facebook lead yet: the rule says so, in case it is a typo.
    assert!(
        rule.contains("No lead has “facebook” yet: check the spelling if it should match."),
        "{rule}"
    );
    // Two hours from now to three, in the workspace's time (Vietnam).
    let later = s
        .eval("const h = (new Date().getUTCHours() + 7 + 2) % 24; const p = n => String(n).padStart(2, '0'); return `${p(h)}:00-${p((h + 1) % 24)}:00`;")
        .await;
    s.set_value("dist-hours", "8h-12h", 0).await;
    let refused = s
        .wait_texts("dist-error", "hours that are not times", |t| {
            t.concat().contains("“8h-12h”")
        })
        .await
        .concat();
    assert!(refused.starts_with("Lan · Hours receiving:"), "{refused}");
    // Two saves of the settings in the same few milliseconds (a field,
    // then the next at once): both stay, and nothing says "changed
    // elsewhere".
    s.set_value("dist-hours", later.as_str().unwrap_or_default(), 0)
        .await;
    s.set_value("dist-within", "15", 0).await;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert_eq!(s.texts("error-text").await, Vec::<String>::new());
    s.nav("nav-leads", "page-leads").await;
    s.nav("nav-settings", "page-settings").await;
    let kept = s
        .eval("return [document.querySelectorAll(\"[data-testid='dist-hours']\")[0].value, document.querySelector(\"[data-testid='dist-within']\").value]")
        .await;
    assert_eq!(kept, serde_json::json!([later, "15"]), "both saves stay");
    browser.screenshot("dist-routes", 1280).await;
    s.nav("nav-leads", "page-leads").await;
    leads.add_lead("Khách H", "0912 100 013", "Facebook").await;
    leads.add_lead("Khách I", "0912 100 014", "Zalo").await;
    for _ in 0..100 {
        shown = s.lead_owners().await;
        if ["Khách H", "Khách I"]
            .iter()
            .all(|name| shown.iter().any(|(n, o)| n == name && o != "Unassigned"))
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let owner = |name: &str| {
        shown
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, o)| o.clone())
    };
    assert_eq!(owner("Khách H").as_deref(), Some("Minh"), "{shown:?}");
    assert_eq!(owner("Khách I").as_deref(), Some("Minh"), "{shown:?}");
    leads.open("Khách H").await.title_and_stage().await;
    let why = s
        .wait_texts("assigned-why", "the group is named", |t| !t.is_empty())
        .await
        .concat();
    assert!(
        why.starts_with("Given by rotation in group Facebook team: Minh was next"),
        "{why}"
    );
    assert!(why.contains("Lan outside their hours"), "{why}");
    // The founder gives it to Lan by hand: the rules' why no longer holds,
    // and the page says since when Lan has it instead.
    let lan = s
        .eval("return [...document.querySelectorAll(\"[data-testid='lead-owner'] option\")].find(o => o.textContent === 'Lan').value")
        .await;
    s.select("lead-owner", lan.as_str().unwrap_or_default())
        .await;
    let since = s
        .wait_texts("assigned-why", "a hand assignment says since when", |t| {
            t.concat().starts_with("Owner since ")
        })
        .await
        .concat();
    assert!(!since.contains("rotation"), "{since}");

    // The scorecard: how fast leads got an owner, loads against caps, the
    // capacity plan (nothing closed yet: no plan, said so).
    s.nav("nav-scorecard", "page-scorecard").await;
    let time = s
        .wait_texts("allocation-time", "the allocation card", |t| !t.is_empty())
        .await
        .concat();
    assert!(
        time.starts_with("15 new leads arrived; 15 got an owner — median"),
        "{time}"
    );
    assert_eq!(
        s.texts("allocation-target").await.concat(),
        "Target: an owner within 15 min — 0 over it."
    );
    assert_eq!(s.texts("rep-load").await.len(), 2);
    let plan = s.texts("capacity-plan").await.concat();
    assert!(
        plan.contains("no lead was won or lost in the last 90 days"),
        "{plan}"
    );
    shots(&browser, "dist-scorecard").await;
    browser.close().await;
}

/// Issue 28, point 3: every stage move offers Undo, and Undo leaves no
/// trace in the lead's history; a closed (won) lead moves only once the
/// person confirms, on its page and in the list's bulk move. In English
/// and Vietnamese.
#[tokio::test]
async fn a_stage_move_can_be_taken_back_and_a_won_deal_moves_only_when_asked() {
    let (_server, browser) = open("trust-undo", "leads").await;
    let c = &browser.client;
    let s = Screen::new(c);
    let leads = LeadsPage::new(c);
    leads.add_lead("Khách Undo", "0912 300 001", "Zalo").await;
    leads.advance("Khách Undo", "Interested").await;
    let said = s
        .wait_texts("toast-text", "the move is said", |t| !t.is_empty())
        .await
        .concat();
    assert_eq!(said, "Khách Undo moved to Interested.");
    s.click("undo").await;
    for _ in 0..100 {
        if leads
            .rows()
            .await
            .iter()
            .any(|r| r.name == "Khách Undo" && r.stage == "New")
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(
        leads
            .rows()
            .await
            .iter()
            .any(|r| r.name == "Khách Undo" && r.stage == "New"),
        "Undo puts it back: {:?}",
        leads.rows().await
    );
    let lead = leads.open("Khách Undo").await;
    lead.title_and_stage().await;
    assert_eq!(
        lead.history_len().await,
        1,
        "the move taken back left no trace"
    );

    // Won on its page: no question for an open lead.
    s.select("lead-move", "won").await;
    s.wait_texts("lead-stage", "won", |t| t.concat() == "Won")
        .await;
    assert!(s.texts("confirm-move").await.is_empty());
    // Moving the won deal asks first; Cancel keeps it won.
    s.select("lead-move", "qualified").await;
    let asked = s
        .wait_texts("confirm-move", "a closed lead asks", |t| t.len() == 1)
        .await
        .concat();
    assert!(asked.contains("This lead is closed"), "{asked}");
    shots(&browser, "trust-reopen-confirm").await;
    s.click("confirm-move-no").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(s.texts("lead-stage").await.concat(), "Won");
    // In Vietnamese, then confirmed: moved, and Undo makes it won again.
    s.click("lang-toggle").await;
    s.select("lead-move", "qualified").await;
    let asked = s
        .wait_texts("confirm-move", "asked in Vietnamese", |t| t.len() == 1)
        .await
        .concat();
    assert!(asked.contains("Khách hàng này đã đóng"), "{asked}");
    s.click("confirm-move-yes").await;
    s.wait_texts("lead-stage", "reopened", |t| t.concat() == "Đủ điều kiện")
        .await;
    let said = s
        .wait_texts("toast-text", "said in Vietnamese", |t| !t.is_empty())
        .await
        .concat();
    assert_eq!(said, "Đã chuyển Khách Undo sang Đủ điều kiện.");
    s.click("undo").await;
    s.wait_texts("lead-stage", "won again", |t| {
        t.concat() == "Chốt thành công"
    })
    .await;
    s.click("lang-toggle").await;
    // Closing the won deal as lost asks too, and then says so with Undo.
    s.type_into("close-reason", "Khách đổi ý").await;
    s.click("mark-lost").await;
    let asked = s
        .wait_texts("confirm-move", "closing a won deal asks", |t| t.len() == 1)
        .await
        .concat();
    assert!(asked.contains("This deal is won"), "{asked}");
    assert_eq!(s.texts("lead-stage").await.concat(), "Won", "nothing yet");
    s.click("confirm-move-yes").await;
    s.wait_texts("lead-stage", "lost", |t| t.concat() == "Lost")
        .await;
    s.wait_texts("toast-text", "the close is said", |t| {
        t.concat() == "Khách Undo closed as lost."
    })
    .await;
    s.click("undo").await;
    s.wait_texts("lead-stage", "won once more", |t| t.concat() == "Won")
        .await;

    // The list's bulk move with the won deal selected asks too.
    s.nav("nav-leads", "page-leads").await;
    leads.wait_rows(1).await;
    s.click("select-lead").await;
    s.select("bulk-stage", "new").await;
    s.wait_texts("confirm-move", "the bulk move asks", |t| t.len() == 1)
        .await;
    s.click("confirm-move-no").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(
        leads
            .rows()
            .await
            .iter()
            .any(|r| r.name == "Khách Undo" && r.stage == "Won"),
        "nothing moved: {:?}",
        leads.rows().await
    );
    // A bulk move to Won closes a deal for each: it asks, in those words.
    s.select("bulk-stage", "won").await;
    let asked = s
        .wait_texts("confirm-move", "a bulk win asks", |t| t.len() == 1)
        .await
        .concat();
    assert!(
        asked.contains("Mark all the selected leads as won?"),
        "{asked}"
    );
    s.click("confirm-move-no").await;
    browser.close().await;
}
