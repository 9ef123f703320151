//! Scoring by hand-computed cases.

use igf_rubric::{CriterionStatus, Scorecard, scoring::FlagKind};
use serde_json::json;

use crate::common::{assessment, load_assessment, load_rubric, rubric, with};

fn card(rubric_doc: &serde_json::Value, assessment_doc: &serde_json::Value) -> Scorecard {
    load_rubric(rubric_doc)
        .score(&load_assessment(assessment_doc))
        .unwrap()
}

fn has_flag(card: &Scorecard, message: &str) -> bool {
    card.flags.iter().any(|f| f.message == message)
}

fn published(card: &Scorecard) -> String {
    card.total.unwrap().published.to_string()
}

fn find<'a>(card: &'a Scorecard, id: &str) -> &'a igf_rubric::CriterionResult {
    fn walk<'a>(
        list: &'a [igf_rubric::CriterionResult],
        id: &str,
    ) -> Option<&'a igf_rubric::CriterionResult> {
        list.iter()
            .find(|c| c.id == id)
            .or_else(|| list.iter().find_map(|c| walk(&c.criteria, id)))
    }
    walk(&card.criteria, id).unwrap()
}

#[test]
fn hand_computed_total() {
    // Top weights 4:2:2:1 of 9. fit 4.5/5 = 0.9; clarity (2-1)/(4-1) = 1/3;
    // reach = (1·2/4 + 1·60/80 + 2·min(2/3,1)) / 4 = (0.5 + 0.75 + 4/3) / 4 = 31/48;
    // cost (9-3)/8 = 0.75.
    // total = 100 · (4·0.9 + 2/3 + 2·31/48 + 0.75) / 9 = 100 · (3.6 + 0.6667 + 1.2917 + 0.75) / 9
    //       = 100 · 6.308333.../9 = 70.0925925...
    let c = card(&rubric(), &assessment());
    assert_eq!(published(&c), "70.09");
    assert!(
        c.total
            .unwrap()
            .exact
            .to_string()
            .starts_with("70.0925925925925925925")
    );
    assert_eq!(c.band.as_ref().unwrap().id, "good");
    assert!(c.eligible);
    assert_eq!(
        find(&c, "clarity")
            .normalised
            .unwrap()
            .round_dp(6)
            .to_string(),
        "0.333333"
    );
    assert_eq!(
        find(&c, "reach")
            .normalised
            .unwrap()
            .round_dp(6)
            .to_string(),
        "0.645833"
    );
    assert_eq!(find(&c, "cost").normalised.unwrap().to_string(), "0.75");
    assert_eq!(find(&c, "notes").status, CriterionStatus::Unscored);
    assert_eq!(find(&c, "notes").comment.as_deref(), Some("a comment"));
}

#[test]
fn contributions_add_up_exactly() {
    let c = card(&rubric(), &assessment());
    let sum = c.criteria.iter().fold(igf_rubric::Decimal::ZERO, |acc, x| {
        acc + x.contribution.exact
    });
    assert_eq!(sum, c.total.unwrap().exact);
    let reach = find(&c, "reach");
    let children = reach
        .criteria
        .iter()
        .fold(igf_rubric::Decimal::ZERO, |acc, x| {
            acc + x.contribution.exact
        });
    assert_eq!(children, reach.contribution.exact);
    let shares = c
        .criteria
        .iter()
        .fold(igf_rubric::Decimal::ZERO, |acc, x| acc + x.effective_weight);
    assert_eq!(shares, igf_rubric::Decimal::ONE);
}

#[test]
fn published_numbers_have_exactly_the_declared_places() {
    let doc = with(rubric(), "/rounding", json!({ "dp": 3, "mode": "half_up" }));
    let c = card(&doc, &assessment());
    assert_eq!(published(&c), "70.093");
    assert_eq!(
        find(&c, "complete").contribution.published.to_string(),
        "0.000"
    );
    let doc = with(rubric(), "/rounding", json!({ "dp": 0, "mode": "down" }));
    assert_eq!(published(&card(&doc, &assessment())), "70");
}

#[test]
fn unable_to_assess_renormalises_siblings_and_flags_it() {
    let a = with(assessment(), "/answers/0/value", json!("unable_to_assess"));
    let c = card(&rubric(), &a);
    // fit left out: 100 · (2/3 + 2·31/48 + 0.75) / 5 = 54.1666...
    assert_eq!(published(&c), "54.17");
    assert_eq!(find(&c, "fit").status, CriterionStatus::LeftOut);
    assert_eq!(find(&c, "clarity").effective_weight.to_string(), "0.4");
    assert!(
        c.flags
            .iter()
            .any(|f| f.kind == FlagKind::LeftOut && f.criterion.as_deref() == Some("fit"))
    );
    assert!(c.flags.iter().any(|f| f.kind == FlagKind::Renormalised));
    // The minimum on `fit` cannot be met by an unassessed criterion.
    let gate = c.gates.iter().find(|g| g.id == "fit-min").unwrap();
    assert!(!gate.passed);
    assert_eq!(gate.reason, "`fit` was not assessed (minimum 3)");
    assert!(!c.eligible);
}

