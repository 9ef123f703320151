//! Suggestions for a mistyped id: the nearest valid ids by edit distance.

/// The most suggestions offered.
const MOST: usize = 3;

/// The most characters of a mistyped id compared: twice the longest id, so a hostile value
/// costs no more than a long one.
const COMPARED: usize = 128;

/// The valid ids nearest to `found`, closest first (ties in the order given), at most three.
///
/// An id is near when its optimal-string-alignment distance (Damerau–Levenshtein without
/// repeated edits of one substring; strsim's `osa_distance`) is at most a third of the longer
/// id's length: `fiz` suggests `fit` and `fix`, never `relevance`; ids of one or two
/// characters get no suggestions, since every other short id would be as near. Case
/// differences count as edits.
pub(crate) fn nearest<'a>(
    found: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Box<[String]> {
    let found: String = found.chars().take(COMPARED).collect();
    let mut near: Vec<(usize, usize, &str)> = candidates
        .into_iter()
        .enumerate()
        .filter_map(|(order, id)| {
            let distance = strsim::osa_distance(&found, id);
            let longer = found.chars().count().max(id.chars().count());
            let bound = longer / 3;
            (distance <= bound && id != found).then_some((distance, order, id))
        })
        .collect();
    near.sort_unstable();
    near.into_iter()
        .take(MOST)
        .map(|(_, _, id)| id.to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::nearest;

    #[test]
    fn near_ids_are_offered_closest_first() {
        let ids = ["relevance", "fit", "fix", "fitness", "partners"];
        assert_eq!(*nearest("fitt", ids), ["fit"]);
        assert_eq!(*nearest("fiz", ids), ["fit", "fix"]);
        assert_eq!(*nearest("parnters", ids), ["partners"]);
        assert!(nearest("zzz", ids).is_empty());
        assert!(nearest("z", ["a", "b"]).is_empty());
        assert!(nearest("fit", ["fit"]).is_empty());
    }
}
