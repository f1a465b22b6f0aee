"""The `deleg` command: parses arguments, calls the services, prints. No business logic here."""
import argparse
import os
import sys
from pathlib import Path


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "deleg.settings.base")
    import django
    from django.conf import settings

    django.setup()
    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)


def cmd_serve(args) -> int:
    setup_django()
    from django.conf import settings
    from django.core.management import call_command

    from deleg import demo

    call_command("migrate", interactive=False, verbosity=0)
    if not demo.demo_present():
        print_demo(demo.demo_load())
    if not settings.DEBUG:
        call_command("collectstatic", interactive=False, verbosity=0)
    from deleg.server import serve

    print(f"deleg: http://{args.host}:{args.port}/", flush=True)
    serve(host=args.host, port=args.port, workers=args.workers)
    return 0


def print_demo(credentials: dict[str, str]) -> None:
    from django.conf import settings

    if not credentials:
        print("Demo data is already loaded.")
        return
    print("Demo data loaded.")
    # Passwords are shown in development only; in production set them with `deleg manage changepassword`.
    if settings.DEBUG:
        print("Demo users (username / password):")
        for username, password in credentials.items():
            print(f"  {username} / {password}")


def cmd_demo(args) -> int:
    setup_django()
    from deleg import demo

    print_demo(demo.demo_load())
    return 0


def cmd_manage(args) -> int:
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["deleg manage", *args.rest])
    return 0


def cmd_import(args) -> int:
    setup_django()
    from django.conf import settings
    from django.utils import translation

    from deleg.summaries.services import importable_files

    with translation.override(settings.LANGUAGE_CODE):
        results = import_with_progress(importable_files(args.paths), dry_run=args.dry_run)
    print_import_table(results, dry_run=args.dry_run)
    counts = {status: sum(r.status == status for r in results) for status in ("created", "new_version", "unchanged", "failed")}
    print(", ".join(f"{status}: {n}" for status, n in counts.items()))
    return 1 if counts["failed"] or not results else 0


def import_with_progress(files, *, dry_run: bool) -> list:
    import time

    from rich.console import Console
    from rich.progress import Progress

    from deleg.summaries.services import summary_import_many

    # Refreshed here rather than by a thread of its own, so that the import may fork its workers.
    with Progress(console=Console(stderr=True), transient=True, auto_refresh=False) as progress:
        task = progress.add_task("import", total=len(files))
        shown = [0.0]

        def advance(_result) -> None:
            progress.advance(task)
            if time.monotonic() - shown[0] >= 0.1:
                progress.refresh()
                shown[0] = time.monotonic()

        return summary_import_many(files, dry_run=dry_run, on_progress=advance)


def print_import_table(results, *, dry_run: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="deleg import" + (" --dry-run" if dry_run else ""))
    for column in ("file", "status", "summary", "findings", "error"):
        table.add_column(column, overflow="fold")
    for result in results:
        summary = f"{result.summary_id} v{result.version}" if result.summary_id else ""
        codes = " ".join(sorted({f["code"] for f in result.findings}))
        table.add_row(Path(result.source).name, result.status, summary, f"{len(result.findings)} {codes}".strip(), result.error)
    Console(width=160).print(table)


def cmd_render(args) -> int:
    from deleg.summaries.render.cli import cli_render

    return cli_render(args.target, args.to, args.lang, args.output)


def cmd_export(args) -> int:
    setup_django()
    from deleg.opendata.services import export

    for path in export(args.to, Path(args.output), base_url=args.base_url):
        print(f"{path}\t{path.stat().st_size} bytes")
    return 0


def cmd_figures(args) -> int:
    setup_django()
    from deleg.analytics.cli import cli_figures

    return cli_figures(by=args.by, filters=args.filter, as_csv=args.csv, source=args.source)


def cmd_parse(args) -> int:
    from deleg.ingest import cli_parse

    return cli_parse(args.files, jsonl=args.jsonl, out=sys.stdout)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="deleg",
        description="Register and reporting system for delegated state administration tasks.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="migrate, load demo data on first run, serve over HTTP")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=2, help="web worker processes (default 2)")
    serve.set_defaults(func=cmd_serve)

    demo = commands.add_parser("demo", help="load the demo ministry, performers, agreements and users")
    demo.set_defaults(func=cmd_demo)

    parse = commands.add_parser("parse", help="print the canonical JSON of published summaries (no database)")
    parse.add_argument("files", nargs="+", metavar="FILE")
    parse.add_argument("--jsonl", action="store_true", help="one JSON line per file")
    parse.set_defaults(func=cmd_parse)

    import_ = commands.add_parser("import", help="parse and store published summaries from files or folders")
    import_.add_argument("paths", nargs="+", metavar="PATH")
    import_.add_argument("--dry-run", action="store_true", help="parse and check everything, store nothing")
    import_.set_defaults(func=cmd_import)

    render = commands.add_parser("render", help="render a published summary or a summary file as a document")
    render.add_argument("target", metavar="ID|FILE", help="a published summary's id, or a file deleg parse reads")
    render.add_argument("--to", required=True, choices=["html", "pdf", "docx", "tsv", "json"])
    render.add_argument("--lang", default="lv", choices=["lv", "en"])
    render.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    render.set_defaults(func=cmd_render)

    export = commands.add_parser("export", help="write the bulk open data (public data only)")
    export.add_argument("--to", required=True, choices=["csv", "xlsx", "datapackage", "iati"])
    export.add_argument("-o", "--output", required=True, metavar="DIR_OR_FILE",
                        help="a folder for csv and datapackage; a file (or a folder) for xlsx and iati")
    export.add_argument("--base-url", default="", metavar="URL",
                        help="the site's address, for absolute links in the data (https://deleg.example.lv)")
    export.set_defaults(func=cmd_export)

    figures = commands.add_parser("figures", help="funding and counts grouped by region, year, …, as a table or CSV")
    figures.add_argument("--by", default="year", help="comma-separated: region, year, delegator, performer, field, kind, status")
    figures.add_argument("--filter", action="append", default=[], metavar="NAME=VALUE",
                         help="e.g. region=Latgale, year=2020, performer=ID; repeat for several")
    figures.add_argument("--source", default="published", choices=["published", "register"],
                         help="published summaries (as /figures/ shows them) or the whole register with its activity log")
    figures.add_argument("--csv", action="store_true", help="print CSV instead of a table")
    figures.set_defaults(func=cmd_figures)

    manage = commands.add_parser("manage", help="run a Django management command (migrate, createsuperuser, …)")
    manage.add_argument("rest", nargs=argparse.REMAINDER, metavar="ARGS")
    manage.set_defaults(func=cmd_manage)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
