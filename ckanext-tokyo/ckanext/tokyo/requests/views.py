"""Pages of the data requests: the list, a request's page (support,
comments, the organisation's answer, matches, moderation), the form, and
the sysadmins' list of unanswered requests. Every change goes through an
action, so the pages allow exactly what the API allows."""
from __future__ import annotations

from typing import Any

from flask import Blueprint

import ckan.plugins.toolkit as tk

from . import labels

datarequest = Blueprint("tokyo_requests", __name__, url_prefix="/datarequest")

FORM_FIELDS = ("title", "description", "purpose", "organization")
FORM_LISTS = ("user_types", "categories", "areas")
PAGE_SIZE = 20


def _context() -> dict[str, Any]:
    return {"user": tk.current_user.name if tk.current_user.is_authenticated else ""}


def _form_data() -> dict[str, Any]:
    form = tk.request.form
    data: dict[str, Any] = {key: form.get(key, "") for key in FORM_FIELDS}
    data.update({key: form.getlist(key) for key in FORM_LISTS})
    return data


def _flash_errors(error: tk.ValidationError) -> None:
    for field, messages in (error.error_dict or {}).items():
        tk.h.flash_error(f"{labels.field(field)}: {' '.join(str(m) for m in messages)}")


def index():
    args = tk.request.args
    try:
        page = max(int(args.get("page", 1)), 1)
    except ValueError:
        page = 1
    search = {key: args.get(key) for key in ("q", "status", "organization", "category", "area", "sort")
              if args.get(key)}
    if args.get("mine"):
        search["mine"] = True
    try:
        found = tk.get_action("tokyo_data_request_list")(
            _context(), {**search, "limit": PAGE_SIZE, "offset": (page - 1) * PAGE_SIZE})
    except tk.ValidationError as error:
        _flash_errors(error)
        found = {"count": 0, "results": []}
    return tk.render("tokyo_requests/index.html", extra_vars={
        "found": found, "search": search, "page": page, "page_size": PAGE_SIZE,
        "pages": max((found["count"] + PAGE_SIZE - 1) // PAGE_SIZE, 1),
    })


def new():
    if not tk.current_user.is_authenticated:
        tk.h.flash_notice(tk._("Sign in to make a data request"))
        return tk.redirect_to("user.login", came_from=tk.h.url_for("tokyo_requests.new"))
    data: dict[str, Any] = {"organization": tk.request.args.get("organization", "")}
    errors: dict[str, Any] = {}
    if tk.request.method == "POST":
        data = _form_data()
        try:
            created = tk.get_action("tokyo_data_request_create")(_context(), data)
        except tk.ValidationError as error:
            errors = error.error_dict
        else:
            tk.h.flash_success(tk._("Thank you: your request is published and the organisation will answer it."))
            return tk.redirect_to("tokyo_requests.read", id=created["id"])
    return tk.render("tokyo_requests/new.html", extra_vars={"data": data, "errors": errors, "form_style": "new"})


def edit(id: str):
    context = _context()
    try:
        request = tk.get_action("tokyo_data_request_show")(dict(context), {"id": id})
        tk.check_access("tokyo_data_request_update", dict(context), {"id": id})
    except tk.ObjectNotFound:
        return tk.abort(404, tk._("Data request not found"))
    except tk.NotAuthorized as error:
        return tk.abort(403, str(error))
    data = {**request, "organization": (request.get("organization") or {}).get("name", "")}
    errors: dict[str, Any] = {}
    if tk.request.method == "POST":
        data = {**_form_data(), "id": id}
        try:
            tk.get_action("tokyo_data_request_update")(dict(context), data)
        except tk.ValidationError as error:
            errors = error.error_dict
        else:
            return tk.redirect_to("tokyo_requests.read", id=id)
    return tk.render("tokyo_requests/new.html", extra_vars={"data": data, "errors": errors, "form_style": "edit"})


def read(id: str):
    context = _context()
    try:
        request = tk.get_action("tokyo_data_request_show")(dict(context), {"id": id})
    except tk.ObjectNotFound:
        return tk.abort(404, tk._("Data request not found"))
    matches, matches_error = None, None
    if tk.h.check_access("tokyo_data_request_matches", {"id": id}):
        try:
            matches = tk.get_action("tokyo_data_request_matches")(dict(context), {"id": id})
        except tk.ValidationError as error:
            matches_error = " ".join(" ".join(m) for m in error.error_dict.values())
    return tk.render("tokyo_requests/read.html", extra_vars={
        "datareq": request, "matches": matches, "matches_error": matches_error})


def _post(action: str, id: str, data: dict[str, Any], done: str | None = None):
    try:
        tk.get_action(action)(_context(), {**data, "id": id})
    except tk.ObjectNotFound:
        return tk.abort(404, tk._("Data request not found"))
    except tk.NotAuthorized as error:
        return tk.abort(403, str(error))
    except tk.ValidationError as error:
        _flash_errors(error)
    else:
        if done:
            tk.h.flash_success(done)
    return tk.redirect_to("tokyo_requests.read", id=id)


def vote(id: str):
    action = "tokyo_data_request_unvote" if tk.request.form.get("undo") else "tokyo_data_request_vote"
    if not tk.current_user.is_authenticated:
        return tk.redirect_to("user.login", came_from=tk.h.url_for("tokyo_requests.read", id=id))
    return _post(action, id, {})


def comment(id: str):
    return _post("tokyo_data_request_comment", id, {"text": tk.request.form.get("text", "")},
                 tk._("Your comment was added."))


def answer(id: str):
    form = tk.request.form
    return _post("tokyo_data_request_answer", id,
                 {"status": form.get("status", ""), "note": form.get("note", ""), "dataset": form.get("dataset", "")},
                 tk._("The answer was saved."))


def assign(id: str):
    form = tk.request.form
    return _post("tokyo_data_request_assign", id, {"organization": form.get("organization", ""),
                                                   "note": form.get("note", "")},
                 tk._("The request was handed on."))


def moderate(id: str):
    form = tk.request.form
    return _post("tokyo_data_request_moderate", id,
                 {"hide": form.get("hide", "true"), "reason": form.get("reason", ""),
                  "comment_id": form.get("comment_id", "")})


def unanswered():
    try:
        found = tk.get_action("tokyo_data_request_unanswered")(
            _context(), {"days": tk.request.args.get("days") or None})
    except tk.NotAuthorized:
        return tk.abort(403, tk._("Only sysadmins may list unanswered requests"))
    except tk.ValidationError as error:
        _flash_errors(error)
        found = tk.get_action("tokyo_data_request_unanswered")(_context(), {})
    return tk.render("tokyo_requests/unanswered.html", extra_vars={"found": found})


datarequest.add_url_rule("", view_func=index, strict_slashes=False)
datarequest.add_url_rule("/new", view_func=new, methods=["GET", "POST"])
datarequest.add_url_rule("/unanswered", view_func=unanswered)
datarequest.add_url_rule("/<id>", view_func=read)
datarequest.add_url_rule("/<id>/edit", view_func=edit, methods=["GET", "POST"])
for _name, _view in (("vote", vote), ("comment", comment), ("answer", answer), ("assign", assign),
                     ("moderate", moderate)):
    datarequest.add_url_rule(f"/<id>/{_name}", view_func=_view, methods=["POST"])


def blueprints() -> list[Blueprint]:
    return [datarequest]
