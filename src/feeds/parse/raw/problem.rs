//! Where and why a feed's XML is not well-formed, in words a participant understands.

/// Where and why the XML is not well-formed.
#[derive(Debug, PartialEq)]
pub(in crate::feeds::parse) struct XmlProblem {
    pub message: String,
    pub line: usize,
}

pub(super) fn problem(text: &str, position: u64, error: &quick_xml::Error) -> XmlProblem {
    let position = usize::try_from(position)
        .unwrap_or(usize::MAX)
        .min(text.len());
    let line = text.as_bytes()[..position]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1;
    XmlProblem {
        message: plain_words(error),
        line,
    }
}

fn plain_words(error: &quick_xml::Error) -> String {
    use quick_xml::errors::{IllFormedError, SyntaxError};
    match error {
        quick_xml::Error::Syntax(SyntaxError::UnclosedCData) => {
            "a CDATA section is never closed".to_owned()
        }
        quick_xml::Error::Syntax(SyntaxError::UnclosedComment) => {
            "a comment is never closed".to_owned()
        }
        quick_xml::Error::Syntax(SyntaxError::UnclosedTag) => "a tag is never closed".to_owned(),
        quick_xml::Error::IllFormed(IllFormedError::MismatchedEndTag { expected, found }) => {
            format!("<{expected}> is closed by </{found}>")
        }
        quick_xml::Error::IllFormed(IllFormedError::UnmatchedEndTag(name)) => {
            format!("</{name}> closes nothing")
        }
        other => other.to_string(),
    }
}
