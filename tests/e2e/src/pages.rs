//! Page objects: what a person sees and does, found by `data-testid`.

use fantoccini::elements::Element;
use fantoccini::{Client, Locator};
use std::time::Duration;

fn testid(id: &str) -> String {
    format!("[data-testid='{id}']")
}

/// A lead row as shown in the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The name cell.
    pub name: String,
    /// The stage badge.
    pub stage: String,
}

/// The leads page: the form and the list.
pub struct LeadsPage<'a> {
    c: &'a Client,
}

impl<'a> LeadsPage<'a> {
    /// Wraps a client already on the page.
    pub fn new(c: &'a Client) -> Self {
        LeadsPage { c }
    }

    async fn find(&self, id: &str) -> Element {
        self.c
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(Locator::Css(&testid(id)))
            .await
            .unwrap_or_else(|e| panic!("element {id} not found: {e}"))
    }

    /// Waits until the store is open and the form is enabled.
    pub async fn wait_ready(&self) {
        let button = self.find("add-lead").await;
        for _ in 0..300 {
            if button
                .attr("disabled")
                .await
                .expect("read disabled")
                .is_none()
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the add-lead button never became enabled (store not ready)");
    }

    /// Chooses a backup file to import and confirms the replacement.
    pub async fn import_backup(&self, path: &std::path::Path) {
        self.choose_backup(path).await;
        self.find("confirm-replace")
            .await
            .click()
            .await
            .expect("confirm");
    }

    /// Chooses a backup file in the import input (no confirmation).
    pub async fn choose_backup(&self, path: &std::path::Path) {
        let path = path.canonicalize().expect("fixture path");
        self.find("import-backup")
            .await
            .send_keys(&path.display().to_string())
            .await
            .expect("choose file");
    }

    /// Clicks "export backup".
    pub async fn export_backup(&self) {
        self.find("export-backup")
            .await
            .click()
            .await
            .expect("export");
    }

    /// The text in the app's error area.
    pub async fn error_text(&self) -> String {
        self.find("error-text")
            .await
            .text()
            .await
            .expect("error text")
    }

    /// Clicks "load sample data" in the empty state and waits for `n` rows.
    pub async fn load_sample(&self, n: usize) -> Vec<Row> {
        self.find("load-sample")
            .await
            .click()
            .await
            .expect("click load sample");
        self.wait_rows(n).await
    }

    /// Fills the form and submits it, then waits for the row to appear.
    pub async fn add_lead(&self, name: &str, phone: &str, source: &str) {
        let before = self.rows().await.len();
        self.find("lead-name")
            .await
            .send_keys(name)
            .await
            .expect("type name");
        self.find("lead-phone")
            .await
            .send_keys(phone)
            .await
            .expect("type phone");
        self.find("lead-source")
            .await
            .select_by_value(source)
            .await
            .expect("choose source");
        self.find("add-lead").await.click().await.expect("submit");
        self.wait_rows(before + 1).await;
    }

    /// Waits until the list shows `n` rows.
    pub async fn wait_rows(&self, n: usize) -> Vec<Row> {
        for _ in 0..300 {
            let rows = self.rows().await;
            if rows.len() == n {
                return rows;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("expected {n} lead rows, found {:?}", self.rows().await);
    }

    /// Every row, top to bottom.
    pub async fn rows(&self) -> Vec<Row> {
        // One script reads the whole table at once, so a re-render between
        // finding a row and reading it cannot leave a stale element.
        let script = r#"return [...document.querySelectorAll("[data-testid='lead-row']")].map(r => [
            r.querySelector("[data-testid='lead-link']").textContent,
            r.querySelector("[data-testid='lead-stage']").textContent]);"#;
        let value = self
            .c
            .execute(script, vec![])
            .await
            .expect("read the lead rows");
        serde_json::from_value::<Vec<(String, String)>>(value)
            .expect("rows as [name, stage] pairs")
            .into_iter()
            .map(|(name, stage)| Row { name, stage })
            .collect()
    }

    /// The ids of the leads the list shows (names may repeat; ids do not).
    pub async fn row_ids(&self) -> Vec<String> {
        let value = self
            .c
            .execute(
                r#"return [...document.querySelectorAll("[data-testid='lead-row']")].map(r => r.dataset.leadId);"#,
                vec![],
            )
            .await
            .expect("read the lead ids");
        serde_json::from_value(value).expect("ids")
    }

    /// The row of the lead named `name`, retried while the list re-renders.
    async fn row(&self, name: &str) -> Element {
        for _ in 0..100 {
            if let Ok(rows) = self.c.find_all(Locator::Css(&testid("lead-row"))).await {
                for row in rows {
                    let Ok(link) = row.find(Locator::Css(&testid("lead-link"))).await else {
                        break;
                    };
                    match link.text().await {
                        Ok(text) if text == name => return row,
                        Ok(_) => {}
                        Err(_) => break,
                    }
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("no row for lead {name}: {:?}", self.rows().await);
    }

    /// Clicks "next stage" on a lead's row and waits for its stage to become `expected`.
    pub async fn advance(&self, name: &str, expected: &str) {
        let row = self.row(name).await;
        row.find(Locator::Css(&testid("advance")))
            .await
            .expect("advance button")
            .click()
            .await
            .expect("click");
        for _ in 0..300 {
            if self
                .rows()
                .await
                .iter()
                .any(|r| r.name == name && r.stage == expected)
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "lead {name} did not reach {expected}: {:?}",
            self.rows().await
        );
    }

    /// Clicks "next stage" on a lead's row without waiting for the result
    /// (as a script: a toast may cover the button).
    pub async fn click_advance(&self, name: &str) {
        let row = self.row(name).await;
        let button = row
            .find(Locator::Css(&testid("advance")))
            .await
            .expect("advance button");
        self.c
            .execute(
                "arguments[0].click()",
                vec![serde_json::to_value(button).expect("element")],
            )
            .await
            .expect("click");
    }

    /// Follows a lead's link to its page.
    pub async fn open(&self, name: &str) -> LeadPage<'a> {
        let row = self.row(name).await;
        row.find(Locator::Css(&testid("lead-link")))
            .await
            .expect("link")
            .click()
            .await
            .expect("click");
        LeadPage { c: self.c }
    }
}

/// One lead's page.
pub struct LeadPage<'a> {
    c: &'a Client,
}

impl<'a> LeadPage<'a> {
    /// Wraps a client already on a lead page.
    pub fn new(c: &'a Client) -> Self {
        LeadPage { c }
    }

    /// Waits for the card and returns (title, stage).
    pub async fn title_and_stage(&self) -> (String, String) {
        let card = Screen::new(self.c).find("lead-card").await;
        let title = card
            .find(Locator::Css(&testid("lead-title")))
            .await
            .expect("title")
            .text()
            .await
            .expect("text");
        let stage = card
            .find(Locator::Css(&testid("lead-stage")))
            .await
            .expect("stage")
            .text()
            .await
            .expect("text");
        (title, stage)
    }

    /// The text of one SLA clock (`clock-first-response`, `clock-attempts`, …).
    pub async fn clock(&self, id: &str) -> String {
        Screen::new(self.c)
            .find(id)
            .await
            .text()
            .await
            .expect("clock text")
    }

    /// Number of stage-history entries.
    pub async fn history_len(&self) -> usize {
        self.c
            .find_all(Locator::Css(&testid("history-entry")))
            .await
            .expect("history")
            .len()
    }
}

/// Any screen: navigation and the few generic moves the journeys need,
/// always by `data-testid`. Reads go through one script so a re-render
/// between finding and reading an element cannot break a test.
pub struct Screen<'a> {
    c: &'a Client,
}

impl<'a> Screen<'a> {
    /// Wraps a client.
    pub fn new(c: &'a Client) -> Self {
        Screen { c }
    }

