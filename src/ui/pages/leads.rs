//! `/leads`: the new-lead form and the lead list.

use crate::ui::components::{lead_form::LeadForm, lead_list::LeadList};
use leptos::prelude::*;

/// The lead list with the form beside it.
#[component]
pub fn LeadsPage() -> impl IntoView {
    // New leads typed here get an owner when the workspace has rules.
    crate::app::distribute::install(expect_context());
    view! {
        <div class="leads-page" data-testid="page-leads">
            <div class="side">
                <LeadForm />
            </div>
            <LeadList />
        </div>
    }
}
