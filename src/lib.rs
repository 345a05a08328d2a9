#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

mod analyze;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod explain;
pub mod learn;
pub mod lexicon;
pub mod marks;
pub mod offsets;
mod order;
pub mod parts;
pub mod report;
pub mod rules;
pub mod source;
pub mod span;
pub mod summary;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use analyze::{analyze, analyze_with};
pub use report::{Category, Finding, Judgement, Kind, Reason, Report, SourceType, Speech, Unit};
pub use span::Span;
