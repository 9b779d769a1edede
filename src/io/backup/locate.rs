//! Where in a JSON text a parse error lies, as a path (`[3].phone`): the
//! error's line and column give an offset, and the path walks down the
//! objects and lists whose text holds it. One generic walk over raw JSON
//! instead of a second, path-tracking parse of every record type.

use serde_json::value::RawValue;
use std::collections::BTreeMap;

/// The path (from `text`) of the value a parse error `e` of `text` is about.
///
/// serde_json reports the last byte it read: inside a bad string, or at the
/// `}` of an object missing a field; after a number, the byte it peeked at
/// to see the number end (whitespace, `,`, `}`, `]`), so such a position is
/// taken back to the number's last digit — unless a field is missing, which
/// is said of the object.
pub fn error_path(text: &str, e: &serde_json::Error) -> String {
    let mut at = offset(text, e.line(), e.column());
    let missing = e.to_string().starts_with("missing field");
    if !missing && !text.as_bytes().get(at).is_some_and(u8::is_ascii_digit) {
        let before = text[..at].trim_end();
        if before.as_bytes().last().is_some_and(u8::is_ascii_digit) {
            at = before.len() - 1;
        }
    }
    path_at(text, at)
}

/// The byte offset in `text` of a 1-based `line` and `column` (as
/// `serde_json::Error` reports them; 0 means the end of the text).
pub fn offset(text: &str, line: usize, column: usize) -> usize {
    if line == 0 {
        return text.len();
    }
    let start: usize = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    (start + column.saturating_sub(1)).min(text.len())
}

/// The path, from `text` (one JSON value), of the innermost value whose text
/// holds the byte at `offset`: `[3].phone`, `.week.mon[0]`, or nothing for
/// `text` itself.
pub fn path_at(text: &str, offset: usize) -> String {
    let base = text.as_ptr() as usize;
    let holds = |raw: &RawValue| {
        let start = raw.get().as_ptr() as usize - base;
        start <= offset && offset < start + raw.get().len()
    };
    let mut path = String::new();
    let mut node = text;
    loop {
        let next = match node.trim_start().as_bytes().first() {
            Some(b'{') => serde_json::from_str::<BTreeMap<String, &RawValue>>(node)
                .ok()
                .and_then(|map| {
                    map.into_iter()
                        .find(|(_, v)| holds(v))
                        .map(|(k, v)| (format!(".{k}"), v.get()))
                }),
            Some(b'[') => serde_json::from_str::<Vec<&RawValue>>(node)
                .ok()
                .and_then(|list| {
                    list.into_iter()
                        .enumerate()
                        .find(|(_, v)| holds(v))
                        .map(|(i, v)| (format!("[{i}]"), v.get()))
                }),
            _ => None,
        };
        match next {
            Some((step, inner)) if inner.len() < node.len() => {
                path.push_str(&step);
                node = inner;
            }
            _ => return path,
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn at(text: &str, needle: &str) -> String {
        path_at(text, text.find(needle).unwrap())
    }

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Rec {
        a: u8,
        #[serde(deserialize_with = "small")]
        b: u8,
    }

    fn small<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u8, D::Error> {
        let v: u8 = serde::Deserialize::deserialize(d)?;
        if v > 5 {
            return Err(serde::de::Error::custom("too big"));
        }
        Ok(v)
    }

    #[test]
    fn an_error_is_said_of_the_value_it_is_about() {
        for (text, path) in [
            // A number refused after the parser peeked past it.
            ("{\n  \"a\": 1,\n  \"b\": 9\n}", ".b"),
            ("[{\"a\":1,\"b\":9}, {\"a\":1}]", "[0].b"),
            ("[{\"a\":1,\"b\":2}, {\"a\":1,\"b\":9 }]", "[1].b"),
            // A field missing: the object.
            ("{\n  \"a\": 1\n}", ""),
            ("[{\"a\":1,\"b\":2}, {\"a\":1}]", "[1]"),
            // A string of the wrong type.
            ("{\n  \"a\": \"x\",\n  \"b\": 1\n}", ".a"),
            ("[{\"a\":1,\"b\":\"9\"}]", "[0].b"),
        ] {
            let e = if text.starts_with('[') {
                serde_json::from_str::<Vec<Rec>>(text).unwrap_err()
            } else {
                serde_json::from_str::<Rec>(text).unwrap_err()
            };
            assert_eq!(error_path(text, &e), path, "{text}: {e}");
        }
    }

    #[test]
    fn a_position_is_named_by_the_values_that_hold_it() {
        let text = r#"[{"id":1,"phone":"x"},
 {"id":2,"history":[{"to":"new"},{"to":"bad"}],"closure":{"reason":7}}]"#;
        assert_eq!(at(text, "\"x\""), "[0].phone");
        assert_eq!(at(text, "\"bad\""), "[1].history[1].to");
        assert_eq!(at(text, "7}"), "[1].closure.reason");
        assert_eq!(path_at(text, 0), "");
        // Line 2, column 2 is the second record's opening brace.
        assert_eq!(path_at(text, offset(text, 2, 2)), "[1]");
        assert_eq!(offset(text, 0, 0), text.len());
    }
}
