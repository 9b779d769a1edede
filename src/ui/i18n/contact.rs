//! Tap to call, chat or mail, and the question that follows, in both
//! languages.

use super::Lang;
use crate::domain::activity::{ActivityKind, Channel};

/// "Call An on 0912 345 678" (the link's accessible name).
pub fn call(lang: Lang, name: &str, number: &str) -> String {
    match lang {
        Lang::En => format!("Call {name} on {number}"),
        Lang::Vi => format!("Gọi {name} số {number}"),
    }
}

/// "Chat with An on Zalo".
pub fn zalo(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("Chat with {name} on Zalo"),
        Lang::Vi => format!("Nhắn Zalo cho {name}"),
    }
}

/// "Write to An at an@example.com" (the address, as the link shows it).
pub fn mail(lang: Lang, name: &str, address: &str) -> String {
    match lang {
        Lang::En => format!("Write to {name} at {address}"),
        Lang::Vi => format!("Gửi thư cho {name} theo địa chỉ {address}"),
    }
}

/// The question when the person comes back: "How did the call with An
/// (3 Dec, 10:32) go?".
pub fn how_did_it_go(lang: Lang, kind: ActivityKind, name: &str, when: &str) -> String {
    match (lang, kind) {
        (Lang::En, ActivityKind::Call) => format!("How did the call with {name} ({when}) go?"),
        (Lang::Vi, ActivityKind::Call) => format!("Cuộc gọi với {name} ({when}) thế nào?"),
        (Lang::En, ActivityKind::Message(Channel::Zalo)) => {
            format!("Your Zalo message to {name} ({when}):")
        }
        (Lang::Vi, ActivityKind::Message(Channel::Zalo)) => {
            format!("Tin nhắn Zalo cho {name} ({when}):")
        }
        (Lang::En, _) => format!("Your e-mail to {name} ({when}):"),
        (Lang::Vi, _) => format!("Thư gửi {name} ({when}):"),
    }
}

/// The way out when the attempt did not happen.
pub fn did_not_happen(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "It did not happen",
        Lang::Vi => "Không thực hiện",
    }
}
