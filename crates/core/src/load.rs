//! Loading the dataset: read the files (from a directory or the copy embedded in the binary), parse them,
//! run the lint, and build the model from whatever is valid. Loading never fails on bad data: it returns
//! the dataset together with every diagnostic.

use crate::diagnostic::{DataFile, Diagnostic, Severity};
use crate::format::{
    self, ActivitiesFile, AspectsFile, CorrectionsFile, FrameworkFile, GlossaryFile, JurisdictionsFile, ListsFile,
    ReleaseFile,
};
use crate::ids::*;
use crate::lint::{self, FrameworkIndexEntry, Located, Parsed};
use crate::model::*;
use indexmap::IndexMap;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// The dataset and every problem found while loading it.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// Everything that was valid.
    pub dataset: Dataset,
    /// Every problem, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    /// Number of diagnostics of error severity.
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error).count()
    }
}

/// The data directory could not be read at all (as opposed to problems inside files).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The directory or a file in it could not be read. The cause is the error's source, printed after it by
    /// whoever prints the chain.
    #[error("cannot read {path}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// An embedded data file, inflated. The build compressed it, so it inflates unless the binary is damaged; then its
/// text is empty and the lint reports what the file lacks.
fn embedded_file((path, packed): &(&str, &[u8])) -> DataFile {
    DataFile::from_bytes(*path, miniz_oxide::inflate::decompress_to_vec_zlib(packed).unwrap_or_default())
}

/// The data files compiled into the binary.
pub fn embedded_files() -> Vec<DataFile> {
    embedded::FILES.iter().map(embedded_file).collect()
}

/// Loads the dataset compiled into the binary, inflating each framework file's text only when its turn comes.
pub fn load_embedded() -> Loaded {
    let is_framework = |(path, _): &&(&str, &[u8])| path.starts_with("frameworks/");
    let top = embedded::FILES.iter().filter(|f| !is_framework(f)).map(embedded_file).collect();
    load(top, embedded::FILES.iter().filter(is_framework).map(embedded_file), IsoDate::today())
}

/// The data files at the top of the data directory, besides `frameworks/`.
pub const TOP_FILES: [&str; 7] = [
    "aspects.toml",
    "glossary.toml",
    "jurisdictions.toml",
    "lists.toml",
    "activities.toml",
    "release.toml",
    "corrections.toml",
];

/// Reads the top files (`TOP_FILES`) and
/// `frameworks/*.toml` from `dir`.
pub fn read_dir(dir: &Path) -> Result<Vec<DataFile>, LoadError> {
    let (mut files, frameworks) = list_dir(dir)?;
    for path in frameworks {
        files.push(read_framework(&path)?);
    }
    Ok(files)
}

/// Reads the top files of `dir` and lists its framework files, sorted, without reading them.
fn list_dir(dir: &Path) -> Result<(Vec<DataFile>, Vec<PathBuf>), LoadError> {
    let meta = std::fs::metadata(dir).map_err(io_error(dir))?;
    if !meta.is_dir() {
        return Err(LoadError::Io { path: dir.to_path_buf(), source: std::io::Error::other("not a directory") });
    }
    let mut top = Vec::new();
    for name in TOP_FILES {
        let path = dir.join(name);
        if path.exists() {
            top.push(DataFile::from_bytes(name, std::fs::read(&path).map_err(io_error(&path))?));
        }
    }
    let frameworks = dir.join("frameworks");
    let mut paths = Vec::new();
    if frameworks.is_dir() {
        paths = std::fs::read_dir(&frameworks)
            .map_err(io_error(&frameworks))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        paths.sort();
    }
    Ok((top, paths))
}

fn read_framework(path: &Path) -> Result<DataFile, LoadError> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(DataFile::from_bytes(format!("frameworks/{name}"), std::fs::read(path).map_err(io_error(path))?))
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> LoadError {
    let path = path.to_path_buf();
    move |source| LoadError::Io { path, source }
}

/// Loads a dataset from a directory, reading each framework file only when its turn comes, so that the files'
/// text, like their parsed form, is held one file at a time.
pub fn load_dir(dir: &Path) -> Result<Loaded, LoadError> {
    let (top, paths) = list_dir(dir)?;
    let mut failure = None;
    let frameworks = paths.iter().map_while(|path| read_framework(path).map_err(|e| failure = Some(e)).ok());
    let loaded = load(top, frameworks, IsoDate::today());
    match failure {
        Some(e) => Err(e),
        None => Ok(loaded),
    }
}

