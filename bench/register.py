"""The public register under load: deleg (gunicorn, the production way) beside Datasette on the same data.

Run: .venv/bin/python bench/register.py [--agreements N] [--seconds S]. Needs `wrk` (Debian package)
and Datasette (`pip install datasette`, the `bench` extra). Generates a deterministic database of
N agreements with published summaries (default 20,000) under var/bench-register/, then measures
requests/s and p50/p99 latency of three public reads on both servers, each pinned to core 0 with
the load generator pinned to core 1:

  summary    one summary with its funding              /api/v1/summaries/{id}
  list       region Latgale, period overlapping 2020,  /api/v1/summaries?region=Latgale&year=2020&limit=50
             50 per page, newest first
  aggregate  funding and participants by region and year    /api/v1/figures/funding?by=region,year

Datasette serves deleg's own SQLite file with `--immutable` and the equivalent SQL. Before the
summary read, each server is asked once for every summary, so both are measured warm.
Target: deleg ≥ 1.5 × Datasette's requests/s on each read, with p99 no worse.
"""
import argparse
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

from common import ROOT, machine

OUT = ROOT / "var" / "bench-register"
VENV_BIN = Path(sys.executable).parent
REGIONS = ["Rīga", "Vidzeme", "Kurzeme", "Zemgale", "Latgale"]
GENITIVE = {"Rīga": "Rīgas", "Vidzeme": "Vidzemes", "Kurzeme": "Kurzemes", "Zemgale": "Zemgales",
            "Latgale": "Latgales"}
KINDS = ["events", "participants", "organizations", "consultations", "publications", "groups"]

