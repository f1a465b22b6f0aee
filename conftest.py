"""Suite-wide pytest setup: says which database the run uses, and can narrow a run to database tests."""
import os

import pytest

DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server", "client", "admin_client"}


def pytest_report_header(config):
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    return f"deleg database backend: {engine}"


def pytest_collection_modifyitems(config, items):
    """With DELEG_TEST_DATABASE_ONLY=1 (the PostgreSQL pass of `make test`), keep only database tests."""
    if os.environ.get("DELEG_TEST_DATABASE_ONLY") != "1":
        return
    selected, deselected = [], []
    for item in items:
        uses_db = item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
        is_browser = item.get_closest_marker("browser")
        (selected if uses_db and not is_browser else deselected).append(item)
    config.hook.pytest_deselected(items=deselected)
    items[:] = selected


@pytest.fixture
def lv():
    """Run the test body in Latvian, the interface's default language."""
    from django.utils import translation

    with translation.override("lv"):
        yield
