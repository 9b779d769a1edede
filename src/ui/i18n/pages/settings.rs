//! The words only the settings page says: its code and both languages' text leave
//! with that page's module (`crate::split`).

use crate::ui::i18n::{Catalogue, Lang};

crate::ui::i18n::messages! {
    /// A message of the settings page.
    SettingsMsg, ALL;
    ErrRepNameMissing,
    Actions,
    Active,
    AddRep,
    AddStage,
    BusinessCalendar,
    CalendarHint,
    Capacity,
    ErrCapacity,
    ErrMaxBelowMin,
    ErrPercent,
    ErrStageInUse,
    Holidays,
    KindLost,
    KindOpen,
    KindWon,
    MoveUp,
    NewStage,
    SlaEnforcedFrom,
    SlaEnforcedFromHint,
    LongOverdueAfter,
    LongOverdueHint,
    ErrLongOverdue,
    PhoneNumbers,
    HomeCountry,
    HomeCountryHint,
    PausesSla,
    Pipeline,
    Reps,
    SlaPolicy,
    TeamBoth,
    Timezone,
    VietnamPreset,
    PolicyRules,
    PolicyRulesHint,
    AddRule,
    ErrRuleCondition,
    StageLimitHours,
    FirstResponseWithin,
    AttemptsWithin,
    ReassignAfter,
    Unit,
    UnitMinutes,
    UnitHours,
    UnitWorkingDays,
    Never,
    NurtureHint,
    ErrNurtureZero,
    ClosedDay,
    SpecialDays,
    SpecialDaysHint,
    ChangedUnderneath,
    TakeTheirs,
    EmptyValue,
    Distribution,
    DistributionHint,
    DistributionOn,
    Receiving,
    DaysAway,
    OwnHours,
    WithinMinutes,
    Routes,
    RoutesHint,
    RouteName,
    RuleName,
    RouteSources,
    RouteCampaigns,
    RouteReps,
    AddRoute,
    RemoveRoute,
}

