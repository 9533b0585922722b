"""HTML pages rendered from Jinja templates shipped in the package (no CKAN).

Every ``{{ value }}`` is HTML-escaped as ``html.escape`` does (quotes too;
None is empty): templates cannot forget to escape. A package's templates are
in its ``templates/`` folder (package data, see setup.py).
"""
from __future__ import annotations

import functools
import html
from typing import Any

import jinja2


def escape(value: Any) -> str:
    return html.escape("" if value is None else str(value))


@functools.cache
def environment(package: str) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader(package, "templates"),
        autoescape=False,  # finalize escapes every value (html.escape, as before the templates)
        finalize=escape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def render(package: str, template: str, **context: Any) -> str:
    return environment(package).get_template(template).render(**context)
