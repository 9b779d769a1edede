//! CSV import problems in the reader's language.

use super::Lang;
use crate::io::csv_import::{ImportError, NotCsv};

/// Why a CSV file could not be read at all, and what to do.
/// A refused CSV file as the error area shows it, in both languages.
pub fn refused(e: &ImportError) -> crate::app::state::AppError {
    crate::app::state::AppError::Said {
        en: csv_error(Lang::En, e),
        vi: csv_error(Lang::Vi, e),
    }
}

pub fn csv_error(lang: Lang, e: &ImportError) -> String {
    if lang == Lang::En {
        return format!("The CSV file was not imported: {e}");
    }
    let what = match e {
        ImportError::Empty => "tệp trống hoặc không có dòng tiêu đề.".to_owned(),
        ImportError::NotCsv(NotCsv::Json) => "đây là tệp JSON, không phải CSV. Bản sao lưu Leadpact được khôi phục bằng \"Nhập bản sao lưu\"; JSON khác cần lưu thành CSV trước.".to_owned(),
        ImportError::NotCsv(NotCsv::Spreadsheet | NotCsv::OldExcel) => "đây là tệp bảng tính (Excel), không phải CSV. Hãy mở tệp và lưu thành \"CSV UTF-8\", rồi chọn tệp đó.".to_owned(),
        ImportError::NotCsv(NotCsv::Pdf) => "đây là tệp PDF, không phải CSV. Hãy xuất danh sách khách từ ứng dụng gốc dưới dạng CSV.".to_owned(),
        ImportError::Encoding { offset } => format!("tệp không phải văn bản UTF-8 hay UTF-16 (byte {offset}). Hãy lưu thành \"CSV UTF-8\" rồi thử lại."),
        ImportError::Malformed { line, .. } => format!("cấu trúc CSV hỏng ở dòng {line} (ví dụ một dấu ngoặc kép không đóng)."),
        ImportError::MappingMismatch { file, mapping } => format!("tệp có {file} cột nhưng bảng ghép cột có {mapping}."),
    };
    format!("Không nhập được tệp CSV: {what}")
}
