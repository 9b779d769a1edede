//! One component per route.

pub mod board;
pub mod data;
pub mod funnel;
pub mod lead_detail;
pub mod leads;
pub mod not_found;
pub mod scorecard;
pub mod settings;
pub mod today;
