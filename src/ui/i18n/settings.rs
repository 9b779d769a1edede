//! Settings problems in the person's words: the calendar's by day and
//! interval (never a spec path), the pipeline's by stage name, a new rep's
//! by the rep it reads like.

use super::Lang;
use super::pages::settings::SettingsMsg;
use crate::domain::calendar::{CalendarError, CalendarField, Part};
use crate::domain::pipeline::{PipelineError, StageKind};
use crate::domain::rep::RepError;

/// Why a rep was not added.
pub fn rep_error(lang: Lang, e: &RepError) -> String {
    match (lang, e) {
        (_, RepError::NoName) => super::tr(lang, SettingsMsg::ErrRepNameMissing).into(),
        (_, RepError::NoCapacity) => super::tr(lang, SettingsMsg::ErrCapacity).into(),
        (Lang::En, RepError::SameName(other)) => format!(
            "There is already a rep called '{other}' (names that differ only by capital letters, spaces or accents read the same): add a family name or an initial to tell them apart."
        ),
        (Lang::Vi, RepError::SameName(other)) => format!(
            "Đã có nhân viên tên '{other}' (tên chỉ khác chữ hoa, khoảng trắng hay dấu được xem là trùng): hãy thêm họ hoặc chữ viết tắt để phân biệt."
        ),
    }
}

/// Why the pipeline was not saved.
pub fn pipeline_error(lang: Lang, e: &PipelineError) -> String {
    let kind = |k: &StageKind| match (lang, k) {
        (Lang::En, StageKind::Open) => "open",
        (Lang::En, StageKind::Won) => "won",
        (Lang::En, StageKind::Lost) => "lost",
        (Lang::Vi, StageKind::Open) => "đang mở",
        (Lang::Vi, StageKind::Won) => "thành công",
        (Lang::Vi, StageKind::Lost) => "thất bại",
    };
    match (lang, e) {
        (Lang::En, PipelineError::SameName(a, b)) => {
            format!("'{a}' and '{b}' read the same: give the stages names people can tell apart.")
        }
        (Lang::Vi, PipelineError::SameName(a, b)) => format!(
            "'{a}' và '{b}' đọc giống nhau: hãy đặt tên giai đoạn để mọi người phân biệt được."
        ),
        (Lang::En, PipelineError::EmptyName(_)) => "Every stage needs a name.".into(),
        (Lang::Vi, PipelineError::EmptyName(_)) => "Giai đoạn nào cũng cần có tên.".into(),
        (Lang::En, PipelineError::Missing(k)) => {
            format!("The pipeline needs at least one {} stage.", kind(k))
        }
        (Lang::Vi, PipelineError::Missing(k)) => {
            format!("Quy trình cần ít nhất một giai đoạn {}.", kind(k))
        }
        (Lang::En, PipelineError::GateNotOpen(_)) => {
            "The qualified gate must be an open stage, not a won or lost one.".into()
        }
        (Lang::Vi, PipelineError::GateNotOpen(_)) => {
            "Cổng đủ điều kiện phải là giai đoạn đang mở, không phải thành công hay thất bại."
                .into()
        }
        (Lang::En, other) => other.to_string(),
        (Lang::Vi, PipelineError::BadStageId(id)) => {
            format!("Mã giai đoạn '{id}' không dùng được.")
        }
        (Lang::Vi, PipelineError::DuplicateStage(id)) => {
            format!("Hai giai đoạn trùng mã '{id}'.")
        }
        (Lang::Vi, PipelineError::UnknownGate(_)) => {
            "Cổng đủ điều kiện không còn là một giai đoạn của quy trình.".into()
        }
    }
}

/// Monday first.
pub fn day(lang: Lang, day: usize) -> &'static str {
    const EN: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    const VI: [&str; 7] = [
        "Thứ Hai",
        "Thứ Ba",
        "Thứ Tư",
        "Thứ Năm",
        "Thứ Sáu",
        "Thứ Bảy",
        "Chủ Nhật",
    ];
    match lang {
        Lang::En => EN[day % 7],
        Lang::Vi => VI[day % 7],
    }
}

