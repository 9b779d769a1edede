//! A lead's timeline: its activities and stage changes, and those of the
//! leads merged into it, newest first.

use super::{kind_msg, outcome_msg};
use crate::app::state::AppState;
use crate::domain::activity::{Activity, Direction};
use crate::domain::lead::Lead;
use crate::domain::pipeline::StageId;
use crate::domain::rep::RepId;
use crate::ui::format::local_datetime;
use crate::ui::i18n::pages::lead::LeadMsg;
use crate::ui::i18n::{duplicates, use_i18n};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// One entry of the timeline.
enum Entry {
    Activity(Activity),
    Move {
        at: DateTime<Utc>,
        from: Option<StageId>,
        to: StageId,
        /// The name of the merged lead it moved, when not this one.
        of: Option<String>,
    },
    /// Another lead for the same person merged into this one.
    Merged {
        at: DateTime<Utc>,
        name: String,
    },
}

impl Entry {
    fn at(&self) -> DateTime<Utc> {
        match self {
            Entry::Activity(a) => a.at,
            Entry::Move { at, .. } | Entry::Merged { at, .. } => *at,
        }
    }
}

/// Activities and stage changes, newest first.
#[component]
pub(super) fn Timeline(lead: Lead) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let id = lead.id();
    let stage_name = move |s: &StageId| {
        let lang = i18n.0.get();
        state.pipeline.with(|p| {
            p.stage(s).map_or_else(
                || s.to_string(),
                |st| crate::ui::format::stage_label(st.id.as_str(), &st.name, lang),
            )
        })
    };
    let entries = move || {
        let mut all: Vec<Entry> = state.insights.with(|i| {
            i.activities_of(id)
                .iter()
                .cloned()
                .map(Entry::Activity)
                .collect()
        });
        all.extend(lead.history().iter().map(|c| Entry::Move {
            at: c.at,
            from: c.from.clone(),
            to: c.to.clone(),
            of: None,
        }));
        for m in lead.merged() {
            all.push(Entry::Merged {
                at: m.at,
                name: m.lead.name().to_owned(),
            });
            all.extend(m.lead.history().iter().map(|c| Entry::Move {
                at: c.at,
                from: c.from.clone(),
                to: c.to.clone(),
                of: Some(m.lead.name().to_owned()),
            }));
        }
        crate::sort::sort_by_key(&mut all, |e| std::cmp::Reverse(e.at()));
        all
    };
    let rep_name = move |r: &RepId| state.insights.with_untracked(|i| i.rep_name(r));
    view! {
        <section class="timeline">
            <h2>{i18n.t(LeadMsg::History)}</h2>
            <ol class="history" data-testid="timeline">
                {move || {
                    entries()
                        .into_iter()
                        .map(|e| {
                            let at = local_datetime(e.at(), i18n.0.get());
                            match e {
                                Entry::Activity(a) => {
                                    let dir = match a.direction {
                                        Direction::Outbound => LeadMsg::Outbound,
                                        Direction::Inbound => LeadMsg::Inbound,
                                    };
                                    let who = a.rep.as_ref().map(rep_name).unwrap_or_default();
                                    view! {
                                        <li data-testid="activity-entry">
                                            <time>{at}</time>
                                            " "
                                            <strong>{i18n.t(kind_msg(a.kind))}</strong>
                                            " · "
                                            {i18n.t(dir)}
                                            " · "
                                            {i18n.t(outcome_msg(a.outcome))}
                                            " · "
                                            {who}
                                        </li>
                                    }
                                    .into_any()
                                }
                                Entry::Merged { name, .. } => view! {
                                    <li data-testid="merged-entry">
                                        <time>{at}</time>
                                        " "
                                        {duplicates::merged_entry(i18n.0.get(), &name)}
                                    </li>
                                }
                                .into_any(),
                                Entry::Move { from, to, of, .. } => {
                                    let mut text = match &from {
                                        None => format!("{} {}", i18n.t(LeadMsg::EnteredAt)(), stage_name(&to)),
                                        Some(f) => format!(
                                            "{} {} → {}",
                                            i18n.t(LeadMsg::MovedFromTo)(),
                                            stage_name(f),
                                            stage_name(&to)
                                        ),
                                    };
                                    if let Some(name) = &of {
                                        text = format!("{text} {}", duplicates::of_merged(i18n.0.get(), name));
                                    }
                                    view! {
                                        <li data-testid="history-entry">
                                            <time>{at}</time>
                                            " "
                                            {text}
                                        </li>
                                    }
                                    .into_any()
                                }
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </section>
    }
}
