"""ckanext-tokyo: install with `make run` / `make test`, or `pip install .`"""
from setuptools import find_namespace_packages, setup

SRC = "ckanext-tokyo"

setup(
    name="ckanext-tokyo",
    version="0.1.0",
    description="CKAN plugins for the Tokyo Metropolitan Government open data catalog",
    long_description=open("README.md", encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    license="AGPL-3.0-or-later",
    python_requires=">=3.10",
    # The CKAN-free core (identifiers, code lists, the validator and
    # `tokyo-validate`) needs only these; ranges match requirements/*.txt.
    install_requires=[
        "frictionless[excel]>=5.21,<6",
        "rich>=13",
        "attrs>=22",
        "jinja2>=3.1,<4",
    ],
    extras_require={
        # The CKAN plugins. CKAN itself (2.11 or 2.12) is installed by the
        # operator or comes with the official image.
        "ckan": [
            "ckanext-scheming>=3.1,<4",
            "ckanext-dcat>=2.4.4,<3",
            "ckanext-harvest>=1.6.3,<2",
            "ckanapi>=4.11,<5",
        ],
    },
    # schemas/ is data at the top of the repository; it ships inside the
    # package as ckanext.tokyo.schemas so a wheel finds it too.
    package_dir={"": SRC, "ckanext.tokyo.schemas": "schemas"},
    packages=find_namespace_packages(where=SRC, include=["ckanext.*"])
    + ["ckanext.tokyo.schemas"],
    package_data={
        "ckanext.tokyo.schemas": ["**/*.json", "**/*.yaml", "**/*.csv", "**/*.md"],
        "ckanext.tokyo": ["templates/**/*", "public/**/*", "assets/**/*", "i18n/**/*", "demo/*.json", "demo/*.csv",
                          "demo/files/*.csv", "migration/**/*",
                          "requests/templates/**/*", "inventory/templates/**/*", "usecases/templates/**/*"],
        # tokyo_portal's templates, logo and stylesheet; the plugins' scripts
        "ckanext.tokyo.portal": ["templates/**/*", "public/**/*", "assets/*"],
        # HTML reports of tokyo-validate and `ckan tokyo report` (jinja2, no CKAN)
        "ckanext.tokyo.validation": ["templates/*.html"],
        "ckanext.tokyo.catalog_validation": ["templates/*.html", "assets/*"],
        "ckanext.tokyo.metadata": ["assets/*"],
        "ckanext.tokyo.dcat": ["templates/**/*"],
    },
    entry_points={
        "ckan.plugins": [
            "tokyo_schema = ckanext.tokyo.plugins.schema:TokyoSchemaPlugin",
            "tokyo_dcat = ckanext.tokyo.plugins.dcat:TokyoDcatPlugin",
            "tokyo_validation = ckanext.tokyo.plugins.validation:TokyoValidationPlugin",
            "tokyo_datastore = ckanext.tokyo.plugins.datastore:TokyoDatastorePlugin",
            "tokyo_requests = ckanext.tokyo.plugins.requests:TokyoRequestsPlugin",
            "tokyo_inventory = ckanext.tokyo.plugins.inventory:TokyoInventoryPlugin",
            "tokyo_usecases = ckanext.tokyo.plugins.usecases:TokyoUsecasesPlugin",
            "tokyo_quality = ckanext.tokyo.plugins.quality:TokyoQualityPlugin",
            "tokyo_harvest = ckanext.tokyo.plugins.harvest:TokyoHarvestPlugin",
            "tokyo_dcat_harvester = ckanext.tokyo.plugins.harvest:TokyoDCATHarvester",
            "tokyo_ckan_harvester = ckanext.tokyo.plugins.harvest:TokyoCKANHarvester",
            "tokyo_seo = ckanext.tokyo.plugins.seo:TokyoSeoPlugin",
            "tokyo_usage = ckanext.tokyo.plugins.usage:TokyoUsagePlugin",
            "tokyo_portal = ckanext.tokyo.plugins.portal:TokyoPortalPlugin",
        ],
        "babel.extractors": ["ckan = ckan.lib.extract:extract_ckan"],
        "ckan.rdf.profiles": ["tokyo_dcat_ap = ckanext.tokyo.dcat.profile:TokyoDCATAPProfile",
                              "tokyo_usecases = ckanext.tokyo.usecases.dcat:TokyoUsecasesProfile"],
        "console_scripts": ["tokyo-validate = ckanext.tokyo.validation.cli:main"],
    },
)
