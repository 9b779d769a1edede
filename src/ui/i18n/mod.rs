//! Every string a view shows, in English and Vietnamese. Views ask for a
//! [`Msg`]; nothing user-visible is written inside a view.

pub mod backup;
pub mod contact;
pub mod duplicates;
pub mod import;
pub mod settings;
pub mod storage;
pub mod team;
pub mod today;

use crate::domain::contact::{EmailError, PhoneError};
use crate::domain::lead::FieldProblem;
use leptos::prelude::*;

/// The interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Tiếng Việt.
    Vi,
}

impl Lang {
    /// The BCP 47 tag, for `<html lang>` and storage.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Vi => "vi",
        }
    }

    /// Parses a tag such as `vi-VN`; anything not Vietnamese is English.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("vi") {
            Lang::Vi
        } else {
            Lang::En
        }
    }

    /// The other language (the header toggle).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Vi,
            Lang::Vi => Lang::En,
        }
    }
}

/// Declares [`Msg`] and [`ALL_MSGS`] from one list, so the list of every
/// message (used to check that each has both languages) cannot drift.
macro_rules! messages {
    ($($name:ident),* $(,)?) => {
        /// A message id.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub enum Msg {
            $($name),*
        }

        /// Every message.
        pub const ALL_MSGS: &[Msg] = &[$(Msg::$name),*];
    };
}

