"""Officers triage, theme and export feedback; offline input; everything logged."""

import csv
import io
import re
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from consultation import processing
from consultation.exports import export_files_expire
from consultation.filters import feedback_filtered
from consultation.models import ContactRequest, ExportJob, Feedback
from consultation.theme_bits import bits_of
from core.models import ExportLog, Theme, Ward

pytestmark = pytest.mark.django_db
LIST_URL = "/admin/snippets/consultation/feedback/"


@pytest.fixture
def login(client):
    def as_user(username):
        client.force_login(get_user_model().objects.get(username=username))
        return client

    return as_user


def _refused(response) -> bool:
    return response.status_code == 302 and response["Location"] == "/admin/"


@pytest.fixture
def items():
    castle = Ward.objects.get(name="Castle")
    education = Theme.objects.get(slug="education")
    a = Feedback.objects.create(source="survey", text="Schools exclude too many kids", ward=castle, age_band="25-34")
    b = Feedback.objects.create(source="youth_voice", text="=cmd|' /C calc'!A0 more youth clubs", age_band="11-15")
    c = Feedback.objects.create(source="event", text="Better street lighting", ward=castle, reviewed=True)
    a.themes.add(education)
    processing.feedback_suggest_themes(feedback=b)
    return a, b, c


def _start_export(client, file_format="csv", params=None, *, personal=False):
    """Start an export as the confirm page's button does: a POST, the filters in the query string."""
    query = f"?{urlencode(params)}" if params else ""
    return client.post(f"/admin/feedback-exports/{file_format}/{query}", {"personal": "1"} if personal else {})


def _csv(response):
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def test_filters_combine(items):
    a, b, c = items
    castle = Ward.objects.get(name="Castle")
    assert list(feedback_filtered({"ward": castle.pk, "reviewed": "false"})) == [a]
    assert set(feedback_filtered({"no_theme": "true"})) == {b, c}
    assert list(feedback_filtered({"confirmed_theme": a.themes.get().pk, "source": "survey"})) == [a]
    young_people = Theme.objects.get(slug="young-people")
    assert list(feedback_filtered({"suggested_theme": young_people.pk, "age_band": "11-15"})) == [b]
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    assert not feedback_filtered({"created_at_from": tomorrow}).exists()


def test_search_finds_words_in_what_people_wrote(items):
    assert list(feedback_filtered({"q": "lighting"})) == [items[2]]


def test_officer_sees_the_list_with_filters_and_export_buttons(login, items):
    html = login("officer").get(LIST_URL).content.decode()
    assert "Schools exclude too many kids" in html
    assert "Export CSV" in html and "Export Excel" in html and "Add offline feedback" in html
    filtered = login("officer").get(LIST_URL, {"source": "event"}).content.decode()
    assert "Better street lighting" in filtered and "Schools exclude" not in filtered


def test_a_safeguarding_flag_reads_as_a_warning_in_words_not_a_tick(login, items):
    import re

    Feedback.objects.create(source="youth_voice", text="Someone said they would stab me", safeguarding_flag=True)
    html = login("officer").get(LIST_URL).content.decode()
    cells = re.findall(r"<td[^>]*>\s*(?:<strong[^>]*>.*?</strong>)?\s*</td>", html, re.S)
    flagged = [cell for cell in cells if "Safeguarding" in cell]
    assert len(flagged) == 1
    assert "#icon-warning" in flagged[0] and "w-text-critical" in flagged[0]
    assert "Safeguarding</th>" in html or ">Safeguarding<" in html
    assert "icon-check" not in flagged[0]


def test_editors_and_moderators_cannot_see_feedback(login, items):
    for username in ("editor", "moderator"):
        assert login(username).get(LIST_URL).status_code in (302, 403)
        assert _refused(login(username).get("/admin/feedback-exports/csv/"))
        assert _refused(login(username).post("/admin/feedback-exports/csv/"))


def test_inspect_shows_context_suggestions_words_and_history(login, items):
    _, b, _ = items
    client = login("officer")
    client.post(f"/admin/feedback-actions/{b.pk}/accept/")
    html = client.get(f"/admin/snippets/consultation/feedback/inspect/{b.pk}/").content.decode()
    assert "Word list phrases found" in html and "youth clubs" in html
    assert "Theme confirmed: Young People" in html
    assert "officer" in html


