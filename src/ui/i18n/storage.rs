//! Sentences about storage, in both languages: why a write failed, what is
//! still stored, whether the browser keeps the data, and backups.

use super::Lang;
use crate::app::state::Health;
use crate::storage::StorageError;
use crate::ui::format::{local_datetime, number};
use chrono::{DateTime, Utc};

/// "1 lead" / "12 leads" / "12 khách hàng".
pub fn leads(lang: Lang, n: usize) -> String {
    let num = number(n as u64, lang);
    match (lang, n) {
        (Lang::En, 1) => "1 lead".into(),
        (Lang::En, _) => format!("{num} leads"),
        (Lang::Vi, _) => format!("{num} khách hàng"),
    }
}

/// Long work under way, beside its progress bar.
pub fn busy(lang: Lang, b: crate::app::state::Busy) -> String {
    use crate::app::state::Busy;
    match (lang, b) {
        (Lang::En, Busy::ReadingBackup) => "Reading and checking the backup…".into(),
        (Lang::Vi, Busy::ReadingBackup) => "Đang đọc và kiểm tra tệp sao lưu…".into(),
        (Lang::En, Busy::Saving(n)) => format!("Saving {}…", leads(lang, n)),
        (Lang::Vi, Busy::Saving(n)) => format!("Đang lưu {}…", leads(lang, n)),
    }
}

/// A storage error as the person reads it.
pub fn storage_error(lang: Lang, e: &StorageError) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        StorageError::Unavailable(why) => format!(
            "Trình duyệt này không cho Leadpact lưu dữ liệu ({why}). Dữ liệu chưa được lưu; hãy thoát chế độ ẩn danh hoặc cho phép lưu trữ, rồi tải lại trang."
        ),
        StorageError::NewerVersion => "Trình duyệt này đang giữ dữ liệu do phiên bản Leadpact mới hơn lưu. Không có gì bị thay đổi; hãy tải lại trang để dùng phiên bản mới.".into(),
        StorageError::OutOfSpace => "Thiết bị của bạn đã hết dung lượng: trình duyệt từ chối lưu thay đổi vừa rồi.".into(),
        StorageError::FullAtOpen => "Thiết bị của bạn đã hết dung lượng. Leadpact không mở kho dữ liệu khi thiết bị đầy, vì trình duyệt có thể làm mất nó: hãy giải phóng dung lượng (ảnh, video, ứng dụng khác) rồi tải lại trang.".into(),
        StorageError::ConnectionLost(why) => format!(
            "Trình duyệt đã đóng kho dữ liệu của Leadpact khi đang lưu ({why})."
        ),
        StorageError::Corrupt { key, reason } => format!(
            "Không đọc được bản ghi {key} ({reason}); bản ghi được giữ nguyên."
        ),
        StorageError::Conflict { .. } => "Khách hàng này vừa được sửa ở tab khác. Không có gì bị ghi đè; màn hình đã hiện bản mới nhất — hãy sửa lại.".into(),
        StorageError::SettingsConflict => "Cài đặt vừa được sửa ở tab khác. Không có gì bị ghi đè; màn hình đã hiện cài đặt mới nhất — hãy sửa lại.".into(),
        StorageError::Shared => "Dữ liệu này đang được chia sẻ với nhóm: không thể thay thế hay xóa từ một trình duyệt. Hãy ngắt kết nối nhóm trước (Cài đặt → Đồng bộ nhóm).".into(),
        StorageError::Downloading => "Dữ liệu của nhóm đang được tải về; mọi chỉnh sửa chờ đến khi tải xong.".into(),
        StorageError::Failed { operation, message } => format!(
            "Không thực hiện được ({operation}): {message}."
        ),
    }
}

/// The team link went with the site's data the browser deleted: where to
/// reconnect ([`crate::ui::i18n::team::unlinked`] says the rest there).
pub fn unlinked_short(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "The link to your team went with it: see Settings → Team sync.",
        Lang::Vi => "Liên kết tới nhóm cũng mất: xem Cài đặt → Đồng bộ nhóm.",
    }
}

