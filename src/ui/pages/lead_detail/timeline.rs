//! A lead's timeline: its activities (with what was noted, as text, and
//! who logged them) and stage changes, and those of the leads merged into
//! it, newest first; a search box keeps the entries whose words match
//! (accents, case and spacing ignored, as the lead search does).

use crate::app::state::AppState;
use crate::domain::activity::{Activity, ActivityKind, Direction};
use crate::domain::audit::{self, Verdict};
use crate::domain::lead::Lead;
use crate::domain::pipeline::StageId;
use crate::domain::rep::RepId;
use crate::domain::search::fold;
use crate::ui::format::{kind_msg, local_datetime, outcome_msg};
use crate::ui::i18n::pages::lead::{self as words, LeadMsg};
use crate::ui::i18n::{duplicates, use_i18n};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// One entry of the timeline.
enum Entry {
    /// An activity, with its audits (the current one first).
    Activity(Activity, Vec<(Activity, Verdict)>),
    Move {
        at: DateTime<Utc>,
        from: Option<StageId>,
        to: StageId,
        /// The name of the merged lead it moved, when not this one.
        of: Option<String>,
        /// Who moved it, when known (a team member's rep name or user).
        by: Option<String>,
    },
    /// Another lead for the same person merged into this one.
    Merged { at: DateTime<Utc>, name: String },
}

