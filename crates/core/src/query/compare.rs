//! The comparison table: frameworks and jurisdictions × aspects on a date, sorted by any header. The raw input
//! of any interface (`CompareInput`, strings as typed) is parsed once here into a `CompareQuery` of typed
//! values, so the CLI and the web give the same answers and errors and echo the same values.

use super::jurisdiction::{Applicability, JurisdictionHeader, MergedCell, applicability, find_jurisdiction};
use super::views::{AspectHeader, CellView, FrameworkHeader, KeepsRenderings, Kept, Shared, comparable};
use super::{Direction, QueryError, find_aspect, find_framework, parse_date, split_list, suggestions};
use crate::ids::{AspectId, FrameworkId, GroupId, IsoDate, Jurisdiction, ParameterId};
use crate::model::{Aspect, Confidence, Dataset, Level, Strength, level_rank};
use schemars::JsonSchema;
use serde::Serialize;
use std::cmp::Ordering;

/// What the user asked for, as typed: strings, possibly repeated or comma-separated, possibly blank.
#[derive(Debug, Clone, Default)]
pub struct CompareInput {
    /// Framework ids.
    pub frameworks: Vec<String>,
    /// Jurisdiction codes, names or synonyms (case-insensitive).
    pub jurisdictions: Vec<String>,
    /// Aspect ids to show (empty: all, or those of `groups`).
    pub aspects: Vec<String>,
    /// Aspect group ids to show.
    pub groups: Vec<String>,
    /// Sort key: `name`, `aspect`, `<aspect-id>`, `<aspect-id>.<parameter-id>`, a framework id or a
    /// jurisdiction code.
    pub sort: Option<String>,
    /// `asc` or `desc`.
    pub dir: Option<String>,
    /// `YYYY-MM-DD`: show each cell as it stood on that date.
    pub as_of: Option<String>,
    /// `aspects` (aspects as rows) or `frameworks` (frameworks and jurisdictions as rows).
    pub orient: Option<String>,
    /// `YYYY-MM-DD`: mark the cells that differ between this date and the as-of date (or today).
    pub diff: Option<String>,
    /// When neither frameworks nor jurisdictions are given, select the home preset of the data's lists.
    pub home_preset_when_empty: bool,
    /// `grid` (level as colour and a short label, prose on demand) or `prose` (each cell's summary); default:
    /// grid for more than four columns.
    pub view: Option<String>,
    /// `medium` or `high`: withhold cells whose confidence is lower.
    pub min_confidence: Option<String>,
}

/// How the cells of a comparison are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TableView {
    /// Level as colour and a short label; the prose opens on demand.
    Grid,
    /// Each cell's summary, numbers and level.
    Prose,
}

impl TableView {
    /// Above this many columns the grid is the default.
    pub const PROSE_MAX_COLUMNS: usize = 4;

    /// `grid` or `prose`.
    pub fn as_str(self) -> &'static str {
        match self {
            TableView::Grid => "grid",
            TableView::Prose => "prose",
        }
    }

    fn parse(raw: Option<&str>) -> Result<Option<Self>, QueryError> {
        match raw.map(str::trim).unwrap_or("") {
            "" => Ok(None),
            "grid" => Ok(Some(TableView::Grid)),
            "prose" => Ok(Some(TableView::Prose)),
            other => Err(QueryError::InvalidChoice {
                parameter: "view".into(),
                value: other.into(),
                expected: "grid, prose".into(),
            }),
        }
    }
}

fn parse_min_confidence(raw: Option<&str>) -> Result<Option<Confidence>, QueryError> {
    match raw.map(str::trim).unwrap_or("") {
        "" | "low" => Ok(None),
        "medium" => Ok(Some(Confidence::Medium)),
        "high" => Ok(Some(Confidence::High)),
        other => Err(QueryError::InvalidChoice {
            parameter: "min_confidence".into(),
            value: other.into(),
            expected: "low, medium, high".into(),
        }),
    }
}

/// Which headers run down the side.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Orientation {
    /// Aspects as rows, frameworks and jurisdictions as columns.
    #[default]
    Aspects,
    /// Frameworks and jurisdictions as rows, aspects as columns.
    Frameworks,
}