messages! {
    AppName,
    Tagline,
    NavLeads,
    SwitchLanguage,
    NewLead,
    Name,
    Phone,
    Email,
    Source,
    AddLead,
    Leads,
    NoLeads,
    Stage,
    Created,
    Advance,
    Closed,
    Dismiss,
    Loading,
    ReadOnly,
    History,
    BackToLeads,
    NotFound,
    LeadMissing,
    EnteredAt,
    MovedFromTo,
    Contact,
    SourceFacebook,
    SourceGoogle,
    SourceZalo,
    SourceWebsite,
    SourceReferral,
    SourceOther,
    ErrNameMissing,
    ErrRepNameMissing,
    ErrNotDateTime,
    ErrNotPriority,
    ErrNotAmount,
    ErrNotScore,
    ErrNotClosure,
    ClosedAs,
    Actions,
    ErrNoContact,
    ErrSourceMissing,
    ErrPhoneEmpty,
    ErrPhoneChar,
    ErrPhoneShort,
    ErrPhoneLong,
    ErrPhoneRange,
    ErrEmail,
    LoadSample,
    SampleHint,
    SlaClocks,
    ClockFirstResponse,
    ClockAttempts,
    ClockStageTime,
    ClockReassignment,
    ClockNurture,
    StatusPending,
    StatusAtRisk,
    StatusBreached,
    StatusMet,
    StatusPaused,
    StatusNotApplicable,
    Due,
    Remaining,
    Overdue,
    Took,
    AttemptsMade,
    Backup,
    BackupHint,
    ExportBackup,
    ImportBackup,
    ConfirmReplace,
    Replace,
    Cancel,
    Accept,
    Active,
    Actual,
    AddFirstLead,
    AddRep,
    AddStage,
    AllCampaigns,
    AllOwners,
    AllPriorities,
    AllSources,
    AllStages,
    AnySla,
    AnyTime,
    AssignTo,
    AtRiskPercent,
    AttemptsWithinHours,
    Baseline,
    BoardHint,
    BulkActions,
    BusinessCalendar,
    CalendarHint,
    Campaign,
    Capacity,
    ChooseCsv,
    CloseLead,
    Close,
    ColumnMapping,
    Column,
    Conversion,
    Csat,
    CsvExportHint,
    CsvExport,
    CsvImportHint,
    CsvImport,
    CustomField,
    Day,
    Delete,
    DetectedFormat,
    Direction,
    DropOff,
    DueSoon,
    Duplicates,
    EraseHint,
    EraseWord,
    EraseWorkspace,
    ErrCapacity,
    ErrMaxBelowMin,
    ErrPercent,
    ErrPositive,
    ErrReasonMissing,
    ErrStageInUse,
    ErrWholeNumber,
    ExportCsv,
    FirstName,
    FirstResponseMinutes,
    Fri,
    Holidays,
    ImportAnyway,
    ImportData,
    ImportRows,
    Inbound,
    JunkHere,
    KeyBoardMove,
    KeyHelp,
    KeyLogCall,
    KeyNewLead,
    KeyNextPrev,
    KeySearch,
    KindCall,
    KindEmail,
    KindLost,
    KindMeeting,
    KindMessage,
    KindNote,
    KindOpen,
    KindSms,
    KindWon,
    KindZalo,
    Kind,
    KpiAttemptsPerLead,
    KpiBreaches,
    KpiCsat,
    KpiExceeded,
    KpiFirstContactResolution,
    KpiFirstResponseMedian,
    KpiFirstResponseP90,
    KpiFirstResponseWithinSla,
    KpiJunkRate,
    KpiLeadToWon,
    KpiLeadVolume,
    KpiLeadsFromSource,
    KpiMet,
    KpiNeedsImprovement,
    KpiNoData,
    KpiNoTarget,
    KpiOpenLoad,
    KpiQualifiedRate,
    KpiQualifiedToWon,
    KpiReassignments,
    KpiRequiredAttemptsRate,
    Kpi,
    Last30Days,
    Last7Days,
    Last90Days,
    LastDay,
    LastMonth,
    LastName,
    LeadsCounted,
    LogActivity,
    LogCall,
    Log,
    LostHere,
    MainNav,
    MarkJunk,
    MarkLost,
    MaxAttempts,
    MedianTime,
    MinAttempts,
    MinGapMinutes,
    MissedInARow,
    Mon,
    Month,
    MoreInQueue,
    More,
    MoveLeft,
    MoveRight,
    MoveTo,
    MoveUp,
    NavBoard,
    NavData,
    NavFunnel,
    NavScorecard,
    NavSettings,
    NavToday,
    NewStage,
    Next,
    NoRepHasRoom,
    NurtureDays,
    NurtureEnded,
    SlaEnforcedFrom,
    SlaEnforcedFromHint,
    PhoneNumbers,
    SameContactFound,
    OpenIt,
    MergeIntoIt,
    AddAnyway,
    ErrPhoneAreaCode,
    HomeCountry,
    HomeCountryHint,
    Company,
    PhonesKept,
    PhonesKeptHint,
    StatusesInFile,
    ImportedAs,
    ClosedLost,
    ClosedJunk,
    OwnersInFile,
    NewRepOrNobody,
    Rows,
    OnDuplicates,
    OnTrack,
    Outbound,
    OutcomeBusy,
    OutcomeConnected,
    OutcomeNoAnswer,
    OutcomeReplied,
    OutcomeResolved,
    OutcomeSent,
    OutcomeWrongNumber,
    Outcome,
    Owner,
    PausesSla,
    Period,
    Pipeline,
    Previous,
    Print,
    PriorityHigh,
    PriorityLow,
    PriorityNormal,
    PriorityUrgent,
    Priority,
    QualifiedGate,
    QueueEmpty,
    Reached,
    Reason,
    Reasons,
    ReassignAfterHours,
    Reps,
    Row,
    RowsReady,
    RowsWithErrors,
    SameAs,
    SampleData,
    SampleSize,
    Sat,
    Save,
    SearchHint,
    Search,
    SelectAll,
    Selected,
    Shortcuts,
    SkipDuplicates,
    SkipToContent,
    UpdateReady,
    ReloadNow,
    PageLoadFailed,
    PageLoadRetry,
    SlaPolicy,
    SortBy,
    SortName,
    SortNewest,
    SortOldest,
    SortUrgent,
    StageTimeOver,
    Status,
    SuggestReassign,
    Suggested,
    Sun,
    Target,
    TeamBoth,
    TeamMarketing,
    TeamSales,
    Team,
    ThisMonth,
    Thu,
    Timezone,
    ToastSaved,
    Trend,
    Tue,
    Unassigned,
    Undo,
    UnknownFormat,
    Value,
    VietnamPreset,
    Wed,
    Week,
    WelcomeText,
    Welcome,
    ToastReplaced,
    ToastMerged,
    Added,
    Updated,
    Skipped,
    RefusedUnknownStage,
    Merge,
    WhatIf,
    WhatIfHint,
    FirstResponseBreaches,
    CurrentPolicy,
    ProposedPolicy,
    AdoptPolicy,
    Notify,
    NotifyOn,
    NotifyTitle,
    NotifyBody,
    ErrMove,
    ErrBackup,
    ErrCsv,
    EditLead,
    ValueVnd,
    PolicyRules,
    PolicyRulesHint,
    AddRule,
    ErrRuleCondition,
    StageLimitHours,
    MergeDuplicates,
}