/// Parses, lints and builds the dataset from in-memory files. `today` bounds review dates.
pub fn load_files(files: Vec<DataFile>, today: IsoDate) -> Loaded {
    let (frameworks, top): (Vec<DataFile>, Vec<DataFile>) =
        files.into_iter().partition(|f| f.path.starts_with("frameworks/"));
    load(top, frameworks.into_iter(), today)
}

/// Loads the top files first, then each framework file in turn: parsed, checked by the rules' parts for one file,
/// built, and dropped before the next is read. The rules' parts that look across files run last, on the top
/// files and an index of every framework's id and cells.
fn load(top: Vec<DataFile>, frameworks: impl Iterator<Item = DataFile>, today: IsoDate) -> Loaded {
    let mut diagnostics = Vec::new();
    let mut parsed = Parsed {
        aspects: None,
        frameworks: Vec::new(),
        glossary: None,
        jurisdictions: None,
        lists: None,
        activities: None,
        release: None,
        corrections: None,
        has_aspects_file: false,
        has_jurisdictions_file: false,
        today,
    };
    for file in &top {
        match file.path.as_str() {
            "aspects.toml" => {
                parsed.has_aspects_file = true;
                parsed.aspects = parse::<AspectsFile>(file, &mut diagnostics);
            }
            "glossary.toml" => parsed.glossary = parse::<GlossaryFile>(file, &mut diagnostics),
            "jurisdictions.toml" => {
                parsed.has_jurisdictions_file = true;
                parsed.jurisdictions = parse::<JurisdictionsFile>(file, &mut diagnostics);
            }
            "lists.toml" => parsed.lists = parse::<ListsFile>(file, &mut diagnostics),
            "activities.toml" => parsed.activities = parse::<ActivitiesFile>(file, &mut diagnostics),
            "release.toml" => parsed.release = parse::<ReleaseFile>(file, &mut diagnostics),
            "corrections.toml" => parsed.corrections = parse::<CorrectionsFile>(file, &mut diagnostics),
            _ => {}
        }
    }
    let mut dataset = build_top(&parsed);
    for file in frameworks {
        let Some(framework) = parse::<FrameworkFile>(&file, &mut diagnostics) else { continue };
        lint::check_framework(&parsed, &framework, &mut diagnostics);
        parsed.frameworks.push(FrameworkIndexEntry {
            id: framework.value.id.get_ref().clone(),
            cells: framework.value.provisions.keys().map(|k| k.get_ref().clone()).collect(),
        });
        if let Some(fw) = build_framework(&framework.value, &dataset.aspects) {
            // A framework whose id does not match its file name is reported; keep the first of duplicates.
            dataset.frameworks.entry(fw.id.clone()).or_insert(fw);
        }
    }
    lint::check_whole(&parsed, &mut diagnostics);
    diagnostics.sort_by(|a, b| (&a.file, a.line, a.column, a.rule).cmp(&(&b.file, b.line, b.column, b.rule)));
    Loaded { dataset, diagnostics }
}

fn parse<'a, T: serde::de::DeserializeOwned>(file: &'a DataFile, out: &mut Vec<Diagnostic>) -> Option<Located<'a, T>> {
    if let Some(at) = file.invalid_utf8_at {
        let l = lint::TOML_SYNTAX;
        out.push(file.diagnostic(at..at, l.severity, l.name, "the file is not valid UTF-8", "save the file as UTF-8"));
        return None;
    }
    match toml::from_str::<T>(&file.text) {
        Ok(value) => Some(Located { file, value }),
        Err(e) => {
            let message = e.message().trim().to_owned();
            let tip = if message.contains("invalid type: map, expected a string") {
                "if this is a date, write it in quotes: \"2024-06-30\""
            } else if message.contains("unknown field") {
                "check the field name against docs/DATA-GUIDELINES.md"
            } else if message.contains("missing field") {
                "add the missing field; docs/DATA-GUIDELINES.md lists the fields of each table"
            } else {
                "fix the TOML syntax at this position"
            };
            let l = lint::TOML_SYNTAX;
            out.push(file.diagnostic(e.span().unwrap_or(0..0), l.severity, l.name, message, tip));
            None
        }
    }
}

