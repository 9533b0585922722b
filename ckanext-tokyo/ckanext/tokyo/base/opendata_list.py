"""The catalog as the standard dataset オープンデータ一覧 (current numbering 06).

One row per resource (a dataset without resources gets one row with the
file columns empty), in the columns of the Table Schema
``current-06-open-data-list`` (schemas/standard/, item list and its sources
in scripts/standard_items/06_open_data_list.csv). CKAN-free: the adapter
(metadata/opendata_list.py) pages through package_search and hands over
dataset dicts (docs/metadata-fields.md), their organisation and the page
URLs. CSV and XLSX writers stream: memory stays bounded whatever the
catalog's size.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import IO, Any, Callable, Iterable, Iterator, Optional

from . import codelists, identifiers, standards

SCHEMA_ID = "current-06-open-data-list"
FILE_STEM = "opendata-list"  # the catalog's URLs: /opendata-list.csv, /opendata-list/<org>.csv
STATUS_PUBLISHED = "配信中"  # ファイル_ステータス: a listed resource is being served
YES, NO = "有", "無"  # API対応有無
SEPARATOR = ";"  # lists within a cell, as the standard writes keywords


def columns() -> list[str]:
    """The item names in the schema's order (the header row)."""
    return [f["name"] for f in standards.descriptor(SCHEMA_ID)["fields"]]


@dataclass(frozen=True)
class Publisher:
    """The local government an organisation belongs to, from its metadata
    (tokyo_schema: local_government_code, else parent_organization)."""

    code: str
    name: str

    @classmethod
    def of(cls, organization: dict[str, Any]) -> Publisher:
        code = organization.get("local_government_code") or organization.get("parent_organization") or ""
        government = identifiers.tokyo_local_government(code)
        if government is None:
            return cls(code, organization.get("title") or "")
        tokyo = identifiers.tokyo_local_government(identifiers.TOKYO_CODE)
        # The standard writes the prefecture before a municipality: 東京都新宿区.
        prefix = "" if code == identifiers.TOKYO_CODE or tokyo is None else tokyo.name
        return cls(code, prefix + government.name)


@dataclass(frozen=True)
class Links:
    """Page URLs of the catalog (built by the adapter, which knows the site)."""

    dataset: Callable[[dict[str, Any]], str]
    resource: Callable[[dict[str, Any], dict[str, Any]], str]


def rows(datasets: Iterable[dict[str, Any]], organization: Callable[[str], dict[str, Any]],
         links: Links) -> Iterator[list[Any]]:
    """The data rows of some datasets. organization(id) gives a dataset's
    owner (the adapter caches it)."""
    for pkg in datasets:
        publisher = Publisher.of(organization(pkg.get("owner_org") or ""))
        head = _dataset_cells(pkg, publisher, links)
        for res in pkg.get("resources") or [None]:
            cells = dict(head)
            if res is not None:
                cells.update(_resource_cells(pkg, res, links))
            yield [cells.get(name, "") for name in columns()]


def _dataset_cells(pkg: dict[str, Any], publisher: Publisher, links: Links) -> dict[str, Any]:
    contact = (pkg.get("contact") or [{}])[0]
    return {
        "全国地方公共団体コード": publisher.code,
        "データセット_ID": pkg.get("name", ""),
        "地方公共団体名": publisher.name,
        "データセット_タイトル": _ja(pkg.get("title_translated")) or pkg.get("title", ""),
        "データセット_概要": _ja(pkg.get("notes_translated")) or pkg.get("notes") or "",
        "データセット_キーワード": _join(_keywords(pkg)),
        "データセット_分類": _join(c.ja for c in map(codelists.category, pkg.get("category") or []) if c),
        "データセット_公開日": _date(pkg.get("issued")),
        "データセット_最終更新日": _date(pkg.get("modified")),
        "データセット_バージョン": pkg.get("version") or "",
        "データセット_言語": _languages(pkg.get("language")),
        "データセット_URL": links.dataset(pkg),
        "データセット_更新頻度": _frequency(pkg.get("frequency")),
        "データセット_準拠する標準": _standards(pkg.get("conforms_to")),
        "データセット_関連ドキュメント": _join(pkg.get("documentation") or []),
        "データセット_来歴情報": pkg.get("provenance") or "",
        "データセット_対象地域": _join(s.get("text") or "" for s in pkg.get("spatial_coverage") or []),
        "データセット_対象期間": _join(_period(t) for t in pkg.get("temporal_coverage") or []),
        "データセット_連絡先名称": contact.get("name") or "",
        "データセット_連絡先メールアドレス": contact.get("email") or "",
        "データセット_連絡先電話番号": contact.get("telephone") or "",
        "データセット_連絡先FormURL": contact.get("url") or "",
        "データセット_作成者": pkg.get("maintainer") or "",
        "ファイル_ライセンス": pkg.get("license_title") or pkg.get("license_id") or "",
        "ファイル_利用規約": pkg.get("license_url") or "",
    }


