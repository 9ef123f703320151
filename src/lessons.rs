//! Lessons learned: answers to the three BPF questions from people with roles, tagged with
//! themes from a code book, and counted per theme without losing a word.
//!
//! ```
//! use igf_rubric::Document;
//! use igf_rubric::lessons::Consultation;
//!
//! let input = Consultation::from_json(include_str!("../examples/data/lessons.json"))?;
//! let summary = input.summarise();
//! let top = &summary.themes[0];
//! assert_eq!(top.theme, "secretariat-support");
//! // Every tagged answer is quoted under each of its themes.
//! let tags: usize = input.responses.iter().map(|r| r.themes.len()).sum();
//! assert_eq!(summary.themes.iter().map(|t| t.quotes.len()).sum::<usize>(), tags);
//! # Ok::<(), igf_rubric::Error>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::assessment::{Assessment, Region, Role, StakeholderGroup, Subject};
use crate::document::{check_format, check_id, check_ids};
use crate::error::{Error, Path};

/// The input of a "BPF on BPFs" exercise: a code book of themes and every answer received.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Consultation")]
pub struct Consultation {
    /// Version of the document format; 1.
    #[serde(default = "format_version")]
    #[schemars(extend("const" = 1))]
    pub format_version: u32,
    /// What was asked, and of whom.
    pub title: String,
    /// The themes answers are tagged with.
    pub code_book: Vec<Theme>,
    /// Every answer received, in the order received.
    pub responses: Vec<Response>,
}

fn format_version() -> u32 {
    crate::document::FORMAT_VERSION
}

/// A theme of the code book.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Id, unique in the code book, e.g. `early-start`.
    #[schemars(with = "crate::kinds::Id")]
    pub id: String,
    /// The theme's name for people.
    pub label: String,
    /// What answers under it are about.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

/// One answer to one of the three questions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Response {
    /// Id, unique in the consultation.
    #[schemars(with = "crate::kinds::Id")]
    pub id: String,
    /// Who answered.
    pub respondent: Respondent,
    /// The BPF and year the answer is about.
    pub bpf: Subject,
    /// The question answered.
    pub question: Question,
    /// The answer, as given.
    pub text: String,
    /// Ids of the themes the answer raises, each once (none: not yet coded).
    #[serde(default)]
    #[schemars(with = "UniqueIds")]
    pub themes: Vec<String>,
}

/// A list of ids, each once.
struct UniqueIds;

impl JsonSchema for UniqueIds {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "UniqueIds".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let id = generator.subschema_for::<crate::kinds::Id>();
        schemars::json_schema!({
            "description": "Ids, each once.",
            "type": "array",
            "items": id,
            "uniqueItems": true
        })
    }
}

/// Who gave an answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Respondent {
    /// Stable id (not necessarily a name).
    #[schemars(with = "crate::kinds::Id")]
    pub id: String,
    /// Their part in the BPF: coordinator, lead expert, contributor, Secretariat, MAG member...
    pub role: Role,
    /// Their stakeholder group.
    pub stakeholder_group: StakeholderGroup,
    /// Their regional group, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
}

/// The three standing BPF questions.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Question {
    /// What worked well.
    WorkedWell,
    /// What worked less well.
    WorkedLessWell,
    /// With hindsight, what would you have done differently.
    DoDifferently,
}

crate::label::labels!(Question, "question" {
    WorkedWell => "worked_well", "What worked well";
    WorkedLessWell => "worked_less_well", "What worked less well";
    DoDifferently => "do_differently", "With hindsight, what would you do differently";
});

/// Answers counted by question.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct QuestionCounts {
    /// Raised as what worked well.
    pub worked_well: usize,
    /// Raised as what worked less well.
    pub worked_less_well: usize,
    /// Raised as what to do differently.
    pub do_differently: usize,
}

