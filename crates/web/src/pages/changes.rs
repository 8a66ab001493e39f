//! `/changes` (legal events and corrections of any selection between two dates, with what is coming on top) and
//! the Atom feeds that let people watch them: all changes, and one per framework, jurisdiction and aspect.

use crate::error::AppError;
use crate::render::Chrome;
use crate::respond::Ctx;
use crate::state::AppState;
use askama::Template;
use atom_syndication::{Content, Entry, Feed, FixedDateTime, Link, Person, Text};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use cryptoreg_core::ids::IsoDate;
use cryptoreg_core::query::changes::{Changes, ChangesInput, changes};
use serde::{Deserialize, Serialize};

/// Query of `/changes`, as sent; `core` parses it.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ChangesParams {
    /// First day (YYYY-MM-DD); default one year before `to`.
    pub from: Option<String>,
    /// Last day (YYYY-MM-DD); default today.
    pub to: Option<String>,
    /// Framework ids (repeat or comma-separate).
    #[serde(default)]
    #[param(required = false)]
    pub f: Vec<String>,
    /// Jurisdictions: codes, names or synonyms (repeat or comma-separate); the frameworks that apply there.
    #[serde(default)]
    #[param(required = false)]
    pub j: Vec<String>,
    /// Aspect ids (repeat or comma-separate).
    #[serde(default)]
    #[param(required = false)]
    pub aspect: Vec<String>,
    /// Months ahead for "coming up" (default 12).
    pub upcoming: Option<String>,
}

/// The changes page.
#[derive(Debug, Serialize, Template, schemars::JsonSchema)]
#[template(path = "changes.html")]
pub struct ChangesPage {
    /// Events, coming up and corrections.
    #[serde(flatten)]
    pub changes: Changes,
    #[serde(skip)]
    pub(crate) chrome: Chrome,
}

/// `GET /changes`.
#[utoipa::path(get, path = "/changes.json", params(ChangesParams),
    responses((status = 200, description = "Legal events between two dates (newest first), what is coming, and the corrections", content_type = "application/json"),
              (status = 400, description = "Malformed date or parameter", content_type = "application/json"),
              (status = 404, description = "Unknown framework, jurisdiction or aspect", content_type = "application/json")))]
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let p: ChangesParams = ctx.query()?;
    let input = ChangesInput {
        from: p.from,
        to: p.to,
        frameworks: p.f,
        jurisdictions: p.j,
        aspects: p.aspect,
        upcoming_months: p.upcoming,
    };
    let changes = changes(&state.data, &input).map_err(|e| ctx.query_error(e))?;
    Ok(ctx.render(&ChangesPage { changes, chrome: ctx.chrome.clone() }))
}

/// Which feed: everything, or one framework, jurisdiction or aspect.
enum Scope {
    All,
    Framework(String),
    Jurisdiction(String),
    Aspect(String),
}

/// `GET /changes.atom`.
pub async fn feed_all(State(state): State<AppState>, headers: HeaderMap, ctx: Ctx) -> Result<Response, AppError> {
    feed(&state, &headers, &ctx, Scope::All)
}

/// `GET /frameworks/{id}/changes.atom`.
pub async fn feed_framework(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    ctx: Ctx,
) -> Result<Response, AppError> {
    feed(&state, &headers, &ctx, Scope::Framework(id))
}

/// `GET /jurisdictions/{code}/changes.atom`.
pub async fn feed_jurisdiction(
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
    ctx: Ctx,
) -> Result<Response, AppError> {
    feed(&state, &headers, &ctx, Scope::Jurisdiction(code))
}

/// `GET /aspects/{id}/changes.atom`.
pub async fn feed_aspect(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    ctx: Ctx,
) -> Result<Response, AppError> {
    feed(&state, &headers, &ctx, Scope::Aspect(id))
}

/// Midnight UTC of a date, as Atom wants it.
fn timestamp(date: IsoDate) -> FixedDateTime {
    FixedDateTime::parse_from_rfc3339(&format!("{date}T00:00:00Z")).unwrap_or_default()
}

