//! The CSV import wizard: choose a file → preview (the export recognised,
//! the file's country for its phone numbers, columns mapped, rows with
//! problems, phones kept as text, duplicates) → say what the file's
//! statuses and owners mean here → import. Reading the file again (another
//! country, another column mapping) keeps what the person already chose for
//! each status and owner.

use super::csv_choices::{OwnerChoices, StatusChoices};
use super::csv_country::FileCountry;
use crate::app::state::AppState;
use crate::app::{clock, files};
use crate::domain::rep::Rep;
use crate::io::csv_import::{
    Choices, Duplicate, Home, ImportPreview, Mapping, OnDuplicate, OwnerValue, RowOutcome,
    StatusTarget, Target, guess_status, new_rep_names, preview,
};
use crate::ui::i18n::pages::PageMsg;
use crate::ui::i18n::pages::data::DataMsg;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// What a column can be mapped to in the wizard: (value, label).
const TARGETS: [(&str, PageMsg); 16] = [
    ("name", PageMsg::Name),
    ("first_name", PageMsg::FirstName),
    ("last_name", PageMsg::LastName),
    ("phone", PageMsg::Phone),
    ("email", PageMsg::Email),
    ("source", PageMsg::Source),
    ("campaign", PageMsg::Campaign),
    ("created", PageMsg::Created),
    ("status", PageMsg::Status),
    ("owner", PageMsg::Owner),
    ("company", PageMsg::Company),
    ("priority", PageMsg::Priority),
    ("value", PageMsg::ValueVnd),
    ("closed_as", PageMsg::ClosedAs),
    ("reason", PageMsg::Reason),
    ("csat", PageMsg::Csat),
];

fn target_value(t: &Target) -> &'static str {
    match t {
        Target::Name => "name",
        Target::FirstName => "first_name",
        Target::LastName => "last_name",
        Target::Phone => "phone",
        Target::Email => "email",
        Target::Source => "source",
        Target::Campaign => "campaign",
        Target::Created => "created",
        Target::Status => "status",
        Target::Owner => "owner",
        Target::Company => "company",
        Target::Priority => "priority",
        Target::Value => "value",
        Target::ClosedAs => "closed_as",
        Target::Reason => "reason",
        Target::Csat => "csat",
        Target::Country => "country",
        Target::Currency => "currency",
        Target::Custom(_) => "custom",
    }
}

fn target_from(v: &str, header: &str) -> Target {
    match v {
        "name" => Target::Name,
        "first_name" => Target::FirstName,
        "last_name" => Target::LastName,
        "phone" => Target::Phone,
        "email" => Target::Email,
        "source" => Target::Source,
        "campaign" => Target::Campaign,
        "created" => Target::Created,
        "status" => Target::Status,
        "owner" => Target::Owner,
        "company" => Target::Company,
        "priority" => Target::Priority,
        "value" => Target::Value,
        "closed_as" => Target::ClosedAs,
        "reason" => Target::Reason,
        "csat" => Target::Csat,
        "country" => Target::Country,
        "currency" => Target::Currency,
        _ => Target::Custom(header.to_owned()),
    }
}

