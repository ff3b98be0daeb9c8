"""Build src/newsgraph/data/world_outline.json from Natural Earth 1:110m countries.

Natural Earth is public domain ("Made with Natural Earth. Free vector and raster map data
@ naturalearthdata.com"). Offline, the shapefile comes in the geopandas 0.14 wheel:

    pip download geopandas==0.14.4 --no-deps -d /tmp/gp
    python tools/build_world_outline.py /tmp/gp/geopandas-0.14.4-py3-none-any.whl

The argument is that wheel (or any zip holding the shapefile) or a ``.shp`` path with its
``.dbf`` next to it. The shapefile and dBase readers here use ``struct`` only; the runtime
reads the JSON written here through ``newsgraph.data.load_json``.

Output: ``{"_doc", "source", "countries": [{"iso3", "name", "rings": [[lon, lat, ...]]}]}``,
each ring a flat list of coordinates rounded to ``--digits`` decimals after a
Douglas-Peucker simplification of ``--tolerance`` degrees.
"""

from __future__ import annotations

import argparse
import json
import struct
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "data" / "world_outline.json"
INNER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
POLYGON = 5
Ring = list[tuple[float, float]]


def read_source(path: Path) -> tuple[bytes, bytes]:
    """The .shp and .dbf bytes, from a zip (wheel) or from files side by side."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            stem = INNER if INNER + ".shp" in names else _stem_in(names)
            return z.read(stem + ".shp"), z.read(stem + ".dbf")
    return path.read_bytes(), path.with_suffix(".dbf").read_bytes()


def _stem_in(names: list[str]) -> str:
    for name in names:
        if name.endswith(".shp"):
            return name[:-4]
    raise SystemExit("no .shp file in the archive")


def read_polygons(shp: bytes) -> list[list[Ring]]:
    """Each record's rings (polygon shapes; a null shape has none)."""
    code, length = struct.unpack(">i20xi", shp[:28])
    if code != 9994:
        raise SystemExit("not a shapefile (file code is not 9994)")
    end, pos, shapes = min(len(shp), length * 2), 100, []
    while pos + 8 <= end:
        _num, words = struct.unpack(">ii", shp[pos : pos + 8])
        body = shp[pos + 8 : pos + 8 + words * 2]
        pos += 8 + words * 2
        kind = struct.unpack("<i", body[:4])[0]
        if kind == 0:
            shapes.append([])
            continue
        if kind != POLYGON:
            raise SystemExit(f"shape type {kind} is not a polygon")
        n_parts, n_points = struct.unpack("<ii", body[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", body[44 : 44 + 4 * n_parts]))
        start = 44 + 4 * n_parts
        flat = struct.unpack(f"<{2 * n_points}d", body[start : start + 16 * n_points])
        points = list(zip(flat[0::2], flat[1::2], strict=True))
        bounds = parts + [n_points]
        shapes.append([points[a:b] for a, b in zip(bounds, bounds[1:], strict=False)])
    return shapes


def read_dbf(dbf: bytes, encoding: str = "utf-8") -> list[dict[str, str]]:
    """The dBase table's records as {field: stripped text}."""
    count, header_len, record_len = struct.unpack("<I2H", dbf[4:12])
    fields, pos = [], 32
    while dbf[pos] != 0x0D:
        name = dbf[pos : pos + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, dbf[pos + 16]))
        pos += 32
    rows = []
    for i in range(count):
        rec = dbf[header_len + i * record_len : header_len + (i + 1) * record_len]
        at, row = 1, {}  # byte 0 is the deletion flag
        for name, size in fields:
            row[name] = rec[at : at + size].decode(encoding, "replace").strip()
            at += size
        rows.append(row)
    return rows


def simplify(ring: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker, keeping the first and last point (iterative)."""
    if len(ring) < 4:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = ring[a], ring[b]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, where = 0.0, -1
        for i in range(a + 1, b):
            x, y = ring[i]
            d = (
                abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm
                if norm
                else abs(x - x1) + abs(y - y1)
            )
            if d > best:
                best, where = d, i
        if best > tolerance:
            keep[where] = True
            stack += [(a, where), (where, b)]
    return [p for p, k in zip(ring, keep, strict=True) if k]


def flat_ring(ring: Ring, digits: int) -> list[float]:
    """The ring rounded, repeated points dropped, as [lon, lat, lon, lat, ...]."""
    out: list[float] = []
    for x, y in ring:
        p = (round(x, digits), round(y, digits))
        if not out or (out[-2], out[-1]) != p:
            out += p
    return out


def iso3(row: dict[str, str]) -> str | None:
    """ISO 3166 alpha-3; Natural Earth writes -99 for a few (France, Norway): look the
    name up in pycountry when it is installed, else leave it out."""
    code = row.get("iso_a3", "")
    if code and code != "-99":
        return code
    try:
        import pycountry

        return pycountry.countries.lookup(row.get("name", "")).alpha_3
    except (ImportError, LookupError):
        return None


def build(source: Path, tolerance: float, digits: int) -> dict:
    shp, dbf = read_source(source)
    countries = []
    for row, rings in zip(read_dbf(dbf), read_polygons(shp), strict=True):
        flat = [flat_ring(simplify(r, tolerance), digits) for r in rings]
        flat = [r for r in flat if len(r) >= 8]  # at least four points
        if flat:
            countries.append({"iso3": iso3(row), "name": row.get("name", ""), "rings": flat})
    countries.sort(key=lambda c: (c["iso3"] or "~", c["name"]))
    return {
        "_doc": "Country outlines (lon/lat rings, flat) from Natural Earth 1:110m Admin 0 "
        f"countries, simplified ({tolerance} degrees) and rounded ({digits} decimals) by "
        "tools/build_world_outline.py. Public domain; see world_outline.LICENSE.",
        "source": "Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries",
        "countries": countries,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path, help="the geopandas wheel, a zip, or a .shp file")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--tolerance", type=float, default=0.08, help="degrees")
    ap.add_argument("--digits", type=int, default=2)
    args = ap.parse_args()
    data = build(args.source, args.tolerance, args.digits)
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    args.out.write_text(text + "\n", encoding="utf-8")
    points = sum(len(r) // 2 for c in data["countries"] for r in c["rings"])
    print(f"{args.out}: {len(data['countries'])} countries, {points} points, {len(text)} bytes")


if __name__ == "__main__":
    main()
