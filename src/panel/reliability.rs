//! How far a panel's assessors agree, and how groups of assessors score.

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::report::{
    Breakdown, Coefficient, CriterionAlpha, GroupMean, PanelReliability, SubjectReport,
    SubjectStatus,
};
use super::review::Sheet;
use crate::error::Error;
use crate::num;
use crate::num::mean;
use crate::reliability::{
    Icc, Interpretation, MeasurementLevel, Ratings, intraclass_correlations, krippendorff_alpha,
};
use crate::rubric::{Rubric, band_position};

/// Krippendorff's alpha of the totals and of each scored criterion, and the ICCs of the totals
/// where the design is complete. Units are the scored subjects; raters the included assessors.
///
/// `sheets` are in canonical order (subject, then assessor), so each subject's sheets are one
/// run and each run is sorted by assessor: everything here is linear in the number of sheets
/// (times `log` of the assessors per subject for the ICC rows).
pub(super) fn of_panel(
    rubric: &Rubric,
    sheets: &[Sheet<'_>],
    subjects: &[SubjectReport],
) -> Result<PanelReliability, Error> {
    let units = units(sheets, subjects);
    if units.is_empty() {
        let none = || Coefficient {
            value: None,
            interpretation: None,
            note: Some(NO_SUBJECT.to_owned()),
        };
        return Ok(PanelReliability {
            totals_alpha: none(),
            bands_alpha: (!rubric.doc().bands.is_empty()).then(none),
            bands_agreement: Vec::new(),
            totals_icc: Vec::new(),
            icc_note: Some(NO_SUBJECT.to_owned()),
            criteria_alpha: Vec::new(),
        });
    }
    // Alpha does not care which assessor gave which value within a unit, so each unit's values
    // lie side by side, padded with NaN to the largest unit: no column per assessor, and one
    // flat buffer, unit after unit, rather than a list per unit.
    let width = units.iter().map(|u| u.len()).max().unwrap_or(0);
    let values = |value: &dyn Fn(&Sheet<'_>) -> Option<Decimal>| -> (usize, Vec<f64>) {
        let mut cells = Vec::with_capacity(units.len().saturating_mul(width));
        for unit in &units {
            let row = unit.iter().map(|s| value(s).and_then(|v| v.to_f64()));
            cells.extend(row.map(|v| v.unwrap_or(f64::NAN)));
            cells.resize(
                cells.len().saturating_add(width.saturating_sub(unit.len())),
                f64::NAN,
            );
        }
        (width, cells)
    };
    let totals_alpha = alpha(values(&|s| s.total()), MeasurementLevel::Interval);
    // Bands are listed best first; their position is an ordinal rating of each assessor.
    let bands = &rubric.doc().bands;
    let bands_alpha = (!bands.is_empty()).then(|| {
        let band = |s: &Sheet<'_>| band_of(rubric, s).map(Decimal::from);
        alpha(values(&band), MeasurementLevel::Ordinal)
    });
    let bands_agreement = bands_agreement(rubric, &units);
    let (totals_icc, icc_note) = iccs(&units);
    let mut criteria_alpha = Vec::new();
    for (at, node) in rubric.nodes().iter().enumerate() {
        if node
            .criterion
            .metric
            .as_ref()
            .is_some_and(|m| m.is_scored())
            && !node.weight().is_zero()
        {
            criteria_alpha.push(CriterionAlpha {
                criterion: node.criterion.id.clone(),
                alpha: alpha(values(&|s| s.normalised(at)), MeasurementLevel::Interval),
            });
        }
    }
    Ok(PanelReliability {
        totals_alpha,
        bands_alpha,
        bands_agreement,
        totals_icc,
        icc_note,
        criteria_alpha,
    })
}

/// Gwet's AC1, Fleiss' kappa and Gwet's AC2 (ordinal weights) of the bands the included
/// assessors' totals fall in; the coefficients the bands leave undefined are left out.
fn bands_agreement(
    rubric: &Rubric,
    units: &[Vec<&Sheet<'_>>],
) -> Vec<crate::reliability::Agreement> {
    use crate::reliability::{CategoricalRatings, ChanceCorrected, Weighting, chance_corrected};
    let bands = &rubric.doc().bands;
    if bands.len() < 2 {
        return Vec::new();
    }
    let width = units.iter().map(Vec::len).max().unwrap_or(0);
    let mut cells = Vec::with_capacity(units.len().saturating_mul(width));
    for unit in units {
        cells.extend(unit.iter().map(|s| band_of(rubric, s)));
        cells.resize(
            cells.len().saturating_add(width.saturating_sub(unit.len())),
            None,
        );
    }
    let ids = bands.iter().map(|b| b.id.clone()).collect();
    let data = CategoricalRatings::of_positions(ids, width, cells);
    [
        (ChanceCorrected::Gwet, Weighting::Identity),
        (ChanceCorrected::Fleiss, Weighting::Identity),
        (ChanceCorrected::Gwet, Weighting::Ordinal),
    ]
    .into_iter()
    .filter_map(|(coefficient, weighting)| chance_corrected(&data, coefficient, weighting).ok())
    .collect()
}

/// The position in the rubric's bands (best first) of the band a sheet's published total
/// falls in.
fn band_of(rubric: &Rubric, sheet: &Sheet<'_>) -> Option<usize> {
    band_position(&rubric.doc().bands, sheet.card.as_ref()?.total?.published)
}

const NO_SUBJECT: &str = "no subject was scored, so there is no agreement to measure";

/// Each subject's report beside its run of sheets. `subjects` are in the order of the runs
/// (the review reports one subject a run); a pair that does not match is left out.
fn runs<'s, 'a, 'r>(
    sheets: &'s [Sheet<'a>],
    subjects: &'r [SubjectReport],
) -> impl Iterator<Item = (&'r SubjectReport, &'s [Sheet<'a>])> {
    subjects
        .iter()
        .zip(sheets.chunk_by(Sheet::same_subject))
        .filter(|(report, run)| {
            run.first()
                .is_some_and(|s| s.assessment.subject.id == report.subject.id)
        })
}

/// The included sheets of each scored subject, in subject order, each run sorted by assessor.
fn units<'s, 'a>(sheets: &'s [Sheet<'a>], subjects: &[SubjectReport]) -> Vec<Vec<&'s Sheet<'a>>> {
    runs(sheets, subjects)
        .filter(|(report, _)| report.status == SubjectStatus::Scored)
        .map(|(_, run)| run.iter().filter(|s| s.included()).collect::<Vec<_>>())
        .filter(|unit| !unit.is_empty())
        .collect()
}

