//! Lead search and filters for the lead list.
//!
//! Rules:
//! - The query matches, case- and accent-insensitively, a substring of the
//!   name, e-mail, campaign or source, a run of spaces reading as one space
//!   in both (`nguyen  van` finds `Nguyễn Văn`); or, when it holds at least 3 digits,
//!   the digits of the phone number in any format: `0912 345`, `+84 912`,
//!   `84912` all find `+84912345678` (a leading `0` stands for `84`).
//! - Every set filter must hold; an unset one accepts everything.
//! - "Created within" counts calendar days back from `now`.

use super::lead::{Lead, LeadId, Priority};
use super::pipeline::StageId;
use super::queue::{Bucket, ClockKind, HORIZON, bucket, most_urgent};
use super::rep::RepId;
use super::sla::LeadClocks;
use chrono::{DateTime, TimeDelta, Utc};

/// What the SLA status filter looks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlaFilter {
    /// A running clock is past due.
    Breached,
    /// A clock is running out.
    AtRisk,
    /// Nothing breached or at risk, but a clock Today lists as due soon
    /// (within [`HORIZON`], or a first response still to make).
    DueSoon,
    /// Nothing breached, at risk or due soon.
    OnTrack,
}

/// The filters of the lead list.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LeadFilter {
    /// Free text.
    pub query: String,
    /// Current stage.
    pub stage: Option<StageId>,
    /// Source (case-insensitive).
    pub source: Option<String>,
    /// Campaign (case-insensitive).
    pub campaign: Option<String>,
    /// Owner; `Some(None)` means unassigned.
    pub owner: Option<Option<RepId>>,
    /// Priority.
    pub priority: Option<Priority>,
    /// SLA status.
    pub sla: Option<SlaFilter>,
    /// Created within this many days before now.
    pub created_within_days: Option<u32>,
}

/// What the query is matched against, per lead, prepared once per change of
/// the leads (folding text is most of a search's cost): folded name, e-mail,
/// campaign and source, and the phone's digits.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchIndex(Vec<(String, String)>);

/// The searchable text and phone digits of one lead.
fn entry(lead: &Lead) -> (String, String) {
    let mut text = fold_words(lead.name());
    for part in [
        lead.email().map(|e| e.as_str()).unwrap_or(""),
        lead.campaign(),
        lead.source(),
    ] {
        text.push('\u{1}');
        text.push_str(&fold_words(part));
    }
    let mut digits = lead
        .phone()
        .map(|p| p.e164().trim_start_matches('+').to_owned())
        .unwrap_or_default();
    // A lead is found by the name and contact of the leads merged into it.
    for m in lead.merged() {
        for part in [m.lead.name(), m.lead.email().map_or("", |e| e.as_str())] {
            text.push('\u{1}');
            text.push_str(&fold_words(part));
        }
        if let Some(p) = m.lead.phone() {
            digits.push(' ');
            digits.push_str(p.e164().trim_start_matches('+'));
        }
    }
    (text, digits)
}

impl SearchIndex {
    /// Indexes `leads` in order.
    pub fn new<'a>(leads: impl IntoIterator<Item = &'a Lead>) -> SearchIndex {
        SearchIndex(leads.into_iter().map(entry).collect())
    }

    /// Indexes the `i`-th lead again (it changed), or one more lead at the end.
    pub fn set(&mut self, i: usize, lead: &Lead) {
        match self.0.get_mut(i) {
            Some(e) => *e = entry(lead),
            None => self.0.push(entry(lead)),
        }
    }

    /// Keeps the leads whose `keep` is true, in order.
    pub fn retain(&mut self, keep: &[bool]) {
        let mut k = keep.iter();
        self.0.retain(|_| k.next().copied().unwrap_or(true));
    }

    /// True when the `i`-th lead matches `query` (false past the end).
    pub fn matches(&self, i: usize, query: &Query) -> bool {
        self.0
            .get(i)
            .is_some_and(|(text, digits)| query.matches_entry(text, digits))
    }
}

/// A query prepared once for many leads.
pub struct Query {
    text: String,
    digits: Option<String>,
}

/// The first of `leads`, other than `except`, that has the same phone
/// (E.164) or the same e-mail (ignoring case) as `lead`: a person entered
/// twice.
pub fn same_contact<'a>(
    leads: &'a [Lead],
    lead: &Lead,
    except: Option<LeadId>,
) -> Option<&'a Lead> {
    let phone = lead.phone().map(|p| p.e164());
    let email = lead.email().map(|e| e.as_str());
    // Without allocating per lead: addresses are nearly always ASCII.
    let same_address = |a: &str, b: &str| {
        a.eq_ignore_ascii_case(b)
            || (!a.is_ascii() || !b.is_ascii()) && a.to_lowercase() == b.to_lowercase()
    };
    leads.iter().find(|other| {
        Some(other.id()) != except
            && other.id() != lead.id()
            && (phone.is_some() && other.phone().map(|p| p.e164()) == phone
                || email.is_some_and(|mine| {
                    other
                        .email()
                        .is_some_and(|theirs| same_address(mine, theirs.as_str()))
                }))
    })
}

/// Lower-case without Vietnamese diacritics (`Nguyễn Đức` → `nguyen duc`).
pub fn fold(s: &str) -> String {
    folded(s).collect()
}

/// [`fold`], with each run of whitespace read as one space and none at
/// either end (`" Lân  Nguyễn "` → `lan nguyen`): how the search compares
/// text, and the rule by which two names read the same (stages, reps, an
/// import's owners).
pub fn fold_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in folded(s) {
        if c.is_whitespace() {
            gap = !out.is_empty();
        } else {
            if gap {
                out.push(' ');
                gap = false;
            }
            out.push(c);
        }
    }
    out
}