impl Orientation {
    /// `aspects` or `frameworks`.
    pub fn as_str(self) -> &'static str {
        match self {
            Orientation::Aspects => "aspects",
            Orientation::Frameworks => "frameworks",
        }
    }

    /// The other orientation.
    pub fn flipped(self) -> Self {
        match self {
            Orientation::Aspects => Orientation::Frameworks,
            Orientation::Frameworks => Orientation::Aspects,
        }
    }

    fn parse(raw: Option<&str>) -> Result<Self, QueryError> {
        match raw.map(str::trim).unwrap_or("") {
            "" | "aspects" => Ok(Orientation::Aspects),
            "frameworks" => Ok(Orientation::Frameworks),
            other => Err(QueryError::InvalidChoice {
                parameter: "orient".into(),
                value: other.to_owned(),
                expected: "aspects, frameworks".into(),
            }),
        }
    }
}

/// A valid sort key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "by", content = "id", rename_all = "kebab-case")]
pub enum SortKey {
    /// Columns in the order they were chosen (the default).
    Chosen,
    /// Columns by short name.
    Name,
    /// Rows by aspect name.
    AspectName,
    /// Columns by their level on an aspect, then the number of mandatory requirements.
    Aspect(AspectId),
    /// Columns by a parameter's value (amounts in US dollars at the reference rates).
    Parameter(AspectId, ParameterId),
    /// Rows by a framework's level on each aspect.
    Framework(FrameworkId),
    /// Rows by a jurisdiction's merged level on each aspect.
    Jurisdiction(Jurisdiction),
}

impl SortKey {
    /// The key as written in a URL or on the command line.
    pub fn text(&self) -> String {
        match self {
            SortKey::Chosen => "chosen".into(),
            SortKey::Name => "name".into(),
            SortKey::AspectName => "aspect".into(),
            SortKey::Aspect(a) => a.to_string(),
            SortKey::Parameter(a, p) => format!("{a}.{p}"),
            SortKey::Framework(f) => f.to_string(),
            SortKey::Jurisdiction(j) => j.as_str().to_lowercase(),
        }
    }

    /// Whether the key orders the columns (frameworks, jurisdictions) or the aspect rows.
    pub fn axis(&self) -> SortAxis {
        match self {
            SortKey::AspectName | SortKey::Framework(_) | SortKey::Jurisdiction(_) => SortAxis::Aspects,
            SortKey::Chosen | SortKey::Name | SortKey::Aspect(_) | SortKey::Parameter(..) => SortAxis::Frameworks,
        }
    }

    /// Parses a sort key against the dataset.
    pub fn parse(data: &Dataset, raw: Option<&str>) -> Result<Self, QueryError> {
        let key = raw.map(str::trim).filter(|s| !s.is_empty()).unwrap_or("chosen");
        let lower = key.to_lowercase();
        if !is_sort_key_shaped(&lower) {
            return Err(QueryError::MalformedSortKey { key: key.to_owned() });
        }
        match lower.as_str() {
            "chosen" => return Ok(SortKey::Chosen),
            "name" => return Ok(SortKey::Name),
            "aspect" => return Ok(SortKey::AspectName),
            _ => {}
        }
        // Ids are lowercase: match what was typed in lower case (`Travel-Rule` is `travel-rule`).
        let key = lower.as_str();
        if let Some((aspect_id, param_id)) = key.split_once('.') {
            if let Some(a) = data.aspects.iter().find(|a| a.id.as_str() == aspect_id)
                && let Some(p) = a.parameters.iter().find(|p| p.id.as_str() == param_id)
            {
                return Ok(SortKey::Parameter(a.id.clone(), p.id.clone()));
            }
        } else if let Some(a) = data.aspects.iter().find(|a| a.id.as_str() == key) {
            return Ok(SortKey::Aspect(a.id.clone()));
        } else if let Some(f) = data.frameworks.keys().find(|f| f.as_str() == key) {
            return Ok(SortKey::Framework(f.clone()));
        } else if let Some(j) = Jurisdiction::parse_typed(key).ok().filter(|j| data.jurisdictions.contains_key(j)) {
            return Ok(SortKey::Jurisdiction(j));
        }
        let mut keys: Vec<String> = vec!["name".into(), "aspect".into()];
        for a in &data.aspects {
            keys.push(a.id.to_string());
            keys.extend(a.parameters.iter().map(|p| format!("{}.{}", a.id, p.id)));
        }
        keys.extend(data.frameworks.keys().map(|k| k.to_string()));
        Err(QueryError::UnknownSortKey {
            key: key.to_owned(),
            suggestions: suggestions(key, keys.iter().map(String::as_str)),
        })
    }
}

