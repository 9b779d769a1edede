//! One row of the file to a lead candidate or its cell errors.

use super::*;

fn parse_created(s: &str, tz: Zone) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    for f in ["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d %H:%M:%S%z"] {
        if let Ok(t) = DateTime::parse_from_str(s, f) {
            return Some(t.with_timezone(&Utc));
        }
    }
    for f in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%d/%m/%Y %H:%M:%S",
        "%d/%m/%Y %H:%M",
        "%m/%d/%Y %I:%M %p",
    ] {
        if let Ok(n) = NaiveDateTime::parse_from_str(s, f) {
            return tz
                .from_local_datetime(&n)
                .earliest()
                .map(|t| t.with_timezone(&Utc));
        }
    }
    for f in ["%Y-%m-%d", "%d/%m/%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return tz
                .from_local_datetime(&d.and_hms_opt(0, 0, 0)?)
                .earliest()
                .map(|t| t.with_timezone(&Utc));
        }
    }
    None
}

fn parse_priority(s: &str) -> Option<Priority> {
    match crate::domain::search::fold(s.trim()).as_str() {
        "low" | "thap" => Some(Priority::Low),
        "normal" | "medium" | "binh thuong" | "trung binh" => Some(Priority::Normal),
        "high" | "cao" => Some(Priority::High),
        "urgent" | "khan" | "khan cap" => Some(Priority::Urgent),
        _ => None,
    }
}

