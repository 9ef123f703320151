//! The scoring rules as laws, over generated valid rubrics and assessments.

use igf_rubric::Document;
use igf_rubric::{
    Answer, AnswerValue, Assessment, Assessor, ConflictOfInterest, Criterion, CriterionResult,
    Decimal, Level, Metric, Region, Role, Rubric, RubricKind, Scorecard, StakeholderGroup, Subject,
    TotalScale,
    assessment::{Distribution, Lessons},
    rubric::{CountCurve, Direction, DistributionMeasure, RubricDoc, RubricRef, UnablePolicy},
};
use proptest::prelude::*;

const CASES: u32 = 256;

/// A leaf's metric with a seed for its answer (`None`: unable to assess).
#[derive(Clone, Debug)]
struct Leaf {
    metric: Metric,
    weight: u32,
    answer: Option<u32>,
}

fn decimal(mantissa: i64, scale: u32) -> Decimal {
    Decimal::new(mantissa, scale)
}

fn metric() -> impl Strategy<Value = Metric> {
    prop_oneof![
        (
            -10i64..10,
            1i64..12,
            prop::sample::select(vec![(1i64, 0u32), (5, 1), (25, 2)]),
            any::<bool>()
        )
            .prop_map(|(min, steps, (step, scale), lower)| {
                let step = decimal(step, scale);
                let min = Decimal::from(min);
                Metric::Scale {
                    min,
                    max: min + step * Decimal::from(steps),
                    step,
                    direction: if lower {
                        Direction::LowerIsBetter
                    } else {
                        Direction::HigherIsBetter
                    },
                }
            }),
        (-5i64..5, prop::collection::vec(1i64..5, 1..5)).prop_map(|(start, rises)| {
            let mut value = Decimal::from(start);
            let mut levels = vec![Level {
                id: "l0".into(),
                label: "L0".into(),
                descriptor: String::new(),
                value,
            }];
            for (i, rise) in rises.iter().enumerate() {
                value += Decimal::from(*rise);
                levels.push(Level {
                    id: format!("l{}", i + 1),
                    label: format!("L{}", i + 1),
                    descriptor: String::new(),
                    value,
                });
            }
            Metric::Levels { levels }
        }),
        Just(Metric::YesNo),
        (1u64..10, any::<bool>()).prop_map(|(target, all)| Metric::Count {
            target,
            curve: if all {
                CountCurve::AllOrNothing
            } else {
                CountCurve::Linear
            },
        }),
        (1i64..=100).prop_map(|target| Metric::Percent {
            target: Decimal::from(target)
        }),
        (2usize..6, any::<bool>(), 1u32..=100).prop_map(|(k, even, t)| Metric::Distribution {
            categories: (0..k).map(|i| format!("c{i}")).collect(),
            measure: if even {
                DistributionMeasure::Evenness
            } else {
                DistributionMeasure::Coverage
            },
            target: if even {
                decimal(i64::from(t), 2)
            } else {
                Decimal::from(1 + (t as usize % k))
            },
        }),
    ]
}

fn leaf() -> impl Strategy<Value = Leaf> {
    (
        metric(),
        0u32..20,
        prop::option::weighted(0.9, any::<u32>()),
    )
        .prop_map(|(metric, weight, answer)| Leaf {
            metric,
            weight,
            answer,
        })
}

/// Top-level nodes: a leaf, or a group with its own weight and leaves.
type Tree = Vec<(u32, Vec<Leaf>)>;

fn tree() -> impl Strategy<Value = Tree> {
    prop::collection::vec((0u32..20, prop::collection::vec(leaf(), 1..4)), 1..6)
}

fn scale() -> impl Strategy<Value = TotalScale> {
    (-50i64..50, 1i64..200, any::<bool>()).prop_map(|(min, span, lower)| TotalScale {
        min: Decimal::from(min),
        max: Decimal::from(min + span),
        direction: if lower {
            Direction::LowerIsBetter
        } else {
            Direction::HigherIsBetter
        },
    })
}

