"""The open data validates and matches the pages; admin edits change answers from their date."""

import csv
import io
import json
import re
from datetime import date

import jsonschema

from django.contrib.auth import get_user_model
from django.test import TestCase

from strategy.models.act import Notice, RulesVersion, ValueLine


RESULT = "/procurement-act/check/result/"
RULE = {
    "type": "object",
    "required": ["key", "effective_from", "section", "source_url", "standing"],
    "properties": {
        "key": {"type": "string", "pattern": "^[a-z0-9-]+$"},
        "effective_from": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        "section": {"type": "string"},
        "source_url": {"type": "string", "pattern": "^https?://"},
        "standing": {"enum": ["verified", "partly-verified"]},
    },
}
SCHEMA = {
    "type": "object",
    "required": [
        "data_version",
        "licence",
        "licence_url",
        "thresholds",
        "minimum_periods",
        "notices",
        "glossary",
    ],
    "properties": {
        "data_version": {"type": "integer", "minimum": 1},
        "licence": {"const": "Open Government Licence v3.0"},
        "thresholds": {
            "type": "array",
            "minItems": 19,
            "items": {
                "allOf": [
                    RULE,
                    {
                        "required": ["kind", "label", "amount", "comparison"],
                        "properties": {
                            "kind": {"enum": ["threshold", "notifiable", "kpi"]},
                            "amount": {"type": "string", "pattern": r"^\d+(\.\d\d)?$"},
                            "comparison": {"enum": ["at-least", "more-than"]},
                        },
                    },
                ]
            },
        },
        "minimum_periods": {
            "type": "array",
            "minItems": 13,
            "items": {
                "allOf": [
                    RULE,
                    {
                        "required": ["table", "circumstance", "days"],
                        "properties": {
                            "table": {"enum": ["participation", "tendering"]},
                            "days": {"type": ["integer", "null"], "minimum": 1},
                        },
                    },
                ]
            },
        },
        "notices": {
            "type": "array",
            "items": {
                "allOf": [
                    RULE,
                    {
                        "required": ["name", "status", "applies_when", "timing"],
                        "properties": {
                            "status": {"enum": ["mandatory", "conditional", "voluntary"]}
                        },
                    },
                ]
            },
        },
        "glossary": {
            "type": "array",
            "items": {"type": "object", "required": ["term", "slug", "definition", "source_url"]},
        },
    },
}


def checker_query(day: date, value: int) -> str:
    return (
        f"start_day={day.day}&start_month={day.month}&start_year={day.year}&authority=council"
        f"&contract_for=services&kind=standard&route=competitive&value={value}"
    )


class OpenDataTests(TestCase):
    def test_the_json_validates_and_states_its_licence(self):
        response = self.client.get("/procurement-act/data/act-rules.json")
        self.assertEqual(response["Content-Type"], "application/json")
        document = json.loads(response.content)
        jsonschema.validate(document, SCHEMA)
        self.assertEqual(len(document["minimum_periods"]), 13)  # 3 + 10 rows of s.54
        codes = {n["code"] for n in document["notices"] if n["code"]}
        self.assertEqual(codes, {f"UK{n}" for n in range(1, 18)} - {"UK8"})
        data_page = self.client.get("/procurement-act/data/")
        self.assertContains(data_page, "Open Government Licence v3.0")

    def test_each_csv_parses_and_matches_the_json(self):
        document = json.loads(self.client.get("/procurement-act/data/act-rules.json").content)
        for name in ("thresholds", "minimum-periods", "notices", "glossary"):
            with self.subTest(name=name):
                response = self.client.get(f"/procurement-act/data/{name}.csv")
                self.assertEqual(response.status_code, 200)
                rows = list(csv.DictReader(io.StringIO(response.content.decode())))
                expected = document[name.replace("-", "_")]
                self.assertEqual(len(rows), len(expected))
                for row, item in zip(rows, expected, strict=True):
                    for column, value in item.items():
                        shown = "" if value is None else str(value)
                        self.assertEqual(row[column], shown, (name, column))

    def test_the_json_matches_the_data_page_and_the_notice_pages(self):
        document = json.loads(self.client.get("/procurement-act/data/act-rules.json").content)
        page = self.client.get("/procurement-act/data/").content.decode()
        for line in document["thresholds"]:
            amount = f"£{int(line['amount']):,}"
            row = re.search(
                rf'data-key="{line["key"]}" data-from="{line["effective_from"]}">(.*?)</tr>',
                page,
                re.S,
            )
            self.assertIsNotNone(row, line["key"])
            self.assertIn(amount, row.group(1))
        for notice in document["notices"]:
            response = self.client.get(f"/procurement-act/notices/{notice['key']}/")
            self.assertContains(response, notice["section"])
            self.assertContains(response, notice["name"])
            if notice["code"]:
                self.assertContains(response, notice["code"])

    def test_the_checker_shows_the_threshold_the_json_gives(self):
        document = json.loads(self.client.get("/procurement-act/data/act-rules.json").content)
        line = next(
            t
            for t in document["thresholds"]
            if t["key"] == "goods-services-sub-central" and t["effective_from"] == "2026-01-01"
        )
        response = self.client.get(f"{RESULT}?{checker_query(date(2026, 2, 2), 300000)}")
        self.assertContains(response, f"£{int(line['amount']):,}")
        self.assertContains(response, "Rules as in force on")
        self.assertContains(response, f"data version {document['data_version']}")


class AdminChangeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser("rules-admin", "a@example.org", "x")

    def edit(self, line: ValueLine, amount: int):
        """Change a value line's amount through the admin's edit form."""
        url = f"/admin/snippets/strategy/valueline/edit/{line.pk}/"
        self.assertEqual(self.client.get(url).status_code, 200)
        data = {
            "kind": line.kind,
            "label": line.label,
            "amount": str(amount),
            "comparison": line.comparison,
            "key": line.key,
            "effective_from": line.effective_from.isoformat(),
            "section": line.section,
            "source_url": line.source_url,
            "standing": line.standing,
            "source_note": line.source_note,
            "sort_order": line.sort_order,
        }
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302, response.content[:3000])

    def answer(self, day: date, value: int) -> str:
        return self.client.get(f"{RESULT}?{checker_query(day, value)}").content.decode()

    def test_a_threshold_changed_in_the_admin_changes_answers_from_its_date_only(self):
        self.client.force_login(self.admin)
        line = ValueLine.objects.get(key="goods-services-sub-central", effective_from="2026-01-01")
        version = RulesVersion.objects.get().number
        # Before: £230,000 is above both £214,904 (2025) and £207,720 (2026).
        self.assertIn(
            "at or above the threshold of £214,904", self.answer(date(2025, 12, 31), 230000)
        )
        self.assertIn(
            "at or above the threshold of £207,720", self.answer(date(2026, 1, 1), 230000)
        )
        self.edit(line, 250000)
        self.client.logout()
        # The 2026 row now says £250,000: dates on or after 1 January 2026 change...
        after = self.answer(date(2026, 1, 1), 230000)
        self.assertIn("below the threshold of £250,000", after)
        self.assertIn(f"data version {version + 1}", after)
        # ...and dates before it do not.
        self.assertIn(
            "at or above the threshold of £214,904", self.answer(date(2025, 12, 31), 230000)
        )

    def test_a_new_threshold_row_applies_from_its_effective_date(self):
        self.client.force_login(self.admin)
        response = self.client.post(
            "/admin/snippets/strategy/valueline/add/",
            {
                "kind": "threshold",
                "label": "Goods and services, sub-central authority (such as a council)",
                "amount": "240000",
                "comparison": "at-least",
                "key": "goods-services-sub-central",
                "effective_from": "2027-01-01",
                "section": "Sch. 1",
                "source_url": "https://www.legislation.gov.uk/ukpga/2023/54/schedule/1",
                "standing": "partly-verified",
                "source_note": "",
                "sort_order": 0,
            },
        )
        self.assertEqual(response.status_code, 302)
        self.client.logout()
        self.assertIn(
            "at or above the threshold of £207,720", self.answer(date(2026, 12, 31), 230000)
        )
        later = self.answer(date(2027, 1, 1), 230000)
        self.assertIn("below the threshold of £240,000", later)
        self.assertIn("Partly verified", later)

    def test_notice_and_glossary_edits_raise_the_data_version(self):
        version = RulesVersion.objects.get().number
        notice = Notice.objects.get(key="tender-notice")
        notice.timing = "It starts the procedure."
        notice.save()
        self.assertEqual(RulesVersion.objects.get().number, version + 1)


class EditorRightsTests(TestCase):
    def test_editors_may_change_the_rules_in_the_admin(self):
        from django.contrib.auth.models import Group

        from hub.roles import EDITORS

        editor = get_user_model().objects.create_user("rules-editor", "e@example.org", "x")
        editor.groups.add(Group.objects.get(name=EDITORS))
        self.client.force_login(editor)
        line = ValueLine.objects.get(key="works", effective_from="2026-01-01")
        url = f"/admin/snippets/strategy/valueline/edit/{line.pk}/"
        self.assertEqual(self.client.get(url).status_code, 200)
        self.assertEqual(self.client.get("/admin/snippets/strategy/glossaryterm/").status_code, 200)