impl Catalogue for SettingsMsg {
    fn words(self) -> (&'static str, &'static str) {
        use SettingsMsg::*;
        match self {
            ErrRepNameMissing => ("Write the rep's name.", "Hãy nhập tên nhân viên."),
            Actions => ("Actions", "Thao tác"),
            Active => ("Active", "Đang làm"),
            AddRep => ("Add rep", "Thêm nhân viên"),
            AddStage => ("Add stage", "Thêm giai đoạn"),
            BusinessCalendar => ("Business hours", "Giờ làm việc"),
            CalendarHint => (
                "Intervals per day as 08:00-12:00, 13:30-17:30 (empty = closed); one holiday per line as YYYY-MM-DD.",
                "Khung giờ mỗi ngày dạng 08:00-12:00, 13:30-17:30 (để trống = nghỉ); mỗi dòng một ngày lễ dạng YYYY-MM-DD.",
            ),
            Capacity => ("Capacity (open leads)", "Sức chứa (khách đang mở)"),
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
            ErrStageInUse => (
                "Leads are or were in this stage; it cannot be removed (rename it instead).",
                "Có khách hàng đang hoặc từng ở giai đoạn này; không thể xóa (hãy đổi tên).",
            ),
            Holidays => ("Holidays", "Ngày lễ"),
            KindLost => ("Lost", "Thất bại"),
            KindOpen => ("Open", "Đang mở"),
            KindWon => ("Won", "Thành công"),
            MoveUp => ("Move up", "Lên trên"),
            NewStage => ("New stage name", "Tên giai đoạn mới"),
            SlaEnforcedFrom => ("SLA enforced from (date)", "Áp dụng SLA từ ngày"),
            LongOverdueAfter => (
                "Calls long overdue after (working hours)",
                "Cuộc gọi coi là trễ lâu sau (giờ làm việc)",
            ),
            LongOverdueHint => (
                "On Today, calls whose deadline passed longer ago than this are folded under “Long overdue calls”, below the leads that can still be won. 8 working hours is one working day of the Vietnam preset.",
                "Trên trang Hôm nay, các cuộc gọi đã quá hạn lâu hơn mức này được gom vào “Cuộc gọi đã trễ lâu”, xếp sau những khách hàng vẫn còn cơ hội. 8 giờ làm việc là một ngày làm việc theo lịch Việt Nam.",
            ),
            ErrLongOverdue => (
                "a whole number of hours, 1 or more",
                "một số giờ nguyên, từ 1 trở lên",
            ),
            SlaEnforcedFromHint => (
                "No SLA clock starts before this date. Leave it empty to judge every lead from the moment it entered this workspace.",
                "Không đồng hồ SLA nào bắt đầu trước ngày này. Để trống: mỗi khách được tính từ lúc vào không gian làm việc này.",
            ),
            PhoneNumbers => ("Phone numbers", "Số điện thoại"),
            HomeCountry => (
                "Country of numbers written without +",
                "Quốc gia của số không có dấu +",
            ),
            HomeCountryHint => (
                "A number such as 0912 345 678 or (212) 555-0147 is read as a number of this country, and shown the way people write it there; numbers from elsewhere are shown with their + code.",
                "Số như 0912 345 678 hay (212) 555-0147 được hiểu là số của quốc gia này và hiển thị theo cách viết ở đó; số nước khác hiển thị kèm mã +.",
            ),
            PausesSla => ("Pauses SLA", "Tạm dừng SLA"),
            Pipeline => ("Pipeline", "Quy trình"),
            Reps => ("Reps", "Nhân viên"),
            SlaPolicy => ("SLA policy (default)", "Chính sách SLA (mặc định)"),
            TeamBoth => ("Both", "Cả hai"),
            Timezone => ("Timezone (IANA)", "Múi giờ (IANA)"),
            VietnamPreset => ("Vietnam preset", "Mẫu Việt Nam"),
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
            FirstResponseWithin => ("First response within", "Phản hồi đầu tiên trong vòng"),
            AttemptsWithin => ("…all within", "…tất cả trong vòng"),
            ReassignAfter => (
                "Reassign when untouched for",
                "Chuyển người khi không đụng đến sau",
            ),
            Unit => ("Unit", "Đơn vị"),
            UnitMinutes => ("minutes (working time)", "phút (làm việc)"),
            UnitHours => ("hours (working time)", "giờ (làm việc)"),
            UnitWorkingDays => ("working days", "ngày làm việc"),
            Never => ("never", "không bao giờ"),
            NurtureHint => (
                "An open lead with no activity for this many days is due to be closed. Leave it empty to never stop nurturing.",
                "Khách đang mở không có hoạt động trong số ngày này sẽ đến hạn đóng. Để trống nếu không bao giờ ngừng chăm sóc.",
            ),
            ErrNurtureZero => (
                "Stop nurturing after: 0 days would mean closing every lead at once. Write 1 day or more, or leave it empty to never stop.",
                "Ngừng chăm sóc sau: 0 ngày nghĩa là đóng mọi khách ngay lập tức. Hãy nhập từ 1 ngày trở lên, hoặc để trống nếu không bao giờ ngừng.",
            ),
            ClosedDay => ("Closed — e.g. 08:00-12:00", "Nghỉ — vd. 08:00-12:00"),
            SpecialDays => ("Special days", "Ngày đặc biệt"),
            SpecialDaysHint => (
                "A date with hours of its own replaces its weekday's: a make-up working Saturday, a half day, or a day closed. One per line: 2026-04-25: 08:00-12:00, 13:30-17:30; Làm bù 30/4 — or 2026-12-31: closed.",
                "Một ngày có giờ làm riêng thay cho giờ của thứ trong tuần: thứ Bảy làm bù, nửa ngày, hoặc ngày nghỉ. Mỗi dòng một ngày: 2026-04-25: 08:00-12:00, 13:30-17:30; Làm bù 30/4 — hoặc 2026-12-31: nghỉ.",
            ),
            ChangedUnderneath => (
                "Someone else saved changes to this section while you were editing it. Your edits are still in the form: Save keeps yours, or take the saved version. Saved meanwhile:",
                "Người khác vừa lưu thay đổi ở mục này trong lúc bạn đang sửa. Phần bạn sửa vẫn còn trong biểu mẫu: Lưu để giữ bản của bạn, hoặc lấy bản đã lưu. Giá trị vừa được lưu:",
            ),
            TakeTheirs => ("Take the saved version", "Lấy bản đã lưu"),
            EmptyValue => ("(empty)", "(trống)"),
            Distribution => ("Who gets new leads", "Phân bổ khách mới"),
            DistributionHint => (
                "New leads without an owner — typed, imported or from a colleague — go at once to a Sales rep who is receiving leads, is not away and is under their cap: the one given the fewest leads today, then the one waiting longest. A lead someone assigned by hand keeps its owner. Devices that are offline count without each other's new leads, so a rep can end one over their share until they meet.",
                "Khách mới chưa có người phụ trách — nhập tay, nhập từ tệp hay từ đồng nghiệp — được giao ngay cho một nhân viên Sales đang nhận khách, không nghỉ và chưa đủ định mức: người được giao ít khách nhất hôm nay, rồi người chờ lâu nhất. Khách đã được giao tay giữ nguyên người phụ trách. Các máy đang ngoại tuyến không thấy khách mới của nhau, nên một nhân viên có thể nhận quá phần mình cho đến khi các máy đồng bộ lại.",
            ),
            DistributionOn => (
                "Give new leads an owner automatically",
                "Tự động giao khách mới",
            ),
            Receiving => ("Receiving leads", "Đang nhận khách"),
            DaysAway => ("Days away", "Ngày nghỉ"),
            WithinMinutes => (
                "Give each new lead an owner within (minutes; empty: no target)",
                "Giao mỗi khách mới cho người phụ trách trong vòng (phút; trống: không đặt mục tiêu)",
            ),
            OwnHours => (
                "Hours receiving (empty: any)",
                "Giờ nhận khách (trống: mọi giờ)",
            ),
            Routes => ("Routing rules", "Quy tắc chia theo nguồn"),
            RoutesHint => (
                "Leads of a source or campaign go first to a group of reps (round robin within the group); when none of them can take one, everyone receiving is tried. The first rule that matches a lead is used.",
                "Khách từ một nguồn hoặc chiến dịch được chia trước cho một nhóm nhân viên (lần lượt trong nhóm); khi không ai trong nhóm nhận được thì chia cho mọi người đang nhận khách. Dùng quy tắc đầu tiên khớp với khách.",
            ),
            RouteName => ("Group", "Nhóm"),
            RuleName => ("Rule", "Quy tắc"),
            RouteSources => (
                "Sources (comma-separated)",
                "Nguồn (cách nhau bởi dấu phẩy)",
            ),
            RouteCampaigns => (
                "Campaigns (comma-separated)",
                "Chiến dịch (cách nhau bởi dấu phẩy)",
            ),
            RouteReps => ("Reps tried first", "Nhân viên được chia trước"),
            AddRoute => ("Add rule", "Thêm quy tắc"),
            RemoveRoute => ("Remove", "Xóa"),
        }
    }
}

