//! The words of the pages behind split points (`crate::split`): the lead
//! list, a lead's page, board, funnel, scorecard, settings and data. Only
//! those pages name these catalogues, so their code and both languages'
//! text leave the first load with them; the shell and Today use
//! [`super::Msg`]. A page's own words are in its submodule ([`board`],
//! [`data`], [`funnel`], [`lead`], [`leads`], [`scorecard`], [`settings`]),
//! so they travel with that page's module alone; [`PageMsg`] holds what
//! two or more pages say (and what a shared helper returns, such as
//! [`problem_msg`] or a KPI's label).

use super::{Catalogue, I18n, tr};
use crate::domain::contact::{EmailError, PhoneError};
use crate::domain::lead::FieldProblem;
use leptos::prelude::*;

pub mod audits;
pub mod board;
pub mod care;
pub mod data;
pub mod funnel;
pub mod keys;
pub mod lead;
pub mod leads;
pub mod rewards;
pub mod scorecard;
pub mod settings;

super::messages! {
    /// A message of a page behind a split point.
    PageMsg, ALL;
    NewLead,
    Name,
    Phone,
    Email,
    Source,
    AddLead,
    Stage,
    Created,
    ErrNameMissing,
    ErrNotDateTime,
    ErrNotPriority,
    ErrNotAmount,
    ErrNotScore,
    ErrNotClosure,
    ClosedAs,
    ErrNoContact,
    ErrSourceMissing,
    ErrPhoneEmpty,
    ErrPhoneChar,
    ErrPhoneShort,
    ErrPhoneLong,
    ErrPhoneRange,
    ErrEmail,
    Cancel,
    AllCampaigns,
    AllOwners,
    AllPriorities,
    AllSources,
    AnyTime,
    AtRiskPercent,
    AttemptsWithinHours,
    Campaign,
    Conversion,
    Csat,
    Delete,
    DropOff,
    OpenHere,
    ErrPositive,
    ErrWholeNumber,
    FirstName,
    FirstResponseMinutes,
    Fri,
    JunkHere,
    Kind,
    KpiAttemptsPerLead,
    KpiBreaches,
    KpiCsat,
    KpiFirstContactResolution,
    KpiFirstResponseMedian,
    KpiFirstResponseP90,
    KpiFirstResponseWithinSla,
    KpiJunkRate,
    KpiLeadToWon,
    KpiLeadVolume,
    KpiLeadsFromSource,
    KpiOpenLoad,
    KpiQualifiedRate,
    KpiQualifiedToWon,
    KpiReassignments,
    KpiAuditPassRate,
    KpiRequiredAttemptsRate,
    LastName,
    LostHere,
    MarkJunk,
    MarkLost,
    MaxAttempts,
    MedianTime,
    MinAttempts,
    MinGapMinutes,
    Mon,
    MoveTo,
    NurtureDays,
    SameContactFound,
    OpenIt,
    MergeIntoIt,
    AddAnyway,
    ErrPhoneAreaCode,
    Company,
    Owner,
    Period,
    Priority,
    QualifiedGate,
    Reached,
    Reason,
    Reasons,
    ReassignAfterHours,
    Sat,
    Save,
    SearchHint,
    Search,
    Status,
    Sun,
    TeamMarketing,
    TeamSales,
    Team,
    Thu,
    Tue,
    Value,
    Wed,
    FirstResponseBreaches,
    ValueVnd,
}

