//! Calendar dates as outcome records write them: `YYYY-MM-DD`.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, JsonProblem, Path};

/// A day of the proposal or outcome timeline, `YYYY-MM-DD` in the proleptic Gregorian
/// calendar, years 1 to 9999. A `Date` that exists is a real day: `2019-02-29` does not load.
///
/// ```
/// use igf_rubric::evidence::Date;
///
/// let draft: Date = "2019-10-08".parse()?;
/// let meeting: Date = "2019-11-25".parse()?;
/// assert_eq!(draft.days_until(meeting), 48);
/// assert!("2019-02-29".parse::<Date>().is_err());
/// # Ok::<(), igf_rubric::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// The date of `year`, `month` (1-12) and `day` (1-31, as the month allows).
    ///
    /// # Errors
    /// [`Error::Json`] (problem `invalid_value`) when no such day exists.
    pub fn new(year: u16, month: u8, day: u8) -> Result<Date, Error> {
        let last = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if is_leap(year) => 29,
            2 => 28,
            _ => 0,
        };
        if !(1..=9999).contains(&year) || day == 0 || day > last {
            return Err(invalid(&format!("{year:04}-{month:02}-{day:02}")));
        }
        Ok(Date { year, month, day })
    }

    /// The year.
    #[must_use]
    pub fn year(self) -> u16 {
        self.year
    }

    /// Days from this date to `later`; negative when `later` comes first.
    #[must_use]
    pub fn days_until(self, later: Date) -> i64 {
        later.day_number().saturating_sub(self.day_number())
    }

    /// Days since 0000-03-01, counting years from March so the leap day falls last
    /// (the civil-from-days method of H. Hinnant's "chrono-compatible low-level date
    /// algorithms").
    #[allow(clippy::arithmetic_side_effects)] // year <= 9999, month <= 12, day <= 31: < 4e6
    fn day_number(self) -> i64 {
        let (month, day) = (i64::from(self.month), i64::from(self.day));
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era_year = year.rem_euclid(400);
        let era = year.div_euclid(400);
        let shifted_month = (month + 9) % 12;
        let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
        let day_of_era = era_year * 365 + era_year / 4 - era_year / 100 + day_of_year;
        era * 146_097 + day_of_era
    }
}

fn is_leap(year: u16) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

fn invalid(text: &str) -> Error {
    Error::Json {
        path: Path::root(),
        problem: JsonProblem::InvalidValue,
        message: format!(
            "`{}` is not a calendar date (write YYYY-MM-DD, a day that exists, years 1-9999)",
            crate::error::shorten(text)
        ),
    }
}

impl FromStr for Date {
    type Err = Error;

    fn from_str(text: &str) -> Result<Date, Error> {
        let bytes = text.as_bytes();
        let digits = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = text.get(range)?;
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let shape = bytes.len() == 10 && bytes.get(4) == Some(&b'-') && bytes.get(7) == Some(&b'-');
        match (shape, digits(0..4), digits(5..7), digits(8..10)) {
            (true, Some(year), Some(month), Some(day)) => Date::new(
                year,
                u8::try_from(month).map_err(|_| invalid(text))?,
                u8::try_from(day).map_err(|_| invalid(text))?,
            )
            .map_err(|_| invalid(text)),
            _ => Err(invalid(text)),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse()
            .map_err(|e: Error| serde::de::Error::custom(e.message()))
    }
}

impl JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A calendar date, YYYY-MM-DD (a day that exists, years 1-9999).",
            "type": "string",
            "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consecutive_days_have_consecutive_numbers() {
        let mut previous: Option<i64> = None;
        for year in 1899..=2101 {
            for month in 1..=12 {
                for day in 1..=31 {
                    let Ok(date) = Date::new(year, month, day) else {
                        continue;
                    };
                    let n = date.day_number();
                    if let Some(previous) = previous {
                        assert_eq!(n, previous + 1, "{date}");
                    }
                    previous = Some(n);
                }
            }
        }
    }

    #[test]
    fn known_differences() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(d("2019-10-08").days_until(d("2019-11-25")), 48);
        assert_eq!(d("2016-06-23").days_until(d("2016-12-06")), 166);
        assert_eq!(d("2020-02-28").days_until(d("2020-03-01")), 2);
        assert_eq!(d("2019-02-28").days_until(d("2019-03-01")), 1);
        assert_eq!(d("1970-01-01").days_until(d("2000-01-01")), 10_957);
        assert_eq!(d("2000-01-01").days_until(d("1970-01-01")), -10_957);
    }

    #[test]
    fn only_real_days_in_the_one_shape_load() {
        for bad in [
            "2019-02-29",
            "1900-02-29",
            "2019-13-01",
            "2019-00-10",
            "2019-1-01",
            "0000-01-01",
            "2019-01-32",
            "+019-01-01",
            "2019/01/01",
            "",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
        for good in ["2000-02-29", "2020-02-29", "9999-12-31", "0001-01-01"] {
            assert_eq!(good.parse::<Date>().unwrap().to_string(), good);
        }
    }
}