def test_bulk_actions_theme_tag_and_review_with_an_audit_trail(login, items):
    a, b, c = items
    client = login("officer")
    communities = Theme.objects.get(slug="communities")
    ids = f"id={a.pk}&id={c.pk}"
    client.post(f"/admin/bulk/consultation/feedback/add_theme/?{ids}", {"theme": communities.pk})
    client.post(f"/admin/bulk/consultation/feedback/add_tag/?{ids}", {"tag": "lighting"})
    client.post(f"/admin/bulk/consultation/feedback/mark_reviewed/?{ids}")
    client.post(f"/admin/bulk/consultation/feedback/remove_theme/?id={a.pk}", {"theme": communities.pk})
    a.refresh_from_db()
    c.refresh_from_db()
    assert communities in c.themes.all() and communities not in a.themes.all()
    assert set(c.tags.names()) == {"lighting"}
    assert a.reviewed and a.reviewed_by.username == "officer" and a.reviewed_at is not None
    actions = list(ModelLogEntry.objects.for_instance(a).values_list("action", "user__username"))
    assert ("consultation.theme_added", "officer") in actions
    assert ("consultation.theme_removed", "officer") in actions
    assert ("consultation.tagged", "officer") in actions
    assert ("consultation.reviewed", "officer") in actions


def test_bulk_accept_suggestions(login, items):
    _, b, _ = items
    login("officer").post(f"/admin/bulk/consultation/feedback/accept_suggestions/?id={b.pk}")
    assert {t.slug for t in b.themes.all()} == set(b.suggestions.values_list("theme__slug", flat=True))


def _edit_url(feedback) -> str:
    return f"{LIST_URL}edit/{feedback.pk}/"


def test_a_row_of_the_list_opens_the_inspect_view(login, items):
    a = items[0]
    html = login("officer").get(LIST_URL).content.decode()
    title_link = re.search(rf'<a href="([^"]+)">\s*<span id="snippet_{a.pk}_title">{re.escape(a.excerpt)}</span>', html)
    assert title_link, "the row has no link on what they said"
    assert title_link.group(1) == f"{LIST_URL}inspect/{a.pk}/"


def test_the_inspect_view_keeps_its_button_to_the_edit_form(login, items):
    a = items[0]
    html = login("officer").get(f"{LIST_URL}inspect/{a.pk}/").content.decode()
    assert f'href="{_edit_url(a)}">Change themes and tags</a>' in html


def test_the_edit_form_has_a_checkbox_for_each_theme_a_labelled_tag_box_and_an_h1(login, items):
    a = items[0]
    html = login("officer").get(_edit_url(a)).content.decode()
    themes = list(Theme.objects.all())
    assert len(themes) == 6
    boxes = re.findall(
        r'<label for="([^"]+)"><input type="checkbox" name="themes" value="(\d+)"([^>]*)>\s*([^<]+)</label>', html
    )
    assert [(int(value), name.strip()) for _, value, _, name in boxes] == [(theme.pk, theme.name) for theme in themes]
    for label_for, _, attrs, name in boxes:
        assert f'id="{label_for}"' in attrs
        assert ("checked" in attrs) == (name.strip() == "Education"), (name, attrs)
    assert re.search(r'<label for="id_tags"[^>]*>(<span[^>]*>)?Tags<', html), "the tags box has no label"
    assert '<input type="text" name="tags"' in html, "the tags box is not a plain text box"
    assert "comma-separated list of tags" not in html
    assert re.search(r"<h1[^>]*>\s*Themes and tags: Survey feedback", html), "the edit page has no h1"


def test_saving_the_edit_form_sets_exactly_the_ticked_themes_logged_with_their_bits(login, items):
    a = items[0]
    client = login("officer")
    education, communities, young = (
        Theme.objects.get(slug=slug) for slug in ("education", "communities", "young-people")
    )

    response = client.post(_edit_url(a), {"themes": [communities.pk, young.pk], "tags": "lighting, bus station"})
    assert response.status_code == 302 and response["Location"] == f"{LIST_URL}inspect/{a.pk}/"
    a.refresh_from_db()
    assert set(a.themes.all()) == {communities, young}
    assert a.confirmed_theme_bits == bits_of([communities, young])
    assert set(a.tags.names()) == {"lighting", "bus station"}
    assert 'value="bus station, lighting"' in client.get(_edit_url(a)).content.decode()
    entries = list(ModelLogEntry.objects.for_instance(a).values_list("action", "data", "user__username"))
    assert ("consultation.theme_added", {"theme": "Communities"}, "officer") in entries
    assert ("consultation.theme_added", {"theme": "Young People"}, "officer") in entries
    assert ("consultation.theme_removed", {"theme": "Education"}, "officer") in entries

    client.post(_edit_url(a), {"themes": [communities.pk], "tags": "lighting, bus station"})
    a.refresh_from_db()
    assert list(a.themes.all()) == [communities]
    assert a.confirmed_theme_bits == communities.mask
    assert (
        ModelLogEntry.objects.for_instance(a)
        .filter(action="consultation.theme_removed", data={"theme": "Young People"})
        .exists()
    )
    # Ticked again and still ticked: no second "added" entry.
    assert ModelLogEntry.objects.for_instance(a).filter(action="consultation.theme_added").count() == 2

    client.post(_edit_url(a), {"tags": ""})
    a.refresh_from_db()
    assert list(a.themes.all()) == [] and a.confirmed_theme_bits == 0
    assert list(a.tags.names()) == []
    assert education not in a.themes.all()


