"""The whole delegation cycle through the site, as its people do it, with a screenshot of each step."""
import re

import pytest

from deleg.core.tests.factories import make_delegator, make_member, make_performer
from deleg.organizations.models import MemberRole

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "parole-123456"
ACTIVITIES_CSV = (
    "Datums;Veids;Nosaukums;Pašvaldība;Dalībnieki;Organizācijas\n"
    "10.10.2025.;seminārs;Seminārs Preiļos;Preiļi;25;9\n"
    "11.10.2025.;forums;Forums bez datuma kļūdas;Krāslava;nezināms;0\n"
    "12.11.2025.;seminārs;Seminārs Līvānos;Līvāni;31;12\n"
)


class Step:
    """Numbered screenshots, so the artefacts read as the story of the cycle."""

    def __init__(self, folder):
        self.folder, self.number = folder, 0

    def shot(self, page, name):
        self.number += 1
        page.screenshot(path=str(self.folder / f"cycle-{self.number:02d}-{name}.png"), full_page=True)


def signed_in(browser, live_server, username):
    page = browser.new_context(locale="lv-LV").new_page()
    page.goto(live_server.url + "/app/login/")
    page.get_by_label("Lietotājvārds").fill(username)
    page.get_by_label("Parole").fill(PASSWORD)
    page.get_by_role("button", name="Pieslēgties").click()
    page.wait_for_url(re.compile(r"/app/$"))
    return page