/// The most assessors a note names before it only counts the rest.
const NAMED_IN_NOTE: usize = 10;

/// The ICCs of the totals over the assessors who scored every scored subject; the note names
/// the assessors left out for that, or says in words why there are no ICCs.
fn iccs(units: &[Vec<&Sheet<'_>>]) -> (Vec<Icc>, Option<String>) {
    let mut scored_by: HashMap<&str, usize> = HashMap::new();
    for sheet in units.iter().flatten() {
        let count = scored_by.entry(&sheet.assessment.assessor.id).or_default();
        *count = count.saturating_add(1);
    }
    let mut scored_by: Vec<(&str, usize)> = scored_by.into_iter().collect();
    scored_by.sort_unstable();
    let (mut complete, mut left_out) = (Vec::new(), Vec::new());
    for (id, scored) in scored_by {
        if scored == units.len() {
            complete.push(id);
        } else {
            left_out.push(id);
        }
    }
    let subjects = units.len();
    match complete.as_slice() {
        [] => {
            return (
                Vec::new(),
                Some(format!(
                    "no intraclass correlation: it needs assessors who each scored every one of \
                     the {subjects} scored subjects, and none of the {} assessors did (Krippendorff's \
                     alpha above uses every rating)",
                    left_out.len()
                )),
            );
        }
        [only] => {
            return (
                Vec::new(),
                Some(format!(
                    "no intraclass correlation: it needs at least two assessors who each scored \
                     every one of the {subjects} scored subjects, and only {only} did"
                )),
            );
        }
        _ => {}
    }
    let rows: Vec<Vec<Option<f64>>> = units
        .iter()
        .map(|unit| {
            complete
                .iter()
                .map(|rater| {
                    unit.binary_search_by(|s| s.assessment.assessor.id.as_str().cmp(rater))
                        .ok()
                        .and_then(|at| unit.get(at))
                        .and_then(|s| s.total())
                        .and_then(|v| v.to_f64())
                })
                .collect()
        })
        .collect();
    let note = (!left_out.is_empty()).then(|| {
        let named: Vec<&str> = left_out.iter().take(NAMED_IN_NOTE).copied().collect();
        let more = left_out.len().saturating_sub(named.len());
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        format!(
            "over the {} assessors who scored every subject ({}{more} left out)",
            complete.len(),
            named.join(", ")
        )
    });
    match Ratings::from_rows(rows).and_then(|r| intraclass_correlations(&r)) {
        Ok(iccs) => (iccs, note),
        Err(e) => (Vec::new(), Some(e.to_string())),
    }
}

/// Alpha of `width` values per unit, unit after unit (NaN: no value).
fn alpha((width, cells): (usize, Vec<f64>), level: MeasurementLevel) -> Coefficient {
    match Ratings::from_values(width, cells).and_then(|r| krippendorff_alpha(&r, level)) {
        Ok(value) => Coefficient {
            value: Some(value),
            interpretation: Some(Interpretation::for_alpha(value)),
            note: None,
        },
        Err(e) => Coefficient {
            value: None,
            interpretation: None,
            note: Some(e.to_string()),
        },
    }
}

/// Mean totals by stakeholder group and region, with their mean difference from the subject's
/// computed combined total.
pub(super) fn breakdown(
    sheets: &[Sheet<'_>],
    subjects: &[SubjectReport],
) -> Result<Breakdown, Error> {
    let mut groups: BTreeMap<&str, (Vec<Decimal>, Vec<Decimal>)> = BTreeMap::new();
    let mut regions: BTreeMap<&str, (Vec<Decimal>, Vec<Decimal>)> = BTreeMap::new();
    for (report, run) in runs(sheets, subjects) {
        let Some(panel) = report.computed_total.map(|t| t.exact) else {
            continue;
        };
        for sheet in run.iter().filter(|s| s.included()) {
            let Some(total) = sheet.total() else {
                continue;
            };
            let difference = num::sub(total, panel, "breaking down totals")?;
            let assessor = &sheet.assessment.assessor;
            for (map, key) in [
                (&mut groups, assessor.stakeholder_group.as_str()),
                (&mut regions, assessor.region.as_str()),
            ] {
                let entry = map.entry(key).or_default();
                entry.0.push(total);
                entry.1.push(difference);
            }
        }
    }
    let summarise =
        |map: BTreeMap<&str, (Vec<Decimal>, Vec<Decimal>)>| -> Result<Vec<GroupMean>, Error> {
            map.into_iter()
                .map(|(group, (totals, differences))| {
                    Ok(GroupMean {
                        group: group.to_owned(),
                        assessments: totals.len(),
                        mean_total: mean(&totals)?.normalize(),
                        mean_difference: mean(&differences)?.normalize(),
                    })
                })
                .collect()
        };
    Ok(Breakdown {
        stakeholder_groups: summarise(groups)?,
        regions: summarise(regions)?,
    })
}
