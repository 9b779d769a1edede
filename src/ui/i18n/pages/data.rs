//! The words only the data page (CSV import, backups) says: its code and both languages' text leave
//! with that page's module (`crate::split`).

use crate::io::csv_import::OwnerId;
use crate::ui::i18n::{Catalogue, Lang};

crate::ui::i18n::messages! {
    /// A message of the data page (CSV import, backups).
    DataMsg, ALL;
    Backup,
    BackupHint,
    BackupHintShared,
    ImportBackup,
    ConfirmReplace,
    Replace,
    ChooseCsv,
    ColumnMapping,
    Column,
    CsvExportHint,
    CsvExport,
    CsvImportHint,
    CsvImport,
    CustomField,
    DetectedFormat,
    Duplicates,
    EraseHint,
    EraseWord,
    EraseWorkspace,
    ExportCsv,
    ExportActivitiesCsv,
    ImportAnyway,
    ImportRows,
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
    Row,
    RowsReady,
    RowsWithErrors,
    SameAs,
    SampleData,
    SampleSize,
    SkipDuplicates,
    UnknownFormat,
    Merge,
    MergeDuplicates,
    FileCountry,
    FileCountryHint,
    CountriesInFile,
    CountryWord,
    NumbersReadAs,
    CountryTarget,
    CurrencyTarget,
    NobodyId,
}

impl Catalogue for DataMsg {
    fn words(self) -> (&'static str, &'static str) {
        use DataMsg::*;
        match self {
            Backup => ("Backup", "Sao lưu"),
            BackupHint => (
                "Everything stays in this browser. Export a backup file regularly; importing one replaces what is here.",
                "Mọi dữ liệu nằm trong trình duyệt này. Hãy xuất tệp sao lưu thường xuyên; nhập tệp sẽ thay thế dữ liệu hiện có.",
            ),
            BackupHintShared => (
                "A backup file is a copy of the team's workspace as this browser has it now. Keep one regularly; the team's data lives on its server.",
                "Tệp sao lưu là bản sao dữ liệu của nhóm như trình duyệt này đang có. Hãy lưu thường xuyên; dữ liệu của nhóm nằm trên máy chủ của nhóm.",
            ),
            ImportBackup => ("Import backup…", "Nhập bản sao lưu…"),
            ConfirmReplace => (
                "Replace everything in this browser with the backup, or merge it in (lead by lead, the newer version wins; nothing is deleted)?",
                "Thay toàn bộ dữ liệu trong trình duyệt bằng bản sao lưu, hay gộp vào (từng khách hàng, bản mới hơn thắng; không xóa gì)?",
            ),
            Replace => ("Replace", "Thay thế"),
            ChooseCsv => ("Choose a CSV file", "Chọn tệp CSV"),
            ColumnMapping => ("Column mapping", "Ghép cột"),
            Column => ("Column", "Cột"),
            CsvExportHint => (
                "UTF-8 with BOM, so Excel shows Vietnamese correctly. Leave the search empty to export all leads. Activities come in a file of their own: one row per call, message, meeting or note, with what was noted.",
                "UTF-8 có BOM để Excel hiển thị đúng tiếng Việt. Để trống ô tìm kiếm để xuất tất cả. Hoạt động được xuất thành tệp riêng: mỗi dòng là một cuộc gọi, tin nhắn, cuộc gặp hoặc ghi chú, kèm nội dung đã ghi.",
            ),
            CsvExport => ("Export to CSV", "Xuất ra CSV"),
            CsvImportHint => (
                "Meta Lead Ads, Google Sheets, HubSpot, Pipedrive, Zoho, Salesforce or any CSV. Nothing is written until you confirm.",
                "Meta Lead Ads, Google Sheets, HubSpot, Pipedrive, Zoho, Salesforce hoặc CSV bất kỳ. Không ghi gì cho đến khi bạn xác nhận.",
            ),
            CsvImport => ("Import leads from CSV", "Nhập khách hàng từ CSV"),
            CustomField => ("Custom field", "Trường tùy chỉnh"),
            DetectedFormat => ("Detected", "Nhận dạng"),
            Duplicates => ("Duplicates", "Trùng lặp"),
            EraseHint => (
                "Deletes every lead, activity and setting in this browser. Export a backup first. To confirm, type",
                "Xóa mọi khách hàng, hoạt động và cài đặt trong trình duyệt này. Hãy xuất bản sao lưu trước. Để xác nhận, gõ",
            ),
            EraseWord => ("ERASE", "XOA"),
            EraseWorkspace => ("Erase workspace", "Xóa toàn bộ dữ liệu"),
            ExportCsv => ("Export leads (CSV)", "Xuất khách hàng (CSV)"),
            ExportActivitiesCsv => (
                "Export their activities and notes (CSV)",
                "Xuất hoạt động và ghi chú của họ (CSV)",
            ),
            ImportAnyway => ("Import them anyway", "Vẫn nhập"),
            ImportRows => ("Import", "Nhập"),
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
            OnDuplicates => (
                "Rows that match an existing lead or an earlier row",
                "Dòng trùng với khách đã có hoặc dòng trước",
            ),
            Row => ("Row", "Dòng"),
            RowsReady => ("rows ready", "dòng hợp lệ"),
            RowsWithErrors => ("rows with errors", "dòng có lỗi"),
            SameAs => ("Same as", "Trùng với"),
            SampleData => ("Sample data", "Dữ liệu mẫu"),
            SampleSize => ("Number of sample leads", "Số khách hàng mẫu"),
            SkipDuplicates => ("Skip them", "Bỏ qua"),
            UnknownFormat => (
                "an unknown export: check the column mapping",
                "định dạng lạ: hãy kiểm tra phần ghép cột",
            ),
            Merge => ("Merge (newer wins)", "Gộp (bản mới hơn thắng)"),
            MergeDuplicates => (
                "Merge them into the existing lead (fill only what it lacks)",
                "Gộp vào khách hàng đã có (chỉ bổ sung phần còn thiếu)",
            ),
            FileCountry => (
                "Phone numbers without + are numbers of",
                "Số điện thoại không có dấu + là số của",
            ),
            FileCountryHint => (
                "The workspace's country, unless you choose another for this file. A row that names its own country (a Country column) is read in that country.",
                "Mặc định là quốc gia của không gian làm việc; bạn có thể chọn nước khác cho riêng tệp này. Dòng nào ghi quốc gia riêng (cột Quốc gia) thì được đọc theo nước đó.",
            ),
            CountriesInFile => ("Countries in the file", "Quốc gia trong tệp"),
            CountryWord => ("Country", "Quốc gia"),
            NumbersReadAs => ("Numbers read as", "Số được hiểu là số của"),
            CountryTarget => ("Country (of the phone)", "Quốc gia (của số điện thoại)"),
            CurrencyTarget => ("Currency of the value", "Đơn vị tiền của giá trị"),
            NobodyId => (
                "(nobody: an id, not a name)",
                "(không ai: đây là mã, không phải tên)",
            ),
        }
    }
}

