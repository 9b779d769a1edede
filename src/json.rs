//! Conversions between domain values and `serde_json::Value`, through JSON
//! text. `serde_json::to_value` / `from_value` would compile a second
//! (de)serializer for every type they touch; the text path reuses the one
//! storage needs anyway (measured in BENCHMARKS.md, "Browser build"). The
//! values converted are one lead or one document at a time.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A value as JSON.
pub fn to_value<T: Serialize + ?Sized>(t: &T) -> Result<Value, serde_json::Error> {
    serde_json::from_str(&serde_json::to_string(t)?)
}

/// A value from JSON.
pub fn from_value<T: DeserializeOwned>(v: Value) -> Result<T, serde_json::Error> {
    serde_json::from_str(&v.to_string())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #[test]
    fn the_text_path_gives_what_serde_json_gives() {
        let v = serde_json::json!({"a": [1, 2.5, "x", null], "b": {"c": true}});
        let round: serde_json::Value = super::from_value(v.clone()).unwrap();
        assert_eq!(round, v);
        assert_eq!(
            super::to_value(&v).unwrap(),
            serde_json::to_value(&v).unwrap()
        );
    }
}
