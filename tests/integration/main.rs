//! Integration tests: public behaviour of igf-rubric.

mod presets;