/// What the health of the store means for the person, if anything is wrong.
pub fn health(lang: Lang, h: &Health) -> Option<String> {
    match h {
        Health::Ok => None,
        Health::Checking => Some(
            match lang {
                Lang::En => "A change could not be saved. Checking what is still stored…",
                Lang::Vi => "Không lưu được một thay đổi. Đang kiểm tra dữ liệu còn được lưu…",
            }
            .into(),
        ),
        Health::NotSaved {
            cause,
            leads: n,
            restored,
        } => {
            let all = leads(lang, *n);
            let said = match (lang, cause) {
                (Lang::En, StorageError::OutOfSpace) => format!(
                    "Your device is out of space. The last change was not saved; your {all} are still stored. Free some space (photos, videos, apps you do not use), then press “Try again”."
                ),
                (Lang::Vi, StorageError::OutOfSpace) => format!(
                    "Thiết bị của bạn đã hết dung lượng. Thay đổi vừa rồi chưa được lưu; {all} của bạn vẫn được lưu an toàn. Hãy giải phóng dung lượng (ảnh, video, ứng dụng không dùng), rồi bấm “Thử lại”."
                ),
                (Lang::En, cause) => format!(
                    "The last change was not saved ({}). Your {all} are still stored. Press “Try again” to go on.",
                    storage_error(lang, cause).trim_end_matches('.')
                ),
                (Lang::Vi, cause) => format!(
                    "Thay đổi vừa rồi chưa được lưu ({}). {all} của bạn vẫn được lưu an toàn. Bấm “Thử lại” để tiếp tục.",
                    storage_error(lang, cause).trim_end_matches('.')
                ),
            };
            Some(match (restored, lang) {
                (false, _) => said,
                (true, Lang::En) => format!(
                    "{said} (To make room, the browser had deleted what this site stored; Leadpact stored your workspace again from this tab.)"
                ),
                (true, Lang::Vi) => format!(
                    "{said} (Để lấy chỗ trống, trình duyệt đã xóa dữ liệu của trang này; Leadpact đã lưu lại dữ liệu của bạn từ tab này.)"
                ),
            })
        }
        Health::Lost { stored, shown } => {
            let shown = leads(lang, *shown);
            Some(match (lang, stored) {
                (Lang::En, Some(s)) => format!(
                    "The browser no longer stores this workspace as you see it: it now holds {} of the {shown} on screen. What you see is still here, in this tab only. Download it as a backup now, before doing anything else.",
                    number(*s as u64, lang)
                ),
                (Lang::Vi, Some(s)) => format!(
                    "Trình duyệt không còn lưu dữ liệu như bạn đang thấy: nó chỉ còn {} trong số {shown} trên màn hình. Những gì bạn thấy vẫn còn, nhưng chỉ trong tab này. Hãy tải bản sao lưu ngay, trước khi làm bất cứ việc gì khác.",
                    number(*s as u64, lang)
                ),
                (Lang::En, None) => format!(
                    "The browser's storage cannot be read any more, so nothing can be saved. Your {shown} are still here, in this tab only. Download them as a backup now, before doing anything else."
                ),
                (Lang::Vi, None) => format!(
                    "Không đọc được kho dữ liệu của trình duyệt nữa nên không lưu được gì. {shown} của bạn vẫn còn, nhưng chỉ trong tab này. Hãy tải bản sao lưu ngay, trước khi làm bất cứ việc gì khác."
                ),
            })
        }
    }
}

/// Buttons and labels of the storage panels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// Try writing again.
    TryAgain,
    /// Download what is on screen.
    DownloadShown,
    /// Write what is on screen to the store again.
    StoreAgain,
    /// Offer a backup before a destructive action.
    BackupFirst,
    /// "Storage" heading on the Data page.
    Storage,
}

