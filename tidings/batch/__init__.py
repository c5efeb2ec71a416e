"""Analyse many documents: one per-document function, mapped by an engine, written in partitions."""

from tidings.batch.engines import DaskEngine, Engine, LocalEngine
from tidings.batch.runner import BatchReport, analyse_one, run_batch

__all__ = ["BatchReport", "DaskEngine", "Engine", "LocalEngine", "analyse_one", "run_batch"]
