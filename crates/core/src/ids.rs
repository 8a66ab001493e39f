//! Validated newtypes for the identifiers and values of the dataset: once one exists, it is valid.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a string was rejected by a `parse` constructor.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct InvalidValue(pub String);

/// Defines a kebab-case identifier newtype.
macro_rules! kebab_id {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
        #[serde(transparent)]
        pub struct $name(String);

        // Ordered and compared as its text, so maps keyed by the id can be searched with a `&str`.
        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl $name {
            /// Parses a kebab-case id: lowercase ASCII letters and digits, words joined by single hyphens.
            pub fn parse(raw: &str) -> Result<Self, InvalidValue> {
                if is_kebab(raw) {
                    Ok(Self(raw.to_owned()))
                } else {
                    Err(InvalidValue(format!(
                        concat!("`{}` is not a valid ", $what, " id (lowercase letters, digits and single hyphens, e.g. `eu-mica`)"),
                        raw
                    )))
                }
            }

            /// The id as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let raw = String::deserialize(d)?;
                Self::parse(&raw).map_err(serde::de::Error::custom)
            }
        }
    };
}

kebab_id!(
    /// Stable id of a framework, equal to its file name (`eu-mica`).
    FrameworkId,
    "framework"
);
kebab_id!(
    /// Id of an aspect, one row of the comparison (`stablecoin-reserves`).
    AspectId,
    "aspect"
);
kebab_id!(
    /// Id of an aspect group (`stablecoins`).
    GroupId,
    "group"
);
kebab_id!(
    /// Id of a requirement in the shared vocabulary (`reserve-full-backing`).
    RequirementId,
    "requirement"
);
kebab_id!(
    /// Id of a typed parameter of an aspect (`travel-threshold`).
    ParameterId,
    "parameter"
);
kebab_id!(
    /// Id of a source, local to one framework file.
    SourceId,
    "source"
);
kebab_id!(
    /// Id of a glossary term.
    TermId,
    "term"
);

