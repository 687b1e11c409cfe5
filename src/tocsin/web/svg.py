"""Pictures as inline SVG, drawn on the server: sparklines, the incident map on a world
outline, the risk chart of a report. Pure functions, strings out; nothing to load at run time
but the vendored outline, and nothing a browser must run (the PDF report uses them too)."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import cache
from html import escape
from pathlib import Path

LAND = Path(__file__).parent / "static" / "vendor" / "world-atlas" / "land-110m.json"
MAP_W, MAP_H = 720, 360  # equirectangular: 2 px per degree
# Colours as SVG attributes, not CSS: the PDF renderer and the browser then draw the same.
DOT = "#8a1c1c"


def sparkline(values: Sequence[float], width: int = 96, height: int = 22) -> str:
    if not values:
        return ""
    top = max(max(values), 1e-9)
    step = width / max(len(values) - 1, 1)
    points = " ".join(
        f"{i * step:.1f},{height - 2 - (v / top) * (height - 4):.1f}" for i, v in enumerate(values)
    )
    label = "scores by quarter: " + ", ".join(f"{v:g}" for v in values)
    return (
        f'<svg class="spark" width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(label)}"><polyline fill="none" stroke="currentColor" '
        f'stroke-width="1.5" points="{points}"/></svg>'
    )


def _xy(lon: float, lat: float) -> tuple[float, float]:
    return (lon + 180) * MAP_W / 360, (90 - lat) * MAP_H / 180


@cache
def land_path() -> str:
    """The land outline as one SVG path (TopoJSON arcs decoded: quantised deltas)."""
    topo = json.loads(LAND.read_text("utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append(_xy(x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indices: list[int]) -> str:
        pts: list[tuple[float, float]] = []
        for i in indices:
            arc = arcs[i] if i >= 0 else arcs[~i][::-1]
            pts += arc[1:] if pts else arc
        out, last = [], None
        for x, y in pts:
            # a ring crossing the antimeridian would draw a line across the world: lift the pen
            jump = last is None or abs(x - last) > MAP_W / 2
            out.append(f"{'M' if jump else 'L'}{x:.1f},{y:.1f}")
            last = x
        return "".join(out) + "Z"

    parts = []
    for geom in topo["objects"]["land"]["geometries"]:
        polygons = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        for polygon in polygons:
            parts += [ring(r) for r in polygon]
    return "".join(parts)


def world_map(points: Sequence[tuple[float, float, int, str, str]], max_points: int = 400) -> str:
    """Incidents on a world outline. points: (lon, lat, incidents, label, link); the places
    with the most incidents first, at most `max_points` of them."""
    shown = sorted(points, key=lambda p: -p[2])[:max_points]
    top = max((p[2] for p in shown), default=1)
    dots = []
    for lon, lat, n, label, link in shown:
        x, y = _xy(lon, lat)
        r = 2.5 + 6 * math.sqrt(n / top)
        dots.append(
            f'<a href="{escape(link)}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" '
            f'fill="{DOT}" fill-opacity="0.55" stroke="#fff" stroke-width="0.6">'
            f"<title>{escape(label)}: {n} incident{'s' if n != 1 else ''}</title></circle></a>"
        )
    more = len(points) - len(shown)
    note = (
        f'<text x="8" y="{MAP_H - 8}" font-size="10" fill="#66707a">'
        f"{more} more places not drawn</text>"
        if more > 0
        else ""
    )
    return (
        f'<svg class="map" viewBox="0 0 {MAP_W} {MAP_H}" role="img" '
        f'aria-label="map of {len(points)} places with incidents">'
        f'<rect width="{MAP_W}" height="{MAP_H}" fill="#eef3f7"/>'
        f'<path d="{land_path()}" fill="#d7dcd2" stroke="#b9beb4" stroke-width="0.4"/>'
        f"{''.join(dots)}{note}</svg>"
    )


def meter(value: float, top: float, width: int = 300, height: int = 10) -> str:
    """One horizontal bar (a timeline's month)."""
    w = width * value / (top or 1)
    return (
        f'<svg width="{width}" height="{height}" role="img" aria-label="{value:g}">'
        f'<rect width="{w:.1f}" height="{height}" fill="{DOT}"/></svg>'
    )


def heat_class(value: float, top: float) -> str:
    """A heatmap cell's shade, one of ten classes (no inline styles: the CSP forbids them)."""
    return f"heat-{min(9, int(10 * value / top)) if top > 0 else 0}"


def bars(rows: Sequence[tuple[str, float]], width: int = 520, bar: int = 16) -> str:
    """Horizontal bars (label, value): a report's risk factor scores."""
    top = max((v for _, v in rows), default=0) or 1
    label_w = 230
    out = []
    for i, (label, value) in enumerate(rows):
        y = i * (bar + 6)
        w = (width - label_w - 50) * value / top
        out.append(
            f'<text x="0" y="{y + bar - 4}" font-size="10">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar}" fill="{DOT}"/>'
            f'<text x="{label_w + w + 4:.1f}" y="{y + bar - 4}" font-size="10">{value:g}</text>'
        )
    height = max(len(rows) * (bar + 6), bar)
    return (
        f'<svg class="bars" width="{width}" height="{height}" role="img" '
        f'aria-label="scores by risk factor">{"".join(out)}</svg>'
    )
