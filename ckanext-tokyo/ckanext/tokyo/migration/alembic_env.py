"""The alembic environment of every plugin's migrations: each
``migration/<plugin>/env.py`` calls ``run(__file__)``, and the plugin's
revisions are kept in its own version table ``<plugin>_alembic_version``
(``ckan db upgrade -p <plugin>``)."""
import os

from alembic import context
from sqlalchemy import engine_from_config, pool


def run(env_file: str) -> None:
    name = os.path.basename(os.path.dirname(os.path.abspath(env_file)))
    config = context.config
    version_table = f"{name}_alembic_version"
    if context.is_offline_mode():
        context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=None,
                          literal_binds=True, version_table=version_table)
        with context.begin_transaction():
            context.run_migrations()
        return
    connectable = engine_from_config(config.get_section(config.config_ini_section),
                                     prefix="sqlalchemy.", poolclass=pool.NullPool)
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=None, version_table=version_table)
        with context.begin_transaction():
            context.run_migrations()