/// Whether `key` has the shape of a sort key: an id, or `id.parameter`, both kebab-case (case-insensitive).
pub fn is_sort_key_shaped(key: &str) -> bool {
    let key = key.to_lowercase();
    match key.split_once('.') {
        Some((a, p)) => crate::ids::is_kebab(a) && crate::ids::is_kebab(p),
        None => crate::ids::is_kebab(&key),
    }
}

/// One column of a comparison: a framework or a jurisdiction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "kind", content = "id", rename_all = "kebab-case")]
pub enum ColumnId {
    /// A framework's cells.
    Framework(FrameworkId),
    /// A jurisdiction's merged cells.
    Jurisdiction(Jurisdiction),
}

/// A comparison asked for, as typed values: every id exists, duplicates are gone, the date is a date.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CompareQuery {
    /// Frameworks selected, in the order given, without duplicates.
    pub frameworks: Vec<FrameworkId>,
    /// Jurisdictions selected, in the order given, without duplicates.
    pub jurisdictions: Vec<Jurisdiction>,
    /// Aspects asked for (empty: all, or those of `groups`).
    pub aspects: Vec<AspectId>,
    /// Groups asked for (empty: all).
    pub groups: Vec<GroupId>,
    /// The sort key.
    pub sort: SortKey,
    /// The direction.
    pub dir: Direction,
    /// The date asked for; `null` means today's state.
    pub as_of: Option<IsoDate>,
    /// The orientation.
    pub orient: Orientation,
    /// The date to compare against, if a diff is asked for.
    pub diff: Option<IsoDate>,
    /// The view asked for; `null` means the default (grid above four columns).
    pub view: Option<TableView>,
    /// Cells below this confidence are withheld; `null` shows all.
    pub min_confidence: Option<Confidence>,
}

impl CompareQuery {
    /// Parses and validates raw input: unknown ids are "not found" with suggestions, malformed values "bad request".
    pub fn parse(data: &Dataset, input: &CompareInput) -> Result<Self, QueryError> {
        let mut frameworks: Vec<FrameworkId> = Vec::new();
        for id in split_list(&input.frameworks) {
            let f = find_framework(data, id)?;
            if !frameworks.contains(&f.id) {
                frameworks.push(f.id.clone());
            }
        }
        let mut jurisdictions: Vec<Jurisdiction> = Vec::new();
        for raw in split_list(&input.jurisdictions) {
            let j = find_jurisdiction(data, raw)?;
            if !jurisdictions.contains(&j.code) {
                jurisdictions.push(j.code.clone());
            }
        }
        if frameworks.is_empty() && jurisdictions.is_empty() && input.home_preset_when_empty {
            frameworks =
                data.lists.home_frameworks().iter().filter(|id| data.framework(id).is_some()).cloned().collect();
        }
        let mut aspects = Vec::new();
        for id in split_list(&input.aspects) {
            let a = find_aspect(data, id)?.id.clone();
            if !aspects.contains(&a) {
                aspects.push(a);
            }
        }
        let mut groups = Vec::new();
        for g in split_list(&input.groups) {
            let group = data.groups.iter().find(|x| x.id.as_str() == g).ok_or_else(|| QueryError::UnknownGroup {
                id: g.to_owned(),
                suggestions: suggestions(g, data.groups.iter().map(|x| x.id.as_str())),
            })?;
            if !groups.contains(&group.id) {
                groups.push(group.id.clone());
            }
        }
        Ok(CompareQuery {
            frameworks,
            jurisdictions,
            aspects,
            groups,
            as_of: parse_date(input.as_of.as_deref())?,
            sort: SortKey::parse(data, input.sort.as_deref())?,
            dir: Direction::parse(input.dir.as_deref())?,
            orient: Orientation::parse(input.orient.as_deref())?,
            diff: parse_date(input.diff.as_deref())?,
            view: TableView::parse(input.view.as_deref())?,
            min_confidence: parse_min_confidence(input.min_confidence.as_deref())?,
        })
    }

