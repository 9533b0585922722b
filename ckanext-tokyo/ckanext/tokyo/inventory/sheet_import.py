"""Importing a spreadsheet (CSV or XLSX) of inventory records: all rows or none.

The ground floor reads the file and checks its cells
(``ckanext.tokyo.base.inventory.parse``); here each row becomes an
inventory record of its organisation, validated by the inventory schema
exactly as the form and the API validate it. Only when every row is right
is anything written, in one transaction; any problem is reported with its
row number and nothing is imported. A row whose record exists already (same
URL name, or the name derived from organisation and title) updates it, so
importing the same file again changes nothing.
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from typing import Any, Optional

import ckan.lib.plugins as lib_plugins
import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.tokyo import compat
from ckanext.tokyo.base import inventory
from ckanext.tokyo.metadata.helpers import page_lang

from . import TYPE

log = logging.getLogger(__name__)

# spreadsheet column → record field (the others are built below)
SIMPLE = {"maintainer": "maintainer", "category": "category", "formats": "held_formats",
          "openness": "openness", "reason": "closed_reasons", "reason_note": "closed_reason_note"}


class ImportProblems(Exception):
    """What is wrong with the file; nothing was imported."""

    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


@dataclass
class Outcome:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    dry_run: bool = False


def finding_message(finding: inventory.Finding) -> str:
    values = {"row": finding.row, "column": finding.column, "value": finding.value}
    return {
        "unreadable": tk._("The file cannot be read as CSV (UTF-8 or Shift_JIS) or XLSX: %(value)s"),
        "too_big": tk._("The file is larger than %(value)s bytes"),
        "no_header": tk._("The file has no header row"),
        "unknown_column": tk._('Row %(row)s: unknown column "%(column)s"'),
        "duplicate_column": tk._('Row %(row)s: the column "%(column)s" appears twice'),
        "missing_column": tk._('Row %(row)s: the column "%(column)s" is missing'),
        "no_rows": tk._("The file has no records"),
        "too_many_rows": tk._("The file has more than %(value)s records: split it"),
        "required": tk._('Row %(row)s, column "%(column)s": missing value'),
        "unknown_value": tk._('Row %(row)s, column "%(column)s": unknown value "%(value)s"'),
        "reason_required": tk._('Row %(row)s, column "%(column)s": give the reason why the data cannot be opened'),
        "duplicate_title": tk._('Row %(row)s: "%(value)s" appears twice in the file'),
        "no_organization": tk._('Row %(row)s: no organisation: add the column "組織" or choose one'),
        "unknown_organization": tk._('Row %(row)s, column "%(column)s": no organisation "%(value)s"'),
        "not_allowed": tk._('Row %(row)s: you may not add records to "%(value)s"'),
        "published": tk._('Row %(row)s: "%(value)s" is already published as a dataset'),
    }[finding.code] % values


def _organization(ref: str) -> Optional[model.Group]:
    """An organisation by name, id or title (Japanese or English)."""
    group = model.Group.get(ref)
    if group is None:
        for candidate in model.Session.query(model.Group).filter(model.Group.is_organization,
                                                                   model.Group.state == "active"):
            if ref in (candidate.title, (candidate.extras or {}).get("title_en")):
                group = candidate
                break
    return group if group is not None and group.is_organization and group.state == "active" else None


def record_name(org_name: str, title: str) -> str:
    """The URL name of a record imported without one: stable for the same
    organisation and title, so a second import updates it."""
    digest = hashlib.sha1(f"{org_name}\n{title}".encode()).hexdigest()[:12]
    return f"{org_name}-inv-{digest}"


def record_dict(record: inventory.Record, org: model.Group) -> dict[str, Any]:
    values = record.values
    title = {"ja": values["title"], **({"en": values["title_en"]} if values.get("title_en") else {})}
    out: dict[str, Any] = {
        "type": TYPE, "owner_org": org.id, "private": True, "title_translated": title,
        "name": (values.get("name") or "").strip().lower() or record_name(org.name, str(values["title"])),
    }
    if values.get("description"):
        out["notes_translated"] = {"ja": values["description"]}
    for column, field_name in SIMPLE.items():
        if values.get(column):
            out[field_name] = values[column]
    if values.get("area"):
        out["spatial_coverage"] = [{"uri": code} for code in values["area"]]
    return out


def _field_label(name: str) -> str:
    from ckanext.scheming.helpers import scheming_get_dataset_schema

    schema = scheming_get_dataset_schema(TYPE) or {}
    fields = {f["field_name"]: f for f in schema.get("dataset_fields", [])}
    label = fields.get(name, {}).get("label", name)
    if isinstance(label, dict):
        return label.get(page_lang()) or label.get("ja") or name
    return str(label)


def _validate(context: dict[str, Any], data: dict[str, Any], action: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """What the action would store, and its errors, without storing."""
    plugin = lib_plugins.lookup_package_plugin(TYPE)
    schema = plugin.create_package_schema() if action == "package_create" else plugin.update_package_schema()
    context = {"model": model, "session": model.Session, **context}
    return lib_plugins.plugin_validate(plugin, context, dict(data), schema, action)


def _flatten(errors: Any) -> list[str]:
    if isinstance(errors, dict):
        return [m for value in errors.values() for m in _flatten(value)]
    if isinstance(errors, list):
        return [m for value in errors for m in _flatten(value)]
    return [str(errors)] if errors else []


def import_sheet(context: dict[str, Any], data: bytes, filename: str, organization: Optional[str] = None,
                 dry_run: bool = False) -> Outcome:
    """Import the records of a spreadsheet. ``organization``: for rows
    without an organisation column. Raises ImportProblems (nothing written)."""
    records, findings = inventory.parse(data, filename)
    problems = [(f.row or 0, finding_message(f)) for f in findings]
    default = _organization(organization) if organization else None
    if organization and default is None:
        problems.append((0, finding_message(inventory.Finding("unknown_organization", None, "organization",
                                                               organization))))
    if not records:
        raise ImportProblems([message for _, message in problems])
    wrong_rows = {f.row for f in findings}

    planned: list[tuple[dict[str, Any], Optional[dict[str, Any]], bool]] = []
    allowed: dict[str, bool] = {}
    for record in records:
        ref = str(record.values.get("organization") or "")
        org = _organization(ref) if ref else default
        column = record.columns.get("organization")
        if org is None:
            code = "unknown_organization" if ref else "no_organization"
            problems.append((record.row, finding_message(inventory.Finding(code, record.row, column, ref))))
            continue
        if org.id not in allowed:
            try:
                tk.check_access("package_create", dict(context), {"owner_org": org.id, "type": TYPE})
                allowed[org.id] = True
            except tk.NotAuthorized:
                allowed[org.id] = False
        if not allowed[org.id]:
            problems.append((record.row, finding_message(
                inventory.Finding("not_allowed", record.row, column, org.title))))
            continue
        if record.row in wrong_rows:  # its cells are wrong already: the schema would say it again
            continue
        wanted = record_dict(record, org)
        existing = model.Package.get(wanted["name"])
        current = None
        if existing is not None and existing.state != "deleted":
            if existing.type != TYPE or existing.owner_org != org.id:
                problems.append((record.row, finding_message(
                    inventory.Finding("published", record.row, None, wanted["name"]))))
                continue
            # an update keeps what the spreadsheet does not set
            current = tk.get_action("package_show")({"ignore_auth": True}, {"id": existing.id})
            wanted = {**current, **wanted}
        action = "package_update" if current else "package_create"
        stored, errors = _validate(context, wanted, action)
        for name, messages in errors.items():
            problems.append((record.row, tk._("Row %(row)s, %(field)s: %(message)s") % {
                "row": record.row, "field": _field_label(name), "message": " ".join(_flatten(messages))}))
        unchanged = current is not None and stored == _validate(context, current, action)[0]
        planned.append((wanted, current, unchanged))
    if problems:
        raise ImportProblems([message for _, message in sorted(problems, key=lambda p: p[0])])

    outcome = Outcome(dry_run=dry_run)
    if dry_run:
        for wanted, current, unchanged in planned:
            _count(outcome, wanted["name"], current, unchanged)
        return outcome
    _write(context, planned, outcome)
    return outcome


def _count(outcome: Outcome, name: str, current: Optional[dict[str, Any]], unchanged: bool) -> None:
    (outcome.unchanged if unchanged else outcome.updated if current else outcome.created).append(name)


def _write(context: dict[str, Any], planned: list, outcome: Outcome) -> None:
    """Every record in one transaction, indexed once it is committed; on any
    failure none is kept (and the index shows what the database has: CKAN
    2.11 indexes a deferred save at once, 2.12 only on commit)."""
    touched: list[str] = []
    try:
        for wanted, current, unchanged in planned:
            if not unchanged:
                action = "package_update" if current else "package_create"
                touched.append(tk.get_action(action)({**context, "defer_commit": True}, dict(wanted))["id"])
            _count(outcome, wanted["name"], current, unchanged)
        model.repo.commit()
    except Exception:
        model.Session.rollback()
        log.exception("inventory import rolled back")
        _reindex(touched)
        raise
    _reindex(touched)


def _reindex(package_ids: list[str]) -> None:
    from ckan.lib.search import index_for

    for package_id in package_ids:
        if model.Package.get(package_id) is None:
            index_for(model.Package).remove_dict({"id": package_id})
        else:
            compat.reindex_package(package_id, defer_commit=True)
