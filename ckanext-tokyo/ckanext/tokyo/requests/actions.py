"""Actions of the data requests (each checked by its auth function in auth.py).

    tokyo_data_request_create / _update / _show / _list
    tokyo_data_request_vote / _unvote        one vote per user
    tokyo_data_request_comment
    tokyo_data_request_answer                the organisation's status (受付 → 検討中 → 公開済み / 公開予定 / 対応不可)
    tokyo_data_request_assign                which organisation answers
    tokyo_data_request_moderate              sysadmins hide or restore a request or a comment
    tokyo_data_request_matches               inventory records and datasets that may answer it
    tokyo_data_request_unanswered            requests still 受付 after N days
"""
from __future__ import annotations

import datetime
from typing import Any, Optional

import sqlalchemy as sa

import ckan.authz as authz
import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.tokyo.base import codelists, data_requests as workflow, identifiers

from . import labels, matching, settings
from .model import ACTIVE, HIDDEN, Comment, DataRequest, Event, Vote, table_exists, utcnow

TEXT_FIELDS = ("title", "description", "purpose")
LIST_FIELDS = ("user_types", "categories", "areas")


# ------------------------------------------------------------- helpers


def _user(context: dict[str, Any]) -> Optional[model.User]:
    name = context.get("user")
    return model.User.get(name) if name else None


def _is_sysadmin(context: dict[str, Any]) -> bool:
    user = _user(context)
    return bool(context.get("ignore_auth") and not user) or bool(user and user.sysadmin)


def _require_table() -> None:
    if not table_exists():
        raise tk.ValidationError({"tokyo_requests": [
            "the data-request tables are missing: run `ckan db upgrade -p tokyo_requests`"]})


def _request(data_dict: dict[str, Any], context: dict[str, Any]) -> DataRequest:
    """The request of ``id``; hidden ones exist only for sysadmins."""
    _require_table()
    request = DataRequest.get(data_dict.get("id") or "")
    if request is None or (request.state != ACTIVE and not _is_sysadmin(context)):
        raise tk.ObjectNotFound(tk._("Data request not found"))
    return request


def _organization(ref: Optional[str]) -> Optional[model.Group]:
    if not ref:
        return None
    group = model.Group.get(ref)
    if group is None or not group.is_organization or group.state != "active":
        raise tk.ValidationError({"organization": [tk._("Organisation not found")]})
    return group


def _list(value: Any) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, str):
        value = [v for v in value.replace("、", ",").split(",")]
    return [str(v).strip() for v in value if str(v).strip()]


def _clean(data_dict: dict[str, Any], current: Optional[DataRequest] = None) -> dict[str, Any]:
    """The request's fields from data_dict (on update: the ones given),
    checked; raises ValidationError with every problem at once."""
    values: dict[str, Any] = {}
    for field in TEXT_FIELDS:
        if current is None or field in data_dict:
            values[field] = (data_dict.get(field) or "").strip()
    for field in LIST_FIELDS:
        if current is None or field in data_dict:
            values[field] = _list(data_dict.get(field))
    merged = {**(current.as_dict() if current else {}), **values}
    problems = workflow.text_problems(merged)
    problems += workflow.unknown_values("user_types", values.get("user_types", []), workflow.USER_TYPES)
    problems += workflow.unknown_values("categories", values.get("categories", []),
                                        {c.code for c in codelists.categories()})
    problems += workflow.unknown_values("areas", values.get("areas", []),
                                        {lg.code for lg in identifiers.tokyo_local_governments()})
    errors = labels.errors(problems)
    try:
        if current is None or "organization" in data_dict:
            group = _organization(data_dict.get("organization"))
            values["organization_id"] = group.id if group else None
    except tk.ValidationError as error:
        errors.update(error.error_dict)
    if errors:
        raise tk.ValidationError(errors)
    return values


def _number(data_dict: dict[str, Any], key: str, default: int) -> int:
    """A whole number ≥ 0 from data_dict (default when not given)."""
    value = data_dict.get(key)
    if value in (None, ""):
        return default
    try:
        return max(int(value), 0)
    except (TypeError, ValueError):
        raise tk.ValidationError({key: [tk._("Not a number")]}) from None


def _event(request: DataRequest, context: dict[str, Any], kind: str, **values: Any) -> Event:
    user = _user(context)
    event = Event(request_id=request.id, user_id=user.id if user else None, kind=kind, **values)
    model.Session.add(event)
    return event


