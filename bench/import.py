"""Import throughput into a fresh SQLite database: a generated corpus of summaries, as `deleg import` imports them.

summary_import_many: files parsed in worker processes, written a chunk per transaction with a
savepoint per file. Run: .venv/bin/python bench/import.py [--files N]. Target: ≥ 500 summaries/s
into SQLite. --single also times summary_import, one file per call and per transaction.
"""
import argparse
import os
import sys
import tempfile
import time

from common import ROOT, generated_summaries, machine

TARGET_PER_SECOND = 500


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=3000)
    parser.add_argument("--single", type=int, default=0, metavar="N",
                        help="also import N more files one by one with summary_import")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    with tempfile.TemporaryDirectory(prefix="deleg-bench-import-") as data_dir:
        os.environ["DELEG_DATA_DIR"] = data_dir
        os.environ.pop("DELEG_DATABASE_URL", None)
        from django.core.management import call_command

        from deleg.cli import setup_django

        setup_django()
        call_command("migrate", verbosity=0)
        from deleg.summaries.models import SummaryVersion
        from deleg.summaries.services import summary_import, summary_import_many

        corpus = generated_summaries(args.files + args.single)
        corpus, single = corpus[:args.files], corpus[args.files:]
        start = time.perf_counter()
        statuses = [r.status for r in summary_import_many((f"bench/{i}.txt", data) for i, data in enumerate(corpus))]
        wall = time.perf_counter() - start
        again = time.perf_counter()
        repeated = [r.status for r in summary_import_many((f"bench/{i}.txt", data) for i, data in enumerate(corpus[:500]))]
        repeat_wall = time.perf_counter() - again
        rate = len(corpus) / wall
        print(machine())
        print(f"imported {len(corpus)} summaries into SQLite in {wall:.2f} s: {rate:,.0f} summaries/s "
              f"(target ≥ {TARGET_PER_SECOND}: {'ok' if rate >= TARGET_PER_SECOND else 'UNDER'})")
        print(f"  created {statuses.count('created')}, failed {statuses.count('failed')}; "
              f"{SummaryVersion.objects.count()} versions stored")
        print(f"  re-import of 500 unchanged files: {500 / repeat_wall:,.0f} files/s, "
              f"all unchanged: {set(repeated) == {'unchanged'}}")
        if single:
            start = time.perf_counter()
            statuses = [summary_import(data=data, source=f"bench/single-{i}.txt").status for i, data in enumerate(single)]
            wall = time.perf_counter() - start
            print(f"  summary_import, one file per call: {len(single) / wall:,.0f} summaries/s "
                  f"(created {statuses.count('created')} of {len(single)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
