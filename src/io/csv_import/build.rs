//! From the preview to what is written: duplicates marked, the file's
//! values for the wizard, and the leads (and filled-in existing leads) to
//! save with the person's choices.

use super::*;

impl ImportPreview {
    /// Marks candidates whose phone or e-mail matches a lead in `existing`
    /// or an earlier row of the file.
    pub fn mark_duplicates(&mut self, existing: &[Lead]) {
        let mut seen: HashMap<String, Duplicate> = HashMap::new();
        for lead in existing {
            let dup = Duplicate::Workspace(lead.id());
            if let Some(p) = lead.phone() {
                seen.entry(p.e164().to_owned()).or_insert(dup.clone());
            }
            if let Some(e) = lead.email() {
                seen.entry(e.as_str().to_lowercase()).or_insert(dup);
            }
        }
        for (row, outcome) in &mut self.rows {
            let RowOutcome::Lead(c) = outcome else {
                continue;
            };
            let keys: Vec<String> = c.phone.iter().chain(c.email.iter()).cloned().collect();
            c.duplicate = keys.iter().find_map(|k| seen.get(k).cloned());
            for k in keys {
                seen.entry(k).or_insert(Duplicate::Row(*row));
            }
        }
    }

    /// Rows that became candidates, and rows with errors.
    pub fn counts(&self) -> (usize, usize) {
        let ok = self
            .rows
            .iter()
            .filter(|(_, o)| matches!(o, RowOutcome::Lead(_)))
            .count();
        (ok, self.rows.len() - ok)
    }

    /// The workspace leads that duplicates fill in under
    /// [`OnDuplicate::Merge`]: a missing phone or e-mail, an empty campaign,
    /// and custom fields the lead does not have yet are taken from the row;
    /// nothing the lead already holds is overwritten. Leads that gain
    /// nothing are not returned.
    pub fn merged(&self, existing: &[Lead], now: DateTime<Utc>) -> Vec<Lead> {
        let mut out: Vec<Lead> = Vec::new();
        for (_, outcome) in &self.rows {
            let RowOutcome::Lead(c) = outcome else {
                continue;
            };
            let Some(Duplicate::Workspace(id)) = c.duplicate else {
                continue;
            };
            let slot = match out.iter().position(|l| l.id() == id) {
                Some(i) => i,
                None => match existing.iter().find(|l| l.id() == id) {
                    Some(l) => {
                        out.push(l.clone());
                        out.len() - 1
                    }
                    None => continue,
                },
            };
            let lead = &mut out[slot];
            lead.fill_contact(&c.draft, now);
            if lead.campaign().is_empty() && !c.campaign.is_empty() {
                lead.set_campaign(c.campaign.clone(), now);
            }
            for (k, v) in &c.custom {
                if !lead.custom().contains_key(k) {
                    lead.set_custom(k.clone(), v.clone(), now);
                }
            }
        }
        out.retain(|l| {
            existing.iter().find(|e| e.id() == l.id()).is_some_and(|o| {
                o.phone() != l.phone()
                    || o.email() != l.email()
                    || o.campaign() != l.campaign()
                    || o.custom() != l.custom()
            })
        });
        out
    }

    /// The distinct values of a row field (status or owner) among the rows
    /// that became candidates, with how many rows hold each, in order of
    /// first appearance.
    pub fn values(&self, of: impl Fn(&Candidate) -> Option<&String>) -> Vec<(String, usize)> {
        let mut out: Vec<(String, usize)> = Vec::new();
        let mut at: HashMap<&str, usize> = HashMap::new();
        for (_, o) in &self.rows {
            if let RowOutcome::Lead(c) = o
                && let Some(v) = of(c)
            {
                match at.get(v.as_str()) {
                    Some(&i) => out[i].1 += 1,
                    None => {
                        at.insert(v, out.len());
                        out.push((v.clone(), 1));
                    }
                }
            }
        }
        out
    }

    /// Rows whose phone was not understood and kept as text.
    pub fn phones_kept(&self) -> impl Iterator<Item = &CellError> {
        self.rows.iter().filter_map(|(_, o)| match o {
            RowOutcome::Lead(c) => c.phone_kept.as_ref(),
            RowOutcome::Errors(_) => None,
        })
    }

    /// Builds the leads to write: every valid row, except duplicates when
    /// `on_duplicate` is `Skip` or `Merge`. Ids come from `new_id`; rows
    /// without a creation time get `now`. A status becomes a stage or a
    /// closure as `choices` says (else its [`guess_status`]); an owner
    /// becomes the rep `choices` names (else nobody, the owner kept in
    /// [`OWNER_KEPT`]).
    pub fn leads(
        &self,
        on_duplicate: OnDuplicate,
        choices: &Choices,
        pipeline: &Pipeline,
        now: DateTime<Utc>,
        mut new_id: impl FnMut() -> LeadId,
    ) -> Vec<Lead> {
        self.rows
            .iter()
            .filter_map(|(_, o)| match o {
                RowOutcome::Lead(c)
                    if c.duplicate.is_none() || on_duplicate == OnDuplicate::ImportAnyway =>
                {
                    Some(c)
                }
                _ => None,
            })
            .filter_map(|c| {
                let at = c.created.unwrap_or(now).min(now);
                // It entered this workspace now, whenever it was created:
                // its SLA clocks start now (`domain::sla`).
                let mut lead = Lead::create(&c.draft, new_id(), at, pipeline)
                    .ok()?
                    .entering_at(now);
                if !c.campaign.is_empty() {
                    lead.set_campaign(c.campaign.clone(), at);
                }
                for (k, v) in &c.custom {
                    lead.set_custom(k.clone(), v.clone(), at);
                }
                let from_status = c.status.as_ref().map(|status| {
                    choices
                        .statuses
                        .get(status)
                        .cloned()
                        .unwrap_or_else(|| guess_status(status, pipeline))
                });
                // "Closed as" (our own export) says lost or junk outright.
                let target = c.closed_as.map(StatusTarget::Closed).or(from_status);
                // A stage or closure the pipeline refuses leaves the lead new.
                let _ = match target {
                    None => Ok(()),
                    Some(StatusTarget::Stage(id)) if &id == lead.stage() => Ok(()),
                    Some(StatusTarget::Stage(id)) => lead.move_to(&id, pipeline, None, at),
                    Some(StatusTarget::Closed(kind)) => lead.mark_lost(
                        Closure {
                            kind,
                            reason: c
                                .reason
                                .clone()
                                .or_else(|| c.status.clone())
                                .unwrap_or_default(),
                        },
                        pipeline,
                        None,
                        at,
                    ),
                };
                if let Some(reason) = &c.reason
                    && lead.closure().is_none()
                {
                    lead.set_custom("Reason", reason.clone(), at);
                }
                if let Some(p) = c.priority {
                    lead.set_priority(p, at);
                }
                if c.value.is_some() {
                    lead.set_value(c.value, at);
                }
                if c.csat.is_some() {
                    lead.set_csat(c.csat, at);
                }
                if lead.phone().is_some_and(Phone::renumbered) {
                    let old = lead.phone().map(|p| p.raw().to_owned()).unwrap_or_default();
                    lead.set_custom(OLD_NUMBER, old, at);
                }
                match c.owner.as_ref().map(|o| (o, choices.owners.get(o))) {
                    Some((_, Some(rep))) => lead.assign(Some(rep.clone()), at),
                    // Nobody here: the file's owner is kept as text.
                    Some((owner, None)) => lead.set_custom(OWNER_KEPT, owner.clone(), at),
                    None => {}
                }
                Some(lead.arrived())
            })
            .collect()
    }
}
