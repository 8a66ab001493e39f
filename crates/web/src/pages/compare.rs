//! `/` and `/compare`: choose frameworks, jurisdictions, aspect groups, orientation and date; see the sorted
//! table. The query is parsed by `core` into a typed `CompareQuery`; this module lays it out.

use super::query_string;
use crate::error::AppError;
use crate::picker::{Picker, WaysIn};
use crate::render::{Chrome, Want};
use crate::respond::Ctx;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use cryptoreg_core::model::Dataset;
use cryptoreg_core::query::compare::{
    Cell, CellDiff, Column, CompareInput, CompareQuery, Comparison, Orientation, Row, SortKey, TableView,
    compare as run_compare,
};
use cryptoreg_core::query::jurisdiction::MergedCell;
use cryptoreg_core::query::views::{CellView, KeepsRenderings, Kept};
use cryptoreg_core::query::{Direction, QueryError};
use serde::{Deserialize, Serialize};

/// Query parameters of `/compare`, as sent; `core` parses them.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct CompareParams {
    /// Framework ids to compare (repeat: `f=eu-mica&f=us-genius-act`, or comma-separate).
    #[serde(default)]
    #[param(required = false)]
    pub f: Vec<String>,
    /// Jurisdictions to compare, by code, name or synonym, case-insensitive (repeat: `j=EU&j=US`); each column
    /// merges the frameworks that apply there. Mixable with `f`; two columns at least in all.
    #[serde(default)]
    #[param(required = false)]
    pub j: Vec<String>,
    /// Aspect ids to show (repeat or comma-separate); default all.
    #[serde(default)]
    #[param(required = false)]
    pub aspects: Vec<String>,
    /// Aspect group ids to show (repeat).
    #[serde(default)]
    #[param(required = false)]
    pub group: Vec<String>,
    /// `name`, `aspect`, an aspect id, `<aspect>.<parameter>`, a framework id or a jurisdiction code.
    pub sort: Option<String>,
    /// `asc` (default) or `desc`.
    pub dir: Option<String>,
    /// Show each cell as it stood on this date (YYYY-MM-DD).
    pub as_of: Option<String>,
    /// `aspects` (aspects as rows, default) or `frameworks` (frameworks and jurisdictions as rows).
    pub orient: Option<String>,
    /// Mark the cells that differ between this date (YYYY-MM-DD) and the as-of date (or today).
    pub diff: Option<String>,
    /// `grid` (level as colour and a short label; the prose opens on demand) or `prose`; default: grid for more
    /// than four columns.
    pub view: Option<String>,
    /// `medium` or `high`: withhold the cells whose confidence is lower.
    pub min_confidence: Option<String>,
}

impl CompareParams {
    /// The raw input of `core`'s parser.
    fn input(self, home_preset_when_empty: bool) -> CompareInput {
        CompareInput {
            frameworks: self.f,
            jurisdictions: self.j,
            aspects: self.aspects,
            groups: self.group,
            sort: self.sort,
            dir: self.dir,
            as_of: self.as_of,
            orient: self.orient,
            diff: self.diff,
            home_preset_when_empty,
            view: self.view,
            min_confidence: self.min_confidence,
        }
    }
}

/// A framework cell's content in the table, as levels (`levels`) or as prose: the same for every page that shows this
/// state of the cell, so a shared view keeps it once rendered ([`ComparePage::cell_html`]).
#[derive(Template)]
#[template(
    ext = "html",
    source = r#"{% import "macros.html" as m %}{% if levels %}{% call m::gridcell(c) %}{% else %}{% call m::compact(c) %}{% endif %}"#
)]
struct CellHtml<'a> {
    c: &'a CellView,
    levels: bool,
}

impl CellHtml<'_> {
    fn html(&self) -> String {
        // Rendering into a String fails only if a value's Display does, which the views' never do.
        self.render().unwrap_or_default()
    }
}

/// A jurisdiction's merged cell in the table, as levels (`levels`) or as prose: the same for every page that shows
/// this merged cell, so the merged cell keeps it once rendered ([`ComparePage::merged_html`]).
#[derive(Template)]
#[template(
    ext = "html",
    source = r#"{% import "macros.html" as m %}{% if levels %}{% call m::gridmerged(j) %}{% else %}{% call m::merged(j) %}{% endif %}"#
)]
struct MergedHtml<'a> {
    j: &'a MergedCell,
    levels: bool,
}