def _votes(request_ids: list[str]) -> dict[str, int]:
    if not request_ids:
        return {}
    rows = (model.Session.query(Vote.request_id, sa.func.count())
            .filter(Vote.request_id.in_(request_ids)).group_by(Vote.request_id).all())
    return dict(rows)


def _voted(request_ids: list[str], user: Optional[model.User]) -> set[str]:
    if not user or not request_ids:
        return set()
    rows = model.Session.query(Vote.request_id).filter(Vote.request_id.in_(request_ids),
                                                       Vote.user_id == user.id).all()
    return {row[0] for row in rows}


def _users(ids: set[str]) -> dict[str, dict[str, str]]:
    ids = {i for i in ids if i}
    if not ids:
        return {}
    return {u.id: {"name": u.name, "display_name": u.display_name}
            for u in model.Session.query(model.User).filter(model.User.id.in_(ids))}


def _organizations(ids: set[str]) -> dict[str, dict[str, Any]]:
    ids = {i for i in ids if i}
    if not ids:
        return {}
    groups = model.Session.query(model.Group).filter(model.Group.id.in_(ids)).all()
    return {g.id: {"id": g.id, "name": g.name, "title": g.title,
                   "title_en": (g.extras or {}).get("title_en") or ""} for g in groups}


def _package(package_id: Optional[str], context: dict[str, Any]) -> Optional[dict[str, Any]]:
    """The linked dataset, if the caller may see it."""
    if not package_id:
        return None
    try:
        pkg = tk.get_action("package_show")({"user": context.get("user"), "ignore_auth": context.get("ignore_auth")},
                                            {"id": package_id})
    except (tk.ObjectNotFound, tk.NotAuthorized):
        return None
    return {"id": pkg["id"], "name": pkg["name"], "title": pkg.get("title"), "type": pkg.get("type"),
            "title_translated": pkg.get("title_translated") or {}, "private": pkg.get("private"),
            "state": pkg.get("state")}


def _dictize(requests: list[DataRequest], context: dict[str, Any], full: bool = False) -> list[dict[str, Any]]:
    ids = [r.id for r in requests]
    votes, voted = _votes(ids), _voted(ids, _user(context))
    users = _users({r.creator_id for r in requests})
    orgs = _organizations({r.organization_id for r in requests})
    out = []
    for request in requests:
        item = request.as_dict()
        item["creator"] = users.get(request.creator_id)
        item["organization"] = orgs.get(request.organization_id)
        item["votes"] = votes.get(request.id, 0)
        item["voted"] = request.id in voted
        item["package"] = _package(request.package_id, context)
        if full:
            item.update(_history(request, context))
        out.append(item)
    return out


def _history(request: DataRequest, context: dict[str, Any]) -> dict[str, Any]:
    sysadmin = _is_sysadmin(context)
    comments = (model.Session.query(Comment).filter(Comment.request_id == request.id)
                .order_by(Comment.created).all())
    events = (model.Session.query(Event).filter(Event.request_id == request.id)
              .order_by(Event.created).all())
    users = _users({c.user_id for c in comments} | {e.user_id for e in events})
    orgs = _organizations({e.organization_id for e in events})
    responsible = request.organization_id
    out_comments = []
    for comment in comments:
        item = comment.as_dict()
        if comment.state != ACTIVE and not sysadmin:
            item["text"] = ""  # hidden by a moderator: only the fact is shown
        item["user"] = users.get(comment.user_id)
        item["official"] = bool(responsible and authz.users_role_for_group_or_org(
            responsible, (users.get(comment.user_id) or {}).get("name")) in ("admin", "editor"))
        out_comments.append(item)
    out_events = []
    for event in events:
        item = event.as_dict()
        item["user"] = users.get(event.user_id)
        item["organization"] = orgs.get(event.organization_id)
        out_events.append(item)
    return {"comments": out_comments, "events": out_events}


def _show(request: DataRequest, context: dict[str, Any]) -> dict[str, Any]:
    return _dictize([request], context, full=True)[0]


# ------------------------------------------------------------- actions


