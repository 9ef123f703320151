//! How far a panel's assessors agree, and how groups of assessors score.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::report::{
    Breakdown, Coefficient, CriterionAlpha, GroupMean, PanelReliability, SubjectReport,
    SubjectStatus,
};
use super::review::Sheet;
use super::stats::mean;
use crate::error::Error;
use crate::num;
use crate::reliability::{
    Icc, Interpretation, MeasurementLevel, Ratings, intraclass_correlations, krippendorff_alpha,
};
use crate::rubric::{Rubric, band_for};

/// Krippendorff's alpha of the totals and of each scored criterion, and the ICCs of the totals
/// where the design is complete. Units are the scored subjects; raters the included assessors.
pub(super) fn of_panel(
    rubric: &Rubric,
    sheets: &[Sheet<'_>],
    subjects: &[SubjectReport],
) -> Result<PanelReliability, Error> {
    let scored: Vec<&str> = subjects
        .iter()
        .filter(|s| s.status == SubjectStatus::Scored)
        .map(|s| s.subject.id.as_str())
        .collect();
    let mut raters: Vec<&str> = sheets
        .iter()
        .filter(|s| s.included())
        .map(|s| s.assessment.assessor.id.as_str())
        .collect();
    raters.sort_unstable();
    raters.dedup();
    let matrix = |value: &dyn Fn(&Sheet<'_>) -> Option<Decimal>| -> Vec<Vec<Option<f64>>> {
        scored
            .iter()
            .map(|subject| {
                raters
                    .iter()
                    .map(|rater| {
                        sheets
                            .iter()
                            .find(|s| {
                                s.included()
                                    && s.assessment.subject.id == *subject
                                    && s.assessment.assessor.id == *rater
                            })
                            .and_then(value)
                            .and_then(|v| v.to_f64())
                    })
                    .collect()
            })
            .collect()
    };
    let totals = matrix(&|s| s.total());
    let totals_alpha = alpha(totals.clone(), MeasurementLevel::Interval);
    // Bands are listed best first; their position is an ordinal rating of each assessor.
    let bands = &rubric.doc().bands;
    let bands_alpha = (!bands.is_empty()).then(|| {
        let band_of = |s: &Sheet<'_>| {
            let published = s.card.total.map(|t| t.published)?;
            let at =
                band_for(bands, published).and_then(|b| bands.iter().position(|x| x.id == b.id))?;
            Some(Decimal::from(at))
        };
        alpha(matrix(&band_of), MeasurementLevel::Ordinal)
    });
    let (totals_icc, icc_note) = iccs(&totals, &raters);
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
                alpha: alpha(matrix(&|s| s.normalised(at)), MeasurementLevel::Interval),
            });
        }
    }
    Ok(PanelReliability {
        totals_alpha,
        bands_alpha,
        totals_icc,
        icc_note,
        criteria_alpha,
    })
}

/// The ICCs of the totals over the assessors who scored every scored subject; the note names
/// the assessors left out for that, or why there are no ICCs.
fn iccs(totals: &[Vec<Option<f64>>], raters: &[&str]) -> (Vec<Icc>, Option<String>) {
    let complete: Vec<usize> = (0..raters.len())
        .filter(|r| {
            totals
                .iter()
                .all(|row| row.get(*r).is_some_and(Option::is_some))
        })
        .collect();
    let left_out: Vec<&str> = raters
        .iter()
        .enumerate()
        .filter(|(r, _)| !complete.contains(r))
        .map(|(_, id)| *id)
        .collect();
    let rows: Vec<Vec<Option<f64>>> = totals
        .iter()
        .map(|row| {
            complete
                .iter()
                .map(|r| row.get(*r).copied().flatten())
                .collect()
        })
        .collect();
    let note = (!left_out.is_empty()).then(|| {
        format!(
            "over the {} assessors who scored every subject ({} left out)",
            complete.len(),
            left_out.join(", ")
        )
    });
    match Ratings::from_rows(rows).and_then(|r| intraclass_correlations(&r)) {
        Ok(iccs) => (iccs, note),
        Err(e) => (Vec::new(), Some(e.to_string())),
    }
}

fn alpha(rows: Vec<Vec<Option<f64>>>, level: MeasurementLevel) -> Coefficient {
    match Ratings::from_rows(rows).and_then(|r| krippendorff_alpha(&r, level)) {
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
    let combined: BTreeMap<&str, Decimal> = subjects
        .iter()
        .filter_map(|s| s.computed_total.map(|t| (s.subject.id.as_str(), t.exact)))
        .collect();
    let mut groups: BTreeMap<String, (Vec<Decimal>, Vec<Decimal>)> = BTreeMap::new();
    let mut regions: BTreeMap<String, (Vec<Decimal>, Vec<Decimal>)> = BTreeMap::new();
    for sheet in sheets.iter().filter(|s| s.included()) {
        let (Some(total), Some(panel)) = (
            sheet.total(),
            combined.get(sheet.assessment.subject.id.as_str()),
        ) else {
            continue;
        };
        let difference = num::sub(total, *panel, "breaking down totals")?;
        let assessor = &sheet.assessment.assessor;
        for (map, key) in [
            (&mut groups, assessor.stakeholder_group.as_str().to_owned()),
            (&mut regions, assessor.region.as_str().to_owned()),
        ] {
            let entry = map.entry(key).or_default();
            entry.0.push(total);
            entry.1.push(difference);
        }
    }
    let summarise =
        |map: BTreeMap<String, (Vec<Decimal>, Vec<Decimal>)>| -> Result<Vec<GroupMean>, Error> {
            map.into_iter()
                .map(|(group, (totals, differences))| {
                    Ok(GroupMean {
                        group,
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
