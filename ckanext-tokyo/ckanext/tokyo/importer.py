"""`ckan tokyo import`: Tokyo's catalog records (CKAN ``package_show`` dicts as
published today) into the tokyo_schema shape.

The mapping (``map_organization``, ``map_dataset``) is CKAN-free and uses the
one code-list and identifier modules; ``Importer`` creates or updates through
CKAN's actions and leaves unchanged datasets alone, so a second run changes
nothing. See docs/metadata-fields.md.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from ckanext.tokyo.base import codelists, formats, identifiers

FREQUENCY_EXTRA = "更新頻度"
LICENSE_ALIASES = {"cc-by": "CC-BY-4.0", "cc-by-4.0": "CC-BY-4.0", "cc-zero": "CC0-1.0",
                   "cc0-1.0": "CC0-1.0", "odc-odbl": "ODbL-1.0", "odbl-1.0": "ODbL-1.0",
                   "pdl-1.0": "PDL-1.0", "pdl1.0": "PDL-1.0"}


@dataclass
class Report:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: dict[str, str] = field(default_factory=dict)
    organizations_created: int = 0
    unmapped_frequencies: Counter = field(default_factory=Counter)
    unknown_groups: Counter = field(default_factory=Counter)

    def lines(self) -> list[str]:
        out = [f"datasets: {self.created} created, {self.updated} updated, "
               f"{self.unchanged} unchanged, {len(self.failed)} failed; "
               f"organisations: {self.organizations_created} created"]
        for spelling, n in self.unmapped_frequencies.most_common():
            out.append(f"unmapped 更新頻度: {spelling!r} ({n} datasets)")
        for group, n in self.unknown_groups.most_common():
            out.append(f"unknown group (not a category): {group!r} ({n} datasets)")
        for name, error in self.failed.items():
            out.append(f"failed: {name}: {error}")
        return out


# ------------------------------------------------------------------ reading

class SourceError(ValueError):
    """The source cannot be read; the message (ja / en) is for the operator."""


def read_jsonl(lines: Iterable[str]) -> Iterator[dict]:
    for n, line in enumerate(lines, start=1):
        line = line.strip()
        if not line:
            continue
        try:
            record = json.loads(line)
        except ValueError as e:
            raise SourceError(f"{n} 行目が JSON ではありません / line {n}: not JSON ({e})") from e
        # package_show API envelopes are accepted as well as bare records
        yield record.get("result", record) if "success" in record else record


REMOTE_TIMEOUT = 60  # seconds per request: a site that never answers must not hang the import


class _Remote:
    """A CKAN site's Action API through ckanapi; every failure is a
    SourceError that says what happened (ja / en)."""

    def __init__(self, url: str):
        import ckanapi
        import requests

        self.url = url
        self._requests = requests
        self._statuses: list[int] = []
        session = requests.Session()
        session.hooks["response"].append(
            lambda response, *args, **kwargs: self._statuses.append(response.status_code))
        self._remote = ckanapi.RemoteCKAN(url, user_agent="ckanext-tokyo importer", session=session)

    def call(self, action: str, params: dict, call: str, check: Callable[[Any], bool]) -> Any:
        url = self.url
        self._statuses.clear()
        try:
            result = self._remote.call_action(action, params, requests_kwargs={"timeout": REMOTE_TIMEOUT})
            if not check(result):
                raise TypeError(f"not a {action} result")
            return result
        except self._requests.RequestException as e:
            raise SourceError(f"{url} に接続できないか応答がありません / cannot connect to {url} or no answer "
                              f"({call}: {type(e).__name__})") from e
        except Exception as e:  # ckanapi's (or CKAN's) errors, or an answer of another shape
            status = self._statuses[-1] if self._statuses else 200
            ja, en = ((f"が HTTP {status} を返しました", f"answered HTTP {status}") if status != 200 else
                      ("の応答が CKAN API の JSON ではありません", "did not answer CKAN API JSON"))
            raise SourceError(f"{url} の {call} {ja} / {call} on {url} {en}") from e


def remote_records(url: str, rows: int = 100) -> tuple[int, Iterator[dict]]:
    """(count, records) from a CKAN site through ckanapi's package_search,
    page by page (a site may answer fewer rows than asked: ckan.search.rows_max).
    Raises SourceError when the site cannot be reached or does not answer
    like CKAN's Action API."""
    remote = _Remote(url)

    def search(start: int, size: int) -> tuple[int, list]:
        result = remote.call(
            "package_search", {"rows": size, "start": start, "sort": "name asc"}, f"package_search (start={start})",
            lambda r: isinstance(r["count"], int) and isinstance(r["results"], list))
        return result["count"], result["results"]

    count = search(0, 0)[0]

    def pages() -> Iterator[dict]:
        start = 0
        while start < count:
            batch = search(start, rows)[1]
            if not batch:
                return
            yield from batch
            start += len(batch)

    return count, pages()


