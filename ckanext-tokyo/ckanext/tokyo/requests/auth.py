"""Auth functions of the data requests (sysadmins pass every one, as in CKAN).

- anyone reads requests; signed-in users ask, support and comment;
- the creator edits a request while it is still 受付;
- editors and admins of the organisation a request is with answer it,
  see its matches and may hand it to another organisation;
- moderation and the list of unanswered requests are for sysadmins.
"""
from __future__ import annotations

from typing import Any

import ckan.authz as authz
import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.tokyo.base import data_requests as workflow

from .model import DataRequest

EDITING_ROLES = ("admin", "editor")


def _signed_in(context: dict[str, Any], message: str) -> dict[str, Any]:
    user = context.get("auth_user_obj") or (model.User.get(context["user"]) if context.get("user") else None)
    if user is None or getattr(user, "is_anonymous", False):
        return {"success": False, "msg": message}
    return {"success": True}


def _request(data_dict: dict[str, Any]) -> DataRequest | None:
    return DataRequest.get(data_dict.get("id") or "")


def is_editor_of(organization_id: str | None, user_name: str | None) -> bool:
    """Editor or admin of the organisation (sysadmins too)."""
    if not user_name:
        return False
    if authz.is_sysadmin(user_name):
        return True
    return bool(organization_id) and authz.users_role_for_group_or_org(organization_id, user_name) in EDITING_ROLES


def _responsible(context: dict[str, Any], data_dict: dict[str, Any], message: str) -> dict[str, Any]:
    request = _request(data_dict)
    if request is not None and is_editor_of(request.organization_id, context.get("user")):
        return {"success": True}
    return {"success": False, "msg": message}


def tokyo_data_request_create(context, data_dict):
    return _signed_in(context, tk._("Sign in to make a data request"))


@tk.auth_allow_anonymous_access
def tokyo_data_request_show(context, data_dict):
    return {"success": True}  # hidden requests: the action answers "not found"


@tk.auth_allow_anonymous_access
def tokyo_data_request_list(context, data_dict):
    return {"success": True}


def tokyo_data_request_update(context, data_dict):
    request = _request(data_dict)
    user = model.User.get(context.get("user") or "")
    if request is not None and user is not None and request.creator_id == user.id \
            and request.status == workflow.RECEIVED:
        return {"success": True}
    return {"success": False, "msg": tk._("Only its creator may edit a request, and only before it is answered")}


def tokyo_data_request_vote(context, data_dict):
    return _signed_in(context, tk._("Sign in to support a data request"))


def tokyo_data_request_unvote(context, data_dict):
    return tokyo_data_request_vote(context, data_dict)


def tokyo_data_request_comment(context, data_dict):
    return _signed_in(context, tk._("Sign in to comment"))


def tokyo_data_request_answer(context, data_dict):
    return _responsible(context, data_dict, tk._("Only editors of the organisation responsible may answer"))


def tokyo_data_request_assign(context, data_dict):
    return _responsible(context, data_dict, tk._("Only editors of the organisation responsible may hand it on"))


def tokyo_data_request_matches(context, data_dict):
    return _responsible(context, data_dict, tk._("Only editors of the organisation responsible see the matches"))


def tokyo_data_request_moderate(context, data_dict):
    return {"success": False, "msg": tk._("Only sysadmins may moderate")}


def tokyo_data_request_unanswered(context, data_dict):
    return {"success": False, "msg": tk._("Only sysadmins may list unanswered requests")}


def get_auth_functions() -> dict[str, Any]:
    return {f.__name__: f for f in (
        tokyo_data_request_create, tokyo_data_request_show, tokyo_data_request_list,
        tokyo_data_request_update, tokyo_data_request_vote, tokyo_data_request_unvote, tokyo_data_request_comment,
        tokyo_data_request_answer, tokyo_data_request_assign, tokyo_data_request_matches,
        tokyo_data_request_moderate, tokyo_data_request_unanswered)}