/// The text of `msg` in `lang`.
pub fn tr(lang: Lang, msg: Msg) -> &'static str {
    use Msg::*;
    let (en, vi) = match msg {
        AppName => ("Leadpact", "Leadpact"),
        Tagline => (
            "Leads and the Marketing–Sales SLA",
            "Khách hàng tiềm năng và SLA Marketing–Sales",
        ),
        NavLeads => ("Leads", "Khách hàng"),
        SwitchLanguage => ("Tiếng Việt", "English"),
        NewLead => ("New lead", "Khách hàng mới"),
        Name => ("Name", "Họ tên"),
        Phone => ("Phone", "Số điện thoại"),
        Email => ("E-mail", "E-mail"),
        Source => ("Source", "Nguồn"),
        AddLead => ("Add lead", "Thêm khách hàng"),
        Leads => ("Leads", "Danh sách khách hàng"),
        NoLeads => (
            "No leads yet. Add the first one with the form.",
            "Chưa có khách hàng. Thêm khách hàng đầu tiên bằng biểu mẫu.",
        ),
        Stage => ("Stage", "Giai đoạn"),
        Created => ("Created", "Ngày tạo"),
        Advance => ("Next stage", "Giai đoạn tiếp"),
        Closed => ("Closed", "Đã đóng"),
        Dismiss => ("Dismiss", "Đóng"),
        Loading => ("Opening your workspace…", "Đang mở dữ liệu…"),
        ReadOnly => (
            "Read-only: changes cannot be saved in this browser.",
            "Chỉ xem: trình duyệt này không cho lưu thay đổi.",
        ),
        History => ("Stage history", "Lịch sử giai đoạn"),
        BackToLeads => ("← All leads", "← Tất cả khách hàng"),
        NotFound => ("This page does not exist.", "Trang này không tồn tại."),
        LeadMissing => (
            "This lead does not exist (any more).",
            "Khách hàng này không tồn tại.",
        ),
        EnteredAt => ("entered", "vào"),
        MovedFromTo => ("moved from", "chuyển từ"),
        Contact => ("Contact", "Liên hệ"),
        SourceFacebook => ("Facebook", "Facebook"),
        SourceGoogle => ("Google", "Google"),
        SourceZalo => ("Zalo", "Zalo"),
        SourceWebsite => ("Website", "Trang web"),
        SourceReferral => ("Referral", "Giới thiệu"),
        SourceOther => ("Other", "Khác"),
        ErrNameMissing => ("A lead needs a name.", "Cần nhập họ tên."),
        Actions => ("Actions", "Thao tác"),
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
        ErrRepNameMissing => ("Write the rep's name.", "Hãy nhập tên nhân viên."),
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
        LoadSample => ("Load sample data", "Nạp dữ liệu mẫu"),
        SampleHint => (
            "Try Leadpact with 300 realistic sample leads (replaces what is stored in this browser).",
            "Dùng thử với 300 khách hàng mẫu (thay thế dữ liệu đang lưu trong trình duyệt này).",
        ),
        SlaClocks => ("SLA clocks", "Đồng hồ SLA"),
        ClockFirstResponse => ("First response", "Phản hồi đầu tiên"),
        ClockAttempts => ("Call attempts", "Số lần liên hệ"),
        ClockStageTime => ("Time in stage", "Thời gian ở giai đoạn"),
        ClockReassignment => ("Owner activity", "Hoạt động của người phụ trách"),
        ClockNurture => ("Nurture", "Chăm sóc"),
        StatusPending => ("on track", "đúng hạn"),
        StatusAtRisk => ("at risk", "sắp trễ"),
        StatusBreached => ("breached", "trễ hạn"),
        StatusMet => ("met", "đạt"),
        StatusPaused => ("paused", "tạm dừng"),
        StatusNotApplicable => ("not applicable", "không áp dụng"),
        Due => ("due", "chậm nhất"),
        Remaining => ("left", "còn lại"),
        Overdue => ("overdue by", "trễ"),
        Took => ("took", "mất"),
        AttemptsMade => ("attempts made", "lần đã liên hệ"),
        Backup => ("Backup", "Sao lưu"),
        BackupHint => (
            "Everything stays in this browser. Export a backup file regularly; importing one replaces what is here.",
            "Mọi dữ liệu nằm trong trình duyệt này. Hãy xuất tệp sao lưu thường xuyên; nhập tệp sẽ thay thế dữ liệu hiện có.",
        ),
        ExportBackup => ("Export backup", "Xuất bản sao lưu"),
        ImportBackup => ("Import backup…", "Nhập bản sao lưu…"),
        ConfirmReplace => (
            "Replace everything in this browser with the backup, or merge it in (lead by lead, the newer version wins; nothing is deleted)?",
            "Thay toàn bộ dữ liệu trong trình duyệt bằng bản sao lưu, hay gộp vào (từng khách hàng, bản mới hơn thắng; không xóa gì)?",
        ),
        Replace => ("Replace", "Thay thế"),
        Cancel => ("Cancel", "Huỷ"),
        Accept => ("Accept", "Chấp nhận"),
        Active => ("Active", "Đang làm"),
        Actual => ("Actual", "Thực tế"),
        AddFirstLead => ("Add a lead by hand", "Thêm khách hàng thủ công"),
        AddRep => ("Add rep", "Thêm nhân viên"),
        AddStage => ("Add stage", "Thêm giai đoạn"),
        AllCampaigns => ("All campaigns", "Mọi chiến dịch"),
        AllOwners => ("All owners", "Mọi người phụ trách"),
        AllPriorities => ("All priorities", "Mọi mức ưu tiên"),
        AllSources => ("All sources", "Mọi nguồn"),
        AllStages => ("All stages", "Mọi giai đoạn"),
        AnySla => ("Any SLA status", "Mọi trạng thái SLA"),
        AnyTime => ("Any time", "Mọi thời điểm"),
        AssignTo => ("Assign to…", "Giao cho…"),
        AtRiskPercent => (
            "At risk below (% of target left)",
            "Cảnh báo khi còn dưới (% mục tiêu)",
        ),
        AttemptsWithinHours => ("…within (business hours)", "…trong vòng (giờ làm việc)"),
        Baseline => ("Baseline", "Mức nền"),
        BoardHint => (
            "Drag a card to another column, or focus it and press ← / →.",
            "Kéo thẻ sang cột khác, hoặc chọn thẻ và bấm ← / →.",
        ),
        BulkActions => (
            "Actions on selected leads",
            "Thao tác với khách hàng đã chọn",
        ),
        BusinessCalendar => ("Business hours", "Giờ làm việc"),
        CalendarHint => (
            "Intervals per day as 08:00-12:00, 13:30-17:30 (empty = closed); one holiday per line as YYYY-MM-DD.",
            "Khung giờ mỗi ngày dạng 08:00-12:00, 13:30-17:30 (để trống = nghỉ); mỗi dòng một ngày lễ dạng YYYY-MM-DD.",
        ),
        Campaign => ("Campaign", "Chiến dịch"),
        Capacity => ("Capacity (open leads)", "Sức chứa (khách đang mở)"),
        ChooseCsv => ("Choose a CSV file", "Chọn tệp CSV"),
        CloseLead => ("Close lead", "Đóng khách hàng"),
        Close => ("Close", "Đóng"),
        ColumnMapping => ("Column mapping", "Ghép cột"),
        Column => ("Column", "Cột"),
        Conversion => ("Conversion", "Tỷ lệ chuyển đổi"),
        Csat => ("Customer satisfaction (CSAT)", "Mức hài lòng (CSAT)"),
        CsvExportHint => (
            "UTF-8 with BOM, so Excel shows Vietnamese correctly. Leave the search empty to export all leads.",
            "UTF-8 có BOM để Excel hiển thị đúng tiếng Việt. Để trống ô tìm kiếm để xuất tất cả.",
        ),
        CsvExport => ("Export leads to CSV", "Xuất khách hàng ra CSV"),
        CsvImportHint => (
            "Meta Lead Ads, Google Sheets, HubSpot, Pipedrive, Zoho, Salesforce or any CSV. Nothing is written until you confirm.",
            "Meta Lead Ads, Google Sheets, HubSpot, Pipedrive, Zoho, Salesforce hoặc CSV bất kỳ. Không ghi gì cho đến khi bạn xác nhận.",
        ),
        CsvImport => ("Import leads from CSV", "Nhập khách hàng từ CSV"),
        CustomField => ("Custom field", "Trường tùy chỉnh"),
        Day => ("Day", "Ngày"),
        Delete => ("Delete", "Xóa"),
        DetectedFormat => ("Detected", "Nhận dạng"),
        Direction => ("Direction", "Chiều"),
        DropOff => ("Drop-off", "Rơi rớt"),
        DueSoon => ("due soon", "sắp đến hạn"),
        Duplicates => ("Duplicates", "Trùng lặp"),
        EraseHint => (
            "Deletes every lead, activity and setting in this browser. Export a backup first. To confirm, type",
            "Xóa mọi khách hàng, hoạt động và cài đặt trong trình duyệt này. Hãy xuất bản sao lưu trước. Để xác nhận, gõ",
        ),
        EraseWord => ("ERASE", "XOA"),
        EraseWorkspace => ("Erase workspace", "Xóa toàn bộ dữ liệu"),
        ErrCapacity => (
            "Capacity must be a whole number above 0.",
            "Sức chứa phải là số nguyên lớn hơn 0.",
        ),
        ErrMaxBelowMin => (
            "The maximum attempts cannot be below the required attempts.",
            "Số lần gọi tối đa không thể nhỏ hơn số lần bắt buộc.",
        ),
        ErrPercent => (
            "A percentage is between 0 and 100.",
            "Phần trăm phải từ 0 đến 100.",
        ),
        ErrPositive => (
            "First response, attempts and their window must be above 0.",
            "Phản hồi đầu, số lần gọi và khoảng thời gian phải lớn hơn 0.",
        ),
        ErrReasonMissing => ("Write a reason first.", "Hãy ghi lý do trước."),
        ErrStageInUse => (
            "Leads are or were in this stage; it cannot be removed (rename it instead).",
            "Có khách hàng đang hoặc từng ở giai đoạn này; không thể xóa (hãy đổi tên).",
        ),
        ErrWholeNumber => ("must be a whole number", "phải là số nguyên"),
        ExportCsv => ("Export CSV", "Xuất CSV"),
        FirstName => ("First name", "Tên"),
        FirstResponseMinutes => (
            "First response (business minutes)",
            "Phản hồi đầu tiên (phút làm việc)",
        ),
        Fri => ("Friday", "Thứ Sáu"),
        Holidays => ("Holidays", "Ngày lễ"),
        ImportAnyway => ("Import them anyway", "Vẫn nhập"),
        ImportData => ("Import a file", "Nhập từ tệp"),
        ImportRows => ("Import", "Nhập"),
        Inbound => ("Inbound", "Đến"),
        JunkHere => ("Junk here", "Rác tại đây"),
        KeyBoardMove => (
            "Move the focused card on the board",
            "Di chuyển thẻ đang chọn trên bảng",
        ),
        KeyHelp => ("Show or hide this help", "Hiện/ẩn trợ giúp này"),
        KeyLogCall => (
            "Log a call on the open lead",
            "Ghi cuộc gọi cho khách đang mở",
        ),
        KeyNewLead => ("New lead", "Khách hàng mới"),
        KeyNextPrev => ("Next / previous lead", "Khách hàng kế / trước"),
        KeySearch => ("Search leads", "Tìm khách hàng"),
        KindCall => ("Call", "Cuộc gọi"),
        KindEmail => ("E-mail", "E-mail"),
        KindLost => ("Lost", "Thất bại"),
        KindMeeting => ("Meeting", "Gặp mặt"),
        KindMessage => ("Message", "Tin nhắn"),
        KindNote => ("Note", "Ghi chú"),
        KindOpen => ("Open", "Đang mở"),
        KindSms => ("SMS", "SMS"),
        KindWon => ("Won", "Thành công"),
        KindZalo => ("Zalo", "Zalo"),
        Kind => ("Type", "Loại"),
        KpiAttemptsPerLead => ("Call attempts per lead", "Số lần gọi mỗi khách"),
        KpiBreaches => ("Leads with a breached SLA", "Khách bị vi phạm SLA"),
        KpiCsat => ("CSAT (1–5)", "CSAT (1–5)"),
        KpiExceeded => ("Exceeded", "Vượt mục tiêu"),
        KpiFirstContactResolution => ("First-contact resolution %", "% giải quyết ngay lần đầu"),
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
        KpiMet => ("Met", "Đạt"),
        KpiNeedsImprovement => ("Needs improvement", "Cần cải thiện"),
        KpiNoData => ("No data", "Chưa có dữ liệu"),
        KpiNoTarget => ("No target", "Chưa đặt mục tiêu"),
        KpiOpenLoad => ("Open load % of capacity", "Tải đang mở % sức chứa"),
        KpiQualifiedRate => ("Qualified rate %", "Tỷ lệ đủ điều kiện %"),
        KpiQualifiedToWon => ("Qualified → won %", "Đủ điều kiện → thành công %"),
        KpiReassignments => (
            "Leads due for reassignment",
            "Khách cần chuyển người phụ trách",
        ),
        KpiRequiredAttemptsRate => ("Required attempts made %", "% đủ số lần gọi"),
        Kpi => ("KPI", "KPI"),
        Last30Days => ("Last 30 days", "30 ngày qua"),
        Last7Days => ("Last 7 days", "7 ngày qua"),
        Last90Days => ("Last 90 days", "90 ngày qua"),
        LastDay => ("Last 24 hours", "24 giờ qua"),
        LastMonth => ("Last month", "Tháng trước"),
        LastName => ("Last name", "Họ"),
        LeadsCounted => ("leads counted", "khách hàng được tính"),
        LogActivity => ("Log activity", "Ghi hoạt động"),
        LogCall => ("Log call", "Ghi cuộc gọi"),
        Log => ("Log", "Ghi"),
        LostHere => ("Lost here", "Mất tại đây"),
        MainNav => ("Main", "Chính"),
        MarkJunk => ("Mark as junk", "Đánh dấu rác"),
        MarkLost => ("Mark as lost", "Đánh dấu thất bại"),
        MaxAttempts => ("At most (attempts in total)", "Tối đa (tổng số lần gọi)"),
        MedianTime => ("Median time in step", "Thời gian trung vị"),
        MinAttempts => ("Required call attempts", "Số lần gọi bắt buộc"),
        MinGapMinutes => (
            "Minimum gap between attempts (minutes)",
            "Khoảng cách tối thiểu giữa các lần gọi (phút)",
        ),
        MissedInARow => ("Missed in a row:", "Trượt liên tiếp:"),
        Mon => ("Monday", "Thứ Hai"),
        Month => ("Month", "Tháng"),
        MoreInQueue => ("more in the queue", "mục khác trong hàng đợi"),
        More => ("more", "khác"),
        MoveLeft => ("Move to the previous stage", "Chuyển về giai đoạn trước"),
        MoveRight => ("Move to the next stage", "Chuyển sang giai đoạn sau"),
        MoveTo => ("Move to…", "Chuyển đến…"),
        MoveUp => ("Move up", "Lên trên"),
        NavBoard => ("Board", "Bảng"),
        NavData => ("Data", "Dữ liệu"),
        NavFunnel => ("Funnel", "Phễu"),
        NavScorecard => ("Scorecard", "Bảng điểm"),
        NavSettings => ("Settings", "Cài đặt"),
        NavToday => ("Today", "Hôm nay"),
        NewStage => ("New stage name", "Tên giai đoạn mới"),
        Next => ("Next", "Sau"),
        NoRepHasRoom => (
            "Reassign: no active Sales rep has room.",
            "Chuyển người: không nhân viên Sales nào còn chỗ.",
        ),
        NurtureDays => (
            "Stop nurturing after (days without activity)",
            "Ngừng chăm sóc sau (ngày không hoạt động)",
        ),
        NurtureEnded => ("Nurturing has ended.", "Đã hết thời gian chăm sóc."),
        SlaEnforcedFrom => ("SLA enforced from (date)", "Áp dụng SLA từ ngày"),
        PhoneNumbers => ("Phone numbers", "Số điện thoại"),
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
        PhonesKept => ("Phones not understood", "Số điện thoại không đọc được"),
        PhonesKeptHint => (
            "These rows have an e-mail: they are imported without the phone, which is kept as text in the lead's field \"Phone (not understood)\" so nothing is lost.",
            "Các dòng này có e-mail: khách được nhập không kèm số điện thoại; số được giữ nguyên văn trong trường \"Số điện thoại (không đọc được)\" để không mất gì.",
        ),
        StatusesInFile => (
            "What the file's statuses mean here",
            "Trạng thái trong tệp tương ứng với gì ở đây",
        ),
        ImportedAs => ("Imported as", "Nhập thành"),
        ClosedLost => ("Closed: lost", "Đã đóng: thất bại"),
        ClosedJunk => ("Closed: junk", "Đã đóng: rác"),
        OwnersInFile => ("Owners in the file", "Người phụ trách trong tệp"),
        NewRepOrNobody => ("(not in the team)", "(chưa có trong nhóm)"),
        Rows => ("Rows", "Số dòng"),
        HomeCountry => (
            "Country of numbers written without +",
            "Quốc gia của số không có dấu +",
        ),
        HomeCountryHint => (
            "A number such as 0912 345 678 or (212) 555-0147 is read as a number of this country, and shown the way people write it there; numbers from elsewhere are shown with their + code.",
            "Số như 0912 345 678 hay (212) 555-0147 được hiểu là số của quốc gia này và hiển thị theo cách viết ở đó; số nước khác hiển thị kèm mã +.",
        ),
        SlaEnforcedFromHint => (
            "No SLA clock starts before this date. Leave it empty to judge every lead from the moment it entered this workspace.",
            "Không đồng hồ SLA nào bắt đầu trước ngày này. Để trống: mỗi khách được tính từ lúc vào không gian làm việc này.",
        ),
        OnDuplicates => (
            "Rows that match an existing lead or an earlier row",
            "Dòng trùng với khách đã có hoặc dòng trước",
        ),
        OnTrack => ("On track", "Đúng hạn"),
        Outbound => ("Outbound", "Đi"),
        OutcomeBusy => ("Busy", "Máy bận"),
        OutcomeConnected => ("Connected", "Đã nghe máy"),
        OutcomeNoAnswer => ("No answer", "Không nghe máy"),
        OutcomeReplied => ("Replied", "Đã trả lời"),
        OutcomeResolved => ("Resolved", "Đã giải quyết"),
        OutcomeSent => ("Sent", "Đã gửi"),
        OutcomeWrongNumber => ("Wrong number", "Sai số"),
        Outcome => ("Outcome", "Kết quả"),
        Owner => ("Owner", "Người phụ trách"),
        PausesSla => ("Pauses SLA", "Tạm dừng SLA"),
        Period => ("Period", "Kỳ"),
        Pipeline => ("Pipeline", "Quy trình"),
        Previous => ("Previous", "Trước"),
        Print => ("Print", "In"),
        PriorityHigh => ("High", "Cao"),
        PriorityLow => ("Low", "Thấp"),
        PriorityNormal => ("Normal", "Bình thường"),
        PriorityUrgent => ("Urgent", "Khẩn cấp"),
        Priority => ("Priority", "Ưu tiên"),
        QualifiedGate => ("Qualified gate", "Cổng đủ điều kiện"),
        QueueEmpty => (
            "Nothing needs action right now. Well done!",
            "Hiện không có việc cần xử lý. Tốt lắm!",
        ),
        Reached => ("Reached", "Đã đến"),
        Reason => ("Reason", "Lý do"),
        Reasons => ("Why they left", "Lý do rời đi"),
        ReassignAfterHours => (
            "Reassign when untouched for (business hours)",
            "Chuyển người khi không đụng đến sau (giờ làm việc)",
        ),
        Reps => ("Reps", "Nhân viên"),
        Row => ("Row", "Dòng"),
        RowsReady => ("rows ready", "dòng hợp lệ"),
        RowsWithErrors => ("rows with errors", "dòng có lỗi"),
        SameAs => ("Same as", "Trùng với"),
        SampleData => ("Sample data", "Dữ liệu mẫu"),
        SampleSize => ("Number of sample leads", "Số khách hàng mẫu"),
        Sat => ("Saturday", "Thứ Bảy"),
        Save => ("Save", "Lưu"),
        SearchHint => (
            "Name, phone, e-mail, campaign…",
            "Tên, số điện thoại, e-mail, chiến dịch…",
        ),
        Search => ("Search", "Tìm kiếm"),
        SelectAll => ("Select all shown", "Chọn tất cả"),
        Selected => ("selected", "đã chọn"),
        Shortcuts => ("Keyboard shortcuts", "Phím tắt"),
        SkipDuplicates => ("Skip them", "Bỏ qua"),
        SkipToContent => ("Skip to content", "Đến nội dung chính"),
        UpdateReady => (
            "A new version of Leadpact is ready.",
            "Đã có phiên bản Leadpact mới.",
        ),
        ReloadNow => ("Reload to use it", "Tải lại để dùng"),
        PageLoadFailed => (
            "This page could not be loaded: the connection seems to be down. Your data is safe; check the connection and try again.",
            "Không tải được trang này: có vẻ mất kết nối. Dữ liệu của bạn vẫn an toàn; hãy kiểm tra kết nối rồi thử lại.",
        ),
        PageLoadRetry => ("Try again", "Thử lại"),
        SlaPolicy => ("SLA policy (default)", "Chính sách SLA (mặc định)"),
        SortBy => ("Sort by", "Sắp xếp"),
        SortName => ("Name", "Tên"),
        SortNewest => ("Newest first", "Mới nhất trước"),
        SortOldest => ("Oldest first", "Cũ nhất trước"),
        SortUrgent => ("Most urgent first", "Gấp nhất trước"),
        StageTimeOver => (
            "Over the time limit for this stage",
            "Quá thời hạn của giai đoạn",
        ),
        Status => ("Status", "Trạng thái"),
        SuggestReassign => ("Reassign to", "Chuyển cho"),
        Suggested => ("Suggested next target", "Mục tiêu đề xuất"),
        Sun => ("Sunday", "Chủ Nhật"),
        Target => ("Target", "Mục tiêu"),
        TeamBoth => ("Both", "Cả hai"),
        TeamMarketing => ("Marketing", "Marketing"),
        TeamSales => ("Sales", "Sales"),
        Team => ("Team", "Nhóm"),
        ThisMonth => ("This month", "Tháng này"),
        Thu => ("Thursday", "Thứ Năm"),
        Timezone => ("Timezone (IANA)", "Múi giờ (IANA)"),
        ToastSaved => ("Saved.", "Đã lưu."),
        Trend => ("Trend", "Xu hướng"),
        Tue => ("Tuesday", "Thứ Ba"),
        Unassigned => ("Unassigned", "Chưa giao"),
        Undo => ("Undo", "Hoàn tác"),
        UnknownFormat => (
            "an unknown export: check the column mapping",
            "định dạng lạ: hãy kiểm tra phần ghép cột",
        ),
        Value => ("Value", "Giá trị"),
        VietnamPreset => ("Vietnam preset", "Mẫu Việt Nam"),
        Wed => ("Wednesday", "Thứ Tư"),
        Week => ("Week", "Tuần"),
        WelcomeText => (
            "Leadpact keeps your leads and the Marketing–Sales SLA in this browser: nothing leaves your computer. Start with sample data to look around, import the leads you already have, or add one by hand.",
            "Leadpact lưu khách hàng tiềm năng và SLA Marketing–Sales ngay trong trình duyệt: không gì rời khỏi máy bạn. Hãy thử với dữ liệu mẫu, nhập khách hàng bạn đang có, hoặc thêm thủ công.",
        ),
        Welcome => ("Welcome to Leadpact", "Chào mừng đến với Leadpact"),
        ToastReplaced => (
            "Workspace replaced; leads now:",
            "Đã thay toàn bộ dữ liệu; số khách hàng:",
        ),
        ToastMerged => ("Backup merged", "Đã gộp bản sao lưu"),
        Added => ("added", "thêm mới"),
        Updated => ("updated", "cập nhật"),
        Skipped => ("kept (not newer)", "giữ nguyên (không mới hơn)"),
        RefusedUnknownStage => (
            "refused (stage not in this pipeline)",
            "bị từ chối (giai đoạn không có trong quy trình)",
        ),
        Merge => ("Merge (newer wins)", "Gộp (bản mới hơn thắng)"),
        WhatIf => (
            "What if: a different SLA policy",
            "Giả sử: một chính sách SLA khác",
        ),
        WhatIfHint => (
            "The same leads of this period, scored under the current policy and under your proposal.",
            "Cùng khách hàng của kỳ này, chấm theo chính sách hiện tại và theo đề xuất của bạn.",
        ),
        FirstResponseBreaches => ("First-response breaches", "Số lần trễ phản hồi đầu"),
        CurrentPolicy => ("Current policy", "Chính sách hiện tại"),
        ProposedPolicy => ("Proposal", "Đề xuất"),
        AdoptPolicy => ("Adopt the proposal", "Áp dụng đề xuất"),
        Notify => ("Notify me before breaches", "Báo tôi trước khi trễ hạn"),
        NotifyOn => ("Notifications on", "Đã bật thông báo"),
        NotifyTitle => (
            "Leadpact: leads about to breach",
            "Leadpact: khách hàng sắp trễ hạn",
        ),
        NotifyBody => (
            "leads are at risk of breaching their SLA.",
            "khách hàng sắp trễ SLA.",
        ),
        ErrMove => (
            "This stage move is not possible:",
            "Không thể chuyển giai đoạn:",
        ),
        ErrBackup => (
            "The backup was not imported; nothing changed. Detail:",
            "Bản sao lưu không được nhập; không có gì thay đổi. Chi tiết:",
        ),
        ErrCsv => (
            "The CSV file was not imported; nothing changed. Detail:",
            "Tệp CSV không được nhập; không có gì thay đổi. Chi tiết:",
        ),
        EditLead => (
            "Edit contact, campaign, priority, value",
            "Sửa liên hệ, chiến dịch, ưu tiên, giá trị",
        ),
        ValueVnd => ("Deal value (VND)", "Giá trị (VND)"),
        PolicyRules => (
            "SLA rules (first match wins)",
            "Quy tắc SLA (khớp đầu tiên được áp dụng)",
        ),
        PolicyRulesHint => (
            "A lead whose source and priority match a rule gets that rule's first-response target; other targets follow the default policy.",
            "Khách hàng có nguồn và mức ưu tiên khớp quy tắc sẽ theo mục tiêu phản hồi đầu của quy tắc; các mục tiêu khác theo chính sách mặc định.",
        ),
        AddRule => ("Add rule", "Thêm quy tắc"),
        ErrRuleCondition => (
            "A rule needs a source or a priority to match.",
            "Quy tắc cần ít nhất một nguồn hoặc một mức ưu tiên.",
        ),
        StageLimitHours => ("Time limit (business hours)", "Giới hạn (giờ làm việc)"),
        MergeDuplicates => (
            "Merge them into the existing lead (fill only what it lacks)",
            "Gộp vào khách hàng đã có (chỉ bổ sung phần còn thiếu)",
        ),
    };
    match lang {
        Lang::En => en,
        Lang::Vi => vi,
    }
}

