//! One component per route.

pub mod lead_detail;
pub mod leads;
pub mod not_found;