/// A character that shows nothing: zero-width spaces and joiners,
/// direction marks, the word joiner, a byte-order mark, a soft hyphen.
pub fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
    )
}

/// The characters of [`fold`]. Text typed or pasted decomposed (a base
/// letter and combining marks, as macOS may give it) folds as its
/// precomposed form does, and invisible characters (zero-width spaces and
/// joiners, soft hyphens, byte-order marks) are left out: they make two
/// names that read the same compare different.
fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|c| !matches!(c, '\u{300}'..='\u{36f}') && !invisible(*c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'ả' | 'ã' | 'ạ' | 'ă' | 'ằ' | 'ắ' | 'ẳ' | 'ẵ' | 'ặ' | 'â' | 'ầ' | 'ấ'
            | 'ẩ' | 'ẫ' | 'ậ' => 'a',
            'è' | 'é' | 'ẻ' | 'ẽ' | 'ẹ' | 'ê' | 'ề' | 'ế' | 'ể' | 'ễ' | 'ệ' => {
                'e'
            }
            'ì' | 'í' | 'ỉ' | 'ĩ' | 'ị' => 'i',
            'ò' | 'ó' | 'ỏ' | 'õ' | 'ọ' | 'ô' | 'ồ' | 'ố' | 'ổ' | 'ỗ' | 'ộ' | 'ơ' | 'ờ' | 'ớ'
            | 'ở' | 'ỡ' | 'ợ' => 'o',
            'ù' | 'ú' | 'ủ' | 'ũ' | 'ụ' | 'ư' | 'ừ' | 'ứ' | 'ử' | 'ữ' | 'ự' => {
                'u'
            }
            'ỳ' | 'ý' | 'ỷ' | 'ỹ' | 'ỵ' => 'y',
            'đ' => 'd',
            other => other,
        })
}

impl Query {
    /// Prepares `q`.
    pub fn new(q: &str) -> Query {
        // Read as a phone number only when it looks like one (digits and
        // the signs numbers are written with): "khach299@example.vn" is an
        // address, not "299".
        let phone_like = q
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || "+-.()/".contains(c));
        let digits: String = q.chars().filter(char::is_ascii_digit).collect();
        let digits = (phone_like && digits.len() >= 3).then(|| match digits.strip_prefix('0') {
            Some(rest) => format!("84{rest}"),
            None => digits,
        });
        Query {
            text: fold_words(q),
            digits,
        }
    }

    /// True when nothing was typed.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// True when the lead matches.
    pub fn matches(&self, lead: &Lead) -> bool {
        if self.is_empty() {
            return true;
        }
        let (text, digits) = entry(lead);
        self.matches_entry(&text, &digits)
    }

    /// True when a prepared entry (see [`SearchIndex`]) matches.
    fn matches_entry(&self, text: &str, digits: &str) -> bool {
        if self.is_empty() {
            return true;
        }
        if let Some(d) = &self.digits
            && !digits.is_empty()
            && digits.contains(d.as_str())
        {
            return true;
        }
        // Fields are joined by U+0001, which no query contains, so a match
        // never spans two fields.
        text.contains(&self.text)
    }
}

impl LeadFilter {
    /// True when `lead` (with its `clocks`, if known) passes every filter at `now`.
    pub fn accepts(
        &self,
        query: &Query,
        lead: &Lead,
        clocks: Option<&LeadClocks>,
        now: DateTime<Utc>,
    ) -> bool {
        self.accepts_with(|| query.matches(lead), lead, clocks, now)
    }

    /// Like [`LeadFilter::accepts`], with the query's answer given by
    /// `query_hit` (from a [`SearchIndex`]), asked only when every other
    /// filter holds.
    pub fn accepts_with(
        &self,
        query_hit: impl FnOnce() -> bool,
        lead: &Lead,
        clocks: Option<&LeadClocks>,
        now: DateTime<Utc>,
    ) -> bool {
        let same = |want: &Option<String>, have: &str| {
            want.as_ref().is_none_or(|w| w.eq_ignore_ascii_case(have))
        };
        self.stage.as_ref().is_none_or(|s| lead.stage() == s)
            && same(&self.source, lead.source())
            && same(&self.campaign, lead.campaign())
            && self
                .owner
                .as_ref()
                .is_none_or(|o| lead.owner() == o.as_ref())
            && self.priority.is_none_or(|p| lead.priority() == p)
            && self
                .created_within_days
                .is_none_or(|d| lead.created_at() >= now - TimeDelta::days(i64::from(d)))
            // An SLA filter keeps only leads whose clocks are given: the
            // list gives none for a closed lead (its SLA is over, not "on
            // track").
            && self.sla.is_none_or(|want| {
                if clocks.is_none() {
                    return false;
                }
                let b = clocks.and_then(|c| bucket(&most_urgent(c).1, TimeDelta::zero()));
                // Due soon as Today says it: a clock that queues the lead.
                let soon = || {
                    clocks.is_some_and(|c| {
                        ClockKind::ALL
                            .iter()
                            .any(|k| k.queues(&k.of(c), HORIZON) == Some(Bucket::DueSoon))
                    })
                };
                match want {
                    SlaFilter::Breached => b == Some(Bucket::Breached),
                    SlaFilter::AtRisk => b == Some(Bucket::AtRisk),
                    SlaFilter::DueSoon => b.is_none() && soon(),
                    SlaFilter::OnTrack => b.is_none() && !soon(),
                }
            })
            && query_hit()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
