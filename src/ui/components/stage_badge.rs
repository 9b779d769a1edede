//! A lead's stage as a coloured badge.

use crate::app::state::AppState;
use crate::domain::pipeline::{StageId, StageKind};
use leptos::prelude::*;

/// The stage's name, styled by its kind.
#[component]
pub fn StageBadge(stage: StageId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let stage_for_kind = stage.clone();
    let kind = move || {
        state
            .pipeline
            .with(|p| match p.stage(&stage_for_kind).map(|s| s.kind) {
                Some(StageKind::Won) => "stage won",
                Some(StageKind::Lost) => "stage lost",
                _ => "stage open",
            })
    };
    let i18n = crate::ui::i18n::use_i18n();
    let name = move || {
        let lang = i18n.0.get();
        state.pipeline.with(|p| {
            p.stage(&stage).map_or_else(
                || stage.to_string(),
                |s| crate::ui::format::stage_label(s.id.as_str(), &s.name, lang),
            )
        })
    };
    view! { <span class=kind data-testid="lead-stage">{name}</span> }
}
