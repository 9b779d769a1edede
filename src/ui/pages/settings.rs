//! `/settings`: reps, the default SLA policy (and when it is enforced
//! from), the pipeline, the country of phone numbers and the business
//! calendar. Each section validates before saving and shows what is wrong
//! next to the section's save button; nothing invalid is stored.

use crate::app::state::{AppState, Loading};
use crate::domain::pipeline::{Pipeline, Stage, StageId, StageKind};
use crate::domain::rep::{Membership, Rep};
use crate::ui::components::team_sync::TeamSyncPanel;
use crate::ui::i18n::pages::PageMsg;
use crate::ui::i18n::pages::settings::SettingsMsg;
use crate::ui::i18n::team::{self as tt, T};
use crate::ui::i18n::{Lang, Msg, use_i18n};
use leptos::prelude::*;

mod calendar;
mod country;
mod distribution;
mod follow;
mod policies;
mod span;

use country::CountryEditor;
pub use country::country_name;
use policies::{PolicyEditor, RulesEditor};

use calendar::CalendarEditor;
use distribution::DistributionEditor;

/// The settings screen.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Imported leads, and a rep switching on, reach distribution.
    crate::app::distribute::install(state);
    let i18n = use_i18n();
    // The policy and calendar forms start from the stored values (they
    // are shown only once the workspace is loaded) and follow them while a
    // person edits (`follow`): what someone is typing is never wiped.
    view! {
        <div class="settings-page" data-testid="page-settings">
            <h1>{i18n.t(Msg::NavSettings)}</h1>
            <Show when=move || state.loading.get() == Loading::Ready>
                <TeamSyncPanel />
                // A viewer (or a store that cannot write) reads the settings
                // with every control disabled; the notice under the header
                // says why.
                <fieldset class="bare" data-testid="settings-editors" disabled=move || !state.can_edit()>
                    <RepsEditor />
                    <DistributionEditor />
                    <PolicyEditor />
                    <RulesEditor />
                    <PipelineEditor />
                    <CountryEditor />
                    <CalendarEditor />
                    <RewardsNote />
                </fieldset>
            </Show>
        </div>
    }
}

/// Settings → Rewards: the plan is set where its statements are read,
/// the scorecard's month, so a draft is tried on the month's figures
/// before it is adopted.
#[component]
fn RewardsNote() -> impl IntoView {
    let lang = use_i18n().0;
    view! {
        <section class="card" data-testid="rewards-note">
            <h2>{move || match lang.get() { Lang::En => "Rewards", Lang::Vi => "Thưởng và phạt" }}</h2>
            <p>
                {move || match lang.get() {
                    Lang::En => "The bonus and penalty plan of both teams is set on the ",
                    Lang::Vi => "Kế hoạch thưởng và phạt của hai đội được đặt ở ",
                }}
                <a href=crate::app::routes::Page::Scorecard.href() data-testid="rewards-link">{move || match lang.get() {
                    Lang::En => "Scorecard, by month",
                    Lang::Vi => "Bảng điểm, theo tháng",
                }}</a>
                {move || match lang.get() {
                    Lang::En => ": there each draft is tried on a month's figures before it is adopted, and each person's statement says why, line by line.",
                    Lang::Vi => ": ở đó mỗi bản nháp được thử trên số liệu của một tháng trước khi áp dụng, và bảng thưởng của mỗi người nói rõ lý do từng dòng.",
                }}
            </p>
        </section>
    }
}

/// A message said in the language shown now, each time it is shown: an
/// error written before the person switched languages follows the switch.
#[derive(Clone)]
pub(crate) struct Said(std::sync::Arc<dyn Fn() -> String + Send + Sync>);

impl Said {
    /// Says `f()`; `f` reads the language reactively (`i18n.t(..)()`,
    /// `i18n.0.get()`).
    pub(crate) fn new(f: impl Fn() -> String + Send + Sync + 'static) -> Said {
        Said(std::sync::Arc::new(f))
    }

    /// The words now.
    pub(crate) fn get(&self) -> String {
        (self.0)()
    }
}