    /// The view in effect: the one asked for, else the grid for more than four columns.
    pub fn effective_view(&self) -> TableView {
        self.view.unwrap_or(if self.frameworks.len() + self.jurisdictions.len() > TableView::PROSE_MAX_COLUMNS {
            TableView::Grid
        } else {
            TableView::Prose
        })
    }

    /// The columns in display order before sorting: frameworks, then jurisdictions.
    pub fn columns(&self) -> Vec<ColumnId> {
        let frameworks = self.frameworks.iter().cloned().map(ColumnId::Framework);
        frameworks.chain(self.jurisdictions.iter().cloned().map(ColumnId::Jurisdiction)).collect()
    }

    /// The aspects chosen by ids and groups (all when both are empty), in dataset order.
    pub fn selected_aspects<'d>(&self, data: &'d Dataset) -> Vec<&'d Aspect> {
        data.aspects
            .iter()
            .filter(|a| {
                (self.aspects.is_empty() && self.groups.is_empty())
                    || self.aspects.contains(&a.id)
                    || self.groups.contains(&a.group)
            })
            .collect()
    }
}

/// The sort applied to a comparison.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SortSpec {
    /// The key as written (`name` by default).
    pub key: String,
    /// Descending.
    pub desc: bool,
    /// Whether the key orders the columns or the aspects.
    pub axis: SortAxis,
}

/// Which header list a sort key orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SortAxis {
    /// The framework and jurisdiction columns are reordered.
    Frameworks,
    /// The aspect rows are reordered.
    Aspects,
}

/// A column header: a framework or a jurisdiction (the tag is `column`: a framework header has a `kind` of its own).
#[derive(Debug, Clone, JsonSchema)]
#[serde(tag = "column", rename_all = "kebab-case")]
pub enum Column<'d> {
    /// A framework.
    Framework(#[schemars(with = "FrameworkHeader")] Shared<'d, FrameworkHeader>),
    /// A jurisdiction, whose cells merge the frameworks that apply there.
    Jurisdiction(JurisdictionHeader),
}

/// How a [`Column`] serialises (the derived form of its definition, by reference).
#[derive(Serialize)]
#[serde(tag = "column", rename_all = "kebab-case")]
enum TaggedColumn<'a> {
    Framework(&'a FrameworkHeader),
    Jurisdiction(&'a JurisdictionHeader),
}

impl Serialize for Column<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            // A framework's header writes the JSON it kept.
            Column::Framework(header) => header.serialize_kept(&TaggedColumn::Framework(header), serializer),
            Column::Jurisdiction(header) => TaggedColumn::Jurisdiction(header).serialize(serializer),
        }
    }
}

impl Column<'_> {
    /// The short label of the header.
    pub fn short(&self) -> &str {
        match self {
            Column::Framework(f) => &f.short,
            Column::Jurisdiction(j) => &j.name,
        }
    }

    /// The key that sorts the aspects by this column.
    pub fn sort_key(&self) -> String {
        match self {
            Column::Framework(f) => f.id.to_string(),
            Column::Jurisdiction(j) => j.code.as_str().to_lowercase(),
        }
    }

    /// The page of the framework or jurisdiction.
    pub fn href(&self) -> String {
        match self {
            Column::Framework(f) => format!("/frameworks/{}", f.id),
            Column::Jurisdiction(j) => format!("/jurisdictions/{}", j.code),
        }
    }

    /// A marker for the header ("not yet adopted"), if any.
    pub fn badge(&self) -> Option<&'static str> {
        match self {
            Column::Framework(f) if f.not_yet_adopted => Some("not yet adopted"),
            Column::Framework(_) => None,
            Column::Jurisdiction(_) => Some("jurisdiction"),
        }
    }
}

/// A cell: one framework's cell, or a jurisdiction's merged cell.
#[derive(Debug, Clone, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Cell<'d> {
    /// A framework's cell.
    Framework(#[schemars(with = "CellView")] Shared<'d, CellView>),
    /// A jurisdiction's merged cell.
    Jurisdiction(std::sync::Arc<MergedCell>),
}

