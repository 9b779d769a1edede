//! `/data`: JSON backup (replace or merge), the CSV import wizard (preview,
//! column mapping, errors, duplicates), CSV export, sample data, and erasing
//! the workspace behind a typed confirmation.

use crate::app::state::{AppError, AppState};
use crate::app::{backups, clock, files};
use crate::domain::search::{LeadFilter, Query};
use crate::io::csv_export::export_csv;
use crate::io::csv_import::{
    Duplicate, ImportPreview, Mapping, OnDuplicate, RowOutcome, Target, preview,
};
use crate::ui::components::backup_panel::BackupPanel;
use crate::ui::i18n::storage::{self as st, Label};
use crate::ui::i18n::{Msg, use_i18n};
use leptos::prelude::*;

/// The data screen.
#[component]
pub fn DataPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    view! {
        <div class="data-page" data-testid="page-data">
            <h1>{i18n.t(Msg::NavData)}</h1>
            <Show when=move || state.link.with(Option::is_some)>
                <p class="notice" data-testid="shared-note">{move || crate::ui::i18n::team::shared_note(i18n.0.get())}</p>
            </Show>
            <StorageCard />
            <BackupPanel />
            <CsvImport />
            <CsvExport />
            <SampleAndErase />
        </div>
    }
}

/// What a column can be mapped to in the wizard: (value, label).
const TARGETS: [(&str, Msg); 8] = [
    ("name", Msg::Name),
    ("first_name", Msg::FirstName),
    ("last_name", Msg::LastName),
    ("phone", Msg::Phone),
    ("email", Msg::Email),
    ("source", Msg::Source),
    ("campaign", Msg::Campaign),
    ("created", Msg::Created),
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
        _ => Target::Custom(header.to_owned()),
    }
}

