//! The words of the care report (the funnel page's "How Sales worked these
//! leads"): they leave with that page's module (`crate::split`).

use crate::domain::care::{Breach, CareOutcome, FirstResponse};
use crate::domain::lead::LossKind;
use crate::ui::format::{Clock, duration, number};
use crate::ui::i18n::{Catalogue, Lang};
use chrono::TimeDelta;

crate::ui::i18n::messages! {
    /// A message of the care report.
    CareMsg, ALL;
    Arrived,
    Audits,
    AuditsPassed,
    Breaches,
    Export,
    FirstResponse,
    Hint,
    Junk,
    LeadByLead,
    Leads,
    LongestWait,
    Lost,
    MedianResponse,
    NoCampaign,
    NoLeads,
    Open,
    Outcome,
    RespondedOnTime,
    Title,
    Total,
    Tries,
    TriesKept,
    WithBreach,
    Won,
}

impl Catalogue for CareMsg {
    fn words(self) -> (&'static str, &'static str) {
        use CareMsg::*;
        match self {
            Arrived => ("Arrived", "Đến lúc"),
            Audits => ("Audits", "Kiểm tra"),
            AuditsPassed => ("Audited calls passed", "Cuộc gọi được kiểm tra đạt"),
            Breaches => ("SLA breaches", "Vi phạm SLA"),
            Export => ("Export this report (CSV)", "Xuất báo cáo này (CSV)"),
            FirstResponse => ("First response", "Phản hồi đầu tiên"),
            Hint => (
                "Did Sales really work the leads counted above? When each arrived, Sales' first response and tries against the SLA, and how it ended; breaches are marked. A breach here is any of them — late or no first response, too few tries in time, tries too close together or too many, a lead left untouched — so it counts more leads than the scorecard's \u{201c}leads with a breached SLA\u{201d} (first response, attempts and time in a stage).",
                "Sales có thật sự chăm sóc những khách được tính ở trên? Lúc khách đến, phản hồi đầu tiên và các lần liên hệ của Sales so với SLA, và kết quả; vi phạm được đánh dấu. Vi phạm ở đây gồm mọi loại — phản hồi đầu trễ hoặc không có, gọi chưa đủ số lần đúng hạn, các lần gọi quá sát hoặc quá nhiều, khách bị bỏ mặc — nên nhiều hơn \u{201c}khách vi phạm SLA\u{201d} của bảng điểm (phản hồi đầu, số lần gọi và thời gian ở giai đoạn).",
            ),
            Junk => ("Junk", "Rác"),
            LeadByLead => ("Lead by lead", "Từng khách hàng"),
            Leads => ("Leads", "Khách hàng"),
            LongestWait => ("Longest wait without a try", "Chờ lâu nhất không liên hệ"),
            Lost => ("Lost", "Thất bại"),
            MedianResponse => ("Median first response", "Trung vị phản hồi đầu"),
            NoCampaign => ("(no campaign)", "(không có chiến dịch)"),
            NoLeads => (
                "No lead matches these filters.",
                "Không có khách nào khớp bộ lọc này.",
            ),
            Open => ("Open", "Đang mở"),
            Outcome => ("Outcome", "Kết quả"),
            RespondedOnTime => (
                "First response on time (of those due)",
                "Phản hồi đầu đúng hạn (trong số đã đến hạn)",
            ),
            Title => (
                "How Sales worked these leads",
                "Sales đã chăm sóc những khách này thế nào",
            ),
            Total => ("All campaigns", "Tất cả chiến dịch"),
            Tries => ("Tries", "Lần liên hệ"),
            TriesKept => ("Tries rule kept", "Đủ số lần liên hệ"),
            WithBreach => ("Leads with a breach", "Khách có vi phạm"),
            Won => ("Won", "Thành công"),
        }
    }
}

/// "2 of 3 (67 %)"; "0 of 0" reads "—".
pub fn share(lang: Lang, part: u32, of: u32) -> String {
    if of == 0 {
        return "—".into();
    }
    let pct = (f64::from(part) * 100.0 / f64::from(of)).round();
    match lang {
        Lang::En => format!(
            "{} of {} ({pct} %)",
            number(part.into(), lang),
            number(of.into(), lang)
        ),
        Lang::Vi => format!(
            "{}/{} ({pct} %)",
            number(part.into(), lang),
            number(of.into(), lang)
        ),
    }
}

