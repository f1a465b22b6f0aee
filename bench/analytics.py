"""Analytics on a generated database of 20,000 agreements and about 1,000,000 counts: every dashboard query and the page.

Run: .venv/bin/python bench/analytics.py [--agreements N] [--activities-per-agreement K]
SQLite always; PostgreSQL too when DELEG_BENCH_POSTGRES_URL is set (its database is emptied and filled).
Targets: every dashboard query ≤ 100 ms and the whole dashboard page ≤ 300 ms.
"""
import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal

from common import ROOT, machine

QUERY_TARGET_MS, PAGE_TARGET_MS = 100, 300
REPEAT = 5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agreements", type=int, default=20_000)
    parser.add_argument("--activities-per-agreement", type=int, default=45)
    parser.add_argument("--backend", choices=["sqlite", "postgres"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.backend:
        return run(args)
    print(machine())
    status = 0
    with tempfile.TemporaryDirectory(prefix="deleg-bench-analytics-") as data_dir:
        backends = [("sqlite", "")]
        if os.environ.get("DELEG_BENCH_POSTGRES_URL"):
            backends.append(("postgres", os.environ["DELEG_BENCH_POSTGRES_URL"]))
        else:
            print("PostgreSQL: skipped (set DELEG_BENCH_POSTGRES_URL to run it)")
        for backend, url in backends:
            # Each backend in its own process, so Django is set up once per database.
            env = os.environ | {"DELEG_DATA_DIR": data_dir, "DELEG_DATABASE_URL": url,
                                "DELEG_ALLOWED_HOSTS": "testserver", "DELEG_DEBUG": "0"}
            command = [sys.executable, __file__, "--backend", backend, "--agreements", str(args.agreements),
                       "--activities-per-agreement", str(args.activities_per_agreement)]
            status |= subprocess.run(command, env=env, check=False).returncode
    return status


def run(args) -> int:
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
    from django.core.management import call_command

    from deleg.cli import setup_django

    setup_django()
    from django.db import connection

    if args.backend == "postgres":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    call_command("migrate", verbosity=0)
    print(f"\n== {args.backend} ({connection.vendor} {'.'.join(map(str, connection.Database.sqlite_version_info)) if connection.vendor == 'sqlite' else connection.pg_version})")
    started = time.perf_counter()
    ministry_id, counts = generate(args.agreements, args.activities_per_agreement)
    print(f"generated {args.agreements:,} agreements and {counts:,} counts "
          f"({counts - args.agreements // 2 * 6:,} activities, the rest published result quantities) "
          f"in {time.perf_counter() - started:.1f} s")

    from deleg.analytics.services import figures_refresh, source_stamp

    started = time.perf_counter()
    figures_refresh()
    print(f"figures_refresh() (rebuild of the summary tables): {time.perf_counter() - started:.1f} s")
    stamp = timed(source_stamp)
    print(f"source fingerprint (run before every page): {stamp:.1f} ms")

    ok = True
    for who, username in (("superuser, all 20,000 agreements", "bench-root"), ("one ministry", "bench-ministry")):
        ok &= measure_page(f"/dashboard/ — {who}", "/dashboard/", username, ministry_id)
    ok &= measure_page("/figures/ — public, published summaries", "/figures/", None, ministry_id)
    ok &= measure_page("/figures/?region=Latgale&year=2020", "/figures/?region=Latgale&year=2020", None, ministry_id)
    print("result:", "all targets met" if ok else "TARGET MISSED")
    return 0 if ok else 1


def timed(function) -> float:
    times = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure_page(title: str, url: str, username: str | None, ministry_id: int) -> bool:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    client = Client()
    if username:
        client.force_login(get_user_model().objects.get(username=username))
    client.get(url)  # warm caches, templates and the fingerprint's pages
    queries: dict[str, list[float]] = {}

    def record(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.setdefault(sql, []).append((time.perf_counter() - started) * 1000)

    pages = []
    with connection.execute_wrapper(record):
        for _ in range(REPEAT):
            started = time.perf_counter()
            response = client.get(url)
            pages.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code
    page = statistics.median(pages)
    slowest = sorted(((statistics.median(times), sql) for sql, times in queries.items()), reverse=True)
    per_page = sum(len(times) for times in queries.values()) // REPEAT
    ok = page <= PAGE_TARGET_MS and slowest[0][0] <= QUERY_TARGET_MS
    print(f"\n{title}: page {page:.0f} ms (target ≤ {PAGE_TARGET_MS}), {per_page} queries, "
          f"slowest {slowest[0][0]:.1f} ms (target ≤ {QUERY_TARGET_MS}): {'ok' if ok else 'MISSED'}")
    for median, sql in slowest[:8]:
        print(f"  {median:7.1f} ms  {' '.join(sql.split())[:150]}")
    return ok


REGIONS = ["Rīga", "Vidzeme", "Kurzeme", "Zemgale", "Latgale", ""]
FIELDS = ["kultūra", "pilsoniskā sabiedrība", "sociālā joma", "izglītība", "vide"]
TYPES = ["seminar", "training", "consultation", "outreach_consultation", "publication", "intercultural_event",
         "discussion", "forum", "festival", "other"]
CHUNK = 5000


def generate(agreements: int, activities_per_agreement: int) -> tuple[int, int]:
    """A deterministic register: 20 ministries, 2,000 performers, the agreements with their budget, a
    report with spending and a review, two objectives of two indicators, the activity log, and a
    published summary for every second agreement. Returns one ministry's id and the number of counts."""
    from django.contrib.auth import get_user_model

    from deleg.activities.models import Activity
    from deleg.agreements.models import Agreement, BudgetLine, Indicator, Objective
    from deleg.organizations.models import Membership, Organization
    from deleg.reports.models import Report, ReportSpending, Review
    from deleg.summaries.models import Summary, SummaryVersion
    from tests.data_summary import seed_content

    rng = random.Random(2019)
    ministries = Organization.objects.bulk_create(
        [Organization(name=f"Ministrija {i}", role="delegator", legal_form="ministrija") for i in range(20)])
    performers = Organization.objects.bulk_create(
        [Organization(name=f"Biedrība {i}", role="performer", legal_form="biedrība", region=rng.choice(REGIONS))
         for i in range(2000)])
    users = get_user_model().objects
    users.create_superuser("bench-root", password="x")
    Membership.objects.create(user=users.create_user("bench-ministry", password="x"), organization=ministries[0],
                              role="ministry_admin")
    counts = 0
    seed = seed_content()
    for start in range(0, agreements, CHUNK):
        batch = []
        for i in range(start, min(start + CHUNK, agreements)):
            year = 2012 + i % 13
            batch.append(Agreement(
                title=f"Līgums {i}", task="Atsevišķu valsts pārvaldes uzdevumu veikšana", field=rng.choice(FIELDS),
                region=rng.choice(REGIONS), kind=rng.choice(["delegation", "participation"]),
                status=rng.choice(["draft", "active", "closed"]), delegator=ministries[i % 20],
                performer=performers[rng.randrange(2000)], start=date(year, 1, 1), end=date(year + 1, 12, 31)))
        batch = Agreement.objects.bulk_create(batch)
        lines, reports, objectives = [], [], []
        for agreement in batch:
            for year in (agreement.start.year, agreement.end.year):
                lines.append(BudgetLine(agreement=agreement, year=year, planned=Decimal(rng.randint(5, 90) * 1000)))
            reports.append(Report(agreement=agreement, kind="final", period_start=agreement.start,
                                  period_end=agreement.end, status="accepted"))
            objectives += [Objective(agreement=agreement, position=p, text=f"Mērķis {p}") for p in (1, 2)]
        BudgetLine.objects.bulk_create(lines, batch_size=CHUNK)
        reports = Report.objects.bulk_create(reports, batch_size=CHUNK)
        spending, reviews = [], []
        for report in reports:
            for year in (report.period_start.year, report.period_end.year):
                spending.append(ReportSpending(report=report, year=year, spent=Decimal(rng.randint(4, 85) * 1000)))
            non_compliant = Decimal(rng.choice([0, 0, 0, 120, 900]))
            reviews.append(Review(report=report, non_compliant_amount=non_compliant, recovered_amount=non_compliant / 2))
        ReportSpending.objects.bulk_create(spending, batch_size=CHUNK)
        Review.objects.bulk_create(reviews, batch_size=CHUNK)
        objectives = Objective.objects.bulk_create(objectives, batch_size=CHUNK)
        Indicator.objects.bulk_create([
            Indicator(objective=objective, position=p, name=f"Rādītājs {p}", kind="events" if p == 1 else "participants",
                      target=rng.randint(5, 60) if p == 1 else rng.randint(100, 3000),
                      rule="count_activities" if p == 1 else "sum_participants",
                      activity_types=["seminar", "training"] if p == 1 else [])
            for objective in objectives for p in (1, 2)], batch_size=CHUNK)
        activities = []
        for agreement in batch:
            for _ in range(activities_per_agreement):
                day = date(rng.choice((agreement.start.year, agreement.end.year)), rng.randint(1, 12), rng.randint(1, 28))
                activities.append(Activity(agreement=agreement, type=rng.choice(TYPES), date=day, title="Pasākums",
                                           participants=rng.randint(0, 60), organizations=rng.randint(0, 8)))
            if len(activities) >= 50_000:
                Activity.objects.bulk_create(activities, batch_size=CHUNK)
                counts += len(activities)
                activities = []
        Activity.objects.bulk_create(activities, batch_size=CHUNK)
        counts += len(activities)
        published = batch[::2]
        summaries = Summary.objects.bulk_create([Summary(agreement=a) for a in published])
        versions = []
        for agreement, summary in zip(published, summaries):
            content = seed | {
                "region": agreement.region or None,
                "period": {"start": agreement.start.isoformat(), "end": agreement.end.isoformat()},
                "funding": [{"year": agreement.start.year, "planned": "20000.00", "actual": "18500.00", "amount": None},
                            {"year": agreement.end.year, "planned": None, "actual": None,
                             "amount": f"{rng.randint(5, 40)}000.00"}],
                "results": [{"n": n, "text": "…", "quantities": [
                    {"value": rng.randint(1, 500), "kind": kind, "noun": kind}]}
                    for n, kind in enumerate(["events", "participants", "organizations", "consultations",
                                              "publications", "groups"], start=1)],
            }
            versions.append(SummaryVersion(
                summary=summary, number=1, content=content, content_sha256=f"{summary.pk:064d}",
                title=seed["title"], region=agreement.region, performer_name=f"Biedrība {agreement.performer_id}",
                period_start=agreement.start, period_end=agreement.end))
            counts += 6
        SummaryVersion.objects.bulk_create(versions, batch_size=1000)
    return ministries[0].pk, counts


if __name__ == "__main__":
    sys.exit(main())
