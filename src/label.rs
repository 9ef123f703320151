//! Names of the crate's closed sets: the JSON name, the label people read, `Display` and
//! `FromStr`.

/// Gives a unit-only enum `ALL`, `as_str` (its JSON name), `label` (for people), `Display`
/// (the label) and `FromStr` (the JSON name, or the label in any letter case).
macro_rules! labels {
    ($ty:ident, $what:literal { $($variant:ident => $id:literal, $label:literal;)* }) => {
        impl $ty {
            /// Every value, in declaration order.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),*];

            /// The name as written in JSON.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $id,)*
                }
            }

            /// The name people read, as `Display` prints it.
            #[must_use]
            pub fn label(self) -> &'static str {
                match self {
                    $($ty::$variant => $label,)*
                }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }

        impl std::str::FromStr for $ty {
            type Err = $crate::Error;

            /// Reads the JSON name (`civil_society`) or the label in any letter case
            /// (`Civil society`).
            fn from_str(text: &str) -> Result<$ty, $crate::Error> {
                $ty::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == text || v.label().eq_ignore_ascii_case(text))
                    .ok_or_else(|| {
                        $crate::error::unknown_name(
                            None,
                            $what,
                            text,
                            $ty::ALL.iter().map(|v| v.as_str()),
                        )
                    })
            }
        }
    };
}

pub(crate) use labels;

/// `text` shortened to at most `max` characters at a word boundary, with `…` where it was cut
/// (a single word longer than `max` is cut inside, as nothing else fits); leading spaces, an
/// indent, are kept.
pub(crate) fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let words = text.trim_start_matches(' ');
    let indent = text.len().saturating_sub(words.len());
    let room = max.saturating_sub(indent).saturating_sub(1);
    let mut kept = String::new();
    for word in words.split(' ') {
        let gap = usize::from(!kept.is_empty());
        let needed = kept
            .chars()
            .count()
            .saturating_add(gap)
            .saturating_add(word.chars().count());
        if needed > room {
            break;
        }
        if gap == 1 {
            kept.push(' ');
        }
        kept.push_str(word);
    }
    if kept.is_empty() {
        kept = words.chars().take(room).collect();
    }
    format!("{}{kept}…", " ".repeat(indent))
}

#[cfg(test)]
mod tests {
    use super::clip;

    #[test]
    fn clipping_ends_at_a_word() {
        assert_eq!(
            clip("Evenness over stakeholder groups", 40),
            "Evenness over stakeholder groups"
        );
        assert_eq!(
            clip("Evenness over stakeholder groups", 20),
            "Evenness over…"
        );
        assert_eq!(clip("Supercalifragilistic", 8), "Superca…");
        assert_eq!(clip("  O5a Evenness", 9), "  O5a…");
    }
}