/// A country cell the app does not know: its rows' numbers are read in the
/// file's country (`file`, already in the reader's language).
pub fn unknown_country(lang: Lang, file: &str) -> String {
    match lang {
        Lang::En => format!("not recognised: read as {file}"),
        Lang::Vi => format!("không nhận ra: đọc như số của {file}"),
    }
}

/// What happens to the rows whose owners are ids of the other system, all
/// of one `kind`: `ids` are the values and their row counts (the first five
/// named, the others counted).
pub fn owner_id_note(lang: Lang, kind: OwnerId, ids: &[(&str, usize)]) -> String {
    const NAMED: usize = 5;
    let one = ids.len() == 1;
    let listed = |rows_word: fn(usize) -> String, and: &str, more: fn(usize) -> String| {
        let mut parts: Vec<String> = ids
            .iter()
            .take(NAMED)
            .map(|(v, n)| {
                if one {
                    (*v).to_owned()
                } else {
                    format!("{v} ({})", rows_word(*n))
                }
            })
            .collect();
        if ids.len() > NAMED {
            parts.push(more(ids.len() - NAMED));
        }
        match parts.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} {and} {last}", rest.join(", ")),
            _ => parts.concat(),
        }
    };
    match lang {
        Lang::En => {
            let names = listed(
                |n| {
                    if n == 1 {
                        "1 row".to_owned()
                    } else {
                        format!("{n} rows")
                    }
                },
                "and",
                |n| format!("{n} more"),
            );
            let what = match (kind, one) {
                (OwnerId::Salesforce, true) => "is a Salesforce user id",
                (OwnerId::Salesforce, false) => "are Salesforce user ids",
                (OwnerId::Number, true) => "is a number (a user id in the other app)",
                (OwnerId::Number, false) => "are numbers (user ids in the other app)",
                (OwnerId::Uuid, true) => "is a user id (UUID)",
                (OwnerId::Uuid, false) => "are user ids (UUIDs)",
            };
            if one {
                let rows = ids[0].1;
                let its = if rows == 1 {
                    "its 1 row gets".to_owned()
                } else {
                    format!("its {rows} rows get")
                };
                format!(
                    "{names} {what}, not a person's name: no rep is made from it, and {its} no owner unless you pick a rep for it above. The id is kept in each lead's field \u{201c}Owner in the file\u{201d}."
                )
            } else {
                format!(
                    "{names} {what}, not people's names: no rep is made from them, and their rows get no owner unless you pick a rep for them above. Each id is kept in its leads' field \u{201c}Owner in the file\u{201d}."
                )
            }
        }
        Lang::Vi => {
            let names = listed(|n| format!("{n} dòng"), "và", |n| format!("{n} mã khác"));
            let what = match (kind, one) {
                (OwnerId::Salesforce, _) => "mã người dùng Salesforce",
                (OwnerId::Number, true) => "một dãy số (mã người dùng ở ứng dụng cũ)",
                (OwnerId::Number, false) => "các dãy số (mã người dùng ở ứng dụng cũ)",
                (OwnerId::Uuid, _) => "mã người dùng (UUID)",
            };
            if one {
                let rows = ids[0].1;
                format!(
                    "{names} là {what}, không phải tên người: không tạo nhân viên từ mã này, và {rows} dòng của nó sẽ không có người phụ trách, trừ khi bạn chọn một nhân viên cho mã này ở bảng trên. Mã vẫn được giữ trong trường \u{201c}Người phụ trách trong tệp\u{201d} của từng khách hàng."
                )
            } else {
                format!(
                    "{names} là {what}, không phải tên người: không tạo nhân viên từ các mã này, và các dòng của chúng sẽ không có người phụ trách, trừ khi bạn chọn nhân viên cho chúng ở bảng trên. Mỗi mã vẫn được giữ trong trường \u{201c}Người phụ trách trong tệp\u{201d} của các khách hàng mang mã đó."
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(lang: Lang, kind: OwnerId, ids: &[(&str, usize)], expected: &str) {
        assert_eq!(owner_id_note(lang, kind, ids), expected, "{lang:?} {ids:?}");
    }

    #[test]
    fn owner_ids_are_explained_in_both_languages() {
        use OwnerId::*;
        note(
            Lang::En,
            Salesforce,
            &[("005Hp00000AbCdEIAV", 2)],
            "005Hp00000AbCdEIAV is a Salesforce user id, not a person's name: no rep is made from it, and its 2 rows get no owner unless you pick a rep for it above. The id is kept in each lead's field \u{201c}Owner in the file\u{201d}.",
        );
        note(
            Lang::En,
            Number,
            &[("52780134", 1)],
            "52780134 is a number (a user id in the other app), not a person's name: no rep is made from it, and its 1 row gets no owner unless you pick a rep for it above. The id is kept in each lead's field \u{201c}Owner in the file\u{201d}.",
        );
        note(
            Lang::En,
            Salesforce,
            &[("005Hp00000AbCdEIAV", 2), ("005Hp00000XyZ12IAF", 1)],
            "005Hp00000AbCdEIAV (2 rows) and 005Hp00000XyZ12IAF (1 row) are Salesforce user ids, not people's names: no rep is made from them, and their rows get no owner unless you pick a rep for them above. Each id is kept in its leads' field \u{201c}Owner in the file\u{201d}.",
        );
        note(
            Lang::Vi,
            Number,
            &[("52780134", 1)],
            "52780134 là một dãy số (mã người dùng ở ứng dụng cũ), không phải tên người: không tạo nhân viên từ mã này, và 1 dòng của nó sẽ không có người phụ trách, trừ khi bạn chọn một nhân viên cho mã này ở bảng trên. Mã vẫn được giữ trong trường \u{201c}Người phụ trách trong tệp\u{201d} của từng khách hàng.",
        );
        note(
            Lang::Vi,
            Salesforce,
            &[("005Hp00000AbCdEIAV", 2), ("005Hp00000XyZ12IAF", 1)],
            "005Hp00000AbCdEIAV (2 dòng) và 005Hp00000XyZ12IAF (1 dòng) là mã người dùng Salesforce, không phải tên người: không tạo nhân viên từ các mã này, và các dòng của chúng sẽ không có người phụ trách, trừ khi bạn chọn nhân viên cho chúng ở bảng trên. Mỗi mã vẫn được giữ trong trường \u{201c}Người phụ trách trong tệp\u{201d} của các khách hàng mang mã đó.",
        );
        let seven: Vec<(String, usize)> = (1..=7).map(|i| (format!("{i}00"), 1)).collect();
        let seven: Vec<(&str, usize)> = seven.iter().map(|(v, n)| (v.as_str(), *n)).collect();
        assert!(owner_id_note(Lang::En, Number, &seven).starts_with(
            "100 (1 row), 200 (1 row), 300 (1 row), 400 (1 row), 500 (1 row) and 2 more are numbers"
        ));
        assert!(owner_id_note(Lang::Vi, Number, &seven).starts_with("100 (1 dòng), 200 (1 dòng), 300 (1 dòng), 400 (1 dòng), 500 (1 dòng) và 2 mã khác là các dãy số"));
    }

    #[test]
    fn an_unknown_country_says_what_it_was_read_as() {
        assert_eq!(
            unknown_country(Lang::En, "Vietnam"),
            "not recognised: read as Vietnam"
        );
        assert_eq!(
            unknown_country(Lang::Vi, "Việt Nam"),
            "không nhận ra: đọc như số của Việt Nam"
        );
    }
}
