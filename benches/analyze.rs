//! Speed of `analyze`: megabytes a second on real news text, single
//! threaded, with the learned layer and with the rules alone (the layer's
//! share of the time), and the time at 1x, 10x and 100x the input size, to
//! show that the cost grows linearly. Prints figures; asserts nothing (machines are
//! shared and noisy: compare the ratios measured in one run).
//!
//! Run with `cargo bench`. The text is `../shared/eval/polnear-dev.jsonl`
//! (294 articles); without it, the demo article repeated.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::path::PathBuf;
    use std::time::{Duration, Instant};

    use sourcelight::text::Document;

    /// The articles to measure on, and where they came from.
    fn corpus() -> (Vec<String>, &'static str) {
        let shared = std::env::var_os("SOURCELIGHT_SHARED")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("shared"));
        if let Ok(jsonl) = std::fs::read_to_string(shared.join("eval").join("polnear-dev.jsonl")) {
            let texts = jsonl
                .lines()
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .filter_map(|d| d["text"].as_str().map(str::to_owned))
                .collect();
            return (texts, "PolNeAR dev (../shared/eval/polnear-dev.jsonl)");
        }
        let html = include_str!("../www/index.html");
        let article = html.split("<article").nth(1).unwrap_or(html);
        let mut text = String::new();
        let mut in_tag = false;
        for c in article.chars() {
            match c {
                '<' => in_tag = true,
                '>' => {
                    in_tag = false;
                    text.push(' ');
                }
                _ if !in_tag => text.push(c),
                _ => {}
            }
        }
        (vec![text; 200], "the demo article, repeated (../shared is absent)")
    }

    /// The best of `runs` timings of `f`: the least disturbed by other work.
    fn best_of(runs: usize, mut f: impl FnMut()) -> Duration {
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .min()
            .unwrap_or_default()
    }

    fn mb_per_s(bytes: usize, time: Duration) -> f64 {
        bytes as f64 / 1e6 / time.as_secs_f64()
    }

    /// Where the time of `analyze` goes: reading the text into a
    /// document, each rule alone on the documents read, and the rest
    /// (the learned layer, settling, naming the sources, the report), as
    /// shares of `total`, the time of the whole.
    fn stages(texts: &[String], total: Duration) {
        let share = |t: Duration| 100.0 * t.as_secs_f64() / total.as_secs_f64();
        let read = best_of(15, || {
            for t in texts {
                black_box(Document::new(t));
            }
        });
        let docs: Vec<Document> = texts.iter().map(|t| Document::new(t)).collect();
        let mut found = Vec::new();
        let rules: Vec<(&str, Duration)> = sourcelight::rules::all()
            .iter()
            .map(|rule| {
                let time = best_of(15, || {
                    for doc in &docs {
                        found.clear();
                        rule.find(doc, &mut found);
                        black_box(&found);
                    }
                });
                (rule.name(), time)
            })
            .collect();
        let all_rules: Duration = rules.iter().map(|(_, t)| *t).sum();
        println!("where the time goes (each stage timed alone, as a share of the whole):");
        println!("  reading the text (tokens, word lists, sentences, quotations): {:.0}%", share(read));
        println!("  the rules' candidates: {:.0}%", share(all_rules));
        for (name, time) in &rules {
            println!("    {name:<16} {:>4.1}%", share(*time));
        }
        println!(
            "  the rest (learned layer, settling, sources, report): {:.0}%",
            (100.0 - share(read) - share(all_rules)).max(0.0)
        );
    }

    pub fn run() {
        let (texts, origin) = corpus();
        let total: usize = texts.iter().map(String::len).sum();
        println!("sourcelight analyze benchmark: {} texts, {:.2} MB, from {origin}", texts.len(), total as f64 / 1e6);
        // warm up (the word lists are parsed on first use)
        black_box(sourcelight::analyze(&texts[0]));

        let time = best_of(15, || {
            for t in &texts {
                black_box(sourcelight::analyze(t));
            }
        });
        println!(
            "throughput, article by article: {:.1} MB/s ({:.1} ms for {:.2} MB)",
            mb_per_s(total, time),
            time.as_secs_f64() * 1e3,
            total as f64 / 1e6
        );
        // the learned layer's share: the same texts with the rules alone
        let rules_only = sourcelight::learn::Settings { learned: false, ..Default::default() };
        let rules_time = best_of(15, || {
            for t in &texts {
                black_box(sourcelight::analyze_with(t, rules_only));
            }
        });
        println!(
            "the rules alone: {:.1} MB/s; the learned layer (taggers, proposals, scorer) takes {:.0}% of the time",
            mb_per_s(total, rules_time),
            100.0 * (1.0 - rules_time.as_secs_f64() / time.as_secs_f64()).max(0.0)
        );

        stages(&texts, time);

        // one text of 1x, 10x and 100x the size, made of whole articles
        let unit = 100_000;
        let mut joined = String::new();
        let mut k = 0;
        let mut sizes = Vec::new();
        for factor in [1usize, 10, 100] {
            while joined.len() < unit * factor {
                joined.push_str(&texts[k % texts.len()]);
                joined.push_str("\n\n");
                k += 1;
            }
            let text = joined.clone();
            let runs = if factor == 100 { 5 } else { 9 };
            let time = best_of(runs, || {
                black_box(sourcelight::analyze(&text));
            });
            sizes.push((factor, text.len(), time));
        }
        println!("one text at growing sizes:");
        let (_, base_len, base_time) = sizes[0];
        let base_rate = base_time.as_secs_f64() / base_len as f64;
        for (factor, len, time) in &sizes {
            let ratio = time.as_secs_f64() / *len as f64 / base_rate;
            println!(
                "  {factor:>3}x  {:>6.2} MB  {:>8.2} ms  {:>6.1} MB/s  time per byte vs 1x: {ratio:.2}",
                *len as f64 / 1e6,
                time.as_secs_f64() * 1e3,
                mb_per_s(*len, *time)
            );
        }
    }
}

fn main() {
    // a benchmark of the native engine: nothing to run in the browser
    #[cfg(not(target_arch = "wasm32"))]
    native::run();
}
