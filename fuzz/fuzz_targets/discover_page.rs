//! Discovery's reading of a blog's home page: links, meta tags, base, platform.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = url::Url::parse("https://blog.example.org/2026/index.html").unwrap();
    let _ = twentythree::feeds::discover::read_home_page(data, &page);
    let _ = twentythree::feeds::discover::platform_of_feed(data);
    let _ = twentythree::feeds::parse::looks_like_feed(data, Some("text/html"));
});
