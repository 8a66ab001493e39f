//! Problems found in the data files: where (file, line, column), which rule, what is wrong and how to fix it.

use schemars::JsonSchema;
use serde::Serialize;
use std::fmt;
use std::ops::Range;

/// Whether a problem fails `cryptoreg check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Fails the check.
    Error,
    /// Reported, does not fail the check.
    Warning,
}

/// One problem in one data file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Diagnostic {
    /// Path relative to the data directory (`frameworks/eu-mica.toml`).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Error or warning.
    pub severity: Severity,
    /// The lint rule's name.
    pub rule: &'static str,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub tip: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {severity}[{}] {}\n  tip: {}",
            self.file, self.line, self.column, self.rule, self.message, self.tip
        )
    }
}

/// A data file's path and text, the unit diagnostics point into.
#[derive(Debug, Clone)]
pub struct DataFile {
    /// Path relative to the data directory, with `/` separators.
    pub path: String,
    /// The file's text.
    pub text: String,
    /// Byte offset of the first invalid UTF-8 sequence, if the file was not UTF-8 (the text is then lossy).
    pub invalid_utf8_at: Option<usize>,
}

impl DataFile {
    /// A file from text that was valid UTF-8.
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        DataFile { path: path.into(), text: text.into(), invalid_utf8_at: None }
    }

    /// A file from raw bytes; invalid UTF-8 is kept (lossily) and remembered for a diagnostic.
    pub fn from_bytes(path: impl Into<String>, bytes: Vec<u8>) -> Self {
        match String::from_utf8(bytes) {
            Ok(text) => DataFile::new(path, text),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                DataFile {
                    path: path.into(),
                    text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
                    invalid_utf8_at: Some(at),
                }
            }
        }
    }
}

impl DataFile {
    /// 1-based line and column of a byte offset (clamped to the text).
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }

    /// A diagnostic pointing at `span` in this file.
    pub fn diagnostic(
        &self,
        span: Range<usize>,
        severity: Severity,
        rule: &'static str,
        message: impl Into<String>,
        tip: impl Into<String>,
    ) -> Diagnostic {
        let (line, column) = self.line_column(span.start);
        Diagnostic { file: self.path.clone(), line, column, severity, rule, message: message.into(), tip: tip.into() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let file = DataFile::new("x.toml", "a = 1\nbé = \"x\"\n");
        assert_eq!(file.line_column(0), (1, 1));
        assert_eq!(file.line_column(6), (2, 1));
        assert_eq!(file.line_column(10), (2, 4));
        assert_eq!(file.line_column(999), (3, 1));
    }
}