/// True when `raw` is lowercase kebab-case: `[a-z0-9]+(-[a-z0-9]+)*`.
pub fn is_kebab(raw: &str) -> bool {
    !raw.is_empty()
        && raw.split('-').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// A calendar date (`YYYY-MM-DD`), parsed with jiff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(transparent)]
pub struct IsoDate(#[schemars(with = "String")] jiff::civil::Date);

impl IsoDate {
    /// Parses `YYYY-MM-DD`; anything else, or an impossible date, is rejected.
    pub fn parse(raw: &str) -> Result<Self, InvalidValue> {
        let valid_shape = raw.len() == 10
            && raw.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
        if !valid_shape {
            return Err(InvalidValue(format!("`{raw}` is not a date in the form YYYY-MM-DD")));
        }
        raw.parse::<jiff::civil::Date>()
            .map(Self)
            .map_err(|_| InvalidValue(format!("`{raw}` is not a real calendar date")))
    }

    /// Today's date in UTC.
    pub fn today() -> Self {
        Self(jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC).date())
    }

    /// The same date `months` earlier (clamped to month ends).
    pub fn months_earlier(self, months: i32) -> Self {
        Self(self.0.saturating_sub(jiff::Span::new().months(months)))
    }

    /// The date for readers: `28 Nov 2026`.
    pub fn long(self) -> String {
        self.0.strftime("%-d %b %Y").to_string()
    }

    /// The wrapped jiff date.
    pub fn date(self) -> jiff::civil::Date {
        self.0
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Self::parse(&raw).map_err(serde::de::Error::custom)
    }
}

/// A jurisdiction code: ISO 3166-1 alpha-2 (`GB`), an ISO 3166-2 style sub-national code (`US-NY`, `AE-DU`),
/// `EU` for the Union or `INT` for global bodies.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(transparent)]
pub struct Jurisdiction(String);

impl Jurisdiction {
    /// Parses a code as written in the data (uppercase); alpha-2 codes, and the country part of a sub-national
    /// code, must be assigned ISO 3166-1 codes.
    pub fn parse(raw: &str) -> Result<Self, InvalidValue> {
        let subdivision_ok =
            |s: &str| (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        let valid = match raw.split_once('-') {
            Some((country, sub)) => crate::countries::name_of(country).is_some() && subdivision_ok(sub),
            None => raw == "EU" || raw == "INT" || crate::countries::name_of(raw).is_some(),
        };
        if valid {
            Ok(Self(raw.to_owned()))
        } else {
            Err(InvalidValue(format!(
                "`{raw}` is not an ISO 3166-1 alpha-2 code, an ISO 3166-2 style sub-national code (`US-NY`), `EU` or `INT`"
            )))
        }
    }

    /// Parses a code typed by a person: case-insensitive, surrounding blanks ignored (`us-ny` → `US-NY`).
    pub fn parse_typed(raw: &str) -> Result<Self, InvalidValue> {
        Self::parse(&raw.trim().to_uppercase())
    }

    /// The code as written (`GB`, `US-NY`, `EU`, `INT`).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The country of a sub-national code (`US` for `US-NY`); `None` for countries, `EU` and `INT`.
    pub fn parent(&self) -> Option<Jurisdiction> {
        self.0.split_once('-').map(|(country, _)| Jurisdiction(country.to_owned()))
    }

    /// The English short name from ISO 3166-1 (`United Kingdom`, `European Union`, `International`); a
    /// sub-national code gives its code. The jurisdictions file, where present, names them better.
    pub fn iso_name(&self) -> &str {
        match self.0.as_str() {
            "EU" => "European Union",
            "INT" => "International",
            code => crate::countries::name_of(code).unwrap_or(code),
        }
    }
}

impl fmt::Display for Jurisdiction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where in a source a claim is found: an article, section, recommendation, paragraph or page. Never empty.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[serde(transparent)]
pub struct Pinpoint(String);

impl Pinpoint {
    /// Accepts any non-blank text of at most 200 characters.
    pub fn parse(raw: &str) -> Result<Self, InvalidValue> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            Err(InvalidValue(
                "the pinpoint is empty: name the article, section, recommendation, paragraph or page".into(),
            ))
        } else if trimmed.chars().count() > 200 {
            Err(InvalidValue("the pinpoint is longer than 200 characters".into()))
        } else {
            Ok(Self(trimmed.to_owned()))
        }
    }

    /// The pinpoint text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Pinpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An absolute `http` or `https` URL.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[serde(transparent)]
pub struct WebUrl(String);

impl WebUrl {
    /// Parses with the `url` crate and requires an http(s) scheme and a host.
    pub fn parse(raw: &str) -> Result<Self, InvalidValue> {
        match url::Url::parse(raw) {
            Ok(u) if (u.scheme() == "https" || u.scheme() == "http") && u.host_str().is_some() => {
                Ok(Self(raw.to_owned()))
            }
            Ok(_) => Err(InvalidValue(format!("`{raw}` is not an http(s) URL with a host"))),
            Err(e) => Err(InvalidValue(format!("`{raw}` is not a well-formed URL: {e}"))),
        }
    }

    /// The URL as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for WebUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_ids() {
        assert!(FrameworkId::parse("eu-mica").is_ok());
        assert!(FrameworkId::parse("fatf-r15").is_ok());
        for bad in ["", "EU-mica", "eu--mica", "-eu", "eu_mica", "eu mica"] {
            assert!(FrameworkId::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn dates() {
        assert!(IsoDate::parse("2024-06-30").is_ok());
        for bad in ["2024-02-30", "2024-6-30", "30/06/2024", "2024-06-30T00:00"] {
            assert!(IsoDate::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn jurisdictions() {
        for good in ["GB", "EU", "INT", "US"] {
            assert!(Jurisdiction::parse(good).is_ok(), "{good}");
        }
        for good in ["US-NY", "AE-DU"] {
            assert!(Jurisdiction::parse(good).is_ok(), "{good}");
        }
        for bad in ["UK", "gb", "XX", "USA", "XX-NY", "US-", "US-NEWY", "us-ny"] {
            assert!(Jurisdiction::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn urls_and_pinpoints() {
        assert!(WebUrl::parse("https://eur-lex.europa.eu/eli/reg/2023/1114/oj").is_ok());
        assert!(WebUrl::parse("eur-lex.europa.eu").is_err());
        assert!(WebUrl::parse("ftp://x.org/a").is_err());
        assert!(Pinpoint::parse("  ").is_err());
        assert_eq!(Pinpoint::parse(" Art. 36 ").map(|p| p.as_str().to_owned()), Ok("Art. 36".into()));
    }
}
