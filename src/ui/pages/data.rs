//! `/data`: JSON backup (replace or merge), the CSV import wizard (preview,
//! column mapping, errors, duplicates), CSV export, sample data, and erasing
//! the workspace behind a typed confirmation.

use crate::app::state::AppState;
use crate::app::{backups, files};
use crate::domain::search::{LeadFilter, Query};
use crate::io::csv_export::{export_activities_csv, export_csv};
use crate::ui::components::backup_panel::BackupPanel;
use crate::ui::i18n::pages::PageMsg;
use crate::ui::i18n::pages::data::DataMsg;
use crate::ui::i18n::storage::{self as st, Label};
use crate::ui::i18n::{Msg, use_i18n};
use leptos::prelude::*;

mod csv_choices;
mod csv_country;
mod csv_import;

use csv_import::CsvImport;

/// The data screen.
#[component]
pub fn DataPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Imported leads, and a rep switching on, reach distribution.
    crate::app::distribute::install(state);
    let i18n = use_i18n();
    view! {
        <div class="data-page" data-testid="page-data">
            <h1>{i18n.t(Msg::NavData)}</h1>
            <Show when=move || state.link.with(Option::is_some)>
                <p class="notice" data-testid="shared-note">{move || crate::ui::i18n::team::shared_note(i18n.0.get(), !state.can_edit())}</p>
            </Show>
            <StorageCard />
            <BackupPanel />
            <CsvImport />
            <CsvExport />
            <SampleAndErase />
        </div>
    }
}

/// Download leads as CSV (all, or those matching a search).
#[component]
fn CsvExport() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let query = RwSignal::new(String::new());
    // The leads (or their activities, with what was noted) as CSV.
    let export = move |activities: bool| {
        let ins = state.insights.get_untracked();
        let q = Query::new(&query.get_untracked());
        let f = LeadFilter::default();
        let leads: Vec<_> = ins
            .leads()
            .iter()
            .filter(|l| f.accepts(&q, l, None, ins.now()))
            .collect();
        let settings = ins.settings();
        let (what, bytes) = if activities {
            let with_acts = leads.iter().map(|l| (*l, ins.activities_of(l.id())));
            ("activities", export_activities_csv(with_acts, &settings))
        } else {
            ("leads", export_csv(leads.iter().copied(), &settings))
        };
        let name = format!(
            "leadpact-{what}-{}.csv",
            crate::domain::instant::ymd(ins.now().date_naive())
        );
        files::save_text(
            &name,
            "text/csv;charset=utf-8",
            &String::from_utf8_lossy(&bytes),
        );
    };
    view! {
        <section class="card" data-testid="csv-export">
            <h2>{i18n.t(DataMsg::CsvExport)}</h2>
            <p class="muted">{i18n.t(DataMsg::CsvExportHint)}</p>
            <input type="search" data-testid="export-query" placeholder=i18n.t(PageMsg::SearchHint) aria-label=i18n.t(PageMsg::Search) bind:value=query />
            <button type="button" data-testid="export-csv" on:click=move |_| export(false)>{i18n.t(DataMsg::ExportCsv)}</button>
            <button type="button" data-testid="export-activities-csv" on:click=move |_| export(true)>{i18n.t(DataMsg::ExportActivitiesCsv)}</button>
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
        <Show when=move || state.with_leads(|l| !l.is_empty())>
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
    let word = move || i18n.t(DataMsg::EraseWord)();
    let load = move |_| {
        if state.with_leads_untracked(<[_]>::is_empty) {
            state.load_sample(chosen(), i18n.0.get_untracked());
        } else {
            confirming.set(true);
        }
    };
    view! {
        <section class="card" data-testid="sample-erase">
            <h2>{i18n.t(DataMsg::SampleData)}</h2>
            <p class="muted" data-testid="sample-hint">{move || st::sample_hint(lang(), chosen())}</p>
            <select data-testid="sample-size" aria-label=i18n.t(DataMsg::SampleSize) bind:value=size on:change=move |_| confirming.set(false)>
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
                    <p>{move || st::confirm_sample(lang(), state.with_leads(<[_]>::len), chosen())}</p>
                    <BackupFirst />
                    <button type="button" class="danger" data-testid="confirm-sample-replace" on:click=move |_| {
                        confirming.set(false);
                        state.load_sample(chosen(), i18n.0.get_untracked());
                    }>
                        {move || st::replace_with_sample(lang())}
                    </button>
                    <button type="button" data-testid="cancel-sample" on:click=move |_| confirming.set(false)>
                        {i18n.t(PageMsg::Cancel)}
                    </button>
                </div>
            </Show>
            <h2>{i18n.t(DataMsg::EraseWorkspace)}</h2>
            <p class="muted">{i18n.t(DataMsg::EraseHint)} " " <strong>{word}</strong></p>
            <BackupFirst />
            <input data-testid="erase-confirm" aria-label=i18n.t(DataMsg::EraseWorkspace) bind:value=typed />
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
                {i18n.t(DataMsg::EraseWorkspace)}
            </button>
        </section>
    }
}