impl MergedHtml<'_> {
    fn html(&self) -> String {
        // As for CellHtml: the views' Display never fails.
        self.render().unwrap_or_default()
    }
}

/// A selected framework or jurisdiction, as a removable chip.
#[derive(Debug, Clone)]
pub struct Chip {
    /// Short name.
    pub label: String,
    /// The same comparison without it.
    pub remove_href: String,
}

/// Text already escaped for HTML, written into the page as it is: a table repeats its sort links and column labels
/// many times, so they are escaped once when built rather than byte by byte at every use.
#[derive(Debug, Clone, Default)]
pub struct Escaped(String);

impl Escaped {
    /// `text`, escaped as the templates escape it.
    fn text(text: &str) -> Self {
        if !needs_escaping(text) {
            // Nothing the templates escape: most labels and every id.
            return Escaped(text.to_owned());
        }
        Escaped(askama::filters::escape(text, askama::filters::Html).map(|e| e.to_string()).unwrap_or_default())
    }

    /// `text`, escaped as the templates escape it; kept as it is (not copied) when nothing needs escaping.
    fn owned(text: String) -> Self {
        if needs_escaping(&text) { Escaped::text(&text) } else { Escaped(text) }
    }
}

/// Whether `text` has a character the templates escape.
fn needs_escaping(text: &str) -> bool {
    text.bytes().any(|b| matches!(b, b'<' | b'>' | b'&' | b'"' | b'\''))
}

impl std::fmt::Display for Escaped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl askama::FastWritable for Escaped {
    fn write_into<W: std::fmt::Write + ?Sized>(&self, dest: &mut W, _: &dyn askama::Values) -> askama::Result<()> {
        Ok(dest.write_str(&self.0)?)
    }
}

/// A cell's HTML fragment, kept or made for the page, written into it as it is: askama writes a `Cow<str>` through
/// `Display` and the formatter, a hundred times per table.
pub struct Fragment<'a>(std::borrow::Cow<'a, str>);

impl std::fmt::Display for Fragment<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl askama::FastWritable for Fragment<'_> {
    fn write_into<W: std::fmt::Write + ?Sized>(&self, dest: &mut W, _: &dyn askama::Values) -> askama::Result<()> {
        Ok(dest.write_str(&self.0)?)
    }
}

/// What a sort link sorts by: a key and the direction the link asks for.
#[derive(Debug, Clone)]
pub struct SortTarget {
    /// The sort key, as written in a link.
    pub key: String,
    /// The direction the link asks for.
    pub dir: Direction,
}

/// A sort link written straight into the page from the parts of [`Links`] escaped once: a table has dozens of
/// them, each repeating the selection, so none is built as a string of its own.
pub struct SortHref<'a> {
    links: &'a Links,
    target: &'a SortTarget,
}

impl SortHref<'_> {
    fn write(&self, out: &mut (impl std::fmt::Write + ?Sized)) -> std::fmt::Result {
        let key = self.target.key.as_str();
        // A key of letters, digits, `-`, `.` and `_` (every id is) needs neither URL encoding nor HTML escaping.
        let plain = key.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_'));
        let encoded = (!plain).then(|| Escaped::text(&query_string([("sort", key)])).0);
        let sort: &[&str] = match &encoded {
            _ if key == "chosen" => &[],
            Some(encoded) => &[encoded.as_str()],
            None => &["sort=", key],
        };
        let dir: &[&str] = if self.target.dir == Direction::Desc { &["dir=desc"] } else { &[] };
        out.write_str("/compare")?;
        let mut first = true;
        for part in [&[self.links.before_sort_html.0.as_str()][..], sort, dir, &[self.links.after_sort_html.0.as_str()]]
        {
            if part.iter().all(|p| p.is_empty()) {
                continue;
            }
            out.write_str(if std::mem::take(&mut first) { "?" } else { "&#38;" })?;
            part.iter().try_for_each(|p| out.write_str(p))?;
        }
        Ok(())
    }
}

impl std::fmt::Display for SortHref<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.write(f)
    }
}

impl askama::FastWritable for SortHref<'_> {
    fn write_into<W: std::fmt::Write + ?Sized>(&self, dest: &mut W, _: &dyn askama::Values) -> askama::Result<()> {
        Ok(self.write(dest)?)
    }
}

