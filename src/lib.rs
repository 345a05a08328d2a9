#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

mod analyze;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod lexicon;
pub mod offsets;
pub mod report;
pub mod rules;
pub mod source;
pub mod span;
pub mod text;

pub use analyze::analyze;
pub use report::{Category, Finding, Kind, Reason, Report, SourceType, Speech, Unit};
pub use span::Span;
