//! `/` and `/compare`: choose frameworks, aspect groups, orientation and date; see the sorted table.

use super::{Dir, kind_heading, query_string};
use crate::error::AppError;
use crate::render::Chrome;
use crate::respond::Ctx;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use cryptoreg_core::model::{Dataset, FrameworkKind};
use cryptoreg_core::query::compare::{CompareRequest, Comparison, compare as run_compare};
use cryptoreg_core::query::views::CellView;
use serde::{Deserialize, Serialize};

/// The frameworks of the seed table, selected on `/` when none is chosen.
pub const SEED: [&str; 7] =
    ["fsb-crypto", "fsb-stablecoins", "eu-mica", "uk-us-2025", "fatf-r15", "iosco-cda", "us-genius-act"];

/// Which headers run down the side.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Orient {
    /// Aspects as rows, frameworks as columns.
    #[default]
    Aspects,
    /// Frameworks as rows, aspects as columns.
    Frameworks,
}

/// Query parameters of `/compare`.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct CompareParams {
    /// Framework ids to compare (repeat: `f=eu-mica&f=us-genius-act`); at least two.
    #[serde(default)]
    #[param(required = false)]
    pub f: Vec<String>,
    /// Aspect ids to show (repeat or comma-separate); default all.
    #[serde(default)]
    #[param(required = false)]
    pub aspects: Vec<String>,
    /// Aspect group ids to show (repeat).
    #[serde(default)]
    #[param(required = false)]
    pub group: Vec<String>,
    /// `name`, `aspect`, an aspect id, `<aspect>.<parameter>` or a framework id.
    pub sort: Option<String>,
    /// `asc` (default) or `desc`.
    #[param(inline)]
    pub dir: Option<Dir>,
    /// Show each cell as it stood on this date (YYYY-MM-DD).
    pub as_of: Option<String>,
    /// `aspects` (aspects as rows, default) or `frameworks` (frameworks as rows).
    #[param(inline)]
    pub orient: Option<Orient>,
}

/// A framework checkbox.
#[derive(Debug, Clone)]
pub struct Choice {
    /// Value.
    pub id: String,
    /// Label.
    pub label: String,
    /// Extra words for filtering (jurisdiction names).
    pub detail: String,
    /// Checked.
    pub checked: bool,
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
    /// Cells.
    pub cells: Vec<CellView>,
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
    /// Selected framework ids.
    pub selected: Vec<String>,
    /// Selected aspect ids (empty: all of the selected groups).
    pub aspects: Vec<String>,
    /// Selected groups (empty: all).
    pub groups: Vec<String>,
    /// Orientation.
    pub orient: Orient,
    /// Why there is no table (fewer than two frameworks).
    pub message: Option<String>,
    /// The table; `null` with fewer than two frameworks.
    pub comparison: Option<Comparison>,
    #[serde(skip)]
    pub(crate) sort: String,
    #[serde(skip)]
    pub(crate) dir: Dir,
    #[serde(skip)]
    pub(crate) as_of: String,
    #[serde(skip)]
    pub(crate) selected_labels: String,
    #[serde(skip)]
    pub(crate) kinds: Vec<KindChoices>,
    #[serde(skip)]
    pub(crate) group_choices: Vec<Choice>,
    #[serde(skip)]
    pub(crate) grid: Option<Grid>,
    #[serde(skip)]
    pub(crate) orient_href: String,
    #[serde(skip)]
    pub(crate) chrome: Chrome,
}

impl ComparePage {
    /// The query string of this view with `sort`/`dir`/`orient` overridden.
    fn href(&self, sort: &str, dir: Dir, orient: Orient) -> String {
        let mut pairs: Vec<(&str, &str)> = self.selected.iter().map(|f| ("f", f.as_str())).collect();
        pairs.extend(self.groups.iter().map(|g| ("group", g.as_str())));
        pairs.extend(self.aspects.iter().map(|a| ("aspects", a.as_str())));
        if sort != "name" {
            pairs.push(("sort", sort));
        }
        if dir == Dir::Desc {
            pairs.push(("dir", "desc"));
        }
        pairs.push(("as_of", &self.as_of));
        if orient == Orient::Frameworks {
            pairs.push(("orient", "frameworks"));
        }
        format!("/compare?{}", query_string(pairs))
    }

    fn header(&self, key: &str, label: String, page_href: Option<String>) -> Header {
        let (sort_href, aria_sort) = self.sort_link(key);
        Header { label, sort_href, aria_sort, page_href, extra: Vec::new(), badge: None }
    }

    /// Link that sorts by `key` (toggling direction if it is already the key) and the current aria-sort.
    fn sort_link(&self, key: &str) -> (String, Option<&'static str>) {
        let current = self.sort == key;
        let next = if current && self.dir == Dir::Asc { Dir::Desc } else { Dir::Asc };
        let aria = current.then_some(if self.dir == Dir::Asc { "ascending" } else { "descending" });
        (self.href(key, next, self.orient), aria)
    }