def remote_groups(url: str) -> list[dict]:
    """The groups of a CKAN site (name, title, description, package_count),
    e.g. Tokyo's categories, to compare with the code list."""
    return _Remote(url).call(
        "group_list", {"all_fields": True, "limit": 1000}, "group_list",
        lambda r: isinstance(r, list) and all(isinstance(g, dict) and "name" in g for g in r))


# ------------------------------------------------------------------ mapping

def _extra(record: dict, key: str) -> str | None:
    for extra in record.get("extras") or []:
        if extra.get("key") == key:
            return extra.get("value")
    return None


def organization_identifiers(name: str) -> dict[str, str]:
    """Identifiers of a Tokyo catalog organisation from its name:
    ``t000xxx`` bureaus belong to 東京都, ``t<code>`` are the municipalities."""
    if identifiers.BUREAU_NAME.match(name):
        return {"local_government_code": identifiers.TOKYO_CODE,
                "corporate_number": identifiers.TOKYO_CORPORATE_NUMBER,
                "parent_organization": identifiers.TOKYO_CODE}
    m = identifiers.LOCAL_GOVERNMENT_NAME.match(name)
    if m and identifiers.tokyo_local_government(m.group(1)):
        lg = identifiers.tokyo_local_government(m.group(1))
        return {"local_government_code": lg.code, "corporate_number": lg.corporate_number}
    return {}


def map_organization(org: dict) -> dict:
    out = {"name": org["name"], "title": org.get("title") or org["name"]}
    if org.get("description"):
        out["description"] = org["description"]
    out.update(organization_identifiers(org["name"]))
    return out


def _date(value: str | None) -> str | None:
    return value[:10] if value and re.match(r"\d{4}-\d{2}-\d{2}", value) else None


def map_resource(res: dict, fallback_date: str | None) -> dict:
    out: dict[str, Any] = {
        "url": res.get("url") or "",
        "name_translated": {"ja": (res.get("name") or res.get("format") or "リソース").strip()},
        "format": formats.normalise(res.get("format") or ""),
        "modified": _date(res.get("last_modified")) or _date(res.get("metadata_modified"))
        or _date(res.get("created")) or fallback_date,
    }
    if (res.get("description") or "").strip():
        out["description_translated"] = {"ja": res["description"].strip()}
    if isinstance(res.get("size"), int):
        out["size"] = res["size"]
    return out


