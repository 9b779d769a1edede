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

/// Declares a catalogue's enum and the list of all its messages from one
/// list, so the list of every message (used to check that each has both
/// languages) cannot drift.
macro_rules! messages {
    ($(#[$doc:meta])* $enum:ident, $all:ident; $($name:ident),* $(,)?) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub enum $enum {
            $($name),*
        }

        /// Every message.
        pub const $all: &[$enum] = &[$($enum::$name),*];
    };
}
use messages;

pub mod pages;

/// A catalogue of messages: each message's English and Vietnamese. [`Msg`]
/// holds what the shell and Today say, [`pages::PageMsg`] what the pages
/// behind split points say, so their text leaves the first load with them.
pub trait Catalogue: Copy + Send + Sync + 'static {
    /// (English, Vietnamese).
    fn words(self) -> (&'static str, &'static str);
}

messages! {
    /// A message of the shell, Today or a component they show.
    Msg, ALL_MSGS;
    AppName,
    NavLeads,
    SwitchLanguage,
    Advance,
    Dismiss,
    KeepOwner,
    Loading,
    ReadOnly,
    BackToLeads,
    NotFound,
    LeadMissing,
    SourceFacebook,
    SourceGoogle,
    SourceZalo,
    SourceWebsite,
    SourceReferral,
    SourceOther,
    LoadSample,
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
    OverdueSince,
    DoneAfterDeadline,
    DoneLateBy,
    Took,
    AttemptsMade,
    ExportBackup,
    Accept,
    AddFirstLead,
    CloseLead,
    Close,
    DueSoon,
    ErrReasonMissing,
    ImportData,
    LogCall,
    MainNav,
    NavBoard,
    NavData,
    NavFunnel,
    NavScorecard,
    NavSettings,
    NavToday,
    NoRepHasRoom,
    NurtureEnded,
    KindCall,
    KindEmail,
    KindMeeting,
    KindMessage,
    KindNote,
    KindAudit,
    KindSms,
    KindZalo,
    OutcomeBusy,
    OutcomeConnected,
    OutcomeNoAnswer,
    OutcomeReplied,
    OutcomeResolved,
    OutcomeSent,
    OutcomeWrongNumber,
    PriorityHigh,
    PriorityLow,
    PriorityNormal,
    PriorityUrgent,
    QueueEmpty,
    Shortcuts,
    SkipToContent,
    UpdateReady,
    ReloadNow,
    PageLoadFailed,
    PageLoadRetry,
    SuggestReassign,
    ToastSaved,
    Unassigned,
    Undo,
    WelcomeText,
    Welcome,
    ToastReplaced,
    Notify,
    NotifyOn,
    NotifyTitle,
    NotifyBody,
    ErrMove,
}

/// The text of `msg` in `lang`.
pub fn tr(lang: Lang, msg: impl Catalogue) -> &'static str {
    let (en, vi) = msg.words();
    match lang {
        Lang::En => en,
        Lang::Vi => vi,
    }
}