SQL = {
    "summary": (
        "select v.id, v.number, v.title, v.content from summaries_summary s "
        "join summaries_summaryversion v on v.id = s.latest_id where s.id = :id"
    ),
    "list": (
        "select v.summary_id as id, v.number as version, v.title, v.region, v.performer_name, v.period_start, "
        "v.period_end, v.published_at from summaries_summaryversion v "
        "join summaries_summary s on s.latest_id = v.id "
        "join summaries_summaryyear y on y.version_id = v.id "
        "where v.region = :region and y.year = :year "
        "order by v.period_start desc, v.title, v.id limit 50"
    ),
    # Datasette reads deleg's own summary table of figures, the one deleg's API reads too.
    "aggregate": (
        "select region, year, sum(planned) as planned, sum(spent) as spent, sum(unstated) as unstated, "
        "sum(participants) as participants from analytics_yearfigure where source = 'published' "
        "group by region, year order by region, year"
    ),
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def content_for(index: int, rng: random.Random, performer: str, delegator: str) -> dict:
    region = REGIONS[index % len(REGIONS)]
    start_year = 2012 + index % 13
    years = [start_year, start_year + 1] if index % 3 else [start_year]
    results = []
    for n in range(1, rng.randint(3, 9)):
        quantities = [{"value": rng.randint(1, 900), "kind": rng.choice(KINDS), "noun": "dalībnieki"}
                      for _ in range(rng.randint(1, 3))]
        results.append({"n": n, "text": f"Noorganizēti {quantities[0]['value']} pasākumi {GENITIVE[region]} "
                                        f"reģionā, iesaistot dalībniekus.", "quantities": quantities})
    funding = []
    for year in years:
        planned = rng.randint(5_000, 90_000)
        funding.append({"year": year, "planned": f"{planned}.00", "actual": f"{planned - rng.randint(0, 900)}.00",
                        "amount": None})
    return {
        "schema": "deleg.summary/1",
        "title": f"Kopsavilkums par valsts pārvaldes uzdevuma izpildi {GENITIVE[region]} reģionā Nr. {index}",
        "region": region,
        "task": "Atsevišķu valsts pārvaldes uzdevumu veikšana pilsoniskās sabiedrības attīstības jomā",
        "performer": {"name": performer, "legal_form": "biedrība", "registration_number": None},
        "delegator": delegator,
        "period": {"start": f"{years[0]}-0{1 + index % 9}-01", "end": f"{years[-1]}-12-31"},
        "objectives": ["Stiprināt nevalstisko organizāciju kapacitāti.", "Veicināt iedzīvotāju līdzdalību."],
        "results": results,
        "narrative": None,
        "funding": funding,
        "currency": "EUR",
        "non_compliant_expenditure": {"amount": "0.00", "text": "Nav"},
        "unrecovered_amount": {"amount": "0.00", "text": "Nav"},
        "other_information": None,
        "findings": [],
    }


def generate(count: int) -> None:
    """Fill the database with `count` agreements, each with one published summary (deterministic)."""
    from datetime import date

    from django.db import connection, transaction

    from deleg.agreements.models import Agreement, AgreementStatus
    from deleg.organizations.models import Organization
    from deleg.summaries.models import Summary, SummaryVersion, SummaryYear, content_sha256
    from deleg.summaries.search import SQLITE_TABLE, search_text

    rng = random.Random(2019)
    with transaction.atomic():
        delegators = Organization.objects.bulk_create(
            Organization(name=f"Ministrija {n}", role="delegator", legal_form="ministrija") for n in range(12))
        performers = Organization.objects.bulk_create(
            Organization(name=f"Biedrība “Kopiena {n}”", role="performer", legal_form="biedrība") for n in range(400))
        agreements, versions = [], []
        for index in range(count):
            delegator, performer = delegators[index % 12], performers[index % 400]
            content = content_for(index, rng, performer.name, delegator.name)
            start, end = (date.fromisoformat(content["period"][k]) for k in ("start", "end"))
            agreements.append(Agreement(
                title=f"Uzdevums {index}", task=content["task"], field="Pilsoniskā sabiedrība",
                region=content["region"], delegator=delegator, performer=performer, start=start, end=end,
                status=AgreementStatus.CLOSED))
            versions.append(content)
        agreements = Agreement.objects.bulk_create(agreements, batch_size=2000)
        summaries = Summary.objects.bulk_create((Summary(agreement=a) for a in agreements), batch_size=2000)
        created = SummaryVersion.objects.bulk_create((
            SummaryVersion(
                summary=summary, number=1, content=content, content_sha256=content_sha256(content),
                change_note="", title=content["title"], region=content["region"],
                performer_name=content["performer"]["name"], period_start=agreement.start,
                period_end=agreement.end, search_text=search_text(content))
            for summary, agreement, content in zip(summaries, agreements, versions, strict=True)), batch_size=2000)
        SummaryYear.objects.bulk_create(
            (SummaryYear(version=v, year=y) for v in created for y in range(v.period_start.year, v.period_end.year + 1)),
            batch_size=5000)
        with connection.cursor() as cursor:
            cursor.execute("UPDATE summaries_summary SET latest_id = "
                           "(SELECT id FROM summaries_summaryversion v WHERE v.summary_id = summaries_summary.id)")
            cursor.executemany(f"INSERT INTO {SQLITE_TABLE}(rowid, body) VALUES (%s, %s)",
                               [(v.pk, v.search_text) for v in created])
        refresh = _figures_refresh()
        if refresh:
            refresh()
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.execute("ANALYZE")


def _figures_refresh():
    try:
        from deleg.analytics.services import figures_refresh
    except ImportError:
        return None
    return figures_refresh


def wait_for(url: str, timeout: float = 30) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def wrk(url: str, seconds: int, script: Path | None) -> dict:
    command = ["taskset", "-c", "1", "wrk", "-t1", "-c8", f"-d{seconds}s", "--latency", url]
    if script:
        command[5:5] = ["-s", str(script)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))

    def millis(label):
        value, unit = re.search(rf"\s{label}%\s+([\d.]+)(us|ms|s)", output).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {"rps": rate, "p50": millis("50"), "p99": millis("99"), "errors": int(errors.group(1)) if errors else 0}


def warm_up(url_format: str, count: int) -> None:
    """Ask once for every summary, so that both servers are measured warm, as a register runs."""
    import urllib.request
    from concurrent.futures import ThreadPoolExecutor

    def fetch(number):
        with urllib.request.urlopen(url_format.replace("%d", str(number)), timeout=30) as response:
            response.read()

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(fetch, range(1, count + 1)))


