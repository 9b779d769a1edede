//! File formats at the edge: pure functions from bytes to domain values and
//! back, tested natively. Nothing here touches the browser or storage.

pub mod backup;
pub mod csv_export;
pub mod csv_import;
