//! Rubric versions: what changed between two, and the explicit migration of assessments and
//! panels from one to the next.
//!
//! ```
//! use igf_rubric::{Criterion, Metric, RubricKind, rubric::RubricDoc};
//!
//! let first = RubricDoc::new("workshop", "1", "Workshops", RubricKind::Proposal)
//!     .criterion(Criterion::leaf("relevance", "Relevance", 1, Metric::scale(1, 5)))
//!     .criterion(Criterion::leaf("diversity", "Diversity", 1, Metric::scale(1, 5)))
//!     .build()?;
//! let second = RubricDoc::new("workshop", "2", "Workshops", RubricKind::Proposal)
//!     .criterion(Criterion::leaf("relevance", "Relevance", 2, Metric::scale(1, 5)))
//!     .criterion(Criterion::leaf("diversity", "Diversity", 1, Metric::scale(1, 5)))
//!     .build()?;
//! let diff = first.diff(&second)?;
//! // One change: relevance was reweighted, from half of the total to two thirds.
//! assert_eq!(diff.changes.len(), 1);
//! let relevance = &diff.changes[0];
//! assert_eq!(relevance.criterion, "relevance");
//! assert_eq!(relevance.share_before.map(|s| s.to_string()).as_deref(), Some("0.5"));
//! # Ok::<(), igf_rubric::Error>(())
//! ```

mod diff;
mod migrate;

pub use diff::{ChangeKind, CriterionChange, RubricDiff};
pub use migrate::{Driver, Migration, MigrationNote, RankMove, Rescoring, SetAside};