/// Choose a file → preview (with mapping, errors and duplicates) → import.
#[component]
pub(super) fn CsvImport() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let bytes = StoredValue::new_local(None::<Vec<u8>>);
    let shown = RwSignal::new(None::<ImportPreview>);
    let on_dup = RwSignal::new("skip".to_owned());
    // What the file's statuses and owners mean here (the wizard's choices).
    let statuses = RwSignal::new(Vec::<(String, usize, StatusTarget)>::new());
    let owners = RwSignal::new(Vec::<OwnerValue>::new());
    let create_reps = RwSignal::new(true);
    let run = move |mapping: Option<Mapping>| {
        let home = state.settings.with_untracked(Home::of);
        let result = bytes.with_value(|b| b.as_ref().map(|b| preview(b, mapping.as_ref(), home)));
        match result {
            Some(Ok(mut p)) => {
                state.with_leads_untracked(|ls| p.mark_duplicates(ls));
                let pipeline = state.pipeline.get_untracked();
                // What the person chose for a value stays chosen.
                let chose = statuses.get_untracked();
                statuses.set(
                    p.values(|c| c.status.as_ref())
                        .into_iter()
                        .map(|(v, n)| {
                            let t = chose
                                .iter()
                                .find(|(c, _, _)| *c == v)
                                .map_or_else(|| guess_status(&v, &pipeline), |(_, _, t)| t.clone());
                            (v, n, t)
                        })
                        .collect(),
                );
                let reps = state.settings.with_untracked(|s| s.reps.clone());
                let chose = owners.get_untracked();
                owners.set(
                    p.owners(&reps)
                        .into_iter()
                        .map(|mut o| {
                            if let Some(c) = chose.iter().find(|c| c.value == o.value) {
                                o.rep = c.rep.clone();
                            }
                            o
                        })
                        .collect(),
                );
                shown.set(Some(p));
            }
            Some(Err(e)) => {
                shown.set(None);
                state.error.set(Some(crate::ui::i18n::import::refused(&e)));
            }
            None => {}
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let read = files::read_chosen_file(&ev);
        leptos::task::spawn_local(async move {
            let Some(b) = read.await else { return };
            bytes.set_value(Some(b));
            // A new file: nothing chosen for it yet.
            statuses.set(Vec::new());
            owners.set(Vec::new());
            run(None);
        });
    };
    // The file read again in another country.
    let choose_country = Callback::new(move |country| {
        let Some(mapping) = shown.with_untracked(|p| p.as_ref().map(|p| p.mapping.clone())) else {
            return;
        };
        run(Some(Mapping { country, ..mapping }));
    });
    let remap = move |col: usize, v: String| {
        let Some(mut mapping) = shown.with_untracked(|p| p.as_ref().map(|p| p.mapping.clone()))
        else {
            return;
        };
        let header = shown
            .with_untracked(|p| p.as_ref().and_then(|p| p.headers.get(col).cloned()))
            .unwrap_or_default();
        if let Some(slot) = mapping.columns.get_mut(col) {
            *slot = target_from(&v, &header);
        }
        run(Some(mapping));
    };
    let import = move |_| {
        let Some(p) = shown.get_untracked() else {
            return;
        };
        let policy = match on_dup.get_untracked().as_str() {
            "import" => OnDuplicate::ImportAnyway,
            "merge" => OnDuplicate::Merge,
            _ => OnDuplicate::Skip,
        };
        let pipeline = state.pipeline.get_untracked();
        let now = clock::now();
        // Owners without a rep become reps only when the person said so,
        // and never an id of the other system.
        let unknown: Vec<String> = owners.with_untracked(|o| new_rep_names(o));
        let new_reps = if create_reps.get_untracked() {
            state
                .settings
                .with_untracked(|s| Rep::for_owners(&unknown, &s.reps))
        } else {
            Vec::new()
        };
        let mut choices = Choices {
            statuses: statuses
                .with_untracked(|s| s.iter().map(|(v, _, t)| (v.clone(), t.clone())).collect()),
            owners: owners.with_untracked(|o| {
                o.iter()
                    .filter_map(|o| o.rep.clone().map(|id| (o.value.clone(), id)))
                    .collect()
            }),
        };
        // Names that read the same ("lan", "Lan ") became one rep.
        for name in &unknown {
            if let Some(rep) = crate::domain::rep::rep_named(name, &new_reps) {
                choices.owners.insert(name.clone(), rep.id.clone());
            }
        }
        let leads = p.leads(policy, &choices, &pipeline, now, clock::new_lead_id);
        let merged = if policy == OnDuplicate::Merge {
            state.with_leads_untracked(|ls| p.merged(ls, now))
        } else {
            Vec::new()
        };
        shown.set(None);
        state.import_leads(leads, merged, new_reps, crate::ui::i18n::today::imported);
    };
    view! {
        <section class="card csv-import" data-testid="csv-import">
            <h2>{i18n.t(DataMsg::CsvImport)}</h2>
            <p class="muted">{i18n.t(DataMsg::CsvImportHint)}</p>
            <label class="file-button">
                {i18n.t(DataMsg::ChooseCsv)}
                <input
                    type="file"
                    accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
                    data-testid="import-csv"
                    disabled=move || !state.can_edit()
                    on:change=on_file
                />
            </label>
            {move || shown.get().map(|p| {
                let (ok, bad) = p.counts();
                let dups = p.rows.iter().filter(|(_, o)| matches!(o, RowOutcome::Lead(c) if c.duplicate.is_some())).count();
                let format = p.preset.map_or_else(|| i18n.t(DataMsg::UnknownFormat)().to_owned(), |f| format!("{f:?}"));
                let mapping = p.headers.iter().enumerate().map(|(i, h)| {
                    let current = p.mapping.columns.get(i).map_or("custom", target_value);
                    view! {
                        <tr>
                            <th scope="row">{h.clone()}</th>
                            <td class="choice">
                                <select data-testid="map-column" aria-label=h.clone() on:change=move |ev| remap(i, event_target_value(&ev))>
                                    {TARGETS.iter().map(|(v, m)| view! { <option value=*v selected=*v == current>{i18n.t(*m)}</option> }).collect_view()}
                                    <option value="country" selected=current == "country">{i18n.t(DataMsg::CountryTarget)}</option>
                                    <option value="currency" selected=current == "currency">{i18n.t(DataMsg::CurrencyTarget)}</option>
                                    <option value="custom" selected=current == "custom">{i18n.t(DataMsg::CustomField)}</option>
                                </select>
                            </td>
                        </tr>
                    }
                }).collect_view();
                let errors = p.rows.iter().filter_map(|(_, o)| match o {
                    RowOutcome::Errors(e) => Some(e.clone()),
                    RowOutcome::Lead(_) => None,
                }).flatten().take(50).map(|e| view! {
                    <tr data-testid="csv-error">
                        <td>{e.row}</td><td>{e.column}</td><td>{e.value}</td>
                        <td>{i18n.t(crate::ui::i18n::pages::cell_problem_msg(&e.problem))}</td>
                    </tr>
                }).collect_view();
                let kept = p.phones_kept().take(50).map(|e| view! {
                    <tr data-testid="csv-phone-kept">
                        <td>{e.row}</td><td>{e.value.clone()}</td>
                        <td>{i18n.t(crate::ui::i18n::pages::cell_problem_msg(&e.problem))}</td>
                    </tr>
                }).collect_view();
                let kept_count = p.phones_kept().count();
                let dup_rows = p.rows.iter().filter_map(|(row, o)| match o {
                    RowOutcome::Lead(c) => c.duplicate.clone().map(|d| (*row, c.draft.name.clone(), d)),
                    RowOutcome::Errors(_) => None,
                }).take(50).map(|(row, name, d)| {
                    let with = match d {
                        Duplicate::Workspace(id) => state.lead(id).map(|l| l.name().to_owned()).unwrap_or_default(),
                        Duplicate::Row(r) => format!("#{r}"),
                    };
                    view! { <tr data-testid="csv-duplicate"><td>{row}</td><td>{name}</td><td>{with}</td></tr> }
                }).collect_view();
                view! {
                    <div class="preview" data-testid="csv-preview">
                        <p>
                            <strong>{i18n.t(DataMsg::DetectedFormat)} ": "</strong>
                            <span data-testid="csv-format">{format}</span>
                            " · " {format!("{:?}", p.encoding)} " · "
                            {match p.delimiter { '\t' => "TAB".to_owned(), d => d.to_string() }}
                        </p>
                        <FileCountry country=p.mapping.country countries=p.countries.clone() choose=choose_country />
                        <p aria-live="polite">
                            <span class="pill" data-testid="csv-ok">{ok} " " {i18n.t(DataMsg::RowsReady)}</span>
                            " "
                            <span class="pill breached" data-testid="csv-bad">{bad} " " {i18n.t(DataMsg::RowsWithErrors)}</span>
                            " "
                            <span class="pill at-risk" data-testid="csv-dups">{dups} " " {i18n.t(DataMsg::Duplicates)}</span>
                        </p>
                        <details open=p.preset.is_none()>
                            <summary>{i18n.t(DataMsg::ColumnMapping)}</summary>
                            <table class="data"><tbody>{mapping}</tbody></table>
                        </details>
                        {(bad > 0).then(|| view! {
                            <h3>{i18n.t(DataMsg::RowsWithErrors)}</h3>
                            <table class="data">
                                <thead><tr><th>{i18n.t(DataMsg::Row)}</th><th>{i18n.t(DataMsg::Column)}</th><th>{i18n.t(PageMsg::Value)}</th><th>{i18n.t(PageMsg::Reason)}</th></tr></thead>
                                <tbody>{errors}</tbody>
                            </table>
                        })}
                        {(kept_count > 0).then(|| view! {
                            <h3>{i18n.t(DataMsg::PhonesKept)}</h3>
                            <p class="muted">{i18n.t(DataMsg::PhonesKeptHint)}</p>
                            <table class="data">
                                <thead><tr><th>{i18n.t(DataMsg::Row)}</th><th>{i18n.t(PageMsg::Value)}</th><th>{i18n.t(PageMsg::Reason)}</th></tr></thead>
                                <tbody>{kept}</tbody>
                            </table>
                        })}
                        <StatusChoices statuses=statuses />
                        <OwnerChoices owners=owners create=create_reps />
                        {(dups > 0).then(|| view! {
                            <h3>{i18n.t(DataMsg::Duplicates)}</h3>
                            <table class="data">
                                <thead><tr><th>{i18n.t(DataMsg::Row)}</th><th>{i18n.t(PageMsg::Name)}</th><th>{i18n.t(DataMsg::SameAs)}</th></tr></thead>
                                <tbody>{dup_rows}</tbody>
                            </table>
                            <fieldset>
                                <legend>{i18n.t(DataMsg::OnDuplicates)}</legend>
                                <label><input type="radio" name="on-dup" value="skip" data-testid="dup-skip" prop:checked=move || on_dup.get() == "skip" on:change=move |_| on_dup.set("skip".into()) /> {i18n.t(DataMsg::SkipDuplicates)}</label>
                                <label><input type="radio" name="on-dup" value="merge" data-testid="dup-merge" prop:checked=move || on_dup.get() == "merge" on:change=move |_| on_dup.set("merge".into()) /> {i18n.t(DataMsg::MergeDuplicates)}</label>
                                <label><input type="radio" name="on-dup" value="import" data-testid="dup-import" prop:checked=move || on_dup.get() == "import" on:change=move |_| on_dup.set("import".into()) /> {i18n.t(DataMsg::ImportAnyway)}</label>
                            </fieldset>
                        })}
                        <button type="button" class="primary" data-testid="csv-confirm" disabled=ok == 0 on:click=import>
                            {i18n.t(DataMsg::ImportRows)}
                        </button>
                        <button type="button" data-testid="csv-cancel" on:click=move |_| shown.set(None)>{i18n.t(PageMsg::Cancel)}</button>
                    </div>
                }
            })}
        </section>
    }
}