/// Why a routing rule cannot be added, in words.
pub fn route_problem(lang: Lang, what: RouteProblem) -> &'static str {
    match (lang, what) {
        (Lang::En, RouteProblem::Name) => "Routing rule: give the group a name.",
        (Lang::Vi, RouteProblem::Name) => "Quy tắc: hãy đặt tên cho nhóm.",
        (Lang::En, RouteProblem::Match) => {
            "Routing rule: write at least one source or one campaign it applies to."
        }
        (Lang::Vi, RouteProblem::Match) => {
            "Quy tắc: hãy ghi ít nhất một nguồn hoặc một chiến dịch mà quy tắc áp dụng."
        }
        (Lang::En, RouteProblem::Reps) => "Routing rule: tick at least one rep of the group.",
        (Lang::Vi, RouteProblem::Reps) => "Quy tắc: hãy chọn ít nhất một nhân viên của nhóm.",
    }
}

/// A routing rule's sources and campaigns that no lead has, in words.
pub fn route_unseen(lang: Lang, names: &[&str]) -> String {
    let names = names
        .iter()
        .map(|n| format!("“{n}”"))
        .collect::<Vec<_>>()
        .join(", ");
    match lang {
        Lang::En => format!("No lead has {names} yet: check the spelling if it should match."),
        Lang::Vi => {
            format!("Chưa có khách nào có {names}: hãy kiểm tra chính tả nếu quy tắc cần khớp.")
        }
    }
}

/// What a routing rule lacks.
#[derive(Clone, Copy)]
pub enum RouteProblem {
    /// Its group's name.
    Name,
    /// A source or campaign.
    Match,
    /// A rep.
    Reps,
}

