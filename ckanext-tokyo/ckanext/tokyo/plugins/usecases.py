"""tokyo_usecases: use cases (活用事例).

A page per use case (title, who made it, what it does, image, link, the
datasets it uses) as a second scheming dataset type ``usecase``
(schemas/scheming/usecase.yaml, listed in ``scheming.dataset_schemas``):
listed on the home page and on each dataset it uses, edited by sysadmins
and by the organisations whose data it uses, referenced from those
datasets in the DCAT feed (RDF profile ``tokyo_usecases``). Needs
tokyo_schema and scheming_datasets. docs/use-cases.md.
"""
from __future__ import annotations

import ckan.plugins as p
import ckan.plugins.toolkit as tk

from ckanext.tokyo import dataset_types
from ckanext.tokyo.base.values import value_list
from ckanext.tokyo.plugins import Translation
from ckanext.tokyo.usecases import INDEX_FIELD, TYPE, actions, auth, helpers, validators


@tk.chained_helper
def humanize_entity_type(next_helper, entity_type, object_type, purpose):
    names = {TYPE: (tk._("use case"), tk._("Use cases"))}
    return dataset_types.humanize(next_helper, entity_type, object_type, purpose, names)


class TokyoUsecasesPlugin(p.SingletonPlugin, Translation):
    p.implements(p.IConfigurer)
    p.implements(p.IActions)
    p.implements(p.IAuthFunctions)
    p.implements(p.IMiddleware, inherit=True)
    p.implements(p.ITemplateHelpers)
    p.implements(p.ITranslation)
    p.implements(p.IValidators)
    p.implements(p.IPackageController, inherit=True)

    # IConfigurer: the use case's page, the dataset page's list, the home
    # page's block, the form's image and dataset fields (the one-step form
    # of a type without files is tokyo_schema's package/snippets/package_form.html)
    def update_config(self, config):
        tk.add_template_directory(config, "../usecases/templates")

    # IActions / IAuthFunctions: the image upload; who edits a use case
    def get_actions(self):
        return actions.get_actions()

    def get_auth_functions(self):
        return auth.get_auth_functions()

    # IMiddleware: the one-step form of a type without files
    def make_middleware(self, app, config):
        app.before_request(dataset_types.no_files_guard(TYPE))
        return app

    # ITemplateHelpers / IValidators
    def get_helpers(self):
        return {**helpers.get_helpers(), "humanize_entity_type": humanize_entity_type}

    def get_validators(self):
        return validators.validators()

    # IPackageController: the datasets a use case uses are searchable; use
    # cases are not datasets, so searches that do not ask for them leave them out
    def before_dataset_index(self, pkg_dict):
        if pkg_dict.get("type") == TYPE:
            pkg_dict[INDEX_FIELD] = [str(i) for i in value_list(pkg_dict.get("datasets"))]
        return pkg_dict

    def before_dataset_search(self, search_params):
        return dataset_types.leave_out_unless_asked(search_params, TYPE)
