"""Renderers of a comparison. Each writes or returns a report; none prints."""

from __future__ import annotations

from declcompare.report.csv import neutralise_cell, to_csv, write_csv

__all__ = ["neutralise_cell", "to_csv", "write_csv"]