/// A sortable header cell.
#[derive(Debug, Clone)]
pub struct Header {
    /// The visible label, escaped once: it is written in the header and in the `data-col` of every cell in its
    /// column.
    pub label_html: Escaped,
    /// What its sort link sorts by (written by [`ComparePage::sort_href`]).
    pub sort: SortTarget,
    /// `ascending` / `descending` when this header is the sort key.
    pub aria_sort: Option<&'static str>,
    /// Link to the framework's or aspect's page.
    pub page_href: Option<Escaped>,
    /// Extra sort links (parameters): label, what it sorts by, current direction.
    pub extra: Vec<(String, SortTarget, Option<&'static str>)>,
    /// A marker, e.g. "not yet adopted".
    pub badge: Option<String>,
}

/// A rendered row.
#[derive(Debug, Clone)]
pub struct GridRow {
    /// Row header.
    pub header: Header,
    /// Its cells, as (row, column) positions in the comparison: the grid lays cells out, it does not copy them.
    pub cells: Vec<(usize, usize)>,
}

/// The table as laid out for the chosen orientation.
#[derive(Debug, Clone)]
pub struct Grid {
    /// Top-left header.
    pub corner: Header,
    /// Column headers.
    pub columns: Vec<Header>,
    /// Rows.
    pub rows: Vec<GridRow>,
}

/// The comparison page and its JSON twin.
#[derive(Debug, Serialize, Template, schemars::JsonSchema)]
#[template(path = "compare.html")]
pub struct ComparePage<'d> {
    /// The query as parsed: selected frameworks and jurisdictions, aspects, groups, sort, direction, date,
    /// orientation (duplicates removed, codes canonical).
    pub query: CompareQuery,
    /// Why there is no table (fewer than two columns).
    pub message: Option<String>,
    /// The table; `null` with fewer than two columns.
    pub comparison: Option<Comparison<'d>>,
    #[serde(skip)]
    pub(crate) chips: Vec<Chip>,
    #[serde(skip)]
    pub(crate) home: bool,
    #[serde(skip)]
    pub(crate) sort_caption: String,
    #[serde(skip)]
    pub(crate) picker: std::sync::Arc<Picker>,
    #[serde(skip)]
    pub(crate) grid: Option<Grid>,
    #[serde(skip)]
    pub(crate) orient_href: String,
    #[serde(skip)]
    pub(crate) chrome: Chrome,
    /// The parts of this page's sort links that no sort changes.
    #[serde(skip)]
    pub(crate) links: Links,
}

impl<'d> ComparePage<'d> {
    /// The query string of this view with `sort`/`dir`/`orient` overridden.
    fn href(&self, sort: &str, dir: Direction, orient: Orientation) -> String {
        link(&self.query, sort, dir, orient, None)
    }

    fn header(&self, key: &str, label: &str, page_href: Option<String>) -> Header {
        let (sort, aria_sort) = self.sort_link(key);
        let page_href = page_href.map(Escaped::owned);
        Header { label_html: Escaped::text(label), sort, aria_sort, page_href, extra: Vec::new(), badge: None }
    }

    /// Link that sorts by `key` (toggling direction if it is already the key) and the current aria-sort.
    fn sort_link(&self, key: &str) -> (SortTarget, Option<&'static str>) {
        let current = self.links.current == key;
        let dir = self.query.dir;
        let next = if current { dir.reversed() } else { Direction::Asc };
        let aria = current.then_some(if dir == Direction::Asc { "ascending" } else { "descending" });
        (SortTarget { key: key.to_owned(), dir: next }, aria)
    }

    /// The link that sorts by `target`, escaped for HTML.
    pub fn sort_href<'a>(&'a self, target: &'a SortTarget) -> SortHref<'a> {
        SortHref { links: &self.links, target }
    }

