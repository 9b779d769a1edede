//! Reusable widgets.

pub mod backup_panel;
pub mod concurrent_edits;
pub mod contact_links;
pub mod error_banner;
pub mod help;
pub mod lead_form;
pub mod lead_list;
pub mod same_person;
pub mod sample_button;
pub mod sla_clocks;
pub mod stage_badge;
pub mod team_sync;
pub mod toast;
