//! Team sync, in both languages: the status line, the connection form, the
//! members, and concurrent edits of a lead.

use super::Lang;
use crate::app::replicator::{SyncState, TeamStatus};
use crate::sync::ledger::Role;
use crate::sync::protocol::SyncError;
use crate::ui::format::number;

/// Labels of the team panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum T {
    Heading,
    Hint,
    Server,
    Database,
    User,
    Password,
    Connect,
    Disconnect,
    ConfirmDisconnect,
    SignIn,
    Members,
    Invite,
    NewPassword,
    Remove,
    RoleLabel,
    TeamUser,
    JoinReplace,
    Skipped,
    CredentialsInMemory,
    ConcurrentHeading,
    TakeIt,
    KeepCurrent,
    TakeTeamVersion,
}

/// The text of a label.
pub fn t(lang: Lang, l: T) -> &'static str {
    use T::*;
    let (en, vi) = match l {
        Heading => ("Team sync", "Đồng bộ nhóm"),
        Hint => (
            "Share this workspace with your team through your own CouchDB server. Everything keeps working offline; changes go out and come in when the server can be reached.",
            "Chia sẻ dữ liệu này với nhóm qua máy chủ CouchDB của bạn. Mọi thứ vẫn chạy khi mất mạng; thay đổi được gửi đi và nhận về khi kết nối lại được máy chủ.",
        ),
        Server => ("Server address", "Địa chỉ máy chủ"),
        Database => ("Database", "Cơ sở dữ liệu"),
        User => ("User name", "Tên đăng nhập"),
        Password => ("Password", "Mật khẩu"),
        Connect => ("Connect", "Kết nối"),
        Disconnect => ("Disconnect from the team", "Ngắt kết nối nhóm"),
        ConfirmDisconnect => (
            "Stop syncing? This browser keeps its copy, but changes made here will no longer reach the team.",
            "Ngừng đồng bộ? Trình duyệt này vẫn giữ bản sao, nhưng thay đổi ở đây sẽ không đến được nhóm nữa.",
        ),
        SignIn => ("Sign in", "Đăng nhập"),
        Members => ("People in this workspace", "Thành viên của dữ liệu này"),
        Invite => ("Add to the workspace", "Thêm vào nhóm"),
        NewPassword => ("Password (for a new user)", "Mật khẩu (cho người dùng mới)"),
        Remove => ("Remove", "Xóa khỏi nhóm"),
        RoleLabel => ("Role", "Vai trò"),
        TeamUser => ("Team user", "Tài khoản nhóm"),
        JoinReplace => (
            "Join and replace this browser's workspace",
            "Tham gia và thay dữ liệu trong trình duyệt này",
        ),
        Skipped => ("Not applied from the server:", "Chưa áp dụng từ máy chủ:"),
        CredentialsInMemory => (
            "This browser refuses the server's sign-in cookie, so your password is kept in this tab's memory only (never on disk): after a reload, sign in again.",
            "Trình duyệt này chặn cookie đăng nhập của máy chủ nên mật khẩu chỉ được giữ trong bộ nhớ của tab này (không bao giờ ghi ra đĩa): sau khi tải lại trang, hãy đăng nhập lại.",
        ),
        ConcurrentHeading => ("Edited at the same time", "Bị sửa cùng lúc"),
        TakeIt => ("Take this value", "Dùng giá trị này"),
        KeepCurrent => ("Keep the current value", "Giữ giá trị hiện tại"),
        TakeTeamVersion => ("Put back the team's version", "Lấy lại bản của nhóm"),
    };
    match lang {
        Lang::En => en,
        Lang::Vi => vi,
    }
}

/// The team link went with the site's data the browser deleted (shown
/// above the connection form, which offers that link again).
pub fn unlinked(lang: Lang, db: &str) -> String {
    match lang {
        Lang::En => format!(
            "The browser's deletion also took this workspace's link to the team database '{db}': nothing you see was lost, but changes made here that had not reached the team are only here. Download a backup, then connect again in Settings → Team sync."
        ),
        Lang::Vi => format!(
            "Khi trình duyệt xóa dữ liệu, liên kết tới cơ sở dữ liệu nhóm '{db}' cũng mất: những gì bạn thấy vẫn còn, nhưng thay đổi chưa gửi tới nhóm chỉ có ở đây. Hãy tải bản sao lưu, rồi kết nối lại trong Cài đặt → Đồng bộ nhóm."
        ),
    }
}

/// A viewer's words in the header (the first load: apart from the team
/// panel's labels): the badge's "View only", and the notice of why every
/// write control is off.
pub fn viewer(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => (
            "View only",
            "View only: your role in this team workspace is viewer, so adding, editing, logging, moving and deleting are turned off. Ask the workspace admin if you need to make changes.",
        ),
        Lang::Vi => (
            "Chỉ xem",
            "Chỉ xem: vai trò của bạn trong dữ liệu nhóm này là người xem nên không thêm, sửa, ghi hoạt động, chuyển bước hay xóa được. Hãy hỏi quản trị viên nếu cần sửa.",
        ),
    }
}

