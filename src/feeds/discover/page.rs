//! What an HTML page declares about itself: its alternate feeds, generator, base address
//! and platform hints, read by a tokenizer that never fails on broken markup.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, StartTag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use super::MAX_PAGE;

/// A `<link>` or `<meta>` the page declares, in document order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageLinks {
    pub alternates: Vec<Alternate>,
    pub generator: Option<String>,
    pub base: Option<String>,
    pub hints: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alternate {
    pub href: String,
    pub kind: String,
    pub title: String,
}

struct LinkSink {
    links: RefCell<PageLinks>,
}

impl TokenSink for LinkSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        if tag.kind != StartTag {
            return TokenSinkResult::Continue;
        }
        let attr = |name: &str| {
            tag.attrs
                .iter()
                .find(|a| &*a.name.local == name)
                .map(|a| a.value.trim().to_owned())
        };
        let mut links = self.links.borrow_mut();
        match &*tag.name {
            "link" => {
                let rel = attr("rel").unwrap_or_default().to_lowercase();
                let href = attr("href").unwrap_or_default();
                if rel.split_whitespace().any(|r| r == "alternate") && !href.is_empty() {
                    links.alternates.push(Alternate {
                        href,
                        kind: attr("type").unwrap_or_default().to_lowercase(),
                        title: attr("title").unwrap_or_default(),
                    });
                } else if !rel.is_empty() {
                    links.hints.push(format!("{rel} {href}"));
                }
            }
            "meta" => {
                let name = attr("name")
                    .or_else(|| attr("property"))
                    .unwrap_or_default()
                    .to_lowercase();
                let content = attr("content").unwrap_or_default();
                if name == "generator" {
                    links.generator = Some(content);
                } else if name == "og:site_name" || name == "application-name" {
                    links.hints.push(content);
                }
            }
            "base" if links.base.is_none() => links.base = attr("href"),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// Reads the `<link>`, `<meta>` and `<base>` tags of an HTML page, however broken it is.
pub fn read_page(html: &str) -> PageLinks {
    let sink = LinkSink {
        links: RefCell::new(PageLinks::default()),
    };
    let input = BufferQueue::default();
    let mut end = html.len().min(MAX_PAGE);
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    input.push_back(StrTendril::from_slice(&html[..end]));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.links.take()
}
