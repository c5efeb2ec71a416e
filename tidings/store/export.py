"""Write what a store holds as JSON lines, CSV, Parquet or GeoJSON."""

from __future__ import annotations

import csv
import dataclasses
import json
from pathlib import Path
from typing import IO, Any

from tidings.errors import ConfigError
from tidings.store.base import Store

FORMATS = ("jsonl", "csv", "parquet", "geojson")
TABLES = ("quotes", "entities", "events")


def _rows(store: Store, table: str) -> list[dict[str, Any]]:
    fetch: Any = {"quotes": store.quotes, "entities": store.entities, "events": store.events}[table]
    return [dataclasses.asdict(row) for row in fetch(limit=10**9)]


def export_store(store: Store, out: IO[str] | Path, *, fmt: str, table: str = "quotes") -> int:
    """Write ``store`` to ``out`` and return how many records were written.

    jsonl: one full analysis per document; csv and parquet: one row per quote, entity or event
    (``table``); geojson: one feature per event, its geometry null until places carry coordinates.

    Raises:
        ConfigError: unknown format or table, or parquet asked for on a text stream.
    """
    if fmt not in FORMATS:
        raise ConfigError("E502", value=fmt, choices=", ".join(FORMATS))
    if table not in TABLES:
        raise ConfigError("E502", value=table, choices=", ".join(TABLES))
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise ConfigError("E505")
        return _parquet(_rows(store, table), out)
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as fh:
            return export_store(store, fh, fmt=fmt, table=table)
    if fmt == "jsonl":
        n = 0
        for doc_id in store.document_ids():
            out.write(json.dumps(store.get(doc_id), ensure_ascii=False) + "\n")
            n += 1
        return n
    if fmt == "geojson":
        features = list(_features(store))
        json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
        return len(features)
    rows = _rows(store, table)
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows({k: json.dumps(v) if isinstance(v, (list, tuple)) else v for k, v in r.items()}
                         for r in rows)
    return len(rows)


def _features(store: Store) -> Any:
    """One GeoJSON feature per event: a point where its place is on the map, else no geometry."""
    for doc_id in store.document_ids():
        data = store.get(doc_id) or {}
        for e in data.get("events", ()):
            place = (e.get("location") or {}).get("place") or {}
            point = {"type": "Point", "coordinates": [place["lon"], place["lat"]]} if place.get("lat") is not None else None
            props = {"document": doc_id, "url": data["document"].get("url"), "id": e["id"], "type": e["type"],
                     "text": e["text"], "place": place.get("name"), "country": place.get("country"),
                     "date": (e.get("time") or {}).get("value") or data["document"].get("published"),
                     "killed": e["casualties"].get("killed"), "injured": e["casualties"].get("injured")}
            yield {"type": "Feature", "geometry": point, "properties": props}


def _parquet(rows: list[dict[str, Any]], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    flat = [{k: json.dumps(v) if isinstance(v, (list, tuple)) else v for k, v in r.items()} for r in rows]
    pq.write_table(pa.Table.from_pylist(flat), path)
    return len(rows)