def test_a_theme_that_is_not_one_of_the_six_is_refused_at_the_field(login, items):
    a = items[0]
    response = login("officer").post(_edit_url(a), {"themes": ["999999"], "tags": ""})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert [theme.slug for theme in a.themes.all()] == ["education"]


def test_what_people_wrote_cannot_be_edited(login, items):
    a = items[0]
    login("officer").post(
        f"/admin/snippets/consultation/feedback/edit/{a.pk}/", {"text": "Changed", "themes": "", "tags": ""}
    )
    a.refresh_from_db()
    assert a.text == "Schools exclude too many kids"


def test_offline_feedback_is_added_and_checked_like_any_other(login, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        login("officer").post(
            "/admin/feedback-offline/",
            {
                "source": "event",
                "date": "2026-01-10",
                "ward": "",
                "age_band": "16-18",
                "text": "A lad said he will stab me",
            },
        )
    feedback = Feedback.objects.get(text="A lad said he will stab me")
    assert feedback.source == "event" and feedback.created_at.date().isoformat() == "2026-01-10"
    assert feedback.safeguarding_flag and len(mail.outbox) == 1
    assert ModelLogEntry.objects.for_instance(feedback).filter(action="consultation.added_offline").exists()


def test_offline_feedback_with_a_future_date_is_refused(login):
    future = (timezone.localdate() + timedelta(days=2)).isoformat()
    html = (
        login("officer")
        .post("/admin/feedback-offline/", {"source": "event", "date": future, "text": "x"})
        .content.decode()
    )
    assert "The date cannot be in the future." in html
    assert not Feedback.objects.exists()


def _upload(client, text):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post("/admin/feedback-offline/upload/", {"file": SimpleUploadedFile("f.csv", text.encode("utf-8"))})


def test_a_good_csv_adds_every_row(login):
    response = _upload(
        login("officer"),
        "source,date,ward,age_band,text\n"
        "event,2026-02-01,Castle,16-18,More buses at night\n"
        "other,2026-02-02,,,Café owners want CCTV\n",
    )
    assert response.status_code == 302
    assert Feedback.objects.count() == 2
    assert Feedback.objects.get(text="More buses at night").ward.name == "Castle"


def test_a_bad_csv_is_rejected_whole_with_line_numbers(login):
    response = _upload(
        login("officer"),
        "source,date,ward,age_band,text\nevent,2026-02-01,Castle,16-18,Fine line\npub,01/02/2026,Narnia,7,\n",
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Nothing was added" in html
    assert "Line 3:" in html and "date must look like 2026-03-14" in html and "is not a ward" in html
    assert not Feedback.objects.exists()


def test_csv_export_has_the_filtered_rows_neutralised_and_is_logged(login, items):
    response = _start_export(login("officer"), params={"age_band": "11-15"})
    header, *rows = _csv(response)
    assert header[:6] == ["ID", "Date", "Source", "Survey", "Question", "Text"]
    assert "Contact name" not in header
    assert len(rows) == 1 and rows[0][5].startswith("'=cmd")
    log = ExportLog.objects.get()
    assert log.user.username == "officer" and log.row_count == 1 and log.filters == {"age_band": "11-15"}
    assert not log.included_personal_data


def test_xlsx_export_reads_back_with_the_same_rows(login, items):
    response = _start_export(login("officer"), "xlsx")
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows())
    assert rows[0][0].value == "ID"
    texts = {row[5].value: row[5] for row in rows[1:]}
    assert set(texts) == {
        "Schools exclude too many kids",
        "=cmd|' /C calc'!A0 more youth clubs",
        "Better street lighting",
    }
    # Shown as typed, but stored as text: Excel does not run it.
    assert texts["=cmd|' /C calc'!A0 more youth clubs"].data_type == "s"
    assert texts["=cmd|' /C calc'!A0 more youth clubs"].quotePrefix


def test_xlsx_export_has_real_dates_sized_columns_and_a_frozen_filtered_header(login, items):
    a, b, c = items
    # 17:05 UTC on 1 July is 18:05 in London (BST); 9:00 UTC on 15 January is 9:00 (GMT).
    Feedback.objects.filter(pk=a.pk).update(created_at=datetime(2025, 7, 1, 17, 5, 30, tzinfo=UTC))
    Feedback.objects.filter(pk=b.pk).update(created_at=datetime(2025, 1, 15, 9, 0, tzinfo=UTC))
    response = _start_export(login("officer"), "xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active

    header = [cell.value for cell in sheet[1]]
    assert header[:2] == ["ID", "Date"] and len(header) == 13
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:M4"  # 13 columns, the header and 3 rows
    dates = {row[0].value: row[1] for row in sheet.iter_rows(min_row=2)}
    assert dates[a.pk].value == datetime(2025, 7, 1, 18, 5, 30)
    assert dates[b.pk].value == datetime(2025, 1, 15, 9, 0)
    assert all(cell.is_date and cell.number_format == "yyyy-mm-dd hh:mm" for cell in dates.values())
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABCDEFGHIJKLM"}
    assert all(6 <= width <= 60 for width in widths.values()), widths
    assert widths["B"] == len("2025-07-01 18:05") + 2
    assert widths["F"] == len("=cmd|' /C calc'!A0 more youth clubs") + 2  # the longest text
    assert widths["G"] == len("Confirmed themes") + 2  # the header is wider than "Education"


TYPED = ["-5", "-12.5", "+44", "-1+1", "=1+1", "@SUM(A1)"]


@pytest.fixture
def typed():
    return [Feedback.objects.create(source="event", text=text) for text in TYPED]


def test_csv_export_keeps_numbers_and_guards_formulas(login, typed):
    rows = _csv(_start_export(login("officer")))[1:]
    assert sorted(row[5] for row in rows) == sorted(["-5", "-12.5", "'+44", "'-1+1", "'=1+1", "'@SUM(A1)"])


def test_xlsx_export_keeps_what_was_typed_and_writes_no_formula(login, typed):
    response = _start_export(login("officer"), "xlsx")
    rows = list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows(min_row=2))
    cells = {row[5].value: row[5] for row in rows}
    assert set(cells) == set(TYPED)
    assert all(cell.data_type == "s" for cell in cells.values())
    assert [text for text, cell in cells.items() if cell.quotePrefix] == ["=1+1"]
    # The ID column holds numbers, written as numbers.
    assert sorted(row[0].value for row in rows) == sorted(feedback.pk for feedback in typed)


def test_contact_details_need_the_personal_data_permission(login, items):
    b = items[1]
    ContactRequest.objects.create(feedback=b, name="Jo", email="jo@example.com", consent=True)
    plain = _csv(_start_export(login("officer"), personal=True))
    assert "Contact name" not in plain[0] and "jo@example.com" not in str(plain)
    officer = get_user_model().objects.get(username="officer")
    officer.groups.add(Group.objects.get(name="Safeguarding"))
    with_contacts = _csv(_start_export(login("officer"), personal=True))
    assert with_contacts[0][-3:] == ["Contact name", "Contact email", "Contact phone"]
    assert "jo@example.com" in str(with_contacts)
    assert ExportLog.objects.filter(included_personal_data=True).count() == 1


def test_large_exports_run_in_the_background_and_email_the_officer(
    login, items, settings, django_capture_on_commit_callbacks
):
    settings.EXPORT_SYNC_LIMIT = 1
    client = login("officer")
    with django_capture_on_commit_callbacks(execute=True):
        response = _start_export(client)
    assert response["Location"] == "/admin/feedback-exports/"
    job = ExportJob.objects.get()
    assert job.status == "done" and job.rows_done == 3
    assert job.expires_at.date() == (timezone.now() + timedelta(days=7)).date()
    assert mail.outbox[-1].to == ["officer@example.com"] and "Schools" not in mail.outbox[-1].body
    assert "Ready" in client.get("/admin/feedback-exports/").content.decode()
    download = client.get(f"/admin/feedback-exports/download/{job.pk}/")
    assert b"Schools exclude too many kids" in b"".join(download.streaming_content)
    assert ExportLog.objects.get().row_count == 3


def test_only_the_officer_who_asked_can_download_a_background_export(login, items, django_user_model):
    other = django_user_model.objects.create_user("officer2", password="x")
    other.groups.add(Group.objects.get(name="Officers"))
    job = ExportJob.objects.create(user=other, format="csv", status="done", file_name="nope.csv")
    assert login("officer").get(f"/admin/feedback-exports/download/{job.pk}/").status_code == 404


def test_export_files_are_deleted_after_seven_days(items, django_user_model, settings):
    from consultation.exports import export_dir, export_job_run

    job = ExportJob.objects.create(user=django_user_model.objects.get(username="officer"), format="xlsx", rows_total=3)
    export_job_run(job=job)
    job.refresh_from_db()
    path = export_dir() / job.file_name
    assert path.exists()
    ExportJob.objects.filter(pk=job.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert export_files_expire() == 1
    assert not path.exists()
    job.refresh_from_db()
    assert job.status == "expired"


def test_the_export_log_is_for_administrators(login, items):
    _start_export(login("officer"))
    assert _refused(login("officer").get("/admin/feedback-exports/log/all/"))
    html = login("admin").get("/admin/feedback-exports/log/all/").content.decode()
    assert "feedback (csv)" in html and "officer" in html


def test_the_list_and_its_export_use_the_same_search(login, items):
    client = login("officer")
    html = client.get(LIST_URL, {"q": "lighting"}).content.decode()
    assert "Better street lighting" in html and "Schools exclude" not in html
    rows = _csv(_start_export(client, params={"q": "lighting"}))[1:]
    assert [row[5] for row in rows] == ["Better street lighting"]


def _export(params=None, *, include_personal_data=False):
    from consultation.exports import export_rows

    return list(export_rows(params or {}, include_personal_data=include_personal_data))


def test_export_rows_carry_every_column(items):
    a, b, c = items
    a.tags.add("follow up", "=HYPERLINK()")
    by_id = {row[0]: row for row in _export()}
    assert by_id[a.pk][2:] == [
        "Survey",
        "",
        "",
        "Schools exclude too many kids",
        "Education",
        "",
        "'=HYPERLINK(); follow up",
        "Castle",
        "25 to 34",
        "English",
        "No",
    ]
    assert by_id[b.pk][7] == "; ".join(s.theme.name for s in b.suggestions.order_by("-score", "pk"))
    assert by_id[c.pk][-1] == "Yes" and by_id[c.pk][2] == "Event"
    assert by_id[a.pk][1] == timezone.localtime(a.created_at).strftime("%Y-%m-%d %H:%M")


def test_export_takes_a_survey_contact_from_the_response(items):
    from consultation.models import Response

    response = Response.objects.create(survey_title="Feeling safe", submission_token="t1")
    Feedback.objects.filter(pk=items[0].pk).update(response=response)
    ContactRequest.objects.create(response=response, name="Sam", email="sam@example.com", consent=True)
    ContactRequest.objects.create(feedback=items[2], name="No consent", email="no@example.com", consent=False)
    by_id = {row[0]: row for row in _export(include_personal_data=True)}
    assert by_id[items[0].pk][-3:] == ["Sam", "sam@example.com", ""]
    assert by_id[items[2].pk][-3:] == ["", "", ""]


def test_export_queries_do_not_grow_with_the_rows(items, django_assert_max_num_queries):
    for number in range(40):
        feedback = Feedback.objects.create(source="survey", text=f"Comment {number}")
        feedback.tags.add("follow up")
        feedback.themes.add(Theme.objects.get(slug="education"))
    with django_assert_max_num_queries(6):
        assert len(_export(include_personal_data=True)) == 43


def test_export_keeps_each_rows_themes_and_tags_when_times_are_equal(items):
    moment = timezone.now() - timedelta(days=3)
    education, communities = Theme.objects.get(slug="education"), Theme.objects.get(slug="communities")
    made = []
    for number in range(6):
        feedback = Feedback.objects.create(source="other", text=f"Same minute {number}", created_at=moment)
        if number % 2:
            feedback.tags.add(f"tag {number}")
            feedback.themes.add(education if number % 3 else communities)
        made.append(feedback)
    by_id = {row[0]: row for row in _export()}
    for number, feedback in enumerate(made):
        row = by_id[feedback.pk]
        expected_tags = f"tag {number}" if number % 2 else ""
        expected_theme = ("Education" if number % 3 else "Communities") if number % 2 else ""
        assert (row[6], row[8]) == (expected_theme, expected_tags)
