//! Rubric versions: what changed between two, and the explicit migration of assessments and
//! panels from one to the next.

mod diff;
mod migrate;

pub use diff::{ChangeKind, CriterionChange, RubricDiff};
pub use migrate::{Driver, Migration, MigrationNote, RankMove, Rescoring, SetAside};
