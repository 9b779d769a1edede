//! The scorecard's audits card (issue 30): draw a reproducible random
//! sample of each rep's logged calls and messages in the period shown
//! (`domain::audit`), record a verdict on each (a checklist, passed or
//! failed, a note), see each rep's pass rate, and print the sheet for the
//! weekly meeting. The seed is shown, and kept with every verdict; drawing
//! again from it says whether it still gives the sample its verdicts were
//! given on. The pass rate of a period is also a KPI of each rep's card
//! above (`Kpi::AuditPassRate`).

use crate::app::clock;
use crate::app::routes::Page;
use crate::app::state::{AppState, Toast};
use crate::domain::activity::ActivityKind;
use crate::domain::audit::{AuditSetup, Check, Draw, Verdict, seed_of};
use crate::domain::scorecard::Period;
use crate::storage::Change;
use crate::ui::format::{kind_msg, local_datetime, outcome_msg, percent};
use crate::ui::i18n::pages::audits::{self as words, W};
use crate::ui::i18n::{tr, use_i18n};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::cell::Cell;

/// The card's own rules, carried by its module rather than the first
/// load's stylesheet (the page's CSP allows inline styles).
const STYLE: &str = "\
.audit-picks,.checks{padding-left:1.2rem}\
.audit-pick{margin-bottom:.8rem}\
.audit-pick p{margin:.2rem 0}\
.checks{list-style:none;margin:.2rem 0}\
.audit-form label,.audit-draw label{display:flex;flex-direction:column;gap:.2rem}\
.audit-form label.check{flex-direction:row;align-items:center;min-height:44px;gap:.5rem}\
.checks.blank{display:none}\
@media (max-width:560px){\
.audit-summary tbody tr{grid-template-columns:1fr 1fr;gap:.5rem .8rem;padding:.7rem 0}\
.audit-summary tbody th{grid-column:1/-1;padding:0;font-size:1rem}\
.audit-summary td{padding:0;text-align:left}\
.audits .cell-label{display:block;font-size:.75rem;font-weight:400;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}}\
@media print{.checks.blank{display:block}\
.print-audits .scorecard-page>:not(.audits):not(.print-head){display:none!important}}";

mod sample;
mod setup;
use sample::{Shown, sample};
use setup::SetupEditor;

thread_local! {
    /// The sample drawn last in this tab (kept while a person opens a lead
    /// and comes back).
    static DRAWN: Cell<Option<Draw>> = const { Cell::new(None) };
}

