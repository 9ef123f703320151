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
                    .ok_or_else(|| $crate::Error::UnknownName {
                        what: $what,
                        found: $crate::error::shorten(text),
                        allowed: $ty::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", "),
                    })
            }
        }
    };
}

pub(crate) use labels;
