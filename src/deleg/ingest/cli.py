"""`deleg parse FILE…`: print the canonical JSON of each file, without a database."""
import json

from deleg.ingest.parse import UnreadableFile, parse_file


def cli_parse(paths: list[str], jsonl: bool, out) -> int:
    """Write each file's summary to out; return 1 when any file could not be read, else 0.

    One file prints as indented JSON; several files, or jsonl, print one JSON line per file:
    {"source": …, "summary": {…}} or {"source": …, "error": …}.
    """
    status = 0
    one = len(paths) == 1 and not jsonl
    for path in paths:
        try:
            summary = parse_file(path)
        except UnreadableFile as exc:
            status = 1
            record = {"source": str(path), "error": str(exc)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            continue
        if one:
            out.write(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
        else:
            out.write(json.dumps({"source": str(path), "summary": summary}, ensure_ascii=False) + "\n")
    return status