/// A lead's first response: when, and against the SLA.
pub fn first_response(
    lang: Lang,
    f: &FirstResponse,
    day: TimeDelta,
    when: impl Fn(chrono::DateTime<chrono::Utc>) -> String,
) -> String {
    let d = |t: TimeDelta| duration(t, Clock::Business(day), lang);
    match (lang, f) {
        (Lang::En, FirstResponse::OnTime(at, used)) => {
            format!("{} · on time, after {}", when(*at), d(*used))
        }
        (Lang::Vi, FirstResponse::OnTime(at, used)) => {
            format!("{} · đúng hạn, sau {}", when(*at), d(*used))
        }
        (Lang::En, FirstResponse::Late(at, over)) => {
            format!("{} · late by {}", when(*at), d(*over))
        }
        (Lang::Vi, FirstResponse::Late(at, over)) => format!("{} · trễ {}", when(*at), d(*over)),
        (Lang::En, FirstResponse::Missed(over)) => format!("none · missed by {}", d(*over)),
        (Lang::Vi, FirstResponse::Missed(over)) => format!("chưa có · quá hạn {}", d(*over)),
        (Lang::En, FirstResponse::Due) => "not due yet".into(),
        (Lang::Vi, FirstResponse::Due) => "chưa đến hạn".into(),
        (_, FirstResponse::NotAsked) => "—".into(),
    }
}

/// "3 of 3 required: 08:30, 09:10, 10:30".
pub fn tries(lang: Lang, made: usize, required: u32, times: &[String]) -> String {
    let list = if times.is_empty() {
        String::new()
    } else {
        format!(": {}", times.join(", "))
    };
    match lang {
        Lang::En => format!("{made} of {required} required{list}"),
        Lang::Vi => format!("{made}/{required} lần cần có{list}"),
    }
}

/// How a lead ended, or where it is.
pub fn outcome(lang: Lang, o: &CareOutcome) -> String {
    let t = |m: CareMsg| crate::ui::i18n::tr(lang, m);
    match o {
        CareOutcome::Open(id, name) => format!(
            "{} · {}",
            t(CareMsg::Open),
            crate::ui::format::stage_label(id.as_str(), name, lang)
        ),
        CareOutcome::Won => t(CareMsg::Won).into(),
        CareOutcome::Closed(kind, reason) => {
            let head = t(if *kind == LossKind::Junk {
                CareMsg::Junk
            } else {
                CareMsg::Lost
            });
            if reason.is_empty() {
                head.into()
            } else {
                format!("{head}: {reason}")
            }
        }
    }
}

/// The rules a lead's care broke, in words ("—" for none).
pub fn breaches(lang: Lang, list: &[Breach]) -> String {
    if list.is_empty() {
        return "—".into();
    }
    list.iter()
        .map(|b| match (lang, b) {
            (Lang::En, Breach::LateResponse) => "first response late".to_owned(),
            (Lang::Vi, Breach::LateResponse) => "phản hồi đầu trễ".to_owned(),
            (Lang::En, Breach::NoResponse) => "no first response".to_owned(),
            (Lang::Vi, Breach::NoResponse) => "chưa phản hồi".to_owned(),
            (Lang::En, Breach::TriesMissed) => "too few tries in time".to_owned(),
            (Lang::Vi, Breach::TriesMissed) => "thiếu lần liên hệ đúng hạn".to_owned(),
            (Lang::En, Breach::Untouched) => {
                "left untouched past the reassignment limit".to_owned()
            }
            (Lang::Vi, Breach::Untouched) => "bỏ quên quá hạn chuyển người phụ trách".to_owned(),
            (Lang::En, Breach::TooManyTries) => "more tries than allowed".to_owned(),
            (Lang::Vi, Breach::TooManyTries) => "liên hệ quá số lần cho phép".to_owned(),
            (Lang::En, Breach::TooClose(1)) => "1 try too soon after the one before".to_owned(),
            (Lang::En, Breach::TooClose(n)) => format!("{n} tries too soon after the one before"),
            (Lang::Vi, Breach::TooClose(n)) => format!("{n} lần liên hệ quá sát lần trước"),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// "The first 200 are listed; the CSV has all 1,234."
pub fn listed(lang: Lang, shown: usize, all: usize) -> String {
    let (s, a) = (number(shown as u64, lang), number(all as u64, lang));
    match lang {
        Lang::En => format!("The first {s} (latest arrivals) are listed; the CSV has all {a}."),
        Lang::Vi => format!("Đang liệt kê {s} khách đến gần nhất; tệp CSV có đủ {a} khách."),
    }
}

/// A lead's audited calls and messages: "1 passed, 1 failed", "—".
pub fn audits(lang: Lang, passed: u32, failed: u32) -> String {
    let (p, f) = match lang {
        Lang::En => ("passed", "failed"),
        Lang::Vi => ("đạt", "không đạt"),
    };
    match (passed, failed) {
        (0, 0) => "—".into(),
        (n, 0) => format!("{n} {p}"),
        (0, n) => format!("{n} {f}"),
        (a, b) => format!("{a} {p}, {b} {f}"),
    }
}
