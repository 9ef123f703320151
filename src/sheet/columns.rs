//! The columns of a rubric's scoring sheet, in order, with what each holds and what it tells
//! the person filling it.

use crate::rubric::{Criterion, Metric, Rubric};

/// One column of a scoring sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// What the reader goes by: `subject_id`, a criterion id (`P1`), or `P5a.government` for
    /// one category of a distribution.
    pub key: String,
    /// The header people read, e.g. `P1 Scope and focus`.
    pub label: String,
    /// What the column holds.
    pub kind: ColumnKind,
    /// Whether a filled row must have it.
    pub required: bool,
    /// The guidance shown with the header: the criterion's name, weight, what to enter and
    /// the descriptors of its levels.
    pub guidance: String,
}

/// What a column holds.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ColumnKind {
    /// The subject's id.
    SubjectId,
    /// The subject's title.
    SubjectTitle,
    /// The subject's year.
    SubjectYear,
    /// The assessor's id.
    AssessorId,
    /// The assessor's name.
    AssessorName,
    /// The assessor's stakeholder group.
    StakeholderGroup,
    /// The assessor's region.
    Region,
    /// The assessor's role.
    Role,
    /// Whether the assessor declares a conflict of interest.
    ConflictDeclared,
    /// The declaration's statement.
    ConflictStatement,
    /// The answer to a criterion.
    Answer {
        /// The criterion's id.
        criterion: String,
    },
    /// One category's count of a distribution criterion.
    Share {
        /// The criterion's id.
        criterion: String,
        /// The category's id.
        category: String,
    },
    /// What worked well.
    WorkedWell,
    /// What worked less well.
    WorkedLessWell,
    /// What the assessor would do differently.
    DoDifferently,
}

fn fixed(key: &str, label: &str, kind: ColumnKind, required: bool, guidance: &str) -> Column {
    Column {
        key: key.to_owned(),
        label: label.to_owned(),
        kind,
        required,
        guidance: guidance.to_owned(),
    }
}

/// The header cell of a column: `Label [key]`.
pub(crate) fn header(column: &Column) -> String {
    format!("{} [{}]", column.label, column.key)
}

