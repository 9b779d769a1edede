//! The words of the call audits (issue 30): the scorecard's audits card and
//! its printed sheet. They leave with the scorecard's module.

use crate::domain::audit::SetupProblem;
use crate::ui::format::number;
use crate::ui::i18n::Lang;

/// A fixed phrase of the audits card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum W {
    Title,
    PerRep,
    SeedHint,
    NoteNeeded,
    DefaultSize,
    Phone,
    DrawButton,
    NothingDrawn,
    Rep,
    Drawn,
    Audited,
    Passed,
    Failed,
    PassRate,
    NotAudited,
    Audit,
    AuditAgain,
    Record,
    Cancel,
    Note,
    ChooseVerdict,
    Print,
    Setup,
    Questions,
    Save,
    OnlyAuditors,
    Replaced,
    Verdict,
    SheetTitle,
}

/// A fixed phrase in `lang`.
pub fn t(lang: Lang, w: W) -> &'static str {
    use W::*;
    let (en, vi) = match w {
        Title => ("Call audits", "Kiểm tra cuộc gọi"),
        PerRep => (
            "Calls and messages per rep",
            "Số cuộc gọi và tin nhắn mỗi nhân viên",
        ),
        SeedHint => (
            "The sample's seed comes from the period: whoever draws it gets the same calls, and nobody can draw again until the sample suits them. A larger number keeps the calls already drawn and adds to them.",
            "Mã rút thăm của mẫu lấy từ chính kỳ này: ai rút cũng được đúng những cuộc gọi đó, và không ai rút lại được cho đến khi mẫu vừa ý. Số lớn hơn giữ nguyên các cuộc đã rút và thêm vào.",
        ),
        DefaultSize => (
            "Calls and messages per rep, the sample's usual size",
            "Số cuộc gọi và tin nhắn mỗi nhân viên, cỡ mẫu thường dùng",
        ),
        Phone => ("Phone", "Điện thoại"),
        NoteNeeded => (
            "Write what you found: a fail, a pass with a question answered no, or a changed verdict needs a note.",
            "Hãy ghi lại điều bạn thấy: kết quả không đạt, đạt nhưng có câu trả lời không, hoặc đổi kết quả đều cần ghi chú.",
        ),
        DrawButton => ("Draw a sample", "Rút mẫu"),
        NothingDrawn => (
            "No sample has been drawn for this period yet.",
            "Chưa rút mẫu nào cho kỳ này.",
        ),
        Rep => ("Rep", "Nhân viên"),
        Drawn => ("Drawn", "Đã rút"),
        Audited => ("Audited", "Đã kiểm tra"),
        Passed => ("Passed", "Đạt"),
        Failed => ("Failed", "Không đạt"),
        PassRate => ("Pass rate", "Tỷ lệ đạt"),
        NotAudited => ("Not audited yet", "Chưa kiểm tra"),
        Audit => ("Audit", "Kiểm tra"),
        AuditAgain => ("Audit again", "Kiểm tra lại"),
        Record => ("Record the verdict", "Ghi kết quả"),
        Cancel => ("Cancel", "Hủy"),
        Note => ("Note (what you checked)", "Ghi chú (bạn đã kiểm tra gì)"),
        ChooseVerdict => (
            "Choose Passed or Failed before recording.",
            "Hãy chọn Đạt hoặc Không đạt trước khi ghi.",
        ),
        Print => ("Print the audit sheet", "In phiếu kiểm tra"),
        Setup => ("Checklist and sample size", "Câu hỏi kiểm tra và cỡ mẫu"),
        Questions => (
            "Questions, one per line (empty: the app's own four)",
            "Câu hỏi, mỗi dòng một câu (để trống: bốn câu có sẵn)",
        ),
        Save => ("Save the checklist", "Lưu câu hỏi"),
        OnlyAuditors => (
            "Audits are recorded by this workspace's admins and auditors.",
            "Kết quả kiểm tra do quản trị viên và người kiểm tra của không gian làm việc này ghi.",
        ),
        Replaced => (
            "replaced by a later audit",
            "đã được lần kiểm tra sau thay thế",
        ),
        Verdict => ("Verdict", "Kết quả"),
        SheetTitle => ("Audit sheet", "Phiếu kiểm tra"),
    };
    match lang {
        Lang::En => en,
        Lang::Vi => vi,
    }
}

/// The app's own checklist, in `lang`.
pub fn default_questions(lang: Lang) -> Vec<String> {
    let q: [&str; 4] = match lang {
        Lang::En => [
            "Reached the right person?",
            "Outcome logged truly?",
            "Customer's need recorded?",
            "Next step set?",
        ],
        Lang::Vi => [
            "Gặp đúng người?",
            "Kết quả được ghi đúng sự thật?",
            "Đã ghi lại nhu cầu của khách?",
            "Đã hẹn bước tiếp theo?",
        ],
    };
    q.map(str::to_owned).to_vec()
}

/// What a draw is, under the card's title.
pub fn intro(lang: Lang, period: &str) -> String {
    match lang {
        Lang::En => format!(
            "A random sample of the calls and messages each rep logged making in {period}. Its seed is kept with every verdict, so anyone can draw the same sample again and see it was not hand-picked. A rep's pass rate is judged from 10 audits."
        ),
        Lang::Vi => format!(
            "Một mẫu ngẫu nhiên các cuộc gọi và tin nhắn mà từng nhân viên đã ghi là mình thực hiện trong {period}. Mã rút thăm được lưu cùng mỗi kết quả, nên ai cũng rút lại được đúng mẫu đó và thấy không ai chọn tay. Tỷ lệ đạt của một nhân viên được đánh giá từ 10 lần kiểm tra."
        ),
    }
}

