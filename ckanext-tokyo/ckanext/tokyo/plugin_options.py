"""Config options of a plugin, declared through IConfigDeclaration and read
at call time (not at import), so tests and operators can change them without
reloading the plugin."""
from __future__ import annotations

from typing import Any

import ckan.plugins.toolkit as tk


class PluginOptions:
    """options: name -> (default, kind, help); kind is bool, int, list or str."""

    def __init__(self, prefix: str, annotation: str, options: dict[str, tuple[Any, str, str]]):
        self.prefix, self.annotation, self.options = prefix, annotation, options

    def declare(self, declaration: Any, key: Any) -> None:
        declaration.annotate(self.annotation)
        group = key
        for part in self.prefix.strip(".").split("."):
            group = getattr(group, part)
        for name, (default, kind, help_text) in self.options.items():
            option_key = getattr(group, name)
            if kind == "bool":
                option = declaration.declare_bool(option_key, default)
            elif kind == "int":
                option = declaration.declare_int(option_key, default)
            elif kind == "list":
                option = declaration.declare_list(option_key, default)
            else:
                option = declaration.declare(option_key, default)
            option.set_description(help_text)

    def get(self, name: str) -> Any:
        default, kind, _ = self.options[name]
        value = tk.config.get(self.prefix + name, default)
        if value is None:
            value = default
        if kind == "bool":
            return tk.asbool(value)
        if kind == "int":
            return int(value)
        if kind == "list":
            return [str(v) for v in tk.aslist(value)] if isinstance(value, str) else list(value)
        return value
