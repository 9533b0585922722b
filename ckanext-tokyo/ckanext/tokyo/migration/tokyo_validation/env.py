"""Alembic environment of this plugin's migrations: the shared one."""
import os

from ckanext.tokyo.migration.alembic_env import run

run(os.path.basename(os.path.dirname(__file__)))