/// "Wednesday, interval 1, end" / "Thứ Tư, khoảng 1, giờ kết thúc";
/// "holiday 3" / "ngày lễ thứ 3" (counted from 1).
pub fn field(lang: Lang, f: CalendarField) -> String {
    match (f, lang) {
        (
            CalendarField::Week {
                day: d,
                interval,
                part,
            },
            _,
        ) => {
            let n = interval + 1;
            let part = match (part, lang) {
                (None, _) => "",
                (Some(Part::Start), Lang::En) => ", start",
                (Some(Part::End), Lang::En) => ", end",
                (Some(Part::Start), Lang::Vi) => ", giờ bắt đầu",
                (Some(Part::End), Lang::Vi) => ", giờ kết thúc",
            };
            match lang {
                Lang::En => format!("{}, interval {n}{part}", day(lang, d)),
                Lang::Vi => format!("{}, khoảng {n}{part}", day(lang, d)),
            }
        }
        (CalendarField::Holiday(i), Lang::En) => format!("Holiday {}", i + 1),
        (CalendarField::Holiday(i), Lang::Vi) => format!("Ngày lễ thứ {}", i + 1),
        (
            CalendarField::Exception {
                index,
                interval,
                part,
            },
            _,
        ) => {
            let day = match lang {
                Lang::En => format!("Special day {}", index + 1),
                Lang::Vi => format!("Ngày đặc biệt thứ {}", index + 1),
            };
            let part = match (part, lang) {
                (None, _) => "",
                (Some(Part::Start), Lang::En) => ", start",
                (Some(Part::End), Lang::En) => ", end",
                (Some(Part::Start), Lang::Vi) => ", giờ bắt đầu",
                (Some(Part::End), Lang::Vi) => ", giờ kết thúc",
            };
            match (interval, lang) {
                (None, Lang::En) => format!("{day}, date"),
                (None, Lang::Vi) => format!("{day}, ngày"),
                (Some(i), Lang::En) => format!("{day}, interval {}{part}", i + 1),
                (Some(i), Lang::Vi) => format!("{day}, khoảng {}{part}", i + 1),
            }
        }
    }
}

/// The special day (date with its own hours) a problem belongs to, to show
/// it under that day's row.
pub fn exception_of(e: &CalendarError) -> Option<usize> {
    match e {
        CalendarError::BadTime { field, .. }
        | CalendarError::EmptyInterval { field }
        | CalendarError::Overlap { field, .. }
        | CalendarError::BadHoliday { field, .. }
        | CalendarError::TwiceGiven { field, .. } => match field {
            CalendarField::Exception { index, .. } => Some(*index),
            _ => None,
        },
        _ => None,
    }
}

/// The weekday a problem belongs to, to show it under that day's field.
pub fn day_of(e: &CalendarError) -> Option<usize> {
    match e {
        CalendarError::BadTime { field, .. }
        | CalendarError::EmptyInterval { field }
        | CalendarError::Overlap { field, .. } => match field {
            CalendarField::Week { day, .. } => Some(*day),
            CalendarField::Holiday(_) | CalendarField::Exception { .. } => None,
        },
        _ => None,
    }
}

/// The problem, said plainly.
pub fn error(lang: Lang, e: &CalendarError) -> String {
    let at = |f: &CalendarField| field(lang, *f);
    match (lang, e) {
        (Lang::En, CalendarError::UnknownTimezone(tz)) => {
            format!("Timezone: '{tz}' is not a timezone name; write one such as Asia/Ho_Chi_Minh.")
        }
        (Lang::Vi, CalendarError::UnknownTimezone(tz)) => {
            format!("Múi giờ: '{tz}' không phải tên múi giờ; hãy ghi ví dụ Asia/Ho_Chi_Minh.")
        }
        (Lang::En, CalendarError::BadTime { field, value }) => format!(
            "{}: '{value}' is not a time of day; write hours and minutes such as 08:00 (24:00 only ends a day).",
            at(field)
        ),
        (Lang::Vi, CalendarError::BadTime { field, value }) => format!(
            "{}: '{value}' không phải giờ trong ngày; hãy ghi giờ và phút, ví dụ 08:00 (24:00 chỉ dùng để kết thúc ngày).",
            at(field)
        ),
        (Lang::En, CalendarError::EmptyInterval { field }) => {
            format!("{}: it starts and ends at the same time.", at(field))
        }
        (Lang::Vi, CalendarError::EmptyInterval { field }) => {
            format!("{}: bắt đầu và kết thúc cùng một giờ.", at(field))
        }
        (Lang::En, CalendarError::Overlap { field, other }) => {
            format!("{} overlaps {}.", at(field), lower_first(&at(other)))
        }
        (Lang::Vi, CalendarError::Overlap { field, other }) => {
            format!("{} trùng với {}.", at(field), at(other))
        }
        (Lang::En, CalendarError::BadHoliday { field, value }) => format!(
            "{}: '{value}' is not a date; write year-month-day such as 2026-09-02.",
            at(field)
        ),
        (Lang::Vi, CalendarError::BadHoliday { field, value }) => format!(
            "{}: '{value}' không phải ngày; hãy ghi năm-tháng-ngày, ví dụ 2026-09-02.",
            at(field)
        ),
        (Lang::En, CalendarError::TwiceGiven { field, other, date }) => format!(
            "{}: {date} is already given ({}); a date is closed or has its own hours, once.",
            at(field),
            lower_first(&at(other))
        ),
        (Lang::Vi, CalendarError::TwiceGiven { field, other, date }) => format!(
            "{}: ngày {date} đã có ({}); mỗi ngày chỉ nghỉ hoặc có giờ riêng, một lần.",
            at(field),
            lower_first(&at(other))
        ),
        (Lang::En, CalendarError::NoWorkingTime) => {
            "No day has working hours, so no SLA clock could ever run.".into()
        }
        (Lang::Vi, CalendarError::NoWorkingTime) => {
            "Không ngày nào có giờ làm việc, nên đồng hồ SLA không bao giờ chạy được.".into()
        }
    }
}