fn feed(state: &AppState, headers: &HeaderMap, ctx: &Ctx, scope: Scope) -> Result<Response, AppError> {
    let _: crate::pages::NoParams = ctx.query()?;
    // Links in a feed are absolute: the origin is the host the request reached.
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("localhost");
    let origin = format!("http://{host}");
    let mut input = ChangesInput { from: Some("1900-01-01".into()), ..Default::default() };
    let (title, page, self_path) = match &scope {
        Scope::All => ("All changes".to_owned(), "/changes".to_owned(), "/changes.atom".to_owned()),
        Scope::Framework(id) => {
            input.frameworks = vec![id.clone()];
            (format!("Changes: {id}"), format!("/frameworks/{id}"), format!("/frameworks/{id}/changes.atom"))
        }
        Scope::Jurisdiction(code) => {
            input.jurisdictions = vec![code.clone()];
            (
                format!("Changes: {code}"),
                format!("/jurisdictions/{code}"),
                format!("/jurisdictions/{code}/changes.atom"),
            )
        }
        Scope::Aspect(id) => {
            input.aspects = vec![id.clone()];
            (format!("Changes: {id}"), format!("/aspects/{id}"), format!("/aspects/{id}/changes.atom"))
        }
    };
    let changes = changes(&state.data, &input).map_err(|e| ctx.query_error(e))?;
    let mut entries: Vec<Entry> = changes
        .events
        .iter()
        .map(|e| {
            let link = match &e.aspect {
                Some(a) => format!("{origin}/frameworks/{}#{a}", e.framework),
                None => format!("{origin}/frameworks/{}", e.framework),
            };
            let mut lines = vec![e.title.clone()];
            if let (Some(b), Some(a)) = (&e.before, &e.after) {
                lines.push(format!("Before: {} ({}): {}", b.level.label(), b.status.label(), b.summary));
                lines.push(format!("After: {} ({}): {}", a.level.label(), a.status.label(), a.summary));
            }
            lines.extend(e.citations.iter().map(|c| format!("Source: {}, {} <{}>", c.title, c.pinpoint, c.url)));
            entry(format!("tag:cryptoreg,2026:{}", e.id), e.title.clone(), e.date, link, lines)
        })
        .collect();
    entries.extend(changes.corrections.iter().map(|c| {
        let title = format!("Correction to {}: {}", c.framework, c.what);
        let link = format!("{origin}/changes?f={}&from={}&to={}", c.framework, c.date, c.date);
        entry(
            format!("tag:cryptoreg,2026:{}", c.id),
            title,
            c.date,
            link,
            vec![c.what.clone(), format!("Why: {}", c.why)],
        )
    }));
    entries.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.id.cmp(&b.id)));
    let updated = entries.first().map(|e| e.updated).unwrap_or_else(|| timestamp(IsoDate::today()));
    let feed = Feed {
        id: format!("tag:cryptoreg,2026:feed{self_path}"),
        title: Text::plain(format!("cryptoreg: {title}")),
        updated,
        authors: vec![Person { name: "cryptoreg contributors".into(), ..Default::default() }],
        links: vec![
            Link { href: format!("{origin}{self_path}"), rel: "self".into(), ..Default::default() },
            Link {
                href: format!("{origin}{page}"),
                rel: "alternate".into(),
                mime_type: Some("text/html".into()),
                ..Default::default()
            },
        ],
        entries,
        ..Default::default()
    };
    Ok(([(header::CONTENT_TYPE, HeaderValue::from_static("application/atom+xml; charset=utf-8"))], feed.to_string())
        .into_response())
}

fn entry(id: String, title: String, date: IsoDate, link: String, lines: Vec<String>) -> Entry {
    Entry {
        id,
        title: Text::plain(title),
        updated: timestamp(date),
        links: vec![Link { href: link, rel: "alternate".into(), ..Default::default() }],
        content: Some(Content {
            value: Some(lines.join("\n")),
            content_type: Some("text".into()),
            ..Default::default()
        }),
        ..Default::default()
    }
}
