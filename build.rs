//! Writes two things the crate embeds, each to keep the WebAssembly small:
//!
//! - the word lists of `lexicon/` without what only their readers need:
//!   comments, blank lines and the spaces that align columns (see
//!   `src/lexicon.rs`; about 3 KB gzipped saved);
//! - the lower-case mapping of every character, as runs, taken from std's
//!   own `char::to_lowercase` here on the build machine (see
//!   `src/text/case.rs`; std's tables cost about 6 KB gzipped more).

use std::fs;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=lexicon");
    println!("cargo:rerun-if-changed=build.rs");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    word_lists(Path::new(&out));
    lower_case(Path::new(&out));
}

/// A run of characters that lower-case alike: `count` characters from
/// `first`, every `step`-th one, each `delta` away from its lower case.
struct Run {
    first: u32,
    count: u32,
    step: u32,
    delta: i64,
}

/// Writes `lowercase.rs`: the runs of characters whose lower case is one
/// other character. ('İ', whose lower case is two, is `case.rs`'s to handle.)
fn lower_case(out: &Path) {
    let mapped: Vec<(u32, i64)> = (0..=char::MAX as u32)
        .filter_map(char::from_u32)
        .filter(|c| !c.is_ascii())
        .filter_map(|c| {
            let mut lower = c.to_lowercase();
            let (Some(l), None) = (lower.next(), lower.next()) else { return None };
            (l != c).then_some((c as u32, i64::from(l as u32) - i64::from(c as u32)))
        })
        .collect();
    let mut runs: Vec<Run> = Vec::new();
    for (c, delta) in mapped {
        if let Some(run) = runs.last_mut().filter(|r| r.delta == delta) {
            let last = run.first + (run.count - 1) * run.step;
            // a second character fixes the run's step: 1, or 2 for the
            // alternating capitals and small letters of Latin Extended
            if run.count == 1 && matches!(c - last, 1 | 2) {
                run.step = c - last;
            }
            if c - last == run.step {
                run.count += 1;
                continue;
            }
        }
        runs.push(Run { first: c, count: 1, step: 1, delta });
    }
    let mut code =
        String::from("/// (first, count, step, delta): see build.rs.\nconst RUNS: &[(u32, u16, u8, i32)] = &[\n");
    for r in &runs {
        code.push_str(&format!("    ({}, {}, {}, {}),\n", r.first, r.count, r.step, r.delta));
    }
    code.push_str("];\n");
    fs::write(out.join("lowercase.rs"), code).expect("the build directory is writable");
}

/// Writes `lexicon/*.txt`: the word lists without comments and alignment.
fn word_lists(out: &Path) {
    let out = out.join("lexicon");
    fs::create_dir_all(&out).expect("the build directory is writable");
    let mut files: Vec<_> = fs::read_dir("lexicon").expect("lexicon/ is there").flatten().map(|e| e.path()).collect();
    files.sort();
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
        let text = fs::read_to_string(path).expect("a word list is UTF-8 text");
        let mut kept = String::with_capacity(text.len());
        for line in text.lines() {
            // `#` starts a comment anywhere in a line, as the parser reads it
            let words: Vec<&str> = line.split('#').next().unwrap_or("").split_whitespace().collect();
            if !words.is_empty() {
                kept.push_str(&words.join(" "));
                kept.push('\n');
            }
        }
        let name = path.file_name().expect("a file has a name");
        fs::write(out.join(name), kept).expect("the build directory is writable");
    }
}