def tokyo_data_request_create(context, data_dict):
    """Ask for data.

    :param title: what data (required)
    :param description: details: contents, granularity, period (required)
    :param purpose: why, what it would be used for
    :param user_types: who would use it: business, civic_tech, research,
        media, citizen, government, other (list or comma-separated)
    :param categories: catalog categories (c0NN)
    :param areas: 全国地方公共団体コード of 東京都 or its 区市町村
    :param organization: the organisation expected to answer (id or name;
        sysadmins can assign it later)
    :returns: the request
    """
    tk.check_access("tokyo_data_request_create", context, data_dict)
    _require_table()
    user = _user(context)
    if user is None:
        raise tk.NotAuthorized(tk._("Sign in to make a data request"))
    values = _clean(data_dict)
    request = DataRequest(creator_id=user.id, **values)
    model.Session.add(request)
    model.Session.flush()
    _event(request, context, Event.CREATED, status=workflow.RECEIVED, organization_id=request.organization_id)
    model.Session.commit()
    return _show(request, context)


def tokyo_data_request_update(context, data_dict):
    """Change a request's text, lists or organisation (its creator while it
    is 受付, or a sysadmin). Takes the fields of create; those left out stay.

    :param id: the request
    """
    request = _request(data_dict, context)
    tk.check_access("tokyo_data_request_update", context, data_dict)
    values = _clean(data_dict, current=request)
    for key, value in values.items():
        setattr(request, key, value)
    request.modified = utcnow()
    _event(request, context, Event.EDITED)
    model.Session.commit()
    return _show(request, context)


@tk.side_effect_free
def tokyo_data_request_show(context, data_dict):
    """A request with its votes, comments and history.

    :param id: the request
    :returns: the request: ``status``, ``votes``, ``voted`` (by the caller),
        ``organization``, ``package`` (the dataset linked, if the caller may
        see it), ``comments``, ``events``
    """
    tk.check_access("tokyo_data_request_show", context, data_dict)
    return _show(_request(data_dict, context), context)


@tk.side_effect_free
def tokyo_data_request_list(context, data_dict):
    """Requests, searchable and sortable.

    :param q: words that must all occur in the title, details or purpose
    :param status: one status or a list (received, considering, planned,
        published, rejected)
    :param organization: the organisation answering (id or name)
    :param category: a category (c0NN)
    :param area: a 全国地方公共団体コード
    :param mine: only the caller's own requests
    :param sort: support (default), newest, updated
    :param limit: at most this many (default 20, at most 100)
    :param offset: skip this many
    :param include_hidden: sysadmins: also hidden requests
    :returns: ``{"count", "results"}``
    """
    tk.check_access("tokyo_data_request_list", context, data_dict)
    _require_table()
    query = model.Session.query(DataRequest)
    if not (tk.asbool(data_dict.get("include_hidden")) and _is_sysadmin(context)):
        query = query.filter(DataRequest.state == ACTIVE)
    for term in workflow.search_terms(data_dict.get("q") or ""):
        pattern = workflow.like_pattern(term)
        query = query.filter(sa.or_(*(getattr(DataRequest, f).ilike(pattern, escape="\\") for f in TEXT_FIELDS)))
    statuses = _list(data_dict.get("status"))
    if statuses:
        query = query.filter(DataRequest.status.in_(statuses))
    if data_dict.get("organization"):
        group = model.Group.get(data_dict["organization"])
        query = query.filter(DataRequest.organization_id == (group.id if group else None))
    if data_dict.get("category"):
        query = query.filter(DataRequest.categories.contains([data_dict["category"]]))
    if data_dict.get("area"):
        query = query.filter(DataRequest.areas.contains([data_dict["area"]]))
    if tk.asbool(data_dict.get("mine")):
        user = _user(context)
        query = query.filter(DataRequest.creator_id == (user.id if user else None))
    count = query.count()
    sort = data_dict.get("sort") or "support"
    if sort not in workflow.SORTS:
        raise tk.ValidationError({"sort": [tk._("Unknown value")]})
    if sort == "support":
        votes = (sa.select(sa.func.count()).where(Vote.request_id == DataRequest.id)
                 .correlate(DataRequest).scalar_subquery())
        query = query.order_by(votes.desc(), DataRequest.created.desc())
    elif sort == "newest":
        query = query.order_by(DataRequest.created.desc())
    else:
        query = query.order_by(DataRequest.modified.desc())
    limit, offset = min(_number(data_dict, "limit", 20), 100), _number(data_dict, "offset", 0)
    return {"count": count, "results": _dictize(query.limit(limit).offset(offset).all(), context)}