#[test]
fn count_as_minimum_scores_zero() {
    let r = with(rubric(), "/unable_to_assess", json!("count_as_minimum"));
    let a = with(assessment(), "/answers/0/value", json!("unable_to_assess"));
    let c = card(&r, &a);
    // 100 · (0 + 2/3 + 2·31/48 + 0.75) / 9 = 30.0925...
    assert_eq!(published(&c), "30.09");
    assert_eq!(find(&c, "fit").status, CriterionStatus::CountedAsMinimum);
    assert_eq!(c.band.as_ref().unwrap().id, "poor");
}

#[test]
fn incomplete_policy_gives_no_total() {
    let r = with(rubric(), "/unable_to_assess", json!("incomplete"));
    let a = with(assessment(), "/answers/1/value", json!("unable_to_assess"));
    let c = card(&r, &a);
    assert!(!c.complete && !c.eligible && c.total.is_none() && c.band.is_none());
    assert!(c.flags.iter().any(|f| f.kind == FlagKind::Incomplete));
}

#[test]
fn required_criterion_unable_to_assess_makes_it_incomplete() {
    let a = with(assessment(), "/answers/6/value", json!("unable_to_assess"));
    let c = card(&rubric(), &a);
    assert!(!c.complete && c.total.is_none());
    assert_eq!(c.gates[0].reason, "`complete` was not assessed");
}

#[test]
fn all_weighted_criteria_left_out_is_incomplete() {
    let mut a = assessment();
    for i in 0..6 {
        a = with(a, &format!("/answers/{i}/value"), json!("unable_to_assess"));
    }
    let c = card(&rubric(), &a);
    assert!(!c.complete);
    assert_eq!(
        c.flags.last().unwrap().message,
        "no weighted criterion could be scored"
    );
}

#[test]
fn an_omitted_answer_makes_the_sheet_incomplete_by_default() {
    let a = crate::common::without(assessment(), "/answers/5");
    let c = card(&rubric(), &a);
    assert!(!c.complete);
    assert!(c.total.is_none());
    assert_eq!(find(&c, "cost").status, CriterionStatus::LeftOut);
    assert!(has_flag(
        &c,
        "`cost` is not answered (left out of the assessment), and the rubric counts that as incomplete"
    ));
}

#[test]
fn an_omitted_answer_means_what_the_rubric_says() {
    let a = crate::common::without(assessment(), "/answers/5");
    let under = |policy: &str| card(&with(rubric(), "/omitted", json!(policy)), &a);
    let as_unable = under("as_unable_to_assess");
    assert!(as_unable.complete);
    assert_eq!(find(&as_unable, "cost").status, CriterionStatus::LeftOut);
    assert!(has_flag(
        &as_unable,
        "`cost` left out: not answered (left out of the assessment)"
    ));
    let minimum = under("count_as_minimum");
    assert!(minimum.complete);
    assert_eq!(
        find(&minimum, "cost").status,
        CriterionStatus::CountedAsMinimum
    );
    // Each policy is read from the rubric, and "unable to assess" keeps its own.
    let unable = with(assessment(), "/answers/5/value", json!("unable_to_assess"));
    assert!(card(&rubric(), &unable).complete);
}

#[test]
fn gates_explain_their_numbers() {
    let a = with(assessment(), "/answers/0/value", json!({ "scale": "2.5" }));
    let a = with(
        a,
        "/conflict_of_interest",
        json!({ "declared": true, "statement": "co-author" }),
    );
    let c = card(&rubric(), &a);
    let reasons: Vec<(&str, bool, &str)> = c
        .gates
        .iter()
        .map(|g| (g.id.as_str(), g.passed, g.reason.as_str()))
        .collect();
    assert_eq!(
        reasons,
        [
            ("complete", true, "`complete` answered yes"),
            ("fit-min", false, "`fit` answer 2.5 is below the minimum 3"),
            ("total-min", true, "total 52.31 meets the minimum 50"),
            ("coi", false, "conflict of interest declared: co-author"),
        ]
    );
    assert!(!c.eligible);
}

