//! Distribution as the app runs it (issue 29): after a change of the data,
//! while the workspace has rules and this person may write, the leads
//! waiting for an owner get one (`domain::distribution`), stored as one
//! edit that says why on each lead. Every device runs it on the same synced
//! data and so gives the same owners. Only screens and the sync engine,
//! which are modules of their own (`crate::split`), start it (`install`):
//! none of it is in the first load.

use super::clock;
use super::state::{AppState, Loading};
use crate::domain::distribution::{Distribution, Why, distribute, loads, waiting};
use crate::domain::lead::{Lead, LeadId};
use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use leptos::prelude::*;
use std::cell::Cell;

thread_local! {
    /// Installed in this tab.
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
    /// A sweep is under way (its edit not stored yet), and whether another
    /// was asked for meanwhile.
    static UNDER_WAY: Cell<(bool, bool)> = const { Cell::new((false, false)) };
}

/// Starts following the workspace in this tab (once): after every change
/// of the leads, the settings or the clock, a sweep. Called by the screens
/// and the sync engine that bring new leads (the lead list, the data page,
/// settings, a pull), never by the first load: a workspace without rules
/// never fetches this code.
pub fn install(state: AppState) {
    leptos::task::spawn_local(async move {
        // Fetched once; a module that cannot be fetched now is asked for
        // again by the next screen that installs it.
        let _ = follow(state).await;
    });
}

crate::split::split_point!(
    /// [`install`]'s body: a module of its own, shared by the screens and
    /// the sync engine that install it.
    fn follow(state: AppState) -> () {
        follow_now(state)
    }
);

fn follow_now(state: AppState) {
    if INSTALLED.with(|i| i.replace(true)) {
        return;
    }
    // Lives as long as the tab, like the state it follows.
    let owner = Owner::new();
    owner.with(|| {
        Effect::new(move || {
            state.insights.track();
            let has_rules = state
                .settings
                .with(|s| s.extra.0.contains_key(crate::domain::distribution::KEY));
            if has_rules && state.loading.get() == Loading::Ready && state.can_edit_untracked() {
                sweep(state);
            }
        });
    });
    std::mem::forget(owner);
}

/// Gives the leads waiting an owner (see the module docs): one quiet edit
/// at a time; a sweep asked for while one is being stored runs after it.
fn sweep(state: AppState) {
    if UNDER_WAY.with(|u| {
        let (running, _) = u.get();
        u.set((running, running));
        running
    }) {
        return;
    }
    let Some(first) = plan(state) else { return };
    UNDER_WAY.with(|u| u.set((true, false)));
    leptos::task::spawn_local(async move {
        let mut next = Some(first);
        while let Some(edit) = next.take() {
            edit.await;
            if UNDER_WAY.with(|u| u.replace((true, false)).1) {
                next = plan(state);
            }
        }
        UNDER_WAY.with(|u| u.set((false, false)));
    });
}

/// The edit that gives the waiting leads their owners, if any can have one.
fn plan(state: AppState) -> Option<impl Future<Output = ()> + use<>> {
    let given: Vec<_> = owners_now(state, |_| true)?
        .into_iter()
        .filter(|(_, w)| w.rep.is_some())
        .collect();
    if given.is_empty() {
        return None;
    }
    let ids: Vec<LeadId> = given.iter().map(|(id, _)| *id).collect();
    state.edit_quietly(&ids, &|lead, now| {
        if let Some((_, why)) = given.iter().find(|(id, _)| *id == lead.id()) {
            why.give(lead, now);
        }
    })
}

/// `[local midnight, next local midnight)` of `now`'s day in `tz`.
fn today(now: DateTime<Utc>, tz: crate::domain::zone::Zone) -> (DateTime<Utc>, DateTime<Utc>) {
    let today = now.with_timezone(&tz).date_naive();
    let midnight = |d: chrono::NaiveDate| {
        tz.from_local_datetime(&d.and_time(NaiveTime::MIN))
            .earliest()
            .map_or(now, |t| t.with_timezone(&Utc))
    };
    (midnight(today), midnight(today + Duration::days(1)))
}

/// What distribution would do now with the waiting leads `chosen` keeps,
/// each counted before the next (none without rules): the sweep's plan
/// and a waiting lead's "why" read the same.
fn owners_now(state: AppState, chosen: impl Fn(&Lead) -> bool) -> Option<Vec<(LeadId, Why)>> {
    let settings = state.settings.get_untracked();
    let dist = Distribution::of(&settings).filter(|d| d.since.is_some())?;
    let pipeline = state.pipeline.get_untracked();
    let now = clock::now();
    let tz = settings.calendar.tz();
    let day = today(now, tz);
    Some(state.with_leads_untracked(|leads| {
        let open = |l: &Lead| !l.is_closed(&pipeline);
        let list: Vec<&Lead> = leads
            .iter()
            .filter(|l| chosen(l) && waiting(&dist, l, open(l)))
            .collect();
        if list.is_empty() {
            return Vec::new();
        }
        let loads = loads(&settings.reps, leads, open, day);
        distribute(
            &dist,
            &settings.reps,
            loads,
            &list,
            now.with_timezone(&tz).naive_local(),
            now,
        )
    }))
}

/// Why lead `id` waits for an owner now — the Sales reps who cannot take
/// it, and why — when distribution is on and the lead is waiting (none
/// otherwise, or when a rep could take it: the next sweep gives it).
pub fn why_waiting(state: AppState, id: LeadId) -> Option<Why> {
    owners_now(state, |l| l.id() == id)?
        .pop()
        .map(|(_, why)| why)
        .filter(|why| why.rep.is_none())
}
