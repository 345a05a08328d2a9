//! Marks: what to paint where, worked out without a browser.
//!
//! Findings overlap (a hedge inside a quotation, a denial that is both an
//! attribution and a dispute), but a piece of text can show one colour.
//! [`marks`] cuts the text into runs that do not overlap and gives each the
//! part that is shown there: a cue before a source before content, and
//! among equals the smaller, more specific part.

use crate::report::{Category, Kind, Report};
use crate::Span;

/// Which part of a finding a run shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// The attributing or hedging words.
    Cue,
    /// The source's mention.
    Source,
    /// What is claimed.
    Content,
}

impl Role {
    /// The stable name used in CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Cue => "cue",
            Role::Source => "source",
            Role::Content => "content",
        }
    }
}

/// One run of text to paint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    /// Where, in the report's offsets.
    pub span: Span,
    /// The finding shown there (an index into the report's findings).
    pub finding: usize,
    /// The part of it shown there.
    pub role: Role,
    /// Its category (the colour).
    pub category: Category,
}

/// Cuts the report's parts into non-overlapping runs, in text order.
/// `shown` says which findings to paint (all of them when it is `None`).
pub fn marks(report: &Report, shown: Option<&dyn Fn(usize) -> bool>) -> Vec<Mark> {
    // every part as (span, priority key, finding, role)
    let mut parts = Vec::new();
    for (i, f) in report.findings.iter().enumerate() {
        if shown.is_some_and(|keep| !keep(i)) {
            continue;
        }
        for span in f.cue.spans() {
            parts.push((span, i, Role::Cue));
        }
        if let Some(s) = &f.source {
            parts.push((Span::new(s.start, s.end), i, Role::Source));
        }
        if let Some(c) = &f.content {
            for span in c.spans() {
                parts.push((span, i, Role::Content));
            }
        }
    }
    parts.retain(|(s, _, _)| !s.is_empty());
    let mut bounds: Vec<usize> = parts.iter().flat_map(|(s, _, _)| [s.start, s.end]).collect();
    crate::order::by_key(&mut bounds, |&b| b as u64);
    bounds.dedup();
    // sweep: parts sorted by start; the active ones cover the current run
    crate::order::by_key(&mut parts, |(s, _, _)| s.start as u64);
    let rank = |&(span, finding, role): &(Span, usize, Role)| {
        let unverified_first = report.findings[finding].kind != Kind::Unverified;
        (role, unverified_first, span.len(), finding)
    };
    let mut out: Vec<Mark> = Vec::new();
    let mut active: Vec<(Span, usize, Role)> = Vec::new();
    let mut next = 0;
    for w in bounds.windows(2) {
        let run = Span::new(w[0], w[1]);
        active.retain(|(s, _, _)| s.end > run.start);
        while next < parts.len() && parts[next].0.start <= run.start {
            if parts[next].0.end > run.start {
                active.push(parts[next]);
            }
            next += 1;
        }
        let Some(top) = active.iter().min_by_key(|p| rank(p)) else { continue };
        let (_, finding, role) = *top;
        let category = report.findings[finding].category;
        match out.last_mut() {
            Some(last) if last.span.end == run.start && last.finding == finding && last.role == role => {
                last.span.end = run.end
            }
            _ => out.push(Mark { span: run, finding, role, category }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze;

    #[test]
    fn runs_do_not_overlap_and_cover_every_part() {
        let text = "Kim Yong-hyun has suggested the deployment was “highly likely”, accusations both Moscow and Pyongyang have denied.";
        let report = analyze(text);
        let marks = marks(&report, None);
        for w in marks.windows(2) {
            assert!(w[0].span.end <= w[1].span.start);
        }
        let hedge =
            marks.iter().find(|m| m.span.text(text) == "highly likely").expect("the hedge shows inside the content");
        assert_eq!(hedge.category, Category::Hedged);
        let denied = marks.iter().find(|m| m.span.text(text) == "have denied").expect("the denial shows");
        assert_eq!((denied.category, denied.role), (Category::Disputed, Role::Cue));
    }

    #[test]
    fn hidden_findings_are_not_painted() {
        let report = analyze("The war is over, Zelensky said.");
        assert!(!marks(&report, None).is_empty());
        assert!(marks(&report, Some(&|_| false)).is_empty());
    }
}
