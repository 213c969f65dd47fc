//! JSON Feed repairs: old or bare version numbers, numeric ids, tags given as one string,
//! authors and attachments in the shapes old feeds wrote them.

use serde_json::{Map, Value};

/// Repairs a JSON Feed in place. Returns false when the JSON is not a JSON Feed at all.
pub(in crate::feeds::parse) fn json_feed(feed: &mut Value) -> bool {
    let Some(object) = feed.as_object_mut() else {
        return false;
    };
    let version = object
        .get("version")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let has_items = object.get("items").is_some_and(Value::is_array);
    let json_feed = version.contains("jsonfeed.org/version/")
        || (has_items && (version.is_empty() || is_bare_version(version)));
    if !json_feed {
        return false;
    }
    object.insert(
        "version".to_owned(),
        Value::from("https://jsonfeed.org/version/1.1"),
    );
    let title = object.get("title").map(text_of).unwrap_or_default();
    object.insert("title".to_owned(), Value::from(title));
    for key in [
        "home_page_url",
        "feed_url",
        "description",
        "icon",
        "favicon",
        "language",
    ] {
        keep_string(object, key);
    }
    repair_authors(object);
    let items = match object.remove("items") {
        Some(Value::Array(items)) => items.into_iter().filter_map(repair_item).collect(),
        _ => Vec::new(),
    };
    object.insert("items".to_owned(), Value::Array(items));
    true
}

/// A JSON Feed version written as a bare number (`1`, `1.0`, `1.1`) instead of its URL.
pub(in crate::feeds::parse) fn is_bare_version(version: &str) -> bool {
    matches!(version.trim(), "1" | "1.0" | "1.1")
}

fn repair_item(item: Value) -> Option<Value> {
    let Value::Object(mut item) = item else {
        return None;
    };
    match item.get("id") {
        Some(Value::Number(_) | Value::Bool(_)) => {
            let id = item.get("id").map(text_of).unwrap_or_default();
            item.insert("id".to_owned(), Value::from(id));
        }
        _ => keep_string(&mut item, "id"),
    }
    if item.get("title").is_some_and(Value::is_number) {
        let title = item.get("title").map(text_of).unwrap_or_default();
        item.insert("title".to_owned(), Value::from(title));
    }
    for key in [
        "url",
        "external_url",
        "title",
        "content_html",
        "content_text",
        "summary",
        "image",
        "banner_image",
        "date_published",
        "date_modified",
        "language",
    ] {
        keep_string(&mut item, key);
    }
    let tags: Vec<Value> = match item.remove("tags") {
        Some(Value::String(tags)) => tags
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(Value::from)
            .collect(),
        Some(Value::Array(tags)) => tags
            .iter()
            .filter(|t| t.is_string() || t.is_number())
            .map(|t| Value::from(text_of(t)))
            .collect(),
        _ => Vec::new(),
    };
    if !tags.is_empty() {
        item.insert("tags".to_owned(), Value::Array(tags));
    }
    repair_authors(&mut item);
    if let Some(attachments) = item.remove("attachments") {
        let attachments: Vec<Value> = match attachments {
            Value::Array(list) => list.into_iter().filter_map(repair_attachment).collect(),
            _ => Vec::new(),
        };
        item.insert("attachments".to_owned(), Value::Array(attachments));
    }
    Some(Value::Object(item))
}

fn repair_attachment(attachment: Value) -> Option<Value> {
    let Value::Object(mut attachment) = attachment else {
        return None;
    };
    if !(attachment.get("url").is_some_and(Value::is_string)
        && attachment.get("mime_type").is_some_and(Value::is_string))
    {
        return None;
    }
    keep_string(&mut attachment, "title");
    if !attachment.get("size_in_bytes").is_some_and(Value::is_u64) {
        attachment.remove("size_in_bytes");
    }
    Some(Value::Object(attachment))
}

fn repair_authors(object: &mut Map<String, Value>) {
    if let Some(author) = object.remove("author").and_then(repair_author) {
        object.insert("author".to_owned(), author);
    }
    if let Some(Value::Array(authors)) = object.remove("authors") {
        let authors: Vec<Value> = authors.into_iter().filter_map(repair_author).collect();
        object.insert("authors".to_owned(), Value::Array(authors));
    }
}

fn repair_author(author: Value) -> Option<Value> {
    match author {
        Value::String(name) => Some(serde_json::json!({ "name": name })),
        Value::Object(mut author) => {
            keep_string(&mut author, "name");
            keep_string(&mut author, "url");
            keep_string(&mut author, "avatar");
            Some(Value::Object(author))
        }
        _ => None,
    }
}

fn keep_string(object: &mut Map<String, Value>, key: &str) {
    if object.get(key).is_some_and(|v| !v.is_string()) {
        object.remove(key);
    }
}

fn text_of(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}