    /// A framework cell's content in this page's form, rendered once for each shared view that has content.
    pub fn cell_html<'c>(&self, cell: &'c CellView) -> Fragment<'c> {
        let levels = self.grid_view();
        let render = || CellHtml { c: cell, levels }.html();
        if !cell.has_content() {
            // A cell without content shows only why it is empty, which its state says: one fragment per state and
            // form, rendered once.
            static EMPTY: [[std::sync::OnceLock<String>; 2]; 6] =
                [const { [const { std::sync::OnceLock::new() }; 2] }; 6];
            return Fragment(match EMPTY.get(cell.state as usize) {
                Some(forms) => forms[usize::from(levels)].get_or_init(render).as_str().into(),
                None => render().into(),
            });
        }
        Fragment(
            cell.kept(Kept::Fragment(u8::from(levels)), render)
                .map_or_else(|| render().into(), |kept| kept.as_str().into()),
        )
    }

    /// A jurisdiction's merged cell in this page's form, rendered once for each kept merged cell.
    pub fn merged_html<'c>(&self, merged: &'c MergedCell) -> Fragment<'c> {
        let levels = self.grid_view();
        let render = || MergedHtml { j: merged, levels }.html();
        Fragment(
            merged
                .kept(Kept::Fragment(u8::from(levels)), render)
                .map_or_else(|| render().into(), |kept| kept.as_str().into()),
        )
    }

    /// Whether cells show as a grid of levels (prose on demand) rather than prose.
    pub fn grid_view(&self) -> bool {
        self.query.effective_view() == TableView::Grid
    }

    /// The view the toggle switches to, as a link.
    pub fn other_view_href(&self) -> String {
        let mut other = self.query.clone();
        other.view = Some(if self.grid_view() { TableView::Prose } else { TableView::Grid });
        link(&other, &self.query.sort.text(), self.query.dir, self.query.orient, None)
    }

    /// The ways in, on the home page only.
    pub fn ways_in(&self) -> Option<&WaysIn> {
        self.home.then_some(&self.picker.ways_in)
    }

    /// Whether the view asked for is `name` (`grid` or `prose`).
    pub fn view_is(&self, name: &str) -> bool {
        self.query.view.is_some_and(|v| v.as_str() == name)
    }

    /// Whether the minimum confidence asked for is `name`.
    pub fn confidence_is(&self, name: &str) -> bool {
        self.query.min_confidence.is_some_and(|c| c.as_str() == name)
    }

    /// The date the table shows, as `YYYY-MM-DD`.
    pub fn as_of_iso(&self) -> String {
        self.query.as_of.unwrap_or_else(cryptoreg_core::ids::IsoDate::today).to_string()
    }

    /// The date the table shows, for readers: "28 Nov 2026 (today)".
    pub fn as_of_label(&self) -> String {
        match self.query.as_of {
            Some(d) => d.long(),
            None => format!("{} (today)", cryptoreg_core::ids::IsoDate::today().long()),
        }
    }

    /// What the current sort does, in words.
    fn describe_sort(&self, data: &Dataset) -> String {
        let desc = self.query.dir == Direction::Desc;
        let Some(c) = &self.comparison else { return String::new() };
        let aspect_name = |id: &str| {
            c.rows.iter().find(|r| r.aspect.id.as_str() == id).map_or_else(|| id.to_owned(), |r| r.aspect.name.clone())
        };
        match &self.query.sort {
            SortKey::Chosen => format!("Columns in the order chosen{}.", if desc { ", reversed" } else { "" }),
            SortKey::Name => format!("Columns by name, {}.", if desc { "Z to A" } else { "A to Z" }),
            SortKey::AspectName => format!("Aspects by name, {}.", if desc { "Z to A" } else { "A to Z" }),
            SortKey::Aspect(a) => format!(
                "Columns by their level on {} ({} first), then by the number of mandatory requirements; unknown last.",
                aspect_name(a.as_str()),
                if desc { "weakest" } else { "strongest" }
            ),
            SortKey::Parameter(a, p) => {
                let label = data
                    .aspect(a)
                    .and_then(|x| x.parameters.iter().find(|x| x.id == *p))
                    .map_or_else(|| p.to_string(), |x| x.label.clone());
                format!(
                    "Columns by {} ({} first; amounts compared in US dollars at the reference rates); columns without a value last.",
                    label.to_lowercase(),
                    if desc { "highest" } else { "lowest" }
                )
            }
            SortKey::Framework(_) | SortKey::Jurisdiction(_) => {
                let name = c
                    .columns
                    .iter()
                    .find(|col| col.sort_key() == self.query.sort.text())
                    .map_or_else(|| self.query.sort.text(), |col| col.short().to_owned());
                format!(
                    "Aspects by {name}'s level on each ({} first), then by its mandatory requirements.",
                    if desc { "weakest" } else { "strongest" }
                )
            }
        }
    }

    /// The label of the grid's column `i`, escaped (shown above each value in the narrow-screen card layout).
    pub fn column_label_html(&self, i: &usize) -> &str {
        self.grid.as_ref().and_then(|g| g.columns.get(*i)).map_or("", |h| h.label_html.0.as_str())
    }

    /// The as-of date as the date field wants it (empty for today).
    pub fn as_of_value(&self) -> String {
        self.query.as_of.map(|d| d.to_string()).unwrap_or_default()
    }

    /// How many columns are selected.
    pub fn selected_count(&self) -> usize {
        self.query.frameworks.len() + self.query.jurisdictions.len()
    }

    /// The cell at a grid position.
    pub fn cell_at(&self, at: &(usize, usize)) -> Option<&Cell<'d>> {
        self.comparison.as_ref()?.rows.get(at.0)?.cells.get(at.1)
    }

    /// How the cell at a grid position changed since the diff date, if it did.
    pub fn change_at(&self, at: &(usize, usize)) -> Option<&CellDiff> {
        let c = self.comparison.as_ref().filter(|c| c.diff.is_some())?;
        c.change(&c.columns.get(at.1)?.sort_key(), &c.rows.get(at.0)?.aspect.id)
    }

    /// Whether a framework is selected (its box is ticked).
    pub fn framework_checked(&self, id: &str) -> bool {
        self.query.frameworks.iter().any(|f| f.as_str() == id)
    }

    /// Whether a jurisdiction is selected.
    pub fn jurisdiction_checked(&self, code: &str) -> bool {
        self.query.jurisdictions.iter().any(|j| j.as_str() == code)
    }

    /// Whether an aspect group is selected.
    pub fn group_checked(&self, id: &str) -> bool {
        self.query.groups.iter().any(|g| g.as_str() == id)
    }

    /// Whether rows are frameworks.
    pub fn frameworks_as_rows(&self) -> bool {
        self.query.orient == Orientation::Frameworks
    }

    /// The sort key, as written.
    pub fn sort_text(&self) -> &str {
        &self.links.current
    }

    /// Whether the sort is descending.
    pub fn descending(&self) -> bool {
        self.query.dir == Direction::Desc
    }

    fn build_grid(&self, data: &Dataset, c: &Comparison) -> Grid {
        let column_header = |col: &Column| {
            let mut h = self.header(&col.sort_key(), col.short(), Some(col.href()));
            h.badge = col.badge().map(str::to_owned);
            h
        };
        let aspect_header = |r: &Row| {
            let mut h = self.header(r.aspect.id.as_str(), &r.aspect.name, Some(format!("/aspects/{}", r.aspect.id)));
            if let Some(a) = data.aspect(&r.aspect.id) {
                h.extra = a
                    .parameters
                    .iter()
                    .map(|p| {
                        let (href, aria) = self.sort_link(&format!("{}.{}", a.id, p.id));
                        (p.label.clone(), href, aria)
                    })
                    .collect();
            }
            h
        };
        match self.query.orient {
            Orientation::Aspects => Grid {
                corner: self.header("aspect", "Aspect", None),
                columns: c.columns.iter().map(column_header).collect(),
                rows: c
                    .rows
                    .iter()
                    .enumerate()
                    .map(|(ri, r)| GridRow {
                        header: aspect_header(r),
                        cells: (0..r.cells.len()).map(|ci| (ri, ci)).collect(),
                    })
                    .collect(),
            },
            Orientation::Frameworks => Grid {
                corner: self.header("name", "Framework or jurisdiction", None),
                columns: c.rows.iter().map(aspect_header).collect(),
                rows: c
                    .columns
                    .iter()
                    .enumerate()
                    .map(|(i, col)| GridRow {
                        header: column_header(col),
                        cells: (0..c.rows.len()).map(|ri| (ri, i)).collect(),
                    })
                    .collect(),
            },
        }
    }
}

