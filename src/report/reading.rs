//! The agreement figures of a panel read together, in sentences: what they say about the
//! assessors' scores and what the panel might do about it.

use crate::panel::PanelReliability;
use crate::reliability::{Agreement, ChanceCorrected, IccModel, IccUnit, Weighting};

/// Krippendorff's thresholds: at least 0.800 to rely on the data, at least 0.667 for tentative
/// conclusions only.
const RELY: f64 = 0.8;
const TENTATIVE: f64 = 0.667;

/// How far apart AC1 and Fleiss' kappa on the same bands must be to read them apart.
const PARADOX_GAP: f64 = 0.3;

/// Kappa's chance agreement from which one band holds most ratings: the prevalence paradox.
const PREVALENT: f64 = 0.7;

/// One sentence or two per set of figures, in the order the report prints them.
pub(super) fn reading(r: &PanelReliability) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(alpha) = r.totals_alpha.value {
        out.push(totals(alpha));
    }
    if let Some(sentence) = paradox(&r.bands_agreement) {
        out.push(sentence);
    }
    if let Some(sentence) = single_and_mean(r) {
        out.push(sentence);
    }
    out
}

fn totals(alpha: f64) -> String {
    if alpha >= RELY {
        format!(
            "The assessors' totals agree well (alpha {alpha:.3}, at or above the 0.800 Krippendorff asks for before relying on ratings): the ranking can be taken as it stands."
        )
    } else if alpha >= TENTATIVE {
        format!(
            "The assessors' totals agree enough for tentative conclusions only (alpha {alpha:.3}, between 0.667 and 0.800): check the proposals near the selection line against their spread before deciding."
        )
    } else {
        format!(
            "The assessors' totals agree only weakly beyond chance (alpha {alpha:.3}, below the 0.667 Krippendorff asks for even for tentative conclusions): before deciding at the selection line, discuss the criteria listed under \"To discuss\" and the proposals with the widest spread."
        )
    }
}

/// AC1 high and kappa low on the same bands: most ratings fall in one band.
fn paradox(agreement: &[Agreement]) -> Option<String> {
    let find = |coefficient: ChanceCorrected| {
        agreement
            .iter()
            .find(|a| a.coefficient == coefficient && a.weighting == Weighting::Identity)
    };
    let ac1 = find(ChanceCorrected::Gwet)?;
    let kappa = find(ChanceCorrected::Fleiss)?;
    if ac1.value - kappa.value < PARADOX_GAP {
        return Some(format!(
            "On the bands, AC1 ({:.3}) and Fleiss' kappa ({:.3}) tell the same story: the assessors' agreement on the band beyond chance is {}.",
            ac1.value,
            kappa.value,
            kappa.interpretation.label().to_lowercase()
        ));
    }
    if kappa.chance_agreement < PREVALENT {
        return Some(format!(
            "On the bands, AC1 ({:.3}) and Fleiss' kappa ({:.3}) differ because they estimate agreement by chance differently ({:.0}% for AC1, {:.0}% for kappa): read the two together, and the percent agreement ({:.0}% of pairs) beside them.",
            ac1.value,
            kappa.value,
            ac1.chance_agreement * 100.0,
            kappa.chance_agreement * 100.0,
            kappa.percent_agreement * 100.0
        ));
    }
    Some(format!(
        "On the bands, AC1 ({:.3}) and Fleiss' kappa ({:.3}) disagree because nearly every rating falls in one band: the assessors agree on {:.0}% of pairs, and kappa counts {:.0}% as agreement by chance when one band is that common, so little is left to credit; AC1 does not. This is the prevalence paradox: the assessors agree on the band, but the bands hardly separate the proposals. Choose between proposals on the totals and their spread, or set band boundaries that divide them.",
        ac1.value,
        kappa.value,
        kappa.percent_agreement * 100.0,
        kappa.chance_agreement * 100.0
    ))
}

/// One assessor's total against the panel's mean, under the two-way random model.
fn single_and_mean(r: &PanelReliability) -> Option<String> {
    let find = |unit: IccUnit| {
        r.totals_icc
            .iter()
            .find(|i| i.model == IccModel::TwoWayRandom && i.unit == unit)
    };
    let single = find(IccUnit::Single)?;
    let mean = find(IccUnit::Average)?;
    Some(format!(
        "One assessor's total alone is {} (ICC {:.3}); the mean of the panel's assessors is {} ({:.3}): decide on the combined totals, never on a single assessment.",
        single.interpretation.label().to_lowercase(),
        single.value,
        mean.interpretation.label().to_lowercase(),
        mean.value
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_are_read_against_krippendorffs_thresholds() {
        assert!(totals(0.85).contains("taken as it stands"));
        assert!(totals(0.7).contains("tentative conclusions only"));
        assert!(totals(0.45).contains("below the 0.667"));
    }
}