#[component]
pub(super) fn AuditsCard(period: Memo<Period>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let lang = i18n.0;
    let t = move |w: W| words::t(lang.get(), w);
    let setup = Memo::new(move |_| state.settings.with(AuditSetup::of));
    let range = Memo::new(move |_| {
        let tz = state.insights.with(|i| i.timezone());
        period.get().range(tz)
    });
    // The draws this period's verdicts came from, the latest first.
    let recorded = Memo::new(move |_| {
        let (from, to) = range.get();
        let ins = state.insights.get();
        let Some(p) = ins.prepared() else {
            return Vec::new();
        };
        let mut found: Vec<(DateTime<Utc>, Draw)> = p
            .audits()
            .iter()
            .filter(|a| a.draw.from == from && a.draw.to == to)
            .map(|a| (a.at, a.draw))
            .collect();
        crate::sort::sort_by(&mut found, |a, b| b.0.cmp(&a.0));
        let mut draws: Vec<Draw> = Vec::new();
        for (_, d) in found {
            if !draws.contains(&d) {
                draws.push(d);
            }
        }
        draws
    });
    // The size chosen in this tab for a period (its seed is the period's).
    let chosen = RwSignal::new(DRAWN.get());
    let shown_draw = Memo::new(move |_| {
        let (from, to) = range.get();
        let asked = chosen.get().filter(|d| d.from == from && d.to == to);
        // The largest sample its verdicts were given in, else none yet.
        let recorded = recorded.with(|r| {
            r.iter()
                .filter(|d| d.seed == seed_of(from, to))
                .map(|d| d.per_rep)
                .max()
        });
        asked.map(|d| d.per_rep).or(recorded).map(|per_rep| Draw {
            seed: seed_of(from, to),
            from,
            to,
            per_rep: per_rep.max(recorded.unwrap_or(0)),
        })
    });
    let rows = Memo::new(move |_| shown_draw.get().map(|d| sample(state, &d)));
    let per_rep = RwSignal::new(setup.get_untracked().per_rep.to_string());
    let draw_problem = RwSignal::new(None::<String>);
    let do_draw = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = lang.get_untracked();
        let typed = per_rep.get_untracked();
        let n = if typed.trim().is_empty() {
            setup.get_untracked().per_rep
        } else {
            match words::whole(typed.trim()) {
                Some(n) => n,
                None => {
                    return draw_problem.set(Some(words::not_a_number(
                        l,
                        words::t(l, W::PerRep),
                        typed.trim(),
                    )));
                }
            }
        };
        if let Some(p) = (AuditSetup {
            questions: Vec::new(),
            per_rep: n,
        })
        .problem()
        {
            return draw_problem.set(Some(words::problem(l, p, typed.trim())));
        }
        draw_problem.set(None);
        let (from, to) = range.get_untracked();
        let d = Draw {
            seed: seed_of(from, to),
            from,
            to,
            per_rep: n,
        };
        DRAWN.set(Some(d));
        chosen.set(Some(d));
    };
    let questions = Memo::new(move |_| {
        let q = setup.with(|s| s.questions.clone());
        if q.is_empty() {
            words::default_questions(lang.get())
        } else {
            q
        }
    });
    // The verdict form: which activity, its answers, passed or failed, the note.
    let open = RwSignal::new(None::<String>);
    let checks = RwSignal::new(Vec::<bool>::new());
    let passed = RwSignal::new(None::<bool>);
    let note = RwSignal::new(String::new());
    let form_problem = RwSignal::new(None::<W>);
    let record = move |row: &Shown| {
        let Some(d) = shown_draw.get_untracked() else {
            return;
        };
        let Some(ok) = passed.get_untracked() else {
            return form_problem.set(Some(W::ChooseVerdict));
        };
        let answers = checks.get_untracked();
        // A fail, a pass with a question answered no, or a verdict turned
        // round says why in words.
        let turned = row.verdicts.first().is_some_and(|(_, v)| v.passed != ok);
        if (!ok || answers.contains(&false) || turned) && note.get_untracked().trim().is_empty() {
            return form_problem.set(Some(W::NoteNeeded));
        }
        let verdict = Verdict {
            of: row.key.clone(),
            of_at: row.audited.at,
            passed: ok,
            checks: questions
                .get_untracked()
                .into_iter()
                .enumerate()
                .map(|(i, question)| Check {
                    question,
                    yes: answers.get(i).copied().unwrap_or(false),
                })
                .collect(),
            draw: d,
        };
        let by = state.actor_name();
        let audit = verdict.record(
            row.lead,
            &row.audited,
            &note.get_untracked(),
            by.as_deref(),
            clock::now(),
        );
        let (en, vi) = words::recorded(lang.get_untracked(), &row.lead_name, ok);
        state.persist(Change::log(audit), Some(Toast::Said { en, vi }));
        open.set(None);
    };
    let print_sheet = move |_| {
        let body = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body());
        if let Some(b) = &body {
            let _ = b.class_list().add_1("print-audits");
        }
        super::print();
        if let Some(b) = &body {
            let _ = b.class_list().remove_1("print-audits");
        }
    };
    view! {
        <section class="card audits" data-testid="audits-card">
            <style>{STYLE}</style>
            <h2>{move || t(W::Title)}</h2>
            <p class="print-only print-scope">{move || format!("{} · {}", t(W::SheetTitle), crate::ui::format::period_label(period.get(), lang.get()))}</p>
            <p class="muted no-print">{move || words::intro(lang.get(), &crate::ui::format::period_label(period.get(), lang.get()))}</p>
            <Show when=move || state.can_audit() fallback=move || view! { <p class="muted no-print" data-testid="audits-readonly">{move || t(W::OnlyAuditors)}</p> }>
                <form class="row no-print audit-draw" on:submit=do_draw>
                    <label>{move || t(W::PerRep)}
                        <input type="text" inputmode="numeric" data-testid="audit-per-rep" bind:value=per_rep />
                    </label>
                    <button type="submit" data-testid="audit-draw">{move || t(W::DrawButton)}</button>
                </form>
                <p class="muted no-print">{move || t(W::SeedHint)}</p>
                {move || draw_problem.get().map(|p| view! { <p class="error" role="alert" data-testid="audit-draw-error">{p}</p> })}
            </Show>
            {move || {
                let l = lang.get();
                let Some(d) = shown_draw.get() else {
                    return view! { <p class="muted" data-testid="audit-none">{words::t(l, W::NothingDrawn)}</p> }.into_any();
                };
                let (list, stray) = rows.get().unwrap_or_default();
                if list.is_empty() {
                    return view! {
                        <p data-testid="audit-draw-line">{words::draw_line(l, d.seed, d.per_rep, 0, stray)}</p>
                        <p class="muted" data-testid="audit-empty">{words::nothing_to_draw(l)}</p>
                    }.into_any();
                }
                let others: Vec<String> = recorded.get().iter().filter(|o| **o != d).map(|o| o.seed.to_string()).collect();
                // Per rep: drawn, audited, passed (current verdicts).
                let mut reps: Vec<(String, usize, usize, usize)> = Vec::new();
                for r in &list {
                    let i = match reps.iter().position(|x| x.0 == r.rep) {
                        Some(i) => i,
                        None => { reps.push((r.rep.clone(), 0, 0, 0)); reps.len() - 1 }
                    };
                    reps[i].1 += 1;
                    if let Some((_, v)) = r.verdicts.first() {
                        reps[i].2 += 1;
                        reps[i].3 += usize::from(v.passed);
                    }
                }
                let rate = move |p: usize, n: usize| if n == 0 { "—".to_owned() } else { percent(p as f64 * 100.0 / n as f64, l) };
                let label = move |w: W| view! { <span class="cell-label">{words::t(l, w)}</span> };
                let summary = reps.iter().map(|(name, drawn, audited, ok)| view! {
                    <tr data-testid="audit-rep-row" data-rep=name.clone()>
                        <th scope="row">{name.clone()}</th>
                        <td>{label(W::Drawn)}<span data-testid="audit-rep-drawn">{*drawn}</span></td>
                        <td>{label(W::Audited)}<span data-testid="audit-rep-audited">{*audited}</span></td>
                        <td>{label(W::Passed)}<span data-testid="audit-rep-passed">{*ok}</span></td>
                        <td>{label(W::PassRate)}<span data-testid="audit-rep-rate">{rate(*ok, *audited)}</span></td>
                    </tr>
                }).collect_view();
                let mut groups: Vec<(String, Vec<Shown>)> = Vec::new();
                for r in list {
                    match groups.iter_mut().find(|g| g.0 == r.rep) {
                        Some(g) => g.1.push(r),
                        None => groups.push((r.rep.clone(), vec![r])),
                    }
                }
                let groups = groups.into_iter().map(|(rep, picks)| {
                    let items = picks.into_iter().map(|row| {
                        let a = &row.audited;
                        let what = if a.kind == ActivityKind::Call || a.kind.outcomes().contains(&a.outcome) {
                            format!("{} · {}", tr(l, kind_msg(a.kind)), tr(l, outcome_msg(a.outcome)))
                        } else {
                            tr(l, kind_msg(a.kind)).to_owned()
                        };
                        let when = local_datetime(a.at, l);
                        let current = row.verdicts.first().map(|(rec, v)| (v.passed, words::verdict(l, v.passed, rec.by.as_deref(), &local_datetime(rec.at, l)), rec.note.as_deref().map(str::to_owned), v.checks.clone()));
                        let state_attr = match &current { None => "open", Some((true, ..)) => "passed", Some((false, ..)) => "failed" };
                        let key = row.key.clone();
                        let key_open = row.key.clone();
                        let key_form = StoredValue::new(row.key.clone());
                        let is_open = move || key_form.with_value(|k| open.with(|o| o.as_deref() == Some(k.as_str())));
                        let row_v = StoredValue::new(row.clone());
                        let n_questions = questions.with_untracked(Vec::len);
                        let verdict_line = match &current {
                            None => view! { <p class="muted" data-testid="audit-verdict">{words::t(l, W::NotAudited)}</p> }.into_any(),
                            Some((ok, text, note, _)) => view! {
                                <p class={if *ok { "kpi kept" } else { "kpi missed" }} data-testid="audit-verdict">{text.clone()}</p>
                                {note.clone().map(|n| view! { <p class="note-text" data-testid="audit-note">{n}</p> })}
                            }.into_any(),
                        };
                        // The sheet: the answers given, or boxes to tick by hand.
                        let sheet = match &current {
                            Some((_, _, _, answers)) => answers.iter().map(|c| view! { <li>{if c.yes { "☑ " } else { "☒ " }}{c.question.clone()}</li> }).collect_view().into_any(),
                            None => questions.get_untracked().into_iter().map(|q| view! { <li>"☐ "{q}</li> }).collect_view().into_any(),
                        };
                        view! {
                            <li class="audit-pick" data-testid="audit-pick" data-key=key data-state=state_attr>
                                <p>
                                    <time>{when}</time>" · "
                                    <a href=Page::Lead(row.lead).href() data-testid="audit-lead">{row.lead_name.clone()}</a>
                                    " · "<span data-testid="audit-what">{what}</span>
                                    {(!row.phone.is_empty()).then(|| view! { <span class="print-only">" · "{row.phone.clone()}</span> })}
                                </p>
                                {a.note.as_deref().map(|n| view! { <p class="note-text muted">{n.to_owned()}</p> })}
                                {verdict_line}
                                <ul class={if current.is_some() { "checks" } else { "checks blank" }} data-testid="audit-checks">{sheet}</ul>
                                // On paper, the verdict and the note to write by hand.
                                {current.is_none().then(|| view! {
                                    <p class="print-only">{format!("☐ {}   ☐ {}   {}: ______________________________", words::t(l, W::Passed), words::t(l, W::Failed), words::t(l, W::Note))}</p>
                                })}
                                <Show when=move || state.can_audit() && !is_open()>
                                    <button type="button" class="no-print" data-testid="audit-open" on:click={
                                        let key = key_open.clone();
                                        move |_| {
                                            // Again: the answers given last time, to change.
                                            let before = row_v.with_value(|r| r.verdicts.first().map(|(_, v)| v.checks.clone()));
                                            let asked = questions.get_untracked();
                                            checks.set(asked.iter().map(|q| before.as_ref().is_some_and(|b| b.iter().any(|c| &c.question == q && c.yes))).collect());
                                            let _ = n_questions;
                                            passed.set(None);
                                            note.set(String::new());
                                            form_problem.set(None);
                                            open.set(Some(key.clone()));
                                        }
                                    }>{words::t(l, if current.is_some() { W::AuditAgain } else { W::Audit })}</button>
                                </Show>
                                <Show when=is_open>
                                    <form class="audit-form no-print" data-testid="audit-form" on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); row_v.with_value(|r| record(r)); }>
                                        <fieldset>
                                            <legend>{words::t(l, W::Verdict)}</legend>
                                            {questions.get_untracked().into_iter().enumerate().map(|(i, q)| view! {
                                                <label class="check">
                                                    <input type="checkbox" data-testid="audit-check" prop:checked=move || checks.with(|c| c.get(i).copied().unwrap_or(false)) on:change=move |ev| {
                                                        let on = event_target_checked(&ev);
                                                        checks.update(|c| if let Some(x) = c.get_mut(i) { *x = on });
                                                    } />
                                                    {q}
                                                </label>
                                            }).collect_view()}
                                            <label class="check"><input type="radio" name="audit-verdict" data-testid="audit-pass" on:change=move |_| { passed.set(Some(true)); form_problem.set(None); } />{words::t(l, W::Passed)}</label>
                                            <label class="check"><input type="radio" name="audit-verdict" data-testid="audit-fail" on:change=move |_| { passed.set(Some(false)); form_problem.set(None); } />{words::t(l, W::Failed)}</label>
                                        </fieldset>
                                        <label>{words::t(l, W::Note)}
                                            <textarea data-testid="audit-note-input" maxlength="2000" bind:value=note></textarea>
                                        </label>
                                        {move || form_problem.get().map(|w| view! { <p class="error" role="alert" data-testid="audit-form-error">{words::t(l, w)}</p> })}
                                        <div class="row">
                                            <button type="submit" class="primary" data-testid="audit-record">{words::t(l, W::Record)}</button>
                                            <button type="button" data-testid="audit-cancel" on:click=move |_| open.set(None)>{words::t(l, W::Cancel)}</button>
                                        </div>
                                    </form>
                                </Show>
                            </li>
                        }
                    }).collect_view();
                    view! {
                        <h3>{rep}</h3>
                        <ol class="audit-picks">{items}</ol>
                    }
                }).collect_view();
                view! {
                    <p data-testid="audit-draw-line">{words::draw_line(l, d.seed, d.per_rep, reps.iter().map(|r| r.1).sum(), stray)}</p>
                    {(!others.is_empty()).then(|| view! { <p class="muted" data-testid="audit-other-draws">{words::other_draws(l, &others.join(", "))}</p> })}
                    <table class="data audit-summary" data-testid="audit-summary">
                        <thead><tr>
                            <th scope="col">{words::t(l, W::Rep)}</th>
                            <th scope="col">{words::t(l, W::Drawn)}</th>
                            <th scope="col">{words::t(l, W::Audited)}</th>
                            <th scope="col">{words::t(l, W::Passed)}</th>
                            <th scope="col">{words::t(l, W::PassRate)}</th>
                        </tr></thead>
                        <tbody>{summary}</tbody>
                    </table>
                    {groups}
                    <button type="button" class="no-print" data-testid="audit-print" on:click=print_sheet>{words::t(l, W::Print)}</button>
                }.into_any()
            }}
            // The checklist is the auditors' tool: set by whoever audits and
            // may change the settings (an admin, or a person alone).
            <Show when=move || state.can_edit() && state.can_audit()>
                <SetupEditor />
            </Show>
        </section>
    }
}