/// The text of a label.
pub fn label(lang: Lang, l: Label) -> &'static str {
    match (lang, l) {
        (Lang::En, Label::TryAgain) => "Try again",
        (Lang::Vi, Label::TryAgain) => "Thử lại",
        (Lang::En, Label::DownloadShown) => "Download what you see as a backup",
        (Lang::Vi, Label::DownloadShown) => "Tải những gì bạn thấy về làm bản sao lưu",
        (Lang::En, Label::StoreAgain) => "Store it in this browser again",
        (Lang::Vi, Label::StoreAgain) => "Lưu lại vào trình duyệt này",
        (Lang::En, Label::BackupFirst) => "Download a backup of the current workspace first",
        (Lang::Vi, Label::BackupFirst) => "Tải bản sao lưu dữ liệu hiện tại trước",
        (Lang::En, Label::Storage) => "Storage on this device",
        (Lang::Vi, Label::Storage) => "Lưu trữ trên thiết bị này",
    }
}

/// Whether the browser agreed to keep the data.
pub fn persistence(lang: Lang, granted: Option<bool>) -> &'static str {
    match (lang, granted) {
        (Lang::En, Some(true)) => {
            "Persistent: the browser will not clear Leadpact's data to free space."
        }
        (Lang::Vi, Some(true)) => {
            "Lưu lâu dài: trình duyệt sẽ không xóa dữ liệu Leadpact để lấy chỗ trống."
        }
        (Lang::En, _) => {
            "Best effort: the browser may clear Leadpact's data when the device runs out of space. Keep backups (or install the app / bookmark it so the browser keeps it)."
        }
        (Lang::Vi, _) => {
            "Không đảm bảo: trình duyệt có thể xóa dữ liệu Leadpact khi thiết bị hết dung lượng. Hãy giữ bản sao lưu (hoặc cài ứng dụng / đánh dấu trang để trình duyệt giữ lại)."
        }
    }
}

/// When the last backup was taken.
pub fn last_backup(lang: Lang, at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> String {
    match at {
        None => match lang {
            Lang::En => "No backup has been downloaded from this browser yet.".into(),
            Lang::Vi => "Chưa tải bản sao lưu nào từ trình duyệt này.".into(),
        },
        Some(t) => {
            let days = (now - t).num_days();
            let when = local_datetime(t, lang);
            match (lang, days) {
                (Lang::En, 0) => format!("Last backup: {when} (today)."),
                (Lang::En, 1) => format!("Last backup: {when} (1 day ago)."),
                (Lang::En, d) => format!("Last backup: {when} ({d} days ago)."),
                (Lang::Vi, 0) => format!("Sao lưu gần nhất: {when} (hôm nay)."),
                (Lang::Vi, d) => format!("Sao lưu gần nhất: {when} ({d} ngày trước)."),
            }
        }
    }
}

/// The reminder shown when a backup is due.
pub fn backup_reminder(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "No backup for more than a week: everything you keep in Leadpact lives in this browser. Download a backup (Data → Export backup)."
        }
        Lang::Vi => {
            "Đã hơn một tuần chưa sao lưu: mọi dữ liệu Leadpact chỉ nằm trong trình duyệt này. Hãy tải bản sao lưu (Dữ liệu → Xuất bản sao lưu)."
        }
    }
}

/// The sample data hint, for the size chosen.
pub fn sample_hint(lang: Lang, n: usize) -> String {
    let n = leads(lang, n);
    match lang {
        Lang::En => format!(
            "Try Leadpact with {n} of realistic sample data (replaces what is stored in this browser)."
        ),
        Lang::Vi => {
            format!("Dùng thử với {n} mẫu (thay thế dữ liệu đang lưu trong trình duyệt này).")
        }
    }
}

/// The question before sample data replaces a workspace that has leads.
pub fn confirm_sample(lang: Lang, current: usize, n: usize) -> String {
    let (current, n) = (leads(lang, current), leads(lang, n));
    match lang {
        Lang::En => format!(
            "This replaces the {current} stored in this browser with {n} of sample data. The current leads cannot be brought back without a backup."
        ),
        Lang::Vi => format!(
            "Thao tác này thay {current} đang lưu trong trình duyệt bằng {n} mẫu. Không thể lấy lại dữ liệu hiện tại nếu không có bản sao lưu."
        ),
    }
}

/// The button that confirms sample data.
pub fn replace_with_sample(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Replace with sample data",
        Lang::Vi => "Thay bằng dữ liệu mẫu",
    }
}
