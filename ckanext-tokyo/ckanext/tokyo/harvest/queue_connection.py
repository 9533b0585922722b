"""ckanext-harvest's Redis consumers wait for work with BLPOP and no timeout of
their own. redis-py 6 and later (8 with CKAN 2.12) give every connection a
5 s socket timeout, so an idle gather or fetch consumer died after 5 s. Its
connections read without a timeout again, as with redis-py 5 (CKAN 2.11)."""
from __future__ import annotations

from typing import Any


def reads_without_timeout() -> None:
    from ckanext.harvest import queue

    make = queue.get_connection_redis
    if getattr(make, "reads_without_timeout", False):
        return

    def get_connection_redis() -> Any:
        connection = make()
        connection.connection_pool.connection_kwargs["socket_timeout"] = None
        return connection

    get_connection_redis.reads_without_timeout = True  # type: ignore[attr-defined]
    queue.get_connection_redis = get_connection_redis
