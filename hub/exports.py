"""Spreadsheet exports that are safe to open, and CSV downloads."""

import csv

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.text import slugify


# Spreadsheet programs run cells that start with these as formulas.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """Text a spreadsheet will show as text, never run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class SafeCSVMixin:
    """For a Wagtail listing view: its CSV export writes would-be formulas as text.

    Wagtail's XLSX export does so already; its CSV export writes cells as they are.
    """

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: spreadsheet_safe(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )


def attachment(content, filename: str, content_type: str) -> HttpResponse:
    """Content to download, as a file of this name."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def csv_download(rows, filename: str) -> HttpResponse:
    """Rows as a CSV attachment, named after `filename` made safe for a file name."""
    response = attachment(b"", f"{slugify(filename)[:80]}.csv", "text/csv; charset=utf-8")
    csv.writer(response).writerows(rows)
    return response
