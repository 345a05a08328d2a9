//! The command line: `sourcelight analyze`.
//!
//! Reads a file or standard input and prints the findings for people, or
//! the report as JSON, or, with `--jsonl`, analyses one `{"id","text"}`
//! document a line and writes one `{"id","findings"}` line for each, as
//! `score.py` reads them. JSON offsets count code points.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};

use serde::{Deserialize, Serialize};

use crate::learn::Settings;
use crate::report::{Finding, Kind, Report, Unit};

const USAGE: &str = "\
usage: sourcelight analyze [--json | --jsonl] [--min-confidence X | --rules-only] [--model FILE] [FILE | -]

Finds who says what in a news text: attributions (source, cue, content) and
unverified claims (hedges, hearsay, disputes).

  FILE       a UTF-8 text file; '-' or nothing reads standard input
  --json     print the report as JSON (offsets count code points)
  --jsonl    read one {\"id\": ..., \"text\": ...} object a line and write one
             {\"id\": ..., \"findings\": [...]} line for each
  --min-confidence X
             report only attributions with a confidence of at least X
             (0 to 1; the default is the threshold chosen for precision)
  --rules-only
             the rules alone, without the learned layer (every finding
             then has a confidence of 1)
  --model FILE
             use this model file instead of the one built in (as written
             by `cargo run --release --bin train`)
  --color    colour the readable output even when it is not a terminal
  -h, --help     show this help
  -V, --version  show the version
";

/// What went wrong, and the exit code it gives.
#[derive(Debug)]
pub struct Failure {
    /// The message for standard error.
    pub message: String,
    /// The process exit code.
    pub code: i32,
}

impl Failure {
    fn usage(message: impl Into<String>) -> Failure {
        Failure { message: format!("{}\n\n{USAGE}", message.into()), code: 2 }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Output {
    Readable,
    Json,
    Jsonl,
}

/// Runs the command line with `args` (without the program name), writing
/// results to `out`.
pub fn run(args: &[String], stdin: &mut dyn Read, out: &mut dyn Write) -> Result<(), Failure> {
    let mut output = Output::Readable;
    let mut color = None;
    let mut path: Option<&str> = None;
    let mut settings = Settings::default();
    let mut args = args.iter();
    match args.next().map(String::as_str) {
        Some("analyze") => {}
        Some("-h" | "--help") => return write_all(out, USAGE.as_bytes()),
        Some("-V" | "--version") => {
            return write_all(out, format!("sourcelight {}\n", env!("CARGO_PKG_VERSION")).as_bytes())
        }
        Some(other) => return Err(Failure::usage(format!("unknown command '{other}'"))),
        None => return Err(Failure::usage("a command is needed")),
    }
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--min-confidence" => {
                let value = args.next().ok_or_else(|| Failure::usage("--min-confidence needs a number"))?;
                settings.min_confidence =
                    value.parse::<f32>().ok().filter(|x| (0.0..=1.0).contains(x)).ok_or_else(|| {
                        Failure::usage(format!("--min-confidence takes a number from 0 to 1, not '{value}'"))
                    })?;
            }
            "--rules-only" => settings.learned = false,
            "--model" => {
                let path = args.next().ok_or_else(|| Failure::usage("--model needs a file"))?;
                let bytes = std::fs::read(path)
                    .map_err(|e| Failure { message: format!("cannot read {path}: {e}"), code: 2 })?;
                let model = crate::learn::Model::read(&bytes)
                    .map_err(|e| Failure { message: format!("{path}: {e}"), code: 2 })?;
                settings.model = Some(Box::leak(Box::new(model)));
            }
            "--json" => output = Output::Json,
            "--jsonl" => output = Output::Jsonl,
            "--color" => color = Some(true),
            "--no-color" => color = Some(false),
            "-h" | "--help" => return write_all(out, USAGE.as_bytes()),
            flag if flag.starts_with("--") => return Err(Failure::usage(format!("unknown option '{flag}'"))),
            file if path.is_none() => path = Some(file),
            extra => return Err(Failure::usage(format!("unexpected argument '{extra}'"))),
        }
    }
    let name = path.unwrap_or("-");
    let mut input: Box<dyn Read + '_> = if name == "-" {
        Box::new(stdin)
    } else {
        Box::new(File::open(name).map_err(|e| Failure { message: format!("cannot read {name}: {e}"), code: 2 })?)
    };
    if output == Output::Jsonl {
        return jsonl(BufReader::new(input), out, name, settings);
    }
    let mut bytes = Vec::new();
    input.read_to_end(&mut bytes).map_err(|e| Failure { message: format!("cannot read {name}: {e}"), code: 2 })?;
    let text = String::from_utf8(bytes).map_err(|e| Failure {
        message: format!("{name} is not valid UTF-8 (at byte {})", e.utf8_error().valid_up_to()),
        code: 1,
    })?;
    let report = crate::analyze_with(&text, settings);
    match output {
        Output::Json => {
            let report = report.into_unit(&text, Unit::CodePoints);
            let mut json = serde_json::to_string(&report).map_err(internal)?;
            json.push('\n');
            write_all(out, json.as_bytes())
        }
        _ => {
            let color = color.unwrap_or_else(|| io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none());
            write_all(out, readable(&text, &report, color).as_bytes())
        }
    }
}

