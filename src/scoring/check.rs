//! Every error of an assessment against its rubric at once, for a form to show them all.

use std::collections::BTreeMap;

use super::engine::{answer_outcome, group_answered, reference_errors};
use crate::assessment::{Answer, Assessment};
use crate::error::{Error, Path};
use crate::rubric::{Metric, Node, Rubric};

impl Rubric {
    /// The scored criteria an assessment leaves out (no answer at all, not even "unable to
    /// assess"), in rubric order. What each means is the rubric's [`OmittedPolicy`]
    /// (`omitted`); free-text criteria, never scored, are not listed.
    ///
    /// [`OmittedPolicy`]: crate::rubric::OmittedPolicy
    ///
    /// ```
    /// use igf_rubric::{Assessment, Document, presets};
    ///
    /// let rubric = presets::bpf_proposal();
    /// let mut sheet = Assessment::from_json(include_str!("../../examples/data/proposals/ipv6-2016.json"))?;
    /// assert_eq!(rubric.omitted(&sheet).count(), 0);
    /// sheet.answers.retain(|a| a.criterion != "P1");
    /// let left_out: Vec<&str> = rubric.omitted(&sheet).map(|c| c.name.as_str()).collect();
    /// assert_eq!(left_out.len(), 1);
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    pub fn omitted<'a>(
        &'a self,
        assessment: &'a Assessment,
    ) -> impl Iterator<Item = &'a crate::rubric::Criterion> {
        let answered: std::collections::BTreeSet<&str> = assessment
            .answers
            .iter()
            .map(|a| a.criterion.as_str())
            .collect();
        self.leaves().filter(move |c| {
            !answered.contains(c.id.as_str()) && !matches!(c.metric, Some(Metric::Text) | None)
        })
    }

    /// Reads an assessment of this rubric from JSON and checks it, returning every error at
    /// once: one JSON error when the text does not read as an assessment, else every error
    /// [`Rubric::assessment_errors`] finds (a criterion answered twice included). `Ok` means
    /// the assessment scores.
    ///
    /// ```
    /// let rubric = igf_rubric::presets::bpf_proposal();
    /// let json = include_str!("../../examples/data/proposals/ipv6-2016.json");
    /// assert!(rubric.read_assessment(json).is_ok());
    /// let errors = rubric.read_assessment("[]").unwrap_err();
    /// assert_eq!(errors[0].to_string(), "$: expected an object, found an array");
    /// ```
    ///
    /// # Errors
    /// Every error found, in document order.
    pub fn read_assessment(&self, json: &str) -> Result<Assessment, Vec<Error>> {
        let recovered = crate::json::recover::<Assessment>(json, false);
        let assessment = match recovered.value {
            Some(ref value) if recovered.errors.is_empty() => value.clone(),
            Some(ref value) => {
                // The rest of the sheet, checked against the rubric with each shape mistake set
                // aside: what the stand-ins make of it is not reported.
                let mut errors = recovered.errors.clone();
                errors.extend(
                    self.assessment_errors(value)
                        .into_iter()
                        .filter(|e| !recovered.set_aside(e)),
                );
                return Err(errors);
            }
            None => return Err(recovered.errors),
        };
        let errors = self.assessment_errors(&assessment);
        if errors.is_empty() {
            Ok(assessment)
        } else {
            Err(errors)
        }
    }

    /// Checks `assessment` against the rubric and returns every error found, in document
    /// order: the header (format, ids), the rubric it names, each answer (unknown or group
    /// criterion, repeated answer, wrong type, out of range, off step, unknown level or
    /// category, `not_applicable` where not allowed), then each required criterion left
    /// unanswered. Empty exactly when [`Rubric::score`] succeeds.
    ///
    /// ```
    /// use igf_rubric::{Document, AnswerValue, Assessment};
    ///
    /// let rubric = igf_rubric::presets::bpf_proposal();
    /// let json = include_str!("../../examples/data/proposals/ipv6-2016.json");
    /// let mut sheet = Assessment::from_json(json)?;
    /// sheet.answers[4].criterion = "P1x".into(); // a typo
    /// sheet.answers[11].value = AnswerValue::Scale("4.5".parse()?); // between steps
    /// let errors = rubric.assessment_errors(&sheet);
    /// let found: Vec<String> = errors
    ///     .iter()
    ///     .map(|e| format!("{} {}", e.code(), e.path().unwrap()))
    ///     .collect();
    /// assert_eq!(found, [
    ///     "unknown_criterion answers[4](P1x).criterion",
    ///     "off_step answers[11](P7).value.scale",
    /// ]);
    /// assert_eq!(errors[0].detail().suggestions, ["P1"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn assessment_errors(&self, assessment: &Assessment) -> Vec<Error> {
        let mut errors: Vec<Error> = assessment.header_errors().collect();
        errors.extend(reference_errors(self, assessment));
        let list = Path::root().key("answers");
        let mut answered: BTreeMap<usize, usize> = BTreeMap::new();
        for (i, answer) in assessment.answers.iter().enumerate() {
            let (at, node, metric) = match self.leaf_of(i, answer) {
                Ok(found) => found,
                Err(error) => {
                    errors.push(error);
                    continue;
                }
            };
            if let Some(first) = answered.insert(at, i) {
                let id = &answer.criterion;
                errors.push(Error::DuplicateId {
                    path: list.item(i, id).key("criterion"),
                    what: "answer",
                    id: id.clone(),
                    first: list.item(first, id).key("criterion"),
                });
                continue;
            }
            if let Err(error) = answer_outcome(node, metric, i, answer, &mut true) {
                errors.push(error);
            }
        }
        for (at, node) in self.nodes().iter().enumerate() {
            if node.criterion.required
                && node.criterion.metric.is_some()
                && !answered.contains_key(&at)
            {
                errors.push(Error::MissingAnswer {
                    path: list.clone(),
                    criterion: node.criterion.id.clone(),
                });
            }
        }
        if errors.is_empty() {
            // What is left can only come from the arithmetic over the whole sheet.
            if let Err(error) = self.score(assessment) {
                errors.push(error);
            }
        }
        errors
    }

    /// What is wrong with one answer, at position `i`, on its own: an unknown or group
    /// criterion, a wrong type, a value out of range or off step, an unknown level or
    /// category, a derivation or override the criterion does not take.
    pub(crate) fn answer_problem(&self, i: usize, answer: &Answer) -> Option<Error> {
        let (_, node, metric) = match self.leaf_of(i, answer) {
            Ok(found) => found,
            Err(error) => return Some(error),
        };
        answer_outcome(node, metric, i, answer, &mut true).err()
    }

    /// The leaf an answer at position `i` names, with its position and metric.
    fn leaf_of(&self, i: usize, answer: &Answer) -> Result<(usize, &Node, &Metric), Error> {
        let id = &answer.criterion;
        let here = Path::root().key("answers").item(i, id).key("criterion");
        let at = self
            .leaf_position(i, id)
            .ok_or_else(|| self.unknown_criterion(id, here.clone(), true))?;
        let node = self
            .nodes()
            .get(at)
            .ok_or_else(|| self.unknown_criterion(id, here.clone(), true))?;
        match &node.criterion.metric {
            Some(metric) => Ok((at, node, metric)),
            None => Err(group_answered(id, here)),
        }
    }
}