impl Entry {
    fn at(&self) -> DateTime<Utc> {
        match self {
            Entry::Activity(a, _) => a.at,
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
    let lead = StoredValue::new(lead);
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
            let acts = i.activities_of(id);
            let audited = acts.iter().any(|a| a.kind == ActivityKind::Audit);
            // An audit shows under the activity it judged (an audit of an
            // activity no longer here, on its own).
            let keys: Vec<String> = if audited {
                acts.iter().map(audit::key).collect()
            } else {
                Vec::new()
            };
            acts.iter()
                .enumerate()
                .filter(|(_, a)| {
                    a.kind != ActivityKind::Audit
                        || Verdict::of(a).is_none_or(|v| !keys.contains(&v.of))
                })
                .map(|(n, a)| {
                    let audits = if audited && a.kind != ActivityKind::Audit {
                        audit::audits_of(acts, &keys[n])
                            .into_iter()
                            .map(|(x, v)| (x.clone(), v))
                            .collect()
                    } else {
                        Vec::new()
                    };
                    Entry::Activity(a.clone(), audits)
                })
                .collect()
        });
        lead.with_value(|lead| {
            all.extend(lead.history().iter().map(|c| Entry::Move {
                at: c.at,
                from: c.from.clone(),
                to: c.to.clone(),
                of: None,
                by: c.by.clone(),
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
                    by: c.by.clone(),
                }));
            }
        });
        crate::sort::sort_by_key(&mut all, |e| std::cmp::Reverse(e.at()));
        all
    };
    let rep_name = move |r: &RepId| state.insights.with_untracked(|i| i.rep_name(r));
    let query = RwSignal::new(String::new());
    // An entry's words, as a person reads them, for the search box.
    let words_of = move |e: &Entry| -> String {
        let t = |m| i18n.t(m)();
        match e {
            Entry::Activity(a, _) => [
                t(kind_msg(a.kind)).to_owned(),
                t(outcome_msg(a.outcome)).to_owned(),
                a.rep.as_ref().map(rep_name).unwrap_or_default(),
                a.by.as_deref().unwrap_or_default().to_owned(),
                a.note.as_deref().unwrap_or_default().to_owned(),
            ]
            .join(" "),
            Entry::Merged { name, .. } => name.clone(),
            Entry::Move {
                from, to, of, by, ..
            } => format!(
                "{} {} {} {}",
                from.as_ref().map(stage_name).unwrap_or_default(),
                stage_name(to),
                of.as_deref().unwrap_or_default(),
                by.as_deref().unwrap_or_default()
            ),
        }
    };
    // Folded (accents, case) with spaces collapsed, on both sides.
    let plain = |s: &str| fold(s).split_whitespace().collect::<Vec<_>>().join(" ");
    let shown = move || {
        let q = plain(&query.get());
        let all = entries();
        let total = all.len();
        let kept: Vec<Entry> = if q.is_empty() {
            all
        } else {
            all.into_iter()
                .filter(|e| plain(&words_of(e)).contains(&q))
                .collect()
        };
        (kept, total)
    };
    view! {
        <section class="timeline">
            <h2>{i18n.t(LeadMsg::History)}</h2>
            <div class="field timeline-search">
                <label for="timeline-search">{i18n.t(LeadMsg::SearchHistory)}</label>
                <input id="timeline-search" type="search" data-testid="timeline-search" bind:value=query />
            </div>
            <p class="muted" data-testid="timeline-none">
                {move || {
                    let q = query.get();
                    let (kept, total) = shown();
                    (kept.is_empty() && total > 0 && !q.trim().is_empty()).then(|| words::no_match(i18n.0.get(), q.trim()))
                }}
            </p>
            <ol class="history" data-testid="timeline">
                {move || {
                    shown()
                        .0
                        .into_iter()
                        .map(|e| {
                            let at = local_datetime(e.at(), i18n.0.get());
                            match e {
                                Entry::Activity(a, audits) => {
                                    let l = i18n.0.get();
                                    let audits = (!audits.is_empty()).then(|| view! {
                                        <ul class="audits-of">
                                            {audits.into_iter().enumerate().map(|(n, (rec, v))| view! {
                                                <li data-testid="activity-audit" data-verdict={if v.passed { "passed" } else { "failed" }} data-current=(n == 0).to_string()>
                                                    <span class={if n > 0 { "muted" } else if v.passed { "kpi kept" } else { "kpi missed" }}>
                                                        {words::audit_line(l, v.passed, rec.by.as_deref(), &local_datetime(rec.at, l), n == 0)}
                                                    </span>
                                                    {rec.note.as_deref().map(|t| view! { <p class="note-text">{t.to_owned()}</p> })}
                                                </li>
                                            }).collect_view()}
                                        </ul>
                                    });
                                    let who = a.rep.as_ref().map(rep_name).unwrap_or_default();
                                    // A note is its words; other kinds say how they went.
                                    let how = (a.kind.has_direction()).then(|| {
                                        let dir = match a.direction {
                                            Direction::Outbound => LeadMsg::Outbound,
                                            Direction::Inbound => LeadMsg::Inbound,
                                        };
                                        view! { " · " {i18n.t(dir)} " · " {i18n.t(outcome_msg(a.outcome))} }
                                    });
                                    let by = a
                                        .by
                                        .as_deref()
                                        .filter(|u| Some(*u) != a.rep.as_ref().map(|r| r.as_str()) && *u != who)
                                        .map(|u| words::logged_by(i18n.0.get(), u));
                                    let text = a.note.as_deref().map(str::to_owned);
                                    let empty_note = (a.kind == crate::domain::activity::ActivityKind::Note && text.is_none())
                                        .then(|| view! { <p class="note-text muted">{i18n.t(LeadMsg::NoteWithoutText)}</p> });
                                    view! {
                                        <li data-testid="activity-entry">
                                            <time>{at}</time>
                                            " "
                                            <strong>{i18n.t(kind_msg(a.kind))}</strong>
                                            {how}
                                            {(!who.is_empty()).then(|| view! { " · " <span data-testid="counts-for">{words::counts_for(i18n.0.get(), &who)}</span> })}
                                            {by.map(|b| view! { " · " <span class="muted" data-testid="logged-by">{b}</span> })}
                                            {text.map(|t| view! { <p class="note-text" data-testid="activity-note">{t}</p> })}
                                            {empty_note}
                                            {audits}
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
                                Entry::Move { from, to, of, by, .. } => {
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
                                    let by = by.map(|b| words::moved_by(i18n.0.get(), &b));
                                    view! {
                                        <li data-testid="history-entry">
                                            <time>{at}</time>
                                            " "
                                            {text}
                                            {by.map(|b| view! { " · " <span class="muted" data-testid="moved-by">{b}</span> })}
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