/// The message for a CSV cell that was refused.
pub fn cell_problem_msg(p: &crate::io::csv_import::CellProblem) -> Msg {
    use crate::io::csv_import::CellProblem;
    match p {
        CellProblem::Field(f) => problem_msg(f),
        CellProblem::NotATime => Msg::ErrNotDateTime,
        CellProblem::NotAPriority => Msg::ErrNotPriority,
        CellProblem::NotAnAmount => Msg::ErrNotAmount,
        CellProblem::NotAScore => Msg::ErrNotScore,
        CellProblem::NotAClosure => Msg::ErrNotClosure,
    }
}

/// The message for a field problem of the lead form.
pub fn problem_msg(p: &FieldProblem) -> Msg {
    match p {
        FieldProblem::NameMissing => Msg::ErrNameMissing,
        FieldProblem::NoContact => Msg::ErrNoContact,
        FieldProblem::SourceMissing => Msg::ErrSourceMissing,
        FieldProblem::Phone(PhoneError::Empty) => Msg::ErrPhoneEmpty,
        FieldProblem::Phone(PhoneError::InvalidCharacter(_)) => Msg::ErrPhoneChar,
        FieldProblem::Phone(PhoneError::TooShort) => Msg::ErrPhoneShort,
        FieldProblem::Phone(PhoneError::TooLong) => Msg::ErrPhoneLong,
        FieldProblem::Phone(PhoneError::UnknownVietnameseRange) => Msg::ErrPhoneRange,
        FieldProblem::Phone(PhoneError::NoSuchAreaCode) => Msg::ErrPhoneAreaCode,
        FieldProblem::Email(
            EmailError::Empty
            | EmailError::NoSingleAt
            | EmailError::BadLocalPart
            | EmailError::BadDomain
            | EmailError::Whitespace,
        ) => Msg::ErrEmail,
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

/// Messages that are the same in both languages by nature (names and
/// loanwords Vietnamese teams use as they are).
pub const SAME_IN_BOTH: &[&str] = &[
    "Leadpact",
    "Google",
    "Facebook",
    "E-mail",
    "KPI",
    "SMS",
    "Zalo",
    "Marketing",
    "Sales",
    "CSAT (1–5)",
];

/// The chosen language, provided as context by the app shell.
#[derive(Clone, Copy)]
pub struct I18n(pub RwSignal<Lang>);

impl I18n {
    /// A reactive text for `msg`.
    pub fn t(self, msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || tr(self.0.get(), msg)
    }
}

/// The language context; English when none was provided.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n(RwSignal::new(Lang::En)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        assert_eq!(Lang::from_tag("vi-VN"), Lang::Vi);
        assert_eq!(Lang::from_tag("VI"), Lang::Vi);
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
        assert_eq!(Lang::Vi.other(), Lang::En);
    }

    #[test]
    fn every_message_has_both_languages() {
        let same = SAME_IN_BOTH;
        for m in ALL_MSGS {
            let (en, vi) = (tr(Lang::En, *m), tr(Lang::Vi, *m));
            assert!(!en.is_empty() && !vi.is_empty(), "{m:?}");
            assert!(
                en != vi || same.contains(&en),
                "{m:?} is not translated: {en}"
            );
        }
    }

    #[test]
    fn vietnamese_differs_where_it_should() {
        assert_ne!(tr(Lang::Vi, Msg::AddLead), tr(Lang::En, Msg::AddLead));
        assert_eq!(tr(Lang::Vi, Msg::AddLead), "Thêm khách hàng");
    }
}
