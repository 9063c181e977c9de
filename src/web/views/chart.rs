//! Charts drawn on the server as SVG, for pages where people would rather
//! look than read. Each stands beside a table holding the same figures,
//! which is what screen readers are given: the chart itself is hidden from
//! them.

use maud::{Markup, html};

use crate::i18n::number;
use crate::i18n::t;

/// One bar: a total, of which a part is drawn in a second colour.
#[derive(Debug, Clone)]
pub struct Bar {
    /// What the bar stands for, under it: a few characters.
    pub label: String,
    /// Its height.
    pub total: i64,
    /// The part of it in the second colour.
    pub part: i64,
}

const WIDTH: i64 = 640;
const HEIGHT: i64 = 200;
const AXIS: i64 = 24;

/// A bar chart of `bars`, described by `title` and by the table whose id is
/// `table_id`; the legend names the whole (`total_name`) and the part (none
/// when `part_name` is empty). Labels should be short: they stand under
/// the bars.
pub fn bar_chart(
    title: &str,
    table_id: &str,
    bars: &[Bar],
    total_name: &str,
    part_name: &str,
) -> Markup {
    let highest = bars.iter().map(|b| b.total).max().unwrap_or(0).max(1);
    chart(
        title,
        table_id,
        bars,
        (highest, number(highest)),
        total_name,
        part_name,
    )
}

/// A bar chart of shares: each bar's `total` is a percentage, drawn
/// against a full height of 100%.
pub fn share_chart(title: &str, table_id: &str, bars: &[Bar], name: &str) -> Markup {
    chart(
        title,
        table_id,
        bars,
        (100, format!("{}%", number(100))),
        name,
        "",
    )
}

/// Draws `bars` against a full height of `highest`, labelled `top`.
fn chart(
    title: &str,
    table_id: &str,
    bars: &[Bar],
    (highest, top): (i64, String),
    total_name: &str,
    part_name: &str,
) -> Markup {
    let count = i64::try_from(bars.len()).unwrap_or(i64::MAX).max(1);
    let slot = WIDTH / count;
    let bar_width = (slot * 3 / 4).clamp(1, 48);
    let scale = |value: i64| value * (HEIGHT - AXIS) / highest;
    // Labels under the bars when they fit, else every few.
    let label_every = usize::try_from((48 / slot.max(1)).max(1)).unwrap_or(1);
    html! {
        figure.chart {
            svg viewBox=(format!("0 0 {WIDTH} {HEIGHT}")) aria-hidden="true" focusable="false" {
                line.axis x1="0" y1=(HEIGHT - AXIS) x2=(WIDTH) y2=(HEIGHT - AXIS) {}
                @for (i, bar) in bars.iter().enumerate() {
                    @let x = slot * i64::try_from(i).unwrap_or(0) + (slot - bar_width) / 2;
                    @let whole = scale(bar.total);
                    @let part = scale(bar.part);
                    rect.bar-total x=(x) y=(HEIGHT - AXIS - whole) width=(bar_width) height=(whole) {}
                    rect.bar-part x=(x) y=(HEIGHT - AXIS - part) width=(bar_width) height=(part) {}
                    @if i % label_every == 0 {
                        text.bar-label x=(x + bar_width / 2) y=(HEIGHT - 6) text-anchor="middle" { (bar.label) }
                    }
                }
                text.bar-label x="4" y="14" { (top) }
            }
            figcaption {
                span.key.key-total aria-hidden="true" {} " " (total_name) " "
                @if !part_name.is_empty() {
                    span.key.key-part aria-hidden="true" {} " " (part_name)
                }
                " · " a href=(format!("#{table_id}")) { (t!("chart-as-table", chart = title)) }
            }
        }
    }
}
