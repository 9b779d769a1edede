//! A person entered twice: the notice, its actions, and what a merge
//! leaves on the lead, in both languages.

use super::Lang;

/// The lead page's notice about another lead for the same person.
pub fn already_here(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Another lead has the same phone number or e-mail:",
        Lang::Vi => "Một khách hàng khác có cùng số điện thoại hoặc e-mail:",
    }
}

/// Saving an edit that gives a lead another lead's contact.
pub fn save_anyway(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Save anyway",
        Lang::Vi => "Vẫn lưu",
    }
}

/// Merging the lead on screen into the other one.
pub fn merge_this_into_it(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Merge this lead into it",
        Lang::Vi => "Gộp khách này vào khách đó",
    }
}

/// The toast after a merge.
pub fn merged(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("Merged into {name}: both histories and every activity are kept."),
        Lang::Vi => format!("Đã gộp vào {name}: giữ nguyên cả hai lịch sử và mọi hoạt động."),
    }
}

/// The timeline entry of a merge.
pub fn merged_entry(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("Merged in the lead “{name}”"),
        Lang::Vi => format!("Đã gộp khách “{name}” vào đây"),
    }
}

/// After a stage move of a merged lead, whose it was.
pub fn of_merged(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("(lead “{name}”, merged)"),
        Lang::Vi => format!("(khách “{name}”, đã gộp)"),
    }
}

/// The heading of the leads merged into this one.
pub fn merged_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Merged into this lead",
        Lang::Vi => "Đã gộp vào khách này",
    }
}
