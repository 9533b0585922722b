"""Demo data requests for `ckan tokyo demo` (demo/requests.json): a few
requests with support, comments and the organisations' answers. A request
whose title exists already is left alone, so a second run creates nothing."""
from __future__ import annotations

import json
import secrets
from importlib import resources

import ckan.model as model
import ckan.plugins as p
import ckan.plugins.toolkit as tk

from ckanext.tokyo import site_user

from .model import DataRequest


def _user(name: str) -> str:
    """A demo user (no one signs in as it: a random password nobody keeps)."""
    if model.User.by_name(name) is None:
        tk.get_action("user_create")(site_user.context(), {
            "name": name, "email": f"{name}@example.invalid", "password": secrets.token_urlsafe(24)})
    return name


def _linked(answer: dict) -> str | None:
    if answer.get("dataset"):
        return answer["dataset"]
    record = answer.get("inventory")
    if record and p.plugin_loaded("tokyo_inventory"):
        from ckanext.tokyo.inventory.sheet_import import record_name

        return record_name(record["organization"], record["title"])
    return None


def load() -> int:
    data = json.loads(resources.files("ckanext.tokyo.demo").joinpath("requests.json").read_text(encoding="utf-8"))
    for name in data["users"]:
        _user(name)
    created = 0
    for item in data["requests"]:
        if model.Session.query(DataRequest).filter_by(title=item["title"]).first() is not None:
            continue
        fields = {k: item[k] for k in ("title", "description", "purpose", "user_types", "categories", "areas",
                                       "organization")}
        request = tk.get_action("tokyo_data_request_create")({"user": item["creator"]}, fields)
        for voter in item["votes"]:
            tk.get_action("tokyo_data_request_vote")({"user": voter}, {"id": request["id"]})
        for comment in item["comments"]:
            tk.get_action("tokyo_data_request_comment")({"user": comment["user"]},
                                                        {"id": request["id"], "text": comment["text"]})
        answer = item.get("answer")
        if answer:
            linked = _linked(answer)
            tk.get_action("tokyo_data_request_answer")(site_user.context(), {
                "id": request["id"], "status": answer["status"], "note": answer["note"],
                **({"dataset": linked} if linked and model.Package.get(linked) else {})})
        created += 1
    return created
