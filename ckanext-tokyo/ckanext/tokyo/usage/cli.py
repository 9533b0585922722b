"""`ckan tokyo usage update`: CKAN's tracking update, then the visitors'
keys it no longer needs are deleted (make run and docker/ run it hourly)."""
from __future__ import annotations

import datetime

import click
import sqlalchemy as sa

import ckan.model as model

from ckanext.tokyo.cli import tokyo

# `ckan tracking update` recounts the days from two before its last one; the
# raw visits of older days are not read again.
RECOUNTED_DAYS = 2


def _last_counted_day() -> datetime.date | None:
    from ckanext.tracking.model import TrackingSummary

    return model.Session.query(sa.func.max(TrackingSummary.tracking_date)).scalar()


def first_day_to_count() -> str | None:
    """None (CKAN's own choice: two days before the last counted) once
    something was counted; before that the day of the first raw visit (CKAN
    would start from 2011 and count every day since)."""
    from ckanext.tracking.model import TrackingRaw

    if _last_counted_day() is not None:
        return None
    first = model.Session.query(sa.func.min(TrackingRaw.access_timestamp)).scalar()
    return (first or datetime.datetime.now()).date().isoformat()


def forget_visitors() -> int:
    """Delete the raw visits (hashed visitor keys) of days already counted
    for good; returns how many were deleted."""
    from ckanext.tracking.model import TrackingRaw

    last = _last_counted_day()
    if last is None:
        return 0
    cutoff = datetime.datetime.combine(last - datetime.timedelta(days=RECOUNTED_DAYS), datetime.time())
    deleted = model.Session.query(TrackingRaw).filter(TrackingRaw.access_timestamp < cutoff).delete(
        synchronize_session=False)
    model.Session.commit()
    return deleted


@tokyo.group("usage")
def usage():
    """Page views and downloads (CKAN's tracking plugin)."""


@usage.command("update")
def update():
    """Count yesterday's and today's visits per dataset page and file, then
    delete the raw visits older than the days counted again next time."""
    from ckanext.tracking.cli.tracking import update_all

    update_all(first_day_to_count())
    click.echo(f"usage: {forget_visitors()} raw visits of counted days deleted")
