"""IATI activity XML 2.03: valid against the published XSD and holding the summaries' numbers."""
import pytest
from lxml import etree

from deleg.opendata.services import export_iati
from deleg.opendata.tests.conftest import IATI_XSD, SECRET

pytestmark = pytest.mark.django_db
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(IATI_XSD)))


def exported(tmp_path, **kwargs):
    path = tmp_path / "deleg.iati.xml"
    export_iati(path, **kwargs)
    return etree.parse(str(path))


def activity(tree, summary_id):
    return tree.xpath(f"/iati-activities/iati-activity[iati-identifier='LV-DELEG-{summary_id}']")[0]


def test_iati_is_valid_against_the_schema(opendata, tmp_path, schema):
    tree = exported(tmp_path, base_url="https://deleg.example.lv")

    schema.assertValid(tree)
    assert tree.getroot().get("version") == "2.03"
    assert len(tree.xpath("/iati-activities/iati-activity")) == 4
    assert SECRET not in etree.tostring(tree, encoding="unicode")


def test_iati_activity_of_the_seed(opendata, tmp_path):
    seed = activity(exported(tmp_path), opendata.seed_id)

    assert seed.get("default-currency") == "EUR" and seed.get(LANG) == "lv"
    assert seed.findtext("reporting-org/narrative") == "Latvijas valsts pārvalde"
    assert seed.find("title/narrative").get(LANG) == "lv"
    assert seed.findtext("title/narrative").startswith("Kopsavilkums par atsevišķu")
    assert seed.findtext("description[@type='1']/narrative").startswith("Atsevišķu valsts pārvaldes uzdevumu")
    assert seed.findtext("participating-org[@role='4']/narrative") == "Dienvidlatgales NVO atbalsta centrs"
    assert seed.find("activity-status").get("code") == "4"
    assert [(d.get("type"), d.get("iso-date")) for d in seed.findall("activity-date")] == [
        ("2", "2019-08-12"), ("4", "2020-10-31")]
    budgets = seed.findall("budget")
    assert len(budgets) == 1
    assert (budgets[0].find("period-start").get("iso-date"), budgets[0].find("period-end").get("iso-date")) == (
        "2019-08-12", "2019-12-31")
    assert budgets[0].findtext("value") == "37500.00"
    assert budgets[0].find("value").get("value-date") == "2019-08-12"
    results = seed.findall("result")
    assert len(results) == 8
    festival = results[7].findall("indicator")
    assert [i.findtext("title/narrative") for i in festival] == ["pasākumi", "kolektīvi", "dalībnieki"]
    assert festival[2].find("reference").get("code") == "participants"
    assert festival[2].find("period/actual").get("value") == "329"


def test_iati_activity_with_a_delegator_planned_and_spent(opendata, tmp_path):
    zimju = activity(exported(tmp_path), opendata.zimju_id)

    assert zimju.findtext("reporting-org/narrative") == "Labklājības ministrija"
    assert zimju.find("reporting-org").get("type") == "10"
    assert zimju.findtext("participating-org[@role='1']/narrative") == "Labklājības ministrija"
    assert zimju.findtext("budget/value") == "486000.00"
    transaction = zimju.find("transaction")
    assert transaction.find("transaction-type").get("code") == "4"
    assert (transaction.findtext("value"), transaction.find("transaction-date").get("iso-date")) == (
        "484317.65", "2020-12-31")