/// The link to the comparison `q` with `sort`/`dir`/`orient` overridden, leaving out one selected framework id or
/// jurisdiction code (a chip's remove link) when `without` names it.
fn link(q: &CompareQuery, sort: &str, dir: Direction, orient: Orientation, without: Option<&str>) -> String {
    Links::new(q, orient, without).to(sort, dir)
}

/// The parts of a comparison's links that a sort leaves alone, encoded once: a page's many sort links (one per
/// header and parameter) differ only in the sort key and direction.
#[derive(Debug, Default)]
pub(crate) struct Links {
    /// The selection: `f` and `j` lists, groups and aspects.
    before_sort: String,
    /// Groups and aspects alone.
    selection: String,
    /// Date, orientation, diff, view and minimum confidence.
    after_sort: String,
    /// `before_sort` escaped for HTML.
    before_sort_html: Escaped,
    /// `after_sort` escaped for HTML.
    after_sort_html: Escaped,
    /// The current sort key, as written in a link.
    current: String,
}

impl Links {
    /// The links of comparison `q` in orientation `orient`, leaving out the selected id or code `without`.
    fn new(q: &CompareQuery, orient: Orientation, without: Option<&str>) -> Self {
        let groups = q.groups.iter().map(|g| ("group", g.to_string()));
        let aspects = q.aspects.iter().map(|a| ("aspects", a.to_string()));
        let selection: Vec<(&str, String)> = groups.chain(aspects).collect();
        let selection = query_string(selection.iter().map(|(k, v)| (*k, v.as_str())));
        let mut rest: Vec<(&str, String)> = Vec::new();
        if let Some(d) = q.as_of {
            rest.push(("as_of", d.to_string()));
        }
        if orient == Orientation::Frameworks {
            rest.push(("orient", "frameworks".into()));
        }
        if let Some(d) = q.diff {
            rest.push(("diff", d.to_string()));
        }
        if let Some(v) = q.view {
            rest.push(("view", v.as_str().to_owned()));
        }
        if let Some(c) = q.min_confidence {
            rest.push(("min_confidence", c.as_str().to_owned()));
        }
        Links {
            current: q.sort.text(),
            before_sort: Self::selected(q, without, &selection),
            after_sort: query_string(rest.iter().map(|(k, v)| (*k, v.as_str()))),
            selection,
            ..Links::default()
        }
    }

