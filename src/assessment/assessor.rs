//! Who assesses: the assessor's id, stakeholder group, region and role.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The person who filled in an assessment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assessor {
    /// Stable id of the assessor (not necessarily a name), e.g. `mag-07`.
    #[schemars(with = "crate::kinds::Id")]
    pub id: String,
    /// Display name, where it may be shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The assessor's stakeholder group.
    pub stakeholder_group: StakeholderGroup,
    /// The assessor's regional group.
    pub region: Region,
    /// The assessor's role in the process.
    pub role: Role,
}

/// IGF stakeholder groups, as used in IGF submission forms, plus academia.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum StakeholderGroup {
    /// Government.
    Government,
    /// Intergovernmental organisation.
    IntergovernmentalOrganization,
    /// Civil society.
    CivilSociety,
    /// Technical community.
    TechnicalCommunity,
    /// Private sector.
    PrivateSector,
    /// Academia, where it is counted apart from civil society and the technical community.
    Academia,
}

/// Regional groups, as used in IGF submission forms (the UN regional groups plus two more).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    /// African Group.
    African,
    /// Asia-Pacific Group.
    AsiaPacific,
    /// Eastern European Group.
    EasternEuropean,
    /// Latin American and Caribbean Group (GRULAC).
    LatinAmericanAndCaribbean,
    /// Western European and Others Group (WEOG).
    WesternEuropeanAndOthers,
    /// Intergovernmental organisations.
    Intergovernmental,
    /// Other.
    Other,
}

/// The role an assessor plays.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Member of the Multistakeholder Advisory Group.
    MagMember,
    /// Chair of the MAG.
    MagChair,
    /// BPF coordinator or MAG facilitator.
    Coordinator,
    /// Lead expert of a BPF.
    LeadExpert,
    /// Contributor to a BPF.
    Contributor,
    /// IGF Secretariat staff or consultant.
    Secretariat,
    /// An external reviewer.
    ExternalReviewer,
}

crate::label::labels!(StakeholderGroup, "stakeholder group" {
    Government => "government", "Government";
    IntergovernmentalOrganization => "intergovernmental_organization", "Intergovernmental organisation";
    CivilSociety => "civil_society", "Civil society";
    TechnicalCommunity => "technical_community", "Technical community";
    PrivateSector => "private_sector", "Private sector";
    Academia => "academia", "Academia";
});

crate::label::labels!(Region, "region" {
    African => "african", "African Group";
    AsiaPacific => "asia_pacific", "Asia-Pacific Group";
    EasternEuropean => "eastern_european", "Eastern European Group";
    LatinAmericanAndCaribbean => "latin_american_and_caribbean", "Latin American and Caribbean Group";
    WesternEuropeanAndOthers => "western_european_and_others", "Western European and Others Group";
    Intergovernmental => "intergovernmental", "Intergovernmental organisations";
    Other => "other", "Other";
});

crate::label::labels!(Role, "role" {
    MagMember => "mag_member", "MAG member";
    MagChair => "mag_chair", "MAG Chair";
    Coordinator => "coordinator", "Coordinator";
    LeadExpert => "lead_expert", "Lead expert";
    Contributor => "contributor", "Contributor";
    Secretariat => "secretariat", "Secretariat";
    ExternalReviewer => "external_reviewer", "External reviewer";
});
