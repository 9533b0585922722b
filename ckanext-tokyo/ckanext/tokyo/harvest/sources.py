"""The catalogs of Tokyo's municipalities as harvest sources.

The list is data: ``schemas/harvest_sources.csv`` (one row per local
government: code, name, harvester type, URL, frequency, enabled). ``sync``
creates or updates a harvest source per enabled row with a URL, owned by the
local government's organisation (``t<code>``, created with its identifiers
when missing); rows without a known public feed stay disabled and are only
reported."""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass, field

import ckan.plugins.toolkit as tk

from ckanext.tokyo import importer, site_user
from ckanext.tokyo.base import identifiers
from ckanext.tokyo.harvest import settings

TYPES = ("tokyo_ckan", "tokyo_dcat")
FREQUENCIES = ("MANUAL", "MONTHLY", "WEEKLY", "BIWEEKLY", "DAILY", "ALWAYS")


@dataclass(frozen=True)
class Source:
    lg_code: str
    name: str
    source_type: str
    url: str
    frequency: str
    enabled: bool
    note: str

    @property
    def organization(self) -> str:
        return "t000003" if self.lg_code == identifiers.TOKYO_CODE else f"t{self.lg_code}"

    @property
    def harvest_name(self) -> str:
        return f"harvest-{self.lg_code}"


@dataclass
class SyncReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    disabled: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)


def default_path() -> str:
    configured = settings.get("sources_file")
    if configured:
        return configured
    from ckanext.tokyo import schemas

    return os.path.join(os.path.dirname(schemas.__file__), "harvest_sources.csv")


def read(path: str | None = None) -> list[Source]:
    """The rows of the list; raises ValueError naming a bad row."""
    out = []
    with open(path or default_path(), encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.DictReader(f), start=2):
            lg = identifiers.tokyo_local_government(row["lg_code"])
            if not lg:
                raise ValueError(f"line {n}: {row['lg_code']!r} is not one of Tokyo's local governments")
            kind, frequency = row["type"].strip(), (row["frequency"].strip() or "WEEKLY").upper()
            if kind and kind not in TYPES:
                raise ValueError(f"line {n}: type {kind!r} (one of {', '.join(TYPES)})")
            if frequency not in FREQUENCIES:
                raise ValueError(f"line {n}: frequency {frequency!r} (one of {', '.join(FREQUENCIES)})")
            url = row["url"].strip()
            enabled = row["enabled"].strip().lower() == "yes"
            if enabled and not (kind and url.startswith(("http://", "https://"))):
                raise ValueError(f"line {n}: an enabled source needs a type and an http(s) URL")
            out.append(Source(lg.code, lg.name, kind, url, frequency, enabled, row.get("note", "").strip()))
    return out


def sync(rows: list[Source]) -> SyncReport:
    """Create or update the harvest source of every enabled row."""
    report = SyncReport()
    context = site_user.context()
    for row in rows:
        if not row.enabled:
            report.disabled.append(row.lg_code)
            continue
        try:
            try:
                org = tk.get_action("organization_show")(dict(context), {"id": row.organization})
            except tk.ObjectNotFound:
                org = tk.get_action("organization_create")(dict(context), importer.map_organization(
                    {"name": row.organization, "title": row.name}))
            data = {"name": row.harvest_name, "title": f"{row.name} ({row.source_type})", "url": row.url,
                    "source_type": row.source_type, "frequency": row.frequency, "owner_org": org["id"]}
            try:
                existing = tk.get_action("harvest_source_show")(dict(context), {"id": row.harvest_name})
            except tk.ObjectNotFound:
                tk.get_action("harvest_source_create")(dict(context), data)
                report.created.append(row.lg_code)
                continue
            tk.get_action("harvest_source_update")(dict(context), dict(data, id=existing["id"]))
            report.updated.append(row.lg_code)
        except (tk.ValidationError, tk.ObjectNotFound) as e:
            report.errors[row.lg_code] = str(getattr(e, "error_dict", e))
    return report
