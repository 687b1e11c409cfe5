"""A reliability diagram as a standalone SVG: forecast risk against the share that came true.

Plain SVG written here (no plotting library): points per calibration bin, sized by how many
forecasts it holds, one colour per model, the diagonal a perfectly calibrated model would
follow. Both axes use a square-root scale, since nearly all risks are below 10 %.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from html import escape

from tocsin.forecast.metrics import Bin

COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b")
SIZE, PAD = 420, 56


def reliability_svg(bins: Mapping[str, Sequence[Bin]], title: str = "Reliability") -> str:
    top = max([0.05] + [max(b.mean_risk, b.observed) for bs in bins.values() for b in bs])
    top = min(1.0, top * 1.1)

    def x(v: float) -> float:
        return PAD + math.sqrt(v / top) * SIZE

    def y(v: float) -> float:
        return PAD + SIZE - math.sqrt(v / top) * SIZE

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE + 2 * PAD + 160}" '
        f'height="{SIZE + 2 * PAD}" font-family="sans-serif" font-size="12">',
        f"<title>{escape(title)}</title>",
        f'<rect x="{PAD}" y="{PAD}" width="{SIZE}" height="{SIZE}" fill="none" stroke="#999"/>',
        f'<line x1="{x(0)}" y1="{y(0)}" x2="{x(top)}" y2="{y(top)}" stroke="#bbb" '
        'stroke-dasharray="4 3"/>',
        f'<text x="{PAD}" y="{PAD - 20}" font-size="14">{escape(title)}</text>',
        f'<text x="{PAD + SIZE / 2}" y="{PAD + SIZE + 40}" text-anchor="middle">'
        "forecast risk (square-root scale)</text>",
        f'<text x="{PAD - 40}" y="{PAD + SIZE / 2}" text-anchor="middle" '
        f'transform="rotate(-90 {PAD - 40} {PAD + SIZE / 2})">share with an onset</text>',
    ]
    for tick in (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0):
        if tick <= top:
            out.append(
                f'<text x="{x(tick):.1f}" y="{PAD + SIZE + 16}" text-anchor="middle">{tick:g}</text>'
                f'<text x="{PAD - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">{tick:g}</text>'
            )
    most = max([1] + [b.n for bs in bins.values() for b in bs])
    for k, (name, bs) in enumerate(bins.items()):
        colour = COLOURS[k % len(COLOURS)]
        points = " ".join(f"{x(b.mean_risk):.1f},{y(b.observed):.1f}" for b in bs)
        out.append(f'<polyline points="{points}" fill="none" stroke="{colour}"/>')
        for b in bs:
            r = 3 + 7 * math.sqrt(b.n / most)
            out.append(
                f'<circle cx="{x(b.mean_risk):.1f}" cy="{y(b.observed):.1f}" r="{r:.1f}" '
                f'fill="{colour}" fill-opacity="0.6"><title>{escape(name)}: {b.n} forecasts '
                f"of {b.low:g}–{b.high:g}, mean {b.mean_risk:.3f}, observed {b.observed:.3f}"
                "</title></circle>"
            )
        ly = PAD + 16 + 18 * k
        out.append(
            f'<rect x="{PAD + SIZE + 16}" y="{ly - 9}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{PAD + SIZE + 32}" y="{ly}">{escape(name)}</text>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"