/// An interval written without its end: "Wednesday, interval 2: write it
/// as start-end, such as 08:00-12:00."
pub fn no_dash(lang: Lang, place: CalendarField, text: &str) -> String {
    let at = field(lang, place);
    match lang {
        Lang::En => format!("{at}: '{text}' needs a start and an end, such as 08:00-12:00."),
        Lang::Vi => format!("{at}: '{text}' cần giờ bắt đầu và giờ kết thúc, ví dụ 08:00-12:00."),
    }
}

/// An end before its start, without the mark of a shift past midnight.
pub fn backwards(lang: Lang, place: CalendarField, from: &str, to: &str) -> String {
    let at = field(lang, place);
    match lang {
        Lang::En => format!(
            "{at} ({from}–{to}): the end must be after the start. For a shift past midnight, write {from}-{to}+1."
        ),
        Lang::Vi => format!(
            "{at} ({from}–{to}): giờ kết thúc phải sau giờ bắt đầu. Với ca qua nửa đêm, hãy ghi {from}-{to}+1."
        ),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn problems_name_the_day_and_interval_never_a_path() {
        let e = CalendarError::BadTime {
            field: CalendarField::Week {
                day: 2,
                interval: 0,
                part: Some(Part::End),
            },
            value: "25:00".into(),
        };
        let en = error(Lang::En, &e);
        assert!(
            en.starts_with("Wednesday, interval 1, end: '25:00'"),
            "{en}"
        );
        assert!(!en.contains("week."), "{en}");
        let vi = error(Lang::Vi, &e);
        assert!(vi.starts_with("Thứ Tư, khoảng 1, giờ kết thúc"), "{vi}");
        let h = CalendarError::BadHoliday {
            field: CalendarField::Holiday(75),
            value: "2026-02-30".into(),
        };
        assert!(error(Lang::En, &h).starts_with("Holiday 76: '2026-02-30' is not a date"));
        assert_eq!(day_of(&e), Some(2));
    }

    #[test]
    fn a_rep_name_that_reads_as_another_says_which() {
        let e = RepError::SameName("Lân".into());
        assert!(rep_error(Lang::En, &e).contains("'Lân'"));
        assert!(rep_error(Lang::Vi, &e).starts_with("Đã có nhân viên tên 'Lân'"));
        assert_eq!(
            rep_error(Lang::Vi, &RepError::NoName),
            "Hãy nhập tên nhân viên."
        );
    }
}

/// A special day's line without its date and hours apart: "Special day
/// 2: write it as a date, a colon and its hours …".
pub fn special_line(lang: Lang, index: usize, text: &str) -> String {
    let n = index + 1;
    match lang {
        Lang::En => format!(
            "Special day {n}: '{text}' is not a date with its hours. Write it as 2026-04-25: 08:00-12:00, 13:30-17:30 (or 2026-04-25: closed), a name after ; if you like."
        ),
        Lang::Vi => format!(
            "Ngày đặc biệt thứ {n}: '{text}' không phải ngày kèm giờ làm. Hãy ghi dạng 2026-04-25: 08:00-12:00, 13:30-17:30 (hoặc 2026-04-25: nghỉ), có thể thêm tên sau dấu ;."
        ),
    }
}