/// Builds the model from the parsed top files, skipping whatever the lint has reported as invalid; frameworks are
/// added one by one as they load.
fn build_top(parsed: &Parsed<'_>) -> Dataset {
    let mut dataset = Dataset::default();
    if let Some(a) = &parsed.aspects {
        dataset.groups = a
            .value
            .groups
            .iter()
            .filter_map(|g| Some(Group { id: GroupId::parse(g.id.get_ref()).ok()?, name: g.name.clone() }))
            .collect();
        dataset.aspects = a.value.aspects.iter().filter_map(build_aspect).collect();
        for (position, aspect) in dataset.aspects.iter_mut().enumerate() {
            aspect.position = position;
        }
        dataset.reference_rates = a.value.reference_rates.as_ref().and_then(|r| {
            Some(ReferenceRates {
                date: IsoDate::parse(r.date.get_ref()).ok()?,
                source: r.source.clone(),
                usd_per_unit: r.usd_per_unit.clone(),
            })
        });
    }
    if let Some(j) = &parsed.jurisdictions {
        build_jurisdictions(&j.value, &mut dataset);
    }
    if let Some(l) = &parsed.lists {
        dataset.lists = build_lists(&l.value);
    }
    if let Some(a) = &parsed.activities {
        dataset.activities = a.value.activities.iter().filter_map(|x| build_activity(x, &dataset.aspects)).collect();
    }
    if let Some(r) = &parsed.release {
        dataset.release = IsoDate::parse(r.value.date.get_ref()).ok().map(|date| Release {
            version: r.value.version.clone(),
            date,
            repository: r.value.repository.clone(),
        });
    }
    if let Some(c) = &parsed.corrections {
        dataset.corrections = c
            .value
            .corrections
            .iter()
            .filter_map(|x| {
                Some(Correction {
                    date: IsoDate::parse(x.date.get_ref()).ok()?,
                    framework: FrameworkId::parse(x.framework.get_ref()).ok()?,
                    aspects: x.aspects.iter().filter_map(|a| AspectId::parse(a.get_ref()).ok()).collect(),
                    what: x.what.clone(),
                    why: x.why.clone(),
                })
            })
            .collect();
        dataset.corrections.sort_by_key(|c| std::cmp::Reverse(c.date));
    }
    if let Some(g) = &parsed.glossary {
        dataset.glossary = g
            .value
            .terms
            .iter()
            .filter_map(|t| {
                Some(Term {
                    id: TermId::parse(t.id.get_ref()).ok()?,
                    term: t.term.clone(),
                    definition: t.definition.clone(),
                    source_title: t.source_title.clone(),
                    url: WebUrl::parse(t.url.get_ref()).ok()?,
                    pinpoint: Pinpoint::parse(t.pinpoint.get_ref()).ok()?,
                })
            })
            .collect();
        dataset.glossary.sort_by_key(|t| t.term.to_lowercase());
    }
    dataset
}

fn build_jurisdictions(file: &JurisdictionsFile, dataset: &mut Dataset) {
    dataset.groupings = file
        .groupings
        .iter()
        .filter_map(|g| {
            Some(Grouping {
                code: g.code.get_ref().clone(),
                name: g.name.clone(),
                kind: GroupingKind::parse(g.kind.get_ref())?,
                source: WebUrl::parse(g.source.get_ref()).ok()?,
                checked: IsoDate::parse(g.checked.get_ref()).ok()?,
                note: g.note.clone(),
            })
        })
        .collect();
    for j in &file.jurisdictions {
        let (Ok(code), Some(region)) = (Jurisdiction::parse(j.code.get_ref()), Region::parse(j.region.get_ref()))
        else {
            continue;
        };
        let member_of = j
            .member_of
            .iter()
            .map(|m| m.get_ref().clone())
            .filter(|m| dataset.groupings.iter().any(|g| &g.code == m))
            .collect();
        let info = JurisdictionInfo {
            code: code.clone(),
            name: j.name.clone(),
            region,
            member_of,
            synonyms: j.synonyms.clone(),
        };
        dataset.jurisdictions.entry(code).or_insert(info);
    }
}

