//! Integration tests: public behaviour of igf-rubric.

mod common;
mod errors;
mod exactness;
mod presets;
mod scoring;