impl QuestionCounts {
    fn add(&mut self, question: Question) {
        let slot = match question {
            Question::WorkedWell => &mut self.worked_well,
            Question::WorkedLessWell => &mut self.worked_less_well,
            Question::DoDifferently => &mut self.do_differently,
        };
        *slot = slot.saturating_add(1);
    }

    /// All three together.
    #[must_use]
    pub fn total(self) -> usize {
        self.worked_well
            .saturating_add(self.worked_less_well)
            .saturating_add(self.do_differently)
    }
}

/// What the answers say, theme by theme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "LessonsSummary")]
#[non_exhaustive]
pub struct LessonsSummary {
    /// Version of the document format; 1.
    #[schemars(extend("const" = 1))]
    pub format_version: u32,
    /// The consultation's title.
    pub title: String,
    /// Answers received.
    pub responses: usize,
    /// People who answered.
    pub respondents: usize,
    /// BPFs (id and year) the answers are about.
    pub bpfs: usize,
    /// Every theme of the code book, ranked: most BPFs raising it first, then most answers,
    /// then code-book order; equal on both shares a rank.
    pub themes: Vec<ThemeSummary>,
    /// The answers not yet tagged with any theme, in the order received.
    pub untagged: Vec<Quote>,
}

/// One theme across all answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ThemeSummary {
    /// The theme's id.
    pub theme: String,
    /// The theme's label.
    pub label: String,
    /// Its rank, from 1 (competition ranking: ties share the better rank).
    pub rank: usize,
    /// The BPFs (`id`) raising it, sorted.
    pub bpfs: Vec<String>,
    /// Answers raising it, by question.
    pub by_question: QuestionCounts,
    /// Answers raising it, by the respondent's role (roles with none left out).
    pub by_role: Vec<RoleCount>,
    /// Answers raising it, by BPF (sorted by year, then id).
    pub by_bpf: Vec<BpfCount>,
    /// Answers raising it, by the year of the BPF.
    pub by_year: Vec<YearCount>,
    /// Every answer raising it, in the order received.
    pub quotes: Vec<Quote>,
}

/// Answers from one role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct RoleCount {
    /// The role.
    pub role: Role,
    /// Its answers, by question.
    pub counts: QuestionCounts,
}

/// Answers about one BPF.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct BpfCount {
    /// The BPF's id.
    pub bpf: String,
    /// The BPF's title.
    pub title: String,
    /// The BPF's year.
    pub year: u16,
    /// Its answers, by question.
    pub counts: QuestionCounts,
}

/// Answers about BPFs of one year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct YearCount {
    /// The year.
    pub year: u16,
    /// Its answers, by question.
    pub counts: QuestionCounts,
}

/// An answer as quoted (under a theme, or as not yet coded), with what it takes to find it
/// again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Quote {
    /// The answer's id in the consultation.
    pub response: String,
    /// The question it answers.
    pub question: Question,
    /// The respondent's role.
    pub role: Role,
    /// The BPF's id.
    pub bpf: String,
    /// The BPF's title.
    pub title: String,
    /// The BPF's year.
    pub year: u16,
    /// The answer, in full.
    pub text: String,
}

impl Consultation {
    /// Adds the three answers kept on an assessment as untagged responses, with ids
    /// `<assessor>.<subject>.<question>` (`mag-03.bpf-ipv6-2016.worked_well`).
    ///
    /// # Errors
    /// [`Error::DuplicateId`] when a response with such an id is already there (the
    /// assessment was added before); nothing is added then.
    pub fn add_assessment(&mut self, assessment: &Assessment) -> Result<(), Error> {
        let lessons = &assessment.lessons;
        let answers = [
            (Question::WorkedWell, &lessons.worked_well),
            (Question::WorkedLessWell, &lessons.worked_less_well),
            (Question::DoDifferently, &lessons.do_differently),
        ];
        let mut added = Vec::new();
        for (question, text) in answers {
            let Some(text) = text else { continue };
            added.push(Response {
                id: format!(
                    "{}.{}.{}",
                    assessment.assessor.id,
                    assessment.subject.id,
                    question.as_str()
                ),
                respondent: Respondent {
                    id: assessment.assessor.id.clone(),
                    role: assessment.assessor.role,
                    stakeholder_group: assessment.assessor.stakeholder_group,
                    region: Some(assessment.assessor.region),
                },
                bpf: assessment.subject.clone(),
                question,
                text: text.clone(),
                themes: Vec::new(),
            });
        }
        let before = self.responses.len();
        self.responses.extend(added);
        let ids = self.responses.iter().map(|r| r.id.as_str());
        if let Err(error) = check_ids(ids, "response", |i, id| {
            Path::root().key("responses").item(i, id).key("id")
        }) {
            self.responses.truncate(before);
            return Err(error);
        }
        Ok(())
    }

