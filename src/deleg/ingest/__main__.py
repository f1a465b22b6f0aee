"""`python -m deleg.ingest FILE…`: the parser on its own, as `deleg parse` runs it."""
import argparse
import sys

from deleg.ingest.cli import cli_parse


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and print each file's canonical JSON."""
    parser = argparse.ArgumentParser(prog="python -m deleg.ingest", description=__doc__)
    parser.add_argument("paths", nargs="+", metavar="FILE")
    parser.add_argument("--jsonl", action="store_true", help="one JSON line per file, also for one file")
    args = parser.parse_args(argv)
    return cli_parse(args.paths, args.jsonl, sys.stdout)


if __name__ == "__main__":
    sys.exit(main())
