//! Building rubrics in code: constructors with the JSON defaults, by-value setters, and
//! `build`, which validates exactly as loading JSON does.

use rust_decimal::Decimal;

use super::{
    Band, CountCurve, Criterion, Direction, Gate, GateRule, Level, Metric, Rubric, RubricDoc,
    RubricKind, RubricRef,
};
use crate::document::FORMAT_VERSION;
use crate::error::Error;
use crate::num::{Rounding, RoundingMode};

impl RubricDoc {
    /// A rubric document with the JSON defaults: no criteria yet, totals on 0..100, two
    /// decimal places half-even, "unable to assess" renormalised.
    ///
    /// A workshop rubric with one gate and bands:
    /// ```
    /// use igf_rubric::{Band, Criterion, Gate, Level, Metric, RubricKind, rubric::RubricDoc};
    ///
    /// let rubric = RubricDoc::new("workshop", "2026.1", "Workshop proposals", RubricKind::Proposal)
    ///     .criterion(Criterion::leaf("on-theme", "On the IGF theme", 0, Metric::yes_no()).required())
    ///     .criterion(Criterion::leaf("relevance", "Relevance", 3, Metric::scale(1, 5)))
    ///     .criterion(Criterion::leaf("format", "Interactive format", 2, Metric::levels([
    ///         Level::new("panel", "Panel only", 1),
    ///         Level::new("mixed", "Panel and discussion", 2),
    ///         Level::new("interactive", "Mostly discussion", 3),
    ///     ])))
    ///     .criterion(Criterion::leaf("speakers", "Diverse speakers", 1, Metric::count(4)))
    ///     .gate(Gate::requires_yes("theme", "On theme", "on-theme"))
    ///     .band(Band::new("accept", "Accept", 70))
    ///     .band(Band::new("revise", "Revise", 40))
    ///     .band(Band::new("reject", "Reject", 0))
    ///     .build()?;
    /// assert_eq!(rubric.leaves().count(), 4);
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    #[must_use]
    pub fn new(
        id: impl Into<String>,
        version: impl Into<String>,
        title: impl Into<String>,
        kind: RubricKind,
    ) -> RubricDoc {
        RubricDoc {
            format_version: FORMAT_VERSION,
            id: id.into(),
            version: version.into(),
            title: title.into(),
            kind,
            description: String::new(),
            scale: Default::default(),
            rounding: Rounding::default(),
            unable_to_assess: Default::default(),
            omitted: Default::default(),
            criteria: Vec::new(),
            gates: Vec::new(),
            bands: Vec::new(),
            panel: None,
            weighting: Vec::new(),
        }
    }

    /// Adds a criterion at the top level.
    #[must_use]
    pub fn criterion(mut self, criterion: Criterion) -> RubricDoc {
        self.criteria.push(criterion);
        self
    }

    /// Adds a gate.
    #[must_use]
    pub fn gate(mut self, gate: Gate) -> RubricDoc {
        self.gates.push(gate);
        self
    }

    /// Adds a band; bands go highest first.
    #[must_use]
    pub fn band(mut self, band: Band) -> RubricDoc {
        self.bands.push(band);
        self
    }

    /// Sets how published scores are rounded.
    #[must_use]
    pub fn rounding(mut self, dp: u32, mode: RoundingMode) -> RubricDoc {
        self.rounding = Rounding { dp, mode };
        self
    }

    /// Sets the description.
    #[must_use]
    pub fn describe(mut self, description: impl Into<String>) -> RubricDoc {
        self.description = description.into();
        self
    }

    /// Validates the document into a [`Rubric`], as [`Rubric::from_json`](crate::Document::from_json) does.
    ///
    /// # Errors
    /// Every error of `Rubric::try_from`, with its path.
    ///
    /// ```
    /// use igf_rubric::{Criterion, Metric, RubricKind, rubric::RubricDoc};
    ///
    /// // A scale whose maximum is below its minimum is refused, with the place.
    /// let error = RubricDoc::new("demo", "1", "Demo", RubricKind::Proposal)
    ///     .criterion(Criterion::leaf("fit", "Fit", 1, Metric::scale(5, 1)))
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(error.to_string(), "criteria[0](fit).metric: scale min 5 must be below max 1");
    /// ```
    pub fn build(self) -> Result<Rubric, Error> {
        Rubric::try_from(self)
    }
}

