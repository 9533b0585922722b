"""Validator core: Japan's standard data formats, usable without CKAN.

    from ckanext.tokyo.validation import validate
    report = validate("130001_public_toilet.csv", schema="auto")
    report.valid, report.to_dict()
"""
from .engine import validate
from .options import Options
from .report import Finding, Report

__all__ = ["Finding", "Options", "Report", "validate"]