impl Catalogue for PageMsg {
    fn words(self) -> (&'static str, &'static str) {
        use PageMsg::*;
        match self {
            NewLead => ("New lead", "Khách hàng mới"),
            Name => ("Name", "Họ tên"),
            Phone => ("Phone", "Số điện thoại"),
            Email => ("E-mail", "E-mail"),
            Source => ("Source", "Nguồn"),
            AddLead => ("Add lead", "Thêm khách hàng"),
            Stage => ("Stage", "Giai đoạn"),
            Created => ("Created", "Ngày tạo"),
            ErrNameMissing => ("A lead needs a name.", "Cần nhập họ tên."),
            ErrNotDateTime => (
                "Not a date and time (such as 2026-12-01 09:30).",
                "Không phải ngày giờ (ví dụ 2026-12-01 09:30).",
            ),
            ErrNotPriority => (
                "Not a priority: write low, normal, high or urgent.",
                "Không phải mức ưu tiên: ghi thấp, bình thường, cao hoặc khẩn cấp.",
            ),
            ErrNotAmount => (
                "Not a whole amount (such as 15000000).",
                "Không phải số tiền nguyên (ví dụ 15000000).",
            ),
            ErrNotScore => ("Not a score from 1 to 5.", "Không phải điểm từ 1 đến 5."),
            ErrNotClosure => (
                "Write lost or junk, or leave it empty.",
                "Ghi thất bại hoặc rác, hoặc để trống.",
            ),
            ClosedAs => ("Closed as (lost or junk)", "Đóng là (thất bại hoặc rác)"),
            ErrNoContact => (
                "Give a phone number or an e-mail address.",
                "Cần số điện thoại hoặc e-mail.",
            ),
            ErrSourceMissing => ("Say where the lead came from.", "Cần chọn nguồn."),
            ErrPhoneEmpty => ("The phone number is empty.", "Số điện thoại trống."),
            ErrPhoneChar => (
                "The phone number may hold only digits, spaces, dots, dashes and a leading +.",
                "Số điện thoại chỉ gồm chữ số, khoảng trắng, dấu chấm, gạch ngang và dấu + ở đầu.",
            ),
            ErrPhoneShort => (
                "The phone number has too few digits for its country (a number from another country starts with + and its code).",
                "Số điện thoại thiếu chữ số so với quốc gia của số (số nước khác bắt đầu bằng + và mã nước).",
            ),
            ErrPhoneLong => (
                "The phone number has too many digits for its country (a number from another country starts with + and its code).",
                "Số điện thoại thừa chữ số so với quốc gia của số (số nước khác bắt đầu bằng + và mã nước).",
            ),
            ErrPhoneRange => (
                "A Vietnamese number starts with 03, 05, 07, 08, 09 or 02.",
                "Số Việt Nam bắt đầu bằng 03, 05, 07, 08, 09 hoặc 02.",
            ),
            ErrEmail => (
                "This is not a valid e-mail address.",
                "E-mail không hợp lệ.",
            ),
            Cancel => ("Cancel", "Huỷ"),
            AllCampaigns => ("All campaigns", "Mọi chiến dịch"),
            AllOwners => ("All owners", "Mọi người phụ trách"),
            AllPriorities => ("All priorities", "Mọi mức ưu tiên"),
            AllSources => ("All sources", "Mọi nguồn"),
            AnyTime => ("Any time", "Mọi thời điểm"),
            AtRiskPercent => (
                "At risk below (% of target left)",
                "Cảnh báo khi còn dưới (% mục tiêu)",
            ),
            AttemptsWithinHours => ("…within (business hours)", "…trong vòng (giờ làm việc)"),
            Campaign => ("Campaign", "Chiến dịch"),
            Conversion => ("Conversion", "Tỷ lệ chuyển đổi"),
            Csat => ("Customer satisfaction (CSAT)", "Mức hài lòng (CSAT)"),
            Delete => ("Delete", "Xóa"),
            DropOff => ("Drop-off", "Rơi rớt"),
            OpenHere => ("Still open here", "Còn mở ở đây"),
            ErrPositive => (
                "First response, attempts and their window must be above 0.",
                "Phản hồi đầu, số lần gọi và khoảng thời gian phải lớn hơn 0.",
            ),
            ErrWholeNumber => ("must be a whole number", "phải là số nguyên"),
            FirstName => ("First name", "Tên"),
            FirstResponseMinutes => (
                "First response (business minutes)",
                "Phản hồi đầu tiên (phút làm việc)",
            ),
            Fri => ("Friday", "Thứ Sáu"),
            JunkHere => ("Junk here", "Rác tại đây"),
            Kind => ("Type", "Loại"),
            KpiAttemptsPerLead => ("Call attempts per lead", "Số lần gọi mỗi khách"),
            KpiBreaches => ("Leads with a breached SLA", "Khách bị vi phạm SLA"),
            KpiCsat => ("CSAT (1–5)", "CSAT (1–5)"),
            KpiFirstContactResolution => {
                ("First-contact resolution %", "% giải quyết ngay lần đầu")
            }
            KpiFirstResponseMedian => (
                "First response, median (min)",
                "Phản hồi đầu, trung vị (phút)",
            ),
            KpiFirstResponseP90 => ("First response, 90th pct (min)", "Phản hồi đầu, P90 (phút)"),
            KpiFirstResponseWithinSla => ("First response within SLA %", "% phản hồi đầu đúng SLA"),
            KpiJunkRate => ("Junk rate %", "Tỷ lệ rác %"),
            KpiLeadToWon => ("Lead → won %", "Khách → thành công %"),
            KpiLeadVolume => ("Lead volume", "Số khách hàng mới"),
            KpiLeadsFromSource => ("Leads from", "Khách hàng từ"),
            KpiOpenLoad => ("Open load % of capacity", "Tải đang mở % sức chứa"),
            KpiQualifiedRate => ("Qualified rate %", "Tỷ lệ đủ điều kiện %"),
            KpiQualifiedToWon => ("Qualified → won %", "Đủ điều kiện → thành công %"),
            KpiReassignments => (
                "Leads due for reassignment",
                "Khách cần chuyển người phụ trách",
            ),
            KpiRequiredAttemptsRate => ("Required attempts made %", "% đủ số lần gọi"),
            KpiAuditPassRate => ("Audits passed %", "% cuộc kiểm tra đạt"),
            LastName => ("Last name", "Họ"),
            LostHere => ("Lost here", "Mất tại đây"),
            MarkJunk => ("Mark as junk", "Đánh dấu rác"),
            MarkLost => ("Mark as lost", "Đánh dấu thất bại"),
            MaxAttempts => ("At most (attempts in total)", "Tối đa (tổng số lần gọi)"),
            MedianTime => ("Median time in step", "Thời gian trung vị"),
            MinAttempts => ("Required call attempts", "Số lần gọi bắt buộc"),
            MinGapMinutes => (
                "Minimum gap between attempts (minutes)",
                "Khoảng cách tối thiểu giữa các lần gọi (phút)",
            ),
            Mon => ("Monday", "Thứ Hai"),
            MoveTo => ("Move to…", "Chuyển đến…"),
            NurtureDays => (
                "Stop nurturing after (days without activity)",
                "Ngừng chăm sóc sau (ngày không hoạt động)",
            ),
            SameContactFound => (
                "This phone number or e-mail already belongs to",
                "Số điện thoại hoặc e-mail này đã thuộc về",
            ),
            OpenIt => ("Open it", "Mở khách đó"),
            MergeIntoIt => ("Add these details to it", "Gộp thông tin vào khách đó"),
            AddAnyway => ("Add anyway", "Vẫn thêm mới"),
            ErrPhoneAreaCode => (
                "A US or Canadian number's area code starts with 2 to 9.",
                "Mã vùng của số Mỹ hoặc Canada bắt đầu bằng 2 đến 9.",
            ),
            Company => ("Company", "Công ty"),
            Owner => ("Owner", "Người phụ trách"),
            Period => ("Period", "Kỳ"),
            Priority => ("Priority", "Ưu tiên"),
            QualifiedGate => ("Qualified gate", "Cổng đủ điều kiện"),
            Reached => ("Reached", "Đã đến"),
            Reason => ("Reason", "Lý do"),
            Reasons => ("Why they left", "Lý do rời đi"),
            ReassignAfterHours => (
                "Reassign when untouched for (business hours)",
                "Chuyển người khi không đụng đến sau (giờ làm việc)",
            ),
            Sat => ("Saturday", "Thứ Bảy"),
            Save => ("Save", "Lưu"),
            SearchHint => (
                "Name, phone, e-mail, campaign…",
                "Tên, số điện thoại, e-mail, chiến dịch…",
            ),
            Search => ("Search", "Tìm kiếm"),
            Status => ("Status", "Trạng thái"),
            Sun => ("Sunday", "Chủ Nhật"),
            TeamMarketing => ("Marketing", "Marketing"),
            TeamSales => ("Sales", "Sales"),
            Team => ("Team", "Nhóm"),
            Thu => ("Thursday", "Thứ Năm"),
            Tue => ("Tuesday", "Thứ Ba"),
            Value => ("Value", "Giá trị"),
            Wed => ("Wednesday", "Thứ Tư"),
            FirstResponseBreaches => ("First-response breaches", "Số lần trễ phản hồi đầu"),
            ValueVnd => ("Deal value (VND)", "Giá trị (VND)"),
        }
    }
}

