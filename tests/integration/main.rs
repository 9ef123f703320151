//! Integration tests: public behaviour of igf-rubric.

mod common;
mod presets;
mod scoring;