/// A role's name.
pub fn role(lang: Lang, r: Role) -> &'static str {
    match (lang, r) {
        (Lang::En, Role::Admin) => "admin",
        (Lang::En, Role::Member) => "member",
        (Lang::En, Role::Viewer) => "viewer, reads only",
        (Lang::En, Role::Auditor) => "auditor, records audits only",
        (Lang::Vi, Role::Admin) => "quản trị",
        (Lang::Vi, Role::Member) => "thành viên",
        (Lang::Vi, Role::Viewer) => "người xem, chỉ đọc",
        (Lang::Vi, Role::Auditor) => "người kiểm tra, chỉ ghi kết quả kiểm tra",
    }
}

/// A sync error in the person's language.
pub fn error(lang: Lang, e: &SyncError) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        SyncError::BadUrl(u) => format!("'{u}' không phải địa chỉ máy chủ: hãy viết dạng https://couch.example.com"),
        SyncError::PlainHttp(h) => format!("http://{h} sẽ gửi mật khẩu và dữ liệu ở dạng ai cũng đọc được trên mạng: hãy chạy CouchDB qua https:// (ví dụ sau một reverse proxy có chứng chỉ) và dùng địa chỉ đó. http chỉ được dùng với chính máy này (http://localhost)."),
        SyncError::BadDbName(n) => format!("'{n}' không phải tên cơ sở dữ liệu hợp lệ: bắt đầu bằng chữ thường, sau đó là chữ thường, số hoặc _ $ ( ) + - /"),
        SyncError::Offline => "Không kết nối được máy chủ (mất mạng hoặc máy chủ tắt).".into(),
        SyncError::Cors { origin } => format!("Máy chủ có trả lời nhưng không cho trang này đọc: hãy bật CORS trên CouchDB cho {origin} ([chttpd] enable_cors = true; [cors] origins = {origin}, credentials = true, methods = GET, PUT, POST, HEAD, DELETE)."),
        SyncError::NotCouch => "Địa chỉ này có trả lời nhưng không phải máy chủ CouchDB. Hãy kiểm tra địa chỉ (địa chỉ máy chủ, không kèm tên cơ sở dữ liệu).".into(),
        SyncError::Unauthorized => "Sai tên đăng nhập hoặc mật khẩu, hoặc phiên đăng nhập đã hết hạn: hãy đăng nhập lại.".into(),
        SyncError::Forbidden(why) => format!("Máy chủ từ chối thay đổi: {why}."),
        SyncError::Revoked => "Quyền truy cập của bạn vào dữ liệu này đã bị gỡ. Đồng bộ đã dừng; những gì có trên thiết bị này vẫn xem được tại đây.".into(),
        SyncError::NoDatabase(db) => format!("Máy chủ không có cơ sở dữ liệu '{db}'. Hãy kiểm tra tên, hoặc nhờ quản trị viên tạo (đăng nhập bằng tài khoản quản trị máy chủ sẽ tạo)."),
        SyncError::NeedsAdmin => "Chỉ quản trị viên máy chủ mới tạo được cơ sở dữ liệu của nhóm: hãy đăng nhập bằng tài khoản quản trị một lần, rồi mời nhóm.".into(),
        SyncError::TooLarge => "Máy chủ từ chối vì yêu cầu quá lớn; dữ liệu sẽ được gửi lại thành nhiều phần nhỏ hơn.".into(),
        SyncError::Server(s, why) => format!("Máy chủ bị lỗi ({s}: {why}); sẽ thử lại sau ít phút."),
        SyncError::Storage(why) => format!("Không lưu được dữ liệu từ máy chủ trên thiết bị này ({why}); sẽ tải lại sau."),
        SyncError::NoSuchUser(n) => format!("Máy chủ không có người dùng '{n}': hãy nhập mật khẩu để tạo, hoặc kiểm tra lại tên."),
        SyncError::WouldReplace { leads } => format!("Nhóm đã có dữ liệu: tham gia sẽ thay {} trong trình duyệt này bằng dữ liệu của nhóm. Hãy tải bản sao lưu trước nếu cần giữ chúng.", super::storage::leads(lang, *leads)),
    }
}