/// Builds a valid rubric: a group of one leaf is written as that leaf; the first weight of each
/// sibling list is at least 1 so no scored list sums to zero.
fn build(tree: &Tree, scale: TotalScale, weight_factor: Decimal) -> RubricDoc {
    let w = |weight: u32, first: bool| {
        Some(Decimal::from(if first { weight.max(1) } else { weight }) * weight_factor)
    };
    let leaf_criterion = |id: String, leaf: &Leaf, first: bool| Criterion {
        id: id.clone(),
        name: id,
        description: String::new(),
        weight: w(leaf.weight, first),
        required: false,
        allow_not_applicable: false,
        metric: Some(leaf.metric.clone()),
        evidence: None,
        criteria: Vec::new(),
    };
    let criteria = tree
        .iter()
        .enumerate()
        .map(|(i, (weight, leaves))| match leaves.as_slice() {
            [only] => leaf_criterion(format!("n{i}"), only, i == 0),
            many => Criterion {
                id: format!("g{i}"),
                name: format!("g{i}"),
                description: String::new(),
                weight: w(*weight, i == 0),
                required: false,
                allow_not_applicable: false,
                metric: None,
                evidence: None,
                criteria: many
                    .iter()
                    .enumerate()
                    .map(|(j, l)| leaf_criterion(format!("g{i}.{j}"), l, j == 0))
                    .collect(),
            },
        })
        .collect();
    RubricDoc {
        format_version: 1,
        id: "generated".into(),
        version: "1".into(),
        title: "Generated".into(),
        kind: RubricKind::Outcome,
        description: String::new(),
        scale,
        rounding: Default::default(),
        unable_to_assess: Default::default(),
        omitted: Default::default(),
        criteria,
        gates: Vec::new(),
        bands: Vec::new(),
        panel: None,
        weighting: Vec::new(),
    }
}

fn answer_for(metric: &Metric, seed: u32) -> AnswerValue {
    let pick = |n: usize| seed as usize % n;
    match metric {
        Metric::Scale { min, max, step, .. } => {
            let steps = ((*max - *min) / *step)
                .normalize()
                .to_string()
                .parse::<usize>()
                .unwrap();
            AnswerValue::Scale(*min + *step * Decimal::from(pick(steps + 1)))
        }
        Metric::Levels { levels } => AnswerValue::Level(levels[pick(levels.len())].id.clone()),
        Metric::YesNo => AnswerValue::YesNo(seed.is_multiple_of(2)),
        Metric::Count { target, .. } => AnswerValue::Count(u64::from(seed) % (2 * target + 1)),
        Metric::Percent { .. } => AnswerValue::Percent(decimal(i64::from(seed % 10_001), 2)),
        Metric::Distribution { categories, .. } => AnswerValue::Distribution(Distribution::new(
            categories
                .iter()
                .enumerate()
                .map(|(i, c)| (c.clone(), u64::from(seed.rotate_left(i as u32 * 5) % 7))),
        )),
        _ => AnswerValue::UnableToAssess,
    }
}

fn leaves(rubric: &Rubric) -> Vec<(String, Metric)> {
    rubric
        .leaves()
        .map(|c| (c.id.clone(), c.metric.clone().unwrap()))
        .collect()
}

fn assess(rubric: &Rubric, tree: &Tree) -> Assessment {
    let seeds: Vec<Option<u32>> = tree
        .iter()
        .flat_map(|(_, l)| l.iter().map(|x| x.answer))
        .collect();
    let answers = leaves(rubric)
        .into_iter()
        .zip(seeds)
        .map(|((id, metric), seed)| {
            Answer::new(
                id,
                seed.map_or(AnswerValue::UnableToAssess, |s| answer_for(&metric, s)),
            )
        })
        .collect();
    Assessment {
        format_version: 1,
        rubric: RubricRef {
            id: "generated".into(),
            version: "1".into(),
        },
        kind: RubricKind::Outcome,
        subject: Subject {
            id: "s".into(),
            title: "S".into(),
            year: 2020,
        },
        assessor: Assessor {
            id: "a".into(),
            name: None,
            stakeholder_group: StakeholderGroup::CivilSociety,
            region: Region::African,
            role: Role::MagMember,
        },
        conflict_of_interest: ConflictOfInterest::default(),
        answers,
        lessons: Lessons::default(),
    }
}

