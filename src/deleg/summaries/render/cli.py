"""`deleg render ID|FILE --to FORMAT`: a published summary, or any summary file, in one published format."""
import json
import sys
from pathlib import Path

SCHEMA = "deleg.summary/1"


class BadTarget(Exception):
    """The target is neither a published summary's id nor a file that holds a summary."""


def _canonical(data: bytes) -> dict | None:
    """Return the content when the bytes are canonical summary JSON, else None."""
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return None
    try:
        content = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    return content if isinstance(content, dict) and content.get("schema") == SCHEMA else None


def _from_file(path: Path) -> dict:
    """Return the summary a file holds: canonical JSON as it is, anything else through the parser."""
    from django.utils.translation import gettext as _

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadTarget(_("Cannot read %(path)s: %(error)s") % {"path": path, "error": exc.strerror or exc}) from exc
    content = _canonical(data)
    if content is not None:
        from deleg.summaries.services import summary_content_errors

        errors = summary_content_errors(content)
        if errors:
            raise BadTarget(_("%(path)s does not follow the canonical format: %(errors)s")
                            % {"path": path, "errors": "; ".join(errors[:3])})
        return content
    try:
        from deleg.ingest import UnreadableFile, parse_bytes
    except ImportError as exc:
        raise BadTarget(_("%(path)s is not canonical summary JSON, and the parser is not available.")
                        % {"path": path}) from exc
    try:
        return parse_bytes(data, filename=path.name)
    except UnreadableFile as exc:
        raise BadTarget(f"{path}: {exc}") from exc


def _from_database(pk: int) -> tuple[dict, dict]:
    """Return the latest published version of summary pk, with its footer metadata."""
    from django.db import DatabaseError
    from django.utils.translation import gettext as _

    from deleg.summaries.models import SummaryVersion
    from deleg.summaries.render import version_metadata

    try:
        version = (SummaryVersion.objects.filter(summary_id=pk).select_related("summary__agreement__delegator")
                   .order_by("-number").first())
    except DatabaseError as exc:
        raise BadTarget(_("The database cannot be read: %(error)s") % {"error": exc}) from exc
    if version is None:
        raise BadTarget(_("There is no published summary with id %(id)s.") % {"id": pk})
    return version.content, version_metadata(version)


def load_target(target: str) -> tuple[dict, dict | None]:
    """Return (content, version metadata) for a file path or a published summary's id."""
    from django.utils.translation import gettext as _

    path = Path(target)
    if path.is_file():
        return _from_file(path), None
    if target.isdigit():
        return _from_database(int(target))
    raise BadTarget(_("%(target)s is neither a file nor the id of a published summary.") % {"target": target})


def cli_render(target: str, fmt: str, lang: str, out: str | None) -> int:
    """Write the summary in one format to out, or to stdout; return 1 with a message when the target is bad."""
    from deleg.cli import setup_django

    setup_django()
    from django.utils.translation import gettext as _

    from deleg.summaries.render import FORMATS, render

    try:
        if fmt not in FORMATS:
            raise BadTarget(_("Unknown format %(format)s; use one of: %(formats)s.")
                            % {"format": fmt, "formats": ", ".join(FORMATS)})
        content, version = load_target(target)
        data = render(content, fmt, lang=lang, version=version)
        if out:
            try:
                Path(out).write_bytes(data)
            except OSError as exc:
                message = _("Cannot write %(path)s: %(error)s") % {"path": out, "error": exc.strerror or exc}
                raise BadTarget(message) from exc
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
    except BadTarget as exc:
        print(f"deleg render: {exc}", file=sys.stderr)
        return 1
    return 0
