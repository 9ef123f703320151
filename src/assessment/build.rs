//! Building assessments in code: constructors and by-value setters; `build` checks what
//! loading JSON checks.

use super::{
    Answer, AnswerValue, Assessment, Assessor, ConflictOfInterest, Lessons, Region, Role,
    StakeholderGroup, Subject,
};
use crate::document::Document;
use crate::document::FORMAT_VERSION;
use crate::error::Error;
use crate::rubric::{Rubric, RubricRef};

impl Assessment {
    /// An assessment of `subject` by `assessor` under `rubric`, with no answers yet, no conflict
    /// declared and no lessons.
    ///
    /// ```
    /// use igf_rubric::{AnswerValue, Assessment, Assessor, Criterion, Metric, Region, Role, RubricKind, StakeholderGroup, Subject, rubric::RubricDoc};
    ///
    /// let rubric = RubricDoc::new("workshop", "1", "Workshops", RubricKind::Proposal)
    ///     .criterion(Criterion::leaf("relevance", "Relevance", 1, Metric::scale(1, 5)))
    ///     .build()?;
    /// let assessor = Assessor::new("mag-01", StakeholderGroup::CivilSociety, Region::African, Role::MagMember);
    /// let assessment = Assessment::new(&rubric, Subject::new("ws-12", "Community networks", 2026), assessor)
    ///     .answer("relevance", AnswerValue::Scale(4.into()))
    ///     .build()?;
    /// assert_eq!(rubric.score(&assessment)?.total.map(|t| t.published.to_string()).as_deref(), Some("75.00"));
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    #[must_use]
    pub fn new(rubric: &Rubric, subject: Subject, assessor: Assessor) -> Assessment {
        Assessment {
            format_version: FORMAT_VERSION,
            rubric: RubricRef::from(rubric),
            kind: rubric.kind(),
            subject,
            assessor,
            conflict_of_interest: ConflictOfInterest::default(),
            answers: Vec::new(),
            lessons: Lessons::default(),
        }
    }

    /// Adds an answer.
    #[must_use]
    pub fn answer(mut self, criterion: impl Into<String>, value: AnswerValue) -> Assessment {
        self.answers.push(Answer::new(criterion, value));
        self
    }

    /// Adds an answer with the assessor's comment.
    #[must_use]
    pub fn answer_with_comment(
        mut self,
        criterion: impl Into<String>,
        value: AnswerValue,
        comment: impl Into<String>,
    ) -> Assessment {
        self.answers
            .push(Answer::new(criterion, value).with_comment(comment));
        self
    }

    /// Declares a conflict of interest, with its statement.
    ///
    /// ```
    /// use igf_rubric::{Assessment, Assessor, Region, Role, StakeholderGroup, Subject, presets};
    ///
    /// let rubric = presets::bpf_proposal();
    /// let who = Assessor::new("mag-04", StakeholderGroup::PrivateSector, Region::WesternEuropeanAndOthers, Role::MagMember);
    /// let sheet = Assessment::new(rubric, Subject::new("bpf-iot-2018", "IoT, Big Data, AI", 2018), who)
    ///     .conflict("My employer co-drafted the proposal");
    /// assert!(sheet.conflict_of_interest.declared);
    /// // A panel leaves this assessment out of the subject's scores, and says why.
    /// ```
    #[must_use]
    pub fn conflict(mut self, statement: impl Into<String>) -> Assessment {
        self.conflict_of_interest = ConflictOfInterest {
            declared: true,
            statement: Some(statement.into()),
        };
        self
    }

    /// Sets the answers to the three BPF questions.
    #[must_use]
    pub fn lessons(mut self, lessons: Lessons) -> Assessment {
        self.lessons = lessons;
        self
    }

    /// Checks the assessment as [`Assessment::from_json`] does.
    ///
    /// ```
    /// use igf_rubric::{AnswerValue, Assessment, Assessor, Region, Role, StakeholderGroup, Subject, presets};
    ///
    /// let who = Assessor::new("mag 07", StakeholderGroup::Government, Region::African, Role::MagMember);
    /// let error = Assessment::new(presets::bpf_proposal(), Subject::new("bpf-1", "A BPF", 2026), who)
    ///     .answer("P1", AnswerValue::Scale(4.into()))
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(error.code(), "invalid_id"); // ids have no spaces
    /// ```
    ///
    /// # Errors
    /// As for [`Assessment::check`].
    pub fn build(self) -> Result<Assessment, Error> {
        self.check()?;
        Ok(self)
    }
}

impl Subject {
    /// A subject: its id, title and year.
    #[must_use]
    pub fn new(id: impl Into<String>, title: impl Into<String>, year: u16) -> Subject {
        Subject {
            id: id.into(),
            title: title.into(),
            year,
        }
    }
}

impl Assessor {
    /// An assessor without a name.
    #[must_use]
    pub fn new(
        id: impl Into<String>,
        stakeholder_group: StakeholderGroup,
        region: Region,
        role: Role,
    ) -> Assessor {
        Assessor {
            id: id.into(),
            name: None,
            stakeholder_group,
            region,
            role,
        }
    }
}