/// The draw shown: its seed, its size, and whether drawing it again gives
/// the activities its verdicts were given on.
pub fn draw_line(lang: Lang, seed: u32, per_rep: u32, drawn: usize, stray: usize) -> String {
    let (d, s) = (number(drawn as u64, lang), number(stray as u64, lang));
    match (lang, stray) {
        (Lang::En, 0) => format!(
            "Seed {seed} (the period's) · {per_rep} per rep · {d} drawn. Drawn again from its seed now: the same sample."
        ),
        (Lang::Vi, 0) => format!(
            "Mã {seed} (của kỳ) · {per_rep} mỗi nhân viên · đã rút {d}. Rút lại từ mã này lúc này: đúng mẫu cũ."
        ),
        (Lang::En, _) => format!(
            "Seed {seed} (the period's) · {per_rep} per rep · {d} drawn. Drawn again now, the sample no longer holds {s} of the audited calls and messages: the period's calls changed since (one logged late, or removed with its lead). Their verdicts still count."
        ),
        (Lang::Vi, _) => format!(
            "Mã {seed} (của kỳ) · {per_rep} mỗi nhân viên · đã rút {d}. Rút lại lúc này, mẫu không còn {s} cuộc gọi và tin nhắn đã kiểm tra: các cuộc của kỳ đã thay đổi (ghi muộn, hoặc bị xóa cùng khách). Kết quả của chúng vẫn được tính."
        ),
    }
}

/// Other seeds this period's verdicts came from.
pub fn other_draws(lang: Lang, seeds: &str) -> String {
    match lang {
        Lang::En => format!("Verdicts of this period also came from the draws of seed {seeds}."),
        Lang::Vi => format!("Kết quả của kỳ này còn đến từ các lần rút với mã {seeds}."),
    }
}

/// Nothing to draw from.
pub fn nothing_to_draw(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "No call or message was logged for a rep in this period: there is nothing to audit."
        }
        Lang::Vi => {
            "Trong kỳ này không có cuộc gọi hay tin nhắn nào được ghi cho nhân viên: không có gì để kiểm tra."
        }
    }
}

/// A verdict as the sample and the timeline say it: "Failed · Hoa ·
/// 08/12/2026 10:20".
pub fn verdict(lang: Lang, passed: bool, by: Option<&str>, when: &str) -> String {
    let word = t(lang, if passed { W::Passed } else { W::Failed });
    match by {
        Some(b) => format!("{word} · {b} · {when}"),
        None => format!("{word} · {when}"),
    }
}

/// After a verdict is recorded.
pub fn recorded(lang: Lang, lead: &str, passed: bool) -> (String, String) {
    let _ = lang;
    (
        format!(
            "Audit recorded: {lead} — {}.",
            t(Lang::En, if passed { W::Passed } else { W::Failed }).to_lowercase()
        ),
        format!(
            "Đã ghi kết quả kiểm tra: {lead} — {}.",
            t(Lang::Vi, if passed { W::Passed } else { W::Failed }).to_lowercase()
        ),
    )
}

/// A whole number as typed (`-3`, `99999999999`), brought into `u32`'s
/// range so that a number out of range is said so, not "no number".
pub fn whole(typed: &str) -> Option<u32> {
    let digits = typed.strip_prefix('-').unwrap_or(typed);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(if typed.starts_with('-') {
        0
    } else {
        digits.parse::<u32>().unwrap_or(u32::MAX)
    })
}

/// A checklist or sample size that cannot be kept (`typed`: the sample
/// size as typed, quoted when it is out of range).
pub fn problem(lang: Lang, p: SetupProblem, typed: &str) -> String {
    use crate::domain::audit::AuditSetup as S;
    match (lang, p) {
        (Lang::En, SetupProblem::PerRep(_)) => format!(
            "Calls and messages per rep: {typed} is not between 1 and {}.",
            S::MAX_PER_REP
        ),
        (Lang::Vi, SetupProblem::PerRep(_)) => format!(
            "Số cuộc gọi và tin nhắn mỗi nhân viên: {typed} không nằm trong khoảng 1 đến {}.",
            S::MAX_PER_REP
        ),
        (Lang::En, SetupProblem::TooManyQuestions(n)) => {
            format!("Questions: {n} lines, {} at most.", S::MAX_QUESTIONS)
        }
        (Lang::Vi, SetupProblem::TooManyQuestions(n)) => {
            format!("Câu hỏi: {n} dòng, tối đa {}.", S::MAX_QUESTIONS)
        }
        (Lang::En, SetupProblem::LongQuestion { line, chars }) => format!(
            "Questions, line {line}: {chars} characters, {} at most.",
            S::QUESTION_MAX
        ),
        (Lang::Vi, SetupProblem::LongQuestion { line, chars }) => format!(
            "Câu hỏi, dòng {line}: {chars} ký tự, tối đa {}.",
            S::QUESTION_MAX
        ),
    }
}

/// A per-rep count that is not a number.
pub fn not_a_number(lang: Lang, what: &str, value: &str) -> String {
    match lang {
        Lang::En => format!("{what}: “{value}” is not a whole number."),
        Lang::Vi => format!("{what}: “{value}” không phải số nguyên."),
    }
}