/// How a [`Cell`] serialises (the derived form of its definition, by reference).
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
enum TaggedCell<'a> {
    Framework(&'a CellView),
    Jurisdiction(&'a MergedCell),
}

impl Serialize for Cell<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            // The JSON writer of answers writes a framework cell's JSON as its shared view kept it.
            Cell::Framework(view) => view.serialize_kept(Kept::Json, &TaggedCell::Framework(view), serializer),
            Cell::Jurisdiction(merged) => {
                merged.serialize_kept(Kept::Json, &TaggedCell::Jurisdiction(merged), serializer)
            }
        }
    }
}

impl Cell<'_> {
    /// The cell with its content withheld when its confidence is lower than `min`.
    pub fn withheld_below(self, min: Confidence) -> Self {
        match self {
            Cell::Framework(c) if c.confidence.is_some_and(|k| k > min) => Cell::Framework(c.withheld().into()),
            Cell::Jurisdiction(m) if m.confidence.is_some_and(|k| k > min) => {
                Cell::Jurisdiction(MergedCell::clone(&m).withheld().into())
            }
            other => other,
        }
    }

    /// The level shown, if any.
    pub fn level(&self) -> Option<Level> {
        match self {
            Cell::Framework(c) if c.has_content() && !c.pending => c.level,
            Cell::Framework(_) => None,
            Cell::Jurisdiction(m) => m.level,
        }
    }

    /// How many requirements are mandatory.
    pub fn mandatory_count(&self) -> usize {
        match self {
            Cell::Framework(c) => c.requirements.iter().filter(|r| r.strength == Strength::Mandatory).count(),
            Cell::Jurisdiction(m) => m.requirements.iter().filter(|r| r.strength == Strength::Mandatory).count(),
        }
    }

    /// The value of a parameter (the strictest, for a jurisdiction).
    pub fn parameter(&self, id: &ParameterId) -> Option<&crate::model::ParameterValue> {
        match self {
            Cell::Framework(c) => c.parameters.iter().find(|p| &p.id == id).map(|p| &p.value),
            Cell::Jurisdiction(m) => {
                m.parameters.iter().find(|p| &p.id == id).and_then(|p| p.strictest.as_ref()).map(|v| &v.value)
            }
        }
    }

    /// Ordering strength: level rank, then mandatory requirements; `None` sorts last.
    fn strength(&self) -> Option<(u8, usize)> {
        Some((level_rank(self.level()?)?, self.mandatory_count()))
    }
}

/// A row: one aspect and its cells, in column order.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Row<'d> {
    /// The aspect.
    #[serde(serialize_with = "super::views::serialize_shared_header")]
    #[schemars(with = "AspectHeader")]
    pub aspect: Shared<'d, AspectHeader>,
    /// One cell per column, in the order of `Comparison::columns`.
    pub cells: Vec<Cell<'d>>,
}

/// The comparison table.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Comparison<'d> {
    /// The date asked for; `null` means today's state.
    pub as_of: Option<IsoDate>,
    /// The sort applied.
    pub sort: SortSpec,
    /// Columns, in display order.
    pub columns: Vec<Column<'d>>,
    /// Rows, in display order.
    pub rows: Vec<Row<'d>>,
    /// The cells that differ from another date, when a diff was asked for.
    pub diff: Option<ComparisonDiff>,
}

/// The cells of a comparison that differ between two dates.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ComparisonDiff {
    /// The other date (the table shows `as_of`, or today).
    pub against: IsoDate,
    /// The cells that differ, in table order.
    pub changes: Vec<CellDiff>,
}

/// One cell that differs between two dates.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CellDiff {
    /// The column's key (framework id, or lowercase jurisdiction code).
    pub column: String,
    /// The aspect.
    pub aspect: AspectId,
    /// On the `against` date (`null`: nothing recorded then).
    pub before: Option<CellFacts>,
    /// On the table's date.
    pub after: Option<CellFacts>,
}

/// What is compared of a cell between two dates.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CellFacts {
    /// Level.
    pub level: Option<Level>,
    /// Status (framework cells).
    pub status: Option<crate::model::Status>,
    /// One line.
    pub summary: Option<String>,
    /// Mandatory requirements.
    pub mandatory: Vec<crate::ids::RequirementId>,
    /// Numbers, as shown.
    pub parameters: Vec<String>,
}

