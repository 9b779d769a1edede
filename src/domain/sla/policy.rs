//! SLA policies: the targets (the default and ordered rules by priority,
//! source and campaign) and when the SLA is enforced from.

use super::*;

/// A duration in whole minutes (business minutes where the field says so).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Minutes(pub u32);

impl Minutes {
    /// As a `TimeDelta`.
    pub fn delta(self) -> TimeDelta {
        TimeDelta::minutes(i64::from(self.0))
    }

    /// Whole hours.
    pub fn hours(h: u32) -> Minutes {
        Minutes(h * 60)
    }
}

/// How long a target is: business minutes, or working days (the module
/// rules of [`super`] say what a working day is and when it is due).
/// Written as a number of business minutes (`60`) or `{"working_days": 2}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Span {
    /// Business minutes.
    Minutes(u32),
    /// Working days of the calendar.
    WorkingDays(u32),
}

impl Default for Span {
    fn default() -> Self {
        Span::Minutes(0)
    }
}

impl From<Minutes> for Span {
    fn from(m: Minutes) -> Span {
        Span::Minutes(m.0)
    }
}

impl Span {
    /// Whole business hours.
    pub fn hours(h: u32) -> Span {
        Span::Minutes(h * 60)
    }

    /// The business time it stands for, where a working day is `working_day`.
    pub fn delta(self, working_day: TimeDelta) -> TimeDelta {
        match self {
            Span::Minutes(m) => TimeDelta::minutes(i64::from(m)),
            Span::WorkingDays(d) => working_day * i32::try_from(d).unwrap_or(i32::MAX),
        }
    }

    /// Zero: the target is off.
    pub fn is_zero(self) -> bool {
        matches!(self, Span::Minutes(0) | Span::WorkingDays(0))
    }

    /// Business minutes, where a working day is `working_day`.
    pub fn minutes(self, working_day: TimeDelta) -> u32 {
        u32::try_from(self.delta(working_day).num_minutes()).unwrap_or(u32::MAX)
    }
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Span::Minutes(m) => s.serialize_u32(*m),
            Span::WorkingDays(d) => {
                let mut map = s.serialize_map(Some(1))?;
                map.serialize_entry("working_days", d)?;
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Span, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Span;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(
                    r#"business minutes (a whole number) or {"working_days": a whole number}"#,
                )
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Span, E> {
                u32::try_from(v)
                    .map(Span::Minutes)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Span, A::Error> {
                let mut days = None;
                while let Some(key) = map.next_key::<String>()? {
                    if key == "working_days" && days.is_none() {
                        days = Some(map.next_value::<u32>()?);
                    } else {
                        return Err(serde::de::Error::unknown_field(&key, &["working_days"]));
                    }
                }
                days.map(Span::WorkingDays)
                    .ok_or_else(|| serde::de::Error::missing_field("working_days"))
            }
        }
        d.deserialize_any(V)
    }
}

/// When a policy rule applies.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conditions {
    /// Matching priorities; empty matches any.
    #[serde(default)]
    pub priorities: Vec<Priority>,
    /// Matching sources; empty matches any.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Matching campaigns; empty matches any.
    #[serde(default)]
    pub campaigns: Vec<String>,
}

impl Conditions {
    /// True when the lead meets every non-empty condition.
    pub fn matches(&self, lead: &Lead) -> bool {
        let text = |list: &[String], value: &str| {
            list.is_empty() || list.iter().any(|v| v.eq_ignore_ascii_case(value))
        };
        (self.priorities.is_empty() || self.priorities.contains(&lead.priority()))
            && text(&self.sources, lead.source())
            && text(&self.campaigns, lead.campaign())
    }
}

/// The attempts part of a policy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptRule {
    /// Attempts required (N).
    pub min_attempts: u32,
    /// Business time allowed for them, from creation (X).
    pub within: Span,
    /// Most attempts in total before the lead should be closed or nurtured (M).
    pub max_attempts: u32,
    /// Least business time between two attempts.
    pub min_gap: Minutes,
}

/// One set of SLA targets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlaPolicy {
    /// Shown to people.
    pub name: String,
    /// When it applies (ignored for the default policy).
    #[serde(default)]
    pub conditions: Conditions,
    /// First response target (business minutes or working days).
    pub first_response: Span,
    /// Attempts rule.
    pub attempts: AttemptRule,
    /// Business-time limit per stage; stages not listed have none.
    #[serde(default)]
    pub stage_limits: BTreeMap<StageId, Span>,
    /// Reassign when the owner has not touched the lead for this long (business); 0 = never.
    pub reassign_after: Span,
    /// Close open leads without activity for this many calendar days; 0 =
    /// never (as stored: read it with [`SlaPolicy::nurture`], set it with
    /// [`SlaPolicy::set_nurture`], which never takes 0 for never).
    pub nurture_days: u32,
    /// A clock is at risk when less than this share of its target remains.
    #[serde(default = "default_at_risk")]
    pub at_risk_percent: u8,
}

