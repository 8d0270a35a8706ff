"""Every public page type is valid HTML by the W3C Nu HTML checker (vnu), run once over all."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from django.conf import settings

from tests.browser.pages import demo_pages


VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = shutil.which("java")

pytestmark = pytest.mark.skipif(
    not (JAVA and VNU_JAR.exists()),
    reason="The HTML checker needs Java and the vnu-jar npm package (npm install)",
)

COMMENT_FORM = "/consultations/construction-category-strategy-2026/respond/"


def comment_form_with_errors(client) -> bytes:
    """The comment form sent empty, as it comes back with its errors."""
    form = client.get(COMMENT_FORM).context["form"]
    response = client.post(
        COMMENT_FORM,
        {name: form[name].value() for name in ("submission_id", "form_token")},
    )
    assert response.status_code == 400
    assert b"govuk-error-summary" in response.content
    return response.content


def test_every_public_page_type_is_valid_html(client, demo_site, tmp_path):
    pages = {}
    for label, path in demo_pages():
        response = client.get(path)
        assert response.status_code in (200, 400, 404), (label, path, response.status_code)
        pages[label] = response.content
    pages["comment form with errors"] = comment_form_with_errors(client)

    files = {}
    for number, (label, html) in enumerate(pages.items()):
        file = tmp_path / f"page-{number:02d}.html"
        file.write_bytes(html)
        files[file] = label

    # One JVM for every page: the checker takes the files in one run.
    command = [JAVA, "-jar", str(VNU_JAR), "--errors-only", "--stdout", "--format", "json"]
    result = subprocess.run(
        [*command, *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stdout or '{"messages": []}')["messages"]
    labels = {file.name: label for file, label in files.items()}
    errors = [
        f"{labels.get(Path(m.get('url', '')).name)} line {m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
    assert len(files) == len(demo_pages()) + 1
    assert not errors, "\n".join(errors)
    assert result.returncode == 0, result.stderr
