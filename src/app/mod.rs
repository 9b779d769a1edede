//! Application state and actions: the only layer that calls the clock and the
//! store. An action is "domain call → persist → update signals"; the view sees a
//! change only after it is stored.

pub mod backups;
pub mod clock;
pub mod couch;
pub mod distribute;
pub mod files;
pub mod notify;
pub mod offline;
pub mod replicator;
pub mod routes;
pub mod state;
pub mod sync;
#[cfg(target_arch = "wasm32")]
pub mod zones;
