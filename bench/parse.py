"""Parse throughput on one core: a generated corpus of summaries in the seed's layout.

Run: .venv/bin/python bench/parse.py [--files N]. Target: ≥ 2,000 summaries/s on one core.
Also printed: the rate over the mix of layouts in tests/data (text, CRLF, BOM, Windows-1257 and
HTML pages), each file parsed in turn.
"""
import argparse
import os
import sys
import time

from common import ROOT, generated_summaries, machine

TARGET_PER_SECOND = 2000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=5000)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the target says
    from deleg.ingest import parse_bytes

    corpus = generated_summaries(args.files)
    parse_bytes(corpus[0], filename="warm-up.txt")
    cpu_start, wall_start = time.process_time(), time.perf_counter()
    results = [parse_bytes(data, filename=f"{i}.txt") for i, data in enumerate(corpus)]
    cpu, wall = time.process_time() - cpu_start, time.perf_counter() - wall_start
    counts = sum(len(q["quantities"]) for r in results for q in r["results"])
    print(machine())
    print(f"parsed {len(results)} summaries ({sum(map(len, corpus)) / 1e6:.1f} MB, {counts} counts) in {wall:.2f} s")
    print(f"  {len(results) / wall:,.0f} summaries/s wall, {len(results) / cpu:,.0f} summaries/s CPU "
          f"(target ≥ {TARGET_PER_SECOND:,}: {'ok' if len(results) / cpu >= TARGET_PER_SECOND else 'UNDER'})")

    mix = [(path.read_bytes(), path.name) for path in sorted((ROOT / "tests/data").glob("*/**/*"))
           if path.suffix in (".txt", ".html")]
    rounds = max(1, args.files // len(mix))
    cpu_start = time.process_time()
    for _ in range(rounds):
        parsed = [parse_bytes(data, filename=name) for data, name in mix]
    cpu = time.process_time() - cpu_start
    html = sum(1 for _data, name in mix if name.endswith(".html"))
    per_summary = sum(len(s["results"]) for s in parsed) / len(parsed)
    print(f"layout mix: {len(mix)} files ({html} HTML, {per_summary:.1f} results each; the seed has "
          f"{len(results[0]['results'])}) × {rounds}: {len(mix) * rounds / cpu:,.0f} summaries/s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