    /// Waits for an element and returns it.
    pub async fn find(&self, id: &str) -> Element {
        self.c
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(Locator::Css(&testid(id)))
            .await
            .unwrap_or_else(|e| panic!("element {id} not found: {e}"))
    }

    /// Clicks a main-navigation link (`nav-today`, `nav-data`…) and waits for its page.
    pub async fn nav(&self, link: &str, page: &str) {
        self.click(link).await;
        self.find(page).await;
    }

    /// Clicks the first element with this test id (when something covers
    /// it, such as a toast, after a few tries as a script would).
    pub async fn click(&self, id: &str) {
        for attempt in 0..50 {
            let el = self.find(id).await;
            if el.clone().click().await.is_ok() {
                return;
            }
            if attempt >= 5
                && self
                    .c
                    .execute(
                        "arguments[0].click()",
                        vec![serde_json::to_value(el).expect("element")],
                    )
                    .await
                    .is_ok()
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("could not click {id}");
    }

    /// Types into an input.
    pub async fn type_into(&self, id: &str, text: &str) {
        self.find(id).await.send_keys(text).await.expect("type");
    }

    /// Replaces an input's value and fires `change` (number inputs).
    pub async fn set_value(&self, id: &str, value: &str, nth: usize) {
        let script = format!(
            r#"const el = document.querySelectorAll("[data-testid='{id}']")[{nth}];
               el.value = arguments[0];
               el.dispatchEvent(new Event('input', {{bubbles: true}}));
               el.dispatchEvent(new Event('change', {{bubbles: true}}));"#
        );
        self.c
            .execute(&script, vec![value.into()])
            .await
            .expect("set value");
    }

    /// Chooses an option of a select by value. A page drawn again between
    /// finding the select and choosing (a change just stored re-renders
    /// it) leaves a stale element: it is found again, as a person would
    /// simply choose again.
    pub async fn select(&self, id: &str, value: &str) {
        for _ in 0..20 {
            match self.find(id).await.select_by_value(value).await {
                Ok(()) => return,
                Err(e) if e.is_stale_element_reference() => {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => panic!("choose option {value} of {id}: {e}"),
            }
        }
        panic!("choose option {value} of {id}: the select kept being drawn again");
    }

    /// Chooses a file in a file input.
    pub async fn choose_file(&self, id: &str, path: &std::path::Path) {
        let path = path.canonicalize().expect("fixture path");
        self.find(id)
            .await
            .send_keys(&path.display().to_string())
            .await
            .expect("choose file");
    }

    /// Texts of every element with this test id, in document order.
    pub async fn texts(&self, id: &str) -> Vec<String> {
        let script = format!(
            r#"return [...document.querySelectorAll("[data-testid='{id}']")].map(e => e.textContent);"#
        );
        let v = self.c.execute(&script, vec![]).await.expect("read texts");
        serde_json::from_value(v).expect("strings")
    }

    /// Texts of `inner` elements inside the `outer` element whose
    /// `attr` attribute is `value` (e.g. a row's cells by its data-kpi).
    pub async fn texts_in(&self, outer: &str, attr: &str, value: &str, inner: &str) -> Vec<String> {
        let script = format!(
            r#"const o = [...document.querySelectorAll("[data-testid='{outer}']")].find(e => e.getAttribute('{attr}') === arguments[0]);
               return o ? [...o.querySelectorAll("[data-testid='{inner}']")].map(e => e.textContent) : [];"#
        );
        let v = self
            .c
            .execute(&script, vec![value.into()])
            .await
            .expect("read texts");
        serde_json::from_value(v).expect("strings")
    }

    /// Waits until `check` holds for the texts of `id`; returns them.
    pub async fn wait_texts(
        &self,
        id: &str,
        what: &str,
        check: impl Fn(&[String]) -> bool,
    ) -> Vec<String> {
        for _ in 0..300 {
            let t = self.texts(id).await;
            if check(&t) {
                return t;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("{what}: {id} shows {:?}", self.texts(id).await);
    }

    /// The lead list's (name, owner) pairs, in the order shown.
    pub async fn lead_owners(&self) -> Vec<(String, String)> {
        let v = self
            .eval(
                r#"return [...document.querySelectorAll("[data-testid='lead-row']")].map(r => [
            r.querySelector("[data-testid='lead-link']").textContent,
            r.querySelector("[data-testid='lead-owner-cell']").textContent]);"#,
            )
            .await;
        serde_json::from_value(v).expect("names and owners")
    }

    /// Runs a script and returns its value.
    pub async fn eval(&self, script: &str) -> serde_json::Value {
        self.c.execute(script, vec![]).await.expect("script")
    }
}
