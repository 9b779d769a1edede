//! The SLA policy: the default targets (and when the SLA is enforced
//! from), and the rules that give some leads other targets.

use super::follow::{ChangedUnderneath, Field, Follow};
use super::span::{SpanField, Unit, join, split};
use super::{Said, SectionError};
use crate::app::state::AppState;
use crate::domain::sla::{Minutes, Span};
use crate::domain::workspace::Settings;
use crate::ui::format::{Clock, duration};
use crate::ui::i18n::pages::PageMsg;
use crate::ui::i18n::pages::settings::SettingsMsg;
use crate::ui::i18n::{Lang, use_i18n};
use leptos::prelude::*;

/// The form's texts for the default policy, in the order of its fields:
/// each target of time (number, unit), the attempt numbers and the at-risk
/// share, nurture, "enforced from", long overdue.
fn texts(s: &Settings) -> Vec<String> {
    let p = &s.policies.default;
    let mut out = Vec::new();
    for span in [p.first_response, p.attempts.within, p.reassign_after] {
        let (n, u) = split(span);
        out.extend([n, u.code().to_owned()]);
    }
    out.extend([
        p.attempts.min_attempts.to_string(),
        p.attempts.max_attempts.to_string(),
        p.attempts.min_gap.0.to_string(),
        p.at_risk_percent.to_string(),
        p.nurture().map(|d| d.to_string()).unwrap_or_default(),
        s.policies
            .enforced_from
            .map(|at| at.with_timezone(&s.calendar.tz()).date_naive().to_string())
            .unwrap_or_default(),
        (s.policies.long_overdue().num_minutes() / 60).to_string(),
    ]);
    out
}

