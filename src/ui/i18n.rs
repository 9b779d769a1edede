//! Every string a view shows, in English and Vietnamese. Views ask for a
//! [`Msg`]; nothing user-visible is written inside a view.

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

/// A message id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Msg {
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
        SourceWebsite => ("Website", "Website"),
        SourceReferral => ("Referral", "Giới thiệu"),
        SourceOther => ("Other", "Khác"),
        ErrNameMissing => ("A lead needs a name.", "Cần nhập họ tên."),
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
        ErrPhoneShort => ("The phone number is too short.", "Số điện thoại quá ngắn."),
        ErrPhoneLong => ("The phone number is too long.", "Số điện thoại quá dài."),
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
        Due => ("due", "hạn"),
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
            "Replace everything in this browser with the backup?",
            "Thay toàn bộ dữ liệu trong trình duyệt bằng bản sao lưu?",
        ),
        Replace => ("Replace", "Thay thế"),
        Cancel => ("Cancel", "Huỷ"),
    };
    match lang {
        Lang::En => en,
        Lang::Vi => vi,
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
        FieldProblem::Email(
            EmailError::Empty
            | EmailError::NoSingleAt
            | EmailError::BadLocalPart
            | EmailError::BadDomain
            | EmailError::Whitespace,
        ) => Msg::ErrEmail,
    }
}

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
    fn vietnamese_differs_where_it_should() {
        assert_ne!(tr(Lang::Vi, Msg::AddLead), tr(Lang::En, Msg::AddLead));
        assert_eq!(tr(Lang::Vi, Msg::AddLead), "Thêm khách hàng");
    }
}