fn build_activity(a: &format::ActivityEntry, aspects: &[Aspect]) -> Option<Activity> {
    let aspect_ids: Vec<AspectId> = a
        .aspects
        .iter()
        .filter_map(|t| aspects.iter().find(|x| x.id.as_str() == t.get_ref()).map(|x| x.id.clone()))
        .collect();
    let listed =
        |r: &Requirement| a.requirements.is_empty() || a.requirements.iter().any(|t| t.get_ref() == r.id.as_str());
    let requirements = aspects
        .iter()
        .filter(|x| aspect_ids.contains(&x.id))
        .flat_map(|x| x.requirements.iter().filter(|r| listed(r)).map(|r| r.id.clone()))
        .collect();
    Some(Activity {
        id: a.id.get_ref().clone(),
        name: a.name.clone(),
        description: a.description.clone(),
        authorisation: AspectId::parse(a.authorisation.get_ref()).ok().filter(|id| aspect_ids.contains(id))?,
        aspects: aspect_ids,
        requirements,
    })
}

fn build_lists(file: &ListsFile) -> Lists {
    let ids = |list: &[format::Text]| list.iter().filter_map(|t| FrameworkId::parse(t.get_ref()).ok()).collect();
    Lists {
        home: Some(file.home.get_ref().clone()),
        standards: ids(&file.standards),
        presets: file
            .presets
            .iter()
            .map(|p| Preset {
                id: p.id.get_ref().clone(),
                name: p.name.clone(),
                frameworks: ids(&p.frameworks),
                jurisdictions: p.jurisdictions.iter().filter_map(|j| Jurisdiction::parse(j.get_ref()).ok()).collect(),
            })
            .collect(),
        major_markets: file.major_markets.iter().filter_map(|j| Jurisdiction::parse(j.get_ref()).ok()).collect(),
    }
}

fn build_aspect(a: &format::AspectEntry) -> Option<Aspect> {
    Some(Aspect {
        id: AspectId::parse(a.id.get_ref()).ok()?,
        group: GroupId::parse(a.group.get_ref()).ok()?,
        name: a.name.clone(),
        question: a.question.clone(),
        rubric: a.rubric.iter().filter_map(|(k, v)| Some((Level::parse(k.get_ref())?, v.clone()))).collect(),
        requirements: a
            .requirements
            .iter()
            .filter_map(|r| {
                Some(Requirement {
                    id: RequirementId::parse(r.id.get_ref()).ok()?,
                    label: r.label.clone(),
                    description: r.description.clone(),
                })
            })
            .collect(),
        parameters: a
            .parameters
            .iter()
            .filter_map(|p| {
                Some(Parameter {
                    id: ParameterId::parse(p.id.get_ref()).ok()?,
                    label: p.label.clone(),
                    kind: ParameterKind::parse(p.kind.get_ref())?,
                    description: p.description.clone(),
                    stricter: p.stricter.as_ref().and_then(|s| Stricter::parse(s.get_ref())),
                    zero_means: p.zero_means.clone(),
                })
            })
            .collect(),
        derived: DerivedSlots::new(1),
        // Set once every aspect is built.
        position: 0,
    })
}

fn build_framework(f: &FrameworkFile, aspects: &[Aspect]) -> Option<Framework> {
    let status = Status::parse(f.status.get_ref()).unwrap_or(Status::Unknown);
    let mut milestones: Vec<Milestone> = f
        .milestones
        .iter()
        .filter_map(|m| {
            Some(Milestone {
                date: IsoDate::parse(m.date.get_ref()).ok()?,
                kind: MilestoneKind::parse(m.kind.get_ref())?,
                title: m.title.clone(),
                source: m.source.as_ref().and_then(|s| SourceId::parse(s.get_ref()).ok()),
                pinpoint: m.pinpoint.as_ref().and_then(|p| Pinpoint::parse(p.get_ref()).ok()),
            })
        })
        .collect();
    milestones.sort_by_key(|m| m.date);
    let sources: Vec<Source> = f
        .sources
        .iter()
        .filter_map(|s| {
            Some(Source {
                id: SourceId::parse(s.id.get_ref()).ok()?,
                title: s.title.clone(),
                publisher: s.publisher.clone(),
                date: s.date.as_ref().and_then(|d| IsoDate::parse(d.get_ref()).ok()),
                url: WebUrl::parse(s.url.get_ref()).ok()?,
                primary: s.primary,
            })
        })
        .collect();
    let mut provisions = BTreeMap::new();
    for (key, p) in &f.provisions {
        let Some(aspect) = aspects.iter().find(|a| a.id.as_str() == key.get_ref()) else { continue };
        if let Some(provision) = build_provision(p, aspect, status, &sources) {
            provisions.insert(aspect.id.clone(), provision);
        }
    }
    let provisions: IndexMap<AspectId, Provision> = provisions.into_iter().collect();
    Some(Framework {
        id: FrameworkId::parse(f.id.get_ref()).ok()?,
        name: f.name.clone(),
        short: f.short.get_ref().clone(),
        kind: FrameworkKind::parse(f.kind.get_ref())?,
        body: f.body.clone(),
        jurisdictions: f.jurisdictions.iter().filter_map(|j| Jurisdiction::parse(j.get_ref()).ok()).collect(),
        status,
        summary: f.summary.clone(),
        sources,
        established: Framework::first_establishing(&milestones),
        // Its column header in a comparison: on a date before it existed, and on any other.
        derived: DerivedSlots::new(2),
        milestones,
        provision_index: Framework::index_provisions(&provisions, aspects),
        provisions,
    })
}

