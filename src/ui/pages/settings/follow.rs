//! A settings form that follows what is stored while a person edits it
//! (issue 32: forms keep what a person is typing through live updates).
//! The form is never rebuilt: when the stored settings change (a
//! colleague's save arrives, another tab saves), each field goes:
//! - unchanged by the person → takes the new stored value;
//! - changed by the person, not underneath → keeps the person's text;
//! - changed on both sides → keeps the person's text and the form says a
//!   colleague changed it meanwhile, offering "take theirs" (Save keeps
//!   the person's: the same "keep mine / take theirs" as a lead's fields).

use crate::ui::i18n::pages::settings::SettingsMsg;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use std::rc::Rc;

/// One field of a form, as text: how to read it and how to write it.
pub(super) struct Field {
    get: Box<dyn Fn() -> String>,
    set: Box<dyn Fn(String)>,
}

impl Field {
    /// A text field.
    pub(super) fn text(signal: RwSignal<String>) -> Self {
        Field {
            get: Box::new(move || signal.get_untracked()),
            set: Box::new(move |v| signal.set(v)),
        }
    }

    /// A field of another type, through its text form.
    pub(super) fn with<T: Clone + Send + Sync + 'static>(
        signal: RwSignal<T>,
        to: fn(&T) -> String,
        from: fn(&str) -> Option<T>,
    ) -> Self {
        Field {
            get: Box::new(move || signal.with_untracked(to)),
            set: Box::new(move |v| {
                if let Some(t) = from(&v) {
                    signal.set(t);
                }
            }),
        }
    }
}

/// A form's fields and the stored values they were last brought up to.
#[derive(Clone, Copy)]
pub(super) struct Follow {
    fields: StoredValue<Rc<Vec<Field>>, LocalStorage>,
    /// The stored values to take when the person asks (a field changed on
    /// both sides); `None` when nothing was.
    theirs: RwSignal<Option<Vec<String>>>,
}

impl Follow {
    /// Follows `stored` (the form's fields as the settings hold them, in
    /// the order of `fields`; read reactively) from now on.
    pub(super) fn new(fields: Vec<Field>, stored: impl Fn() -> Vec<String> + 'static) -> Self {
        let fields = Rc::new(fields);
        let theirs = RwSignal::new(None::<Vec<String>>);
        let kept = fields.clone();
        Effect::new(move |base: Option<Vec<String>>| {
            let new = stored();
            let Some(old) = base else { return new };
            if old == new {
                return new;
            }
            let mut both = false;
            for (i, f) in kept.iter().enumerate() {
                let (Some(was), Some(now)) = (old.get(i), new.get(i)) else {
                    continue;
                };
                let mine = (f.get)();
                if mine == *now {
                    continue;
                }
                if mine == *was {
                    (f.set)(now.clone());
                } else if now != was {
                    both = true;
                }
            }
            // A notice already shown stays while the person's text still
            // differs from what is stored.
            let still = theirs.with_untracked(Option::is_some)
                && kept.iter().zip(&new).any(|(f, v)| (f.get)() != *v);
            theirs.set((both || still).then(|| new.clone()));
            new
        });
        Follow {
            fields: StoredValue::new_local(fields),
            theirs,
        }
    }

    /// Puts `values` in the form (after a save: the saved values as the
    /// settings will hold them) and forgets any notice.
    pub(super) fn put(self, values: Vec<String>) {
        self.fields.with_value(|fields| {
            for (f, v) in fields.iter().zip(values) {
                (f.set)(v);
            }
        });
        self.theirs.set(None);
    }

    /// Takes what is stored, dropping the person's edits.
    fn take_theirs(self) {
        if let Some(values) = self.theirs.get_untracked() {
            self.put(values);
        }
    }
}

/// The notice of a form whose fields a colleague changed meanwhile.
#[component]
pub(super) fn ChangedUnderneath(follow: Follow, testid: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || follow.theirs.with(Option::is_some)>
            <div class="notice" role="status" data-testid=testid>
                <p>{i18n.t(SettingsMsg::ChangedUnderneath)}</p>
                <button type="button" data-testid=format!("{testid}-take") on:click=move |_| follow.take_theirs()>
                    {i18n.t(SettingsMsg::TakeTheirs)}
                </button>
            </div>
        </Show>
    }
}