def _resource_cells(pkg: dict[str, Any], res: dict[str, Any], links: Links) -> dict[str, Any]:
    return {
        "ファイル_ID": res.get("id", ""),
        "ファイル_タイトル": _ja(res.get("name_translated")) or res.get("name") or "",
        "ファイル_アクセスURL": links.resource(pkg, res),
        "ファイル_ダウンロードURL": res.get("url") or "",
        "ファイル_説明": _ja(res.get("description_translated")) or res.get("description") or "",
        "ファイル形式": res.get("format") or "",
        "ファイル_ステータス": STATUS_PUBLISHED,
        "ファイル_サイズ": _size(res.get("size")),
        "ファイル_公開日": _date(res.get("created")),
        "ファイル_最終更新日": _date(res.get("modified") or res.get("last_modified")),
        "ファイル_言語": _languages(res.get("language")),
        "ファイル_準拠する標準": _standards(res.get("conforms_to")),
        "API対応有無": YES if res.get("datastore_active") else NO,
    }


def _ja(value: Any) -> str:
    return value.get("ja", "") if isinstance(value, dict) else ""


def _join(values: Iterable[str]) -> str:
    return SEPARATOR.join(v for v in values if v)


def _keywords(pkg: dict[str, Any]) -> list[str]:
    translated = pkg.get("tags_translated")
    if isinstance(translated, dict) and translated.get("ja"):
        return list(translated["ja"])
    return [t.get("name", "") for t in pkg.get("tags") or []]


def _date(value: Optional[str]) -> str:
    """YYYY-MM-DD of a date or an ISO timestamp (CKAN's created)."""
    return (value or "")[:10]


def _size(value: Any) -> Any:
    try:
        return int(value) if value not in (None, "") else ""
    except (TypeError, ValueError):
        return ""


def _languages(values: Any) -> str:
    if isinstance(values, str):
        values = [values]
    return _join(codelists.language_tag(v) or "" for v in values or [])


def _frequency(uri: Optional[str]) -> str:
    found = codelists.frequency(uri or "")
    return found.ja if found else ""


def _standards(ids: Any) -> str:
    known = set(standards.schema_ids())
    return _join(standards.info(i).title for i in ids or [] if i in known)


def _period(period: dict[str, Any]) -> str:
    start, end = _date(period.get("start")), _date(period.get("end"))
    return f"{start}/{end}" if start or end else ""


# ------------------------------------------------------------- writers

def csv_chunks(header: list[str], body: Iterable[list[Any]], rows_per_chunk: int = 200) -> Iterator[bytes]:
    """UTF-8 CSV (no BOM, as the standard asks), a chunk of rows at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for count, row in enumerate(body, 1):
        writer.writerow(row)
        if count % rows_per_chunk == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def write_xlsx(header: list[str], body: Iterable[list[Any]], out: IO[bytes], sheet: str) -> None:
    """One sheet, header on row 1 (openpyxl's write-only mode: rows go to disk as written)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet[:31])
    worksheet.append(header)
    for row in body:
        worksheet.append([_xlsx_cell(v) for v in row])
    workbook.save(out)


def _xlsx_cell(value: Any) -> Any:
    # Codes keep their leading zeros: every cell is text except sizes.
    return value if isinstance(value, int) else str(value)


def file_name(prefix: Optional[str], extension: str) -> str:
    """The download's name: the standard's stem (`open_data_list`), after the
    organisation's name for one organisation's list."""
    stem = standards.descriptor(SCHEMA_ID)["x-tokyo"]["file_stem"]
    return f"{prefix}_{stem}.{extension}" if prefix else f"{stem}.{extension}"