/// The status line.
pub fn status(lang: Lang, s: &TeamStatus) -> String {
    let waiting = number(s.waiting as u64, lang);
    // English counts "1 change", "2 changes"; Vietnamese has no plural.
    let changes = if s.waiting == 1 { "change" } else { "changes" };
    let progress = s.progress.map(|(done, of)| {
        let pct = (done * 100).checked_div(of).unwrap_or(0).min(100);
        (number(done, lang), number(of, lang), pct)
    });
    match (lang, &s.state) {
        (_, SyncState::Off) => String::new(),
        (Lang::En, SyncState::Connecting) => "Connecting…".into(),
        (Lang::Vi, SyncState::Connecting) => "Đang kết nối…".into(),
        (Lang::En, SyncState::Synced) if s.unsendable > 0 => {
            let n = s.unsendable;
            format!(
                "Not synced: {} {} cannot be sent",
                number(n as u64, lang),
                if n == 1 { "change" } else { "changes" }
            )
        }
        (Lang::Vi, SyncState::Synced) if s.unsendable > 0 => format!(
            "Chưa đồng bộ: {} thay đổi không gửi được",
            number(s.unsendable as u64, lang)
        ),
        (Lang::En, SyncState::Synced) => "Synced".into(),
        (Lang::Vi, SyncState::Synced) => "Đã đồng bộ".into(),
        (Lang::En, SyncState::Syncing) => match progress {
            Some((d, o, p)) => format!("Syncing: {d} of {o} ({p} %)"),
            None => format!("Syncing {waiting} {changes}"),
        },
        (Lang::Vi, SyncState::Syncing) => match progress {
            Some((d, o, p)) => format!("Đang đồng bộ: {d} / {o} ({p} %)"),
            None => format!("Đang đồng bộ {waiting} thay đổi"),
        },
        (Lang::En, SyncState::Offline) => format!("Offline — {waiting} {changes} waiting"),
        (Lang::Vi, SyncState::Offline) => format!("Mất kết nối — {waiting} thay đổi đang chờ"),
        (Lang::En, SyncState::SignIn) => {
            format!("Sign in again to sync ({waiting} {changes} waiting)")
        }
        (Lang::Vi, SyncState::SignIn) => {
            format!("Hãy đăng nhập lại để đồng bộ ({waiting} thay đổi đang chờ)")
        }
        // A question for the person, not an error.
        (_, SyncState::Failed(e @ SyncError::WouldReplace { .. })) => error(lang, e),
        (_, SyncState::Failed(e)) => match lang {
            Lang::En => format!("Sync error: {}", error(lang, e)),
            Lang::Vi => format!("Lỗi đồng bộ: {}", error(lang, e)),
        },
        // What waits here is said: it goes out only if the access returns.
        (_, SyncState::Revoked) if s.waiting > 0 => {
            let n = s.waiting;
            match lang {
                Lang::En => format!(
                    "{} {waiting} {changes} made in this browser {} not sent: {} out by {} if your admin adds you again. To keep {} whatever happens, download a backup (Data page).",
                    error(lang, &SyncError::Revoked),
                    if n == 1 { "was" } else { "were" },
                    if n == 1 { "it goes" } else { "they go" },
                    if n == 1 { "itself" } else { "themselves" },
                    if n == 1 { "it" } else { "them" },
                ),
                Lang::Vi => format!(
                    "{} {waiting} thay đổi làm trong trình duyệt này chưa được gửi: chúng sẽ tự gửi đi nếu quản trị viên thêm lại bạn. Muốn chắc chắn giữ chúng, hãy tải bản sao lưu (trang Dữ liệu).",
                    error(lang, &SyncError::Revoked),
                ),
            }
        }
        (_, SyncState::Revoked) => error(lang, &SyncError::Revoked),
    }
}

/// Changes made here that the server will refuse (the role became viewer
/// while they waited).
pub fn unsendable(lang: Lang, n: usize) -> String {
    let count = number(n as u64, lang);
    match lang {
        Lang::En => format!(
            "{count} {} made in this browser cannot be sent: your role is now viewer, and the server refuses a viewer's changes. Download them as a backup if you need them, then put back the team's version (this browser's copy becomes the server's).",
            if n == 1 { "change" } else { "changes" }
        ),
        Lang::Vi => format!(
            "{count} thay đổi trong trình duyệt này không gửi được: vai trò của bạn giờ là người xem và máy chủ từ chối thay đổi của người xem. Hãy tải bản sao lưu nếu cần giữ, rồi lấy lại bản của nhóm (bản trong trình duyệt này sẽ giống máy chủ)."
        ),
    }
}

