//! No input makes the engine panic, and every span it reports is inside the
//! text, on character boundaries: arbitrary Unicode, news-like text cut at
//! random, unbalanced quotation marks, a megabyte with no punctuation, one
//! very long line.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use sourcelight::learn::Settings;
use sourcelight::marks::marks;
use sourcelight::{analyze, analyze_with, Report, Span, Unit};

/// Checks every span of the report against the text.
#[track_caller]
fn check(text: &str, report: &Report) {
    let ok = |start: usize, end: usize| {
        start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
    };
    for f in &report.findings {
        assert!(ok(f.cue.start, f.cue.end), "cue {:?} in {text:?}", f.cue);
        assert!(!f.cue.text.is_empty());
        if let Some(s) = &f.source {
            assert!(ok(s.start, s.end), "source {s:?}");
            assert_eq!(&text[s.start..s.end], s.text);
        }
        if let Some(c) = &f.content {
            assert!(ok(c.start, c.end), "content {c:?}");
            let mut last = c.start;
            for frag in c.spans() {
                assert!(ok(frag.start, frag.end) && frag.start >= last, "fragments in order: {c:?}");
                last = frag.end;
                let overlaps = |a: usize, b: usize| frag.start < b && a < frag.end;
                assert!(!overlaps(f.cue.start, f.cue.end), "content {c:?} covers the cue {:?}", f.cue);
                if let Some(s) = &f.source {
                    assert!(!overlaps(s.start, s.end), "content {c:?} covers the source {s:?}");
                }
            }
        }
        if let Some(d) = f.disputes {
            assert!(d < report.findings.len());
        }
    }
    let runs = marks(report, None);
    for w in runs.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "marks overlap");
    }
    // conversions never panic and stay within the text's length in units
    let units = text.encode_utf16().count();
    let converted = report.clone().into_unit(text, Unit::Utf16);
    for f in &converted.findings {
        assert!(f.cue.end <= units);
    }
}

/// Pieces of news-like text, quotation marks of every kind, and awkward
/// Unicode, to be shuffled into inputs.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("said".to_owned()),
        Just(" according to ".to_owned()),
        Just("Ukrainian President Volodymyr Zelensky".to_owned()),
        Just(" has gravely warned that ".to_owned()),
        Just(", claiming that ".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("\"".to_owned()),
        Just("''".to_owned()),
        Just("‘".to_owned()),
        Just("’s".to_owned()),
        Just("«".to_owned()),
        Just("»".to_owned()),
        Just(" officials said.".to_owned()),
        Just(" it appears ".to_owned()),
        Just(" reportedly ".to_owned()),
        Just(" have denied".to_owned()),
        Just("Mr. ".to_owned()),
        Just("U.S.".to_owned()),
        Just(" (R-Texas), ".to_owned()),
        Just(" — an entity — ".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just(". ".to_owned()),
        Just(":".to_owned()),
        Just("🙂".to_owned()),
        Just("e\u{301}".to_owned()),
        Just("日本語".to_owned()),
        Just("שלום".to_owned()),
        Just("\u{200D}".to_owned()),
        Just("https://x.org/a.b".to_owned()),
        Just("As Reuters reported, ".to_owned()),
        Just(" the president said ".to_owned()),
        Just(" her mother, Fiona, said ".to_owned()),
        Just("Many Tunisians".to_owned()),
        Just(" fake news ".to_owned()),
        Just(" who ".to_owned()),
        "[a-zA-Z]{1,8}".prop_map(|s| format!(" {s} ")),
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

/// How many cases each property runs: 600, or `PROPTEST_CASES` for a long
/// soak (see README).
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(600)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode(text in any::<String>()) {
        check(&text, &analyze(&text));
    }

    #[test]
    fn news_like_text(pieces in proptest::collection::vec(piece(), 0..80)) {
        let text = pieces.concat();
        check(&text, &analyze(&text));
        check(&text, &analyze_with(&text, Settings { learned: false, ..Settings::default() }));
    }
}

#[test]
fn unbalanced_quotation_marks() {
    for text in [
        "“He said it,” she said, “and then",
        "”Backwards“ said Ann.",
        "\"\"\"\" said \"",
        "«« »» ‹ › ‘‘’’ '' `` said X.",
        "“\n“\n“\n” he said",
    ] {
        check(text, &analyze(text));
    }
}

#[test]
fn a_megabyte_without_punctuation_and_one_very_long_line() {
    let no_punctuation = "officials said the army is working ".repeat(30_000);
    assert!(no_punctuation.len() > 1_000_000);
    check(&no_punctuation, &analyze(&no_punctuation));
    let long_line = "“We will fight,” Zelensky said, according to Suspilne, and it appears that ".repeat(15_000);
    let report = analyze(&long_line);
    check(&long_line, &report);
    assert!(report.findings.len() > 10_000);
}

#[test]
fn thousands_of_different_names() {
    // every name is looked up in the text once, not searched for again at
    // each mention: this stays linear
    let name = |k: usize| -> String {
        let letters: String = (0..4).map(|d| char::from(b'a' + (k / 26usize.pow(d) % 26) as u8)).collect();
        format!("Q{letters}")
    };
    let text: String = (0..20_000).map(|k| format!("{} said the port closed. ", name(k))).collect();
    let report = analyze(&text);
    check(&text, &report);
    assert!(report.findings.len() > 10_000);
}

#[test]
fn thousands_of_titles_and_pronouns() {
    // the places of a title are read once in all, not again for each "the
    // president"; the kind of each name is found once: this stays linear
    let name = |k: usize| -> String {
        let letters: String = (0..3).map(|d| char::from(b'a' + (k / 26usize.pow(d) % 26) as u8)).collect();
        format!("Q{letters} Lind")
    };
    let text: String = (0..5_000)
        .map(|k| {
            format!("President {} met the board. The president said the plan works. “It is fine,” he said. ", name(k))
        })
        .collect();
    let report = analyze(&text);
    check(&text, &report);
    assert_eq!(report.findings.len(), 10_000, "the president and he, in every one");
}

/// Every form of every listed reporting verb, where a text or a sentence
/// ends right after it or after one word more: what the rules read after a
/// verb may not be there ("Officials believe" once read past the end).
#[test]
fn texts_that_end_at_a_reporting_verb() {
    let verbs = include_str!("../lexicon/reporting_verbs.txt");
    let forms = verbs.lines().filter(|l| !l.starts_with('#')).flat_map(|l| l.split_whitespace().take(5));
    for form in forms {
        for text in [
            format!("Officials {form}"),
            format!("Officials {form} it"),
            format!("“Yes,” {form}"),
            format!("Officials {form}."),
            format!("It is {form}"),
            form.to_uppercase(),
        ] {
            check(&text, &analyze(&text));
        }
    }
}

#[test]
fn empty_and_blank_text() {
    for text in ["", " ", "\n\n\n", "\u{FEFF}", "\u{200B}\u{200B}"] {
        assert!(analyze(text).findings.is_empty());
    }
    let _ = Span::default();
}