/// An error line under a section.
#[component]
fn SectionError(error: RwSignal<Option<Said>>, testid: &'static str) -> impl IntoView {
    view! { <p class="field-error" role="alert" data-testid=testid>{move || error.get().map(|s| s.get())}</p> }
}

#[component]
fn RepsEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let team = RwSignal::new("sales".to_owned());
    let capacity = RwSignal::new("50".to_owned());
    let error = RwSignal::new(None::<Said>);
    let parse_team = |t: &str| match t {
        "marketing" => Membership::Marketing,
        "both" => Membership::Both,
        _ => Membership::Sales,
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Not a whole number: refused as a capacity of 0 is.
        let cap = capacity.get_untracked().trim().parse::<u32>().unwrap_or(0);
        let membership = parse_team(&team.get_untracked());
        let mut s = state.settings.get_untracked();
        match Rep::added(&name.get_untracked(), membership, cap, &s.reps) {
            Ok(rep) => s.reps.push(rep),
            Err(e) => {
                return error.set(Some(Said::new(move || {
                    crate::ui::i18n::settings::rep_error(i18n.0.get(), &e)
                })));
            }
        }
        error.set(None);
        name.set(String::new());
        state.save_settings(s);
    };
    let shared = move || state.link.with(Option::is_some);
    let update = move |i: usize, f: Box<dyn Fn(&mut Rep)>| {
        let mut s = state.settings.get_untracked();
        if let Some(r) = s.reps.get_mut(i) {
            f(r);
            state.save_settings(s);
        }
    };
    view! {
        <section class="card" data-testid="reps-editor">
            <h2>{i18n.t(SettingsMsg::Reps)}</h2>
            <table class="data">
                <thead><tr><th>{i18n.t(PageMsg::Name)}</th><th>{i18n.t(PageMsg::Team)}</th><th>{i18n.t(SettingsMsg::Capacity)}</th><th>{i18n.t(SettingsMsg::Active)}</th><Show when=shared><th>{move || tt::t(i18n.0.get(), T::TeamUser)}</th></Show></tr></thead>
                <tbody>
                    {move || state.settings.get().reps.into_iter().enumerate().map(|(i, r)| {
                        let t = match r.team { Membership::Marketing => "marketing", Membership::Sales => "sales", Membership::Both => "both" };
                        view! {
                            <tr data-testid="rep-row">
                                <td>{r.name.clone()}</td>
                                <td>
                                    <select aria-label=i18n.t(PageMsg::Team) on:change=move |ev| { let v = parse_team(&event_target_value(&ev)); update(i, Box::new(move |r| r.team = v)); }>
                                        <option value="marketing" selected=t == "marketing">{i18n.t(PageMsg::TeamMarketing)}</option>
                                        <option value="sales" selected=t == "sales">{i18n.t(PageMsg::TeamSales)}</option>
                                        <option value="both" selected=t == "both">{i18n.t(SettingsMsg::TeamBoth)}</option>
                                    </select>
                                </td>
                                <td>
                                    <input type="number" min="1" aria-label=i18n.t(SettingsMsg::Capacity) prop:value=r.capacity.to_string() on:change=move |ev| {
                                        match event_target_value(&ev).trim().parse::<u32>() {
                                            Ok(c) if c > 0 => { error.set(None); update(i, Box::new(move |r| r.capacity = c)); }
                                            _ => error.set(Some(Said::new(move || i18n.t(SettingsMsg::ErrCapacity)().to_owned()))),
                                        }
                                    } />
                                </td>
                                <td>
                                    <label class="tap"><input type="checkbox" aria-label=i18n.t(SettingsMsg::Active) prop:checked=r.active on:change=move |ev| { let on = event_target_checked(&ev); update(i, Box::new(move |r| r.active = on)); } /></label>
                                </td>
                                <Show when=shared>
                                    <td>
                                        <input data-testid="rep-user" autocapitalize="off" aria-label=format!("{} — {}", tt::t(i18n.0.get_untracked(), T::TeamUser), r.name) prop:value=r.user.clone().unwrap_or_default() on:change=move |ev| {
                                            let v = event_target_value(&ev).trim().to_owned();
                                            update(i, Box::new(move |r| r.user = (!v.is_empty()).then(|| v.clone())));
                                        } />
                                    </td>
                                </Show>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <form class="row" on:submit=add>
                <input data-testid="rep-name" placeholder=i18n.t(PageMsg::Name) aria-label=i18n.t(PageMsg::Name) bind:value=name />
                <select data-testid="rep-team" aria-label=i18n.t(PageMsg::Team) bind:value=team>
                    <option value="marketing">{i18n.t(PageMsg::TeamMarketing)}</option>
                    <option value="sales">{i18n.t(PageMsg::TeamSales)}</option>
                    <option value="both">{i18n.t(SettingsMsg::TeamBoth)}</option>
                </select>
                <input type="number" min="1" data-testid="rep-capacity" aria-label=i18n.t(SettingsMsg::Capacity) bind:value=capacity />
                <button type="submit" data-testid="add-rep">{i18n.t(SettingsMsg::AddRep)}</button>
            </form>
            <SectionError error=error testid="reps-error" />
        </section>
    }
}

/// One edit of the stage list and gate.
type StageEdit = Box<dyn FnOnce(&mut Vec<Stage>, &mut StageId)>;

#[component]
fn PipelineEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let error = RwSignal::new(None::<Said>);
    let new_name = RwSignal::new(String::new());
    let apply = move |f: StageEdit| {
        let mut s = state.settings.get_untracked();
        let mut stages = s.pipeline.stages().to_vec();
        let mut gate = s.pipeline.gate().id.clone();
        f(&mut stages, &mut gate);
        match Pipeline::new(stages, &gate) {
            Ok(p) => {
                error.set(None);
                s.pipeline = p;
                state.save_settings(s);
            }
            Err(e) => error.set(Some(Said::new(move || {
                crate::ui::i18n::settings::pipeline_error(i18n.0.get(), &e)
            }))),
        }
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked().trim().to_owned();
        if name.is_empty() {
            return error.set(Some(Said::new(move || {
                crate::ui::i18n::settings::pipeline_error(
                    i18n.0.get(),
                    &crate::domain::pipeline::PipelineError::EmptyName(
                        crate::domain::pipeline::StageId::new(""),
                    ),
                )
            })));
        }
        new_name.set(String::new());
        apply(Box::new(move |stages, _| {
            let at = stages
                .iter()
                .rposition(|s| s.kind == StageKind::Open)
                .map_or(0, |i| i + 1);
            let id =
                crate::domain::rep::slug_id(&name, |id| stages.iter().any(|s| s.id.as_str() == id));
            stages.insert(
                at,
                Stage {
                    id: StageId::new(id),
                    name,
                    kind: StageKind::Open,
                    pauses_sla: false,
                },
            );
        }));
    };
    view! {
        <section class="card" data-testid="pipeline-editor">
            <h2>{i18n.t(SettingsMsg::Pipeline)}</h2>
            <table class="data">
                <thead><tr><th>{i18n.t(PageMsg::Stage)}</th><th>{i18n.t(PageMsg::Kind)}</th><th>{i18n.t(SettingsMsg::PausesSla)}</th><th>{i18n.t(SettingsMsg::StageLimitHours)}</th><th>{i18n.t(PageMsg::QualifiedGate)}</th><th><span class="visually-hidden">{i18n.t(SettingsMsg::Actions)}</span></th></tr></thead>
                <tbody>
                    {move || {
                        let p = state.pipeline.get();
                        let limits = state.settings.with(|s| s.policies.default.stage_limits.clone());
                        let gate = p.gate().id.clone();
                        p.stages().iter().cloned().enumerate().map(|(i, st)| {
                            let kind = match st.kind { StageKind::Open => SettingsMsg::KindOpen, StageKind::Won => SettingsMsg::KindWon, StageKind::Lost => SettingsMsg::KindLost };
                            let is_gate = st.id == gate;
                            let id_for_gate = st.id.clone();
                            let id_for_limit = st.id.clone();
                            // Written in hours; a limit in working days keeps its unit.
                            let (limit, unit) = limits.get(&st.id).map_or((String::new(), span::Unit::Hours), |m| span::split(*m));
                            let unit_word = (unit != span::Unit::Hours).then(|| i18n.t(match unit {
                                span::Unit::Minutes => SettingsMsg::UnitMinutes,
                                _ => SettingsMsg::UnitWorkingDays,
                            }));
                            view! {
                                <tr data-testid="stage-row">
                                    <td><input aria-label=i18n.t(PageMsg::Stage) prop:value=st.name.clone() data-testid="stage-name" on:change=move |ev| {
                                        let v = event_target_value(&ev).trim().to_owned();
                                        apply(Box::new(move |stages, _| stages[i].name = v));
                                    } /></td>
                                    <td>{i18n.t(kind)}</td>
                                    <td><label class="tap"><input type="checkbox" aria-label=i18n.t(SettingsMsg::PausesSla) prop:checked=st.pauses_sla on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        apply(Box::new(move |stages, _| stages[i].pauses_sla = on));
                                    } /></label></td>
                                    <td><input type="number" min="0" class="target-input" aria-label=i18n.t(SettingsMsg::StageLimitHours) data-testid="stage-limit" prop:value=limit on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        let hours = v.trim();
                                        let mut s = state.settings.get_untracked();
                                        match hours.parse::<u32>() {
                                            Ok(0) => { s.policies.default.stage_limits.remove(&id_for_limit); }
                                            Ok(h) => {
                                                let Some(limit) = span::join(&h.to_string(), unit) else {
                                                    return error.set(Some(Said::new(move || i18n.t(PageMsg::ErrWholeNumber)().to_owned())));
                                                };
                                                s.policies.default.stage_limits.insert(id_for_limit.clone(), limit);
                                            }
                                            Err(_) if hours.is_empty() => { s.policies.default.stage_limits.remove(&id_for_limit); }
                                            Err(_) => return error.set(Some(Said::new(move || i18n.t(PageMsg::ErrWholeNumber)().to_owned()))),
                                        }
                                        error.set(None);
                                        state.save_settings(s);
                                    } />" "{unit_word}</td>
                                    <td><label class="tap"><input type="radio" name="gate" aria-label=i18n.t(PageMsg::QualifiedGate) prop:checked=is_gate disabled=st.kind != StageKind::Open on:change=move |_| {
                                        let g = id_for_gate.clone();
                                        apply(Box::new(move |_, gate| *gate = g));
                                    } /></label></td>
                                    <td>
                                        <button type="button" aria-label=i18n.t(SettingsMsg::MoveUp) disabled=i == 0 on:click=move |_| apply(Box::new(move |stages, _| stages.swap(i - 1, i)))>"↑"</button>
                                        <button type="button" aria-label=i18n.t(PageMsg::Delete) data-testid="remove-stage" on:click=move |_| {
                                            let used = state.with_leads_untracked(|ls| ls.iter().any(|l| l.stage() == &st.id || l.history().iter().any(|h| h.to == st.id)));
                                            if used {
                                                error.set(Some(Said::new(move || i18n.t(SettingsMsg::ErrStageInUse)().to_owned())));
                                            } else {
                                                apply(Box::new(move |stages, _| { stages.remove(i); }));
                                            }
                                        }>"✕"</button>
                                    </td>
                                </tr>
                            }
                        }).collect_view()
                    }}
                </tbody>
            </table>
            <form class="row" on:submit=add>
                <input data-testid="new-stage" placeholder=i18n.t(SettingsMsg::NewStage) aria-label=i18n.t(SettingsMsg::NewStage) bind:value=new_name />
                <button type="submit" data-testid="add-stage">{i18n.t(SettingsMsg::AddStage)}</button>
            </form>
            <SectionError error=error testid="pipeline-error" />
        </section>
    }
}