fn default_at_risk() -> u8 {
    25
}

impl Default for SlaPolicy {
    /// Speed-to-lead defaults: respond within 1 business hour, 3 attempts
    /// within 1 business day (8 h), at most 6, 1 h apart; reassign after 4
    /// business hours untouched; stop nurturing after 30 days.
    fn default() -> Self {
        SlaPolicy {
            name: "Default".into(),
            conditions: Conditions::default(),
            first_response: Span::hours(1),
            attempts: AttemptRule {
                min_attempts: 3,
                within: Span::hours(8),
                max_attempts: 6,
                min_gap: Minutes::hours(1),
            },
            stage_limits: BTreeMap::new(),
            reassign_after: Span::hours(4),
            nurture_days: 30,
            at_risk_percent: default_at_risk(),
        }
    }
}

/// Why a policy's target was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PolicyError {
    /// "Stop nurturing after 0 days": a person reads it as closing every
    /// lead at once, the clock as never. Never is said as no number.
    NurtureZero,
}

impl SlaPolicy {
    /// The calendar days without activity after which an open lead is due
    /// to be closed (the nurture clock); `None`: never.
    pub fn nurture(&self) -> Option<u32> {
        (self.nurture_days > 0).then_some(self.nurture_days)
    }

    /// Sets [`SlaPolicy::nurture`]: 1 day or more, or `None` for never.
    /// 0 days is refused, and nothing changes: it would say one thing to the
    /// person (close at once) and another to the clock (never).
    pub fn set_nurture(&mut self, days: Option<u32>) -> Result<(), PolicyError> {
        match days {
            Some(0) => Err(PolicyError::NurtureZero),
            days => {
                self.nurture_days = days.unwrap_or(0);
                Ok(())
            }
        }
    }
}

/// Ordered rules plus the default.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlaPolicies {
    /// First match wins.
    #[serde(default)]
    pub rules: Vec<SlaPolicy>,
    /// When no rule matches.
    pub default: SlaPolicy,
    /// No clock starts before this instant (a team that starts using the
    /// SLA on a date: leads older than that are not judged by it).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::domain::instant::option"
    )]
    pub enforced_from: Option<DateTime<Utc>>,
    /// How long after its deadline a call is "long overdue" and leaves the
    /// top of Today for its folded group, in business minutes (`None`: the
    /// default, [`SlaPolicies::LONG_OVERDUE`]). See `domain::queue`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub long_overdue_after: Option<Minutes>,
}

impl SlaPolicies {
    /// The default of [`SlaPolicies::long_overdue_after`]: one working day of
    /// the Vietnam preset (8 business hours). A lead not called within a
    /// working day of its deadline has lost most of its chance (speed-to-lead
    /// studies: the odds of reaching a lead fall steeply within its first
    /// hour); it is still listed, below the leads that can still be won.
    pub const LONG_OVERDUE: Minutes = Minutes(8 * 60);

    /// How long past its deadline a call is long overdue (business time).
    pub fn long_overdue(&self) -> TimeDelta {
        self.long_overdue_after
            .unwrap_or(Self::LONG_OVERDUE)
            .delta()
    }

    /// [`SlaPolicies::enforced_from`] on `cal`, for [`evaluate_digest`].
    pub fn from_mark(&self, cal: &dyn BusinessTime) -> Option<Mark> {
        self.enforced_from.map(|at| Mark::new(cal, at))
    }

    /// The policy for a lead.
    pub fn policy_for(&self, lead: &Lead) -> &SlaPolicy {
        self.rules
            .iter()
            .find(|p| p.conditions.matches(lead))
            .unwrap_or(&self.default)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nurture_after_zero_days_is_refused_never_is_no_number() {
        let mut p = SlaPolicy::default();
        assert_eq!(p.nurture(), Some(30));
        assert_eq!(p.set_nurture(Some(0)), Err(PolicyError::NurtureZero));
        assert_eq!(p.nurture(), Some(30), "a refused value changes nothing");
        p.set_nurture(None).unwrap();
        assert_eq!((p.nurture(), p.nurture_days), (None, 0), "stored as before");
        p.set_nurture(Some(1)).unwrap();
        assert_eq!(p.nurture(), Some(1));
    }
}
