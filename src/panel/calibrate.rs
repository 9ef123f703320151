//! Per-assessor calibration: z-scores of an assessor's totals mapped back onto the panel's mean
//! and spread.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::report::CalibrationEntry;
use super::review::Sheet;
use crate::error::Error;
use crate::num;
use crate::num::{mean, sample_sd};
use crate::rubric::Calibration;
use crate::rubric::TotalScale;

/// Calibrates the included totals of every assessor with enough subjects and some spread.
///
/// # Formula
/// ```text
/// calibrated = clamp(panel_mean + (x - assessor_mean) / assessor_sd · panel_sd, min, max)
/// ```
/// over the included assessments; standard deviations are sample ones (divisor `n - 1`),
/// computed with rust_decimal's square root to 28 significant digits. Clamping keeps the
/// calibrated total on the rubric's scale.
pub(super) fn apply(
    sheets: &mut [Sheet<'_>],
    rules: Calibration,
    scale: TotalScale,
) -> Result<Vec<CalibrationEntry>, Error> {
    const OP: &str = "calibrating assessors";
    let mut by_assessor: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut all = Vec::new();
    for (i, sheet) in sheets.iter().enumerate() {
        if let (true, Some(total)) = (sheet.included(), sheet.total()) {
            by_assessor
                .entry(sheet.assessment.assessor.id.clone())
                .or_default()
                .push(i);
            all.push(total);
        }
    }
    let panel_mean = if all.is_empty() {
        None
    } else {
        Some(mean(&all)?)
    };
    let panel_sd = sample_sd(&all)?;
    let mut entries = Vec::with_capacity(by_assessor.len());
    for (assessor, members) in by_assessor {
        let totals: Vec<Decimal> = members
            .iter()
            .filter_map(|i| sheets.get(*i))
            .filter_map(Sheet::total)
            .collect();
        let own_mean = mean(&totals)?;
        let own_sd = sample_sd(&totals)?;
        let reason = match (own_sd, panel_sd) {
            _ if totals.len() < rules.min_subjects => Some(format!(
                "scored {} subject(s); calibration needs at least {}",
                totals.len(),
                rules.min_subjects
            )),
            (Some(sd), _) if sd.is_zero() => Some("gave every subject the same total".to_owned()),
            (_, None) => Some("the panel has a single total".to_owned()),
            _ => None,
        };
        if let (None, Some(sd), Some(p_mean), Some(p_sd)) = (&reason, own_sd, panel_mean, panel_sd)
        {
            for i in &members {
                let Some(sheet) = sheets.get_mut(*i) else {
                    continue;
                };
                let Some(x) = sheet.total() else { continue };
                let z = num::div(num::sub(x, own_mean, OP)?, sd, OP)?;
                let calibrated = num::add(p_mean, num::mul(z, p_sd, OP)?, OP)?;
                sheet.calibrated = Some(calibrated.clamp(scale.min, scale.max).normalize());
            }
        }
        entries.push(CalibrationEntry {
            assessor,
            subjects: totals.len(),
            calibrated: reason.is_none(),
            mean: own_mean.normalize(),
            sd: own_sd,
            reason,
        });
    }
    Ok(entries)
}
