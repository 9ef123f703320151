//! The crate's Markdown as HTML for a web page, so a page shows exactly what the Markdown
//! reports say. Behind the `html` feature.

use pulldown_cmark::{Alignment, CowStr, Event, Options, Parser, Tag, TagEnd, html};

/// A Markdown page of this module's renderers as an HTML fragment for a web page, its
/// headings moved down so that `#` is `<h{top}>` (`top` from 1 to 6; deeper ones stop at
/// `<h6>`), to sit under the page's own headings.
///
/// Tables come wrapped in `<div class="table">`, with `scope="col"` headers, right-aligned
/// cells marked `class="num"`, and every body cell labelled with its column
/// (`data-label="Total"`), so a narrow page can lay each row out as a list. HTML inside the
/// text (an assessor's comment that says `<script>`) is shown as text, never run, and a link
/// or image goes only to a relative, `http`, `https` or `mailto` address.
///
/// ```
/// use igf_rubric::report;
///
/// let page = report::to_html("# Ranking\n\n| Subject | Total |\n|---|---:|\n| IXPs <b>2016</b> | 78.88 |\n", 2);
/// assert!(page.contains("<h2>Ranking</h2>"));
/// assert!(page.contains(r#"<td class="num" data-label="Total">78.88</td>"#));
/// assert!(page.contains("IXPs &lt;b&gt;2016&lt;/b&gt;"));
/// ```
#[must_use]
pub fn to_html(markdown: &str, top: u8) -> String {
    let shift = usize::from(top.clamp(1, 6)).saturating_sub(1);
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, Options::ENABLE_TABLES)
        .map(safe)
        .map(|event| deeper(event, shift))
        .collect();
    let mut out = String::new();
    let mut pending: Vec<Event<'_>> = Vec::new();
    let mut table: Option<(Vec<Alignment>, Vec<Event<'_>>)> = None;
    for event in events {
        match (&mut table, event) {
            (None, Event::Start(Tag::Table(alignments))) => {
                html::push_html(&mut out, pending.drain(..));
                table = Some((alignments, Vec::new()));
            }
            (Some((alignments, body)), Event::End(TagEnd::Table)) => {
                write_table(&mut out, alignments, std::mem::take(body));
                table = None;
            }
            (Some((_, body)), event) => body.push(event),
            (None, event) => pending.push(event),
        }
    }
    html::push_html(&mut out, pending.into_iter());
    out
}

/// A heading `shift` levels down, at most `<h6>`.
fn deeper(event: Event<'_>, shift: usize) -> Event<'_> {
    use pulldown_cmark::HeadingLevel;
    const LEVELS: [HeadingLevel; 6] = [
        HeadingLevel::H1,
        HeadingLevel::H2,
        HeadingLevel::H3,
        HeadingLevel::H4,
        HeadingLevel::H5,
        HeadingLevel::H6,
    ];
    let moved = |level: HeadingLevel| {
        let at = LEVELS.iter().position(|l| *l == level).unwrap_or(0);
        LEVELS
            .get(at.saturating_add(shift))
            .copied()
            .unwrap_or(HeadingLevel::H6)
    };
    match event {
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: moved(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(moved(level))),
        other => other,
    }
}

/// Raw HTML turned into text; links and images to other schemes cut to their text.
fn safe(event: Event<'_>) -> Event<'_> {
    match event {
        Event::Html(text) | Event::InlineHtml(text) => Event::Text(text),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: allowed(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: allowed(dest_url),
            title,
            id,
        }),
        other => other,
    }
}

/// The address when it is relative or `http`, `https` or `mailto`; else an empty one.
fn allowed(url: CowStr<'_>) -> CowStr<'_> {
    let scheme_end = url.find(':');
    let path_start = url.find(['/', '?', '#']);
    let scheme = match (scheme_end, path_start) {
        (Some(colon), Some(path)) if colon > path => None,
        (Some(colon), _) => url.get(..colon),
        (None, _) => None,
    };
    match scheme.map(str::to_ascii_lowercase).as_deref() {
        None | Some("http" | "https" | "mailto") => url,
        Some(_) => CowStr::Borrowed(""),
    }
}

/// One table: the header row, then each body row with its cells labelled by column.
fn write_table(out: &mut String, alignments: &[Alignment], events: Vec<Event<'_>>) {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut cell: Option<Vec<Event<'_>>> = None;
    for event in events {
        match event {
            Event::Start(Tag::TableHead | Tag::TableRow) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => cell = Some(Vec::new()),
            Event::End(TagEnd::TableCell) => {
                let mut inner = String::new();
                html::push_html(&mut inner, cell.take().unwrap_or_default().into_iter());
                if let Some(row) = rows.last_mut() {
                    row.push(inner);
                }
            }
            event => {
                if let Some(cell) = cell.as_mut() {
                    cell.push(event);
                }
            }
        }
    }
    let mut rows = rows.into_iter();
    let head = rows.next().unwrap_or_default();
    let class = |i: usize| match alignments.get(i) {
        Some(Alignment::Right) => " class=\"num\"",
        Some(Alignment::Center) => " class=\"mid\"",
        _ => "",
    };
    out.push_str("<div class=\"table\"><table>\n<thead><tr>");
    for (i, name) in head.iter().enumerate() {
        out.push_str(&format!("<th scope=\"col\"{}>{name}</th>", class(i)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for (i, value) in row.iter().enumerate() {
            let label = head
                .get(i)
                .map_or(String::new(), |h| attribute(&text_of(h)));
            out.push_str(&format!(
                "<td{} data-label=\"{label}\">{value}</td>",
                class(i)
            ));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n");
}

/// The text of an HTML fragment: its tags left out (entities stay as written).
fn text_of(fragment: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in fragment.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

/// Text made safe inside a double-quoted attribute whose text is already HTML-escaped.
fn attribute(text: &str) -> String {
    text.replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_and_javascript_links_never_reach_the_page() {
        let page = to_html(
            "<script>alert(1)</script>\n\nA [link](javascript:alert(1)) and [another](JavaScript:x), [a page](https://www.intgovforum.org/) and [a chart](profiles/a.svg).",
            1,
        );
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.to_ascii_lowercase().contains("javascript:"), "{page}");
        assert!(page.contains("href=\"https://www.intgovforum.org/\""));
        assert!(page.contains("href=\"profiles/a.svg\""));
    }

    #[test]
    fn headings_move_down_and_stop_at_six() {
        let page = to_html("# A\n\n## B\n\n###### C\n", 3);
        assert!(
            page.contains("<h3>A</h3>")
                && page.contains("<h4>B</h4>")
                && page.contains("<h6>C</h6>"),
            "{page}"
        );
    }

    #[test]
    fn every_body_cell_carries_its_column() {
        let page = to_html(
            "| Rank | Subject \"A\" |\n|---:|---|\n| 1 | **IXPs** |\n| 2 | IPv6 |\n",
            1,
        );
        assert!(
            page.contains(r#"<th scope="col" class="num">Rank</th>"#),
            "{page}"
        );
        assert!(
            page.contains(r#"<td data-label="Subject &quot;A&quot;"><strong>IXPs</strong></td>"#),
            "{page}"
        );
        assert_eq!(page.matches("<tr>").count(), 3);
    }
}
