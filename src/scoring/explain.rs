//! The readable explanation of a scorecard (its `Display`).

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::assessment::AnswerValue;
use crate::rubric::Direction;

use super::{CriterionResult, CriterionStatus, Scorecard};

/// Decimal places of the weights and normalised scores shown in the explanation.
const SHOWN_DP: u32 = 4;

impl fmt::Display for Scorecard {
    /// Prints the scorecard as a plain-text explanation: subject, total and band, eligibility,
    /// gates, a table of criteria (declared weight, effective weight, answer, normalised score,
    /// points), flags and the three BPF questions.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} \"{}\" ({} {}) assessed by {} under {} v{}",
            self.subject.id,
            self.subject.title,
            self.kind.as_str(),
            self.subject.year,
            self.assessor.id,
            self.rubric.id,
            self.rubric.version
        )?;
        match &self.total {
            Some(total) => {
                write!(
                    f,
                    "total {} on {}..{}",
                    total.published, self.scale.min, self.scale.max
                )?;
                if self.scale.direction == Direction::LowerIsBetter {
                    write!(f, " (lower is better)")?;
                }
            }
            None => write!(f, "no total: assessment incomplete")?,
        }
        if let Some(band) = &self.band {
            write!(f, ", band {}", band.label)?;
        }
        writeln!(
            f,
            ", {}",
            if self.eligible {
                "eligible"
            } else {
                "not eligible"
            }
        )?;
        for gate in &self.gates {
            let mark = if gate.passed { "pass" } else { "FAIL" };
            writeln!(
                f,
                "  gate {} [{mark}] {}: {}",
                gate.id, gate.label, gate.reason
            )?;
        }
        writeln!(
            f,
            "  {:<42} {:>7} {:>7} {:<18} {:>7} {:>8}",
            "criterion", "weight", "share", "answer", "score", "points"
        )?;
        for criterion in &self.criteria {
            row(f, criterion, 0)?;
        }
        for flag in &self.flags {
            writeln!(f, "  note: {}", flag.message)?;
        }
        let lessons = [
            ("worked well", &self.lessons.worked_well),
            ("worked less well", &self.lessons.worked_less_well),
            ("do differently", &self.lessons.do_differently),
        ];
        for (question, answer) in lessons {
            if let Some(answer) = answer {
                writeln!(f, "  {question}: {answer}")?;
            }
        }
        Ok(())
    }
}

fn row(f: &mut fmt::Formatter<'_>, c: &CriterionResult, depth: usize) -> fmt::Result {
    let label: String = format!(
        "{:indent$}{} {}",
        "",
        c.id,
        c.name,
        indent = depth.saturating_mul(2)
    );
    let label = crate::label::clip(&label, 42);
    let weight = c.declared_weight.map(|w| w.to_string()).unwrap_or_default();
    let answer = match (&c.answer, c.criteria.is_empty()) {
        (Some(AnswerValue::Distribution(d)), _) => {
            let total = d
                .categories()
                .map(|k| d.get(k))
                .fold(0u64, u64::saturating_add);
            format!("{total} in {} categories", d.categories().count())
        }
        (Some(a), _) => crate::label::clip(&a.to_string(), 18),
        (None, true) => "-".to_owned(),
        (None, false) => String::new(),
    };
    let score = match (c.status, c.normalised) {
        (CriterionStatus::LeftOut, _) => "left out".to_owned(),
        (CriterionStatus::Unscored, _) => "text".to_owned(),
        (_, Some(s)) => shown(s),
        (_, None) => "-".to_owned(),
    };
    writeln!(
        f,
        "  {label:<42} {weight:>7} {:>7} {answer:<18} {score:>7} {:>8}",
        shown(c.effective_weight),
        c.contribution.published
    )?;
    let indent = depth.saturating_mul(2).saturating_add(4);
    if let Some(derivation) = &c.derivation {
        writeln!(f, "  {:indent$}computed: {}", "", derivation.basis)?;
    }
    if let (Some(reason), Some(derivation)) = (&c.override_reason, &c.derivation) {
        writeln!(
            f,
            "  {:indent$}overridden (computed {}): {reason}",
            "", derivation.computed
        )?;
    }
    for child in &c.criteria {
        row(f, child, depth.saturating_add(1))?;
    }
    Ok(())
}

fn shown(value: Decimal) -> String {
    let mut v = value.round_dp_with_strategy(SHOWN_DP, RoundingStrategy::MidpointNearestEven);
    v.rescale(SHOWN_DP);
    v.to_string()
}
