"""Actions: the load of a resource, and loading it again."""
from __future__ import annotations

import ckan.model as model
import ckan.plugins.toolkit as tk

from . import jobs
from .model import ResourceLoad, table_exists


def _resource(data_dict):
    resource_id = data_dict.get("resource_id") or data_dict.get("id")
    if not resource_id:
        raise tk.ValidationError({"resource_id": ["Missing value"]})
    resource = model.Resource.get(resource_id)
    if resource is None or resource.state != "active":
        raise tk.ObjectNotFound("Resource not found")
    return resource


@tk.side_effect_free
def tokyo_datastore_load_show(context, data_dict):
    """The DataStore load of a resource.

    :param resource_id: the resource id (``id`` is accepted too)
    :returns: ``{"status", "reason", "detail", "rows", "columns", "sha256",
        "schema", "encoding", "finished", …}``; ``columns`` lists each
        DataStore column with its type, the heading in the file and, when a
        value kept a typed column as text, that value and its row
    """
    tk.check_access("tokyo_datastore_load_show", context, data_dict)
    resource = _resource(data_dict)
    row = ResourceLoad.get(resource.id) if table_exists() else None
    if row is None:
        raise tk.ObjectNotFound("This resource has not been loaded")
    return row.as_dict()


def tokyo_datastore_load(context, data_dict):
    """Queue the load of a resource (it follows its latest validation).

    :param resource_id: the resource id (``id`` is accepted too)
    """
    tk.check_access("tokyo_datastore_load", context, data_dict)
    resource = _resource(data_dict)
    if not table_exists():
        raise tk.ValidationError({"tokyo_datastore": ["run `ckan db upgrade -p tokyo_datastore`"]})
    row = jobs.mark_pending(resource.id, resource.package_id)
    queued = jobs.queue(resource.id)
    return {"resource_id": resource.id, "status": row.status, "queued": queued}


def get_actions():
    return {"tokyo_datastore_load_show": tokyo_datastore_load_show, "tokyo_datastore_load": tokyo_datastore_load}
