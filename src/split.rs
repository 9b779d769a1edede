//! Split points: functions whose code — and whatever only they use — moves
//! out of the first load into a wasm module of its own, fetched the first
//! time one is called.
//!
//! With the `split` feature (the release build: index.html) each is a split
//! point of `wasm_split` (re-exported by Leptos), which
//! `tools/postbuild.mjs` cuts out with `wasm-split-cli` (`tools/split.mjs`)
//! into `split_<name>.wasm`, precached by the service worker for offline
//! use. Without the feature (native tests, and the tests in a browser,
//! which run wasm-bindgen without the split) they are plain `async`
//! functions.
//!
//! Either way a call is `async` and returns `Err(SplitLoaderError)` when
//! the module cannot be fetched (the network cut before the service worker
//! kept it): the split points are `fallible`, so a failed fetch is an error
//! the caller says in words and may retry, never a panic.

/// `split_point!(fn name(arg: Type, ...) -> Output { body });` defines
/// `async fn name(arg: Type, ...) -> Result<Output, SplitLoaderError>`, a
/// split point whose module is `split_name.wasm`.
macro_rules! split_point {
    ($(#[$doc:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, leptos::wasm_split::SplitLoaderError> {
            Ok($body)
        }

        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, leptos::wasm_split::SplitLoaderError> {
            Ok($body)
        }
    };
}

pub(crate) use split_point;