/// The status in a few words, for the header.
pub fn badge(lang: Lang, s: &TeamStatus) -> String {
    let waiting = number(s.waiting as u64, lang);
    match (lang, &s.state) {
        (_, SyncState::Off) => String::new(),
        // Its own words, not the status line's: the header (the first
        // load) never holds the words of every sync error.
        (Lang::En, SyncState::Connecting) => "Connecting…".into(),
        (Lang::Vi, SyncState::Connecting) => "Đang kết nối…".into(),
        // Changes that cannot be sent (the role became viewer): not synced.
        (Lang::En, SyncState::Synced) if s.unsendable > 0 => format!("{} not sent", s.unsendable),
        (Lang::Vi, SyncState::Synced) if s.unsendable > 0 => format!("{} chưa gửi", s.unsendable),
        (Lang::En, SyncState::Synced) => "Synced".into(),
        (Lang::Vi, SyncState::Synced) => "Đã đồng bộ".into(),
        (Lang::En, SyncState::Syncing) => match s.progress {
            Some((d, o)) if o > 0 => format!("Syncing {} %", (d * 100 / o).min(100)),
            _ => format!("Syncing {waiting}"),
        },
        (Lang::Vi, SyncState::Syncing) => match s.progress {
            Some((d, o)) if o > 0 => format!("Đang đồng bộ {} %", (d * 100 / o).min(100)),
            _ => format!("Đang đồng bộ {waiting}"),
        },
        (Lang::En, SyncState::Offline) => format!("Offline · {waiting} waiting"),
        (Lang::Vi, SyncState::Offline) => format!("Mất kết nối · {waiting} chờ"),
        (Lang::En, SyncState::SignIn) => "Sign in to sync".into(),
        (Lang::Vi, SyncState::SignIn) => "Đăng nhập để đồng bộ".into(),
        (Lang::En, SyncState::Failed(_)) => "Sync error".into(),
        (Lang::Vi, SyncState::Failed(_)) => "Lỗi đồng bộ".into(),
        (Lang::En, SyncState::Revoked) if s.waiting > 0 => {
            format!("Access removed · {waiting} not sent")
        }
        (Lang::Vi, SyncState::Revoked) if s.waiting > 0 => {
            format!("Đã bị gỡ quyền · {waiting} chưa gửi")
        }
        (Lang::En, SyncState::Revoked) => "Access removed".into(),
        (Lang::Vi, SyncState::Revoked) => "Đã bị gỡ quyền".into(),
    }
}

/// Why the Data page's replace, sample and erase are off in a shared
/// workspace; a viewer is told what she can do instead.
pub fn shared_note(lang: Lang, viewer: bool) -> &'static str {
    match (lang, viewer) {
        (Lang::En, false) => {
            "This workspace is shared with your team: merging a backup in and importing a CSV file add to the team's data; replacing it with a backup, sample data and erasing are turned off. To do those, disconnect this browser in Settings → Team sync first (the team's copy stays on the server)."
        }
        (Lang::Vi, false) => {
            "Dữ liệu này đang được chia sẻ với nhóm: gộp bản sao lưu và nhập tệp CSV sẽ thêm vào dữ liệu của nhóm; thay thế bằng bản sao lưu, dữ liệu mẫu và xóa toàn bộ bị tắt. Muốn làm những việc đó, hãy ngắt kết nối trình duyệt này trong Cài đặt → Đồng bộ nhóm trước (bản của nhóm vẫn còn trên máy chủ)."
        }
        (Lang::En, true) => {
            "This workspace is shared with your team and you can view it only: you can download a backup or export CSV files; nothing on this page changes the team's data."
        }
        (Lang::Vi, true) => {
            "Dữ liệu này được chia sẻ với nhóm và bạn chỉ có quyền xem: bạn có thể tải bản sao lưu hoặc xuất tệp CSV; không thao tác nào ở trang này thay đổi dữ liệu của nhóm."
        }
    }
}

/// "Edited at the same time by A and B".
pub fn concurrent(lang: Lang, field: &str, loser: &str, winner: &str) -> String {
    let field = field_name(lang, field);
    match lang {
        Lang::En => format!(
            "{field}: edited at the same time by {loser} and {winner}. {winner}'s later edit is shown; {loser}'s value was:"
        ),
        Lang::Vi => format!(
            "{field}: {loser} và {winner} sửa cùng lúc. Đang hiện bản sửa sau của {winner}; giá trị của {loser} là:"
        ),
    }
}

/// A lead field's name.
pub fn field_name(lang: Lang, field: &str) -> String {
    let (en, vi) = match field {
        "name" => ("Name", "Họ tên"),
        "phone" => ("Phone", "Số điện thoại"),
        "email" => ("E-mail", "E-mail"),
        "source" => ("Source", "Nguồn"),
        "campaign" => ("Campaign", "Chiến dịch"),
        "priority" => ("Priority", "Mức ưu tiên"),
        "owner" => ("Owner", "Người phụ trách"),
        "value" => ("Value", "Giá trị"),
        "stage" => ("Stage", "Giai đoạn"),
        "closure" => ("Reason closed", "Lý do đóng"),
        "csat" => ("CSAT", "CSAT"),
        "custom" => ("Extra fields", "Trường bổ sung"),
        other => return other.to_owned(),
    };
    match lang {
        Lang::En => en.into(),
        Lang::Vi => vi.into(),
    }
}
