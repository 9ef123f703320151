//! Charts as SVG, written by hand (no plotting dependency): each a standalone, well-formed
//! document with a title and a description for screen readers.

use std::fmt::Write as _;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::lessons::LessonsSummary;
use crate::panel::PanelReport;
use crate::scoring::Scorecard;

const WIDTH: f64 = 860.0;
const LABEL: f64 = 300.0;
const ROW: f64 = 30.0;
const TOP: f64 = 56.0;
const FONT: &str = "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\"";

/// Escapes text for XML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn open(out: &mut String, height: f64, title: &str, description: &str) {
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height:.0}\" viewBox=\"0 0 {WIDTH} {height:.0}\" role=\"img\" aria-labelledby=\"title desc\">"
    );
    let _ = writeln!(out, "<title id=\"title\">{}</title>", escape(title));
    let _ = writeln!(out, "<desc id=\"desc\">{}</desc>", escape(description));
    let _ = writeln!(
        out,
        "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
    );
    let _ = writeln!(
        out,
        "<text x=\"16\" y=\"28\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"16\" font-weight=\"bold\">{}</text>",
        escape(title)
    );
}

fn f(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// Where `value` falls on the plot's x axis, from `min` to `max`.
fn x(value: f64, min: f64, max: f64) -> f64 {
    let span = if (max - min).abs() < f64::EPSILON {
        1.0
    } else {
        max - min
    };
    LABEL + (WIDTH - LABEL - 70.0) * ((value - min) / span).clamp(0.0, 1.0)
}

/// A label that fits its column: whole words up to `chars` characters, then an ellipsis; the
/// full text stays in a tooltip.
fn fitted(text: &str, chars: usize) -> String {
    escape(&crate::label::clip(text, chars))
}

/// Combined totals with each subject's spread (lowest to highest assessor total), best first;
/// the threshold, where there is one, as a dashed line; selected subjects in a darker colour.
pub(super) fn panel(report: &PanelReport) -> String {
    let (min, max) = (f(report.scale.min), f(report.scale.max));
    let rows = report.subjects.len();
    let height = TOP + ROW * rows as f64 + 50.0;
    let mut out = String::new();
    open(
        &mut out,
        height,
        "Combined totals with the spread of assessors' totals",
        "One row per subject, best first: a dot at the combined total, a line from the lowest to the highest assessor total.",
    );
    axis(&mut out, min, max, TOP + ROW * rows as f64);
    if let Some(t) = report.rules.threshold {
        let tx = x(f(t), min, max);
        let bottom = TOP + ROW * rows as f64;
        let _ = writeln!(
            out,
            "<line x1=\"{tx:.1}\" y1=\"{:.1}\" x2=\"{tx:.1}\" y2=\"{bottom:.1}\" stroke=\"#b00020\" stroke-dasharray=\"4 3\"/>",
            TOP - 8.0
        );
        let _ = writeln!(
            out,
            "<text x=\"{tx:.1}\" y=\"{:.1}\" {FONT} fill=\"#b00020\" text-anchor=\"middle\">threshold {t}</text>",
            TOP - 12.0
        );
    }
    for (i, s) in report.subjects.iter().enumerate() {
        let y = TOP + ROW * i as f64 + ROW / 2.0;
        let rank = s.rank.map_or_else(|| "-".to_owned(), |r| r.to_string());
        let label = format!("{rank}. {} ({})", s.subject.title, s.subject.year);
        let _ = writeln!(
            out,
            "<text x=\"16\" y=\"{:.1}\" {FONT}><title>{}</title>{}</text>",
            y + 4.0,
            escape(&label),
            fitted(&label, 42)
        );
        let colour = if s.decision.selected {
            "#1f4e79"
        } else {
            "#7f7f7f"
        };
        if let Some(spread) = &s.spread {
            let (x1, x2) = (x(f(spread.min), min, max), x(f(spread.max), min, max));
            let _ = writeln!(
                out,
                "<line x1=\"{x1:.1}\" y1=\"{y:.1}\" x2=\"{x2:.1}\" y2=\"{y:.1}\" stroke=\"{colour}\" stroke-width=\"2\"/>"
            );
            for xe in [x1, x2] {
                let _ = writeln!(
                    out,
                    "<line x1=\"{xe:.1}\" y1=\"{:.1}\" x2=\"{xe:.1}\" y2=\"{:.1}\" stroke=\"{colour}\" stroke-width=\"2\"/>",
                    y - 6.0,
                    y + 6.0
                );
            }
        }
        if let Some(total) = s.total {
            let cx = x(f(total.published), min, max);
            let _ = writeln!(
                out,
                "<circle cx=\"{cx:.1}\" cy=\"{y:.1}\" r=\"6\" fill=\"{colour}\"><title>{}: {}</title></circle>",
                escape(&s.subject.title),
                total.published
            );
            let _ = writeln!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" {FONT} text-anchor=\"end\">{}</text>",
                WIDTH - 12.0,
                y + 4.0,
                total.published
            );
        }
    }
    out.push_str("</svg>\n");
    out
}