def random_id_script(path_format: str, count: int) -> Path:
    """A wrk script that asks for a different summary each time (no server can serve one cached row)."""
    script = OUT / f"random-{abs(hash(path_format))}.lua"
    lua_format = path_format.replace("%", "%%").replace("%%d", "%d")  # URL escapes are not format codes
    script.write_text(
        "math.randomseed(2019)\n"
        "request = function()\n"
        f"  return wrk.format(nil, string.format({json.dumps(lua_format)}, math.random(1, {count})))\n"
        "end\n")
    return script


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agreements", type=int, default=20_000)
    parser.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()
    if not shutil.which("wrk") or not (VENV_BIN / "datasette").exists():
        print("needs wrk (apt-get install wrk) and datasette (pip install datasette)")
        return 2

    data_dir = OUT / f"data-{args.agreements}"
    database = data_dir / "deleg.sqlite3"
    env = {**os.environ, "DELEG_DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "deleg.settings.base",
           "DELEG_DEBUG": "0", "DELEG_DATABASE_URL": ""}
    os.environ.update(env)
    sys.path.insert(0, str(ROOT / "src"))
    if not database.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        from django.core.management import call_command

        from deleg.cli import setup_django

        setup_django()
        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        generate(args.agreements)
        print(f"generated {args.agreements} agreements with summaries in {time.perf_counter() - started:.0f} s")
        from django.db import connections

        connections.close_all()

    deleg_port, datasette_port = free_port(), free_port()
    servers = [
        # deleg's own production server (gunicorn with threads, as `deleg serve` runs it; one process for
        # the one core, as Datasette), without `deleg serve`'s migration and demo steps.
        subprocess.Popen(["taskset", "-c", "0", sys.executable, "-c",
                          "from deleg.cli import setup_django; setup_django(); from deleg.server import serve; "
                          f"serve(host='127.0.0.1', port={deleg_port}, workers=1, access_log=False)"], env=env),
        subprocess.Popen(["taskset", "-c", "0", str(VENV_BIN / "datasette"), "serve", "--immutable", str(database),
                          "--port", str(datasette_port), "--setting", "sql_time_limit_ms", "10000"],
                         env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
    ]
    try:
        deleg = f"http://127.0.0.1:{deleg_port}"
        datasette = f"http://127.0.0.1:{datasette_port}/deleg.json"
        wait_for(f"{deleg}/api/v1/summaries?limit=1")
        wait_for(f"{datasette}?sql=select+1")
        from urllib.parse import quote

        reads = {
            "summary": (f"{deleg}/api/v1/summaries/%d", random_id_script("/api/v1/summaries/%d", args.agreements),
                        f"{datasette}?sql={quote(SQL['summary'])}&id=%d&_shape=array",
                        random_id_script(f"/deleg.json?sql={quote(SQL['summary'])}&id=%d&_shape=array",
                                         args.agreements)),
            "list": (f"{deleg}/api/v1/summaries?region=Latgale&year=2020&limit=50", None,
                     f"{datasette}?sql={quote(SQL['list'])}&region=Latgale&year=2020&_shape=array", None),
            "aggregate": (f"{deleg}/api/v1/figures/funding?by=region,year", None,
                          f"{datasette}?sql={quote(SQL['aggregate'])}&_shape=array", None),
        }
        print(machine())
        print(f"{args.agreements} agreements; each read for {args.seconds} s, 8 connections; "
              f"servers on core 0, wrk on core 1")
        print(f"{'read':10} {'server':10} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8}  errors")
        verdicts = []
        for name, (deleg_url, deleg_script, datasette_url, datasette_script) in reads.items():
            if deleg_script:
                warm_up(deleg_url, args.agreements)
                warm_up(datasette_url, args.agreements)
            ours = wrk(deleg_url.replace("%d", "1"), args.seconds, deleg_script)
            theirs = wrk(datasette_url.replace("%d", "1"), args.seconds, datasette_script)
            for server, figures in (("deleg", ours), ("datasette", theirs)):
                print(f"{name:10} {server:10} {figures['rps']:9.0f} {figures['p50']:8.2f} {figures['p99']:8.2f}"
                      f"  {figures['errors']}")
            ratio = ours["rps"] / theirs["rps"]
            verdicts.append(f"{name}: {ratio:.2f}× requests/s, p99 {'no worse' if ours['p99'] <= theirs['p99'] else 'WORSE'}"
                            f" ({'ok' if ratio >= 1.5 and ours['p99'] <= theirs['p99'] else 'UNDER TARGET'})")
        print("\n".join(verdicts))
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
