//! A target's length as a person writes it: a whole number and its unit —
//! minutes, hours (both business time) or working days (`domain::sla::Span`).

use crate::domain::sla::Span;
use crate::ui::i18n::pages::settings::SettingsMsg;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// The unit a target is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    Minutes,
    Hours,
    WorkingDays,
}

impl Unit {
    /// The unit's code (its select's value).
    pub(super) fn code(self) -> &'static str {
        Unit::ALL
            .iter()
            .find(|(u, ..)| *u == self)
            .map_or("min", |(_, code, _)| code)
    }

    /// The unit of a code.
    pub(super) fn from_code(code: &str) -> Option<Unit> {
        Unit::ALL
            .iter()
            .find(|(_, c, _)| *c == code)
            .map(|(u, ..)| *u)
    }

    const ALL: [(Unit, &'static str, SettingsMsg); 3] = [
        (Unit::Minutes, "min", SettingsMsg::UnitMinutes),
        (Unit::Hours, "h", SettingsMsg::UnitHours),
        (Unit::WorkingDays, "wd", SettingsMsg::UnitWorkingDays),
    ];
}

/// A span as a number and its unit: whole hours when it is, else minutes.
pub(super) fn split(span: Span) -> (String, Unit) {
    match span {
        Span::WorkingDays(d) => (d.to_string(), Unit::WorkingDays),
        Span::Minutes(m) if m >= 60 && m % 60 == 0 => ((m / 60).to_string(), Unit::Hours),
        Span::Minutes(m) => (m.to_string(), Unit::Minutes),
    }
}

/// The span a number and a unit say; `None` when the number is not whole.
pub(super) fn join(number: &str, unit: Unit) -> Option<Span> {
    let n: u32 = number.trim().parse().ok()?;
    Some(match unit {
        Unit::Minutes => Span::Minutes(n),
        Unit::Hours => Span::Minutes(n.checked_mul(60)?),
        Unit::WorkingDays => Span::WorkingDays(n),
    })
}

/// A number input and its unit's select, labelled `label` (the select by
/// "unit of …").
#[component]
pub(super) fn SpanField(
    id: &'static str,
    label: Signal<String>,
    number: RwSignal<String>,
    unit: RwSignal<Unit>,
) -> impl IntoView {
    let i18n = use_i18n();
    let unit_id = format!("{id}-unit");
    view! {
        <label for=id>{label}</label>
        <span class="span-field">
            <input id=id data-testid=id type="number" min="0" bind:value=number />
            <select
                data-testid=unit_id
                aria-label=move || format!("{} — {}", i18n.t(SettingsMsg::Unit)(), label.get())
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some((u, ..)) = Unit::ALL.iter().find(|(_, key, _)| *key == v) {
                        unit.set(*u);
                    }
                }
            >
                {Unit::ALL
                    .iter()
                    .map(|(u, key, msg)| {
                        let u = *u;
                        view! { <option value=*key prop:selected=move || unit.get() == u>{i18n.t(*msg)}</option> }
                    })
                    .collect_view()}
            </select>
        </span>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn a_span_reads_back_as_it_was_written() {
        for span in [
            Span::Minutes(45),
            Span::Minutes(60),
            Span::Minutes(90),
            Span::Minutes(480),
            Span::WorkingDays(2),
            Span::Minutes(0),
        ] {
            let (n, u) = split(span);
            assert_eq!(join(&n, u), Some(span), "{span:?}");
        }
        assert_eq!(split(Span::Minutes(480)), ("8".into(), Unit::Hours));
        assert_eq!(join("1.5", Unit::Hours), None);
        assert_eq!(join(" 2 ", Unit::WorkingDays), Some(Span::WorkingDays(2)));
    }
}
