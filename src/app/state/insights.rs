//! What every screen reads: the workspace and every lead's clocks and
//! facts (`domain::live::Live`), shared by identity (`Shared`).

use super::*;

/// A shared, immutable value compared by identity (cheap `Memo` equality).
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// What every screen reads: the workspace as shown and every lead's
/// clocks at `now` and facts, kept up to date change by change.
pub type Insights = Live;