/// The columns of `rubric`'s scoring sheet, in order.
///
/// ```
/// let rubric = igf_rubric::presets::get("bpf-proposal").unwrap();
/// let keys: Vec<String> = igf_rubric::sheet::columns(rubric).into_iter().map(|c| c.key).collect();
/// assert_eq!(keys[..3], ["subject_id", "subject_title", "subject_year"]);
/// assert!(keys.contains(&"P5a.civil_society".to_owned()));
/// assert_eq!(keys.last().unwrap(), "do_differently");
/// ```
#[must_use]
pub fn columns(rubric: &Rubric) -> Vec<Column> {
    use crate::assessment::{Region, Role, StakeholderGroup};
    let names = |all: &[&str]| all.join(", ");
    let groups: Vec<&str> = StakeholderGroup::ALL.iter().map(|g| g.label()).collect();
    let regions: Vec<&str> = Region::ALL.iter().map(|r| r.label()).collect();
    let roles: Vec<&str> = Role::ALL.iter().map(|r| r.label()).collect();
    let mut out = vec![
        fixed(
            "subject_id",
            "Subject id",
            ColumnKind::SubjectId,
            true,
            "The proposal's or BPF's id, e.g. bpf-ixps-2016: letters, digits, _ - .",
        ),
        fixed(
            "subject_title",
            "Title",
            ColumnKind::SubjectTitle,
            true,
            "The proposal's or BPF's title.",
        ),
        fixed(
            "subject_year",
            "Year",
            ColumnKind::SubjectYear,
            true,
            "The IGF year, e.g. 2016.",
        ),
        fixed(
            "assessor_id",
            "Assessor id",
            ColumnKind::AssessorId,
            true,
            "Your assessor id, e.g. mag-03.",
        ),
        fixed(
            "assessor_name",
            "Assessor name",
            ColumnKind::AssessorName,
            false,
            "Your name (optional).",
        ),
        fixed(
            "stakeholder_group",
            "Stakeholder group",
            ColumnKind::StakeholderGroup,
            true,
            &format!("One of: {}.", names(&groups)),
        ),
        fixed(
            "region",
            "Region",
            ColumnKind::Region,
            true,
            &format!("One of: {}.", names(&regions)),
        ),
        fixed(
            "role",
            "Role",
            ColumnKind::Role,
            true,
            &format!("One of: {}.", names(&roles)),
        ),
        fixed(
            "conflict_declared",
            "Conflict of interest",
            ColumnKind::ConflictDeclared,
            true,
            "Yes if you have a conflict of interest with this subject, else No.",
        ),
        fixed(
            "conflict_statement",
            "Conflict statement",
            ColumnKind::ConflictStatement,
            false,
            "What the conflict is (needed when you answer Yes).",
        ),
    ];
    for criterion in rubric.leaves() {
        let Some(metric) = &criterion.metric else {
            continue;
        };
        match metric {
            Metric::Distribution { categories, .. } => {
                for category in categories {
                    out.push(Column {
                        key: format!("{}.{category}", criterion.id),
                        label: format!("{} {}: {category}", criterion.id, criterion.name),
                        kind: ColumnKind::Share {
                            criterion: criterion.id.clone(),
                            category: category.clone(),
                        },
                        required: criterion.required,
                        guidance: guidance(criterion, metric),
                    });
                }
            }
            _ => out.push(Column {
                key: criterion.id.clone(),
                label: format!("{} {}", criterion.id, criterion.name),
                kind: ColumnKind::Answer {
                    criterion: criterion.id.clone(),
                },
                required: criterion.required,
                guidance: guidance(criterion, metric),
            }),
        }
    }
    out.push(fixed(
        "worked_well",
        "What worked well",
        ColumnKind::WorkedWell,
        false,
        "BPF question: what worked well (optional).",
    ));
    out.push(fixed(
        "worked_less_well",
        "What worked less well",
        ColumnKind::WorkedLessWell,
        false,
        "BPF question: what worked less well (optional).",
    ));
    out.push(fixed(
        "do_differently",
        "What would you do differently",
        ColumnKind::DoDifferently,
        false,
        "BPF question: what you would do differently (optional).",
    ));
    out
}

/// The guidance of a criterion's column.
fn guidance(criterion: &Criterion, metric: &Metric) -> String {
    let mut text = criterion.name.clone();
    if let Some(weight) = criterion.weight {
        text.push_str(&format!(" (weight {}).", weight.normalize()));
    } else {
        text.push('.');
    }
    if !criterion.description.is_empty() {
        text.push(' ');
        text.push_str(&criterion.description);
    }
    text.push('\n');
    text.push_str(&match metric {
        Metric::Scale { min, max, step, .. } => format!(
            "Enter a number from {} to {} in steps of {}.",
            min.normalize(),
            max.normalize(),
            step.normalize()
        ),
        Metric::Levels { levels } => {
            let mut list = "Pick a level:".to_owned();
            for level in levels {
                list.push_str(&format!("\n- {}: {}", level.label, level.descriptor));
            }
            list
        }
        Metric::YesNo => "Yes or No.".to_owned(),
        Metric::Count { target, .. } => {
            format!("Enter a whole number of 0 or more (full score from {target}).")
        }
        Metric::Percent { target } => format!(
            "Enter a percentage from 0 to 100 (full score from {}).",
            target.normalize()
        ),
        Metric::Distribution { .. } => "Enter the count for this category (0 or more).".to_owned(),
        Metric::Text => "Free text; not scored.".to_owned(),
    });
    text.push_str(match (criterion.required, criterion.allow_not_applicable) {
        (true, true) => "\nRequired; \"Unable to assess\" and \"Not applicable\" are accepted.",
        (true, false) => "\nRequired; \"Unable to assess\" is accepted.",
        (false, true) => "\nOptional; \"Unable to assess\" and \"Not applicable\" are accepted.",
        (false, false) => "\nOptional; \"Unable to assess\" is accepted.",
    });
    text
}
