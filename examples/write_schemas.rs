//! Regenerates the committed JSON Schemas in `schemas/`.
//!
//! Run with `cargo run --example write_schemas` after changing a document type.
// Tests, examples and benches may panic: the no-panic lints of Cargo.toml are for shipped code.
#![allow(
    clippy::arithmetic_side_effects,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

use std::error::Error;
use std::fs;
use std::path::Path;

fn main() -> Result<(), Box<dyn Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    fs::create_dir_all(&dir)?;
    for (name, schema) in igf_rubric::schema::all() {
        let path = dir.join(name);
        fs::write(&path, igf_rubric::schema::to_text(&schema)?)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