impl Cell<'_> {
    /// The facts a diff compares; `None` where the cell has no state.
    pub fn facts(&self) -> Option<CellFacts> {
        match self {
            Cell::Framework(c) if c.has_content() => Some(CellFacts {
                level: c.level,
                status: c.status,
                summary: c.summary.clone(),
                mandatory: c
                    .requirements
                    .iter()
                    .filter(|r| r.strength == Strength::Mandatory)
                    .map(|r| r.id.clone())
                    .collect(),
                parameters: c.parameters.iter().map(|p| format!("{}: {}", p.label, p.display)).collect(),
            }),
            Cell::Framework(_) => None,
            Cell::Jurisdiction(m) => m.level.map(|level| CellFacts {
                level: Some(level),
                status: None,
                summary: m.summary.clone(),
                mandatory: m
                    .requirements
                    .iter()
                    .filter(|r| r.strength == Strength::Mandatory)
                    .map(|r| r.id.clone())
                    .collect(),
                parameters: m
                    .parameters
                    .iter()
                    .filter_map(|p| Some(format!("{}: {}", p.label, p.strictest.as_ref()?.display)))
                    .collect(),
            }),
        }
    }
}

impl Comparison<'_> {
    /// The diff of one cell, if the comparison has a diff and the cell differs.
    pub fn change(&self, column: &str, aspect: &AspectId) -> Option<&CellDiff> {
        self.diff.as_ref()?.changes.iter().find(|c| c.column == column && &c.aspect == aspect)
    }
}

/// Runs a comparison of at least two columns.
pub fn compare<'d>(data: &'d Dataset, query: &CompareQuery) -> Result<Comparison<'d>, QueryError> {
    let columns = query.columns();
    if columns.len() < 2 {
        return Err(QueryError::TooFewColumns { given: columns.len() });
    }
    Ok(table(data, query, &columns))
}

/// A column resolved against the dataset.
enum Resolved<'d> {
    Framework(&'d crate::model::Framework),
    Jurisdiction(Jurisdiction, Applicability<'d>),
}

/// Builds the table of any number of columns (unknown ids are skipped), sorted.
pub fn table<'d>(data: &'d Dataset, query: &CompareQuery, columns: &[ColumnId]) -> Comparison<'d> {
    let as_of = query.as_of;
    let mut headers = Vec::new();
    let mut resolved = Vec::new();
    for c in columns {
        match c {
            ColumnId::Framework(id) => {
                if let Some(f) = data.framework(id) {
                    headers.push(Column::Framework(FrameworkHeader::shared(f, as_of)));
                    resolved.push(Resolved::Framework(f));
                }
            }
            ColumnId::Jurisdiction(code) => {
                if let Some(info) = data.jurisdictions.get(code) {
                    let applies = applicability(data, code);
                    headers.push(Column::Jurisdiction(JurisdictionHeader::with(info, &applies)));
                    resolved.push(Resolved::Jurisdiction(code.clone(), applies));
                }
            }
        }
    }
    let cell = |column: &Resolved<'d>, aspect: &Aspect| -> Cell<'d> {
        let built = match column {
            Resolved::Framework(f) => Cell::Framework(CellView::shared(data, f, aspect, as_of)),
            Resolved::Jurisdiction(code, app) => Cell::Jurisdiction(MergedCell::shared(data, app, code, aspect, as_of)),
        };
        match query.min_confidence {
            Some(min) => built.withheld_below(min),
            None => built,
        }
    };
    let mut comparison = Comparison {
        as_of,
        sort: SortSpec { key: query.sort.text(), desc: query.dir == Direction::Desc, axis: query.sort.axis() },
        columns: headers,
        rows: query
            .selected_aspects(data)
            .iter()
            .map(|a| Row {
                aspect: AspectHeader::shared(data, a),
                cells: resolved.iter().map(|c| cell(c, a)).collect(),
            })
            .collect(),
        diff: None,
    };
    if let Some(against) = query.diff {
        let changes = comparison
            .rows
            .iter()
            .flat_map(|row| {
                let aspect = data.aspect(&row.aspect.id);
                resolved.iter().zip(&comparison.columns).zip(&row.cells).filter_map(move |((r, column), now)| {
                    let then = match r {
                        Resolved::Framework(f) => Cell::Framework(CellView::shared(data, f, aspect?, Some(against))),
                        Resolved::Jurisdiction(code, app) => {
                            Cell::Jurisdiction(MergedCell::shared(data, app, code, aspect?, Some(against)))
                        }
                    };
                    let (before, after) = (then.facts(), now.facts());
                    (before != after).then(|| CellDiff {
                        column: column.sort_key(),
                        aspect: row.aspect.id.clone(),
                        before,
                        after,
                    })
                })
            })
            .collect();
        comparison.diff = Some(ComparisonDiff { against, changes });
    }
    apply_sort(data, &mut comparison, &query.sort, query.dir == Direction::Desc);
    comparison
}