    /// The same links without the selected id or code `id` (a chip's remove link), sharing everything else.
    fn without(&self, q: &CompareQuery, id: &str) -> Self {
        Links {
            before_sort: Self::selected(q, Some(id), &self.selection),
            after_sort: self.after_sort.clone(),
            ..Links::default()
        }
    }

    /// The `f` and `j` lists of `q` without `without`, then `selection` (groups and aspects).
    fn selected(q: &CompareQuery, without: Option<&str>, selection: &str) -> String {
        // Ids and codes are validated kebab-case or uppercase codes: nothing in them needs escaping, so each list
        // goes comma-separated in one parameter (the parser splits it), which keeps the many sort links short.
        let frameworks: Vec<&str> = q.frameworks.iter().map(|f| f.as_str()).collect();
        let jurisdictions: Vec<&str> = q.jurisdictions.iter().map(|j| j.as_str()).collect();
        let mut parts: Vec<String> = Vec::with_capacity(3);
        for (key, mut ids) in [("f", frameworks), ("j", jurisdictions)] {
            ids.retain(|id| Some(*id) != without);
            if !ids.is_empty() {
                parts.push(format!("{key}={}", ids.join(",")));
            }
        }
        parts.extend(Some(selection.to_owned()).filter(|s| !s.is_empty()));
        parts.join("&")
    }

    /// The same, with the parts escaped for HTML once (for a page's many sort links; a single link needs none).
    fn escaped(self) -> Self {
        Links {
            before_sort_html: Escaped::text(&self.before_sort),
            after_sort_html: Escaped::text(&self.after_sort),
            ..self
        }
    }

    /// The link sorted by `sort` in direction `dir`.
    fn to(&self, sort: &str, dir: Direction) -> String {
        let sort = (sort != "chosen").then(|| query_string([("sort", sort)]));
        Self::join(
            [Some(self.before_sort.as_str()), sort.as_deref(), Self::dir(dir), Some(self.after_sort.as_str())],
            "&",
        )
    }

