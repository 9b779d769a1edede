//! How many leads have each value of a field the screens list (the
//! filters' sources and campaigns), counted as leads change.

use super::*;

/// A lead field whose distinct values the screens list (filters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// Where the lead came from.
    Source,
    /// The campaign that brought it.
    Campaign,
}

impl Field {
    pub(super) fn of(self, lead: &Lead) -> &str {
        match self {
            Field::Source => lead.source(),
            Field::Campaign => lead.campaign(),
        }
    }
}

/// How many leads have each non-empty value of a [`Field`].
#[derive(Clone, Debug, Default)]
pub(super) struct Values(pub(super) [BTreeMap<String, u32>; 2]);

impl Values {
    pub(super) fn add(&mut self, lead: &Lead) {
        for (map, field) in self.0.iter_mut().zip([Field::Source, Field::Campaign]) {
            let value = field.of(lead);
            if value.is_empty() {
                continue;
            }
            match map.get_mut(value) {
                Some(n) => *n += 1,
                None => {
                    map.insert(value.to_owned(), 1);
                }
            }
        }
    }

    pub(super) fn remove(&mut self, lead: &Lead) {
        for (map, field) in self.0.iter_mut().zip([Field::Source, Field::Campaign]) {
            let value = field.of(lead);
            if let Some(n) = map.get_mut(value) {
                *n -= 1;
                if *n == 0 {
                    map.remove(value);
                }
            }
        }
    }
}