impl Catalogue for Msg {
    fn words(self) -> (&'static str, &'static str) {
        use Msg::*;
        match self {
            AppName => ("Leadpact", "Leadpact"),
            NavLeads => ("Leads", "Khách hàng"),
            SwitchLanguage => ("Tiếng Việt", "English"),
            Advance => ("Next stage", "Giai đoạn tiếp"),
            Dismiss => ("Dismiss", "Đóng"),
            KeepOwner => ("Keep the owner", "Giữ người phụ trách"),
            Loading => ("Opening your workspace…", "Đang mở dữ liệu…"),
            ReadOnly => (
                "Read-only: changes cannot be saved in this browser.",
                "Chỉ xem: trình duyệt này không cho lưu thay đổi.",
            ),
            BackToLeads => ("← All leads", "← Tất cả khách hàng"),
            NotFound => ("This page does not exist.", "Trang này không tồn tại."),
            LeadMissing => (
                "This lead does not exist (any more).",
                "Khách hàng này không tồn tại.",
            ),
            SourceFacebook => ("Facebook", "Facebook"),
            SourceGoogle => ("Google", "Google"),
            SourceZalo => ("Zalo", "Zalo"),
            SourceWebsite => ("Website", "Trang web"),
            SourceReferral => ("Referral", "Giới thiệu"),
            SourceOther => ("Other", "Khác"),
            LoadSample => ("Load sample data", "Nạp dữ liệu mẫu"),
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
            Due => ("due", "hạn"),
            Remaining => ("left", "còn lại"),
            Overdue => ("overdue by", "trễ"),
            OverdueSince => ("missed", "đã quá hạn"),
            DoneAfterDeadline => (
                "done after the deadline, outside working hours",
                "xong sau hạn, ngoài giờ làm việc",
            ),
            DoneLateBy => ("done late by", "xong trễ"),
            Took => ("took", "mất"),
            AttemptsMade => ("Attempts made", "Số lần đã liên hệ"),
            ExportBackup => ("Export backup", "Xuất bản sao lưu"),
            Accept => ("Accept", "Chấp nhận"),
            AddFirstLead => ("Add a lead by hand", "Thêm khách hàng thủ công"),
            CloseLead => ("Close lead", "Đóng khách hàng"),
            Close => ("Close", "Đóng"),
            DueSoon => ("upcoming", "sắp tới"),
            ErrReasonMissing => ("Write a reason first.", "Hãy ghi lý do trước."),
            ImportData => ("Import a file", "Nhập từ tệp"),
            LogCall => ("Log call", "Ghi cuộc gọi"),
            MainNav => ("Main", "Chính"),
            NavBoard => ("Board", "Bảng"),
            NavData => ("Data", "Dữ liệu"),
            NavFunnel => ("Funnel", "Phễu"),
            NavScorecard => ("Scorecard", "Bảng điểm"),
            NavSettings => ("Settings", "Cài đặt"),
            NavToday => ("Today", "Hôm nay"),
            NoRepHasRoom => (
                "Reassign: no active Sales rep has room.",
                "Chuyển người: không nhân viên Sales nào còn chỗ.",
            ),
            NurtureEnded => ("Nurturing has ended.", "Đã hết thời gian chăm sóc."),
            KindCall => ("Call", "Cuộc gọi"),
            KindEmail => ("E-mail", "E-mail"),
            KindMeeting => ("Meeting", "Gặp mặt"),
            KindMessage => ("Message", "Tin nhắn"),
            KindNote => ("Note", "Ghi chú"),
            KindAudit => ("Audit", "Kiểm tra"),
            KindSms => ("SMS", "SMS"),
            KindZalo => ("Zalo", "Zalo"),
            OutcomeBusy => ("Busy", "Máy bận"),
            OutcomeConnected => ("Connected", "Đã nghe máy"),
            OutcomeNoAnswer => ("No answer", "Không nghe máy"),
            OutcomeReplied => ("Replied", "Đã trả lời"),
            OutcomeResolved => ("Resolved", "Đã giải quyết"),
            OutcomeSent => ("Sent", "Đã gửi"),
            OutcomeWrongNumber => ("Wrong number", "Sai số"),
            PriorityHigh => ("High", "Cao"),
            PriorityLow => ("Low", "Thấp"),
            PriorityNormal => ("Normal", "Bình thường"),
            PriorityUrgent => ("Urgent", "Khẩn cấp"),
            QueueEmpty => (
                "Nothing needs action right now. Well done!",
                "Hiện không có việc cần xử lý. Tốt lắm!",
            ),
            Shortcuts => ("Keyboard shortcuts", "Phím tắt"),
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
            SuggestReassign => ("Reassign to", "Chuyển cho"),
            ToastSaved => ("Saved.", "Đã lưu."),
            Unassigned => ("Unassigned", "Chưa giao"),
            Undo => ("Undo", "Hoàn tác"),
            WelcomeText => (
                "Leadpact keeps your leads and the Marketing–Sales SLA in this browser: nothing leaves your computer. Start with sample data to look around, import the leads you already have, or add one by hand.",
                "Leadpact lưu khách hàng tiềm năng và SLA Marketing–Sales ngay trong trình duyệt: không gì rời khỏi máy bạn. Hãy thử với dữ liệu mẫu, nhập khách hàng bạn đang có, hoặc thêm thủ công.",
            ),
            Welcome => ("Welcome to Leadpact", "Chào mừng đến với Leadpact"),
            ToastReplaced => (
                "Workspace replaced; leads now:",
                "Đã thay toàn bộ dữ liệu; số khách hàng:",
            ),
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
        }
    }
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
    pub fn t(
        self,
        msg: impl Catalogue,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || tr(self.0.get(), msg)
    }
}

/// The language context; English when none was provided.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n(RwSignal::new(Lang::En)))
}

#[cfg(test)]
mod tests;
