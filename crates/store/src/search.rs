//! Full-text search over the dataset: frameworks, cells, jurisdictions (with the names people type), glossary
//! terms and sources, in an in-memory SQLite FTS5 index built once from the dataset, ranked by bm25, with
//! snippets. The query arrives parsed by `core` (`SearchQuery`); only this module knows SQL.

use cryptoreg_core::Dataset;
use cryptoreg_core::query::search::{Hit, HitKind, SearchQuery};
use rusqlite::Connection;
use std::sync::Mutex;

/// The index; safe to share between threads (one query at a time).
pub struct SearchIndex {
    db: Mutex<Connection>,
}

/// A search that could not run (the index is broken): reported, never a panic.
#[derive(Debug, thiserror::Error)]
#[error("search failed: {0}")]
pub struct SearchError(#[from] rusqlite::Error);

impl SearchIndex {
    /// Builds the index of `data` in memory.
    pub fn build(data: &Dataset) -> Result<Self, SearchError> {
        let mut db = Connection::open_in_memory()?;
        let tx = db.transaction()?;
        tx.execute_batch(
            "CREATE VIRTUAL TABLE docs USING fts5(kind UNINDEXED, href UNINDEXED, framework UNINDEXED, aspect UNINDEXED,
             title, body, tokenize = 'unicode61 remove_diacritics 2');",
        )?;
        {
            let mut insert = tx.prepare("INSERT INTO docs VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
            let mut add = |kind: HitKind, href: String, framework: &str, aspect: &str, title: String, body: String| {
                insert.execute(rusqlite::params![kind.as_str(), href, framework, aspect, title, body]).map(|_| ())
            };
            for info in data.jurisdictions.values() {
                let frameworks: Vec<&str> = data
                    .frameworks
                    .values()
                    .filter(|f| f.jurisdictions.contains(&info.code))
                    .map(|f| f.short.as_str())
                    .collect();
                add(
                    HitKind::Jurisdiction,
                    format!("/jurisdictions/{}", info.code),
                    "",
                    "",
                    info.name.clone(),
                    format!("{} {} {}", info.code, info.synonyms.join(" "), frameworks.join(" ")),
                )?;
            }
            for f in data.frameworks.values() {
                let places: Vec<String> = f
                    .jurisdictions
                    .iter()
                    // The place and, for a sub-national one, its country: "uae" finds Dubai's regime too.
                    .flat_map(|j| std::iter::once(j.clone()).chain(j.parent()))
                    .map(|j| {
                        let synonyms = data.jurisdictions.get(&j).map(|i| i.synonyms.join(" ")).unwrap_or_default();
                        format!("{} {} {synonyms}", j, data.jurisdiction_name(&j))
                    })
                    .collect();
                add(
                    HitKind::Framework,
                    format!("/frameworks/{}", f.id),
                    f.id.as_str(),
                    "",
                    format!("{} ({})", f.name, f.short),
                    format!("{} {} {}", f.summary, f.body, places.join(" ")),
                )?;
                for (aspect_id, p) in &f.provisions {
                    let aspect = data.aspect(aspect_id).map_or(aspect_id.as_str(), |a| a.name.as_str());
                    add(
                        HitKind::Cell,
                        format!("/frameworks/{}#{aspect_id}", f.id),
                        f.id.as_str(),
                        aspect_id.as_str(),
                        format!("{}: {aspect}", f.short),
                        format!("{} {} {}", p.current.summary, p.current.detail, p.note.as_deref().unwrap_or("")),
                    )?;
                }
            }
            for t in &data.glossary {
                add(HitKind::Term, format!("/glossary#{}", t.id), "", "", t.term.clone(), t.definition.clone())?;
            }
            for s in cryptoreg_core::query::catalog::sources(data) {
                add(HitKind::Source, s.url.clone(), "", "", s.title.clone(), s.publisher.clone())?;
            }
        }
        tx.commit()?;
        Ok(SearchIndex { db: Mutex::new(db) })
    }

    /// The best `limit` hits for a parsed query, most relevant first; titles weigh more than bodies.
    pub fn search(&self, query: &SearchQuery, limit: usize) -> Result<Vec<Hit>, SearchError> {
        // Each word is a quoted FTS5 string (quotes doubled), matched as a prefix; all words must match.
        let fts: Vec<String> = query.words.iter().map(|w| format!("\"{}\"*", w.replace('"', "\"\""))).collect();
        let db = self.db.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut statement = db.prepare_cached(
            // bm25 is negative, lower is better; places and frameworks are boosted over cells, terms and sources.
            "SELECT kind, href, framework, aspect, title, excerpt, score FROM (
               SELECT kind, href, framework, aspect, title, snippet(docs, 5, '', '', '…', 16) AS excerpt,
                 bm25(docs, 0, 0, 0, 0, 4.0, 1.0) * CASE kind WHEN 'jurisdiction' THEN 4.0 WHEN 'framework'
                 THEN 3.0 WHEN 'term' THEN 2.0 WHEN 'cell' THEN 1.5 ELSE 0.5 END AS score
               FROM docs WHERE docs MATCH ?1)
             ORDER BY score LIMIT ?2",
        )?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = statement.query_map(rusqlite::params![fts.join(" AND "), limit], |row| {
            let kind: String = row.get(0)?;
            let text = |i: usize| -> rusqlite::Result<Option<String>> {
                let s: String = row.get(i)?;
                Ok(Some(s).filter(|s| !s.is_empty()))
            };
            Ok(Hit {
                kind: HitKind::parse(&kind).unwrap_or(HitKind::Cell),
                href: row.get(1)?,
                framework: text(2)?,
                aspect: text(3)?,
                title: row.get(4)?,
                snippet: row.get(5)?,
                score: -row.get::<_, f64>(6)?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }
}