#[component]
pub(super) fn PolicyEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let error = RwSignal::new(None::<Said>);
    let p = state.settings.get_untracked().policies.default;
    // Targets of time: a number and its unit (minutes, hours, working days).
    let span = |label: SettingsMsg, id: &'static str, value: Span| {
        let (n, u) = split(value);
        (label, id, RwSignal::new(n), RwSignal::new(u))
    };
    let spans = [
        span(
            SettingsMsg::FirstResponseWithin,
            "policy-first-response",
            p.first_response,
        ),
        span(
            SettingsMsg::AttemptsWithin,
            "policy-within",
            p.attempts.within,
        ),
        span(
            SettingsMsg::ReassignAfter,
            "policy-reassign",
            p.reassign_after,
        ),
    ];
    let fields: [(PageMsg, &'static str, RwSignal<String>); 4] = [
        (
            PageMsg::MinAttempts,
            "policy-min-attempts",
            RwSignal::new(p.attempts.min_attempts.to_string()),
        ),
        (
            PageMsg::MaxAttempts,
            "policy-max-attempts",
            RwSignal::new(p.attempts.max_attempts.to_string()),
        ),
        (
            PageMsg::MinGapMinutes,
            "policy-min-gap",
            RwSignal::new(p.attempts.min_gap.0.to_string()),
        ),
        (
            PageMsg::AtRiskPercent,
            "policy-at-risk",
            RwSignal::new(p.at_risk_percent.to_string()),
        ),
    ];
    // Stop nurturing after N days; empty: never (0 days is refused).
    let nurture = RwSignal::new(p.nurture().map(|d| d.to_string()).unwrap_or_default());
    // "SLA enforced from": a date, midnight in the workspace's timezone.
    let settings_now = state.settings.get_untracked();
    let tz = settings_now.calendar.tz();
    let from = RwSignal::new(
        settings_now
            .policies
            .enforced_from
            .map(|at| at.with_timezone(&tz).date_naive().to_string())
            .unwrap_or_default(),
    );
    // Today's long-overdue threshold, in business hours.
    let long_after =
        RwSignal::new((settings_now.policies.long_overdue().num_minutes() / 60).to_string());
    let mut follow_fields = Vec::new();
    for (label, _, number, unit) in &spans {
        follow_fields.push(Field::text(*number).named(i18n.t(*label)));
        follow_fields.push(Field::with(*unit, |u| u.code().to_owned(), Unit::from_code));
    }
    follow_fields.extend(
        fields
            .iter()
            .map(|(label, _, sig)| Field::text(*sig).named(i18n.t(*label))),
    );
    follow_fields.extend([
        Field::text(nurture).named(i18n.t(PageMsg::NurtureDays)),
        Field::text(from).named(i18n.t(SettingsMsg::SlaEnforcedFrom)),
        Field::text(long_after).named(i18n.t(SettingsMsg::LongOverdueAfter)),
    ]);
    let follow = Follow::new(follow_fields, move || state.settings.with(texts));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let long_overdue = match long_after.get_untracked().trim().parse::<u32>() {
            Ok(h) if h > 0 => Minutes(h * 60),
            _ => {
                return error.set(Some(Said::new(move || {
                    format!(
                        "{}: {}",
                        i18n.t(SettingsMsg::LongOverdueAfter)(),
                        i18n.t(SettingsMsg::ErrLongOverdue)()
                    )
                })));
            }
        };
        let enforced_from = match from.get_untracked().trim() {
            "" => None,
            day => match crate::domain::instant::parse_typed_date(day) {
                Some(d) => {
                    use chrono::TimeZone;
                    tz.from_local_datetime(&d.and_time(chrono::NaiveTime::MIN))
                        .earliest()
                        .map(|t| t.with_timezone(&chrono::Utc))
                }
                None => {
                    let day = day.to_owned();
                    return error.set(Some(Said::new(move || match i18n.0.get() {
                        Lang::En => format!(
                            "{}: “{day}” is not a date. Write 01/12/2026 or 2026-12-01, or leave it empty.",
                            i18n.t(SettingsMsg::SlaEnforcedFrom)()
                        ),
                        Lang::Vi => format!(
                            "{}: “{day}” không phải là ngày. Hãy viết 01/12/2026 hoặc 2026-12-01, hoặc để trống.",
                            i18n.t(SettingsMsg::SlaEnforcedFrom)()
                        ),
                    })));
                }
            },
        };
        let mut times = [Span::default(); 3];
        for (i, (label, _, number, unit)) in spans.iter().enumerate() {
            match join(&number.get_untracked(), unit.get_untracked()) {
                Some(v) => times[i] = v,
                None => {
                    let label = *label;
                    return error.set(Some(Said::new(move || {
                        format!("{}: {}", i18n.t(label)(), i18n.t(PageMsg::ErrWholeNumber)())
                    })));
                }
            }
        }
        let mut values = [0u32; 4];
        for (i, (label, _, sig)) in fields.iter().enumerate() {
            match sig.get_untracked().trim().parse::<u32>() {
                Ok(v) => values[i] = v,
                Err(_) => {
                    let label = *label;
                    return error.set(Some(Said::new(move || {
                        format!("{}: {}", i18n.t(label)(), i18n.t(PageMsg::ErrWholeNumber)())
                    })));
                }
            }
        }
        let [fr, within, reassign] = times;
        let [min, max, gap, risk] = values;
        let nurture_days = match nurture.get_untracked().trim() {
            "" => None,
            n => match n.parse::<u32>() {
                Ok(v) => Some(v),
                Err(_) => {
                    return error.set(Some(Said::new(move || {
                        format!(
                            "{}: {}",
                            i18n.t(PageMsg::NurtureDays)(),
                            i18n.t(PageMsg::ErrWholeNumber)()
                        )
                    })));
                }
            },
        };
        if fr.is_zero() || min == 0 || within.is_zero() {
            return error.set(Some(Said::new(move || {
                i18n.t(PageMsg::ErrPositive)().to_owned()
            })));
        }
        if max < min {
            return error.set(Some(Said::new(move || {
                i18n.t(SettingsMsg::ErrMaxBelowMin)().to_owned()
            })));
        }
        // The calls must fit in their window: N calls `gap` minutes apart
        // need (N − 1) × gap of working time.
        let day = state.insights.with_untracked(|i| i.working_day());
        let need = u64::from(min.saturating_sub(1)) * u64::from(gap);
        let window = u64::from(within.minutes(day));
        if need > window {
            return error.set(Some(Said::new(move || {
                crate::ui::i18n::pages::settings::attempts_do_not_fit(
                    i18n.0.get(),
                    min,
                    gap,
                    need,
                    window,
                )
            })));
        }
        if risk > 100 {
            return error.set(Some(Said::new(move || {
                i18n.t(SettingsMsg::ErrPercent)().to_owned()
            })));
        }
        let mut s = state.settings.get_untracked();
        let d = &mut s.policies.default;
        // First, so a refusal leaves every target as it was.
        if d.set_nurture(nurture_days).is_err() {
            return error.set(Some(Said::new(move || {
                i18n.t(SettingsMsg::ErrNurtureZero)().to_owned()
            })));
        }
        d.first_response = fr;
        d.attempts.min_attempts = min;
        d.attempts.within = within;
        d.attempts.max_attempts = max;
        d.attempts.min_gap = Minutes(gap);
        d.reassign_after = reassign;
        d.at_risk_percent = risk as u8;
        s.policies.enforced_from = enforced_from;
        // The default stays unwritten (older files and devices read it alike).
        s.policies.long_overdue_after =
            (long_overdue != crate::domain::sla::SlaPolicies::LONG_OVERDUE).then_some(long_overdue);
        error.set(None);
        follow.put(texts(&s));
        state.save_settings(s);
    };
    let span_view = move |i: usize| {
        let (label, id, number, unit) = spans[i];
        view! { <SpanField id=id label=Signal::derive(move || i18n.t(label)().to_owned()) number=number unit=unit /> }
    };
    let field_view = move |i: usize| {
        let (label, id, sig) = fields[i];
        view! {
            <label for=id>{i18n.t(label)}</label>
            <input id=id data-testid=id type="number" min="0" bind:value=sig />
        }
    };
    view! {
        <section class="card" data-testid="policy-editor">
            <h2>{i18n.t(SettingsMsg::SlaPolicy)}</h2>
            <form on:submit=save class="grid-form">
                // In the order a person reads the rule: respond, call N
                // times within X (at most M, G apart), reassign, stop.
                {span_view(0)}
                {field_view(0)}
                {span_view(1)}
                {field_view(1)}
                {field_view(2)}
                {span_view(2)}
                // min 0, not 1: a 0 reaches the save, which says why it is refused.
                <label for="policy-nurture">{i18n.t(PageMsg::NurtureDays)}</label>
                <input id="policy-nurture" data-testid="policy-nurture" type="number" min="0" placeholder=i18n.t(SettingsMsg::Never) aria-describedby="policy-nurture-hint" bind:value=nurture />
                <p class="muted hint" id="policy-nurture-hint">{i18n.t(SettingsMsg::NurtureHint)}</p>
                {field_view(3)}
                <label for="policy-from">{i18n.t(SettingsMsg::SlaEnforcedFrom)}</label>
                <input id="policy-from" data-testid="policy-from" type="date" aria-describedby="policy-from-hint" bind:value=from />
                <p class="muted hint" id="policy-from-hint">{i18n.t(SettingsMsg::SlaEnforcedFromHint)}</p>
                <label for="policy-long-overdue">{i18n.t(SettingsMsg::LongOverdueAfter)}</label>
                <input id="policy-long-overdue" data-testid="policy-long-overdue" type="number" min="1" aria-describedby="policy-long-overdue-hint" bind:value=long_after />
                <p class="muted hint" id="policy-long-overdue-hint">{i18n.t(SettingsMsg::LongOverdueHint)}</p>
                <button type="submit" class="primary" data-testid="save-policy">{i18n.t(PageMsg::Save)}</button>
            </form>
            <SectionError error=error testid="policy-error" />
            <ChangedUnderneath follow=follow testid="policy-underneath" />
        </section>
    }
}

