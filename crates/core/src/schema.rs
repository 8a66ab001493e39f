//! The JSON Schemas of the data files, generated from the file-format types (never written by hand).

use crate::format::{
    ActivitiesFile, AspectsFile, CorrectionsFile, FrameworkFile, GlossaryFile, JurisdictionsFile, ListsFile,
    ReleaseFile,
};

/// (file name, pretty JSON) for each schema, as committed under `data/schema/`.
pub fn data_schemas() -> Vec<(&'static str, String)> {
    let render = |schema: schemars::Schema| {
        let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
        text.push('\n');
        text
    };
    vec![
        ("framework.schema.json", render(schemars::schema_for!(FrameworkFile))),
        ("aspects.schema.json", render(schemars::schema_for!(AspectsFile))),
        ("glossary.schema.json", render(schemars::schema_for!(GlossaryFile))),
        ("jurisdictions.schema.json", render(schemars::schema_for!(JurisdictionsFile))),
        ("lists.schema.json", render(schemars::schema_for!(ListsFile))),
        ("activities.schema.json", render(schemars::schema_for!(ActivitiesFile))),
        ("release.schema.json", render(schemars::schema_for!(ReleaseFile))),
        ("corrections.schema.json", render(schemars::schema_for!(CorrectionsFile))),
    ]
}
