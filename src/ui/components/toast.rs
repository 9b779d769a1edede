//! Results of actions, announced politely; a deletion, a bulk close or a
//! logged activity offers undo. A logged activity says what comes next for
//! the lead ("attempt 2 of 3, next try after 14:30"); a wrong number offers
//! to close the lead as junk.

use crate::app::state::{AppState, Toast};
use crate::domain::activity::{ActivityKind, Outcome};
use crate::domain::lead::{Closure, LeadId, LossKind};
use crate::ui::format::{kind_msg, local_time_near, outcome_msg};
use crate::ui::i18n::I18n;
use crate::ui::i18n::today as counted;
use crate::ui::i18n::{Msg, use_i18n};
use leptos::prelude::*;

/// The toast area at the bottom of the screen.
#[component]
pub fn ToastArea() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    // A toast leaves by itself: 10 s with an undo, 6 s without, counted
    // from the last time it was shown (the same "Saved." twice in a row
    // stays its full time after the second).
    let shown = StoredValue::new(0u64);
    Effect::new(move || {
        if let Some(t) = state.toast.get() {
            shown.update_value(|n| *n += 1);
            let this = shown.get_value();
            let secs = if matches!(
                t,
                Toast::Deleted(_) | Toast::Closed(_) | Toast::Logged { .. } | Toast::Moved { .. }
            ) {
                10
            } else {
                6
            };
            set_timeout(
                move || {
                    if shown.get_value() == this && state.toast.get_untracked().as_ref() == Some(&t)
                    {
                        state.toast.set(None);
                    }
                },
                std::time::Duration::from_secs(secs),
            );
        }
    });
    view! {
        {move || state.busy.get().map(|b| {
            let text = crate::ui::i18n::storage::busy(i18n.0.get(), b);
            view! {
                <div class="busy" role="status" data-testid="busy">
                    <progress aria-label=text.clone()></progress>
                    <span>{text}</span>
                </div>
            }
        })}
        <div class="toasts" role="status" aria-live="polite" data-testid="toasts">
            {move || state.toast.get().map(|t| {
                let lang = i18n.0.get_untracked();
                let undoable = matches!(t, Toast::Deleted(_) | Toast::Closed(_) | Toast::Logged { .. } | Toast::Moved { .. });
                // After a wrong number: one tap closes the lead as junk.
                let junk = match t {
                    Toast::Logged { lead, outcome: Outcome::WrongNumber, .. } => Some(lead),
                    _ => None,
                };
                let text = match t {
                    Toast::Logged { lead, kind, outcome, given } => {
                        let text = logged_text(state, i18n, lead, kind, outcome);
                        match given {
                            Some(rep) => counted::now_owns(lang, &text, &state.insights.with_untracked(|i| i.rep_name(&rep))),
                            None => text,
                        }
                    }
                    Toast::Deleted(n) => counted::deleted(lang, n),
                    Toast::Closed(n) => counted::closed(lang, n),
                    Toast::Moved { lead, n, closed } => moved_text(state, lang, lead, n, closed),
                    Toast::Saved => i18n.t(Msg::ToastSaved)().to_owned(),
                    Toast::NotificationsBlocked => counted::notifications_blocked(lang).to_owned(),
                    Toast::Replaced(n) => format!("{} {}", i18n.t(Msg::ToastReplaced)(), crate::ui::format::number(n as u64, lang)),
                    Toast::Said { en, vi } => match lang {
                        crate::ui::i18n::Lang::En => en,
                        crate::ui::i18n::Lang::Vi => vi,
                    },
                };
                view! {
                    <div class="toast" data-testid="toast">
                        <span data-testid="toast-text">{text}</span>
                        {junk.map(|lead| view! {
                            <button type="button" data-testid="close-junk" on:click=move |_| {
                                state.toast.set(None);
                                let reason = counted::close_as_junk(i18n.0.get_untracked()).1.to_owned();
                                state.close(&[lead], Closure { kind: LossKind::Junk, reason });
                            }>
                                {move || counted::close_as_junk(i18n.0.get()).0}
                            </button>
                        })}
                        {undoable.then(|| view! {
                            <button type="button" data-testid="undo" on:click=move |_| { state.toast.set(None); state.undo(); }>
                                {i18n.t(Msg::Undo)}
                            </button>
                        })}
                        <button type="button" class="link" aria-label=i18n.t(Msg::Dismiss) on:click=move |_| state.toast.set(None)>"✕"</button>
                    </div>
                }
            })}
        </div>
    }
}

/// "Lan Phạm moved to Qualified." / "3 leads moved to Qualified."
/// A close says lost or junk, which the stage alone does not.
fn moved_text(
    state: AppState,
    lang: crate::ui::i18n::Lang,
    lead: LeadId,
    n: usize,
    closed: Option<crate::domain::lead::LossKind>,
) -> String {
    let (name, stage) = state.insights.with_untracked(|ins| {
        ins.lead(lead).map_or_else(Default::default, |l| {
            let stage = state.pipeline.with_untracked(|p| {
                p.stage(l.stage()).map_or_else(String::new, |s| {
                    crate::ui::format::stage_label(s.id.as_str(), &s.name, lang)
                })
            });
            (l.name().to_owned(), stage)
        })
    });
    match closed {
        Some(kind) => counted::closed_as(lang, n, &name, kind),
        None => counted::moved(lang, n, &name, &stage),
    }
}

/// "No answer logged for Lan Phạm — attempt 2 of 3, next try after 14:30."
fn logged_text(
    state: AppState,
    i18n: I18n,
    lead: LeadId,
    kind: ActivityKind,
    outcome: Outcome,
) -> String {
    let lang = i18n.0.get_untracked();
    state.insights.with_untracked(|ins| {
        let name = ins
            .lead(lead)
            .map(|l| l.name().to_owned())
            .unwrap_or_default();
        let what = match kind {
            ActivityKind::Call => i18n.t(outcome_msg(outcome))().to_owned(),
            ActivityKind::Note => i18n.t(kind_msg(kind))().to_owned(),
            _ if kind.outcomes().contains(&outcome) => {
                format!(
                    "{} · {}",
                    i18n.t(kind_msg(kind))(),
                    i18n.t(outcome_msg(outcome))()
                )
            }
            _ => i18n.t(kind_msg(kind))().to_owned(),
        };
        // Only an attempt (a call or a message out) has a next try.
        let attempt = matches!(kind, ActivityKind::Call | ActivityKind::Message(_));
        let next = attempt
            .then(|| ins.attempts_now(lead))
            .flatten()
            .filter(|a| a.required > 0)
            .map(|a| {
                if a.settled && a.made >= a.required {
                    counted::Next::Required {
                        required: a.required,
                        max: a.max,
                    }
                } else if a.settled {
                    counted::Next::Done
                } else {
                    counted::Next::Attempt {
                        made: a.made,
                        required: a.required,
                        after: a.next_after.map(|t| local_time_near(t, ins.now(), lang)),
                    }
                }
            });
        counted::logged(lang, &what, &name, next.as_ref())
    })
}
