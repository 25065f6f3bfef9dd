"""Draw the benchmark chart of the docs: docs/assets/bench.json in, docs/assets/bench.svg out.

    python tools/bench_chart.py           # rewrite the SVG from the JSON
    python tools/bench_chart.py --check   # exit 1 if the SVG does not match the JSON

The JSON holds the numbers of one ``make bench`` run, copied by hand. Each metric becomes a
row of two horizontal bars, this SDK's and the official SDK's, scaled to the larger of the
two: the metrics have different units, so the bars compare within a row only. Standard
library only, and the output is deterministic, so ``--check`` can compare bytes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "docs" / "assets" / "bench.json"
TARGET = ROOT / "docs" / "assets" / "bench.svg"

WIDTH = 760
LABEL_WIDTH = 230  # the metric's name and unit, left of the bars
BAR_LEFT = LABEL_WIDTH + 10
BAR_SPACE = 350  # the longest bar
BAR_HEIGHT = 16
ROW_HEIGHT = 62
TOP = 78  # title and legend above the first row
COLORS = {"ours": "#2563eb", "official": "#9ca3af"}
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"


def number(value: float) -> str:
    """A value as the bench table prints it: thousands separated, decimals as measured."""
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.2f}" if value < 100 else f"{value:,.1f}"


def ratio(metric: dict[str, Any]) -> str:
    """How much better this SDK did, e.g. ``5.2x faster``."""
    ours, official = float(metric["ours"]), float(metric["official"])
    if metric["better"] == "lower":
        factor, word = official / ours, "faster"
    else:
        factor, word = ours / official, "more"
    shown = f"{factor:.1f}" if factor < 10 else f"{factor:.0f}"
    return f"{shown}\u00d7 {word}"


def text(x: float, y: float, content: str, **attributes: str) -> str:
    extra = "".join(f' {name.replace("_", "-")}="{value}"' for name, value in attributes.items())
    return f'<text x="{x:g}" y="{y:g}"{extra}>{escape(content)}</text>'


def row(metric: dict[str, Any], top: float, sdks: dict[str, str]) -> list[str]:
    """The SVG elements of one metric: its label, two bars with values, the ratio."""
    largest = max(float(metric["ours"]), float(metric["official"]))
    parts = [
        text(LABEL_WIDTH, top + 15, metric["label"], text_anchor="end", font_weight="600"),
        text(LABEL_WIDTH, top + 33, metric["unit"], text_anchor="end", fill="#6b7280"),
    ]
    for index, key in enumerate(("ours", "official")):
        value = float(metric[key])
        y = top + index * (BAR_HEIGHT + 4)
        length = max(2.0, BAR_SPACE * value / largest)
        parts.append(
            f'<rect x="{BAR_LEFT}" y="{y:g}" width="{length:.1f}" height="{BAR_HEIGHT}" '
            f'rx="2" fill="{COLORS[key]}"><title>{escape(sdks[key])}: '
            f"{escape(number(metric[key]))}</title></rect>"
        )
        parts.append(text(BAR_LEFT + length + 6, y + 12.5, number(metric[key]), fill="#111827"))
    parts.append(
        text(
            WIDTH - 10,
            top + 24,
            ratio(metric),
            text_anchor="end",
            font_weight="600",
            fill=COLORS["ours"],
        )
    )
    return parts


def render(data: dict[str, Any]) -> str:
    """The whole chart as an SVG document."""
    metrics: list[dict[str, Any]] = data["metrics"]
    sdks: dict[str, str] = data["sdks"]
    height = TOP + ROW_HEIGHT * len(metrics) + 24
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="title desc" '
        f'font-family="{FONT}" font-size="13">',
        f'<title id="title">{escape(data["title"])}</title>',
        f'<desc id="desc">{escape(description(data))}</desc>',
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
        text(10, 24, data["title"], font_size="16", font_weight="600", fill="#111827"),
        text(10, 44, data["machine"], fill="#6b7280"),
    ]
    legend_x = float(BAR_LEFT)
    for key in ("ours", "official"):
        parts.append(
            f'<rect x="{legend_x:g}" y="54" width="12" height="12" rx="2" fill="{COLORS[key]}"/>'
        )
        parts.append(text(legend_x + 18, 64.5, sdks[key], fill="#111827"))
        legend_x += 30 + 8 * len(sdks[key])
    for index, metric in enumerate(metrics):
        parts.extend(row(metric, TOP + index * ROW_HEIGHT, sdks))
    note = "Bars share a scale within a row only: the rows have different units."
    parts.append(text(10, height - 12, note, fill="#6b7280", font_size="12"))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def description(data: dict[str, Any]) -> str:
    """The chart in words, for screen readers and for anyone who cannot see it."""
    sdks: dict[str, str] = data["sdks"]
    lines = [
        f"{m['label']} ({m['unit']}, {m['better']} is better): {sdks['ours']} "
        f"{number(m['ours'])}, {sdks['official']} {number(m['official'])}, {ratio(m)}."
        for m in data["metrics"]
    ]
    return " ".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="fail if the SVG is out of date")
    args = parser.parse_args(argv)
    svg = render(json.loads(SOURCE.read_text(encoding="utf-8")))
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != svg:
            print(f"{TARGET.relative_to(ROOT)} is out of date: run python tools/bench_chart.py")
            return 1
        return 0
    TARGET.write_text(svg, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