impl Criterion {
    /// A scored (or, with [`Metric::text`] and weight 0, free-text) leaf.
    ///
    /// ```
    /// use igf_rubric::{Criterion, Metric};
    ///
    /// let relevance = Criterion::leaf("P1", "Relevance and timeliness", 20, Metric::scale(1, 5))
    ///     .required()
    ///     .describe("Why this theme, why now");
    /// assert_eq!(relevance.weight.map(|w| w.to_string()).as_deref(), Some("20"));
    /// assert!(relevance.required);
    /// ```
    #[must_use]
    pub fn leaf(
        id: impl Into<String>,
        name: impl Into<String>,
        weight: impl Into<Decimal>,
        metric: Metric,
    ) -> Criterion {
        Criterion {
            id: id.into(),
            name: name.into(),
            description: String::new(),
            weight: Some(weight.into()),
            required: false,
            allow_not_applicable: false,
            metric: Some(metric),
            evidence: None,
            criteria: Vec::new(),
        }
    }

    /// A group of criteria, weighted against its siblings.
    ///
    /// ```
    /// use igf_rubric::{Criterion, Metric, RubricKind, rubric::RubricDoc};
    ///
    /// // Two indicators of diversity, weighted together against the other criteria.
    /// let diversity = Criterion::group("P5", "Multistakeholder diversity", 15, [
    ///     Criterion::leaf("P5a", "Stakeholder groups", 1, Metric::count(4)),
    ///     Criterion::leaf("P5b", "Regions", 1, Metric::count(3)),
    /// ]);
    /// let rubric = RubricDoc::new("demo", "1", "Demo", RubricKind::Proposal)
    ///     .criterion(diversity)
    ///     .criterion(Criterion::leaf("P1", "Relevance", 20, Metric::scale(1, 5)))
    ///     .build()?;
    /// assert_eq!(rubric.leaves().count(), 3);
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    #[must_use]
    pub fn group(
        id: impl Into<String>,
        name: impl Into<String>,
        weight: impl Into<Decimal>,
        criteria: impl IntoIterator<Item = Criterion>,
    ) -> Criterion {
        Criterion {
            metric: None,
            criteria: criteria.into_iter().collect(),
            ..Criterion::leaf(id, name, weight, Metric::YesNo)
        }
    }

    /// Makes an answer required.
    #[must_use]
    pub fn required(mut self) -> Criterion {
        self.required = true;
        self
    }

    /// Accepts "not applicable" as an answer.
    #[must_use]
    pub fn allow_not_applicable(mut self) -> Criterion {
        self.allow_not_applicable = true;
        self
    }

    /// Takes the leaf's answer from an outcome record's indicator.
    #[must_use]
    pub fn evidence(mut self, indicator: crate::rubric::Indicator) -> Criterion {
        self.evidence = Some(indicator);
        self
    }

    /// Sets the guidance for assessors.
    #[must_use]
    pub fn describe(mut self, description: impl Into<String>) -> Criterion {
        self.description = description.into();
        self
    }
}

impl Metric {
    /// A scale from `min` to `max` in steps of 1, higher is better.
    ///
    /// ```
    /// use igf_rubric::Metric;
    ///
    /// assert_eq!(Metric::scale(1, 5).to_string(), "scale 1 to 5 in steps of 1 (Higher is better)");
    /// ```
    #[must_use]
    pub fn scale(min: impl Into<Decimal>, max: impl Into<Decimal>) -> Metric {
        Metric::Scale {
            min: min.into(),
            max: max.into(),
            step: Decimal::ONE,
            direction: Direction::HigherIsBetter,
        }
    }

    /// A scale with its step and direction.
    #[must_use]
    pub fn scale_with(
        min: impl Into<Decimal>,
        max: impl Into<Decimal>,
        step: impl Into<Decimal>,
        direction: Direction,
    ) -> Metric {
        Metric::Scale {
            min: min.into(),
            max: max.into(),
            step: step.into(),
            direction,
        }
    }

    /// Ordered levels, lowest first.
    ///
    /// ```
    /// use igf_rubric::{Level, Metric};
    ///
    /// let clarity = Metric::levels([
    ///     Level::new("vague", "Vague", 1).describe("No stated objective"),
    ///     Level::new("defined", "Defined", 3).describe("Objectives with milestones"),
    ///     Level::new("targeted", "Targeted", 4).describe("Objectives, milestones and audience"),
    /// ]);
    /// assert_eq!(clarity.type_name(), "levels");
    /// ```
    #[must_use]
    pub fn levels(levels: impl IntoIterator<Item = Level>) -> Metric {
        Metric::Levels {
            levels: levels.into_iter().collect(),
        }
    }

    /// Yes (1) or no (0).
    #[must_use]
    pub fn yes_no() -> Metric {
        Metric::YesNo
    }

