//! Plain words for a finding: what tooltips, the panel and screen readers
//! say about it.

use crate::report::{Finding, Judgement, Kind, Reason, Report, SourceType, Speech};

/// A finding in plain words: a heading and the lines under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// What the finding is: "Claim attributed to a named person".
    pub heading: String,
    /// The details: source, cue, kind of speech, reason.
    pub lines: Vec<String>,
}

impl Explanation {
    /// Heading and lines in one sentence-separated string, for aria-live.
    pub fn spoken(&self) -> String {
        let mut s = self.heading.clone();
        for line in &self.lines {
            s.push_str(". ");
            s.push_str(line);
        }
        s
    }
}

/// What kind of source a type is, in words: "a named person".
pub fn source_kind(t: SourceType) -> &'static str {
    match t {
        SourceType::Person => "a named person",
        SourceType::Organization => "an organization",
        SourceType::Media => "a news outlet",
        SourceType::Social => "a social-media account",
        SourceType::Unnamed => "an unnamed source",
        SourceType::Document => "a document",
    }
}

/// The short name of a type: "person", "news outlet".
pub fn type_label(t: SourceType) -> &'static str {
    match t {
        SourceType::Person => "person",
        SourceType::Organization => "organization",
        SourceType::Media => "news outlet",
        SourceType::Social => "social media",
        SourceType::Unnamed => "unnamed",
        SourceType::Document => "document",
    }
}

/// Explains finding `i` of `report`.
pub fn explain(report: &Report, i: usize) -> Explanation {
    let f = &report.findings[i];
    let mut lines = Vec::new();
    let heading = match (f.kind, &f.source, f.reason) {
        (Kind::Attribution, Some(s), _) => format!("Claim attributed to {}", source_kind(s.source_type)),
        (Kind::Attribution, None, _) => "Claim reported with no source".to_owned(),
        (Kind::Unverified, _, Some(Reason::Disputed)) => "Disputed claim".to_owned(),
        (Kind::Unverified, _, Some(Reason::Hearsay)) => "Hearsay".to_owned(),
        (Kind::Unverified, _, _) => "The writer hedges".to_owned(),
    };
    if let Some(s) = &f.source {
        let written =
            if s.text.trim() != s.name { format!(" (written “{}”)", s.text.trim()) } else { String::new() };
        lines.push(format!("Source: {}, {}{}", s.name, type_label(s.source_type), written));
    }
    match (f.kind, f.reason) {
        (Kind::Attribution, _) => {
            lines.push(format!("Cue: “{}”", f.cue.text));
            match f.speech {
                Some(Speech::Direct) => lines.push("Direct quotation".to_owned()),
                Some(Speech::Reported) => lines.push("Reported speech".to_owned()),
                None => {}
            }
            if f.source.is_none() {
                lines.push("No source is named".to_owned());
            } else {
                lines.push(confidence(f.confidence));
            }
        }
        (Kind::Unverified, Some(Reason::Disputed)) => {
            let by = disputer(report, f);
            match by {
                Some(name) => lines.push(format!("Denied by {name}: “{}”", f.cue.text)),
                None => lines.push(format!("Disputed: “{}”", f.cue.text)),
            }
            if let Some(target) = f.disputes.and_then(|t| report.findings.get(t)) {
                let who = target
                    .source
                    .as_ref()
                    .map_or("an unsourced claim".to_owned(), |s| format!("the claim by {}", s.name));
                lines.push(format!("Disputes {who}"));
            }
        }
        (Kind::Unverified, Some(Reason::Hearsay)) => lines.push(format!("No source is named: “{}”", f.cue.text)),
        (Kind::Unverified, _) => lines.push(format!("The writer hedges: “{}”", f.cue.text)),
    }
    if let Some(judgement) = f.loaded {
        let how = match judgement {
            Judgement::Affirms => "presents the claim as true",
            Judgement::Doubts => "casts doubt on the claim",
            Judgement::Concedes => "presents the claim as an admission",
        };
        lines.push(format!("Loaded word: “{}” {how}", f.cue.text));
    }
    Explanation { heading, lines }
}

/// How sure the engine is of an attribution, in words and per cent:
/// "Very likely right (93 %)". The figure is the learned scorer's estimate
/// that the cue and the source are right ([`crate::learn`]).
pub fn confidence(c: f32) -> String {
    let words = if c >= 0.9 {
        "very likely right"
    } else if c >= 0.7 {
        "likely right"
    } else {
        "less sure, check the text"
    };
    format!("Confidence: {words} ({} %)", (c * 100.0).round() as u32)
}

/// The source of the attribution that shares a dispute's cue ("Moscow and
/// Pyongyang have denied").
fn disputer<'r>(report: &'r Report, dispute: &Finding) -> Option<&'r str> {
    report
        .findings
        .iter()
        .find(|g| g.kind == Kind::Attribution && g.cue.start == dispute.cue.start && g.cue.end == dispute.cue.end)
        .and_then(|g| g.source.as_ref())
        .map(|s| s.name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze;

    #[test]
    fn attributions_name_their_source_and_speech() {
        let r = analyze("“We fight,” Ukrainian President Volodymyr Zelensky said.");
        let e = explain(&r, 0);
        assert_eq!(e.heading, "Claim attributed to a named person");
        assert_eq!(e.lines[0], "Source: Volodymyr Zelensky, person (written “Ukrainian President Volodymyr Zelensky”)");
        assert!(e.lines.contains(&"Direct quotation".to_owned()));
        assert!(e.lines.iter().any(|l| l.starts_with("Confidence: ")), "{:?}", e.lines);
    }

    #[test]
    fn confidence_in_words() {
        assert_eq!(confidence(0.934), "Confidence: very likely right (93 %)");
        assert_eq!(confidence(0.75), "Confidence: likely right (75 %)");
        assert_eq!(confidence(0.5), "Confidence: less sure, check the text (50 %)");
    }

    #[test]
    fn disputes_say_who_denies_what() {
        let r = analyze("Western intelligence agencies have accused North Korea of supplying artillery, accusations both Moscow and Pyongyang have denied.");
        let i = r.findings.iter().position(|f| f.kind == Kind::Unverified).unwrap();
        let e = explain(&r, i);
        assert_eq!(e.heading, "Disputed claim");
        assert!(e.lines[0].starts_with("Denied by Moscow and Pyongyang"), "{:?}", e.lines);
        assert_eq!(e.lines[1], "Disputes the claim by Western intelligence agencies");
    }

    #[test]
    fn hedges_quote_the_writer() {
        let r = analyze("But it appears their partnership is off to a rocky start.");
        assert_eq!(explain(&r, 0).lines, ["The writer hedges: “it appears”"]);
    }
}
