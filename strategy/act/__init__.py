"""The Procurement Act 2023 tools: threshold and regime checker, timeline, notices, glossary."""
