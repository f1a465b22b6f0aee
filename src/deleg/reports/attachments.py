"""Report attachments: which files are accepted, recognised by their first bytes as well as their name."""
from django.utils.translation import gettext_lazy as _

# A report's supporting documents are office files, PDFs and photos; nothing executable or unknown.
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
SIGNATURES = {
    ".pdf": (b"%PDF-",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
    ".ods": (b"PK\x03\x04",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
}
TOO_LARGE = _("The file is larger than 10 MB.")
WRONG_TYPE = _("Attach a PDF, DOCX, XLSX, ODT, ODS, JPG or PNG file.")


def attachment_problem(name: str, size: int, head: bytes) -> str | None:
    """Why the file cannot be attached, or None when it can."""
    if size > MAX_ATTACHMENT_BYTES:
        return str(TOO_LARGE)
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if not any(head.startswith(signature) for signature in SIGNATURES.get(suffix, ())):
        return str(WRONG_TYPE)
    return None