fn axis(out: &mut String, min: f64, max: f64, bottom: f64) {
    let _ = writeln!(
        out,
        "<line x1=\"{LABEL:.1}\" y1=\"{bottom:.1}\" x2=\"{:.1}\" y2=\"{bottom:.1}\" stroke=\"#333333\"/>",
        x(max, min, max)
    );
    for (value, label) in ticks(min, max) {
        let tx = x(value, min, max);
        let _ = writeln!(
            out,
            "<line x1=\"{tx:.1}\" y1=\"{bottom:.1}\" x2=\"{tx:.1}\" y2=\"{:.1}\" stroke=\"#333333\"/>",
            bottom + 5.0
        );
        let _ = writeln!(
            out,
            "<text class=\"tick\" x=\"{tx:.1}\" y=\"{:.1}\" {FONT} text-anchor=\"middle\">{label}</text>",
            bottom + 20.0
        );
    }
}

/// The axis marks from `min` to `max`: multiples of a round step (1, 2, 2.5 or 5 times a power
/// of ten) that give at most six marks, each labelled with as many places as its step needs
/// (0, 0.2, 0.4 ... 1; 0, 20 ... 100; 20, 40, 60, 80 on a scale from 10 to 90).
fn ticks(min: f64, max: f64) -> Vec<(f64, String)> {
    let span = max - min;
    if !span.is_finite() || span <= 0.0 {
        return vec![(min, format!("{min}"))];
    }
    let power = 10f64.powf((span / 4.0).log10().floor());
    let (step, extra) = [(1.0, 0), (2.0, 0), (2.5, 1), (5.0, 0), (10.0, 0)]
        .into_iter()
        .map(|(m, extra)| (m * power, extra))
        .find(|(step, _)| span / step <= 6.0 + 1e-9)
        .unwrap_or((10.0 * power, 0));
    let places = usize::try_from(-(step.log10().floor()) as i64)
        .unwrap_or(0)
        .saturating_add(extra);
    let mut marks = Vec::new();
    let mut k = (min / step - 1e-9).ceil();
    while k * step <= max + step * 1e-9 && marks.len() < 12 {
        // Adding zero turns -0 into 0.
        let value = k * step + 0.0;
        marks.push((value, format!("{value:.places$}")));
        k += 1.0;
    }
    marks
}

/// One scorecard's top-level criteria as bars of their normalised scores (0 to 1), each with
/// its share of the total.
pub(super) fn profile(card: &Scorecard) -> String {
    let rows = card
        .criteria
        .iter()
        .filter(|c| !c.effective_weight.is_zero() || c.normalised.is_some())
        .count();
    let height = TOP + ROW * rows as f64 + 50.0;
    let mut out = String::new();
    let title = format!(
        "Criterion profile: {} ({})",
        card.subject.title, card.subject.year
    );
    open(
        &mut out,
        height,
        &title,
        "One bar per weighted top-level criterion: its score from 0 to 1; the label gives its share of the total. Criteria without weight show their score as text.",
    );
    axis(&mut out, 0.0, 1.0, TOP + ROW * rows as f64);
    let shown = card
        .criteria
        .iter()
        .filter(|c| !c.effective_weight.is_zero() || c.normalised.is_some());
    for (i, c) in shown.enumerate() {
        let y = TOP + ROW * i as f64;
        let share = super::percent_of_one(c.effective_weight);
        let label = format!("{} ({share})", c.name);
        let _ = writeln!(
            out,
            "<text x=\"16\" y=\"{:.1}\" {FONT}><title>{}</title>{}</text>",
            y + ROW / 2.0 + 4.0,
            escape(&label),
            fitted(&label, 42)
        );
        match c.normalised {
            // A criterion without weight (a gate, or one for information) adds nothing to the
            // total: its score is written, never drawn as a bar beside the weighted ones.
            Some(score) if c.effective_weight.is_zero() => {
                let _ = writeln!(
                    out,
                    "<text x=\"{:.1}\" y=\"{:.1}\" {FONT} fill=\"#595959\">{} (not weighted: a gate or for information)</text>",
                    LABEL + 6.0,
                    y + ROW / 2.0 + 4.0,
                    super::decimal(score, 2)
                );
            }
            Some(score) => {
                let end = x(f(score), 0.0, 1.0);
                let _ = writeln!(
                    out,
                    "<rect x=\"{LABEL:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#1f4e79\"/>",
                    y + 6.0,
                    end - LABEL,
                    ROW - 12.0
                );
                let _ = writeln!(
                    out,
                    "<text x=\"{:.1}\" y=\"{:.1}\" {FONT}>{}</text>",
                    end + 6.0,
                    y + ROW / 2.0 + 4.0,
                    super::decimal(score, 2)
                );
            }
            None => {
                let _ = writeln!(
                    out,
                    "<text x=\"{:.1}\" y=\"{:.1}\" {FONT} fill=\"#7f7f7f\">{}</text>",
                    LABEL + 6.0,
                    y + ROW / 2.0 + 4.0,
                    escape(c.status.label())
                );
            }
        }
    }
    out.push_str("</svg>\n");
    out
}

