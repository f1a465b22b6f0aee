"""The seed's canonical JSON, for tests that need a published summary without parsing one."""
import json
from pathlib import Path

SEED_JSON = Path(__file__).resolve().parent / "data/fixtures/seed/000_5c600465db280f8a.expected.json"


def seed_content() -> dict:
    return json.loads(SEED_JSON.read_text(encoding="utf-8"))