    /// Counts every theme across the answers, ranks the themes, and quotes every tagged answer
    /// under each of its themes.
    #[must_use]
    pub fn summarise(&self) -> LessonsSummary {
        let mut themes: Vec<ThemeSummary> = self
            .code_book
            .iter()
            .map(|theme| self.theme_summary(theme))
            .collect();
        // Stable: code-book order breaks ties.
        themes.sort_by_key(|theme| std::cmp::Reverse(key(theme)));
        let mut rank = 0;
        let mut last = None;
        for (i, theme) in themes.iter_mut().enumerate() {
            let this = key(theme);
            if last != Some(this) {
                rank = i.saturating_add(1);
            }
            theme.rank = rank;
            last = Some(this);
        }
        let respondents: BTreeSet<&str> = self
            .responses
            .iter()
            .map(|r| r.respondent.id.as_str())
            .collect();
        let bpfs: BTreeSet<(&str, u16)> = self
            .responses
            .iter()
            .map(|r| (r.bpf.id.as_str(), r.bpf.year))
            .collect();
        LessonsSummary {
            format_version: crate::document::FORMAT_VERSION,
            title: self.title.clone(),
            responses: self.responses.len(),
            respondents: respondents.len(),
            bpfs: bpfs.len(),
            themes,
            untagged: self
                .responses
                .iter()
                .filter(|r| r.themes.is_empty())
                .map(Quote::of)
                .collect(),
        }
    }

    fn theme_summary(&self, theme: &Theme) -> ThemeSummary {
        let mut by_question = QuestionCounts::default();
        let mut by_role: BTreeMap<Role, QuestionCounts> = BTreeMap::new();
        let mut by_year: BTreeMap<u16, QuestionCounts> = BTreeMap::new();
        let mut by_bpf: BTreeMap<(u16, &str), (&str, QuestionCounts)> = BTreeMap::new();
        let mut bpfs = BTreeSet::new();
        let mut quotes = Vec::new();
        for response in self
            .responses
            .iter()
            .filter(|r| r.themes.contains(&theme.id))
        {
            by_question.add(response.question);
            by_role
                .entry(response.respondent.role)
                .or_default()
                .add(response.question);
            by_year
                .entry(response.bpf.year)
                .or_default()
                .add(response.question);
            by_bpf
                .entry((response.bpf.year, response.bpf.id.as_str()))
                .or_insert((response.bpf.title.as_str(), QuestionCounts::default()))
                .1
                .add(response.question);
            bpfs.insert(response.bpf.id.clone());
            quotes.push(Quote::of(response));
        }
        ThemeSummary {
            theme: theme.id.clone(),
            label: theme.label.clone(),
            rank: 0,
            bpfs: bpfs.into_iter().collect(),
            by_question,
            by_role: by_role
                .into_iter()
                .map(|(role, counts)| RoleCount { role, counts })
                .collect(),
            by_bpf: by_bpf
                .into_iter()
                .map(|((year, bpf), (title, counts))| BpfCount {
                    bpf: bpf.to_owned(),
                    title: title.to_owned(),
                    year,
                    counts,
                })
                .collect(),
            by_year: by_year
                .into_iter()
                .map(|(year, counts)| YearCount { year, counts })
                .collect(),
            quotes,
        }
    }
}