/// Policy rules: the first rule whose conditions match a lead sets its
/// targets; a new rule starts from the default policy with its own first
/// response target.
#[component]
pub(super) fn RulesEditor() -> impl IntoView {
    use crate::domain::lead::Priority;
    use crate::domain::sla::{Conditions, SlaPolicy};
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let error = RwSignal::new(None::<Said>);
    let name = RwSignal::new(String::new());
    let source = RwSignal::new(String::new());
    let priority = RwSignal::new(String::new());
    let first = RwSignal::new("15".to_owned());
    let priorities = [
        Priority::Low,
        Priority::Normal,
        Priority::High,
        Priority::Urgent,
    ];
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_owned();
        if n.is_empty() {
            return error.set(Some(Said::new(move || {
                i18n.t(PageMsg::ErrNameMissing)().to_owned()
            })));
        }
        let Some(fr) = first
            .get_untracked()
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|v| *v > 0)
        else {
            return error.set(Some(Said::new(move || {
                i18n.t(PageMsg::ErrPositive)().to_owned()
            })));
        };
        let src = source.get_untracked().trim().to_owned();
        let pr: Vec<Priority> = priorities
            .into_iter()
            .filter(|p| format!("{p:?}") == priority.get_untracked())
            .collect();
        if src.is_empty() && pr.is_empty() {
            return error.set(Some(Said::new(move || {
                i18n.t(SettingsMsg::ErrRuleCondition)().to_owned()
            })));
        }
        let mut s = state.settings.get_untracked();
        s.policies.rules.push(SlaPolicy {
            name: n,
            conditions: Conditions {
                priorities: pr,
                sources: if src.is_empty() {
                    Vec::new()
                } else {
                    vec![src]
                },
                campaigns: Vec::new(),
            },
            first_response: Span::Minutes(fr),
            ..s.policies.default.clone()
        });
        error.set(None);
        name.set(String::new());
        state.save_settings(s);
    };
    // A rule's first-response target as the clocks write durations.
    let span_text = move |sp: Span| {
        let wd = state.insights.with_untracked(|i| i.working_day());
        duration(sp.delta(wd), Clock::Business(wd), i18n.0.get())
    };
    let remove = move |i: usize| {
        let mut s = state.settings.get_untracked();
        if i < s.policies.rules.len() {
            s.policies.rules.remove(i);
            state.save_settings(s);
        }
    };
    view! {
        <section class="card" data-testid="rules-editor">
            <h2>{i18n.t(SettingsMsg::PolicyRules)}</h2>
            <p class="muted">{i18n.t(SettingsMsg::PolicyRulesHint)}</p>
            <table class="data">
                <thead><tr><th>{i18n.t(SettingsMsg::RuleName)}</th><th>{i18n.t(PageMsg::Source)}</th><th>{i18n.t(PageMsg::Priority)}</th><th>{i18n.t(PageMsg::FirstResponseMinutes)}</th><th><span class="visually-hidden">{i18n.t(PageMsg::Delete)}</span></th></tr></thead>
                <tbody>
                    {move || state.settings.get().policies.rules.into_iter().enumerate().map(|(i, r)| {
                        let prio = r.conditions.priorities.iter().map(|p| i18n.t(crate::ui::format::priority_msg(*p))()).collect::<Vec<_>>().join(", ");
                        view! {
                            <tr data-testid="rule-row">
                                <td>{r.name.clone()}</td>
                                <td>{r.conditions.sources.join(", ")}</td>
                                <td>{prio}</td>
                                <td>{span_text(r.first_response)}</td>
                                <td><button type="button" aria-label=i18n.t(PageMsg::Delete) on:click=move |_| remove(i)>"✕"</button></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <form class="row" on:submit=add>
                <input data-testid="rule-name" aria-label=i18n.t(SettingsMsg::RuleName) bind:value=name />
                <input data-testid="rule-source" placeholder=i18n.t(PageMsg::Source) aria-label=i18n.t(PageMsg::Source) bind:value=source />
                <select data-testid="rule-priority" aria-label=i18n.t(PageMsg::Priority) bind:value=priority>
                    <option value="">{i18n.t(PageMsg::AllPriorities)}</option>
                    {priorities.map(|p| view! { <option value=format!("{p:?}")>{i18n.t(crate::ui::format::priority_msg(p))}</option> }).collect_view()}
                </select>
                <input type="number" min="1" data-testid="rule-first-response" aria-label=i18n.t(PageMsg::FirstResponseMinutes) bind:value=first />
                <button type="submit" data-testid="add-rule">{i18n.t(SettingsMsg::AddRule)}</button>
            </form>
            <SectionError error=error testid="rules-error" />
        </section>
    }
}
