"""Bulk open data: the public register as CSV, XLSX, a Frictionless Data Package and IATI activity XML."""
