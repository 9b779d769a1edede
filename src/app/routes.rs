//! Typed routes and the base path the app is served under.
//!
//! On GitHub Pages the app lives under `/<repo>/`; trunk writes that public URL
//! into `<base href>`, and the router takes its base from there. Links are
//! built only through [`Page::href`], never from strings in views.

use crate::domain::lead::LeadId;

/// Every page of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// The work queue (start page).
    Today,
    /// The lead list with the new-lead form.
    Leads,
    /// One lead.
    Lead(LeadId),
    /// Stage columns.
    Board,
    /// Stage funnel.
    Funnel,
    /// KPI scorecard.
    Scorecard,
    /// Pipeline, SLA, calendar, reps.
    Settings,
    /// Backups, CSV import/export, sample data, erase.
    Data,
}

impl Page {
    /// The path inside the app, without the base.
    pub fn path(&self) -> String {
        match self {
            Page::Today => "/".to_owned(),
            Page::Leads => "/leads".to_owned(),
            Page::Lead(id) => format!("/leads/{id}"),
            Page::Board => "/board".to_owned(),
            Page::Funnel => "/funnel".to_owned(),
            Page::Scorecard => "/scorecard".to_owned(),
            Page::Settings => "/settings".to_owned(),
            Page::Data => "/data".to_owned(),
        }
    }

    /// The full link target, base included.
    pub fn href(&self) -> String {
        format!("{}{}", base_path(), self.path())
    }
}

/// The router base for a `<base href>` value: its path without the trailing
/// slash, and `""` at the site root. Absolute URLs are reduced to their path.
pub fn base_from_href(href: &str) -> String {
    let path = match href.find("://") {
        Some(scheme_end) => {
            let rest = &href[scheme_end + 3..];
            rest.find('/').map_or("/", |i| &rest[i..])
        }
        None => href,
    };
    path.trim_end_matches('/').to_owned()
}

/// The base path of this page, from `<base href>` (empty without one).
pub fn base_path() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("base[href]").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlBaseElement>().ok())
            .and_then(|b| b.get_attribute("href"))
            .map(|href| base_from_href(&href))
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths() {
        for (href, base) in [
            ("/", ""),
            ("/leadpact/", "/leadpact"),
            ("/leadpact", "/leadpact"),
            ("https://me.github.io/leadpact/", "/leadpact"),
            ("https://me.github.io", ""),
            ("", ""),
        ] {
            assert_eq!(base_from_href(href), base, "href {href:?}");
        }
    }

    #[test]
    fn page_paths() {
        let id: LeadId = "67e55044-10b1-426f-9247-bb680e5fe0c8".parse().unwrap();
        assert_eq!(Page::Today.path(), "/");
        assert_eq!(Page::Leads.path(), "/leads");
        assert_eq!(
            Page::Lead(id).path(),
            "/leads/67e55044-10b1-426f-9247-bb680e5fe0c8"
        );
    }
}
