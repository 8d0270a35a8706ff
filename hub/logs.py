"""Structured logs: one JSON object per line, so a log platform can filter by field."""

import json
import logging
from datetime import UTC, datetime


class JSONFormatter(logging.Formatter):
    """Time, level, logger and message as JSON; the request object itself is never written."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