def _set_vote(context, data_dict, on: bool):
    request = _request(data_dict, context)
    user = _user(context)
    if user is None:
        raise tk.NotAuthorized(tk._("Sign in to support a data request"))
    vote = model.Session.get(Vote, (request.id, user.id))
    if on and vote is None:
        # the primary key (request, user) keeps it to one vote even when two
        # clicks race: the second insert fails and is taken as done
        try:
            with model.Session.begin_nested():
                model.Session.add(Vote(request_id=request.id, user_id=user.id))
        except sa.exc.IntegrityError:
            pass
    elif not on and vote is not None:
        model.Session.delete(vote)
    model.Session.commit()
    return {"id": request.id, "votes": _votes([request.id]).get(request.id, 0), "voted": on}


def tokyo_data_request_vote(context, data_dict):
    """Support a request (one vote per user; voting again changes nothing).

    :param id: the request
    :returns: ``{"id", "votes", "voted"}``
    """
    tk.check_access("tokyo_data_request_vote", context, data_dict)
    return _set_vote(context, data_dict, True)


def tokyo_data_request_unvote(context, data_dict):
    """Take back one's support.

    :param id: the request
    """
    tk.check_access("tokyo_data_request_unvote", context, data_dict)
    return _set_vote(context, data_dict, False)


def tokyo_data_request_comment(context, data_dict):
    """Comment on a request.

    :param id: the request
    :param text: the comment
    :returns: the comment
    """
    tk.check_access("tokyo_data_request_comment", context, data_dict)
    request = _request(data_dict, context)
    user = _user(context)
    if user is None:
        raise tk.NotAuthorized(tk._("Sign in to comment"))
    text = (data_dict.get("text") or "").strip()
    if not text:
        raise tk.ValidationError({"text": [tk._("Please fill this in")]})
    if len(text) > workflow.LIMITS["comment"]:
        raise tk.ValidationError({"text": [labels.problem(workflow.Problem("comment", "too_long"))]})
    comment = Comment(request_id=request.id, user_id=user.id, text=text)
    model.Session.add(comment)
    request.modified = utcnow()
    model.Session.commit()
    out = comment.as_dict()
    out["user"] = {"name": user.name, "display_name": user.display_name}
    return out


def _published_dataset(ref: str, context: dict[str, Any]) -> dict[str, Any]:
    """The dataset named by its id, name or page URL, if the caller may see it."""
    ref = ref.strip().rstrip("/").rsplit("/", 1)[-1]
    try:
        pkg = tk.get_action("package_show")({"user": context.get("user"), "ignore_auth": context.get("ignore_auth")},
                                            {"id": ref})
    except (tk.ObjectNotFound, tk.NotAuthorized):
        raise tk.ValidationError({"dataset": [tk._("Dataset not found")]}) from None
    return pkg


def tokyo_data_request_answer(context, data_dict):
    """The responsible organisation answers: a new status (editors and
    admins of the organisation, or sysadmins).

    :param id: the request
    :param status: considering, planned, published or rejected
    :param note: the answer; for rejected, the reason (required)
    :param dataset: the dataset that answers it (id or name); required for
        published (a public dataset), optional for planned (a dataset or an
        inventory record the caller can see)
    :returns: the request
    """
    request = _request(data_dict, context)
    tk.check_access("tokyo_data_request_answer", context, data_dict)
    status = data_dict.get("status") or ""
    note = (data_dict.get("note") or "").strip()
    pkg = _published_dataset(data_dict["dataset"], context) if data_dict.get("dataset") else None
    problems = workflow.answer_problems(request.status, status, note, pkg and pkg["id"])
    errors = labels.errors(problems)
    if status == workflow.PUBLISHED and pkg and (pkg.get("private") or pkg.get("type") != "dataset"
                                                 or pkg.get("state") != "active"):
        errors.setdefault("dataset", []).append(tk._("Link a public dataset"))
    if errors:
        raise tk.ValidationError(errors)
    _set_status(request, context, status, note, pkg["id"] if pkg else request.package_id)
    model.Session.commit()
    return _show(request, context)


def _set_status(request: DataRequest, context: dict[str, Any], status: str, note: str,
                package_id: Optional[str]) -> None:
    now = utcnow()
    request.status, request.status_note, request.package_id = status, note or None, package_id
    request.modified = now
    request.answered = request.answered or now
    _event(request, context, Event.ANSWERED, status=status, note=note or None, package_id=package_id,
           organization_id=request.organization_id)


