"""Engines map one function over items, in order: in this process, or on a dask.distributed cluster.

An engine knows nothing about documents or stages; ``run_batch`` gives it the one per-document
function. Results come back in the order of the items, so every engine writes the same output.
"""

from __future__ import annotations

import collections
import contextlib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

LOGGER = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

_METHOD = "distributed.worker.multiprocessing-method"


class Engine(Protocol):
    """Anything that maps ``fn`` over ``items`` and yields the results in the items' order."""

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]: ...


@dataclass(frozen=True, slots=True)
class LocalEngine:
    """Map in this process, one item at a time.

    Example:
        >>> list(LocalEngine().map(len, ["a", "bb"]))
        [1, 2]
    """

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        for item in items:
            yield fn(item)


@dataclass(frozen=True, slots=True)
class DaskEngine:
    """Map on a dask.distributed cluster: the one at ``scheduler``, or a local one started for the call.

    A local cluster has ``n_workers`` worker processes of one thread each, listens on 127.0.0.1 only,
    has no dashboard, and is closed when the map ends, fails or is abandoned. Its workers are
    started by spawn (dask's default), never by fork: a forked copy of a process that already ran
    onnxruntime deadlocks in it. Items are submitted as they are read, at most ``window`` ahead of
    the results, so a long stream never sits in memory at once.

    Args:
        scheduler: address of a running scheduler (``tcp://host:8786``), or None for a local cluster.
        n_workers: worker processes of the local cluster.
        window: tasks in flight at once.

    Example (starts two processes, so not run as a doctest)::

        engine = DaskEngine()
        list(engine.map(len, ["a", "bb"]))  # [1, 2]
    """

    scheduler: str | None = None
    n_workers: int = 2
    window: int = 64

    @contextlib.contextmanager
    def connect(self) -> Iterator[Any]:
        """A ``distributed.Client`` for the map; a local cluster it started is closed on exit."""
        from distributed import Client

        if self.scheduler is not None:
            with Client(self.scheduler, set_as_default=False) as client:  # type: ignore[no-untyped-call]
                yield client
            return
        with self._local_cluster() as cluster, \
                Client(cluster, set_as_default=False) as client:  # type: ignore[no-untyped-call]
            LOGGER.info("local dask cluster at %s with %d workers", cluster.scheduler_address,
                        self.n_workers)
            yield client

    def _local_cluster(self) -> Any:
        import dask
        from distributed import LocalCluster

        method = dask.config.get(_METHOD, default="spawn")
        if method == "fork":  # see the class docstring: onnxruntime in a forked child deadlocks
            LOGGER.warning("%s is 'fork'; using 'spawn' for the workers", _METHOD)
            method = "spawn"
        with dask.config.set({_METHOD: method}):
            return LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=self.n_workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                dashboard_address=None, env={"TIDINGS_THREADS": "1"})  # one model thread a worker

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        with self.connect() as client:
            pending: collections.deque[Any] = collections.deque()
            for item in items:
                pending.append(client.submit(fn, item, pure=False))
                if len(pending) >= self.window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