def map_dataset(record: dict, report: Report | None = None) -> dict:
    """A Tokyo catalog package_show record → a tokyo_schema dataset dict."""
    report = report if report is not None else Report()
    org_name = (record.get("organization") or {}).get("name") or record.get("owner_org")
    title = (record.get("title") or record["name"]).strip()
    out: dict[str, Any] = {
        "name": record["name"],
        "owner_org": org_name,
        "title_translated": {"ja": title},
        "notes_translated": {"ja": (record.get("notes") or "").strip() or title},
        "license_id": LICENSE_ALIASES.get((record.get("license_id") or "").lower(),
                                          record.get("license_id") or "CC-BY-4.0"),
        "language": [codelists.DEFAULT_LANGUAGE],
    }
    tags = [t["name"] for t in record.get("tags") or [] if t.get("name")]
    if tags:
        out["tags_translated"] = {"ja": tags}
    for key in ("maintainer", "url", "version"):
        if (record.get(key) or "").strip():
            out[key] = record[key].strip()
    categories = []
    for group in record.get("groups") or []:
        found = codelists.category_for_group(group.get("name", ""))
        if not found:
            report.unknown_groups[group.get("name")] += 1
        elif found.code not in categories:
            categories.append(found.code)
    if categories:
        out["category"] = categories
    spelling = (_extra(record, FREQUENCY_EXTRA) or "").strip()
    if spelling:
        out["frequency_note"] = spelling
        found = codelists.frequency_for_spelling(spelling)
        if found:
            out["frequency"] = found.uri
        else:
            report.unmapped_frequencies[spelling] += 1
    lg = organization_identifiers(org_name or "").get("local_government_code")
    if lg:
        out["spatial_coverage"] = [{"uri": identifiers.sac_uri(lg),
                                    "text": identifiers.tokyo_local_government(lg).name}]
    issued, modified = _date(record.get("metadata_created")), _date(record.get("metadata_modified"))
    if issued:
        out["issued"] = issued
    if modified:
        out["modified"] = modified
    out["resources"] = [map_resource(r, modified or issued) for r in record.get("resources") or []]
    return out


# ------------------------------------------------------------------ comparing

def _same(wanted: Any, have: Any) -> bool:
    if isinstance(wanted, dict):
        return isinstance(have, dict) and all(_same(v, have.get(k)) for k, v in wanted.items())
    if isinstance(wanted, list):
        return (isinstance(have, list) and len(wanted) == len(have)
                and all(_same(w, h) for w, h in zip(wanted, have)))
    return wanted == have or (wanted in ("", None) and have in ("", None))


def unchanged(wanted: dict, existing: dict) -> bool:
    """Whether the stored dataset already says what the import would write."""
    have = dict(existing, owner_org=(existing.get("organization") or {}).get("name"))
    return _same(wanted, have)


def with_resource_ids(wanted: dict, existing: dict) -> dict:
    """Keep the ids of existing resources (matched by URL) so an update
    changes resources in place instead of replacing them."""
    ids = {r.get("url"): r["id"] for r in existing.get("resources") or []}
    for res in wanted["resources"]:
        if res["url"] in ids:
            res["id"] = ids.pop(res["url"])
    return wanted


# ------------------------------------------------------------------ importing

class Importer:
    """Creates or updates datasets through CKAN actions (``call(action, data)``)."""

    def __init__(self, call: Callable[[str, dict], dict], not_found: type[Exception],
                 validation_error: type[Exception]):
        self.call = call
        self.not_found = not_found
        self.validation_error = validation_error
        self.report = Report()
        self.saved: list[str] = []  # names of the datasets created or updated
        self._orgs: set[str] = set()

    def _show(self, action: str, name: str) -> dict | None:
        try:
            return self.call(action, {"id": name})
        except self.not_found:
            return None

    def ensure_organization(self, org: dict) -> None:
        if org["name"] in self._orgs:
            return
        if self._show("organization_show", org["name"]) is None:
            self.call("organization_create", map_organization(org))
            self.report.organizations_created += 1
        self._orgs.add(org["name"])

    def import_record(self, record: dict) -> str:
        name = record.get("name", "?")
        try:
            org = record.get("organization") or {"name": record.get("owner_org")}
            self.ensure_organization(org)
            wanted = map_dataset(record, self.report)
            existing = self._show("package_show", name)
            if existing is None:
                self.call("package_create", wanted)
                self.report.created += 1
                self.saved.append(name)
                return "created"
            if unchanged(wanted, existing):
                self.report.unchanged += 1
                return "unchanged"
            self.call("package_update", with_resource_ids(wanted, existing))
            self.report.updated += 1
            self.saved.append(name)
            return "updated"
        except self.validation_error as e:
            self.report.failed[name] = str(getattr(e, "error_dict", e))
            return "failed"
