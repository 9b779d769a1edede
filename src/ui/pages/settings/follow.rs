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
    /// The field's label, as the form shows it (named in the notice).
    label: Option<Box<dyn Fn() -> &'static str>>,
}

impl Field {
    /// A text field.
    pub(super) fn text(signal: RwSignal<String>) -> Self {
        Field {
            get: Box::new(move || signal.get_untracked()),
            set: Box::new(move |v| signal.set(v)),
            label: None,
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
            label: None,
        }
    }

    /// The label the notice names this field by.
    pub(super) fn named(mut self, label: impl Fn() -> &'static str + 'static) -> Self {
        self.label = Some(Box::new(label));
        self
    }
}

/// A form's fields and the stored values they were last brought up to.
#[derive(Clone, Copy)]
pub(super) struct Follow {
    fields: StoredValue<Rc<Vec<Field>>, LocalStorage>,
    /// The stored values to take when the person asks (a field changed on
    /// both sides); `None` when nothing was.
    theirs: RwSignal<Option<Vec<String>>>,
    /// The fields changed on both sides, by position.
    clashed: RwSignal<Vec<usize>>,
}

impl Follow {
    /// Follows `stored` (the form's fields as the settings hold them, in
    /// the order of `fields`; read reactively) from now on.
    pub(super) fn new(fields: Vec<Field>, stored: impl Fn() -> Vec<String> + 'static) -> Self {
        let fields = Rc::new(fields);
        let theirs = RwSignal::new(None::<Vec<String>>);
        let clashed = RwSignal::new(Vec::<usize>::new());
        let kept = fields.clone();
        Effect::new(move |base: Option<Vec<String>>| {
            let new = stored();
            let Some(old) = base else { return new };
            if old == new {
                return new;
            }
            let mut both = Vec::new();
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
                    both.push(i);
                }
            }
            // A notice already shown stays while the person's text still
            // differs from what is stored.
            let still = theirs.with_untracked(Option::is_some)
                && kept.iter().zip(&new).any(|(f, v)| (f.get)() != *v);
            if !both.is_empty() {
                clashed.update(|c| {
                    c.extend(both.iter().copied());
                    c.sort_unstable();
                    c.dedup();
                });
            } else if !still {
                clashed.set(Vec::new());
            }
            theirs.set((!both.is_empty() || still).then(|| new.clone()));
            new
        });
        Follow {
            fields: StoredValue::new_local(fields),
            theirs,
            clashed,
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
        self.clashed.set(Vec::new());
    }

    /// The labelled fields a colleague changed while the person edited
    /// them, with the value saved meanwhile.
    fn saved_meanwhile(self) -> Vec<(&'static str, String)> {
        let clashed = self.clashed.get();
        let Some(theirs) = self.theirs.get() else {
            return Vec::new();
        };
        self.fields.with_value(|fields| {
            clashed
                .iter()
                .filter_map(|&i| {
                    let label = fields.get(i)?.label.as_ref()?;
                    Some((label(), theirs.get(i)?.clone()))
                })
                .collect()
        })
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
                <ul data-testid=format!("{testid}-fields")>
                    {move || follow.saved_meanwhile().into_iter().map(|(label, value)| {
                        let value = if value.trim().is_empty() { i18n.t(SettingsMsg::EmptyValue)().to_owned() } else { value };
                        view! { <li>{label} ": " <q>{value}</q></li> }
                    }).collect_view()}
                </ul>
                <button type="button" data-testid=format!("{testid}-take") on:click=move |_| follow.take_theirs()>
                    {i18n.t(SettingsMsg::TakeTheirs)}
                </button>
            </div>
        </Show>
    }
}
