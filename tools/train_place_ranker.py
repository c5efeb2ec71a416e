"""Learn the weights of the place ranker (``tidings.extract.places.FEATURES``) on a train split (issue #4).

A conditional logit over each gold toponym's candidates: the candidates within 161 km of the gold
point (or with its GeoNames id) are the right ones, and the weights maximise their share of the
softmax, with an L2 penalty. The context features depend on the other toponyms' picks, so the
fit is repeated: picks from the shipped weights (or the hand-set defaults), a fit, picks from the
fitted weights, a fit again.

Train split (nothing else is read): LGL articles 1-294 (the first half, in file order, the
development set used so far) and GeoWebNews articles 1-100 (the first half, in file order). The rest
of LGL and GeoWebNews, all of TR-News and all of GeoVirus are held out for reporting.

Run from the repository root: ``python tools/train_place_ranker.py [--data DIR]``; it writes
``tidings/models/geonames-v1/ranker.json``.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

import numpy as np

from tidings.evaluate.places import TRAIN_ARTICLES

OUT = Path("tidings/models/geonames-v1/ranker.json")
SPLITS = {"lgl/lgl.xml": TRAIN_ARTICLES["lgl"], "geowebnews/GWN.xml": TRAIN_ARTICLES["geowebnews"]}  # first N articles
L2 = 0.01
# features whose weight may not be negative: evidence for a reading never counts against it (without
# the bound, local US news teaches that a national capital is a bad guess: "Athens" is in Georgia)
NONNEGATIVE = ("capital", "qualifier", "same_country", "same_region", "named_region", "near", "country_named",
               "any_region", "any_country", "capital_context", "demonym", "capital_namesake",
               "country_context")
# a national capital keeps at least the bonus it had before the ranker: "Washington" (and London) is the
# capital in world news, which the local news of the train split (Athens, Ga.; Dublin, Ohio) hardly shows
MINIMUM = {"capital": 1.5, "capital_context": 2.0}


def mentions(data: Path, weights) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per gold toponym with 2+ candidates and a right one: its feature matrix and which rows are right."""
    from tidings.evaluate.places import distance_km, read_geo_docs
    from tidings.extract import places as P

    out = []
    for rel, n in SPLITS.items():
        _, docs = read_geo_docs(data / rel)
        for doc in docs[:n]:
            spans = [(g.start, g.end) for g in doc.toponyms]
            keys, cands, quals = P._readings(doc.text, spans, True)
            picks = P._resolve(keys, cands, quals, weights, rounds=1)
            ctx = P._Context.of(picks, cands, keys)
            for gold, key, cs, q in zip(doc.toponyms, keys, cands, quals):
                if len(cs) < 2:
                    continue
                right = np.array([c.place.geonameid == gold.geonameid
                                  or distance_km(P._with_point(c, picks), gold.lat, gold.lon) <= 161.0 for c in cs])
                if right.any() and not right.all():
                    feats = np.array([P._features(c, key, cs, q, ctx.without(key)) for c in cs])
                    out.append((feats, right))
    return out


def fit(data: list[tuple[np.ndarray, np.ndarray]], start: np.ndarray) -> np.ndarray:
    from scipy.optimize import minimize

    from tidings.extract.places import FEATURES

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = L2 * float(w @ w), 2 * L2 * w
        for x, right in data:
            s = x @ w
            s -= s.max()
            p = np.exp(s)
            p /= p.sum()
            pr = p[right].sum()
            total -= math.log(max(pr, 1e-300))
            q = np.where(right, p / max(pr, 1e-300), 0.0)  # posterior over the right rows
            grad -= q @ x - p @ x
        return total / len(data), grad / len(data)

    bounds = [(MINIMUM.get(f, 0.0), None) if f in NONNEGATIVE else (None, None) for f in FEATURES]
    start = np.array([w if lo is None else max(w, lo) for w, (lo, _) in zip(start, bounds)])
    return minimize(loss, start, jac=True, method="L-BFGS-B", bounds=bounds).x


def main() -> None:
    from tidings.extract import places as P

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="../shared/data/events", type=Path)
    parser.add_argument("--out", default=OUT, type=Path)
    parser.add_argument("--rounds", default=3, type=int)
    args = parser.parse_args()
    weights = np.array(P.DEFAULT_WEIGHTS, dtype=float)
    for r in range(args.rounds):
        data = mentions(args.data, tuple(weights))
        weights = fit(data, weights)
        top1 = sum(bool(right[int(np.argmax(x @ weights))]) for x, right in data) / len(data)
        print(f"round {r + 1}: {len(data)} ambiguous toponyms, top-1 right {100 * top1:.1f}%")
    meta = {"features": list(P.FEATURES), "weights": [round(float(w), 4) for w in weights],
            "trained_on": "LGL articles 1-294 and GeoWebNews articles 1-100 (file order), gold spans",
            "l2": L2, "tool": "tools/train_place_ranker.py"}
    args.out.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    for name, w in zip(P.FEATURES, weights):
        print(f"  {name:14s} {w:8.3f}")


if __name__ == "__main__":
    main()
