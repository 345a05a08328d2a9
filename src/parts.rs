//! Analysing a long text in parts, so that a browser can do it a slice at a
//! time between frames instead of in one long task.
//!
//! A part ends at a line break (a block of the page) where it can, so no
//! sentence or quotation is cut; each part is analysed on its own, its
//! offsets moved to the whole text, and at the end people named in full in
//! one part and by surname in another get the one full name.

use std::collections::hash_map::DefaultHasher;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use crate::analyze;
use crate::report::{Report, SourceType};

/// A text analysed part by part. The text is given to each call rather
/// than held, so that its owner can keep it beside the analysis.
#[derive(Default)]
pub struct Parts {
    /// Where the next part starts.
    next: usize,
    /// The longest part, in bytes.
    max: usize,
    report: Report,
}

/// Reports of parts analysed before, by the part's text: when a page
/// changes, only the parts whose text changed are analysed again.
#[derive(Default)]
pub struct PartCache {
    reports: HashMap<u64, (Report, bool)>,
    /// Parts analysed, and parts taken from the cache, since the last call
    /// of [`Self::forget_unused`].
    analysed: u32,
    reused: u32,
}

impl PartCache {
    /// Forgets the parts not used since the last call; returns how many
    /// parts were analysed and how many were taken from the cache since.
    pub fn forget_unused(&mut self) -> (u32, u32) {
        self.reports.retain(|_, (_, used)| std::mem::take(used));
        (std::mem::take(&mut self.analysed), std::mem::take(&mut self.reused))
    }
}

impl Parts {
    /// Prepares to analyse a text in parts of at most `max` bytes (a part
    /// grows past that only to reach a character boundary).
    pub fn new(max: usize) -> Parts {
        Parts { next: 0, max: max.max(1), report: Report::default() }
    }

    /// True when every part of `text` has been analysed.
    pub fn done(&self, text: &str) -> bool {
        self.next >= text.len()
    }

    /// Analyses the next part of `text`, or takes its report from `cache`.
    pub fn step(&mut self, text: &str, cache: &mut PartCache) {
        if self.done(text) {
            return;
        }
        let start = self.next;
        let end = part_end(text, start, self.max);
        let slice = &text[start..end];
        let mut hasher = DefaultHasher::new();
        slice.hash(&mut hasher);
        let (report, used) = match cache.reports.entry(hasher.finish()) {
            Entry::Occupied(known) => {
                cache.reused += 1;
                known.into_mut()
            }
            Entry::Vacant(new) => {
                cache.analysed += 1;
                new.insert((analyze(slice), false))
            }
        };
        *used = true;
        let mut part = report.clone();
        let base = self.report.findings.len();
        part.shift(start);
        for f in &mut part.findings {
            if let Some(d) = &mut f.disputes {
                *d += base;
            }
        }
        self.report.findings.extend(part.findings);
        self.next = end;
    }

    /// The report for the whole of `text`, in byte offsets.
    pub fn finish(mut self, text: &str, cache: &mut PartCache) -> Report {
        while !self.done(text) {
            self.step(text, cache);
        }
        unify_names(&mut self.report);
        self.report
    }
}

/// Where the part starting at `start` ends: the last line break within
/// `max` bytes, else the last sentence end, else `max` bytes on.
fn part_end(text: &str, start: usize, max: usize) -> usize {
    if text.len() - start <= max {
        return text.len();
    }
    let mut limit = start + max;
    while !text.is_char_boundary(limit) {
        limit += 1;
    }
    let window = &text[start..limit];
    // ". " found byte by byte: a search for a string brings a whole
    // searcher into the WebAssembly
    let sentence_end = || window.as_bytes().windows(2).rposition(|w| w == b". ").map(|k| k + 2);
    let cut = window.rfind('\n').map(|k| k + 1).or_else(sentence_end);
    match cut {
        Some(k) if k > 0 => start + k,
        _ => limit,
    }
}

/// A person named by a single word in one part ("Zelensky") and in full
/// in another ("Volodymyr Zelensky") gets the full name everywhere.
fn unify_names(report: &mut Report) {
    let full: Vec<String> = report
        .findings
        .iter()
        .filter_map(|f| f.source.as_ref())
        .filter(|s| s.source_type == SourceType::Person && s.name.contains(' '))
        .map(|s| s.name.clone())
        .collect();
    for f in &mut report.findings {
        let Some(s) = &mut f.source else { continue };
        if s.source_type != SourceType::Person || s.name.contains(' ') {
            continue;
        }
        let suffix = format!(" {}", s.name);
        if let Some(name) = full.iter().filter(|n| n.ends_with(&suffix)).max_by_key(|n| n.len()) {
            s.name = name.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_give_the_findings_of_the_whole() {
        let text = "Ukrainian President Volodymyr Zelensky said the war goes on.\n".repeat(3)
            + "“We will win,” Zelensky said.\nIt appears the talks failed, officials said.\n";
        let whole = analyze(&text);
        let mut cache = PartCache::default();
        let mut parts = Parts::new(70);
        let mut steps = 0;
        while !parts.done(&text) {
            parts.step(&text, &mut cache);
            steps += 1;
        }
        assert!(steps > 3);
        let report = parts.finish(&text, &mut cache);
        assert_eq!(report.findings.len(), whole.findings.len());
        for (a, b) in report.findings.iter().zip(&whole.findings) {
            assert_eq!((a.cue.start, a.cue.end, &a.cue.text), (b.cue.start, b.cue.end, &b.cue.text));
            assert_eq!(a.source.as_ref().map(|s| &s.name), b.source.as_ref().map(|s| &s.name));
        }
    }

    #[test]
    fn a_text_without_line_breaks_is_cut_at_sentences() {
        let text = "He said so. ".repeat(100);
        let mut cache = PartCache::default();
        let mut parts = Parts::new(50);
        parts.step(&text, &mut cache);
        assert_eq!(parts.next % 12, 0, "cut after a sentence");
        assert_eq!(parts.finish(&text, &mut cache).findings.len(), 100);
    }

    #[test]
    fn unchanged_parts_come_from_the_cache() {
        let text = "The port closed, officials said.\n".repeat(4);
        let mut cache = PartCache::default();
        let first = Parts::new(40).finish(&text, &mut cache);
        assert_eq!(cache.reports.len(), 1, "four equal parts, one analysis");
        assert_eq!(cache.forget_unused(), (1, 3), "one part analysed, three reused");
        let changed = text.replacen("port", "dock", 1);
        let second = Parts::new(40).finish(&changed, &mut cache);
        assert_eq!(cache.reports.len(), 2);
        assert_eq!(first.findings.len(), second.findings.len());
        assert_eq!(cache.forget_unused(), (1, 3), "only the changed part analysed again");
        assert_eq!(cache.reports.len(), 2);
        cache.forget_unused();
        assert!(cache.reports.is_empty());
    }
}
