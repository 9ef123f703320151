//! Combining many assessors: panel aggregation, spread, ranking and selection.

mod stats;

pub use stats::{Aggregation, Spread, Trim};
