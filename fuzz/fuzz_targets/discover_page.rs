//! Discovery's reading of a blog's home page: links, meta tags, base, platform.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| twentythree::fuzz::discover_page(data));
