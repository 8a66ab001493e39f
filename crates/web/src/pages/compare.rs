//! `/` and `/compare`: choose frameworks, jurisdictions, aspect groups, orientation and date; see the sorted
//! table. The query is parsed by `core` into a typed `CompareQuery`; this module lays it out.

use super::{kind_heading, query_string};
use crate::error::AppError;
use crate::render::Chrome;
use crate::respond::Ctx;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use cryptoreg_core::model::{Dataset, FrameworkKind};
use cryptoreg_core::query::compare::{
    Cell, CellDiff, Column, CompareInput, CompareQuery, Comparison, Orientation, Row, compare as run_compare,
};
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
        }
    }
}

/// A choice of the picker (a framework, jurisdiction or group).
#[derive(Debug, Clone)]
pub struct Choice {
    /// Value.
    pub id: String,
    /// Label.
    pub label: String,
    /// Extra words for filtering (jurisdiction names).
    pub detail: String,
}

/// The picker's lists: the same for every request, so built once per dataset (the state keeps it).
#[derive(Debug)]
pub struct Picker {
    /// Framework checkboxes by kind.
    pub kinds: Vec<KindChoices>,
    /// Jurisdictions, by name.
    pub jurisdictions: Vec<Choice>,
    /// Aspect groups, in data order.
    pub groups: Vec<Choice>,
}

impl Picker {
    /// The lists of `data`.
    pub fn build(data: &Dataset) -> Self {
        let kinds = FrameworkKind::ALL
            .iter()
            .map(|kind| KindChoices {
                heading: kind_heading(*kind),
                choices: data
                    .frameworks
                    .values()
                    .filter(|f| f.kind == *kind)
                    .map(|f| Choice {
                        id: f.id.to_string(),
                        label: f.short.clone(),
                        detail: f.jurisdictions.iter().map(|j| data.jurisdiction_name(j)).collect::<Vec<_>>().join(" "),
                    })
                    .collect(),
            })
            .filter(|k| !k.choices.is_empty())
            .map(|mut k| {
                k.choices.sort_by_cached_key(|c| c.label.to_lowercase());
                k
            })
            .collect();
        let mut jurisdictions: Vec<Choice> = data
            .jurisdictions
            .values()
            .filter(|j| j.code.as_str() != "INT")
            .map(|j| Choice { id: j.code.to_string(), label: j.name.clone(), detail: j.synonyms.join(" ") })
            .collect();
        jurisdictions.sort_by_cached_key(|c| c.label.to_lowercase());
        let groups = data
            .groups
            .iter()
            .map(|g| Choice { id: g.id.to_string(), label: g.name.clone(), detail: String::new() })
            .collect();
        Picker { kinds, jurisdictions, groups }
    }
}

/// Framework checkboxes of one kind.
#[derive(Debug, Clone)]
pub struct KindChoices {
    /// Heading.
    pub heading: &'static str,
    /// Boxes.
    pub choices: Vec<Choice>,
}

