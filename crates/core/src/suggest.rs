//! "Did you mean": the valid ids closest to a mistyped one.

/// Up to `max` candidates closest to `wanted`, best first; only reasonably close ones.
pub fn closest<'c>(wanted: &str, candidates: impl IntoIterator<Item = &'c str>, max: usize) -> Vec<&'c str> {
    let wanted_lower = wanted.to_lowercase();
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|c| {
            let mut score = strsim::jaro_winkler(&wanted_lower, c);
            if !wanted_lower.is_empty() && (c.contains(&wanted_lower) || wanted_lower.contains(c)) {
                score = score.max(0.9);
            }
            (score, c)
        })
        .filter(|(score, _)| *score >= 0.7)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(max).map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn suggests_near_ids() {
        let ids = ["eu-mica", "eu-tfr", "fatf-r15", "us-genius-act"];
        assert_eq!(closest("eu-mika", ids, 2)[0], "eu-mica");
        assert_eq!(closest("genius", ids, 1), vec!["us-genius-act"]);
        assert!(closest("zzzzzz", ids, 3).is_empty());
    }
}