/// Themes of the three questions as stacked bars: worked well, worked less well, do
/// differently, in the summary's rank order.
pub(super) fn themes(summary: &LessonsSummary) -> String {
    let rows = summary.themes.len();
    let height = TOP + ROW * rows as f64 + 70.0;
    let most = summary
        .themes
        .iter()
        .map(|t| t.by_question.total())
        .max()
        .unwrap_or(0)
        .max(1);
    let mut out = String::new();
    open(
        &mut out,
        height,
        "Themes by question",
        "One stacked bar per theme, in rank order: answers raising it as worked well, worked less well, and do differently.",
    );
    let colours = [
        ("Worked well", "#2e7d32"),
        ("Worked less well", "#c62828"),
        ("Do differently", "#f9a825"),
    ];
    let scale = |n: usize| (WIDTH - LABEL - 70.0) * n as f64 / most as f64;
    for (i, t) in summary.themes.iter().enumerate() {
        let y = TOP + ROW * i as f64;
        let label = format!("{}. {}", t.rank, t.label);
        let _ = writeln!(
            out,
            "<text x=\"16\" y=\"{:.1}\" {FONT}><title>{}</title>{}</text>",
            y + ROW / 2.0 + 4.0,
            escape(&label),
            fitted(&label, 42)
        );
        let q = t.by_question;
        let mut left = LABEL;
        for ((name, colour), n) in
            colours
                .iter()
                .zip([q.worked_well, q.worked_less_well, q.do_differently])
        {
            if n == 0 {
                continue;
            }
            let w = scale(n);
            let _ = writeln!(
                out,
                "<rect x=\"{left:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{:.1}\" fill=\"{colour}\"><title>{}: {name} {n}</title></rect>",
                y + 6.0,
                ROW - 12.0,
                escape(&t.label)
            );
            left += w;
        }
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" {FONT}>{}</text>",
            left + 6.0,
            y + ROW / 2.0 + 4.0,
            q.total()
        );
    }
    let legend = TOP + ROW * rows as f64 + 24.0;
    let mut lx = LABEL;
    for (name, colour) in colours {
        let _ = writeln!(
            out,
            "<rect x=\"{lx:.1}\" y=\"{:.1}\" width=\"12\" height=\"12\" fill=\"{colour}\"/>",
            legend - 10.0
        );
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{legend:.1}\" {FONT}>{name}</text>",
            lx + 18.0
        );
        lx += 150.0;
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::ticks;

    fn labels(min: f64, max: f64) -> Vec<String> {
        ticks(min, max)
            .into_iter()
            .map(|(_, label)| label)
            .collect()
    }

    #[test]
    fn ticks_fall_on_round_steps_labelled_with_the_places_they_need() {
        assert_eq!(labels(0.0, 1.0), ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]);
        assert_eq!(labels(0.0, 100.0), ["0", "20", "40", "60", "80", "100"]);
        assert_eq!(labels(10.0, 90.0), ["20", "40", "60", "80"]);
        assert_eq!(labels(-1.0, 1.0), ["-1.0", "-0.5", "0.0", "0.5", "1.0"]);
        assert_eq!(labels(0.0, 10.0), ["0", "2", "4", "6", "8", "10"]);
        assert_eq!(
            labels(0.0, 1.0e6),
            ["0", "200000", "400000", "600000", "800000", "1000000"]
        );
        assert_eq!(labels(3.0, 3.0), ["3"]);
    }

    #[test]
    fn ticks_increase_and_stay_on_the_axis() {
        for (min, max) in [
            (0.0, 1.0),
            (0.0, 7.0),
            (1.0, 6.0),
            (-1e6, 1e6),
            (0.001, 0.002),
            (10.0, 90.0),
        ] {
            let marks = ticks(min, max);
            assert!((2..=7).contains(&marks.len()), "{min}..{max}: {marks:?}");
            assert!(marks.windows(2).all(|w| w[0].0 < w[1].0), "{marks:?}");
            let slack = (max - min) * 1e-6;
            assert!(
                marks
                    .iter()
                    .all(|(v, _)| *v >= min - slack && *v <= max + slack),
                "{marks:?}"
            );
        }
    }
}