    /// A count scored in proportion to `target`, capped at 1.
    ///
    /// ```
    /// use igf_rubric::Metric;
    ///
    /// // Three partners or more score in full; one scores a third.
    /// assert_eq!(Metric::count(3).type_name(), "count");
    /// ```
    #[must_use]
    pub fn count(target: u64) -> Metric {
        Metric::Count {
            target,
            curve: CountCurve::Linear,
        }
    }

    /// A percentage scored in proportion to `target`, capped at 1.
    #[must_use]
    pub fn percent(target: impl Into<Decimal>) -> Metric {
        Metric::Percent {
            target: target.into(),
        }
    }

    /// Free text: kept, never scored.
    #[must_use]
    pub fn text() -> Metric {
        Metric::Text
    }
}

impl Level {
    /// A level with no descriptor.
    ///
    /// ```
    /// use igf_rubric::Level;
    ///
    /// let level = Level::new("timely", "Timely", 3).describe("A work plan that meets the IGF calendar");
    /// assert_eq!((level.id.as_str(), level.value.to_string().as_str()), ("timely", "3"));
    /// ```
    #[must_use]
    pub fn new(
        id: impl Into<String>,
        label: impl Into<String>,
        value: impl Into<Decimal>,
    ) -> Level {
        Level {
            id: id.into(),
            label: label.into(),
            descriptor: String::new(),
            value: value.into(),
        }
    }

    /// Sets what an assessor should see to choose this level.
    #[must_use]
    pub fn describe(mut self, descriptor: impl Into<String>) -> Level {
        self.descriptor = descriptor.into();
        self
    }
}

impl Gate {
    /// A gate with a rule.
    #[must_use]
    pub fn new(id: impl Into<String>, label: impl Into<String>, rule: GateRule) -> Gate {
        Gate {
            id: id.into(),
            label: label.into(),
            description: String::new(),
            rule,
        }
    }

    /// A gate that passes when the yes/no criterion `criterion` is answered yes.
    ///
    /// ```
    /// use igf_rubric::{Criterion, Gate, Metric, RubricKind, rubric::RubricDoc};
    ///
    /// let rubric = RubricDoc::new("demo", "1", "Demo", RubricKind::Proposal)
    ///     .criterion(Criterion::leaf("mandate", "Within the IGF mandate", 0, Metric::yes_no()))
    ///     .criterion(Criterion::leaf("fit", "Fit", 1, Metric::scale(1, 5)))
    ///     .gate(Gate::requires_yes("G1", "Within the mandate", "mandate"))
    ///     .build()?;
    /// assert_eq!(rubric.doc().gates[0].rule.to_string(), "`mandate` answered yes");
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    #[must_use]
    pub fn requires_yes(
        id: impl Into<String>,
        label: impl Into<String>,
        criterion: impl Into<String>,
    ) -> Gate {
        Gate::new(
            id,
            label,
            GateRule::RequiresYes {
                criterion: criterion.into(),
            },
        )
    }

    /// A gate that passes when the total is at least as good as `threshold`.
    #[must_use]
    pub fn total_minimum(
        id: impl Into<String>,
        label: impl Into<String>,
        threshold: impl Into<Decimal>,
    ) -> Gate {
        Gate::new(
            id,
            label,
            GateRule::TotalMinimum {
                threshold: threshold.into(),
            },
        )
    }
}

impl Band {
    /// A band from `min` up to the next band's minimum.
    ///
    /// ```
    /// use igf_rubric::{Band, Criterion, Metric, RubricKind, rubric::RubricDoc};
    ///
    /// // Bands run from their minimum up to the next band's; the lowest starts at the scale's minimum.
    /// let rubric = RubricDoc::new("demo", "1", "Demo", RubricKind::Proposal)
    ///     .criterion(Criterion::leaf("fit", "Fit", 1, Metric::scale(1, 5)))
    ///     .band(Band::new("accept", "Accept", 60))
    ///     .band(Band::new("reject", "Reject", 0))
    ///     .build()?;
    /// assert_eq!(rubric.doc().bands.len(), 2);
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    #[must_use]
    pub fn new(id: impl Into<String>, label: impl Into<String>, min: impl Into<Decimal>) -> Band {
        Band {
            id: id.into(),
            label: label.into(),
            min: min.into(),
        }
    }
}

impl From<&Rubric> for RubricRef {
    fn from(rubric: &Rubric) -> RubricRef {
        RubricRef {
            id: rubric.id().to_owned(),
            version: rubric.version().to_owned(),
        }
    }
}