fn internal(e: impl std::fmt::Display) -> Failure {
    Failure { message: format!("internal error: {e}"), code: 3 }
}

fn write_all(out: &mut dyn Write, bytes: &[u8]) -> Result<(), Failure> {
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // a closed pipe (`| head`) is not an error of ours
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure { message: format!("cannot write output: {e}"), code: 2 }),
    }
}

#[derive(Deserialize)]
struct Document {
    id: serde_json::Value,
    text: String,
}

#[derive(Serialize)]
struct Analysed<'a> {
    id: &'a serde_json::Value,
    findings: &'a [Finding],
}

#[derive(Serialize)]
struct Failed<'a> {
    id: &'a serde_json::Value,
    error: &'a str,
}

/// Analyses one JSON document a line. Lines are read and answered one at a
/// time, so memory holds one line, not the input. A bad line gets an
/// `{"id", "error"}` line of its own and a message on standard error; the
/// other lines are still analysed, and the exit code says that some failed.
fn jsonl(mut input: impl BufRead, out: &mut dyn Write, name: &str, settings: Settings) -> Result<(), Failure> {
    let mut line = Vec::new();
    let mut number = 0usize;
    let mut failures = 0usize;
    let mut first_failure = String::new();
    let mut writer = io::BufWriter::new(out);
    loop {
        line.clear();
        let n = input
            .read_until(b'\n', &mut line)
            .map_err(|e| Failure { message: format!("cannot read {name}: {e}"), code: 2 })?;
        if n == 0 {
            break;
        }
        number += 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let result = std::str::from_utf8(&line)
            .map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to()))
            .and_then(|s| {
                serde_json::from_str::<Document>(s).map_err(|e| format!("not a {{\"id\", \"text\"}} JSON object: {e}"))
            });
        let json = match result {
            Ok(doc) => {
                let report = crate::analyze_with(&doc.text, settings).into_unit(&doc.text, Unit::CodePoints);
                serde_json::to_string(&Analysed { id: &doc.id, findings: &report.findings })
            }
            Err(why) => {
                let message = format!("{name}: line {number}: {why}");
                eprintln!("sourcelight: {message}");
                if failures == 0 {
                    first_failure = message.clone();
                }
                failures += 1;
                serde_json::to_string(&Failed { id: &serde_json::Value::Null, error: &message })
            }
        };
        let json = json.map_err(internal)?;
        let written = writer.write_all(json.as_bytes()).and_then(|()| writer.write_all(b"\n"));
        if let Err(e) = written {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return Ok(());
            }
            return Err(Failure { message: format!("cannot write output: {e}"), code: 2 });
        }
    }
    if let Err(e) = writer.flush() {
        if e.kind() != io::ErrorKind::BrokenPipe {
            return Err(Failure { message: format!("cannot write output: {e}"), code: 2 });
        }
    }
    if failures > 0 {
        return Err(Failure {
            message: format!("{failures} of {number} lines failed; the first: {first_failure}"),
            code: 1,
        });
    }
    Ok(())
}

/// The findings for people: one block per finding, with the sentence
/// parts marked (in colour on a terminal).
pub fn readable(text: &str, report: &Report, color: bool) -> String {
    let paint = |code: &str, s: &str| {
        if color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    };
    let mut out = String::new();
    if report.findings.is_empty() {
        out.push_str("No attributions or unverified claims found.\n");
        return out;
    }
    let attributions = report.findings.iter().filter(|f| f.kind == Kind::Attribution).count();
    let _ =
        writeln!(out, "{} attributions, {} unverified claims\n", attributions, report.findings.len() - attributions);
    for (n, f) in report.findings.iter().enumerate() {
        let line = line_of(text, f.cue.start);
        let what = match (&f.source, f.kind) {
            (Some(s), _) => format!("{} ({}: {})", paint("1;36", &s.text), type_name(s.source_type), s.name),
            (None, Kind::Attribution) => paint("1;35", "no source"),
            (None, Kind::Unverified) => {
                paint("1;35", &format!("{:?}", f.reason.unwrap_or(crate::Reason::Hedge)).to_lowercase())
            }
        };
        let loaded = match f.loaded {
            Some(j) => paint("31", &format!(" [loaded: {}]", format!("{j:?}").to_lowercase())),
            None => String::new(),
        };
        let _ =
            writeln!(out, "{:>3}. line {line}: {} {} {what}{loaded}", n + 1, paint("1;33", &f.cue.text), arrow(f.kind));
        if let Some(c) = &f.content {
            let mut content = c.text.clone();
            if content.chars().count() > 160 {
                content = content.chars().take(157).collect::<String>() + "...";
            }
            let _ = writeln!(out, "     {}", paint("32", &format!("“{content}”")));
        }
    }
    out
}

fn arrow(kind: Kind) -> &'static str {
    match kind {
        Kind::Attribution => "<-",
        Kind::Unverified => "!",
    }
}

fn type_name(t: crate::SourceType) -> &'static str {
    use crate::SourceType::*;
    match t {
        Person => "person",
        Organization => "organization",
        Media => "media",
        Social => "social",
        Unnamed => "unnamed",
        Document => "document",
    }
}

fn line_of(text: &str, byte: usize) -> usize {
    text.as_bytes()[..byte.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}