impl Quote {
    fn of(response: &Response) -> Quote {
        Quote {
            response: response.id.clone(),
            question: response.question,
            role: response.respondent.role,
            bpf: response.bpf.id.clone(),
            title: response.bpf.title.clone(),
            year: response.bpf.year,
            text: response.text.clone(),
        }
    }
}

/// What ranks a theme: BPFs raising it, then answers raising it.
fn key(theme: &ThemeSummary) -> (usize, usize) {
    (theme.bpfs.len(), theme.quotes.len())
}

/// Read and written as a [`Document`](crate::Document).
///
/// Loads a consultation and checks it: ids unique, every theme tag in the code book, no
/// answer tagged twice with one theme, one title and year for each BPF id.
///
/// # Errors
/// [`Error::Json`] for malformed JSON and unknown or missing fields;
/// [`Error::UnknownName`] for a theme not in the code book; [`Error::Inconsistent`] for a
/// BPF id given with two titles or years; [`Error::UnsupportedFormat`],
/// [`Error::InvalidId`], [`Error::DuplicateId`].
impl crate::document::Document for Consultation {
    const NAME: &'static str = "consultation";

    fn format_version(&self) -> u32 {
        self.format_version
    }

    /// Checks what [`Consultation::from_json`](crate::Document::from_json) checks, for one built in code.
    ///
    /// # Errors
    /// As for [`Consultation::from_json`](crate::Document::from_json), less the JSON errors.
    fn check(&self) -> Result<(), Error> {
        let root = Path::root();
        check_format(self.format_version)?;
        check_ids(
            self.code_book.iter().map(|t| t.id.as_str()),
            "theme",
            |i, id| root.key("code_book").item(i, id).key("id"),
        )?;
        check_ids(
            self.responses.iter().map(|r| r.id.as_str()),
            "response",
            |i, id| root.key("responses").item(i, id).key("id"),
        )?;
        let themes = self.code_book.iter().map(|t| t.id.as_str());
        let mut named: BTreeMap<&str, (usize, &Subject)> = BTreeMap::new();
        for (i, response) in self.responses.iter().enumerate() {
            let here = root.key("responses").item(i, &response.id);
            check_id(&response.respondent.id, &here.key("respondent").key("id"))?;
            check_id(&response.bpf.id, &here.key("bpf").key("id"))?;
            let (first, bpf) = *named.entry(&response.bpf.id).or_insert((i, &response.bpf));
            if (&bpf.title, bpf.year) != (&response.bpf.title, response.bpf.year) {
                let other = &self.responses.get(first).map_or("", |r| r.id.as_str());
                return Err(Error::Inconsistent {
                    path: here.key("bpf"),
                    problem: format!(
                        "BPF `{}` is \"{}\" ({}) here but \"{}\" ({}) in answer `{other}`; one BPF has one title and year in a consultation (give the other BPF its own id)",
                        response.bpf.id, response.bpf.title, response.bpf.year, bpf.title, bpf.year
                    ),
                });
            }
            let tags = here.key("themes");
            for (j, tag) in response.themes.iter().enumerate() {
                if !themes.clone().any(|t| t == tag) {
                    return Err(crate::error::unknown_name(
                        Some(tags.index(j)),
                        "theme",
                        tag,
                        themes.clone(),
                    ));
                }
            }
            check_ids(
                response.themes.iter().map(String::as_str),
                "theme tag",
                |j, _| tags.index(j),
            )?;
        }
        Ok(())
    }
}

impl crate::document::sealed::Sealed for Consultation {}

impl crate::document::sealed::Sealed for LessonsSummary {
    const WRITTEN: bool = true;
}

impl crate::document::Document for LessonsSummary {
    const NAME: &'static str = "lessons-summary";

    fn format_version(&self) -> u32 {
        self.format_version
    }
}