def test_the_whole_cycle_from_agreement_to_published_summary(live_server, browser, artefacts):
    ministry = make_delegator(name="Kultūras ministrija")
    ngo = make_performer(name="Dienvidlatgales NVO atbalsta centrs")
    make_member(ministry, MemberRole.MINISTRY_ADMIN, "admins")
    make_member(ministry, MemberRole.MINISTRY_REVIEWER, "vertetajs")
    make_member(ngo, MemberRole.PERFORMER_EDITOR, "redaktors")
    step = Step(artefacts)

    # 1. The ministry's administrator sets up the agreement.
    admin = signed_in(browser, live_server, "admins")
    admin.get_by_role("link", name="Jauns līgums").click()
    admin.get_by_label("Līguma numurs").fill("KM/2025/7")
    admin.get_by_label("Nosaukums").fill("Pilsoniskās sabiedrības stiprināšana Latgales reģionā")
    admin.get_by_label("Deleģētais uzdevums").fill("Atsevišķu valsts pārvaldes uzdevumu veikšana pilsoniskās sabiedrības jomā")
    admin.get_by_label("Reģions").select_option(label="Latgale")
    admin.get_by_label("Izpildītājs").select_option(label="Dienvidlatgales NVO atbalsta centrs")
    admin.get_by_label("Perioda sākums").fill("01.09.2025.")
    admin.get_by_label("Perioda beigas").fill("31.08.2026.")
    admin.get_by_role("button", name="Izveidot līgumu").click()
    admin.wait_for_url(re.compile(r"/app/agreements/\d+/$"))
    agreement_url = admin.url
    for text in ("Stiprināt NVO kapacitāti Latgalē.", "Veicināt iedzīvotāju līdzdalību."):
        admin.get_by_role("link", name="Pievienot mērķi").click()
        admin.get_by_label("Mērķis").fill(text)
        admin.get_by_role("button", name="Saglabāt").click()
    indicators = [
        ("1. Stiprināt", "Semināri NVO attīstībai", "pasākumi", "semināri", "2", "aktivitāšu skaits", "seminārs"),
        ("1. Stiprināt", "Semināru dalībnieki", "dalībnieki", "dalībnieki", "50", "dalībnieku skaita summa", "seminārs"),
        ("2. Veicināt", "Iedzīvotāju forumi", "pasākumi", "forumi", "2", "aktivitāšu skaits", "forums"),
        ("2. Veicināt", "Publikācijas", "publikācijas", "publikācijas", "10", "ievadīts manuāli", None),
    ]
    for objective, name, kind, unit, target, rule, activity_type in indicators:
        admin.get_by_role("link", name="Pievienot rādītāju").click()
        admin.get_by_label("Mērķis").select_option(label=next(
            o for o in admin.get_by_label("Mērķis").locator("option").all_inner_texts() if o.startswith(objective)))
        admin.get_by_label("Nosaukums").fill(name)
        admin.get_by_label("Veids").select_option(label=kind)
        admin.get_by_label("Mērvienība").fill(unit)
        admin.get_by_label("Mērķa vērtība").fill(target)
        admin.get_by_label("Aprēķina noteikums").select_option(label=rule)
        if activity_type:
            admin.get_by_label(activity_type, exact=True).check()
        admin.get_by_role("button", name="Saglabāt").click()
    for year, amount in (("2025", "12 500,00"), ("2026", "25 000,00")):
        admin.get_by_role("link", name="Norādīt gada budžetu").click()
        admin.get_by_label("Gads").fill(year)
        admin.get_by_label("Plānotā summa, EUR").fill(amount)
        admin.get_by_role("button", name="Saglabāt").click()
    admin.get_by_label("Mainīt statusu uz").select_option(label="spēkā")
    admin.get_by_role("button", name="Mainīt statusu").click()
    assert admin.locator("h3.deleg-objective").count() == 2
    budget = admin.locator("table", has_text="Plānots").inner_text()
    assert "12\u00a0500,00\u00a0euro" in budget and "25\u00a0000,00\u00a0euro" in budget
    step.shot(admin, "agreement-set-up")

    # 2. The NGO logs activities by hand and from a spreadsheet with one bad row.
    editor = signed_in(browser, live_server, "redaktors")
    editor.goto(agreement_url)
    editor.get_by_role("link", name="Pievienot aktivitāti").click()
    editor.get_by_label("Veids").select_option(label="forums")
    editor.get_by_label("Datums").fill("15.01.2026.")
    editor.get_by_label("Nosaukums").fill("Iedzīvotāju forums Daugavpilī")
    editor.get_by_label("Dalībnieki").fill("64")
    editor.get_by_role("button", name="Saglabāt").click()
    editor.get_by_role("link", name="Pievienot aktivitāti").click()
    editor.get_by_label("Veids").select_option(label="seminārs")
    editor.get_by_label("Datums").fill("01.01.2030.")
    editor.get_by_label("Nosaukums").fill("Seminārs ārpus perioda")
    editor.get_by_role("button", name="Saglabāt").click()
    assert editor.locator(".deleg-error-summary").inner_text().count("Datumam jābūt līguma periodā") == 1
    step.shot(editor, "activity-date-refused")
    editor.get_by_role("link", name="Atpakaļ").click()
    editor.get_by_role("link", name="Importēt no izklājlapas").click()
    editor.get_by_label("Izklājlapa (XLSX vai CSV)").set_input_files(
        files=[{"name": "aktivitates.csv", "mimeType": "text/csv", "buffer": ACTIVITIES_CSV.encode()}])
    editor.get_by_role("button", name="Pārbaudīt un importēt").click()
    errors = editor.locator("#row-errors tbody tr")
    assert errors.count() == 1 and errors.first.inner_text().startswith("3")
    step.shot(editor, "spreadsheet-bad-row-reported")
    editor.get_by_role("button", name="Saglabāt tikai derīgās rindas").click()
    assert "Saglabātas 2 aktivitātes." in editor.locator(".deleg-notifications").inner_text()
    progress = editor.locator("tr", has=editor.locator("th", has_text="Semināri NVO attīstībai"))
    assert re.search(r"\b2\b.*\b2 semināri.*100\s%", progress.inner_text().replace("\n", " ").replace("\t", " "))
    step.shot(editor, "progress")

    # 3. The NGO reports and submits.
    editor.get_by_role("link", name="Jauna atskaite").click()
    editor.get_by_role("button", name="Saglabāt").click()
    editor.get_by_label("Rezultātu apraksts un vērtējums").fill("Noorganizēti semināri un forums.")
    editor.get_by_label("Izlietots 2025. gadā, EUR").fill("12 400,00")
    editor.get_by_label("Izlietots 2026. gadā, EUR").fill("25 000,00")
    editor.get_by_label("Publikācijas: manuāli ievadīta vērtība").fill("12")
    editor.get_by_label("Publikācijas: pamatojums").fill("Publikācijas netiek reģistrētas aktivitāšu žurnālā.")
    editor.get_by_role("button", name="Saglabāt un turpināt").click()
    step.shot(editor, "check-your-report")
    editor.get_by_role("button", name="Iesniegt atskaiti").click()
    assert "iesniegta" in editor.locator(".deleg-tag").first.inner_text()

    # 4. The reviewer returns it with a comment.
    reviewer = signed_in(browser, live_server, "vertetajs")
    reviewer.locator("table").first.get_by_role("link").first.click()
    reviewer.get_by_role("link", name="Izvērtēt").click()
    step.shot(reviewer, "review")
    reviewer.get_by_label("Komentāri izpildītājam (vajadzīgi, lai atgrieztu atskaiti)").fill("Pievienojiet semināru programmas.")
    reviewer.get_by_role("button", name="Atgriezt ar komentāriem").click()
    assert "atgriezta" in reviewer.locator(".deleg-tag").first.inner_text()

    # 5. The NGO sees the comment and resubmits.
    editor.goto(live_server.url + "/app/")
    editor.locator("table").first.get_by_role("link").first.click()
    assert "Pievienojiet semināru programmas." in editor.locator(".deleg-warning").inner_text()
    step.shot(editor, "returned-with-comment")
    editor.get_by_role("link", name="Pārbaudīt un iesniegt").click()
    editor.get_by_role("button", name="Iesniegt atskaiti").click()

    # 6. The reviewer accepts with 120,00 non-compliant, 20,00 recovered, and sees 100,00 unrecovered.
    reviewer.goto(live_server.url + "/app/")
    reviewer.locator("table").first.get_by_role("link").first.click()
    reviewer.get_by_role("link", name="Izvērtēt").click()
    reviewer.get_by_label("Vērtējums").fill("Uzdevums izpildīts atbilstoši līgumam.")
    reviewer.get_by_label("Neatbilstoši veiktie izdevumi, EUR").fill("120,00")
    reviewer.get_by_label("Neatbilstoši veikto izdevumu apraksts").fill("Degvielas izdevumi bez attaisnojuma dokumentiem.")
    reviewer.get_by_label("Atgūts, EUR").fill("20,00")
    reviewer.get_by_role("button", name="Pieņemt atskaiti").click()
    assert reviewer.locator("#unrecovered").inner_text() == "100,00\u00a0euro"
    step.shot(reviewer, "accepted")

    # 7. The reviewer previews and publishes; the public page shows the achieved counts and spending.
    reviewer.get_by_role("link", name="Priekšskatīt un publicēt kopsavilkumu").click()
    step.shot(reviewer, "preview")
    reviewer.get_by_role("button", name="Publicēt kopsavilkumu").click()
    reviewer.wait_for_url(re.compile(r"/s/\d+/$"))
    public = browser.new_context(locale="lv-LV").new_page()
    public.goto(reviewer.url)
    text = public.locator("main").inner_text()
    for expected in ("Semināri NVO attīstībai: 2 semināri.", "Semināru dalībnieki: 56 dalībnieki.",
                     "Iedzīvotāju forumi: 1 forumi.", "Publikācijas: 12 publikācijas.",
                     "12\u00a0400,00", "25\u00a0000,00", "120,00", "100,00"):
        assert expected in text, expected
    step.shot(public, "published-summary")
