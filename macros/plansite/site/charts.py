"""Indicator figures as a static SVG chart and a sentence (their CSV file is an export).

The chart is never the only way to read a figure: the page also shows a data table and a
one-sentence summary of the trend, and offers the figures as CSV. Each point carries its
value as text, so colour never carries meaning on its own.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from plansite.exports.tables import period_label, value_label
from plansite.model.plan import Figure, Measure

WIDTH, HEIGHT = 600, 260
# Room above the highest point for its label, drawn up to 26 units high on phones.
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 56, 24, 40, 48


def numeric(measure: Measure) -> list[Figure]:
    return [f for f in measure.figures if f.value is not None]


def trend(measure: Measure) -> str:
    """One sentence a reader can take away without looking at the chart. Only figures given
    as numbers make a trend; findings reported in words (an evaluation's conclusion, say)
    are counted, never read as numbers."""
    points = numeric(measure)
    unit = measure.unit
    if not measure.figures:
        return "No figures have been published yet."
    in_words = len(measure.figures) - len(points)
    if not points:
        plural = "s" if in_words > 1 else ""
        return (
            f"{in_words} finding{plural} reported, in words rather than as "
            f"{'numbers' if plural else 'a number'}: see the table below."
        )
    last = points[-1]
    # Findings in words after the last number: the number is not the latest news.
    later = (
        " Later findings are reported in words: see the table below."
        if measure.figures[-1] is not last
        else ""
    )
    if len(points) == 1:
        latest = "latest figure given as a number" if later else "latest figure"
        return f"The {latest} is {value_label(last, unit)} ({period_label(last)}).{later}"
    first = points[0]
    assert first.value is not None and last.value is not None
    if last.value > first.value:
        verb = "rose"
    elif last.value < first.value:
        verb = "fell"
    else:
        verb = "stayed the same"
    sentence = (
        f"From {period_label(first)} to {period_label(last)} the figure {verb}, from "
        f"{value_label(first, unit)} to {value_label(last, unit)}."
    )
    if measure.direction in ("up", "down") and verb != "stayed the same":
        better = (verb == "rose") == (measure.direction == "up")
        sentence += (
            " That is the direction the plan wants."
            if better
            else (" That is the opposite of the direction the plan wants.")
        )
    if measure.target and measure.target.value is not None:
        sentence += f" The target is {value_label(measure.target, unit)}."
    return sentence + later


def svg(measure: Measure, title_id: str) -> Markup:
    """A line chart of the numeric figures; empty when there are fewer than two."""
    points = numeric(measure)
    if len(points) < 2:
        return Markup("")
    values = [p.value for p in points if p.value is not None]
    target = measure.target.value if measure.target and measure.target.value is not None else None
    scale = [*values, *([target] if target is not None else []), 0.0]
    low, high = min(scale), max(scale)
    span = (high - low) or 1.0
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = HEIGHT - PAD_TOP - PAD_BOTTOM

    def x(i: int) -> float:
        return PAD_LEFT + inner_w * (i / (len(values) - 1))

    def y(v: float) -> float:
        return PAD_TOP + inner_h * (1 - (v - low) / span)

    parts = [
        f'<svg class="plansite-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{title_id}" focusable="false">',
        f'<title id="{title_id}">{escape(trend(measure))}</title>',
        f'<line class="plansite-chart__axis" x1="{PAD_LEFT}" y1="{y(low):.1f}" '
        f'x2="{WIDTH - PAD_RIGHT}" y2="{y(low):.1f}"/>',
    ]
    if target is not None:
        parts.append(
            f'<line class="plansite-chart__target" x1="{PAD_LEFT}" y1="{y(target):.1f}" '
            f'x2="{WIDTH - PAD_RIGHT}" y2="{y(target):.1f}"/>'
            f'<text x="{WIDTH - PAD_RIGHT}" y="{y(target) - 6:.1f}" text-anchor="end">'
            f"Target {escape(value_label(measure.target, measure.unit))}</text>"  # type: ignore[arg-type]
        )
    path = " ".join(f"{'M' if i == 0 else 'L'}{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
    parts.append(f'<path class="plansite-chart__line" d="{path}"/>')
    for i, p in enumerate(points):
        v = values[i]
        # The first and last labels lean inwards, so they never run off the chart's edges.
        anchor = "start" if i == 0 else "end" if i == len(points) - 1 else "middle"
        parts.append(
            f'<circle class="plansite-chart__point" cx="{x(i):.1f}" cy="{y(v):.1f}" r="5"/>'
            f'<text x="{x(i):.1f}" y="{y(v) - 10:.1f}" text-anchor="{anchor}">'
            f"{escape(value_label(p, measure.unit))}</text>"
            f'<text x="{x(i):.1f}" y="{HEIGHT - PAD_BOTTOM + 20}" text-anchor="{anchor}">'
            f"{escape(period_label(p))}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every text value above is escaped
