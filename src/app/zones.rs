//! The browser's timezones for `domain::zone`: offsets read from
//! `Intl.DateTimeFormat` (every IANA zone the browser knows, with its own
//! up-to-date rules), so the wasm ships no timezone tables.

use crate::domain::zone::{self, OffsetSource};
use js_sys::{Array, Date, Object, Reflect};
use wasm_bindgen::JsValue;

/// Offsets from `Intl`.
pub struct Intl;

impl Intl {
    fn format(name: &str) -> Option<js_sys::Intl::DateTimeFormat> {
        let options = Object::new();
        for (k, v) in [
            ("timeZone", name),
            ("hourCycle", "h23"),
            ("year", "numeric"),
            ("month", "numeric"),
            ("day", "numeric"),
            ("hour", "numeric"),
            ("minute", "numeric"),
            ("second", "numeric"),
        ] {
            Reflect::set(&options, &k.into(), &v.into()).ok()?;
        }
        let locales = Array::of1(&"en-US".into());
        // Constructed through Reflect: an unknown zone throws a RangeError,
        // which must come back as an error, not a trap.
        let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
        let ctor: js_sys::Function = Reflect::get(&intl, &"DateTimeFormat".into()).ok()?.into();
        let args = Array::of2(&locales, &options);
        Reflect::construct(&ctor, &args).ok().map(Into::into)
    }

    /// "M/D/YYYY, HH:MM:SS" to seconds since the epoch, as if UTC.
    fn parse(text: &str) -> Option<i64> {
        let (date, time) = text.split_once(", ")?;
        let mut d = date.split('/').map(|p| p.trim().parse::<i64>().ok());
        let (m, day, y) = (d.next()??, d.next()??, d.next()??);
        let mut t = time.split(':').map(|p| p.trim().parse::<i64>().ok());
        let (h, min, s) = (t.next()??, t.next()??, t.next()??);
        let date = chrono::NaiveDate::from_ymd_opt(y as i32, m as u32, day as u32)?;
        Some(date.and_hms_opt(0, 0, 0)?.and_utc().timestamp() + h * 3600 + min * 60 + s)
    }
}

thread_local! {
    /// The last zone's formatter (a table is built from thousands of calls
    /// on one zone).
    static LAST: std::cell::RefCell<Option<(String, js_sys::Intl::DateTimeFormat)>> =
        const { std::cell::RefCell::new(None) };
}

impl OffsetSource for Intl {
    fn offset(&self, name: &str, utc: i64) -> Option<i32> {
        let format = LAST.with_borrow_mut(|last| match last {
            Some((n, f)) if n == name => Some(f.clone()),
            _ => {
                let f = Intl::format(name)?;
                *last = Some((name.to_owned(), f.clone()));
                Some(f)
            }
        })?;
        let date = Date::new(&JsValue::from_f64(utc as f64 * 1000.0));
        let text = format.format().call1(&format, &date).ok()?.as_string()?;
        let local = Intl::parse(&text)?;
        i32::try_from(local - utc).ok()
    }
}

/// Makes the browser's timezones those of `domain::zone` (once, at start).
pub fn install() {
    zone::install(Box::new(Intl));
}
