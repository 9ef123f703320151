//! The distinct values of a set of ratings, in order, with a fast lookup of each value's
//! position: by table for whole-number scales, by binary search otherwise.

/// The distinct values of the ratings, in order.
pub(crate) struct Domain {
    pub(crate) values: Vec<f64>,
    /// When every value is a whole number in `0..SMALL`: each value's index, by value
    /// (`usize::MAX` for a value not rated).
    direct: Option<Vec<usize>>,
}

impl Domain {
    /// Few distinct values (ratings on a scale) are found by binary search as they come; past
    /// [`Domain::SMALL`] of them, all values are sorted once instead.
    const SMALL: usize = 256;

    /// The distinct values `all()` yields (called up to three times).
    pub(crate) fn of<I: Iterator<Item = f64>>(all: impl Fn() -> I) -> Domain {
        // Ratings on a scale of whole numbers: mark each as seen, by value.
        let mut seen = vec![false; Domain::SMALL];
        let whole = all().all(|value| match seen.get_mut(value as usize) {
            #[allow(clippy::cast_precision_loss)] // the index is below SMALL
            Some(slot) if (value as usize) as f64 == value => {
                *slot = true;
                true
            }
            _ => false,
        });
        if whole {
            let mut table = vec![usize::MAX; Domain::SMALL];
            let mut values = Vec::new();
            for (key, _) in seen.iter().enumerate().filter(|(_, seen)| **seen) {
                if let Some(at) = table.get_mut(key) {
                    *at = values.len();
                }
                #[allow(clippy::cast_precision_loss)] // key < SMALL
                values.push(key as f64);
            }
            return Domain {
                values,
                direct: Some(table),
            };
        }
        let mut values: Vec<f64> = Vec::new();
        let mut last = f64::NAN;
        for value in all() {
            // Runs of one value are common: skip the search for them.
            if value == last {
                continue;
            }
            last = value;
            if let Err(at) = values.binary_search_by(|d| d.total_cmp(&value)) {
                if values.len() == Domain::SMALL {
                    values = all().collect();
                    values.sort_unstable_by(f64::total_cmp);
                    values.dedup();
                    break;
                }
                values.insert(at, value);
            }
        }
        Domain {
            values,
            direct: None,
        }
    }

    /// The position of `value` among the values, if it is one of them.
    pub(crate) fn index(&self, value: f64) -> Option<usize> {
        match &self.direct {
            // A whole number in the table's range is its own key; anything else is absent (the
            // cast saturates, so a negative, fractional or huge value fails the comparison).
            Some(table) => {
                let key = value as usize;
                #[allow(clippy::cast_precision_loss)] // key < SMALL when it matters
                let whole = key as f64 == value;
                table
                    .get(key)
                    .copied()
                    .filter(|at| whole && *at != usize::MAX)
            }
            None => self.values.binary_search_by(|d| d.total_cmp(&value)).ok(),
        }
    }
}

/// The values weights give categories named `names`: the names read as numbers when every
/// one is a finite number and they increase, else the positions `1..=k`.
pub(crate) fn declared_values(names: &[String]) -> Vec<f64> {
    let numbers: Option<Vec<f64>> = names
        .iter()
        .map(|n| n.trim().parse::<f64>().ok().filter(|v| v.is_finite()))
        .collect();
    match numbers {
        Some(values) if values.windows(2).all(|w| matches!(w, [a, b] if a < b)) => values,
        _ => (1..=names.len()).map(|p| p as f64).collect(),
    }
}