/// `15.000.000 ₫`, `15,000,000`, `15000000 VND` → 15 000 000; `2500.00`
/// → 2 500 (a last group of one or two digits after `.` or `,` is a
/// decimal part; VND has none, so it must be zero).
fn parse_amount(s: &str) -> Option<u64> {
    let t = s.trim();
    let t = t
        .strip_suffix("VND")
        .or_else(|| t.strip_suffix("vnd"))
        .unwrap_or(t)
        .trim_matches(['₫', 'đ', ' ', '\u{a0}']);
    let t = match t.rfind(['.', ',']) {
        Some(at)
            if (1..=2).contains(&t[at + 1..].len())
                && t[at + 1..].bytes().all(|b| b.is_ascii_digit()) =>
        {
            if t[at + 1..].bytes().any(|b| b != b'0') {
                return None;
            }
            &t[..at]
        }
        _ => t,
    };
    let digits: String = t
        .chars()
        .filter(|c| !matches!(c, '.' | ',' | ' ' | '\u{a0}' | '₫' | 'đ'))
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

fn parse_score(s: &str) -> Option<Csat> {
    let t = s.trim();
    let n = if !t.is_empty() && t.chars().all(|c| c == '★') {
        u8::try_from(t.chars().count()).ok()?
    } else {
        t.parse::<u8>().ok()?
    };
    Csat::try_from(n).ok()
}

/// A currency cell that says VND (or is empty).
fn is_vnd(s: &str) -> bool {
    matches!(
        crate::domain::search::fold(s.trim()).as_str(),
        "" | "vnd" | "₫" | "d" | "dong" | "viet nam dong" | "vietnam dong" | "vietnamese dong"
    )
}

fn parse_closure(s: &str) -> Option<LossKind> {
    match crate::domain::search::fold(s.trim()).as_str() {
        "lost" | "that bai" | "mat" => Some(LossKind::Lost),
        "junk" | "rac" | "spam" => Some(LossKind::Junk),
        _ => None,
    }
}

/// The country cell a row's numbers were read by: its value, and the
/// country it names (None: not known, the file's country used).
pub(super) type CountryCell = Option<(String, Option<Country>)>;

/// One row: a candidate or its cell errors, and its country cell.
pub(super) fn read_row(
    row: usize,
    record: &csv::StringRecord,
    headers: &[String],
    mapping: &Mapping,
    preset: Option<Preset>,
    pipeline: &Pipeline,
) -> (RowOutcome, CountryCell) {
    let mut fields: HashMap<&'static str, (String, String)> = HashMap::new();
    let mut custom = BTreeMap::new();
    let mut created = None;
    let (mut status, mut owner): (Option<String>, Option<String>) = (None, None);
    let (mut priority, mut amount, mut closed_as, mut reason, mut csat) =
        (None, None, None, None, None);
    // The value cell as written (for a value in another currency).
    let mut amount_cell: Option<(String, String)> = None;
    let mut currency: Option<String> = None;
    let mut country_cell: CountryCell = None;
    let mut errors = Vec::new();
    for (col, target) in mapping.columns.iter().enumerate() {
        let value = restore(record.get(col).unwrap_or("").trim()).to_owned();
        let header = headers.get(col).cloned().unwrap_or_default();
        let key = match target {
            Target::Name => "name",
            Target::FirstName => "first",
            Target::LastName => "last",
            Target::Phone => "phone",
            Target::Email => "email",
            Target::Source => "source",
            Target::Campaign => "campaign",
            Target::Created => {
                if !value.is_empty() {
                    created = parse_created(&value, mapping.timezone);
                    if created.is_none() {
                        errors.push(CellError::new(row, header, value, CellProblem::NotATime));
                    }
                }
                continue;
            }
            Target::Value => {
                // Read once the row's currency is known, below.
                if !value.is_empty() && amount_cell.is_none() {
                    amount_cell = Some((header, value));
                }
                continue;
            }
            Target::Priority | Target::ClosedAs | Target::Csat => {
                if value.is_empty() {
                    continue;
                }
                let read = match target {
                    Target::Priority => parse_priority(&value)
                        .map(|p| priority = Some(p))
                        .ok_or(CellProblem::NotAPriority),
                    Target::ClosedAs => parse_closure(&value)
                        .map(|k| closed_as = Some(k))
                        .ok_or(CellProblem::NotAClosure),
                    _ => parse_score(&value)
                        .map(|c| csat = Some(c))
                        .ok_or(CellProblem::NotAScore),
                };
                if let Err(problem) = read {
                    errors.push(CellError::new(row, header, value, problem));
                }
                continue;
            }
            Target::Reason => {
                reason = reason.or((!value.is_empty()).then_some(value));
                continue;
            }
            Target::Status => {
                status = status.or((!value.is_empty()).then_some(value));
                continue;
            }
            Target::Owner => {
                // A name wins over an id of the other system (`owner`).
                let better = match &owner {
                    None => true,
                    Some(o) => owner_id(o).is_some() && owner_id(&value).is_none(),
                };
                if !value.is_empty() && better {
                    owner = Some(value);
                }
                continue;
            }
            Target::Currency => {
                currency = currency.or((!value.is_empty()).then_some(value));
                continue;
            }
            Target::Country => {
                if !value.is_empty() {
                    custom.entry(header).or_insert_with(|| value.clone());
                    let named = Country::named(&value);
                    // The first cell that names a known country, else the
                    // first non-empty one.
                    if country_cell
                        .as_ref()
                        .is_none_or(|(_, c)| c.is_none() && named.is_some())
                    {
                        country_cell = Some((value, named));
                    }
                }
                continue;
            }
            Target::Company => {
                if !value.is_empty() {
                    custom.entry(COMPANY.to_owned()).or_insert(value);
                }
                continue;
            }
            Target::Custom(name) => {
                if !value.is_empty() {
                    custom.insert(name.clone(), value);
                }
                continue;
            }
        };
        if !value.is_empty() {
            fields.entry(key).or_insert((header, value));
        }
    }
    let get = |k: &str| fields.get(k).map(|(_, v)| v.clone()).unwrap_or_default();
    let name = match fields.get("name") {
        Some((_, v)) => v.clone(),
        None => format!("{} {}", get("first"), get("last"))
            .trim()
            .to_owned(),
    };
    let source = match (fields.get("source"), preset) {
        (Some((_, v)), _) => v.clone(),
        (None, Some(Preset::MetaLeadAds))
            if custom
                .get("platform")
                .is_some_and(|p| p.eq_ignore_ascii_case("ig")) =>
        {
            "Instagram".into()
        }
        (None, Some(Preset::MetaLeadAds)) => "Facebook".into(),
        (None, Some(p)) => format!("{p:?} import"),
        (None, None) => "CSV import".into(),
    };
    // A value in another currency is no VND figure: kept as text.
    if let Some((header, raw)) = amount_cell {
        match currency.as_deref() {
            Some(c) if !is_vnd(c) => {
                custom.insert(header, format!("{raw} {c}"));
            }
            _ => match parse_amount(&raw) {
                Some(v) => amount = Some(v),
                None => errors.push(CellError::new(row, header, raw, CellProblem::NotAnAmount)),
            },
        }
    }
    // The cells' problems in column order.
    errors.sort_by_key(|e| headers.iter().position(|h| *h == e.column));
    let mut draft = LeadDraft {
        name,
        phone: get("phone"),
        email: get("email"),
        source,
        country: country_cell
            .as_ref()
            .and_then(|(_, c)| *c)
            .unwrap_or(mapping.country),
    };
    // The header an error points at: the column the value came from, else the
    // first column mapped to that field, else the field's name.
    let column_of = |field: Field| -> String {
        let (key, target) = match field {
            Field::Name => ("name", Target::Name),
            Field::Phone => ("phone", Target::Phone),
            Field::Email => ("email", Target::Email),
            Field::Source => ("source", Target::Source),
        };
        fields
            .get(key)
            .map(|(h, _)| h.clone())
            .or_else(|| {
                mapping
                    .columns
                    .iter()
                    .position(|t| *t == target)
                    .and_then(|i| headers.get(i).cloned())
            })
            .unwrap_or_else(|| key.to_owned())
    };
    // A phone that cannot be understood never refuses a row that has an
    // e-mail: the lead comes in without it, the text kept and flagged.
    let mut phone_kept = None;
    if !draft.phone.is_empty()
        && let Err(problem) = Phone::parse_in(&draft.phone, draft.country)
        && Email::parse(&draft.email).is_ok()
    {
        let raw = std::mem::take(&mut draft.phone);
        custom.insert(PHONE_KEPT.to_owned(), raw.clone());
        phone_kept = Some(CellError::new(
            row,
            column_of(Field::Phone),
            raw,
            CellProblem::Field(FieldProblem::Phone(problem)),
        ));
    }
    if let Err(problems) = Lead::create(
        &draft,
        LeadId::from_uuid(uuid::Uuid::nil()),
        DateTime::UNIX_EPOCH,
        pipeline,
    ) {
        for (field, problem) in problems.0 {
            let value = match field {
                Field::Name => draft.name.clone(),
                Field::Phone => draft.phone.clone(),
                Field::Email => draft.email.clone(),
                Field::Source => draft.source.clone(),
            };
            errors.push(CellError::new(
                row,
                column_of(field),
                value,
                CellProblem::Field(problem),
            ));
        }
    }
    if !errors.is_empty() {
        return (RowOutcome::Errors(errors), country_cell);
    }
    let candidate = RowOutcome::Lead(Box::new(Candidate {
        phone: Phone::parse_in(&draft.phone, draft.country)
            .ok()
            .map(|p| p.e164().to_owned()),
        email: Email::parse(&draft.email)
            .ok()
            .map(|e| e.as_str().to_lowercase()),
        campaign: get("campaign"),
        created,
        status,
        owner,
        priority,
        value: amount,
        closed_as,
        reason,
        csat,
        phone_kept,
        custom,
        duplicate: None,
        draft,
    }));
    (candidate, country_cell)
}
