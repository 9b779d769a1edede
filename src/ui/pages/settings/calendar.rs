//! The business calendar editor: a timezone, each weekday's working
//! intervals as people write them ("08:00-12:00, 13:30-17:30"; a shift past
//! midnight marked "22:00-06:00+1"), the holidays, and the special days —
//! a date with hours of its own, one per line ("2026-04-25: 08:00-17:00;
//! Làm bù 30/4", "2026-12-31: closed"). A problem is shown
//! under the day it concerns, in words ("Wednesday, interval 1: …");
//! nothing is saved until the whole calendar is valid. An empty day is
//! closed, and says so ("Closed — e.g. 08:00-12:00", muted): its
//! placeholder never looks like hours it does not have.

use super::follow::{ChangedUnderneath, Field, Follow};
use super::{Said, SectionError};
use crate::app::state::AppState;
use crate::domain::calendar::{BusinessCalendar, CalendarField, CalendarSpec, DaySpec};
use crate::ui::i18n::pages::PageMsg;
use crate::ui::i18n::pages::settings::SettingsMsg;
use crate::ui::i18n::settings as tc;
use crate::ui::i18n::{Lang, use_i18n};
use leptos::prelude::*;

/// A day's intervals as the editor writes them.
fn day_text(intervals: &[(String, String)]) -> String {
    intervals
        .iter()
        .map(|(a, b)| {
            if well_formed(a) && well_formed(b) && b < a {
                format!("{a}-{b}+1")
            } else {
                format!("{a}-{b}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `HH:MM`, compared as text.
fn well_formed(t: &str) -> bool {
    t.len() == 5 && t.as_bytes()[2] == b':' && t.bytes().filter(u8::is_ascii_digit).count() == 4
}

/// Day `day`'s intervals as written (see [`parse_intervals`]).
fn parse_day(text: &str, day: usize, lang: Lang) -> Result<Vec<(String, String)>, String> {
    parse_intervals(text, lang, |interval| CalendarField::Week {
        day,
        interval,
        part: None,
    })
}

/// Intervals as written. An end before its start is a shift past midnight
/// only when marked `+1`; otherwise it is refused, as is an interval
/// without its end; `place` names interval `i` in a message. Times
/// themselves are checked by the domain.
fn parse_intervals(
    text: &str,
    lang: Lang,
    place: impl Fn(usize) -> CalendarField,
) -> Result<Vec<(String, String)>, String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .enumerate()
        .map(|(i, s)| {
            let Some((a, b)) = s.split_once('-') else {
                return Err(tc::no_dash(lang, place(i), s));
            };
            let (a, b) = (a.trim(), b.trim());
            let (b, overnight) = match b.strip_suffix("+1") {
                Some(end) => (end.trim(), true),
                None => (b, false),
            };
            if !overnight && well_formed(a) && well_formed(b) && b < a {
                return Err(tc::backwards(lang, place(i), a, b));
            }
            Ok((a.to_owned(), b.to_owned()))
        })
        .collect()
}

/// The words a person writes for "closed" in either language.
const CLOSED: [&str; 3] = ["closed", "nghỉ", "nghi"];

/// The special days as the editor writes them, one per line.
fn special_text(days: &[DaySpec]) -> String {
    days.iter()
        .map(|d| {
            let hours = if d.hours.is_empty() {
                CLOSED[0].to_owned()
            } else {
                day_text(&d.hours)
            };
            if d.name.is_empty() {
                format!("{}: {hours}", d.date)
            } else {
                format!("{}: {hours}; {}", d.date, d.name)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The special days as written: `date: hours` or `date: closed`, a name
/// after `;`. The dates and times themselves are checked by the domain.
fn parse_special(text: &str, lang: Lang) -> Result<Vec<DaySpec>, String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
        .map(|(index, line)| {
            let (day, name) = line.split_once(';').unwrap_or((line, ""));
            let Some((date, hours)) = day.split_once(':').filter(|(d, _)| !d.trim().is_empty())
            else {
                return Err(tc::special_line(lang, index, line));
            };
            let hours = hours.trim();
            let hours = if CLOSED.iter().any(|c| hours.to_lowercase() == *c) {
                Vec::new()
            } else if hours.is_empty() {
                return Err(tc::special_line(lang, index, line));
            } else {
                parse_intervals(hours, lang, |i| CalendarField::Exception {
                    index,
                    interval: Some(i),
                    part: None,
                })?
            };
            Ok(DaySpec {
                date: date.trim().to_owned(),
                hours,
                name: name.trim().to_owned(),
            })
        })
        .collect()
}

/// The form's texts for a calendar, in the order of its fields: the
/// timezone, Monday to Sunday, the holidays, the special days.
fn texts(spec: &CalendarSpec) -> Vec<String> {
    let w = &spec.week;
    let mut out = vec![spec.timezone.clone()];
    out.extend(
        [&w.mon, &w.tue, &w.wed, &w.thu, &w.fri, &w.sat, &w.sun]
            .into_iter()
            .map(|d| day_text(d)),
    );
    out.push(spec.holidays.join("\n"));
    out.push(special_text(&spec.exceptions));
    out
}

#[component]
pub(super) fn CalendarEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let lang = move || i18n.0.get();
    // A problem of the whole calendar, and one per weekday.
    let error = RwSignal::new(None::<Said>);
    let day_errors: [RwSignal<Option<Said>>; 7] = Default::default();
    let spec = state.settings.get_untracked().calendar;
    let tz = RwSignal::new(spec.timezone.clone());
    let w = &spec.week;
    let days: [(PageMsg, RwSignal<String>); 7] = [
        (PageMsg::Mon, RwSignal::new(day_text(&w.mon))),
        (PageMsg::Tue, RwSignal::new(day_text(&w.tue))),
        (PageMsg::Wed, RwSignal::new(day_text(&w.wed))),
        (PageMsg::Thu, RwSignal::new(day_text(&w.thu))),
        (PageMsg::Fri, RwSignal::new(day_text(&w.fri))),
        (PageMsg::Sat, RwSignal::new(day_text(&w.sat))),
        (PageMsg::Sun, RwSignal::new(day_text(&w.sun))),
    ];
    let holidays = RwSignal::new(spec.holidays.join("\n"));
    let special = RwSignal::new(special_text(&spec.exceptions));
    let mut fields = vec![Field::text(tz).named(i18n.t(SettingsMsg::Timezone))];
    fields.extend(days.iter().map(|(l, d)| Field::text(*d).named(i18n.t(*l))));
    fields.extend([
        Field::text(holidays).named(i18n.t(SettingsMsg::Holidays)),
        Field::text(special).named(i18n.t(SettingsMsg::SpecialDays)),
    ]);
    let follow = Follow::new(fields, move || state.settings.with(|s| texts(&s.calendar)));
    let special_error = RwSignal::new(None::<Said>);
    let clear = move || {
        error.set(None);
        special_error.set(None);
        day_errors.iter().for_each(|e| e.set(None));
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        clear();
        let lang = i18n.0.get_untracked();
        let mut week = Vec::with_capacity(7);
        for (i, (_, text)) in days.iter().enumerate() {
            match parse_day(&text.get_untracked(), i, lang) {
                Ok(list) => week.push(list),
                Err(_) => {
                    let text = text.get_untracked();
                    day_errors[i].set(Some(Said::new(move || {
                        parse_day(&text, i, i18n.0.get()).err().unwrap_or_default()
                    })));
                }
            }
        }
        let exceptions = match parse_special(&special.get_untracked(), lang) {
            Ok(list) => list,
            Err(_) => {
                let text = special.get_untracked();
                special_error.set(Some(Said::new(move || {
                    parse_special(&text, i18n.0.get()).err().unwrap_or_default()
                })));
                return;
            }
        };
        if week.len() < 7 {
            return;
        }
        let mut spec = state.settings.get_untracked().calendar;
        spec.timezone = tz.get_untracked().trim().to_owned();
        let mut week = week.into_iter();
        for slot in [
            &mut spec.week.mon,
            &mut spec.week.tue,
            &mut spec.week.wed,
            &mut spec.week.thu,
            &mut spec.week.fri,
            &mut spec.week.sat,
            &mut spec.week.sun,
        ] {
            *slot = week.next().unwrap_or_default();
        }
        spec.holidays = holidays
            .get_untracked()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        spec.exceptions = exceptions;
        match BusinessCalendar::new(spec.clone()) {
            Ok(_) => {
                follow.put(texts(&spec));
                let mut s = state.settings.get_untracked();
                s.calendar = spec;
                state.save_settings(s);
            }
            Err(e) => {
                let (day, exception) = (tc::day_of(&e), tc::exception_of(&e));
                let why = Some(Said::new(move || tc::error(i18n.0.get(), &e)));
                match (day, exception) {
                    (Some(d), _) => day_errors[d].set(why),
                    (None, Some(_)) => special_error.set(why),
                    (None, None) => error.set(why),
                }
            }
        }
    };
    let preset = move |_| {
        clear();
        let v = CalendarSpec::vietnam();
        tz.set(v.timezone.clone());
        let w = &v.week;
        for (i, list) in [&w.mon, &w.tue, &w.wed, &w.thu, &w.fri, &w.sat, &w.sun]
            .into_iter()
            .enumerate()
        {
            days[i].1.set(day_text(list));
        }
        holidays.set(v.holidays.join("\n"));
    };
    view! {
        <section class="card" data-testid="calendar-editor">
            <h2>{i18n.t(SettingsMsg::BusinessCalendar)}</h2>
            <p class="muted">{i18n.t(SettingsMsg::CalendarHint)}</p>
            <form on:submit=save class="grid-form">
                <label for="cal-tz">{i18n.t(SettingsMsg::Timezone)}</label>
                <input id="cal-tz" data-testid="cal-tz" bind:value=tz />
                {days.into_iter().enumerate().map(|(i, (label, sig))| {
                    let id = format!("cal-day-{i}");
                    let err_id = format!("cal-day-{i}-error");
                    let problem = day_errors[i];
                    view! {
                        <label for=id.clone()>{i18n.t(label)}</label>
                        <div class="field">
                            <input
                                id=id
                                data-testid="cal-day"
                                placeholder=i18n.t(SettingsMsg::ClosedDay)
                                aria-invalid=move || problem.with(Option::is_some).to_string()
                                aria-describedby=err_id.clone()
                                bind:value=sig
                            />
                            <p class="field-error" id=err_id role="alert" data-testid="cal-day-error">{move || problem.get().map(|s| s.get())}</p>
                        </div>
                    }
                }).collect_view()}
                <label for="cal-holidays">{i18n.t(SettingsMsg::Holidays)}</label>
                <textarea id="cal-holidays" rows="6" data-testid="cal-holidays" bind:value=holidays></textarea>
                <label for="cal-special">{i18n.t(SettingsMsg::SpecialDays)}</label>
                <div class="field">
                    <textarea
                        id="cal-special"
                        rows="4"
                        data-testid="cal-special"
                        placeholder="2026-04-25: 08:00-17:00; Làm bù 30/4"
                        aria-invalid=move || special_error.with(Option::is_some).to_string()
                        aria-describedby="cal-special-hint cal-special-error"
                        bind:value=special
                    ></textarea>
                    <p class="muted" id="cal-special-hint">{i18n.t(SettingsMsg::SpecialDaysHint)}</p>
                    <p class="field-error" id="cal-special-error" role="alert" data-testid="cal-special-error">{move || special_error.get().map(|s| s.get())}</p>
                </div>
                <div>
                    <button type="submit" class="primary" data-testid="save-calendar">{i18n.t(PageMsg::Save)}</button>
                    <button type="button" data-testid="vietnam-preset" on:click=preset>{i18n.t(SettingsMsg::VietnamPreset)}</button>
                </div>
            </form>
            <SectionError error=error testid="calendar-error" />
            <ChangedUnderneath follow=follow testid="calendar-underneath" />
            <p class="muted">{move || overnight_hint(lang())}</p>
        </section>
    }
}

fn overnight_hint(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "A shift past midnight is written with +1 on its end: 22:00-06:00+1.",
        Lang::Vi => "Ca làm qua nửa đêm ghi thêm +1 sau giờ kết thúc: 22:00-06:00+1.",
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn an_overnight_shift_is_an_explicit_choice() {
        let ok = parse_day("08:00-12:00, 22:00-06:00+1", 0, Lang::En).unwrap();
        assert_eq!(ok[1], ("22:00".to_owned(), "06:00".to_owned()));
        assert_eq!(
            day_text(&ok),
            "08:00-12:00, 22:00-06:00+1",
            "written back the same"
        );
        let refused = parse_day("17:00-08:00", 2, Lang::En).unwrap_err();
        assert!(
            refused.starts_with(
                "Wednesday, interval 1 (17:00–08:00): the end must be after the start"
            ),
            "{refused}"
        );
        let vi = parse_day("08:00", 6, Lang::Vi).unwrap_err();
        assert!(
            vi.starts_with("Chủ Nhật, khoảng 1: '08:00' cần giờ bắt đầu"),
            "{vi}"
        );
    }

    #[test]
    fn an_empty_day_reads_as_closed_not_as_hours() {
        use crate::ui::i18n::tr;
        for (lang, closed) in [(Lang::En, "Closed"), (Lang::Vi, "Nghỉ")] {
            let placeholder = tr(lang, SettingsMsg::ClosedDay);
            assert!(placeholder.starts_with(closed), "{placeholder}");
            // Typed as it reads, it would not be taken for hours.
            let as_hours = parse_day(placeholder, 5, lang)
                .is_ok_and(|list| list.iter().all(|(a, b)| well_formed(a) && well_formed(b)));
            assert!(!as_hours, "{placeholder}");
        }
        assert_eq!(day_text(&[]), "", "a closed day is shown empty");
    }

    #[test]
    fn special_days_read_as_written_and_a_line_without_its_hours_says_which() {
        let text = "2026-04-25: 08:00-12:00, 13:30-17:30; Làm bù 30/4\n\n2026-12-31: closed\n2027-01-02 : Nghỉ ; Tết";
        let days = parse_special(text, Lang::En).unwrap();
        assert_eq!(days.len(), 3);
        assert_eq!(days[0].date, "2026-04-25");
        assert_eq!(days[0].hours.len(), 2);
        assert_eq!(days[0].name, "Làm bù 30/4");
        assert!(
            days[1].hours.is_empty() && days[2].hours.is_empty(),
            "closed"
        );
        assert_eq!(days[2].name, "Tết");
        assert_eq!(
            special_text(&days),
            "2026-04-25: 08:00-12:00, 13:30-17:30; Làm bù 30/4\n2026-12-31: closed\n2027-01-02: closed; Tết",
            "written back the same way"
        );
        assert_eq!(parse_special(&special_text(&days), Lang::En).unwrap(), days);
        let missing = parse_special("2026-04-25: 08:00-12:00\n2026-05-02", Lang::En).unwrap_err();
        assert!(
            missing.starts_with("Special day 2: '2026-05-02' is not a date with its hours"),
            "{missing}"
        );
        let backwards = parse_special("2026-04-25: 17:00-08:00", Lang::Vi).unwrap_err();
        assert!(
            backwards.starts_with("Ngày đặc biệt thứ 1, khoảng 1 (17:00–08:00)"),
            "{backwards}"
        );
    }
}
