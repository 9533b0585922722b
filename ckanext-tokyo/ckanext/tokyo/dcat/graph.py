"""Dataset → graph: what `tokyo_dcat_ap` adds to the graph ``euro_dcat_ap_3``
wrote for a dataset or a catalog page (docs/dcat.md has the mapping).

One ``GraphBuilder`` per call of the profile; what it has written to a graph
is remembered per graph (``memo``), so a catalog page types and labels each
vocabulary IRI once.
"""
from __future__ import annotations

import functools
import re
from urllib.parse import quote

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

import ckan.plugins.toolkit as tk

from ckanext.dcat.profiles.base import ADMS, DCAT, DCT, FOAF, LOCN, SPDX, VCARD, CleanedURIRef
from ckanext.dcat.utils import catalog_uri, publisher_uri_organization_fallback, resource_uri

from ckanext.tokyo import compat
from ckanext.tokyo.base import codelists, identifiers, standards
from ckanext.tokyo.base.values import value_list
from ckanext.tokyo.dcat import memo, prefixes, vocab
from ckanext.tokyo.dcat.prefixes import DQV

TEXT_PREDICATES = (DCT.title, DCT.description, DCAT.keyword)

CATALOG_TEXT_DEFAULTS = {
    ("title", "ja"): "東京都オープンデータカタログ",
    ("title", "en"): "Tokyo Metropolitan Government Open Data Catalog",
    ("description", "ja"): "東京都と区市町村が公開するオープンデータのカタログです。",
    ("description", "en"): "Open data published by the Tokyo Metropolitan Government "
                           "and the municipalities of Tokyo.",
}


def catalog_text(key: str, lang: str) -> str:
    return tk.config.get(f"ckanext.tokyo.dcat.catalog_{key}_{lang}") or CATALOG_TEXT_DEFAULTS[(key, lang)]


@functools.cache
def local_government(code: str):
    return identifiers.tokyo_local_government(code)


@functools.cache
def hojin_ref(corporate_number: str) -> URIRef:
    return URIRef(identifiers.hojin_uri(corporate_number))


@functools.cache
def hojin_record_ref(corporate_number: str) -> URIRef:
    return URIRef(identifiers.hojin_record_uri(corporate_number))


@functools.cache
def category(code: str):
    return codelists.category(code)


@functools.cache
def lg_code_of_sac(uri: str) -> str | None:
    """6-digit 全国地方公共団体コード of an e-Stat SAC IRI (C + JIS code)."""
    jis = uri[len(identifiers.SAC_BASE):]
    if uri.startswith(identifiers.SAC_BASE) and len(jis) == 5 and jis.isdigit():
        return jis + identifiers.lg_code_check_digit(jis)
    return None


def local_government_of(corporate_number: str):
    """The Tokyo local government whose 法人番号 this is, or None."""
    if len(corporate_number) == 13 and corporate_number[1:7] == "000020":
        return local_government(corporate_number[7:])
    return None


def _telephone_uri(number: str) -> str:
    """03-5388-2498 / 03(5388)2498 -> tel:+81-3-5388-2498 (RFC 3966)."""
    digits = re.sub(r"[()\s（）]+", "-", number.strip()).strip("-")
    digits = re.sub(r"-+", "-", digits)
    if digits.startswith("0"):
        digits = "+81-" + digits[1:]
    return "tel:" + digits


# ckanext-dcat's CleanedURIRef quotes these characters one str.replace (and
# one urllib quote) at a time; the same mapping as one translate table.
_URI_QUOTES = str.maketrans({c: quote(c) for c in " !\"$'()*,;<>[]{|}\\^`"})


def cleaned_uri(value: str) -> URIRef:
    """``CleanedURIRef(value)`` for a string, in one pass."""
    return URIRef(value.strip().translate(_URI_QUOTES))


