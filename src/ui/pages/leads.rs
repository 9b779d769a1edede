//! `/`: the new-lead form and the lead list.

use crate::ui::components::{backup_panel::BackupPanel, lead_form::LeadForm, lead_list::LeadList};
use leptos::prelude::*;

/// The start page for now.
#[component]
pub fn LeadsPage() -> impl IntoView {
    view! {
        <div class="leads-page" data-testid="page-leads">
            <div class="side">
                <LeadForm />
                <BackupPanel />
            </div>
            <LeadList />
        </div>
    }
}
