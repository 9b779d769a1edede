//! Logging a call, message, meeting or note on a lead. The form asks only
//! what fits the kind (`domain::activity`): a note is its text; a call, a
//! message or a meeting a direction, an outcome that fits it and an
//! optional note. What the person chose or typed lives with the page
//! ([`LogDraft`]), so a change of the lead elsewhere (a colleague's sync,
//! another tab) never resets the form.

use crate::app::state::AppState;
use crate::domain::activity::{
    ActivityDraft, ActivityKind, ActivityProblem, Channel, Direction, NOTE_MAX, Outcome,
};
use crate::domain::lead::LeadId;
use crate::ui::format::{kind_msg, number, outcome_msg};
use crate::ui::i18n::pages::PageMsg;
use crate::ui::i18n::pages::lead::{self as words, LeadMsg};
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// The kinds a person logs, with the select's values.
const KINDS: [(&str, ActivityKind); 6] = [
    ("call", ActivityKind::Call),
    ("sms", ActivityKind::Message(Channel::Sms)),
    ("zalo", ActivityKind::Message(Channel::Zalo)),
    ("email", ActivityKind::Message(Channel::Email)),
    ("meeting", ActivityKind::Meeting),
    ("note", ActivityKind::Note),
];

fn outcome_value(o: Outcome) -> &'static str {
    match o {
        Outcome::Connected => "connected",
        Outcome::NoAnswer => "no_answer",
        Outcome::Busy => "busy",
        Outcome::WrongNumber => "wrong_number",
        Outcome::Replied => "replied",
        Outcome::Resolved => "resolved",
        Outcome::Sent => "sent",
    }
}

/// What the log form holds for the lead a page shows.
#[derive(Clone, Copy)]
pub(super) struct LogDraft {
    /// The lead the form was filled for (another lead starts afresh).
    lead: RwSignal<Option<LeadId>>,
    kind: RwSignal<ActivityKind>,
    direction: RwSignal<Direction>,
    outcome: RwSignal<Outcome>,
    note: RwSignal<String>,
    problem: RwSignal<Option<ActivityProblem>>,
}

impl LogDraft {
    pub(super) fn new() -> Self {
        LogDraft {
            lead: RwSignal::new(None),
            kind: RwSignal::new(ActivityKind::Call),
            direction: RwSignal::new(Direction::Outbound),
            outcome: RwSignal::new(Outcome::Connected),
            note: RwSignal::new(String::new()),
            problem: RwSignal::new(None),
        }
    }

    /// The page shows lead `id`: a new lead starts from an empty form; the
    /// same lead (changed elsewhere) keeps what the person chose and typed.
    pub(super) fn follow(&self, id: LeadId) {
        if self.lead.get_untracked() != Some(id) {
            self.lead.set(Some(id));
            self.kind.set(ActivityKind::Call);
            self.direction.set(Direction::Outbound);
            self.outcome.set(Outcome::Connected);
            self.note.set(String::new());
            self.problem.set(None);
        }
    }

    /// Another kind: an outcome that does not fit it becomes its first.
    fn set_kind(&self, kind: ActivityKind) {
        self.kind.set(kind);
        let fits = kind.outcomes();
        if !fits.contains(&self.outcome.get_untracked())
            && let Some(first) = fits.first()
        {
            self.outcome.set(*first);
        }
    }
}

/// The log form of lead `id`.
#[component]
pub(super) fn LogActivity(id: LeadId, draft: LogDraft) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let lang = move || i18n.0.get();
    let LogDraft {
        kind,
        direction,
        outcome,
        note,
        problem,
        ..
    } = draft;
    let is_note = move || kind.get() == ActivityKind::Note;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = ActivityDraft {
            kind: kind.get_untracked(),
            direction: direction.get_untracked(),
            outcome: outcome.get_untracked(),
            note: note.get_untracked(),
        };
        match state.log_activity(id, d) {
            // Logged: the next one starts from a fresh form, so a press
            // never repeats the last outcome by mistake.
            Ok(()) => {
                kind.set(ActivityKind::Call);
                direction.set(Direction::Outbound);
                outcome.set(Outcome::Connected);
                note.set(String::new());
                problem.set(None);
            }
            Err(p) => problem.set(Some(p)),
        }
    };
    let chars = move || note.with(|n| n.trim().chars().count());
    let error = move || problem.get().map(|p| words::problem(lang(), &p));
    view! {
        <form class="log-activity" on:submit=submit data-testid="log-form" novalidate>
            // A viewer cannot type here either (the reason is under the header).
            <fieldset class="bare" disabled=move || !state.can_edit()>
            <h2>{i18n.t(LeadMsg::LogActivity)}</h2>
            <div class="row">
                <label>
                    {i18n.t(PageMsg::Kind)}
                    <select data-testid="log-kind" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some((_, k)) = KINDS.iter().find(|(key, _)| *key == v) {
                            draft.set_kind(*k);
                        }
                    }>
                        {KINDS
                            .iter()
                            .map(|(v, k)| {
                                let k = *k;
                                view! { <option value=*v selected=move || kind.get() == k>{i18n.t(kind_msg(k))}</option> }
                            })
                            .collect_view()}
                    </select>
                </label>
                <Show when=move || !is_note()>
                    <label>
                        {i18n.t(LeadMsg::Direction)}
                        <select data-testid="log-direction" on:change=move |ev| {
                            direction.set(if event_target_value(&ev) == "inbound" { Direction::Inbound } else { Direction::Outbound });
                        }>
                            <option value="outbound" selected=move || direction.get() == Direction::Outbound>{i18n.t(LeadMsg::Outbound)}</option>
                            <option value="inbound" selected=move || direction.get() == Direction::Inbound>{i18n.t(LeadMsg::Inbound)}</option>
                        </select>
                    </label>
                    <label>
                        {i18n.t(LeadMsg::Outcome)}
                        <select data-testid="log-outcome" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some(o) = kind.get_untracked().outcomes().iter().find(|o| outcome_value(**o) == v) {
                                outcome.set(*o);
                            }
                        }>
                            {move || kind
                                .get()
                                .outcomes()
                                .iter()
                                .map(|o| {
                                    let o = *o;
                                    view! { <option value=outcome_value(o) selected=move || outcome.get() == o>{i18n.t(outcome_msg(o))}</option> }
                                })
                                .collect_view()}
                        </select>
                    </label>
                </Show>
            </div>
            <div class="field note-field">
                <label for="log-note">
                    {move || if is_note() { i18n.t(LeadMsg::NoteRequired)() } else { i18n.t(LeadMsg::NoteOptional)() }}
                </label>
                <textarea
                    id="log-note"
                    data-testid="log-note"
                    rows="3"
                    bind:value=note
                    aria-invalid=move || problem.with(Option::is_some).to_string()
                    aria-describedby="log-note-count log-note-error"
                ></textarea>
                <p class="muted note-count" id="log-note-count" data-testid="log-note-count">
                    {move || words::count(lang(), &number(chars() as u64, lang()), &number(NOTE_MAX as u64, lang()))}
                </p>
                <p class="field-error" id="log-note-error" data-testid="log-note-error">{error}</p>
            </div>
            <button type="submit" class="primary" data-testid="log-activity" disabled=move || !state.can_edit()>
                {i18n.t(LeadMsg::Log)}
            </button>
        </fieldset>
            </form>
    }
}
