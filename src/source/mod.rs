//! Sources: finding the words that name them, and what they name.
//!
//! [`mention`] finds a source's words next to a cue; [`describe`] tells what
//! kind of source a mention is and its name; [`Resolver`] follows one text
//! from start to end, so that later mentions ("Zelensky", "Mr Rutte",
//! "he") get the canonical name introduced earlier.

pub mod describe;
pub use describe::describe;
pub mod mention;
mod resolve;

pub use resolve::Resolver;
