"""Engines only map: in order, lazily, and a local dask cluster on loopback that is always closed."""

from __future__ import annotations

import os

import psutil
import pytest

from tidings.batch import DaskEngine, LocalEngine


def test_engines_local_maps_in_order_and_lazily() -> None:
    seen: list[int] = []

    def items():
        for i in range(5):
            seen.append(i)
            yield i

    results = LocalEngine().map(abs, (-i for i in items()))
    assert next(results) == 0 and seen == [0]
    assert list(results) == [1, 2, 3, 4]


def test_engines_dask_local_cluster_on_loopback_ordered_and_closed() -> None:
    engine = DaskEngine(n_workers=2)
    with engine.connect() as client:
        cluster = client.cluster
        assert client.scheduler.address.startswith("tcp://127.0.0.1:")
        workers = client.scheduler_info()["workers"]
        assert len(workers) == 2 and all(w.startswith("tcp://127.0.0.1:") for w in workers)
        assert os.getpid() not in client.run(os.getpid).values()
        assert all(n == 1 for n in client.nthreads().values())
        # a second engine on the running scheduler: ordered results with few tasks in flight
        remote = DaskEngine(scheduler=client.scheduler.address, window=3)
        assert list(remote.map(abs, range(-20, 0))) == list(range(20, 0, -1))
        with pytest.raises(TypeError):
            list(remote.map(abs, [1, "x", 3]))
        assert client.status == "running"  # an engine given an address leaves that cluster alone
    assert client.status == "closed" and cluster.status.name == "closed"


def test_engines_dask_closes_cluster_when_abandoned() -> None:
    before = {p.pid for p in psutil.Process().children(recursive=True)}
    results = DaskEngine(n_workers=1, window=2).map(abs, range(-10, 0))
    assert next(results) == 10
    assert {p.pid for p in psutil.Process().children(recursive=True)} - before  # a worker runs
    results.close()  # the consumer stopped early: the generator's exit closes the cluster
    _, alive = psutil.wait_procs(
        [p for p in psutil.Process().children(recursive=True) if p.pid not in before], timeout=10)
    assert not alive