    /// The direction's part of a link (none for ascending).
    fn dir(dir: Direction) -> Option<&'static str> {
        (dir == Direction::Desc).then_some("dir=desc")
    }

    /// `/compare` with the non-empty `parts` as its query, joined by `separator`.
    fn join(parts: [Option<&str>; 4], separator: &str) -> String {
        let length: usize = parts.iter().flatten().map(|p| p.len() + separator.len()).sum();
        let mut href = String::with_capacity(length + 16);
        // Relative to the page (`/compare`, also from `/`): the table's many sort links stay short.
        href.push_str("/compare");
        for (i, part) in parts.into_iter().flatten().filter(|p| !p.is_empty()).enumerate() {
            href.push_str(if i == 0 { "?" } else { separator });
            href.push_str(part);
        }
        href
    }
}

/// Builds the page for `params`; `home` selects the data's home preset when nothing is chosen (on `/`). The JSON twin
/// (`want`) carries only the query, the message and the comparison, so the table's links are built only for HTML.
pub fn build<'d>(
    data: &'d Dataset,
    picker: std::sync::Arc<Picker>,
    params: CompareParams,
    home: bool,
    chrome: Chrome,
    want: Want,
) -> Result<ComparePage<'d>, QueryError> {
    let query = CompareQuery::parse(data, &params.input(home))?;
    let (comparison, message) = match run_compare(data, &query) {
        Ok(c) => (Some(c), None),
        Err(QueryError::TooFewColumns { given }) => {
            let msg = if given == 0 {
                "Select at least two frameworks or jurisdictions to compare them side by side.".to_owned()
            } else {
                "One is selected: select at least one more framework or jurisdiction to compare.".to_owned()
            };
            (None, Some(msg))
        }
        Err(e) => return Err(e),
    };
    let mut page = ComparePage {
        query,
        message,
        comparison,
        chips: Vec::new(),
        home,
        sort_caption: String::new(),
        picker,
        grid: None,
        orient_href: String::new(),
        chrome,
        links: Links::default(),
    };
    if want == Want::Json {
        return Ok(page);
    }
    page.links = Links::new(&page.query, page.query.orient, None).escaped();
    let mut labels: Vec<String> =
        page.query.frameworks.iter().filter_map(|id| data.framework(id).map(|f| f.short.clone())).collect();
    labels.extend(page.query.jurisdictions.iter().map(|j| data.jurisdiction_name(j).to_owned()));
    let (sort, dir) = (page.links.current.clone(), page.query.dir);
    page.orient_href = page.href(&sort, dir, page.query.orient.flipped());
    let ids =
        page.query.frameworks.iter().map(|f| f.as_str()).chain(page.query.jurisdictions.iter().map(|j| j.as_str()));
    page.chips = ids
        .zip(labels)
        .map(|(id, label)| Chip { label, remove_href: page.links.without(&page.query, id).to(&sort, dir) })
        .collect();
    if page.comparison.is_some() {
        page.grid = page.comparison.as_ref().map(|c| page.build_grid(data, c));
        page.sort_caption = page.describe_sort(data);
    }
    Ok(page)
}

/// `GET /compare` and `/compare.json`.
#[utoipa::path(get, path = "/compare.json", params(CompareParams),
    responses(
        (status = 200, description = "The comparison (or a message when fewer than two columns are selected)", content_type = "application/json"),
        (status = 400, description = "Malformed parameter", content_type = "application/json"),
        (status = 404, description = "Unknown framework, jurisdiction, aspect or group, with the closest ids", content_type = "application/json"),
    ))]
pub async fn compare(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    answer(&state, &ctx, false)
}

/// Both routes: parse, build, render; `home` chooses the home preset when nothing is given.
fn answer(state: &AppState, ctx: &Ctx, home: bool) -> Result<Response, AppError> {
    let params: CompareParams = ctx.query()?;
    let page = build(&state.data, state.picker.clone(), params, home, ctx.chrome.clone(), ctx.want)
        .map_err(|e| ctx.query_error(e))?;
    Ok(ctx.render(&page))
}

/// `GET /`: the comparison with the home preset selected by default.
#[utoipa::path(get, path = "/index.json", params(CompareParams),
    responses(
        (status = 200, description = "The comparison of the home preset's frameworks unless others are chosen", content_type = "application/json"),
        (status = 400, description = "Malformed parameter", content_type = "application/json"),
        (status = 404, description = "Unknown id", content_type = "application/json"),
    ))]
pub async fn home(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    answer(&state, &ctx, true)
}
