//! The audits card's checklist and sample size: the team's questions
//! (the app's own four, in the reader's language, until the team writes
//! its own) and the sample's usual size, kept in the settings.

use crate::app::state::AppState;
use crate::domain::audit::AuditSetup;
use crate::ui::i18n::pages::audits::{self as words, W};
use crate::ui::i18n::{Lang, use_i18n};
use leptos::prelude::*;

/// The team's checklist and sample size.
#[component]
pub(super) fn SetupEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = use_i18n().0;
    let t = move |w: W| words::t(lang.get(), w);
    let stored = state.settings.with_untracked(AuditSetup::of);
    let text = RwSignal::new(if stored.questions.is_empty() {
        words::default_questions(lang.get_untracked()).join("\n")
    } else {
        stored.questions.join("\n")
    });
    let per_rep = RwSignal::new(stored.per_rep.to_string());
    let problem = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = lang.get_untracked();
        let typed = per_rep.get_untracked();
        let Some(n) = words::whole(typed.trim()) else {
            return problem.set(Some(words::not_a_number(
                l,
                words::t(l, W::PerRep),
                typed.trim(),
            )));
        };
        let mut questions: Vec<String> = text
            .get_untracked()
            .lines()
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .map(str::to_owned)
            .collect();
        // The app's own four, untouched, stay the app's (in each reader's
        // language).
        if [Lang::En, Lang::Vi]
            .iter()
            .any(|l| words::default_questions(*l) == questions)
        {
            questions.clear();
        }
        let setup = AuditSetup {
            questions,
            per_rep: n,
        };
        if let Some(p) = setup.problem() {
            return problem.set(Some(words::problem(l, p, typed.trim())));
        }
        problem.set(None);
        let mut s = state.settings.get_untracked();
        setup.put(&mut s);
        state.save_settings(s);
    };
    view! {
        <details class="no-print audit-setup" data-testid="audit-setup">
            <summary>{move || t(W::Setup)}</summary>
            <form on:submit=save>
                <label>{move || t(W::Questions)}
                    <textarea data-testid="audit-questions" rows="5" bind:value=text></textarea>
                </label>
                <label>{move || t(W::DefaultSize)}
                    <input type="text" inputmode="numeric" data-testid="audit-setup-per-rep" bind:value=per_rep />
                </label>
                {move || problem.get().map(|p| view! { <p class="error" role="alert" data-testid="audit-setup-error">{p}</p> })}
                <button type="submit" data-testid="audit-setup-save">{move || t(W::Save)}</button>
            </form>
        </details>
    }
}
