"""Parser of published summaries (Kopsavilkums): file bytes in, canonical JSON with findings out.

Pure functions without a database: `deleg parse` prints what they return, `deleg import`
stores it.
"""
from deleg.ingest.cli import cli_parse
from deleg.ingest.parse import UnreadableFile, decode, parse_bytes, parse_file

__all__ = ["UnreadableFile", "cli_parse", "decode", "parse_bytes", "parse_file"]