fn requirements(raw: &BTreeMap<format::Text, format::Text>, aspect: &Aspect) -> BTreeMap<RequirementId, Strength> {
    raw.iter()
        .filter_map(|(k, v)| {
            let id = RequirementId::parse(k.get_ref()).ok()?;
            aspect.requirement(&id)?;
            Some((id, Strength::parse(v.get_ref())?))
        })
        .collect()
}

fn parameters(
    raw: &BTreeMap<format::Text, toml::Spanned<toml::Value>>,
    aspect: &Aspect,
) -> BTreeMap<ParameterId, ParameterValue> {
    raw.iter()
        .filter_map(|(k, v)| {
            let id = ParameterId::parse(k.get_ref()).ok()?;
            let kind = aspect.parameter(&id)?.kind;
            Some((id, format::parameter_value(kind, v.get_ref()).ok()?))
        })
        .collect()
}

fn citations(raw: &[format::CitationEntry], sources: &[Source]) -> Vec<Citation> {
    raw.iter()
        .filter_map(|c| {
            let source = SourceId::parse(c.source.get_ref()).ok()?;
            sources.iter().any(|s| s.id == source).then_some(())?;
            Some(Citation { source, pinpoint: Pinpoint::parse(c.pinpoint.get_ref()).ok()? })
        })
        .collect()
}

fn build_provision(
    p: &format::ProvisionEntry,
    aspect: &Aspect,
    framework_status: Status,
    sources: &[Source],
) -> Option<Provision> {
    let current = ProvisionState {
        summary: p.summary.clone(),
        detail: p.detail.clone(),
        level: Level::parse(p.level.get_ref()).unwrap_or(Level::Unknown),
        status: p.status.as_ref().and_then(|s| Status::parse(s.get_ref())).unwrap_or(framework_status),
        requirements: requirements(&p.requirements, aspect),
        parameters: parameters(&p.parameters, aspect),
        citations: citations(&p.citations, sources),
    };
    let history: Vec<Period> = p
        .history
        .iter()
        .filter_map(|h| {
            let from = IsoDate::parse(h.from.get_ref()).ok()?;
            let until = IsoDate::parse(h.until.get_ref()).ok()?;
            (from < until).then_some(())?;
            Some(Period {
                from,
                until,
                confidence: h.confidence.as_ref().and_then(|c| Confidence::parse(c.get_ref())),
                note: h.note.clone(),
                state: ProvisionState {
                    summary: h.summary.clone(),
                    // A period states what held then: nothing is taken from today's state but the citations.
                    detail: h.detail.clone().unwrap_or_default(),
                    level: Level::parse(h.level.get_ref())?,
                    status: Status::parse(h.status.get_ref())?,
                    requirements: h.requirements.as_ref().map(|r| requirements(r, aspect)).unwrap_or_default(),
                    parameters: h.parameters.as_ref().map(|r| parameters(r, aspect)).unwrap_or_default(),
                    citations: h
                        .citations
                        .as_ref()
                        .map_or_else(|| current.citations.clone(), |c| citations(c, sources)),
                },
            })
        })
        .collect();
    Some(Provision {
        current,
        applies_from: p.applies_from.as_ref().and_then(|d| IsoDate::parse(d.get_ref()).ok()),
        applies_until: p.applies_until.as_ref().and_then(|d| IsoDate::parse(d.get_ref()).ok()),
        confidence: Confidence::parse(p.confidence.get_ref()).unwrap_or(Confidence::Low),
        reviewed: IsoDate::parse(p.reviewed.get_ref()).ok()?,
        note: p.note.clone(),
        // One slot per view the cell can show: today's, before and after it applies, each past period, and the
        // two without content (not yet adopted, no record).
        derived: DerivedSlots::new(history.len() + 4),
        history,
    })
}