/// An allocation target that is not a whole number of minutes, in words.
pub fn bad_within(lang: Lang, text: &str) -> String {
    match lang {
        Lang::En => format!(
            "Owner within: “{text}” is not a whole number of minutes above 0 (empty: no target)."
        ),
        Lang::Vi => format!(
            "Giao trong vòng: “{text}” không phải số phút nguyên lớn hơn 0 (trống: không đặt mục tiêu)."
        ),
    }
}

/// A rep's hours that cannot be read, in words.
pub fn bad_hours(lang: Lang, part: &str) -> String {
    match lang {
        Lang::En => format!(
            "Hours receiving: “{part}” is not a span of time. Write 08:00-12:00, several separated by commas (22:00-06:00+1 runs past midnight)."
        ),
        Lang::Vi => format!(
            "Giờ nhận khách: “{part}” không phải một khoảng giờ. Hãy viết 08:00-12:00, nhiều khoảng cách nhau bởi dấu phẩy (22:00-06:00+1 là qua nửa đêm)."
        ),
    }
}

/// Call attempts that cannot fit in their window: `min` calls `gap`
/// minutes apart need `need` minutes of working time, the window has
/// `window`.
pub fn attempts_do_not_fit(lang: Lang, min: u32, gap: u32, need: u64, window: u64) -> String {
    let hm = |m: u64| match (lang, m / 60, m % 60) {
        (Lang::En, 0, m) => format!("{m} min"),
        (Lang::Vi, 0, m) => format!("{m} phút"),
        (Lang::En, h, m) => format!("{h} h {m:02} min"),
        (Lang::Vi, h, m) => format!("{h} giờ {m:02} phút"),
    };
    match lang {
        Lang::En => format!(
            "Call attempts: {min} calls at least {gap} min apart need {} of working time, more than the {} allowed for them. Allow more time, fewer calls or a shorter gap.",
            hm(need),
            hm(window)
        ),
        Lang::Vi => format!(
            "Số lần gọi: {min} cuộc gọi cách nhau ít nhất {gap} phút cần {} thời gian làm việc, nhiều hơn {} được phép. Hãy cho thêm thời gian, bớt số cuộc gọi hoặc rút ngắn khoảng cách.",
            hm(need),
            hm(window)
        ),
    }
}

/// Rep hours whose end is before their start, not marked +1.
pub fn hours_backwards(lang: Lang, part: &str) -> String {
    match lang {
        Lang::En => format!(
            "Hours receiving: “{part}” ends before it starts. A shift past midnight is written with +1 on its end: 22:00-06:00+1."
        ),
        Lang::Vi => format!(
            "Giờ nhận khách: “{part}” kết thúc trước khi bắt đầu. Ca qua nửa đêm ghi thêm +1 sau giờ kết thúc: 22:00-06:00+1."
        ),
    }
}

/// Open leads without an owner that distribution leaves to a person (they
/// came before it was on, or someone removed their owner), in words.
pub fn unowned(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (_, 0) => String::new(),
        (Lang::En, 1) => " 1 other open lead has no owner: it came before distribution was on, or someone removed its owner, so it is left to a person (Leads → owner: Unassigned).".into(),
        (Lang::En, n) => format!(" {n} other open leads have no owner: they came before distribution was on, or someone removed their owner, so they are left to a person (Leads → owner: Unassigned)."),
        (Lang::Vi, n) => format!(" {n} khách đang mở khác chưa có người phụ trách: họ đến trước khi bật phân bổ, hoặc đã bị bỏ người phụ trách, nên để người giao tay (Khách hàng → người phụ trách: Chưa giao)."),
    }
}

/// The leads waiting for an owner, in words.
pub fn pool(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::En, 0) => "No new lead is waiting for an owner.".into(),
        (Lang::En, 1) => "1 new lead is waiting for an owner: nobody can take it now (not receiving, away, outside their hours or at their cap). Assign it by hand, or switch someone on.".into(),
        (Lang::En, n) => format!("{n} new leads are waiting for an owner: nobody can take them now (not receiving, away, outside their hours or at their cap). Assign them by hand, or switch someone on."),
        (Lang::Vi, 0) => "Không có khách mới nào đang chờ người phụ trách.".into(),
        (Lang::Vi, n) => format!("{n} khách mới đang chờ người phụ trách: hiện không ai nhận được (không nhận khách, đang nghỉ, ngoài giờ nhận khách hoặc đã đủ định mức). Hãy giao tay, hoặc bật nhận khách cho một người."),
    }
}
