//! Activities grouped by lead, borrowed when storage already keeps them so.

use crate::domain::activity::Activity;
use crate::domain::lead::LeadId;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::ops::Range;

/// Activities grouped by lead (each group oldest first), built once per change.
///
/// Storage and the app keep activities grouped by lead in time order; then
/// the index borrows them as they are. Otherwise it sorts a copy.
#[derive(Clone, Debug, Default)]
pub struct ActivityIndex<'a> {
    pub(super) sorted: Cow<'a, [Activity]>,
    pub(super) by_lead: FxHashMap<LeadId, Range<usize>>,
}

/// The lead ranges of `activities` if they are grouped by lead with each
/// group in time order; `None` otherwise.
fn ranges_if_grouped(activities: &[Activity]) -> Option<FxHashMap<LeadId, Range<usize>>> {
    let mut by_lead = FxHashMap::default();
    let mut start = 0;
    for i in 1..=activities.len() {
        if i == activities.len() || activities[i].lead != activities[start].lead {
            if by_lead.insert(activities[start].lead, start..i).is_some() {
                return None;
            }
            start = i;
        } else if activities[i].at < activities[i - 1].at {
            return None;
        }
    }
    Some(by_lead)
}

/// Orders activities the way [`ActivityIndex`] borrows them without copying:
/// grouped by lead (groups in order of first appearance), each group oldest
/// first. Stable: equal times keep their order.
pub fn group_by_lead(activities: &mut [Activity]) {
    let mut first: FxHashMap<LeadId, usize> = FxHashMap::default();
    for a in activities.iter() {
        let n = first.len();
        first.entry(a.lead).or_insert(n);
    }
    // The standard library's own sort: a million activities sort 3× faster
    // moved than through positions (`crate::sort`; `make bench`, sort_1m_activities).
    activities.sort_by_key(|a| (first[&a.lead], a.at));
}

impl<'a> ActivityIndex<'a> {
    /// Groups `activities` by lead.
    pub fn new(activities: &'a [Activity]) -> ActivityIndex<'a> {
        if let Some(by_lead) = ranges_if_grouped(activities) {
            return ActivityIndex {
                sorted: Cow::Borrowed(activities),
                by_lead,
            };
        }
        let mut order: Vec<usize> = (0..activities.len()).collect();
        // Positions already: the standard library's sort, not `crate::sort`'s
        // second level of them (a million activities).
        order.sort_by(|a, b| {
            let (a, b) = (&activities[*a], &activities[*b]);
            a.lead.cmp(&b.lead).then(a.at.cmp(&b.at))
        });
        let sorted: Vec<Activity> = order.iter().map(|i| activities[*i].clone()).collect();
        let by_lead = ranges_if_grouped(&sorted).expect("sorted by lead, then time");
        ActivityIndex {
            sorted: Cow::Owned(sorted),
            by_lead,
        }
    }

    /// One lead's activities, oldest first.
    pub fn of(&self, lead: LeadId) -> &[Activity] {
        self.by_lead
            .get(&lead)
            .map_or(&[], |r| &self.sorted[r.clone()])
    }
}
