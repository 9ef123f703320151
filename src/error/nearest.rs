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
/// characters get no suggestions, since every other short id would be as near. An id written
/// as its label would be (`Civil society` for `civil_society`) or in another case (`p1` for
/// `P1`) comes first, whatever its length.
pub(crate) fn nearest<'a>(
    found: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Box<[String]> {
    nearest_labelled(found, candidates.into_iter().map(|id| (id, id)))
}

/// As [`nearest`], for ids with labels: an id whose label was given (`Defined` for the level
/// `defined`, in any case) comes first.
pub(crate) fn nearest_labelled<'a>(
    found: &str,
    candidates: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Box<[String]> {
    let found: String = found.chars().take(COMPARED).collect();
    let folded = fold(&found);
    let mut near: Vec<(usize, usize, &str)> = candidates
        .into_iter()
        .enumerate()
        .filter_map(|(order, (id, label))| {
            if id == found {
                return None;
            }
            if fold(id) == folded || fold(label) == folded {
                return Some((0, order, id));
            }
            let distance = strsim::osa_distance(&found, id);
            let longer = found.chars().count().max(id.chars().count());
            let bound = longer / 3;
            (distance <= bound).then_some((distance, order, id))
        })
        .collect();
    near.sort_unstable();
    near.into_iter()
        .take(MOST)
        .map(|(_, _, id)| id.to_owned())
        .collect()
}

/// An id or a label as a person might write either: lower case, words joined by `_`.
fn fold(text: &str) -> String {
    text.trim()
        .chars()
        .take(COMPARED)
        .map(|c| match c {
            ' ' | '-' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{nearest, nearest_labelled};

    #[test]
    fn an_id_written_as_its_label_or_in_another_case_is_offered_first() {
        assert_eq!(*nearest("p1", ["P1", "P2"]), ["P1"]);
        assert_eq!(
            *nearest("Civil society", ["government", "civil_society"]),
            ["civil_society"]
        );
        let levels = [("vague", "Vague"), ("defined", "Clearly defined")];
        assert_eq!(*nearest_labelled("Clearly defined", levels), ["defined"]);
    }

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
