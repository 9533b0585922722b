"""The use case's image, uploaded with the form (or the API's multipart
``image_upload``) on create and update, stored like group images
(``compat.image_uploader``): chained onto package_create / package_update
for the usecase type only. And no DCAT description of a use case of its
own (``dcat_dataset_show``): it is referenced from its datasets instead."""
from __future__ import annotations

from typing import Any

import ckan.model as model
import ckan.plugins as p
import ckan.plugins.toolkit as tk
from ckan.lib import uploader

from ckanext.tokyo import compat

from . import TYPE


def _is_usecase(data_dict: dict[str, Any]) -> bool:
    if data_dict.get("type") == TYPE:
        return True
    pkg = model.Package.get(data_dict.get("id") or data_dict.get("name") or "")
    return pkg is not None and pkg.type == TYPE


def _with_image(up_func, context, data_dict, old_url=None):
    upload = compat.image_uploader(old_url)
    upload.update_data_dict(data_dict, "image_url", "image_upload", "clear_upload")
    result = up_func(context, data_dict)
    upload.upload(uploader.get_max_image_size())
    return result


@tk.chained_action
def package_create(up_func, context, data_dict):
    if not _is_usecase(data_dict):
        return up_func(context, data_dict)
    return _with_image(up_func, context, data_dict)


@tk.chained_action
def package_update(up_func, context, data_dict):
    if not _is_usecase(data_dict):
        return up_func(context, data_dict)
    pkg = model.Package.get(data_dict.get("id") or data_dict.get("name") or "")
    old_url = pkg.extras.get("image_url") if pkg is not None else None
    return _with_image(up_func, context, data_dict, old_url)


@tk.chained_action
def dcat_dataset_show(up_func, context, data_dict):
    """A use case has no DCAT description of its own: it is not a dataset."""
    pkg = model.Package.get(data_dict.get("id") or "")
    if pkg is not None and pkg.type == TYPE:
        raise tk.ObjectNotFound()
    return up_func(context, data_dict)


def get_actions() -> dict[str, Any]:
    actions = {"package_create": package_create, "package_update": package_update}
    if p.plugin_loaded("dcat"):  # ckanext-dcat's action exists only with its plugin
        actions["dcat_dataset_show"] = dcat_dataset_show
    return actions
