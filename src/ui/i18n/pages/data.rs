//! The words only the data page (CSV import, backups) says: its code and both languages' text leave
//! with that page's module (`crate::split`).

use crate::ui::i18n::Catalogue;

crate::ui::i18n::messages! {
    /// A message of the data page (CSV import, backups).
    DataMsg, ALL;
    Backup,
    BackupHint,
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
        }
    }
}
