//! Leadpact: a browser-only lead tracker built around the Marketing/Sales SLA.
//!
//! See `ARCHITECTURE.md` for the code map and the invariants.

pub mod app;
pub mod domain;
pub mod io;
pub mod json;
pub mod sort;
pub mod split;
pub mod storage;
pub mod sync;
pub mod ui;
