"""The two harvesters of Tokyo's catalogs, on ckanext-harvest.

Both stand on ckanext-dcat's ``DCATRDFHarvester``: its import stage creates
or updates datasets by ``guid`` and deletes those whose guid left the source
(deletion sync), and ckanext-harvest keeps the job history and the errors per
object. Datasets are created with ``package_create``/``package_update``, so
they pass the tokyo_schema validators and their tables are queued for
validation like any upload.

- ``tokyo_dcat``: a DCAT feed (Turtle, RDF/XML, JSON-LD, N-Triples; Hydra
  paging), read through the guarded client and parsed by ``safe_rdf``
  (bounded, no entity expansion, no remote contexts), then by the
  ``tokyo_dcat_ap`` profile.
- ``tokyo_ckan``: a CKAN site's Action API (``package_search`` pages), each
  record mapped by the importer (更新頻度 spellings, categories,
  ``t000xxx``/``t<code>`` organisations with their identifiers).
"""
from __future__ import annotations

import json
import logging
from urllib.parse import urlencode

import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.dcat.harvesters.rdf import DCATRDFHarvester
from ckanext.harvest.model import HarvestObject

from ckanext.tokyo import importer, site_user
from ckanext.tokyo.harvest import fetching, safe_rdf, settings

log = logging.getLogger(__name__)


class TokyoDCATHarvester(DCATRDFHarvester):
    """A DCAT feed, read safely, parsed by the tokyo_dcat_ap profile."""

    def info(self):
        return {"name": "tokyo_dcat", "title": "DCAT feed (Tokyo, safe parsing)",
                "description": "DCAT-AP feeds of Tokyo's municipalities: Turtle, RDF/XML, JSON-LD or "
                               "N-Triples, Hydra paging; parsed with time, memory and entity limits."}

    def _get_content_and_type(self, url, harvest_job, page=1, content_type=None):
        """The page as N-Triples (already parsed within bounds), or (None, None)
        with a gather error saying why."""
        try:
            body, media = fetching.fetch(url, fetching.RDF_ACCEPT)
        except fetching.FetchError as e:
            self._save_gather_error(f"{url}: {e}", harvest_job)
            return None, None
        configured = json.loads(harvest_job.source.config or "{}").get("rdf_format")
        fmt = safe_rdf.rdflib_format(configured or media, url)
        if not fmt:
            self._save_gather_error(f"{url}: not an RDF document (Content-Type {media or 'none'})", harvest_job)
            return None, None
        try:
            parsed = safe_rdf.parse(body, fmt, settings.limits())
        except safe_rdf.RefusedFeed as e:
            self._save_gather_error(f"{url}: {e}", harvest_job)
            return None, None
        return parsed.ntriples, "nt"


class TokyoCKANHarvester(DCATRDFHarvester):
    """A CKAN site's datasets through its Action API, mapped by the importer."""

    ROWS = 100

    def info(self):
        return {"name": "tokyo_ckan", "title": "CKAN site (Tokyo catalog mapping)",
                "description": "A CKAN catalog's datasets (package_search) mapped to the Tokyo schema: "
                               "更新頻度, categories, t000xxx organisations, identifiers."}

    def validate_config(self, source_config):
        return source_config or ""

    def _page(self, base: str, start: int, harvest_job) -> dict | None:
        url = f"{base}/api/3/action/package_search?" + urlencode(
            {"rows": self.ROWS, "start": start, "sort": "name asc"})
        try:
            body, _media = fetching.fetch(url, fetching.JSON_ACCEPT)
            answer = json.loads(body)
            result = answer["result"] if answer.get("success") else None
            if not (isinstance(result, dict) and isinstance(result.get("results"), list)):
                raise ValueError("not a package_search result")
            return result
        except fetching.FetchError as e:
            self._save_gather_error(f"{url}: {e}", harvest_job)
        except (ValueError, KeyError, TypeError) as e:
            self._save_gather_error(f"{url}: the answer is not CKAN API JSON ({e})", harvest_job)
        return None

    def gather_stage(self, harvest_job):
        base = harvest_job.source.url.rstrip("/")
        guids, object_ids = [], []
        start = 0
        while True:
            result = self._page(base, start, harvest_job)
            if result is None:
                return []  # a broken source deletes nothing
            for record in result["results"]:
                guid = record.get("id") or record.get("name")
                if not guid:
                    continue
                guids.append(guid)
                obj = HarvestObject(guid=guid, job=harvest_job, content=json.dumps(record))
                obj.save()
                object_ids.append(obj.id)
            start += len(result["results"])
            if not result["results"] or start >= result.get("count", 0):
                break
        return object_ids + self._mark_datasets_for_deletion(guids, harvest_job)

    def import_stage(self, harvest_object):
        """Map the record (as ``ckan tokyo import`` does), then import it."""
        if harvest_object.content and self._get_object_extra(harvest_object, "status") != "delete":
            record = json.loads(harvest_object.content)
            report = importer.Report()
            try:
                dataset = importer.map_dataset(record, report)
                dataset["owner_org"] = self._owner(record, harvest_object)
            except (KeyError, TypeError, ValueError) as e:
                self._save_object_error(f"{record.get('name', harvest_object.guid)}: cannot map the record "
                                        f"({type(e).__name__}: {e})", harvest_object, "Import")
                return False
            for spelling in report.unmapped_frequencies:
                self._save_object_error(f"{dataset['name']}: 更新頻度 {spelling!r} is not in the controlled list "
                                        "(kept as frequency_note)", harvest_object, "Import")
            dataset["extras"] = [{"key": "guid", "value": harvest_object.guid}]
            harvest_object.content = json.dumps(dataset)
        return super().import_stage(harvest_object)

    def _owner(self, record: dict, harvest_object) -> str:
        """The record's Tokyo organisation (created with its identifiers if
        missing), else the source's."""
        org = record.get("organization") or {}
        name = org.get("name") or ""
        if name and importer.organization_identifiers(name):
            context = site_user.context()
            try:
                return tk.get_action("organization_show")(dict(context), {"id": name})["id"]
            except tk.ObjectNotFound:
                return tk.get_action("organization_create")(dict(context), importer.map_organization(org))["id"]
        source = model.Package.get(harvest_object.source.id if harvest_object.source else
                                   harvest_object.job.source.id)
        return source.owner_org