/// Choose a file → preview (with mapping, errors and duplicates) → import.
#[component]
fn CsvImport() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let bytes = StoredValue::new_local(None::<Vec<u8>>);
    let shown = RwSignal::new(None::<ImportPreview>);
    let on_dup = RwSignal::new("skip".to_owned());
    let run = move |mapping: Option<Mapping>| {
        let result = bytes.with_value(|b| b.as_ref().map(|b| preview(b, mapping.as_ref())));
        match result {
            Some(Ok(mut p)) => {
                state.leads.with_untracked(|ls| p.mark_duplicates(ls));
                shown.set(Some(p));
            }
            Some(Err(e)) => {
                shown.set(None);
                state.error.set(Some(AppError::Csv(e)));
            }
            None => {}
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let read = files::read_chosen_file(&ev);
        leptos::task::spawn_local(async move {
            let Some(b) = read.await else { return };
            bytes.set_value(Some(b));
            run(None);
        });
    };
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
        let leads = p.leads(policy, &pipeline, now, clock::new_lead_id);
        let merged = if policy == OnDuplicate::Merge {
            state.leads.with_untracked(|ls| p.merged(ls, now))
        } else {
            Vec::new()
        };
        shown.set(None);
        state.import_leads(leads, merged);
    };
    view! {
        <section class="card csv-import" data-testid="csv-import">
            <h2>{i18n.t(Msg::CsvImport)}</h2>
            <p class="muted">{i18n.t(Msg::CsvImportHint)}</p>
            <label class="file-button">
                {i18n.t(Msg::ChooseCsv)}
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
                let format = p.preset.map_or_else(|| i18n.t(Msg::UnknownFormat)().to_owned(), |f| format!("{f:?}"));
                let mapping = p.headers.iter().enumerate().map(|(i, h)| {
                    let current = p.mapping.columns.get(i).map_or("custom", target_value);
                    view! {
                        <tr>
                            <th scope="row">{h.clone()}</th>
                            <td>
                                <select data-testid="map-column" aria-label=h.clone() on:change=move |ev| remap(i, event_target_value(&ev))>
                                    {TARGETS.iter().map(|(v, m)| view! { <option value=*v selected=*v == current>{i18n.t(*m)}</option> }).collect_view()}
                                    <option value="custom" selected=current == "custom">{i18n.t(Msg::CustomField)}</option>
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
                        <td>{i18n.t(e.problem.as_ref().map_or(Msg::ErrNotDateTime, crate::ui::i18n::problem_msg))}</td>
                    </tr>
                }).collect_view();
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
                            <strong>{i18n.t(Msg::DetectedFormat)} ": "</strong>
                            <span data-testid="csv-format">{format}</span>
                            " · " {format!("{:?}", p.encoding)} " · "
                            {match p.delimiter { '\t' => "TAB".to_owned(), d => d.to_string() }}
                        </p>
                        <p aria-live="polite">
                            <span class="pill" data-testid="csv-ok">{ok} " " {i18n.t(Msg::RowsReady)}</span>
                            " "
                            <span class="pill breached" data-testid="csv-bad">{bad} " " {i18n.t(Msg::RowsWithErrors)}</span>
                            " "
                            <span class="pill at-risk" data-testid="csv-dups">{dups} " " {i18n.t(Msg::Duplicates)}</span>
                        </p>
                        <details open=p.preset.is_none()>
                            <summary>{i18n.t(Msg::ColumnMapping)}</summary>
                            <table class="data"><tbody>{mapping}</tbody></table>
                        </details>
                        {(bad > 0).then(|| view! {
                            <h3>{i18n.t(Msg::RowsWithErrors)}</h3>
                            <table class="data">
                                <thead><tr><th>{i18n.t(Msg::Row)}</th><th>{i18n.t(Msg::Column)}</th><th>{i18n.t(Msg::Value)}</th><th>{i18n.t(Msg::Reason)}</th></tr></thead>
                                <tbody>{errors}</tbody>
                            </table>
                        })}
                        {(dups > 0).then(|| view! {
                            <h3>{i18n.t(Msg::Duplicates)}</h3>
                            <table class="data">
                                <thead><tr><th>{i18n.t(Msg::Row)}</th><th>{i18n.t(Msg::Name)}</th><th>{i18n.t(Msg::SameAs)}</th></tr></thead>
                                <tbody>{dup_rows}</tbody>
                            </table>
                            <fieldset>
                                <legend>{i18n.t(Msg::OnDuplicates)}</legend>
                                <label><input type="radio" name="on-dup" value="skip" data-testid="dup-skip" prop:checked=move || on_dup.get() == "skip" on:change=move |_| on_dup.set("skip".into()) /> {i18n.t(Msg::SkipDuplicates)}</label>
                                <label><input type="radio" name="on-dup" value="merge" data-testid="dup-merge" prop:checked=move || on_dup.get() == "merge" on:change=move |_| on_dup.set("merge".into()) /> {i18n.t(Msg::MergeDuplicates)}</label>
                                <label><input type="radio" name="on-dup" value="import" data-testid="dup-import" prop:checked=move || on_dup.get() == "import" on:change=move |_| on_dup.set("import".into()) /> {i18n.t(Msg::ImportAnyway)}</label>
                            </fieldset>
                        })}
                        <button type="button" class="primary" data-testid="csv-confirm" disabled=ok == 0 on:click=import>
                            {i18n.t(Msg::ImportRows)}
                        </button>
                        <button type="button" data-testid="csv-cancel" on:click=move |_| shown.set(None)>{i18n.t(Msg::Cancel)}</button>
                    </div>
                }
            })}
        </section>
    }
}

/// Download leads as CSV (all, or those matching a search).
#[component]
fn CsvExport() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let query = RwSignal::new(String::new());
    let export = move |_| {
        let ins = state.insights.get_untracked();
        let q = Query::new(&query.get_untracked());
        let f = LeadFilter::default();
        let leads: Vec<_> = ins
            .ws
            .leads
            .iter()
            .filter(|l| f.accepts(&q, l, None, ins.now))
            .collect();
        let bytes = export_csv(leads.iter().copied(), &ins.ws.pipeline);
        let name = format!("leadpact-leads-{}.csv", ins.now.format("%Y-%m-%d"));
        files::save_text(
            &name,
            "text/csv;charset=utf-8",
            &String::from_utf8_lossy(&bytes),
        );
    };
    view! {
        <section class="card" data-testid="csv-export">
            <h2>{i18n.t(Msg::CsvExport)}</h2>
            <p class="muted">{i18n.t(Msg::CsvExportHint)}</p>
            <input type="search" data-testid="export-query" placeholder=i18n.t(Msg::SearchHint) aria-label=i18n.t(Msg::Search) bind:value=query />
            <button type="button" data-testid="export-csv" on:click=export>{i18n.t(Msg::ExportCsv)}</button>
        </section>
    }
}

