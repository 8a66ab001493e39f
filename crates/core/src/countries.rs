//! Country names for ISO 3166-1 alpha-2 codes, from the `isocountry` crate, with shorter common names
//! for the few whose official names are too long for a table header.

/// The display name of an assigned alpha-2 code, or `None` if the code is not assigned.
pub fn name_of(code: &str) -> Option<&'static str> {
    if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let country = isocountry::CountryCode::for_alpha2(code).ok()?;
    Some(match code {
        "GB" => "United Kingdom",
        "US" => "United States",
        "KR" => "South Korea",
        "RU" => "Russia",
        "TW" => "Taiwan",
        "VN" => "Vietnam",
        "IR" => "Iran",
        "BO" => "Bolivia",
        "VE" => "Venezuela",
        "TZ" => "Tanzania",
        "HK" => "Hong Kong",
        "CN" => "China (mainland)",
        "AE" => "United Arab Emirates",
        "TR" => "Türkiye",
        _ => country.name(),
    })
}
