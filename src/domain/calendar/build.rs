//! Building a validated [`BusinessCalendar`] from its spec: each
//! weekday's and special day's intervals parsed and checked, holidays and
//! special days read, every problem named by its field.

use super::*;

/// The field naming exception `index`'s date.
fn field_of_exception(index: usize) -> CalendarField {
    CalendarField::Exception {
        index,
        interval: None,
        part: None,
    }
}

/// One day's intervals from their written form, sorted, checked (times,
/// empty, overlaps within the day); `at(i, part)` names interval `i`.
fn parse_day(
    raw: &[(String, String)],
    at: impl Fn(usize, Option<Part>) -> CalendarField,
) -> Result<(Vec<Interval>, Vec<CalendarField>), CalendarError> {
    let mut parsed = Vec::with_capacity(raw.len());
    for (i, (from, to)) in raw.iter().enumerate() {
        let field = at(i, None);
        let start = parse_time(from, at(i, Some(Part::Start)), false)?;
        let end = parse_time(to, at(i, Some(Part::End)), true)?;
        if start == end {
            return Err(CalendarError::EmptyInterval { field });
        }
        let end = if end < start { end + DAY_MINUTES } else { end };
        parsed.push((Interval { start, end }, field));
    }
    crate::sort::sort_by_key(&mut parsed, |(iv, _)| iv.start);
    for pair in parsed.windows(2) {
        if pair[1].0.start < pair[0].0.end {
            return Err(CalendarError::Overlap {
                field: pair[1].1,
                other: pair[0].1,
            });
        }
    }
    Ok(parsed.into_iter().unzip())
}

fn parse_time(s: &str, field: CalendarField, is_end: bool) -> Result<u32, CalendarError> {
    let bad = || CalendarError::BadTime {
        field,
        value: s.to_owned(),
    };
    let (h, m) = s.split_once(':').ok_or_else(bad)?;
    if h.len() != 2 || m.len() != 2 || !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let (h, m): (u32, u32) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    match (h, m) {
        (24, 0) if is_end => Ok(DAY_MINUTES),
        (0..=23, 0..=59) => Ok(h * 60 + m),
        _ => Err(bad()),
    }
}

impl BusinessCalendar {
    /// Validates a spec (see the module rules); errors name the field.
    pub fn new(spec: CalendarSpec) -> Result<BusinessCalendar, CalendarError> {
        let tz: Zone = spec
            .timezone
            .parse()
            .map_err(|_| CalendarError::UnknownTimezone(spec.timezone.clone()))?;
        let mut week: [Vec<Interval>; 7] = Default::default();
        let mut names: [Vec<CalendarField>; 7] = Default::default();
        for (day, (_, raw)) in spec.week.days().into_iter().enumerate() {
            (week[day], names[day]) = parse_day(raw, |interval, part| CalendarField::Week {
                day,
                interval,
                part,
            })?;
        }
        for day in 0..7 {
            let next = (day + 1) % 7;
            if let (Some(last), Some(first)) = (week[day].last(), week[next].first())
                && last.end > DAY_MINUTES
                && last.end - DAY_MINUTES > first.start
                && let (Some(field), Some(other)) = (names[day].last(), names[next].first())
            {
                return Err(CalendarError::Overlap {
                    field: *field,
                    other: *other,
                });
            }
        }
        if week.iter().all(Vec::is_empty) {
            return Err(CalendarError::NoWorkingTime);
        }
        let mut holidays = spec
            .holidays
            .iter()
            .enumerate()
            .map(|(i, s)| {
                crate::domain::instant::parse_ymd(s).ok_or_else(|| CalendarError::BadHoliday {
                    field: CalendarField::Holiday(i),
                    value: s.clone(),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        // Dates with their own hours: each date once, never a holiday too.
        let mut exceptions: Vec<(NaiveDate, Vec<Interval>, Vec<CalendarField>, usize)> =
            Vec::with_capacity(spec.exceptions.len());
        for (index, day) in spec.exceptions.iter().enumerate() {
            let field = |interval, part| CalendarField::Exception {
                index,
                interval,
                part,
            };
            let date = crate::domain::instant::parse_ymd(&day.date).ok_or_else(|| {
                CalendarError::BadHoliday {
                    field: field(None, None),
                    value: day.date.clone(),
                }
            })?;
            let earlier = exceptions
                .iter()
                .find(|e| e.0 == date)
                .map(|e| field_of_exception(e.3))
                .or_else(|| {
                    spec.holidays
                        .iter()
                        .position(|h| crate::domain::instant::parse_ymd(h) == Some(date))
                        .map(CalendarField::Holiday)
                });
            if let Some(other) = earlier {
                return Err(CalendarError::TwiceGiven {
                    field: field(None, None),
                    other,
                    date: day.date.clone(),
                });
            }
            let (ivs, fields) = parse_day(&day.hours, |i, part| field(Some(i), part))?;
            exceptions.push((date, ivs, fields, index));
        }
        crate::sort::sort_by_key(&mut exceptions, |e| e.0);
        crate::sort::sort(&mut holidays);
        holidays.dedup();
        let cal = BusinessCalendar {
            tz,
            week,
            holidays,
            exceptions: exceptions
                .iter()
                .map(|(d, ivs, ..)| (*d, ivs.clone()))
                .collect(),
            spec,
        };
        // An exception's overnight interval ends before the next date's
        // first interval starts; the day before's ends before its first.
        for (date, ivs, fields, _) in &exceptions {
            let next = *date + Days::new(1);
            if let (Some(last), Some(first)) = (ivs.last(), cal.intervals_of(next).first())
                && last.end > DAY_MINUTES
                && last.end - DAY_MINUTES > first.start
                && let Some(field) = fields.last()
            {
                return Err(CalendarError::Overlap {
                    field: *field,
                    other: cal.field_of(next, 0, &names),
                });
            }
            let before = *date - Days::new(1);
            if let (Some(last), Some(first)) = (cal.intervals_of(before).last(), ivs.first())
                && last.end > DAY_MINUTES
                && last.end - DAY_MINUTES > first.start
                && let Some(field) = fields.first()
            {
                let n = cal.intervals_of(before).len() - 1;
                return Err(CalendarError::Overlap {
                    field: *field,
                    other: cal.field_of(before, n, &names),
                });
            }
        }
        Ok(cal)
    }

    /// Where interval `n` (in time order) of `day` is written.
    fn field_of(
        &self,
        day: NaiveDate,
        n: usize,
        week_names: &[Vec<CalendarField>; 7],
    ) -> CalendarField {
        let ymd = crate::domain::instant::ymd(day);
        match self.spec.exceptions.iter().position(|e| e.date == ymd) {
            Some(index) => CalendarField::Exception {
                index,
                interval: Some(n),
                part: None,
            },
            None => {
                let weekday = day.weekday().num_days_from_monday() as usize;
                week_names[weekday]
                    .get(n)
                    .copied()
                    .unwrap_or(CalendarField::Week {
                        day: weekday,
                        interval: n,
                        part: None,
                    })
            }
        }
    }
}
