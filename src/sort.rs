//! One stable sort for the whole program.
//!
//! `slice::sort_by` compiles the standard library's driftsort once per
//! element type and comparison: 35 copies, ≈ 110 KB of the optimised wasm
//! before this module. These functions sort a list of positions instead,
//! through one comparison behind `dyn` (so one compiled copy of the sort),
//! then move the elements into that order. They are stable, like
//! `sort_by`.
//!
//! The price is speed on large lists of large elements: every comparison
//! reads two elements wherever they lie. A million activities (≈ 100 bytes
//! each) in scrambled order sort in 1.15 s here against 0.37 s with the
//! standard library (`make bench`, `sort_1m_activities`). So the engine's
//! sorts of a whole workspace's activities or queue keep the standard
//! library's sort (`domain::workspace::index`, `domain::queue::today`);
//! everything else — a lead's few activities, a screen's rows, a sync
//! batch — sorts here.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, keeping equal elements in their order.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    positions(&mut order, &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, &mut order);
}

/// Sorts `v` by the key `f` gives, keeping equal keys in their order.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut f: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| f(a).cmp(&f(b)));
}

/// Sorts `v` in its own order, keeping equal elements in their order.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The one compiled copy of the standard library's stable sort.
#[inline(never)]
fn positions(order: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|a, b| cmp(*a, *b));
}

/// Puts `v` in `order` (`v[i]` becomes the old `v[order[i]]`) by following
/// each cycle of the permutation with swaps; `order` is spent on the way.
fn permute<T>(v: &mut [T], order: &mut [usize]) {
    for start in 0..v.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// Stability included: pairs equal in their key keep their order.
        #[test]
        fn it_sorts_as_the_standard_library_does(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..300)) {
            let mut ours = v.clone();
            super::sort_by_key(&mut ours, |(k, _)| *k);
            let mut std = v.clone();
            std.sort_by_key(|(k, _)| *k);
            prop_assert_eq!(ours, std);

            let mut ours = v.clone();
            super::sort_by(&mut ours, |a, b| b.cmp(a));
            let mut std = v;
            std.sort_by(|a, b| b.cmp(a));
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn owned_values_move_without_loss() {
        let mut v: Vec<String> = ["d", "a", "c", "b", "a"].map(String::from).to_vec();
        super::sort(&mut v);
        assert_eq!(v, ["a", "a", "b", "c", "d"]);
    }
}