/// Where the data lives: whether the browser keeps it, and the last backup.
#[component]
fn StorageCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let lang = move || i18n.0.get();
    view! {
        <section class="card" data-testid="storage-card">
            <h2>{move || st::label(lang(), Label::Storage)}</h2>
            <p data-testid="persistence">{move || st::persistence(lang(), state.persistent.get())}</p>
            <p data-testid="last-backup">{move || st::last_backup(lang(), state.last_backup.get(), state.now.get())}</p>
        </section>
    }
}

/// The "download a backup first" button of destructive confirmations.
#[component]
pub fn BackupFirst() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    view! {
        <Show when=move || state.leads.with(|l| !l.is_empty())>
            <button type="button" data-testid="backup-first" on:click=move |_| { backups::download(state); }>
                {move || st::label(i18n.0.get(), Label::BackupFirst)}
            </button>
        </Show>
    }
}

/// Sample data and erasing everything.
#[component]
fn SampleAndErase() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let lang = move || i18n.0.get();
    let size = RwSignal::new("300".to_owned());
    let chosen = move || size.get().parse::<usize>().unwrap_or(300);
    let confirming = RwSignal::new(false);
    let typed = RwSignal::new(String::new());
    let word = move || i18n.t(Msg::EraseWord)();
    let load = move |_| {
        if state.leads.with_untracked(Vec::is_empty) {
            state.load_sample(chosen());
        } else {
            confirming.set(true);
        }
    };
    view! {
        <section class="card" data-testid="sample-erase">
            <h2>{i18n.t(Msg::SampleData)}</h2>
            <p class="muted" data-testid="sample-hint">{move || st::sample_hint(lang(), chosen())}</p>
            <select data-testid="sample-size" aria-label=i18n.t(Msg::SampleSize) bind:value=size on:change=move |_| confirming.set(false)>
                <option value="100">"100"</option>
                <option value="300">"300"</option>
                <option value="1000">"1 000"</option>
                <option value="10000">"10 000"</option>
            </select>
            <button type="button" data-testid="data-load-sample" disabled=move || !state.writable() || state.link.with(Option::is_some) on:click=load>
                {i18n.t(Msg::LoadSample)}
            </button>
            <Show when=move || confirming.get()>
                <div class="confirm" role="alertdialog" data-testid="confirm-sample">
                    <p>{move || st::confirm_sample(lang(), state.leads.with(Vec::len), chosen())}</p>
                    <BackupFirst />
                    <button type="button" class="danger" data-testid="confirm-sample-replace" on:click=move |_| {
                        confirming.set(false);
                        state.load_sample(chosen());
                    }>
                        {move || st::replace_with_sample(lang())}
                    </button>
                    <button type="button" data-testid="cancel-sample" on:click=move |_| confirming.set(false)>
                        {i18n.t(Msg::Cancel)}
                    </button>
                </div>
            </Show>
            <h2>{i18n.t(Msg::EraseWorkspace)}</h2>
            <p class="muted">{i18n.t(Msg::EraseHint)} " " <strong>{word}</strong></p>
            <BackupFirst />
            <input data-testid="erase-confirm" aria-label=i18n.t(Msg::EraseWorkspace) bind:value=typed />
            <button
                type="button"
                class="danger"
                data-testid="erase"
                disabled=move || typed.get().trim() != word() || !state.writable() || state.link.with(Option::is_some)
                on:click=move |_| {
                    typed.set(String::new());
                    state.erase();
                }
            >
                {i18n.t(Msg::EraseWorkspace)}
            </button>
        </section>
    }
}
