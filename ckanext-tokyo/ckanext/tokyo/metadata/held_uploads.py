"""A file chosen in the resource form is kept when the form comes back with
an error: the upload is put aside under a random token (in
``ckan.storage_path``/tokyo-held-uploads, for the user who sent it), the
form shows it as kept and sends the token back, and the next save uses the
kept file unless another one is chosen. Entries older than a day are removed."""
from __future__ import annotations

import json
import os
import secrets
import shutil
import tempfile
import time
from typing import Any, Optional

from werkzeug.datastructures import FileStorage

import ckan.plugins.toolkit as tk

FIELD = "tokyo_held_upload"  # the form's hidden field (schema: validators `ignore`)
MAX_AGE = 24 * 3600


def _root() -> str:
    base = tk.config.get("ckan.storage_path") or tempfile.gettempdir()
    return os.path.join(base, "tokyo-held-uploads")


def _folder(token: str) -> Optional[str]:
    if not token or not token.replace("-", "").replace("_", "").isalnum():
        return None
    return os.path.join(_root(), token)


def _meta(token: str) -> Optional[dict[str, Any]]:
    folder = _folder(token)
    try:
        with open(os.path.join(folder, "meta.json"), encoding="utf-8") as f:  # type: ignore[arg-type]
            return json.load(f)
    except (OSError, TypeError, ValueError):
        return None


def _clean_old() -> None:
    root = _root()
    if not os.path.isdir(root):
        return
    limit = time.time() - MAX_AGE
    for name in os.listdir(root):
        path = os.path.join(root, name)
        if os.path.getmtime(path) < limit:
            shutil.rmtree(path, ignore_errors=True)


def hold(resource: dict[str, Any], user: Optional[str]) -> None:
    """Before a resource is saved from the form: keep a newly chosen file
    aside, or give back the kept one when the form sent its token and no
    new file."""
    upload = resource.get("upload")
    token = resource.pop(FIELD, None)
    if isinstance(upload, FileStorage) and upload.filename:
        _clean_old()
        token = secrets.token_urlsafe(18)
        folder = _folder(token)
        os.makedirs(folder, exist_ok=True)  # type: ignore[arg-type]
        upload.save(os.path.join(folder, "file"))  # type: ignore[arg-type]
        upload.stream.seek(0)
        with open(os.path.join(folder, "meta.json"), "w", encoding="utf-8") as f:  # type: ignore[arg-type]
            json.dump({"user": user, "filename": upload.filename, "mimetype": upload.mimetype}, f)
        resource[FIELD] = token
        return
    meta = _meta(token) if token else None
    if meta is None or meta.get("user") != user or (resource.get("url") and resource.get("url_type") != "upload"):
        return  # unknown, someone else's, or replaced by a link
    resource["upload"] = FileStorage(stream=open(os.path.join(_folder(token), "file"), "rb"),  # type: ignore[arg-type]
                                     filename=meta["filename"], content_type=meta.get("mimetype"))
    resource["url"], resource["url_type"], resource[FIELD] = meta["filename"], "upload", token


def held_name(token: Optional[str]) -> str:
    """The file name of a kept upload ("" when there is none)."""
    meta = _meta(token) if token else None
    user = tk.current_user.name if tk.current_user and tk.current_user.is_authenticated else None
    return meta["filename"] if meta and meta.get("user") == user else ""
