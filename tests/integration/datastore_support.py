"""Shared pieces of the tokyo_datastore tests: a clean DataStore database,
the load jobs run by a real RQ worker in this process, and test files."""
from __future__ import annotations

import pytest
from sqlalchemy import orm

from tests.integration.validation_support import DEMO_FILES

PLUGINS = "activity tokyo_validation tokyo_datastore datastore datatables_view"

# Real rows: the demo's 新宿区 nursery list (its facility names), written in
# the current 05 preschool layout and saved as CP932 (what many ward
# systems still export). Codes with leading zeros, dates, coordinates.
PRESCHOOL_HEADER = ["全国地方公共団体コード", "ID", "地方公共団体名", "名称", "名称_カナ", "郵便番号", "電話番号",
                    "緯度", "経度", "認可等年月日", "収容定員", "開始時間", "終了時間"]
PRESCHOOL_ROWS = [
    ["131041", "000001", "新宿区", "新宿区立西新宿保育園", "シンジュククリツニシシンジュクホイクエン", "160-0023",
     "03-3377-8800", "35.690950", "139.688610", "2020-04-01", "120", "07:15", "18:15"],
    ["131041", "000002", "新宿区", "新宿区立大久保第一保育園", "シンジュククリツオオクボダイイチホイクエン", "169-0072",
     "03-3200-0000", "35.700930", "139.706380", "1998-10-01", "90", "07:30", "18:30"],
    ["131041", "000010", "新宿区", "新宿区立高田馬場第二保育園", "シンジュククリツタカダノババダイニホイクエン", "169-0075",
     "03-3364-0000", "35.712990", "139.704100", "2005-04-01", "", "07:15", "18:15"],
]


def preschool_cp932() -> bytes:
    lines = [",".join(PRESCHOOL_HEADER)] + [",".join(row) for row in PRESCHOOL_ROWS]
    return ("\r\n".join(lines) + "\r\n").encode("cp932")


def toilet_csv() -> bytes:
    return (DEMO_FILES / "131041_public_toilet.csv").read_bytes()


@pytest.fixture
def datastore_db(with_plugins, clean_db, clean_index, migrate_db_for):
    """Empty main and DataStore databases with the plugin tables."""
    from ckanext.datastore.backend.postgres import get_write_engine
    from ckanext.datastore.tests.helpers import clear_db

    clear_db(orm.scoped_session(orm.sessionmaker(bind=get_write_engine())))
    migrate_db_for("activity")
    migrate_db_for("tokyo_validation")
    migrate_db_for("tokyo_datastore")
    _queue().empty()
    yield
    _queue().empty()


def _queue():
    from ckan.lib import jobs as bg

    from ckanext.tokyo.catalog_datastore import settings

    return bg.get_queue(settings.get("queue"))


def run_queued_jobs() -> int:
    """Run what is queued with RQ's in-process worker (the jobs CKAN's
    worker would run, in this test's CKAN config). Returns how many ran."""
    from rq import SimpleWorker

    queue = _queue()
    count = queue.count
    SimpleWorker([queue], connection=queue.connection).work(burst=True)
    return count
