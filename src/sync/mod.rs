//! Team sync: the workspace shared through the team's own CouchDB.
//!
//! This module is pure Rust (tested natively): the documents (`doc`), the
//! stamps (`stamp`) and merge rules (`merge`) every device applies the same
//! way, the local bookkeeping the store keeps in the same transaction as each
//! change (`ledger`), the CouchDB protocol's shapes and the checks of a
//! server address (`protocol`), and the role guard the server enforces
//! (`roles`). The HTTP client and the loop that pushes and pulls live in
//! `app::replicator`, beside storage, never in views.

pub mod doc;
pub mod ledger;
pub mod merge;
pub mod protocol;
pub mod roles;
pub mod stamp;