#[test]
fn lower_is_better_threshold_means_at_most() {
    let r = with(
        rubric(),
        "/gates/1/rule",
        json!({ "type": "criterion_minimum", "criterion": "cost", "threshold": "4" }),
    );
    let pass = card(&r, &assessment());
    assert!(
        pass.gates[1].passed,
        "3 is better than 4 on a 1 = best scale"
    );
    let a = with(assessment(), "/answers/5/value", json!({ "scale": "5" }));
    assert!(!card(&r, &a).gates[1].passed);
}

#[test]
fn not_applicable_leaves_a_criterion_out_where_allowed() {
    let r = with(rubric(), "/criteria/3/allow_not_applicable", json!(true));
    let a = with(assessment(), "/answers/5/value", json!("not_applicable"));
    let c = card(&r, &a);
    assert_eq!(find(&c, "cost").status, CriterionStatus::LeftOut);
    assert!(has_flag(&c, "`cost` left out: not applicable"));
}

#[test]
fn evenness_matches_a_high_precision_reference() {
    // IGF 2018 call for issues by stakeholder group (Gov 30, IGO 21, CS 140, TC 50, PS 104)
    // [DOMAIN S41]. Pielou J computed with Python's decimal module at 60 digits:
    // J = 0.86375315056062308034390..., rounded to 20 places.
    let r = with(
        rubric(),
        "/criteria/2/criteria/2/metric",
        json!({ "type": "distribution", "categories": ["a", "b", "c", "d", "e"], "measure": "evenness", "target": "1" }),
    );
    let a = with(
        assessment(),
        "/answers/4/value",
        json!({ "distribution": { "a": 30, "b": 21, "c": 140, "d": 50, "e": 104 } }),
    );
    let c = card(&r, &a);
    assert_eq!(
        find(&c, "groups").normalised.unwrap().to_string(),
        crate::scoring::IGF_2018_EVENNESS
    );
    // Equal counts are perfectly even, exactly.
    let a = with(
        assessment(),
        "/answers/4/value",
        json!({ "distribution": { "a": 7, "b": 7, "c": 7, "d": 7, "e": 7 } }),
    );
    assert_eq!(
        find(&card(&r, &a), "groups")
            .normalised
            .unwrap()
            .to_string(),
        "1"
    );
}

pub const IGF_2018_EVENNESS: &str = "0.86375315056062308034";

#[test]
fn scorecard_round_trips_through_json() {
    let c = card(&rubric(), &assessment());
    let text = serde_json::to_string(&c).unwrap();
    let back: Scorecard = serde_json::from_str(&text).unwrap();
    assert_eq!(back, c);
    assert!(text.contains(r#""published":"70.09""#));
}

#[test]
fn explanation_lists_every_criterion() {
    let text = card(&rubric(), &assessment()).to_string();
    for id in [
        "fit", "clarity", "reach", "partners", "done", "groups", "cost", "complete", "notes",
    ] {
        assert!(
            text.contains(&format!(" {id} ")),
            "{id} missing from\n{text}"
        );
    }
    assert!(text.contains("total 70.09 on 0..100, band Good, eligible"));
}

#[test]
fn a_lower_is_better_total_counts_down_from_the_worst() {
    // NIH style: 10 = exceptional .. 90 = poor. The same answers as `hand_computed_total`
    // (N = 0.700925925...) give 10 + 80 · (1 - N) = 33.925925...
    let r = with(
        rubric(),
        "/scale",
        json!({ "min": 10, "max": 90, "direction": "lower_is_better" }),
    );
    let r = with(r, "/bands", json!([]));
    let r = with(r, "/gates/2/rule/threshold", json!(40));
    let c = card(&r, &assessment());
    assert_eq!(published(&c), "33.93");
    let sum = c.criteria.iter().fold(igf_rubric::Decimal::TEN, |acc, x| {
        acc + x.contribution.exact
    });
    assert_eq!(sum, c.total.unwrap().exact);
    assert_eq!(
        find(&c, "reach")
            .normalised
            .unwrap()
            .round_dp(6)
            .to_string(),
        "0.645833"
    );
    assert_eq!(c.gates[2].reason, "total 33.93 meets the maximum 40");
    assert!(
        c.to_string()
            .contains("total 33.93 on 10..90 (lower is better), eligible"),
        "{c}"
    );
}

#[test]
fn the_incomplete_policy_ignores_unweighted_criteria() {
    // `complete` has weight 0 but is required, so make it optional for this case.
    let r = with(rubric(), "/unable_to_assess", json!("incomplete"));
    let r = with(r, "/criteria/4/required", json!(false));
    let a = with(assessment(), "/answers/6/value", json!("unable_to_assess"));
    let c = card(&r, &a);
    assert!(c.complete);
    assert_eq!(published(&c), "70.09");
    assert!(
        c.flags
            .iter()
            .any(|f| f.message == "`complete` left out: unable to assess")
    );
}