/// A sortable header cell.
#[derive(Debug, Clone)]
pub struct Header {
    /// Visible label.
    pub label: String,
    /// Link that sorts by this header.
    pub sort_href: String,
    /// `ascending` / `descending` when this header is the sort key.
    pub aria_sort: Option<&'static str>,
    /// Link to the framework's or aspect's page.
    pub page_href: Option<String>,
    /// Extra sort links (parameters): label, href, current direction.
    pub extra: Vec<(String, String, Option<&'static str>)>,
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
pub struct ComparePage {
    /// The query as parsed: selected frameworks and jurisdictions, aspects, groups, sort, direction, date,
    /// orientation (duplicates removed, codes canonical).
    pub query: CompareQuery,
    /// Why there is no table (fewer than two columns).
    pub message: Option<String>,
    /// The table; `null` with fewer than two columns.
    pub comparison: Option<Comparison>,
    #[serde(skip)]
    pub(crate) selected_labels: String,
    #[serde(skip)]
    pub(crate) picker: std::sync::Arc<Picker>,
    #[serde(skip)]
    pub(crate) grid: Option<Grid>,
    #[serde(skip)]
    pub(crate) orient_href: String,
    #[serde(skip)]
    pub(crate) chrome: Chrome,
}

impl ComparePage {
    /// The query string of this view with `sort`/`dir`/`orient` overridden.
    fn href(&self, sort: &str, dir: Direction, orient: Orientation) -> String {
        let q = &self.query;
        let mut pairs: Vec<(&str, String)> = Vec::new();
        let mut lists = Vec::new();
        // Ids and codes are validated kebab-case or uppercase codes: nothing in them needs escaping, so each list
        // goes comma-separated in one parameter (the parser splits it), which keeps the many sort links short.
        let frameworks: Vec<&str> = q.frameworks.iter().map(|f| f.as_str()).collect();
        let jurisdictions: Vec<&str> = q.jurisdictions.iter().map(|j| j.as_str()).collect();
        for (key, ids) in [("f", frameworks), ("j", jurisdictions)] {
            if !ids.is_empty() {
                lists.push(format!("{key}={}", ids.join(",")));
            }
        }
        pairs.extend(q.groups.iter().map(|g| ("group", g.to_string())));
        pairs.extend(q.aspects.iter().map(|a| ("aspects", a.to_string())));
        if sort != "name" {
            pairs.push(("sort", sort.to_owned()));
        }
        if dir == Direction::Desc {
            pairs.push(("dir", "desc".into()));
        }
        if let Some(d) = q.as_of {
            pairs.push(("as_of", d.to_string()));
        }
        if orient == Orientation::Frameworks {
            pairs.push(("orient", "frameworks".into()));
        }
        if let Some(d) = q.diff {
            pairs.push(("diff", d.to_string()));
        }
        let rest = query_string(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        lists.extend(Some(rest).filter(|r| !r.is_empty()));
        // Relative to the page (`/compare`): the table's many sort links stay short.
        format!("?{}", lists.join("&"))
    }

    fn header(&self, key: &str, label: String, page_href: Option<String>) -> Header {
        let (sort_href, aria_sort) = self.sort_link(key);
        Header { label, sort_href, aria_sort, page_href, extra: Vec::new(), badge: None }
    }

    /// Link that sorts by `key` (toggling direction if it is already the key) and the current aria-sort.
    fn sort_link(&self, key: &str) -> (String, Option<&'static str>) {
        let current = self.query.sort.text() == key;
        let dir = self.query.dir;
        let next = if current { dir.reversed() } else { Direction::Asc };
        let aria = current.then_some(if dir == Direction::Asc { "ascending" } else { "descending" });
        (self.href(key, next, self.query.orient), aria)
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
    pub fn cell_at(&self, at: &(usize, usize)) -> Option<&Cell> {
        self.comparison.as_ref()?.rows.get(at.0)?.cells.get(at.1)
    }

    /// How the cell at a grid position changed since the diff date, if it did.
    pub fn change_at(&self, at: &(usize, usize)) -> Option<&CellDiff> {
        let c = self.comparison.as_ref()?;
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
    pub fn sort_text(&self) -> String {
        self.query.sort.text()
    }

    /// Whether the sort is descending.
    pub fn descending(&self) -> bool {
        self.query.dir == Direction::Desc
    }

    fn build_grid(&self, data: &Dataset, c: &Comparison) -> Grid {
        let column_header = |col: &Column| {
            let mut h = self.header(&col.sort_key(), col.short().to_owned(), Some(col.href()));
            h.badge = col.badge().map(str::to_owned);
            h
        };
        let aspect_header = |r: &Row| {
            let mut h =
                self.header(r.aspect.id.as_str(), r.aspect.name.clone(), Some(format!("/aspects/{}", r.aspect.id)));
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
                corner: self.header("aspect", "Aspect".into(), None),
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
                corner: self.header("name", "Framework or jurisdiction".into(), None),
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

/// Builds the page for `params`; `home` selects the data's home preset when nothing is chosen (on `/`).
pub fn build(
    data: &Dataset,
    picker: std::sync::Arc<Picker>,
    params: CompareParams,
    home: bool,
    chrome: Chrome,
) -> Result<ComparePage, QueryError> {
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
    let mut labels: Vec<String> =
        query.frameworks.iter().filter_map(|id| data.framework(id).map(|f| f.short.clone())).collect();
    labels.extend(query.jurisdictions.iter().map(|j| data.jurisdiction_name(j).to_owned()));
    let mut page = ComparePage {
        query,
        message,
        comparison: None,
        selected_labels: labels.join(", "),
        picker,
        grid: None,
        orient_href: String::new(),
        chrome,
    };
    page.orient_href = page.href(&page.query.sort.text(), page.query.dir, page.query.orient.flipped());
    if let Some(c) = comparison {
        page.grid = Some(page.build_grid(data, &c));
        page.comparison = Some(c);
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
    let page =
        build(&state.data, state.picker.clone(), params, home, ctx.chrome.clone()).map_err(|e| ctx.query_error(e))?;
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