    fn build_grid(&self, data: &Dataset, c: &Comparison) -> Grid {
        let framework_header = |f: &cryptoreg_core::query::views::FrameworkHeader| {
            let mut h = self.header(f.id.as_str(), f.short.clone(), Some(format!("/frameworks/{}", f.id)));
            h.badge = f.not_yet_adopted.then(|| "not yet adopted".to_owned());
            h
        };
        let aspect_header = |r: &cryptoreg_core::query::compare::Row| {
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
        match self.orient {
            Orient::Aspects => Grid {
                corner: self.header("aspect", "Aspect".into(), None),
                columns: c.frameworks.iter().map(framework_header).collect(),
                rows: c.rows.iter().map(|r| GridRow { header: aspect_header(r), cells: r.cells.clone() }).collect(),
            },
            Orient::Frameworks => Grid {
                corner: self.header("name", "Framework".into(), None),
                columns: c.rows.iter().map(aspect_header).collect(),
                rows: c
                    .frameworks
                    .iter()
                    .enumerate()
                    .map(|(i, f)| GridRow {
                        header: framework_header(f),
                        cells: c.rows.iter().map(|r| r.cells[i].clone()).collect(),
                    })
                    .collect(),
            },
        }
    }
}

/// Builds the page for `params`; `default_seed` selects the seed frameworks when none is given (on `/`).
pub fn build(
    data: &Dataset,
    params: CompareParams,
    default_seed: bool,
    chrome: Chrome,
) -> Result<ComparePage, cryptoreg_core::query::QueryError> {
    let split = |v: Vec<String>| -> Vec<String> {
        v.iter().flat_map(|s| s.split(',')).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
    };
    let mut selected = split(params.f);
    selected.dedup();
    if selected.is_empty() && default_seed {
        selected = SEED
            .iter()
            .filter(|id| data.frameworks.keys().any(|k| k.as_str() == **id))
            .map(|s| (*s).to_owned())
            .collect();
    }
    let aspects = split(params.aspects);
    let groups = split(params.group);
    let sort = params.sort.filter(|s| !s.trim().is_empty()).unwrap_or_else(|| "name".into());
    let dir = params.dir.unwrap_or_default();
    let as_of = params.as_of.unwrap_or_default().trim().to_owned();
    let request = CompareRequest {
        frameworks: selected.clone(),
        aspects: aspects.clone(),
        groups: groups.clone(),
        sort: Some(sort.clone()),
        desc: dir == Dir::Desc,
        as_of: Some(as_of.clone()),
    };
    let (comparison, message) = match run_compare(data, &request) {
        Ok(c) => (Some(c), None),
        Err(cryptoreg_core::query::QueryError::TooFewFrameworks { given }) => {
            let msg = if given == 0 {
                "Select at least two frameworks to compare them side by side.".to_owned()
            } else {
                "One framework is selected: select at least one more to compare.".to_owned()
            };
            (None, Some(msg))
        }
        Err(e) => return Err(e),
    };
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
                    detail: f.jurisdictions.iter().map(|j| j.name()).collect::<Vec<_>>().join(" "),
                    checked: selected.iter().any(|s| s == f.id.as_str()),
                })
                .collect(),
        })
        .filter(|k| !k.choices.is_empty())
        .map(|mut k| {
            k.choices.sort_by_key(|c| c.label.to_lowercase());
            k
        })
        .collect();
    let selected_labels = selected
        .iter()
        .filter_map(|id| data.frameworks.values().find(|f| f.id.as_str() == id).map(|f| f.short.clone()))
        .collect::<Vec<_>>()
        .join(", ");
    let group_choices = data
        .groups
        .iter()
        .map(|g| Choice {
            id: g.id.to_string(),
            label: g.name.clone(),
            detail: String::new(),
            checked: groups.iter().any(|x| x == g.id.as_str()),
        })
        .collect();
    let orient = params.orient.unwrap_or_default();
    let mut page = ComparePage {
        selected,
        aspects,
        groups,
        orient,
        message,
        comparison: None,
        sort,
        dir,
        as_of,
        selected_labels,
        kinds,
        group_choices,
        grid: None,
        orient_href: String::new(),
        chrome,
    };
    page.orient_href =
        page.href(&page.sort, page.dir, if orient == Orient::Aspects { Orient::Frameworks } else { Orient::Aspects });
    if let Some(c) = comparison {
        page.grid = Some(page.build_grid(data, &c));
        page.comparison = Some(c);
    }
    Ok(page)
}

/// `GET /compare` and `/compare.json`.
#[utoipa::path(get, path = "/compare.json", params(CompareParams), tag = "compare",
    responses(
        (status = 200, description = "The comparison (or a message when fewer than two frameworks are selected)", content_type = "application/json"),
        (status = 400, description = "Malformed parameter", content_type = "application/json"),
        (status = 404, description = "Unknown framework, aspect or group, with the closest ids", content_type = "application/json"),
    ))]
pub async fn compare(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    answer(&state, &ctx, false)
}

/// Both routes: parse, build, render; `default_seed` chooses the seed frameworks when none is given.
fn answer(state: &AppState, ctx: &Ctx, default_seed: bool) -> Result<Response, AppError> {
    let params: CompareParams = ctx.query()?;
    let page =
        build(&state.data, params, default_seed, ctx.chrome.clone()).map_err(|e| ctx.error(AppError::from_query(e)))?;
    Ok(ctx.render(&page))
}

/// `GET /`: the comparison with the seed frameworks selected by default.
#[utoipa::path(get, path = "/index.json", params(CompareParams), tag = "compare",
    responses(
        (status = 200, description = "The comparison of the seed frameworks unless others are chosen", content_type = "application/json"),
        (status = 400, description = "Malformed parameter", content_type = "application/json"),
        (status = 404, description = "Unknown id", content_type = "application/json"),
    ))]
pub async fn home(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    answer(&state, &ctx, true)
}
