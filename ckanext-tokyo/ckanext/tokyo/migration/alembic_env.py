"""The Alembic environment every plugin's migrations share: each plugin's
env.py calls run() with its name, which names its version table
(``<plugin>_alembic_version``, as CKAN expects)."""
from logging.config import fileConfig

from alembic import context
from sqlalchemy import engine_from_config, pool


def run(name):
    config = context.config  # read per run: `ckan db upgrade` runs several plugins in one process
    if config.config_file_name:
        fileConfig(config.config_file_name)
    version_table = "{}_alembic_version".format(name)
    if context.is_offline_mode():
        context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=None,
                          literal_binds=True, version_table=version_table)
        with context.begin_transaction():
            context.run_migrations()
        return
    connectable = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.",
                                     poolclass=pool.NullPool)
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=None, version_table=version_table)
        with context.begin_transaction():
            context.run_migrations()
