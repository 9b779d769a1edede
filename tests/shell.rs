//! index.html draws the welcome of the app's first run before the wasm
//! arrives (a first visit on a slow phone reads it seconds earlier). Its
//! words are written out in the page; this keeps them the app's own, in
//! both languages, so the page never shows one text and the app another.

use leadpact::ui::i18n::{Lang, Msg, tr};

#[test]
fn the_page_welcomes_in_the_apps_words() {
    let page = include_str!("../index.html");
    for lang in [Lang::En, Lang::Vi] {
        let open = format!(r#"<div class="boot-welcome" lang="{}">"#, lang.tag());
        let start = page
            .find(&open)
            .unwrap_or_else(|| panic!("index.html has no welcome in {}", lang.tag()));
        let block = &page[start..];
        let block = &block[..block.find("</section>").expect("the welcome's card ends")];
        for (msg, tag) in [
            (Msg::NavToday, "h1"),
            (Msg::Welcome, "h2"),
            (Msg::WelcomeText, "p"),
        ] {
            let element = format!("<{tag}>{}</{tag}>", tr(lang, msg));
            assert!(
                block.contains(&element),
                "index.html's welcome in {} should hold {element}",
                lang.tag()
            );
        }
    }
}
