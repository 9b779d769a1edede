//! The domain: pure Rust, no browser, no framework, no clock.
//!
//! Every function that depends on time takes `now` as a parameter, so the whole
//! domain is tested natively and deterministically.

pub mod activity;
pub mod audit;
pub mod calendar;
pub mod care;
pub mod contact;
pub mod digest;
pub mod distribution;
pub mod extra;
pub mod facts;
pub mod funnel;
pub mod instant;
pub mod lead;
pub mod live;
pub mod merge;
pub mod pipeline;
pub mod queue;
pub mod rep;
pub mod rewards;
pub mod sample;
pub mod scorecard;
pub mod search;
pub mod sla;
pub mod targets;
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod test_support;
pub mod whatif;
pub mod workspace;
pub mod zone;
