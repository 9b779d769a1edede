//! `/leads`: the new-lead form and the lead list.

use crate::ui::components::{lead_form::LeadForm, lead_list::LeadList};
use leptos::prelude::*;

/// The lead list with the form beside it.
#[component]
pub fn LeadsPage() -> impl IntoView {
    view! {
        <div class="leads-page" data-testid="page-leads">
            <div class="side">
                <LeadForm />
            </div>
            <LeadList />
        </div>
    }
}
