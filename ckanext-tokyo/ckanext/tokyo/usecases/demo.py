"""Demo use cases for `ckan tokyo demo` (demo/usecases.json): examples,
marked （デモ）, on the demo datasets; one that exists already is left alone."""
from __future__ import annotations

import json
from importlib import resources

import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.tokyo import site_user

from . import TYPE


def load() -> int:
    data = json.loads(resources.files("ckanext.tokyo.demo").joinpath("usecases.json").read_text(encoding="utf-8"))
    created = 0
    for item in data["usecases"]:
        if model.Package.get(item["name"]) is not None:
            continue
        tk.get_action("package_create")(site_user.context(), {**item, "type": TYPE})
        created += 1
    return created
