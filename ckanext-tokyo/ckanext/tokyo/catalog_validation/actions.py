"""Actions (names as in ckanext-validation, plus the catalog summary)."""
from __future__ import annotations

from typing import Any

import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.tokyo.validation.frictionless_report import to_frictionless

from . import jobs, resources, settings, statuses
from .model import ResourceValidation, report_page, table_exists
from .summary import Scope, affected, summary

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
    row = jobs.enqueue(resource, package, sync=True if inline else None, force=True)
    row = ResourceValidation.get(resource["id"]) or row
    return {"resource_id": resource["id"], "status": row.status, "job_id": row.job_id}


FINDINGS_PAGE = 100  # findings returned by default
FINDINGS_PAGE_MAX = 1000


def _int(data_dict: dict[str, Any], key: str, default: int, most: int) -> int:
    value = data_dict.get(key, default)
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise tk.ValidationError({key: ["Must be a whole number"]}) from None
    if number < 0 or number > most:
        raise tk.ValidationError({key: [f"Must be between 0 and {most}"]})
    return number


@tk.side_effect_free
def resource_validation_show(context, data_dict):
    """The latest validation of a resource, its findings paged.

    :param resource_id: the resource id (``id`` is accepted too)
    :param findings_offset: the first finding returned (default 0)
    :param findings_limit: how many findings (default 100, at most 1000)
    :param shape: ``tokyo`` (default) or ``frictionless``
    :param lang: ``ja`` (default) or ``en``, the messages of the frictionless shape
    :returns: ``{"status", "report", "reason", "schema", "created", "started",
        "finished", "findings_total", "findings_offset", "findings_limit", …}``;
        ``report`` has the shape of ``tokyo-validate --format json`` with
        that page of its findings (null until the run has finished, and
        for ``error``); ``findings_total`` is how many the report lists
        (``report.stats.by_code`` counts every finding, listed or not). With
        ``shape=frictionless``, ckanext-validation's shape: ``{"id",
        "resource_id", "status", "created", "finished", "error", "report"}``
        with ``report`` a frictionless Report (``tokyo-validate --format
        frictionless``) of that page of findings, ``status`` one of
        ckanext-validation's (``created`` for a queued run) and ``error``
        ``{"message": …}`` for ``error``
    """
    tk.check_access("resource_validation_show", context, data_dict)
    shape = data_dict.get("shape") or SHAPE_TOKYO
    if shape not in (SHAPE_TOKYO, SHAPE_FRICTIONLESS):
        raise tk.ValidationError({"shape": [tk._("Unknown report shape: use tokyo or frictionless")]})
    offset = _int(data_dict, "findings_offset", 0, 10**9)
    limit = _int(data_dict, "findings_limit", FINDINGS_PAGE, FINDINGS_PAGE_MAX)
    resource = _resource(context, data_dict)
    row = ResourceValidation.get(resource["id"]) if table_exists() else None
    page = report_page(resource["id"], offset, limit) if row is not None else None
    if row is None or page is None:
        raise tk.ObjectNotFound(f"No validation report exists for resource {resource['id']}")
    out = row.as_dict()
    out.update(report=page["report"], findings_total=page["listed"], findings_offset=offset,
               findings_limit=limit, findings_by_code=page["listed_by_code"])
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
    :param code: a rule's finding code (optional): adds ``affected``, the
        resources whose latest run has findings of that rule, most first
        (``[{"dataset", "dataset_title", "resource_id", "resource_name", "count"}]``)
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
    figures = summary(scope)
    if data_dict.get("code"):
        figures["affected"] = affected(scope, str(data_dict["code"]))
    return figures


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
