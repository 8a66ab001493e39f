//! One module per page or resource. Each handler parses its query, calls the core, and renders one context
//! struct as HTML or JSON.

pub mod alignment;
pub mod aspects;
pub mod changes;
pub mod compare;
pub mod frameworks;
pub mod info;
pub mod jurisdictions;
pub mod map;
pub mod path;
pub mod registry;
pub mod search;
pub mod sources;

use serde::Deserialize;

/// Query of pages that take no parameters: anything given is a 400.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct NoParams {}

/// Query of pages that take only a date.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AsOfParams {
    /// Show each cell as it stood on this date (YYYY-MM-DD).
    pub as_of: Option<String>,
}

/// Builds a query string with the url crate's encoder; empty values are left out.
pub fn query_string<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut s = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        if !v.is_empty() {
            s.append_pair(k, v);
        }
    }
    s.finish()
}
