//! Integration tests: public behaviour of igf-rubric.

mod common;
mod errors;
mod exactness;
mod example;
mod presets;
mod properties;
mod schemas;
mod scoring;
