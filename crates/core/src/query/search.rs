//! The search query as typed, parsed once into words; and the shape of a hit. The index itself lives in `store`
//! (it is SQL); this module knows what a query and an answer are.

use super::QueryError;
use schemars::JsonSchema;
use serde::Serialize;

/// The longest query accepted, in characters.
pub const MAX_QUERY: usize = 200;

/// A parsed query: the words to find (letters and digits), lower-cased.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SearchQuery {
    /// The query as typed, trimmed.
    pub text: String,
    /// Its words.
    pub words: Vec<String>,
}

impl SearchQuery {
    /// Parses what was typed; blank is `None` (no search yet), too long or wordless is a bad request.
    pub fn parse(raw: Option<&str>) -> Result<Option<Self>, QueryError> {
        let text = raw.map(str::trim).unwrap_or("");
        if text.is_empty() {
            return Ok(None);
        }
        let bad = |why: &str| QueryError::InvalidChoice {
            parameter: "q".into(),
            value: text.chars().take(40).collect(),
            expected: why.into(),
        };
        if text.chars().count() > MAX_QUERY {
            return Err(bad("a query of at most 200 characters"));
        }
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .take(12)
            .collect();
        if words.is_empty() {
            return Err(bad("words made of letters or digits"));
        }
        Ok(Some(SearchQuery { text: text.to_owned(), words }))
    }
}

/// What a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum HitKind {
    /// A jurisdiction.
    Jurisdiction,
    /// A framework.
    Framework,
    /// A cell (framework × aspect).
    Cell,
    /// A glossary term.
    Term,
    /// A cited document.
    Source,
}

impl HitKind {
    /// The kebab-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            HitKind::Jurisdiction => "jurisdiction",
            HitKind::Framework => "framework",
            HitKind::Cell => "cell",
            HitKind::Term => "term",
            HitKind::Source => "source",
        }
    }

    /// Parses the kebab-case name.
    pub fn parse(raw: &str) -> Option<Self> {
        [HitKind::Jurisdiction, HitKind::Framework, HitKind::Cell, HitKind::Term, HitKind::Source]
            .into_iter()
            .find(|k| k.as_str() == raw)
    }
}

/// One search hit.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Hit {
    /// What it is.
    pub kind: HitKind,
    /// Where it is (a page of the site, or a source's URL).
    pub href: String,
    /// The framework, for frameworks and cells.
    pub framework: Option<String>,
    /// The aspect, for cells.
    pub aspect: Option<String>,
    /// Its title.
    pub title: String,
    /// The text around the match.
    pub snippet: String,
    /// Relevance (higher is better).
    pub score: f64,
}
