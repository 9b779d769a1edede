//! Why a backup was not imported, in the reader's language: what is wrong
//! and where, in words ("lead 4, field “email”"), with the place in the
//! file after it for whoever repairs the file.

use super::Lang;
use crate::domain::lead::LeadInvalid;
use crate::io::backup::BackupError;

/// What a merged backup changed, for the toast.
pub fn merged(r: &crate::domain::merge::MergeReport, lang: Lang) -> String {
    let (lead, added, updated, kept, refused) = match lang {
        Lang::En => (
            "Backup merged",
            "added",
            "updated",
            "kept (not newer)",
            "refused (stage not in this pipeline)",
        ),
        Lang::Vi => (
            "Đã gộp bản sao lưu",
            "thêm mới",
            "cập nhật",
            "giữ nguyên (không mới hơn)",
            "bị từ chối (giai đoạn không có trong quy trình)",
        ),
    };
    let mut text = format!(
        "{lead}: {} {added}, {} {updated}, {} {kept}",
        r.added, r.updated, r.skipped
    );
    if !r.refused.is_empty() {
        text.push_str(&format!(", {} {refused}", r.refused.len()));
    }
    text
}

/// A refused backup as the error area shows it, in both languages.
pub fn refused(e: &BackupError) -> crate::app::state::AppError {
    let say = |lang| {
        let lead_in = match lang {
            Lang::En => "The backup was not imported; nothing changed. Detail:",
            Lang::Vi => "Bản sao lưu không được nhập; không có gì thay đổi. Chi tiết:",
        };
        format!("{lead_in} {}", backup_error(lang, e))
    };
    crate::app::state::AppError::Said {
        en: say(Lang::En),
        vi: say(Lang::Vi),
    }
}

/// The whole explanation.
pub fn backup_error(lang: Lang, e: &BackupError) -> String {
    let vi = lang == Lang::Vi;
    match e {
        BackupError::Empty if vi => "Tệp trống.".into(),
        BackupError::Encoding { offset } if vi => format!(
            "Tệp không phải văn bản UTF-8 (byte {offset}); có lẽ nó đã được lưu bằng bảng mã khác. Hãy xuất lại bản sao lưu từ Leadpact."
        ),
        BackupError::Syntax {
            line,
            column,
            truncated: true,
            ..
        } if vi => format!(
            "Tệp kết thúc quá sớm (dòng {line}, cột {column}): nó bị cắt ngang khi tải xuống hoặc sao chép."
        ),
        BackupError::Syntax { line, column, .. } if vi => format!(
            "Đây không phải JSON hợp lệ: dòng {line}, cột {column}. Hãy xuất lại bản sao lưu từ Leadpact."
        ),
        BackupError::NotABackup { .. } if vi => "Đây không phải bản sao lưu của Leadpact.".into(),
        BackupError::NewerVersion { found, supported } if vi => format!(
            "Bản sao lưu này được tạo bởi Leadpact mới hơn (định dạng phiên bản {found}); ứng dụng này đọc đến phiên bản {supported}. Hãy cập nhật ứng dụng trước."
        ),
        BackupError::Calendar(c) if vi => {
            format!("Lịch làm việc: {}", super::settings::error(lang, c))
        }
        BackupError::Pipeline(p) if vi => {
            format!("Quy trình: {}", super::settings::pipeline_error(lang, p))
        }
        BackupError::Invalid { path, message } => located(
            lang,
            path,
            &if vi {
                serde_words(message)
            } else {
                message.clone()
            },
        ),
        BackupError::Lead { path, problem } => located(lang, path, &lead_problem(lang, problem)),
        BackupError::DuplicateId { path, id } => located(
            lang,
            path,
            &if vi {
                format!("mã {id} được dùng hai lần")
            } else {
                format!("the id {id} is used twice")
            },
        ),
        BackupError::DanglingReference { path, id, kind } => {
            let what = match (*kind, vi) {
                ("lead", true) => "khách hàng",
                ("stage", true) => "giai đoạn",
                ("rep", true) => "người phụ trách",
                (k, _) => k,
            };
            let text = if vi {
                format!("trỏ đến {what} “{id}”, không có trong bản sao lưu")
            } else {
                format!("refers to {what} '{id}', which is not in the backup")
            };
            located(lang, path, &text)
        }
        other => other.to_string(),
    }
}

