"""Actions (names as in ckanext-validation, plus the catalog summary)."""
from __future__ import annotations

from typing import Any

import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.tokyo.validation.frictionless_report import to_frictionless

from . import jobs, resources, settings, statuses
from .model import ResourceValidation, table_exists
from .summary import Scope, summary

SHAPE_TOKYO, SHAPE_FRICTIONLESS = "tokyo", "frictionless"
# Our statuses in ckanext-validation's words (a queued run is "created" there).
VALIDATION_STATUS = {statuses.PENDING: "created"}


def _resource(context: dict[str, Any], data_dict: dict[str, Any]) -> dict[str, Any]:
    resource_id = data_dict.get("resource_id") or data_dict.get("id")
    if not resource_id:
        raise tk.ValidationError({"resource_id": ["Missing value"]})
    resource = model.Resource.get(resource_id)
    if resource is None or resource.state != "active":
        raise tk.ObjectNotFound("Resource not found")
    return tk.get_action("resource_show")({"ignore_auth": True, "user": context.get("user")},
                                          {"id": resource.id})


def _require_table() -> None:
    if not table_exists():
        raise tk.ValidationError({"tokyo_validation": [
            "the validation table is missing: run `ckan db upgrade -p tokyo_validation`"]})


def resource_validation_run(context, data_dict):
    """Validate a resource now (queued, or inline with ``async: false``).

    :param resource_id: the resource id (``id`` is accepted too)
    :param async: queue the job (default true); false runs it in this request
        (sysadmins only; others are queued)
    :returns: ``{"status", "resource_id", "job_id"}``
    """
    tk.check_access("resource_validation_run", context, data_dict)
    resource = _resource(context, data_dict)
    _require_table()
    if not resources.eligible(resource):
        raise tk.ValidationError({"format": [
            f"only {', '.join(sorted(f.lower() for f in settings.formats()))} resources with a file or URL are validated"]})
    package = tk.get_action("package_show")({"ignore_auth": True}, {"id": resource["package_id"]})
    # Inline runs tie up a web worker for up to `timeout` seconds: sysadmins only.
    inline = not tk.asbool(data_dict.get("async", True)) and _is_sysadmin(context)
    row = jobs.enqueue(resource, package, sync=True if inline else None)
    row = ResourceValidation.get(resource["id"]) or row
    return {"resource_id": resource["id"], "status": row.status, "job_id": row.job_id}


@tk.side_effect_free
def resource_validation_show(context, data_dict):
    """The latest validation of a resource.

    :param resource_id: the resource id (``id`` is accepted too)
    :param shape: ``tokyo`` (default) or ``frictionless``
    :param lang: ``ja`` (default) or ``en``, the messages of the frictionless shape
    :returns: ``{"status", "report", "reason", "schema", "created", "started",
        "finished", …}``; ``report`` has the shape of ``tokyo-validate --format json``
        (null until the run has finished, and for ``error``). With
        ``shape=frictionless``, ckanext-validation's shape: ``{"id",
        "resource_id", "status", "created", "finished", "error", "report"}``
        with ``report`` a frictionless Report (``tokyo-validate --format
        frictionless``), ``status`` one of ckanext-validation's (``created``
        for a queued run) and ``error`` ``{"message": …}`` for ``error``
    """
    tk.check_access("resource_validation_show", context, data_dict)
    shape = data_dict.get("shape") or SHAPE_TOKYO
    if shape not in (SHAPE_TOKYO, SHAPE_FRICTIONLESS):
        raise tk.ValidationError({"shape": [tk._("Unknown report shape: use tokyo or frictionless")]})
    resource = _resource(context, data_dict)
    row = ResourceValidation.get(resource["id"]) if table_exists() else None
    if row is None:
        raise tk.ObjectNotFound(f"No validation report exists for resource {resource['id']}")
    out = row.as_dict()
    if shape == SHAPE_FRICTIONLESS:
        return _frictionless_shape(out, resource, "en" if data_dict.get("lang") == "en" else "ja")
    out["validation_timestamp"] = resource.get(resources.TIMESTAMP_KEY)
    return out


def _frictionless_shape(run: dict[str, Any], resource: dict[str, Any], lang: str) -> dict[str, Any]:
    """ckanext-validation's dict of a run (its _validation_dictize): one run per
    resource here, so the resource id is the run's id too."""
    status = run["status"]
    report = run.get("report")
    name = resource.get("name") or resource["id"]
    return {
        "id": run["resource_id"],
        "resource_id": run["resource_id"],
        "status": VALIDATION_STATUS.get(status, status),
        "created": run["created"],
        "finished": run["finished"],
        "error": {"message": run.get("reason") or ""} if status == statuses.ERROR else None,
        "report": to_frictionless(report, name=name, place=resource.get("url") or name, lang=lang)
        if report else None,
    }


def resource_validation_delete(context, data_dict):
    """Remove a resource's validation report and status.

    :param resource_id: the resource id (``id`` is accepted too)
    """
    tk.check_access("resource_validation_delete", context, data_dict)
    resource = _resource(context, data_dict)
    if not jobs.delete(resource["id"]):
        raise tk.ObjectNotFound(f"No validation report exists for resource {resource['id']}")
    return {"resource_id": resource["id"], "deleted": True}


@tk.side_effect_free
def tokyo_validation_summary(context, data_dict):
    """Pass rates per organisation and findings by rule, over the datasets the
    caller can see (public ones, plus private ones of their organisations).

    :param organization: restrict to one organisation (id or name, optional)
    :returns: ``{"organizations": [{"name", "title", "resources", "validated",
        "success", "failure", "error", "pending", "running", "not_validated",
        "pass_rate"}], "totals": {...}, "by_code": [{"code", "severity",
        "count", "resources"}]}``; pass_rate = success / (success + failure + error)
    """
    tk.check_access("tokyo_validation_summary", context, data_dict)
    scope = scope_for(context)
    org = data_dict.get("organization") or data_dict.get("id")
    if org:
        group = model.Group.get(org)
        if group is None or not group.is_organization:
            raise tk.ObjectNotFound("Organization not found")
        scope.organization = group.id
    return summary(scope)


def _user(context: dict[str, Any]) -> Any:
    name = context.get("user")
    return model.User.get(name) if name else None


def _is_sysadmin(context: dict[str, Any]) -> bool:
    user = _user(context)
    return bool(context.get("ignore_auth") or (user is not None and user.sysadmin))


def scope_for(context: dict[str, Any]) -> Scope:
    if _is_sysadmin(context):
        return Scope(all=True)
    user_obj = _user(context)
    if user_obj is None:
        return Scope()
    orgs = tk.get_action("organization_list_for_user")(
        {"user": user_obj.name, "ignore_auth": True}, {"id": user_obj.id, "permission": "read"})
    return Scope(org_ids={o["id"] for o in orgs})


def get_actions() -> dict[str, Any]:
    return {f.__name__: f for f in (resource_validation_run, resource_validation_show,
                                    resource_validation_delete, tokyo_validation_summary)}
