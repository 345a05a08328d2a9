//! Copies the word lists of `lexicon/` into the build without what only
//! their readers need: comments, blank lines and the spaces that align
//! columns. The crate embeds these copies (see `src/lexicon.rs`), which
//! keeps the WebAssembly about 3 KB (gzipped) smaller.

use std::fs;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=lexicon");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out).join("lexicon");
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
