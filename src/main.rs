//! `sourcelight`: the command-line face of the engine; see `src/cli.rs`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut stdin = std::io::stdin().lock();
    let mut stdout = std::io::stdout().lock();
    if let Err(failure) = sourcelight::cli::run(&args, &mut stdin, &mut stdout) {
        eprintln!("sourcelight: {}", failure.message.trim_end());
        std::process::exit(failure.code);
    }
}

/// The command line needs a file system and a terminal: in the browser
/// there is nothing to run.
#[cfg(target_arch = "wasm32")]
fn main() {}