/// "Lead 4, field “email”: … (data.leads[3].email in the file)".
fn located(lang: Lang, path: &str, what: &str) -> String {
    let vi = lang == Lang::Vi;
    let rest = path.strip_prefix("data.").unwrap_or(path);
    let (record, field) = match rest.split_once(']') {
        Some((head, tail)) if head.contains('[') => {
            let (kind, n) = head.split_once('[').unwrap_or((head, "0"));
            let n = n.parse::<usize>().map_or(0, |n| n + 1);
            let name = match (kind, vi) {
                ("leads", false) => format!("Lead {n}"),
                ("leads", true) => format!("Khách hàng thứ {n}"),
                ("activities", false) => format!("Activity {n}"),
                ("activities", true) => format!("Hoạt động thứ {n}"),
                ("reps", false) => format!("Rep {n}"),
                ("reps", true) => format!("Người phụ trách thứ {n}"),
                (k, false) => format!("{k} {n}"),
                (k, true) => format!("{k} thứ {n}"),
            };
            (name, tail.trim_start_matches('.').to_owned())
        }
        _ => {
            let (head, tail) = rest.split_once('.').unwrap_or((rest, ""));
            let name = match (head, vi) {
                ("version", false) => "The version number".to_owned(),
                ("version", true) => "Số phiên bản".to_owned(),
                ("pipeline", false) => "The pipeline".to_owned(),
                ("pipeline", true) => "Quy trình".to_owned(),
                ("policies", false) => "The SLA policies".to_owned(),
                ("policies", true) => "Chính sách SLA".to_owned(),
                ("calendar", false) => "The business calendar".to_owned(),
                ("calendar", true) => "Lịch làm việc".to_owned(),
                ("data", false) => "The workspace".to_owned(),
                ("data", true) => "Dữ liệu".to_owned(),
                (h, _) => h.to_owned(),
            };
            (name, tail.to_owned())
        }
    };
    let field = if field.is_empty() {
        String::new()
    } else if vi {
        format!(", trường “{field}”")
    } else {
        format!(", field “{field}”")
    };
    if vi {
        format!("{record}{field}: {what} (vị trí trong tệp: {path}).")
    } else {
        format!("{record}{field}: {what} ({path} in the file).")
    }
}

/// A lead's broken invariant.
fn lead_problem(lang: Lang, p: &LeadInvalid) -> String {
    if lang == Lang::En {
        return p.to_string();
    }
    match p {
        LeadInvalid::NameMissing => "tên để trống".into(),
        LeadInvalid::NoContact => "không có số điện thoại lẫn e-mail".into(),
        LeadInvalid::BadEmail(e) => format!("“{e}” không phải địa chỉ e-mail"),
        LeadInvalid::PhoneNotItsText(raw) => {
            format!("số đã lưu không khớp với số điện thoại “{raw}”")
        }
        LeadInvalid::NoHistory => "lịch sử giai đoạn trống".into(),
        LeadInvalid::StageNotHistoryEnd => {
            "giai đoạn hiện tại không khớp với cuối lịch sử giai đoạn".into()
        }
        LeadInvalid::HistoryOutOfOrder(i) => {
            format!("lần chuyển giai đoạn thứ {} sớm hơn lần trước nó", i + 1)
        }
        LeadInvalid::UpdatedBeforeCreated => "thời điểm sửa cuối sớm hơn thời điểm tạo".into(),
        LeadInvalid::UnknownStage(s) => format!("không có giai đoạn “{s}”"),
    }
}

/// A JSON reader's complaint in Vietnamese (the common ones; the rest as
/// written).
fn serde_words(message: &str) -> String {
    let kind = |k: &str| -> String {
        let k = k.trim();
        match k.split_once(' ') {
            Some(("string", v)) => format!("chữ {v}"),
            Some(("integer", v)) => format!("số {v}"),
            Some(("floating", v)) => format!("số {}", v.trim_start_matches("point ")),
            _ => match k {
                "null" => "null (trống)".into(),
                "map" => "một đối tượng".into(),
                "sequence" => "một danh sách".into(),
                "a string" => "chữ".into(),
                "u64" | "u32" | "u8" | "i64" | "u16" => "một số nguyên".into(),
                crate::domain::instant::EXPECTED => "ngày giờ dạng 2026-03-05T04:14:07Z".into(),
                other => other.to_owned(),
            },
        }
    };
    if message == "missing" {
        "thiếu".into()
    } else if let Some(f) = message.strip_prefix("missing field `") {
        format!("thiếu trường “{}”", f.trim_end_matches('`'))
    } else if let Some(rest) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        format!(
            "giá trị {} không hợp lệ, cần {}",
            kind(found),
            kind(expected)
        )
    } else if let Some(rest) = message.strip_prefix("unknown variant `")
        && let Some((v, expected)) = rest.split_once("`, expected ")
    {
        format!("“{v}” không phải giá trị được phép (cần {expected})")
    } else if let Some(v) = message.strip_prefix("expected a whole number from 1, found ") {
        format!("cần một số nguyên từ 1, nhưng là {v}")
    } else {
        message.to_owned()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::io::backup::import_json;

    #[test]
    fn hostile_backups_are_explained_in_words_in_both_languages() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bad");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let Err(e) = import_json(&text) else {
                continue;
            };
            for lang in [Lang::En, Lang::Vi] {
                let said = backup_error(lang, &e);
                assert!(!said.is_empty(), "{path:?}");
                if lang == Lang::Vi {
                    for english in [
                        "missing field",
                        "invalid type",
                        "expected",
                        " is not ",
                        "the name",
                    ] {
                        assert!(!said.contains(english), "{path:?}: {said}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_lead_problem_names_the_lead_and_field() {
        let e = BackupError::Lead {
            path: "data.leads[3].email".into(),
            problem: LeadInvalid::BadEmail("not-an-email".into()),
        };
        assert_eq!(
            backup_error(Lang::En, &e),
            "Lead 4, field “email”: 'not-an-email' is not an e-mail address (data.leads[3].email in the file)."
        );
        assert_eq!(
            backup_error(Lang::Vi, &e),
            "Khách hàng thứ 4, trường “email”: “not-an-email” không phải địa chỉ e-mail (vị trí trong tệp: data.leads[3].email)."
        );
    }
}