pub(crate) fn case() -> impl Strategy<Value = (Rubric, Assessment)> {
    (tree(), scale()).prop_map(|(tree, scale)| {
        let rubric = Rubric::try_from(build(&tree, scale, Decimal::ONE)).unwrap();
        let assessment = assess(&rubric, &tree);
        (rubric, assessment)
    })
}

fn flatten(list: &[CriterionResult]) -> Vec<&CriterionResult> {
    list.iter()
        .flat_map(|c| std::iter::once(c).chain(flatten(&c.criteria)))
        .collect()
}

/// The answer one step better than `value`, if there is one.
fn better(metric: &Metric, value: &AnswerValue) -> Option<AnswerValue> {
    match (metric, value) {
        (
            Metric::Scale {
                min,
                max,
                step,
                direction,
            },
            AnswerValue::Scale(v),
        ) => {
            let next = match direction {
                Direction::HigherIsBetter => *v + *step,
                Direction::LowerIsBetter => *v - *step,
            };
            (next >= *min && next <= *max).then_some(AnswerValue::Scale(next))
        }
        (Metric::Levels { levels }, AnswerValue::Level(id)) => {
            let at = levels.iter().position(|l| &l.id == id)?;
            levels.get(at + 1).map(|l| AnswerValue::Level(l.id.clone()))
        }
        (Metric::YesNo, AnswerValue::YesNo(false)) => Some(AnswerValue::YesNo(true)),
        (Metric::Count { .. }, AnswerValue::Count(n)) => Some(AnswerValue::Count(n + 1)),
        (Metric::Percent { .. }, AnswerValue::Percent(p)) => (*p + Decimal::ONE
            <= Decimal::ONE_HUNDRED)
            .then(|| AnswerValue::Percent(*p + Decimal::ONE)),
        _ => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn total_stays_within_the_scale((rubric, assessment) in case()) {
        let card = rubric.score(&assessment).unwrap();
        if let Some(total) = card.total {
            prop_assert!(total.exact >= card.scale.min && total.exact <= card.scale.max, "{}", total.exact);
            prop_assert!(total.published >= card.scale.min && total.published <= card.scale.max);
        } else {
            prop_assert!(!card.complete);
        }
    }

    #[test]
    fn contributions_add_up_to_the_total((rubric, assessment) in case()) {
        let card = rubric.score(&assessment).unwrap();
        let Some(total) = card.total else { return Ok(()) };
        let top: Decimal = card.criteria.iter().map(|c| c.contribution.exact).sum();
        prop_assert_eq!(card.scale.min + top, total.exact);
        let shares: Decimal = card.criteria.iter().map(|c| c.effective_weight).sum();
        prop_assert_eq!(shares, Decimal::ONE);
        for group in flatten(&card.criteria).into_iter().filter(|c| !c.criteria.is_empty()) {
            let children: Decimal = group.criteria.iter().map(|c| c.contribution.exact).sum();
            prop_assert_eq!(children, group.contribution.exact, "group {}", group.id);
            prop_assert!(group.contribution.exact >= Decimal::ZERO);
        }
    }

    #[test]
    fn a_better_answer_never_lowers_the_total((rubric, assessment) in case(), pick in any::<prop::sample::Index>()) {
        let metrics = leaves(&rubric);
        let i = pick.index(metrics.len());
        let Some(improved) = better(&metrics[i].1, &assessment.answers[i].value) else { return Ok(()) };
        let before = rubric.score(&assessment).unwrap();
        let mut raised = assessment.clone();
        raised.answers[i].value = improved;
        let after = rubric.score(&raised).unwrap();
        if let (Some(b), Some(a)) = (before.total, after.total) {
            prop_assert!(rubric.scale().direction.at_least_as_good(a.exact, b.exact), "{} -> {}", b.exact, a.exact);
        }
    }

    #[test]
    fn scaling_every_weight_changes_no_score(tree in tree(), scale in scale(), k in 1i64..100_000) {
        let k = Decimal::new(k, 2);
        let plain = Rubric::try_from(build(&tree, scale, Decimal::ONE)).unwrap();
        let scaled = Rubric::try_from(build(&tree, scale, k)).unwrap();
        let assessment = assess(&plain, &tree);
        let a = plain.score(&assessment).unwrap();
        let b = scaled.score(&assessment).unwrap();
        prop_assert_eq!(a.total, b.total);
        for (x, y) in flatten(&a.criteria).into_iter().zip(flatten(&b.criteria)) {
            prop_assert_eq!(x.effective_weight, y.effective_weight, "{}", x.id);
            prop_assert_eq!(x.normalised, y.normalised);
            prop_assert_eq!(x.contribution, y.contribution);
        }
    }

    #[test]
    fn answer_order_does_not_matter((rubric, assessment) in case(), seed in any::<u64>()) {
        let mut shuffled = assessment.clone();
        let n = shuffled.answers.len();
        for i in (1..n).rev() {
            let j = (seed.rotate_left(i as u32) % (i as u64 + 1)) as usize;
            shuffled.answers.swap(i, j);
        }
        prop_assert_eq!(rubric.score(&assessment).unwrap(), rubric.score(&shuffled).unwrap());
    }

    #[test]
    fn the_bare_total_is_the_scorecards_total((rubric, assessment) in case()) {
        prop_assert_eq!(rubric.total(&assessment).unwrap(), rubric.score(&assessment).unwrap().total);
    }

    /// Under every unable-to-assess policy, with criteria not applicable and answers in any
    /// order, the bare total (which takes its short way for most such sheets) is the
    /// scorecard's, to the digit.
    #[test]
    fn the_bare_total_is_the_scorecards_total_under_every_policy(
        (rubric, assessment) in case(),
        policy in 0usize..3,
        not_applicable in any::<u32>(),
        seed in any::<u64>(),
    ) {
        fn allow(criteria: &mut [Criterion]) {
            for c in criteria {
                c.allow_not_applicable = true;
                allow(&mut c.criteria);
            }
        }
        let mut doc = RubricDoc::from(rubric);
        doc.unable_to_assess = [
            UnablePolicy::Renormalise,
            UnablePolicy::CountAsMinimum,
            UnablePolicy::Incomplete,
        ][policy];
        allow(&mut doc.criteria);
        let rubric = Rubric::try_from(doc).unwrap();
        let mut sheet = assessment;
        for (k, answer) in sheet.answers.iter_mut().enumerate() {
            if answer.value == AnswerValue::UnableToAssess && (not_applicable >> (k % 32)) & 1 == 1 {
                answer.value = AnswerValue::NotApplicable;
            }
        }
        let n = sheet.answers.len();
        for i in (1..n).rev() {
            let j = (seed.rotate_left(i as u32) % (i as u64 + 1)) as usize;
            sheet.answers.swap(i, j);
        }
        prop_assert_eq!(rubric.total(&sheet).unwrap(), rubric.score(&sheet).unwrap().total);
    }

    #[test]
    fn scoring_an_owned_assessment_gives_the_same_scorecard((rubric, assessment) in case()) {
        let copied = rubric.score(&assessment).unwrap();
        prop_assert_eq!(rubric.score_owned(assessment).unwrap(), copied);
    }

    #[test]
    fn the_bare_total_is_the_scorecards_total_when_every_criterion_is_answered(
        (rubric, mut assessment) in case(),
        seed in any::<u32>(),
    ) {
        // Fully answered sheets take the bare total's short way; it must agree to the digit.
        for (answer, (_, metric)) in assessment.answers.iter_mut().zip(leaves(&rubric)) {
            if answer.value == AnswerValue::UnableToAssess {
                answer.value = answer_for(&metric, seed);
            }
        }
        let total = rubric.total(&assessment).unwrap();
        prop_assert!(total.is_some());
        prop_assert_eq!(total, rubric.score(&assessment).unwrap().total);
    }

    #[test]
    fn documents_round_trip_through_json((rubric, assessment) in case()) {
        prop_assert_eq!(&Rubric::from_json(&rubric.to_json().unwrap()).unwrap(), &rubric);
        prop_assert_eq!(&Assessment::from_json(&assessment.to_json().unwrap()).unwrap(), &assessment);
        let card = rubric.score(&assessment).unwrap();
        let back: Scorecard = serde_json::from_str(&serde_json::to_string(&card).unwrap()).unwrap();
        prop_assert_eq!(back, card);
    }

    #[test]
    fn an_answer_off_its_scale_is_an_error((rubric, assessment) in case(), pick in any::<prop::sample::Index>(), beyond in 1i64..1000) {
        let metrics = leaves(&rubric);
        let i = pick.index(metrics.len());
        let bad = match &metrics[i].1 {
            Metric::Scale { max, step, .. } => AnswerValue::Scale(*max + *step * Decimal::from(beyond)),
            Metric::Percent { .. } => AnswerValue::Percent(Decimal::ONE_HUNDRED + Decimal::new(beyond, 2)),
            Metric::Levels { .. } => AnswerValue::Level(format!("beyond{beyond}")),
            _ => AnswerValue::Text("wrong type".into()),
        };
        let mut wrong = assessment.clone();
        wrong.answers[i].value = bad;
        prop_assert!(rubric.score(&wrong).is_err());
    }

    #[test]
    fn no_input_text_makes_the_loaders_panic(text in ".{0,200}", (rubric, assessment) in case(), cut in any::<prop::sample::Index>()) {
        let _ = Rubric::from_json(&text);
        let _ = Assessment::from_json(&text);
        // Truncated and spliced valid documents reach deeper into the loaders.
        let json = rubric.to_json().unwrap();
        let at = cut.index(json.len());
        let _ = Rubric::from_json(json.get(..at).unwrap_or(""));
        let spliced = format!("{}{}{}", json.get(..at).unwrap_or(""), text, json.get(at..).unwrap_or(""));
        let _ = Rubric::from_json(&spliced);
        let _ = Assessment::from_json(&assessment.to_json().unwrap().replace('4', &text));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    /// A distribution is its counts per category, whatever order they come in: repeats given
    /// in code add up, each category reads back its count (0 when absent), categories are
    /// sorted, and JSON gives back the same distribution; in JSON a category named twice is
    /// an error.
    #[test]
    fn a_distribution_is_its_counts(
        pairs in prop::collection::vec((prop::sample::select(vec!["a", "b", "civil_society", "x-1", "zz"]), 0u64..50), 0..12),
    ) {
        let mut model = std::collections::BTreeMap::<&str, u64>::new();
        for (k, n) in &pairs {
            *model.entry(k).or_default() += n;
        }
        let given = Distribution::new(pairs.iter().copied());
        let reversed = Distribution::new(pairs.iter().rev().copied());
        prop_assert_eq!(&given, &reversed);
        prop_assert_eq!(given.categories().collect::<Vec<_>>(), model.keys().copied().collect::<Vec<_>>());
        for k in ["a", "b", "civil_society", "x-1", "zz", "absent"] {
            prop_assert_eq!(given.get(k), model.get(k).copied().unwrap_or(0));
        }
        let json = serde_json::to_string(&given).unwrap();
        prop_assert_eq!(&json, &serde_json::to_string(&model).unwrap());
        let answer = format!(r#"{{"criterion":"P5a","value":{{"distribution":{json}}}}}"#);
        let back: Answer = serde_json::from_str(&answer).unwrap();
        prop_assert_eq!(back.value, AnswerValue::Distribution(given));
        if let Some((k, n)) = pairs.first() {
            let twice = format!(r#"{{"criterion":"P5a","value":{{"distribution":{{"{k}":{n},"{k}":1}}}}}}"#);
            let error = serde_json::from_str::<Answer>(&twice).unwrap_err().to_string();
            prop_assert!(error.contains("is named twice"), "{}", error);
        }
    }
}
