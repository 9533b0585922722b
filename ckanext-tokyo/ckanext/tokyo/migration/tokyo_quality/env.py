from ckanext.tokyo.migration.alembic_env import run

run(__file__)
