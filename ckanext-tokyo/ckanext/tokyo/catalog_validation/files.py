"""The file behind a resource, as a local path: the upload from CKAN's
storage, or the URL fetched through the guarded client into a temporary file.
Used by the validation runs and by the DataStore loader (the same limits)."""
from __future__ import annotations

import tempfile
from typing import Any

from ckanext.tokyo import compat

from . import settings
from .fetch import GuardedClient


class UploadNotStored(Exception):
    """The upload is not in the storage yet (the save stores it after us)."""


class local_copy:
    """Context manager giving the path of the resource's file."""

    def __init__(self, resource: dict[str, Any]):
        self.resource = resource
        self._stack: list[Any] = []

    def __enter__(self) -> str:
        resource = self.resource
        if resource.get("url_type") == "upload":
            upload = compat.uploaded_file(resource, max_bytes=settings.get("max_bytes"))
            try:
                path = upload.__enter__()
            except FileNotFoundError as error:
                raise UploadNotStored(str(error)) from error
            self._stack.append(upload)
            return path
        client = GuardedClient(
            max_bytes=settings.get("max_bytes"), timeout=float(settings.get("fetch_timeout")),
            max_redirects=settings.get("fetch_max_redirects"), allow_hosts=settings.get("allow_hosts"))
        temp = tempfile.NamedTemporaryFile(prefix="tokyo-validation-", suffix=".data")
        self._stack.append(temp)
        client.fetch(resource["url"], temp)
        temp.flush()
        return temp.name

    def __exit__(self, *exc_info: Any) -> None:
        for item in reversed(self._stack):
            item.__exit__(*exc_info)