def tokyo_data_request_assign(context, data_dict):
    """Hand a request to the organisation that should answer it (sysadmins,
    or editors of the organisation it is with now).

    :param id: the request
    :param organization: id or name (empty: nobody yet)
    :param note: why (optional)
    """
    request = _request(data_dict, context)
    tk.check_access("tokyo_data_request_assign", context, data_dict)
    group = _organization(data_dict.get("organization"))
    request.organization_id = group.id if group else None
    request.modified = utcnow()
    _event(request, context, Event.ASSIGNED, organization_id=request.organization_id,
           note=(data_dict.get("note") or "").strip() or None)
    model.Session.commit()
    return _show(request, context)


def tokyo_data_request_moderate(context, data_dict):
    """Hide a request or one of its comments (spam, personal data…), or
    show it again. Sysadmins only.

    :param id: the request
    :param comment_id: a comment of it (optional: else the request itself)
    :param hide: true to hide, false to show again
    :param reason: spam, personal_data, offensive or other (required to hide)
    """
    tk.check_access("tokyo_data_request_moderate", context, data_dict)
    request = _request(data_dict, context)
    hide = tk.asbool(data_dict.get("hide", True))
    reason = data_dict.get("reason") or None
    if hide and reason not in workflow.MODERATION_REASONS:
        raise tk.ValidationError({"reason": [tk._("Choose a reason")]})
    target: Any = request
    if data_dict.get("comment_id"):
        target = model.Session.get(Comment, data_dict["comment_id"])
        if target is None or target.request_id != request.id:
            raise tk.ObjectNotFound(tk._("Comment not found"))
    target.state = HIDDEN if hide else ACTIVE
    target.moderation_reason = reason if hide else None
    if data_dict.get("comment_id"):
        kind = Event.COMMENT_HIDDEN if hide else Event.COMMENT_RESTORED
    else:
        kind = Event.HIDDEN if hide else Event.RESTORED
    _event(request, context, kind, note=reason)
    model.Session.commit()
    return _show(request, context)


@tk.side_effect_free
def tokyo_data_request_matches(context, data_dict):
    """Inventory records and datasets that may answer a request, best first:
    text similarity on the catalog's Japanese analysis (Solr), with shared
    categories and areas counting more. Only what the caller can see.

    :param id: the request
    :param limit: at most this many (default 10)
    :returns: ``{"terms": [...], "results": [{"id", "name", "title",
        "type", "organization", "score", "categories", "areas"}]}``
    """
    request = _request(data_dict, context)
    tk.check_access("tokyo_data_request_matches", context, data_dict)
    limit = min(max(_number(data_dict, "limit", 10), 1), 50)
    return matching.matches(request, context, limit)


@tk.side_effect_free
def tokyo_data_request_unanswered(context, data_dict):
    """Requests still 受付 (no answer) N days after they were made, oldest
    first. Sysadmins only.

    :param days: N (default: ``ckanext.tokyo.requests.unanswered_days``)
    :returns: ``{"days", "count", "results"}``
    """
    tk.check_access("tokyo_data_request_unanswered", context, data_dict)
    _require_table()
    days = _number(data_dict, "days", settings.unanswered_days())
    cutoff = utcnow() - datetime.timedelta(days=max(days, 0))
    rows = (model.Session.query(DataRequest)
            .filter(DataRequest.state == ACTIVE, DataRequest.status == workflow.RECEIVED,
                    DataRequest.created <= cutoff)
            .order_by(DataRequest.created).all())
    return {"days": days, "count": len(rows), "results": _dictize(rows, context)}


def published(package_id: str) -> None:
    """A dataset became public: the requests waiting for it (公開予定 linked
    to it, e.g. to the inventory record it was) become 公開済み."""
    if not table_exists():
        return
    waiting = (model.Session.query(DataRequest)
               .filter(DataRequest.package_id == package_id, DataRequest.status == workflow.PLANNED).all())
    for request in waiting:
        _set_status(request, {}, workflow.PUBLISHED, request.status_note or "", package_id)


def get_actions() -> dict[str, Any]:
    return {f.__name__: f for f in (
        tokyo_data_request_create, tokyo_data_request_update, tokyo_data_request_show,
        tokyo_data_request_list, tokyo_data_request_vote, tokyo_data_request_unvote,
        tokyo_data_request_comment, tokyo_data_request_answer, tokyo_data_request_assign,
        tokyo_data_request_moderate, tokyo_data_request_matches, tokyo_data_request_unanswered)}
