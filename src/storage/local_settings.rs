//! Small UI preferences in localStorage (never workspace data).

use crate::ui::i18n::Lang;

const LANG_KEY: &str = "leadpact.lang";

/// The saved language, else the browser's, else English.
pub fn initial_lang() -> Lang {
    #[cfg(target_arch = "wasm32")]
    {
        use gloo_storage::Storage;
        if let Ok(tag) = gloo_storage::LocalStorage::get::<String>(LANG_KEY) {
            return Lang::from_tag(&tag);
        }
        web_sys::window()
            .and_then(|w| w.navigator().language())
            .map(|tag| Lang::from_tag(&tag))
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Lang::default()
    }
}

/// Remembers the language and sets `<html lang>`. Storage failures (private
/// mode) only mean the choice is not remembered.
pub fn apply_lang(lang: Lang) {
    #[cfg(target_arch = "wasm32")]
    {
        use gloo_storage::Storage;
        let _ = gloo_storage::LocalStorage::set(LANG_KEY, lang.tag());
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.tag());
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (lang, LANG_KEY);
}

/// When a backup of workspace `db` was last downloaded from this browser.
pub fn last_backup(db: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    read_instant(&format!("leadpact.backup.{db}"))
}

/// Remembers that a backup of workspace `db` was downloaded at `at`.
pub fn set_last_backup(db: &str, at: chrono::DateTime<chrono::Utc>) {
    write_instant(&format!("leadpact.backup.{db}"), at);
}

/// When workspace `db` was first opened in this browser (recorded at `now`
/// the first time it is asked).
pub fn first_use(db: &str, now: chrono::DateTime<chrono::Utc>) -> chrono::DateTime<chrono::Utc> {
    let key = format!("leadpact.since.{db}");
    read_instant(&key).unwrap_or_else(|| {
        write_instant(&key, now);
        now
    })
}

fn read_instant(key: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    #[cfg(target_arch = "wasm32")]
    {
        use gloo_storage::Storage;
        gloo_storage::LocalStorage::get::<String>(key)
            .ok()
            .and_then(|t| crate::domain::instant::parse(&t))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = key;
        None
    }
}

fn write_instant(key: &str, at: chrono::DateTime<chrono::Utc>) {
    #[cfg(target_arch = "wasm32")]
    {
        use gloo_storage::Storage;
        let _ = gloo_storage::LocalStorage::set(key, at.to_rfc3339());
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (key, at);
}

/// A small text this browser keeps for the workspace `db` (`name`: what it
/// is), or None.
pub fn text(db: &str, name: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        use gloo_storage::Storage;
        gloo_storage::LocalStorage::get::<String>(format!("leadpact.{name}.{db}")).ok()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (db, name);
        None
    }
}

/// Keeps (or, with None, forgets) a small text for the workspace `db`.
pub fn set_text(db: &str, name: &str, value: Option<&str>) {
    #[cfg(target_arch = "wasm32")]
    {
        use gloo_storage::Storage;
        let key = format!("leadpact.{name}.{db}");
        match value {
            Some(v) => {
                let _ = gloo_storage::LocalStorage::set(key, v);
            }
            None => gloo_storage::LocalStorage::delete(key),
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (db, name, value);
}
