"""Rendering time per format for the seed summary: the median of N runs after a warm-up.

Run: .venv/bin/python bench/render.py [--runs N]. Targets on the reference machine: HTML ≤ 10 ms,
DOCX ≤ 50 ms, PDF ≤ 300 ms per summary. Also writes var/bench-render/seed.pdf and, where
pdftoppm is installed, a PNG of its first page to look at.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import ROOT, machine

SEED = ROOT / "tests/data/fixtures/seed/000_5c600465db280f8a.expected.json"
OUT = ROOT / "var" / "bench-render"
TARGETS_MS = {"html": 10, "docx": 50, "pdf": 300}
VERSION = {"number": 1, "published_at": "2021-03-04T10:00:00+02:00", "delegator": "Kultūras ministrija"}


def median_ms(render, content: dict, fmt: str, runs: int) -> float:
    render(content, fmt, version=VERSION)  # warm-up: imports, templates, fonts
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        render(content, fmt, version=VERSION)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def first_page_png(pdf: Path) -> Path | None:
    """Write the PDF's first page as PNG with pdftoppm; None where pdftoppm is not installed."""
    if shutil.which("pdftoppm") is None:
        return None
    prefix = pdf.with_name(pdf.stem + "-page")
    subprocess.run(["pdftoppm", "-png", "-r", "96", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(prefix)],
                   check=True)
    return prefix.with_suffix(".png")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DELEG_DATA_DIR", str(ROOT / "var"))
    from deleg.cli import setup_django

    setup_django()
    from deleg.summaries.render import FORMATS, render

    content = json.loads(SEED.read_text(encoding="utf-8"))
    print(machine())
    print(f"seed summary, median of {args.runs} runs after a warm-up")
    failed = False
    for fmt in FORMATS:
        ms = median_ms(render, content, fmt, args.runs if fmt != "pdf" else max(5, args.runs // 3))
        target = TARGETS_MS.get(fmt)
        verdict = "" if target is None else f"  (target ≤ {target} ms: {'ok' if ms <= target else 'OVER'})"
        failed |= target is not None and ms > target
        print(f"  {fmt:5} {ms:8.2f} ms{verdict}")

    OUT.mkdir(parents=True, exist_ok=True)
    pdf = OUT / "seed.pdf"
    pdf.write_bytes(render(content, "pdf", version=VERSION))
    png = first_page_png(pdf)
    print(f"wrote {pdf.relative_to(ROOT)}" + (f" and {png.relative_to(ROOT)}" if png else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
