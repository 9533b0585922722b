"""Graph → dataset: reads what `tokyo_dcat_ap` writes back into the
``tokyo_schema`` dataset dict (docs/metadata-fields.md), which is what a
harvester using the profile stores. Field-by-field mapping: docs/dcat.md.
"""
from __future__ import annotations

import json
import re

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from ckanext.dcat.profiles.base import ADMS, DCAT, DCT, FOAF, SPDX, VCARD

from ckanext.tokyo.base import codelists
from ckanext.tokyo.dcat import vocab

_SLUG = re.compile(r"^[a-z0-9_-]{2,100}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T")


def _telephone_text(uri: str) -> str:
    number = uri[4:] if uri.startswith("tel:") else uri
    return "0" + number[4:] if number.startswith("+81-") else number


class GraphParser:
    """Reads one dataset of a graph, after ``euro_dcat_ap_3`` has parsed it."""

    def __init__(self, graph, lang: str, dataset_schema: dict | None):
        self.g = graph
        self._lang = lang  # of untagged literals
        self._dataset_schema = dataset_schema  # scheming's; None: every field is kept

    def _translated(self, subject, predicate) -> dict:
        out: dict = {}
        for obj in self.g.objects(subject, predicate):
            if isinstance(obj, Literal) and str(obj).strip():
                out.setdefault(obj.language or self._lang, str(obj))
        return out

    def _keywords_translated(self, subject) -> dict:
        out: dict = {}
        for obj in self.g.objects(subject, DCAT.keyword):
            if isinstance(obj, Literal) and str(obj).strip():
                out.setdefault(obj.language or self._lang, []).append(str(obj))
        return {lang: sorted(values) for lang, values in out.items()}

    def _iris(self, subject, predicate) -> list[str]:
        return sorted(str(o) for o in self.g.objects(subject, predicate) if isinstance(o, URIRef))

    def _standard_ids(self, subject) -> list[str]:
        out = []
        for obj in self.g.objects(subject, DCT.conformsTo):
            ident = self.g.value(obj, DCT.identifier)
            sid = str(ident) if ident is not None else vocab.standard_id_of(str(obj))
            out.append(sid or str(obj))
        return sorted(out)

    def _set(self, target: dict, key: str, value):
        if value not in (None, "", [], {}):
            target[key] = value
        else:
            target.pop(key, None)

    def _schema_fields(self, entity: str) -> set | None:
        if not self._dataset_schema:
            return None
        return {f["field_name"] for f in self._dataset_schema[f"{entity}_fields"]}

    def dataset(self, dataset_dict, dataset_ref):
        """``dataset_dict`` (ckanext-dcat's parse so far) as a tokyo_schema dataset."""
        g = self.g
        fields = self._schema_fields("dataset")
        extras = {e["key"]: e for e in dataset_dict.get("extras", [])}

        def put(key, value):
            # scheming field -> root; otherwise keep it an extra
            extras.pop(key, None)
            if fields is None or key in fields:
                self._set(dataset_dict, key, value)
            elif value not in (None, "", [], {}):
                extras[key] = {"key": key, "value": value if isinstance(value, str) else json.dumps(value)}

        for key, predicate in (("title", DCT.title), ("notes", DCT.description)):
            translated = self._translated(dataset_ref, predicate)
            if translated:
                put(f"{key}_translated", translated)
                dataset_dict[key] = translated.get(self._lang) or next(iter(translated.values()))
        tags = self._keywords_translated(dataset_ref)
        put("tags_translated", tags)
        dataset_dict["tags"] = [{"name": t} for t in tags.get(self._lang, [])]

        # 管理ID -> name
        for ident in g.objects(dataset_ref, ADMS.identifier):
            notation = g.value(ident, SKOS.notation)
            if notation is not None and _SLUG.match(str(notation)):
                dataset_dict["name"] = str(notation)
        extras.pop("alternate_identifier", None)
        dataset_dict.pop("alternate_identifier", None)

        # Publisher is the organisation; the harvest source decides owner_org.
        if fields is not None and "publisher" not in fields:
            dataset_dict.pop("publisher", None)
        creators = [str(g.value(c, FOAF.name)) for c in g.objects(dataset_ref, DCT.creator)
                    if g.value(c, FOAF.name) is not None]
        if creators:
            dataset_dict["maintainer"] = creators[0]
        if fields is not None and "creator" not in fields:
            dataset_dict.pop("creator", None)

        # Licence
        for dist in g.objects(dataset_ref, DCAT.distribution):
            lic = g.value(dist, DCT.license)
            if lic is not None and vocab.licence_id_for_iri(str(lic)):
                dataset_dict["license_id"] = vocab.licence_id_for_iri(str(lic))
                break

        freq = g.value(dataset_ref, DCT.accrualPeriodicity)
        put("frequency", str(freq) if isinstance(freq, URIRef) else dataset_dict.get("frequency"))
        note = g.value(dataset_ref, vocab.TOKYO.frequencyNote)
        put("frequency_note", str(note) if note is not None else None)

        themes, categories = [], []
        for iri in self._iris(dataset_ref, DCAT.theme):
            code = codelists.category_of(iri)
            (categories.append(code) if code else themes.append(iri))
        derived = codelists.themes_for_categories(categories)
        put("category", categories)
        put("theme", derived + [t for t in themes if t not in derived])
        put("language", self._iris(dataset_ref, DCT.language))
        put("documentation", self._iris(dataset_ref, FOAF.page))
        put("conforms_to", self._standard_ids(dataset_ref))

        spatial = []
        for node in g.objects(dataset_ref, DCT.spatial):
            item = {"uri": str(node)} if isinstance(node, URIRef) else {}
            label = self._translated(node, SKOS.prefLabel) or self._translated(node, RDFS.label)
            if label:
                item["text"] = label.get(self._lang) or next(iter(label.values()))
            if item:
                spatial.append(item)
        for key in ("spatial_uri", "spatial_text", "spatial"):
            extras.pop(key, None)
        put("spatial_coverage", sorted(spatial, key=lambda i: i.get("uri", "")))

        sub = self._subfields("contact")
        parsed = []
        for node in g.objects(dataset_ref, DCAT.contactPoint):
            details = self._contact_details_of(node)
            details = {k: v for k, v in details.items() if v and (sub is None or k in sub)}
            if details and details != {"name": dataset_dict.get("maintainer")}:
                parsed.append(details)
        put("contact", sorted(parsed, key=lambda c: (c.get("name", ""), c.get("email", ""))))

        dataset_dict["extras"] = [e for e in extras.values() if e["key"] not in ("homepage",)]

        for key in ("issued", "modified"):
            if _DATETIME.match(str(dataset_dict.get(key) or "")):
                dataset_dict[key] = dataset_dict[key][:10]

        distributions = {str(d): d for d in g.objects(dataset_ref, DCAT.distribution)}
        for resource_dict in dataset_dict.get("resources", []):
            dist = distributions.get(resource_dict.get("distribution_ref"))
            if dist is not None:
                self._parse_distribution(resource_dict, dist, dataset_dict)
        return dataset_dict

    def _subfields(self, field_name: str) -> set | None:
        field = next((f for f in (self._dataset_schema or {}).get("dataset_fields", [])
                      if f["field_name"] == field_name), None)
        if not field or "repeating_subfields" not in field:
            return None
        return {s["field_name"] for s in field["repeating_subfields"]}

    def _contact_details_of(self, node) -> dict:
        g = self.g
        out = {"uri": str(node) if isinstance(node, URIRef) else ""}
        fn = self._translated(node, VCARD.fn)
        out["name"] = fn.get(self._lang) or next(iter(fn.values()), "")
        email = g.value(node, VCARD.hasEmail)
        out["email"] = str(email).replace("mailto:", "") if email is not None else ""
        url = g.value(node, VCARD.hasURL)
        out["url"] = str(url) if url is not None else ""
        uid = g.value(node, VCARD.hasUID)
        out["identifier"] = str(uid) if uid is not None else ""
        tel = g.value(node, VCARD.hasTelephone)
        if tel is not None:
            value = g.value(tel, VCARD.hasValue) if isinstance(tel, BNode) else tel
            out["telephone"] = _telephone_text(str(value))
        return out

    def _parse_distribution(self, resource_dict, dist, dataset_dict):
        g = self.g
        for key, predicate in (("name", DCT.title), ("description", DCT.description)):
            translated = self._translated(dist, predicate)
            self._set(resource_dict, f"{key}_translated", translated)
            if translated:
                resource_dict[key] = translated.get(self._lang) or next(iter(translated.values()))
        fmt = g.value(dist, DCT["format"])
        if isinstance(fmt, URIRef) and vocab.format_for_file_type(str(fmt)):
            resource_dict["format"] = vocab.format_for_file_type(str(fmt))
        elif isinstance(fmt, BNode) and g.value(fmt, RDFS.label) is not None:
            resource_dict["format"] = str(g.value(fmt, RDFS.label))
        media = g.value(dist, DCAT.mediaType)
        if media is not None:
            resource_dict["mimetype"] = vocab.media_type_of(str(media))
        url = resource_dict.get("url")
        for key in ("access_url", "download_url"):
            if resource_dict.get(key) == url:
                resource_dict.pop(key)
        lic = resource_dict.pop("license", None)
        if lic and vocab.licence_id_for_iri(lic) not in (None, dataset_dict.get("license_id")):
            resource_dict["license"] = lic
        checksum = g.value(dist, SPDX.checksum)
        if checksum is not None:
            self._set(resource_dict, "hash", str(g.value(checksum, SPDX.checksumValue) or ""))
            algorithm = g.value(checksum, SPDX.algorithm)
            self._set(resource_dict, "hash_algorithm",
                      vocab.algorithm_name(str(algorithm)) if algorithm is not None else None)
        encoding = g.value(dist, vocab.CNT.characterEncoding)
        self._set(resource_dict, "encoding", str(encoding) if encoding is not None else None)
        self._set(resource_dict, "language", self._iris(dist, DCT.language))
        self._set(resource_dict, "conforms_to", self._standard_ids(dist))
        if _DATETIME.match(str(resource_dict.get("modified") or "")):
            resource_dict["modified"] = resource_dict["modified"][:10]
        resource_dict.pop("distribution_ref", None)
