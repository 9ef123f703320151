//! `Display` for the crate's enums that carry data: a short description in words.

use std::fmt;

use crate::aggregate::{TieBreak, Trim};
use crate::error::Segment;
use crate::rubric::{CountCurve, DistributionMeasure, GateRule, Metric};

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Metric::Scale {
                min,
                max,
                step,
                direction,
            } => write!(f, "scale {min} to {max} in steps of {step} ({direction})"),
            Metric::Levels { levels } => {
                let labels: Vec<&str> = levels.iter().map(|l| l.label.as_str()).collect();
                write!(f, "levels: {}", labels.join(", "))
            }
            Metric::YesNo => f.write_str("yes or no"),
            Metric::Count { target, curve } => match curve {
                CountCurve::Linear => write!(f, "count toward {target}"),
                CountCurve::AllOrNothing => write!(f, "count: {target} or more"),
            },
            Metric::Percent { target } => write!(f, "percentage toward {target} %"),
            Metric::Distribution {
                categories,
                measure,
                target,
            } => match measure {
                DistributionMeasure::Evenness => write!(
                    f,
                    "evenness over {} categories toward {target}",
                    categories.len()
                ),
                DistributionMeasure::Coverage => {
                    write!(f, "{target} of {} categories covered", categories.len())
                }
            },
            Metric::Text => f.write_str("free text"),
        }
    }
}

impl fmt::Display for GateRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GateRule::RequiresYes { criterion } => write!(f, "`{criterion}` answered yes"),
            GateRule::CriterionMinimum {
                criterion,
                threshold,
            } => write!(f, "`{criterion}` at least as good as {threshold}"),
            GateRule::TotalMinimum { threshold } => {
                write!(f, "total at least as good as {threshold}")
            }
            GateRule::NoConflictOfInterest => f.write_str("no conflict of interest declared"),
        }
    }
}

impl fmt::Display for Trim {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Trim::Share(share) => write!(f, "a share of {share} at each end"),
            Trim::Count(count) => write!(f, "{count} at each end"),
        }
    }
}

impl fmt::Display for TieBreak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TieBreak::Criterion { criterion } => write!(f, "better `{criterion}`"),
            TieBreak::SmallerSpread => f.write_str("smaller spread among assessors"),
        }
    }
}

impl fmt::Display for Segment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Segment::Key(key) => f.write_str(key),
            Segment::Index { index, id: None } => write!(f, "[{index}]"),
            Segment::Index {
                index,
                id: Some(id),
            } => write!(f, "[{index}]({id})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;

    #[test]
    fn descriptions_read_as_sentences() {
        assert_eq!(
            Metric::scale(1, 5).to_string(),
            "scale 1 to 5 in steps of 1 (Higher is better)"
        );
        assert_eq!(
            GateRule::TotalMinimum {
                threshold: Decimal::from(60)
            }
            .to_string(),
            "total at least as good as 60"
        );
        assert_eq!(Trim::Count(1).to_string(), "1 at each end");
        assert_eq!(
            Segment::Index {
                index: 2,
                id: Some("P3".into())
            }
            .to_string(),
            "[2](P3)"
        );
    }
}
