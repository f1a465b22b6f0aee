"""The `deleg` command: parses arguments, calls the services, prints. No business logic here."""
import argparse
import os
import sys


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

    manage = commands.add_parser("manage", help="run a Django management command (migrate, createsuperuser, …)")
    manage.add_argument("rest", nargs=argparse.REMAINDER, metavar="ARGS")
    manage.set_defaults(func=cmd_manage)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
