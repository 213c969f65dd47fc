//! Reading participants' blogs: discover a feed from any address, fetch it politely and
//! safely, parse what real blogs publish, sanitise it, and store the posts.

pub mod fetch;
pub mod guard;
pub mod parse;
pub mod sanitize;
