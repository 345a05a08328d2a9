//! An article's sourcing at a glance: findings per category and who is
//! quoted how often. The panel shows it; it is worked out here, without a
//! browser, so that it is tested natively.

use crate::explain::type_label;
use crate::report::{Category, Kind, Report};

/// What the panel shows, worked out from a report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Findings per category, in [`Category::ALL`] order.
    pub counts: [usize; 5],
    /// Sources, most claims first.
    pub sources: Vec<SourceRow>,
}

/// One source in "Who is quoted".
#[derive(Clone, Debug, PartialEq)]
pub struct SourceRow {
    /// Canonical name.
    pub name: String,
    /// Its kind, in words.
    pub kind: &'static str,
    /// Its category (named or unnamed).
    pub category: Category,
    /// The findings it is the source of, in text order.
    pub findings: Vec<usize>,
}

/// Counts findings and groups attributions by source.
pub fn summarize(report: &Report) -> Summary {
    let mut summary = Summary::default();
    for (i, f) in report.findings.iter().enumerate() {
        if let Some(k) = Category::ALL.iter().position(|&c| c == f.category) {
            summary.counts[k] += 1;
        }
        let (Kind::Attribution, Some(source)) = (f.kind, &f.source) else { continue };
        let kind = type_label(source.source_type);
        match summary.sources.iter_mut().find(|r| r.name == source.name && r.kind == kind) {
            Some(row) => row.findings.push(i),
            None => summary.sources.push(SourceRow {
                name: source.name.clone(),
                kind,
                category: f.category,
                findings: vec![i],
            }),
        }
    }
    // most findings first; among equals, the one quoted first
    crate::order::by_key(&mut summary.sources, |s| (u32::MAX - s.findings.len() as u32) as u64);
    summary
}

/// Plain-word labels of the categories, for the legend.
pub fn category_label(category: Category) -> &'static str {
    match category {
        Category::Named => "Named source",
        Category::Unnamed => "Unnamed source",
        Category::NoSource => "No source given",
        Category::Hedged => "Writer hedges",
        Category::Disputed => "Disputed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze;

    #[test]
    fn sources_are_counted_once_however_named() {
        let report = analyze(
            "Ukrainian President Volodymyr Zelensky said the war goes on. Zelensky added that help was coming. \
             Officials said more was needed. It appears the talks failed.",
        );
        let s = summarize(&report);
        assert_eq!(s.counts, [2, 1, 0, 1, 0]);
        assert_eq!(s.sources[0].name, "Volodymyr Zelensky");
        assert_eq!(s.sources[0].findings.len(), 2);
        assert_eq!(s.sources[1].kind, "unnamed");
    }
}