/// Compares optional keys: present values in the requested direction, absent ones always last.
fn cmp_known<T: PartialOrd>(a: &Option<T>, b: &Option<T>, desc: bool) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => {
            let o = x.partial_cmp(y).unwrap_or(Ordering::Equal);
            if desc { o.reverse() } else { o }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn apply_sort(data: &Dataset, c: &mut Comparison, key: &SortKey, desc: bool) {
    let name_order = |a: &str, b: &str| a.to_lowercase().cmp(&b.to_lowercase());
    match key {
        SortKey::Chosen => {
            if desc {
                c.columns.reverse();
                for row in &mut c.rows {
                    row.cells.reverse();
                }
            }
        }
        SortKey::Name | SortKey::Aspect(_) | SortKey::Parameter(..) => {
            let row_of = |aspect: &AspectId| c.rows.iter().find(|r| &r.aspect.id == aspect);
            let values: Vec<Option<f64>> = (0..c.columns.len())
                .map(|i| match key {
                    // Level, then mandatory count, as one number for ordering.
                    SortKey::Aspect(a) => row_of(a)
                        .and_then(|r| r.cells[i].strength())
                        .map(|(rank, m)| f64::from(rank) * 1000.0 + m as f64),
                    SortKey::Parameter(a, p) => row_of(a).and_then(|r| comparable(data, r.cells[i].parameter(p)?)),
                    _ => None,
                })
                .collect();
            let mut order: Vec<usize> = (0..c.columns.len()).collect();
            order.sort_by(|&i, &j| {
                let primary = if matches!(key, SortKey::Name) {
                    let o = name_order(c.columns[i].short(), c.columns[j].short());
                    if desc { o.reverse() } else { o }
                } else {
                    cmp_known(&values[i], &values[j], desc)
                };
                primary.then_with(|| name_order(c.columns[i].short(), c.columns[j].short()))
            });
            c.columns = order.iter().map(|&i| c.columns[i].clone()).collect();
            for row in &mut c.rows {
                row.cells = order.iter().map(|&i| row.cells[i].clone()).collect();
            }
        }
        SortKey::AspectName => {
            c.rows.sort_by(|a, b| {
                let o = name_order(&a.aspect.name, &b.aspect.name);
                if desc { o.reverse() } else { o }
            });
        }
        SortKey::Framework(_) | SortKey::Jurisdiction(_) => {
            // The sorting column's cells, built on their own when it is not one of the table's columns.
            let column = match key {
                SortKey::Framework(f) => ColumnId::Framework(f.clone()),
                SortKey::Jurisdiction(j) => ColumnId::Jurisdiction(j.clone()),
                _ => return,
            };
            let key_text = key.text();
            let position = c.columns.iter().position(|h| h.sort_key() == key_text);
            let alone = match position {
                Some(_) => None,
                None => {
                    let query = CompareQuery {
                        frameworks: Vec::new(),
                        jurisdictions: Vec::new(),
                        aspects: c.rows.iter().map(|r| r.aspect.id.clone()).collect(),
                        groups: Vec::new(),
                        sort: SortKey::Chosen,
                        dir: Direction::Asc,
                        as_of: c.as_of,
                        orient: Orientation::Aspects,
                        diff: None,
                        view: None,
                        min_confidence: None,
                    };
                    Some(table(data, &query, &[column]))
                }
            };
            let strength_of = |row: &Row| -> Option<(u8, usize)> {
                match (&position, &alone) {
                    (Some(i), _) => row.cells[*i].strength(),
                    (None, Some(t)) => {
                        t.rows.iter().find(|r| r.aspect.id == row.aspect.id).and_then(|r| r.cells.first()?.strength())
                    }
                    (None, None) => None,
                }
            };
            c.rows.sort_by(|a, b| {
                cmp_known(&strength_of(a), &strength_of(b), desc)
                    .then_with(|| name_order(&a.aspect.name, &b.aspect.name))
            });
        }
    }
}