/// The message for a CSV cell that was refused.
pub fn cell_problem_msg(p: &crate::io::csv_import::CellProblem) -> PageMsg {
    use crate::io::csv_import::CellProblem;
    match p {
        CellProblem::Field(f) => problem_msg(f),
        CellProblem::NotATime => PageMsg::ErrNotDateTime,
        CellProblem::NotAPriority => PageMsg::ErrNotPriority,
        CellProblem::NotAnAmount => PageMsg::ErrNotAmount,
        CellProblem::NotAScore => PageMsg::ErrNotScore,
        CellProblem::NotAClosure => PageMsg::ErrNotClosure,
    }
}

/// The message for a field problem of the lead form.
pub fn problem_msg(p: &FieldProblem) -> PageMsg {
    match p {
        FieldProblem::NameMissing => PageMsg::ErrNameMissing,
        FieldProblem::NoContact => PageMsg::ErrNoContact,
        FieldProblem::SourceMissing => PageMsg::ErrSourceMissing,
        FieldProblem::Phone(PhoneError::Empty) => PageMsg::ErrPhoneEmpty,
        FieldProblem::Phone(PhoneError::InvalidCharacter(_)) => PageMsg::ErrPhoneChar,
        FieldProblem::Phone(PhoneError::TooShort) => PageMsg::ErrPhoneShort,
        FieldProblem::Phone(PhoneError::TooLong) => PageMsg::ErrPhoneLong,
        FieldProblem::Phone(PhoneError::UnknownVietnameseRange) => PageMsg::ErrPhoneRange,
        FieldProblem::Phone(PhoneError::NoSuchAreaCode) => PageMsg::ErrPhoneAreaCode,
        FieldProblem::Email(
            EmailError::Empty
            | EmailError::NoSingleAt
            | EmailError::BadLocalPart
            | EmailError::BadDomain
            | EmailError::Whitespace,
        ) => PageMsg::ErrEmail,
    }
}

/// The message for `field`'s problem in `errors`, if it has one (reactive
/// in the language).
pub fn field_error(
    i18n: I18n,
    errors: Option<&crate::domain::lead::DraftErrors>,
    field: crate::domain::lead::Field,
) -> Option<&'static str> {
    errors
        .and_then(|e| e.for_field(field))
        .map(|p| tr(i18n.0.get(), problem_msg(p)))
}

/// Every page catalogue's messages: (name, (English, Vietnamese)).
pub fn every() -> Vec<(String, (&'static str, &'static str))> {
    fn of<C: Catalogue + std::fmt::Debug>(
        all: &[C],
    ) -> impl Iterator<Item = (String, (&'static str, &'static str))> + '_ {
        all.iter().map(|m| (format!("{m:?}"), m.words()))
    }
    of(ALL)
        .chain(of(scorecard::ALL))
        .chain(of(funnel::ALL))
        .chain(of(care::ALL))
        .chain(of(board::ALL))
        .chain(of(data::ALL))
        .chain(of(settings::ALL))
        .chain(of(lead::ALL))
        .chain(of(leads::ALL))
        .collect()
}