def _fluent_only(data: dict, key: str, plain_key: str | None = None) -> bool:
    """True if ``euro_dcat_ap_3`` wrote this text field as non-empty,
    language-tagged literals only (or wrote nothing), i.e. there is nothing
    to retag or drop. It writes ``<field>_translated`` when the key is there,
    else the plain field."""
    if key not in data:
        return not (plain_key and data.get(plain_key))
    value = data[key]
    if not value:
        return True
    if not isinstance(value, dict):
        return False
    for lang, texts in value.items():
        for text in texts if isinstance(texts, (list, tuple)) else (texts,):
            if not lang or not isinstance(text, str) or not text.strip():
                return False
    return True


class GraphBuilder:
    """Adds the Japanese alignment to one graph (``euro_dcat_ap_3`` output)."""

    def __init__(self, graph, lang: str):
        self.g = graph
        self._lang = lang  # of plain (untagged) text
        self._w = memo.of(graph)

    # ------------------------------------------------------------ helpers

    def _bind(self):
        """The feed's prefixes, once per graph (docs: ``prefixes``)."""
        if not self._w.bound:
            prefixes.bind(self.g, self._w.catalog)
            self._w.bound = True

    def _described(self, node, rdf_type) -> bool:
        """True if node already has rdf_type here; else type it, return False."""
        known = self._w.types.setdefault(node, set())
        if rdf_type in known:
            return True
        known.add(rdf_type)
        if (node, RDF.type, rdf_type) in self.g:
            return True
        self.g.add((node, RDF.type, rdf_type))
        return False

    def _type(self, node, rdf_type):
        """Type node (once per graph)."""
        known = self._w.types.setdefault(node, set())
        if rdf_type not in known:
            known.add(rdf_type)
            self.g.add((node, RDF.type, rdf_type))

    def _drop_node(self, node):
        """Remove every triple of node (euro_dcat_ap_3 output replaced)."""
        self.g.remove((node, None, None))
        w = self._w
        w.types.pop(node, None)
        w.labelled.discard(node)
        w.located.discard(node)

    def _labels(self, node, labels, predicate=SKOS.prefLabel):
        for lang, text in (labels or {}).items():
            if text:
                self.g.add((node, predicate, Literal(text, lang=lang)))

    def _concept(self, iri: str, labels: dict | None, scheme: str | None = None) -> URIRef:
        node = URIRef(iri)
        if not self._described(node, SKOS.Concept):
            self._labels(node, labels or {"en": iri.rsplit("/", 1)[-1]})
            if scheme:
                self.g.add((node, SKOS.inScheme, URIRef(scheme)))
        return node

    def _tag_languages(self, subject):
        """Plain titles/descriptions/keywords become @<default language>;
        empty ones go."""
        g = self.g
        for predicate in TEXT_PREDICATES:
            for obj in list(g.objects(subject, predicate)):
                if not isinstance(obj, Literal):
                    continue
                if not str(obj).strip():
                    g.remove((subject, predicate, obj))
                elif not obj.language:
                    g.remove((subject, predicate, obj))
                    g.add((subject, predicate, Literal(str(obj), lang=self._lang)))

    def _organization(self, dataset_dict) -> tuple[dict | None, str | None]:
        """(stored fields, 法人番号 or None) of the dataset's organisation."""
        org = dataset_dict.get("organization")
        if not org:
            return None, None
        cache = self._w.orgs
        if org["id"] not in cache:
            # The stored fields only (organization_show would also count the
            # organisation's datasets in Solr). A catalog page reads every
            # organisation in one query (Tokyo has 95; a page of 100 datasets
            # may name dozens), a dataset's document only its own.
            found = compat.group_extras(every=True) if self._w.page else compat.group_extras(ids=[org["id"]])
            for group in found.values():
                stored = dict(group["extras"], title=group["title"], name=group["name"])
                cache[group["id"]] = (stored, self._org_corporate_number(stored))
            cache.setdefault(org["id"], (None, None))  # deleted since: no publisher of ours
        return cache[org["id"]]

    # ------------------------------------------------------------ agents

    def _legal_entity(self, number: str, org: dict | None = None) -> URIRef:
        """foaf:Organization for a 法人番号; names from the code list for
        Tokyo's local governments, otherwise from the organisation."""
        ref = hojin_ref(number)
        if self._described(ref, FOAF.Organization):
            return ref
        g = self.g
        g.add((ref, RDF.type, FOAF.Agent))
        lg = local_government_of(number)
        org = org or {}
        if number == identifiers.TOKYO_CORPORATE_NUMBER:
            names = dict(vocab.TOKYO_NAME)
        elif lg:
            names = {"ja": lg.name, "en": lg.name_en}
            if org.get("title") == lg.name and org.get("title_en"):
                names["en"] = org["title_en"]
        else:
            names = {"ja": org.get("title"), "en": org.get("title_en")}
        self._labels(ref, names, FOAF.name)
        g.add((ref, RDFS.seeAlso, hojin_record_ref(number)))
        g.add((ref, DCT.identifier, Literal(number)))
        ident = BNode()
        g.add((ref, ADMS.identifier, ident))
        g.add((ident, RDF.type, ADMS.Identifier))
        g.add((ident, SKOS.notation, Literal(number)))
        if lg:
            kind = vocab.ADMS_PUBLISHER_TYPE + "LocalAuthority"
            g.add((ref, DCT.type, self._concept(kind, {"en": "Local Authority"})))
            g.add((ref, DCT.spatial, self._location(lg.code)))
            if not org.get("url") and lg.code == identifiers.TOKYO_CODE:
                g.add((ref, FOAF.homepage, URIRef("https://www.metro.tokyo.lg.jp/")))
        if org.get("url") and (not lg or org.get("title") == lg.name):
            g.add((ref, FOAF.homepage, CleanedURIRef(org["url"])))
        return ref

    def _org_corporate_number(self, org: dict) -> str | None:
        number = (org.get("corporate_number") or "").strip()
        if identifiers.is_corporate_number(number):
            return number
        for code in (org.get("local_government_code"), org.get("parent_organization")):
            code = (code or "").strip()
            if identifiers.is_lg_code(code):
                return identifiers.corporate_number_of_local_government(code)
        return None

    def _publisher(self, dataset_dict, dataset_ref):
        org, number = self._organization(dataset_dict)
        if not org:
            return
        g = self.g
        fallbacks = self._w.fallbacks  # ckanext-dcat's organisation IRI, once per organisation and page
        org_id = dataset_dict["organization"]["id"]
        fallback = fallbacks.get(org_id)
        if fallback is None:
            fallback = fallbacks[org_id] = URIRef(publisher_uri_organization_fallback(dataset_dict))
        if not number:
            # No 法人番号: keep euro_dcat_ap_3's organisation node, name it.
            if (dataset_ref, DCT.publisher, fallback) in g:
                g.add((fallback, RDF.type, FOAF.Organization))
                if org.get("title_en"):
                    g.add((fallback, FOAF.name, Literal(org["title_en"], lang="en")))
            return
        for old in list(g.objects(dataset_ref, DCT.publisher)):
            g.remove((dataset_ref, DCT.publisher, old))
            if old == fallback or isinstance(old, BNode):
                self._drop_node(old)
        g.add((dataset_ref, DCT.publisher, self._legal_entity(number, org)))

    # ------------------------------------------------------------ places

    def _location(self, lg_code: str, text: str | None = None) -> URIRef:
        """The SAC IRI, described once per graph: type, @ja and @en labels,
        the 5-digit code as e-Stat writes it, owl:sameAs the dated standard
        area code."""
        ref = URIRef(identifiers.SAC_BASE + lg_code[:5])
        located = self._w.located
        if ref not in located:
            located.add(ref)
            self.g.add((ref, RDF.type, DCT.Location))
            if (ref, DCT.identifier, None) not in self.g:
                lg = local_government(lg_code)
                self.g.add((ref, SKOS.prefLabel, Literal(text or (lg.name if lg else lg_code), lang="ja")))
                if lg:
                    self.g.add((ref, SKOS.prefLabel, Literal(lg.name_en, lang="en")))
                    self.g.add((ref, OWL.sameAs, URIRef(lg.sac_dated_uri)))
                self.g.add((ref, DCT.identifier, Literal(lg_code[:5])))
        return ref

    def _spatial(self, dataset_dict, dataset_ref):
        g = self.g
        places = []  # (6-digit code, item, IRI euro_dcat_ap_3 used)
        for item in value_list(dataset_dict.get("spatial_coverage")):
            if not isinstance(item, dict):
                continue
            uri = (item.get("uri") or "").strip()
            code = lg_code_of_sac(uri)
            if not code and identifiers.is_lg_code(item.get("code") or uri):
                code = item.get("code") or uri
            if code:
                places.append((code, item, URIRef(uri)))
        if not places:
            return
        # euro_dcat_ap_3 wrote a plain label on each (or a blank node): drop
        # those, the SAC IRIs get @ja labels below.
        written = {uri for _, _, uri in places}
        for old in list(g.objects(dataset_ref, DCT.spatial)):
            if isinstance(old, BNode) or old in written:
                for label in list(g.objects(old, SKOS.prefLabel)):
                    if isinstance(label, Literal) and not label.language:
                        g.remove((old, SKOS.prefLabel, label))
                if isinstance(old, BNode) and (old, LOCN.geometry, None) not in g:
                    g.remove((dataset_ref, DCT.spatial, old))
                    self._drop_node(old)
        for code, item, _ in places:
            g.add((dataset_ref, DCT.spatial, self._location(code, item.get("text"))))

    # ------------------------------------------------------------ vocabularies

    def _themes(self, dataset_dict, dataset_ref):
        g = self.g
        for theme in value_list(dataset_dict.get("theme")):
            labels = vocab.theme_labels(theme)
            self._concept(theme, labels, vocab.THEME_SCHEME if labels else None)
        base = self._w.catalog
        for code in value_list(dataset_dict.get("category")):
            cat = category(code)
            if cat:
                node = self._concept(codelists.category_uri(base, cat.code), cat.label,
                                     codelists.category_scheme_uri(base))
                g.add((dataset_ref, DCAT.theme, node))

    def _coded_values(self, dataset_dict, dataset_ref):
        g = self.g
        labelled = self._w.labelled
        freq = codelists.frequency(dataset_dict.get("frequency") or "")
        if freq and freq.uri not in labelled:
            labelled.add(freq.uri)
            node = URIRef(freq.uri)
            if (node, SKOS.prefLabel, None) not in g:
                self._labels(node, freq.label)
        rights = codelists.lookup(codelists.access_rights(), dataset_dict.get("access_rights") or "")
        if rights and rights.uri not in labelled:
            labelled.add(rights.uri)
            node = URIRef(rights.uri)
            if (node, SKOS.prefLabel, None) not in g:
                self._labels(node, rights.label)
        note = (dataset_dict.get("frequency_note") or "").strip()
        if note:
            g.add((dataset_ref, vocab.TOKYO.frequencyNote, Literal(note, lang=self._lang)))

    def _conforms_to(self, subject, values):
        """Standard ids -> <catalog>/standard/<id> (dct:Standard, titled)."""
        if not values:
            return  # euro_dcat_ap_3 wrote none either
        g = self.g
        for obj in list(g.objects(subject, DCT.conformsTo)):
            if isinstance(obj, Literal):
                g.remove((subject, DCT.conformsTo, obj))
        base = self._w.catalog
        for value in value_list(values):
            if value.startswith(("http://", "https://")):
                continue  # euro_dcat_ap_3 added and typed it
            ref = URIRef(vocab.standard_uri(base, value))
            g.add((subject, DCT.conformsTo, ref))
            if self._described(ref, DCT.Standard):
                continue
            g.add((ref, DCT.identifier, Literal(value)))
            try:
                info = standards.info(value)
            except KeyError:
                continue
            self._labels(ref, {"ja": info.title, "en": info.title_en}, DCT.title)

    # ------------------------------------------------------------ contact, creator

    def _contacts(self, dataset_dict, dataset_ref):
        g = self.g
        contacts = [c for c in value_list(dataset_dict.get("contact")) if isinstance(c, dict)]
        # euro_dcat_ap_3 also makes a vcard:Organization from `maintainer`:
        # dropped when there are contact points (maintainer is dct:creator),
        # else kept as the contact, typed vcard:Kind for SHACL.
        nodes = []
        for node in list(g.objects(dataset_ref, DCAT.contactPoint)):
            if (node, RDF.type, VCARD.Organization) in g:
                if contacts:
                    g.remove((dataset_ref, DCAT.contactPoint, node))
                    self._drop_node(node)
                    continue
                g.add((node, RDF.type, VCARD.Kind))
            nodes.append(node)
        for contact in contacts:
            phone = (contact.get("telephone") or "").strip()
            if not phone:
                continue
            for node in nodes:
                if self._contact_matches(node, contact):
                    g.add((node, VCARD.hasTelephone, URIRef(_telephone_uri(phone))))
                    break

    def _contact_matches(self, node, contact) -> bool:
        name = contact.get("name") or ""
        email = contact.get("email") or ""
        return any(str(o) == name for o in self.g.objects(node, VCARD.fn)) or (
            email and (node, VCARD.hasEmail, URIRef("mailto:" + email)) in self.g)

    def _creator(self, dataset_dict, dataset_ref):
        """maintainer (所管部署) -> dct:creator, an organisational unit."""
        section = (dataset_dict.get("maintainer") or "").strip()
        if not section:
            return
        g = self.g
        node = BNode()
        g.add((dataset_ref, DCT.creator, node))
        g.add((node, RDF.type, FOAF.Organization))
        g.add((node, RDF.type, FOAF.Agent))
        g.add((node, FOAF.name, Literal(section, lang=self._lang)))

    def _name(self, dataset_dict, dataset_ref):
        """The dataset's 管理ID (CKAN name) as adms:identifier."""
        name = dataset_dict.get("name")
        if not name:
            return
        node = BNode()
        self.g.add((dataset_ref, ADMS.identifier, node))
        self.g.add((node, RDF.type, ADMS.Identifier))
        self.g.add((node, SKOS.notation, Literal(name)))

    # ------------------------------------------------------------ distributions

    def _licence_node(self, dataset_dict, resource_dict):
        lic = vocab.licence(resource_dict.get("license") or dataset_dict.get("license_id"))
        if lic:
            node = URIRef(lic.iri)
        elif dataset_dict.get("license_url"):
            node = CleanedURIRef(dataset_dict["license_url"])
        else:
            return None
        if not self._described(node, DCT.LicenseDocument):
            title = dataset_dict.get("license_title")
            if title and lic and lic.ckan_id == (dataset_dict.get("license_id")):
                self.g.add((node, DCT.title, Literal(title, lang=self._lang)))
            for kind in (lic.types if lic else ()):
                self.g.add((node, DCT.type, self._concept(
                    vocab.ADMS_LICENCE_TYPE + kind, {"en": vocab.ADMS_LICENCE_TYPE_LABELS[kind]})))
        return node

    def _rights_node(self, dataset_dict, resource_dict):
        """dct:rights: what the licence lets anyone do, in words
        (dct:RightsStatement with ja/en labels, once per graph)."""
        lic = vocab.licence(resource_dict.get("license") or dataset_dict.get("license_id"))
        if not lic:
            return None
        node = URIRef(lic.rights)
        if not self._described(node, DCT.RightsStatement):
            self._labels(node, vocab.LICENCE_RIGHTS[lic.ckan_id], RDFS.label)
        return node

    def _distribution(self, dataset_dict, resource_dict, dataset_ref):
        g = self.g
        dist = cleaned_uri(resource_uri(resource_dict))
        if not (_fluent_only(resource_dict, "name_translated", "name")
                and _fluent_only(resource_dict, "description_translated", "description")):
            self._tag_languages(dist)

        # Licence (DCAT-AP: on the distribution), from the dataset's.
        for old in list(g.objects(dist, DCT.license)):
            g.remove((dist, DCT.license, old))
            g.remove((old, DCT.type, URIRef(vocab.ADMS_LICENCE_TYPE + "UnknownIPR")))
        licence = self._licence_node(dataset_dict, resource_dict)
        if licence is not None:
            g.add((dist, DCT.license, licence))
        rights = self._rights_node(dataset_dict, resource_dict)
        if rights is not None:
            g.add((dist, DCT.rights, rights))

        # Format and media type: EU file type + IANA, both typed.
        for predicate in (DCT["format"], DCAT.mediaType):
            for old in list(g.objects(dist, predicate)):
                g.remove((dist, predicate, old))
        fmt = resource_dict.get("format") or ""
        file_type, media = vocab.file_type(fmt)
        if not media and "/" in (resource_dict.get("mimetype") or ""):
            media = vocab.IANA_BASE + resource_dict["mimetype"]
        if file_type:
            node = URIRef(file_type)
            g.add((dist, DCT["format"], node))
            self._type(node, DCT.MediaTypeOrExtent)
        elif fmt:
            # Not in the format table: the catalog's own IRI for it, labelled
            # (one node per format and page, not a blank node per resource).
            node = URIRef(vocab.local_format_uri(self._w.catalog, fmt))
            g.add((dist, DCT["format"], node))
            if not self._described(node, DCT.MediaTypeOrExtent):
                g.add((node, RDFS.label, Literal(fmt)))
        if media:
            node = URIRef(media)
            g.add((dist, DCAT.mediaType, node))
            self._type(node, DCT.MediaType)

        # URLs: accessURL always; downloadURL for files.
        url = (resource_dict.get("url") or "").strip()
        if url:
            url_ref = cleaned_uri(url)
            g.add((dist, DCAT.accessURL, url_ref))
            if resource_dict.get("url_type") == "upload" or (file_type and vocab.format_for_file_type(file_type) != "HTML"):
                g.add((dist, DCAT.downloadURL, url_ref))
        elif (dist, DCAT.accessURL, None) not in g:
            g.add((dist, DCAT.accessURL, URIRef(f"{self._w.catalog.rstrip('/')}/dataset/"
                                                f"{dataset_dict.get('id')}/resource/{resource_dict.get('id')}")))

        # Checksum: only a valid hex value with a known algorithm
        # (euro_dcat_ap_3 wrote the raw `hash`).
        if resource_dict.get("hash"):
            for old in list(g.objects(dist, SPDX.checksum)):
                g.remove((dist, SPDX.checksum, old))
                self._drop_node(old)
        found = vocab.checksum(resource_dict.get("hash"), resource_dict.get("hash_algorithm"))
        if found:
            value, algorithm = found
            node = BNode()
            g.add((dist, SPDX.checksum, node))
            g.add((node, RDF.type, SPDX.Checksum))
            g.add((node, SPDX.checksumValue, Literal(value, datatype=XSD.hexBinary)))
            g.add((node, SPDX.algorithm, URIRef(algorithm)))
            self._type(URIRef(algorithm), SPDX.ChecksumAlgorithm)

        encoding = (resource_dict.get("encoding") or "").strip()
        if encoding:
            g.add((dist, vocab.CNT.characterEncoding, Literal(encoding)))

        self._conforms_to(dist, resource_dict.get("conforms_to"))

    # ------------------------------------------------------------ dataset, catalog

    def add_dataset(self, dataset_dict, dataset_ref):
        """What this profile adds to the dataset euro_dcat_ap_3 wrote."""
        self._bind()
        if not (_fluent_only(dataset_dict, "title_translated", "title")
                and _fluent_only(dataset_dict, "notes_translated", "notes")
                and _fluent_only(dataset_dict, "tags_translated", "tags")):
            self._tag_languages(dataset_ref)
        self._publisher(dataset_dict, dataset_ref)
        self._creator(dataset_dict, dataset_ref)
        self._name(dataset_dict, dataset_ref)
        self._spatial(dataset_dict, dataset_ref)
        self._themes(dataset_dict, dataset_ref)
        self._coded_values(dataset_dict, dataset_ref)
        self._conforms_to(dataset_ref, dataset_dict.get("conforms_to"))
        self._contacts(dataset_dict, dataset_ref)
        for resource_dict in dataset_dict.get("resources", []):
            self._distribution(dataset_dict, resource_dict, dataset_ref)
        self._quality(dataset_dict, dataset_ref)

    # ------------------------------------------------------------ quality (DQV)

    def _quality(self, dataset_dict, dataset_ref):
        """The metadata quality score (tokyo_quality) as DQV
        measurements: the total, and in a dataset's own document also one
        per MQA dimension (a catalog page keeps to the total: six
        measurements a dataset would make a page half as large again)."""
        found = dataset_dict.get("metadata_quality")  # put on the dict by tokyo_quality
        if not isinstance(found, dict) or "score" not in found:
            return
        g = self.g
        values = [("score", found["score"])]
        if not self._w.page:
            values += list((found.get("dimensions") or {}).items())
        for name, value in values:
            node = BNode()
            g.add((dataset_ref, DQV.hasQualityMeasurement, node))
            g.add((node, RDF.type, DQV.QualityMeasurement))
            g.add((node, DQV.isMeasurementOf, self._metric(name)))
            g.add((node, DQV.value, Literal(value, datatype=XSD.integer)))

    def _metric(self, name: str) -> URIRef:
        """tokyo:<name>Points, a dqv:Metric in its MQA dimension (once per graph)."""
        metric = vocab.TOKYO[f"{name}Points"]
        if not self._described(metric, DQV.Metric):
            if name != "score":
                self.g.add((metric, DQV.inDimension, URIRef(vocab.METRIC_BASE + name)))
            self.g.add((metric, SKOS.definition, Literal(
                vocab.QUALITY_METRIC_DEFINITIONS.get(name, name), lang="en")))
            self.g.add((metric, DQV.expectedDataType, XSD.integer))
        return metric

    def add_catalog(self, catalog_dict, catalog_ref):
        """What this profile adds to the catalog (a page) euro_dcat_ap_3 wrote."""
        g = self.g
        self._bind()
        self._w.page = True
        catalog_dict = catalog_dict or {}
        for predicate in (DCT.title, DCT.description, DCT.language):
            g.remove((catalog_ref, predicate, None))
        for key, predicate in (("title", DCT.title), ("description", DCT.description)):
            for lang in ("ja", "en"):
                text = catalog_dict.get(f"{key}_{lang}") or catalog_text(key, lang)
                g.add((catalog_ref, predicate, Literal(text, lang=lang)))
        for lang in codelists.languages():
            if lang.code in ("JPN", "ENG"):
                node = URIRef(lang.uri)
                g.add((catalog_ref, DCT.language, node))
                g.add((node, RDF.type, DCT.LinguisticSystem))
        for homepage in g.objects(catalog_ref, FOAF.homepage):
            g.add((homepage, RDF.type, FOAF.Document))
        g.add((catalog_ref, DCT.publisher, self._legal_entity(identifiers.TOKYO_CORPORATE_NUMBER)))
        g.add((catalog_ref, DCT.spatial, self._location(identifiers.TOKYO_CODE)))
        scheme = URIRef(vocab.THEME_SCHEME)
        g.add((catalog_ref, DCAT.themeTaxonomy, scheme))
        g.add((scheme, RDF.type, SKOS.ConceptScheme))
        self._labels(scheme, {"en": "Data theme", "ja": "データテーマ（EU）"}, DCT.title)
        categories = URIRef(codelists.category_scheme_uri(catalog_uri()))
        g.add((catalog_ref, DCAT.themeTaxonomy, categories))
        g.add((categories, RDF.type, SKOS.ConceptScheme))
        self._labels(categories, {"ja": "東京都オープンデータカタログのカテゴリ",
                                  "en": "Categories of the Tokyo open data catalog"}, DCT.title)
