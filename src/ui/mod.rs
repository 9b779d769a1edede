//! Views: thin components that read [`crate::app::state::AppState`], render,
//! and dispatch actions. User text is always rendered as text nodes.

pub mod app;
pub mod components;
pub mod format;
pub mod i18n;
pub mod lazy;
pub mod pages;

pub use app::App;
