"""Score the golden corpus (tests/golden + the seed) and compare with the pinned floors.

Usage: python tests/eval_gate.py            print the table; exit 1 if any figure is under its floor
       python tests/eval_gate.py --raise    raise floors to today's figures (floors only rise)
       python tests/eval_gate.py --raise --allow-lower   also lower them (say why in the commit)
"""

from __future__ import annotations

import copy
import math
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BASELINE = Path(__file__).with_name("eval_baseline.json")
METRICS = ("quote_recall", "quote_precision", "speaker_accuracy", "entity_recall", "headline_recall", "duplicates_found",
           "event_recall", "toll_correct", "people_not_split")


def articles() -> list[tuple[str, Path, Path]]:
    found = [(p.stem, p, p.with_suffix(".gold.json")) for p in sorted((ROOT / "tests/golden").glob("*.txt"))]
    seed = SHARED / "seed/live-blog-kyiv.txt"
    if seed.exists():
        found.append(("seed-live-blog-kyiv", seed, seed.with_suffix(".gold.json")))
    return [a for a in found if a[2].exists()]


def _scorer():
    spec = importlib.util.spec_from_file_location("seed_score", SHARED / "seed/score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def score_article(text_path: Path, gold_path: Path) -> dict[str, float]:
    """The seed scorer's figures for one article; n/a figures (no headlines in gold) are left out."""
    from tidings.ingest import read_text
    from tidings.pipeline import run
    from tidings.serialize import to_dict

    analysis = to_dict(run(read_text(text_path)))
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    probe = copy.deepcopy(gold)
    no_heads, no_dups = not gold["posts"]["headlines"], not gold["posts"]["near_duplicates"]
    probe["posts"]["headlines"] = probe["posts"]["headlines"] or ["-"]
    probe["posts"]["near_duplicates"] = probe["posts"]["near_duplicates"] or [["-", "--"]]
    res = _scorer()(analysis, probe)
    out = {k: float(res[k]) for k in ("quote_recall", "quote_precision", "speaker_accuracy", "entity_recall",
                                      "event_recall")}
    if not no_heads:
        out["headline_recall"] = res["headline_recall"]
    if not no_dups:
        out["duplicates_found"] = res["duplicates_found"]
    first = gold["events"]["required"][0] if gold["events"]["required"] else {}
    if isinstance(first.get("killed_min"), int) and "injured_min" in first:  # a story with a toll
        out["toll_correct"] = float(res["kyiv_casualties"])
    out["people_not_split"] = float(not res["fragmented_people"])
    return out


def score_conll() -> dict[str, dict[str, float]]:
    """Entity F1 of the shipped model on CoNLL-2003 test, when the shared data is here."""
    path = SHARED / "data/ner/conll2003/test.conllu"
    if not path.exists():
        return {}
    from tidings.evaluate.ner import evaluate_ner

    report = evaluate_ner(path)
    figs = {"micro_f1": round(report.micro.f1, 4)}
    figs.update({f"{k.lower()}_f1": round(v.f1, 4) for k, v in report.per_type.items()})
    return {"conll2003-test": figs}


def score_polnear() -> dict[str, dict[str, float]]:
    """Attribution scores of the whole quote stage on PolNeAR dev, when the shared data is here."""
    path = SHARED / "data/quotes/polnear/dev"
    if not path.exists():
        return {}
    from tidings.evaluate.quotes import evaluate_quotes

    report = evaluate_quotes(path)
    figs = {f"{role}_exact_f1": round(report.exact[role].f1, 4) for role in report.exact}
    figs["attribution_f1"] = round(report.attribution.f1, 4)
    figs["quote_03_f1"] = round(report.quote_03.f1, 4)
    return {"polnear-dev": figs}


def score_places() -> dict[str, dict[str, float]]:
    """Toponym resolution on gold spans, held-out articles only, when the shared data is here."""
    from tidings.evaluate.places import evaluate_places, train_articles
    from tidings.evaluate.scores import ratio

    out = {}
    for rel in ("geowebnews/GWN.xml", "lgl/lgl.xml", "tr_news/TR-News.xml"):
        path = SHARED / "data/events" / rel
        if path.exists():
            report = evaluate_places(path, end_to_end=False, skip=train_articles(path))
            res = report.resolution
            out[f"places-{report.name}-held-out"] = {
                "acc161": round(ratio(res.within, res.n), 4), "exact_id": round(ratio(res.exact, res.n), 4)}
    return out


def score_acled(limit: int = 200) -> dict[str, dict[str, float]]:
    """Whole event records against the first ``limit`` ACLED 2022 notes of each group, when here."""
    path = SHARED / "data/events/acled_sample_2022"
    if not path.exists():
        return {}
    from tidings.evaluate.records import evaluate_records

    return {f"acled-{r.group.lower()}-first-{limit}": {k: round(r.share(k), 4) for k in sorted(r.hits)}
            for r in evaluate_records(path, limit=limit)}


def score_gsr() -> dict[str, dict[str, float]]:
    """Whole event records from the PLOVER GSR sentences, when here (shares of the records coding each field)."""
    path = SHARED / "data/events/plover_gsr"
    if not path.exists():
        return {}
    from tidings.evaluate.records import evaluate_gsr

    (r,) = evaluate_gsr(path)
    coded = {k: round(r.hits.get(k, 0) / r.hits[f"{k}_coded"], 4) for k in ("actor", "target", "dead", "place")
             if r.hits.get(f"{k}_coded")}
    return {"plover-gsr": {"type": round(r.share("type"), 4), "any_type": round(r.share("any_type"), 4),
                           "model": round(r.share("model"), 4), **coded}}


def score_plv() -> dict[str, dict[str, float]]:
    """PLOVER types on PLV test: the event-plover model alone and the whole extract_events stage, when here."""
    path = SHARED / "data/events/plover_plv_zsp"
    if not path.exists():
        return {}
    from tidings.evaluate.events import evaluate_plv, evaluate_plv_stage

    model, _ = evaluate_plv(path)
    stage = evaluate_plv_stage(path)
    return {"plv-test": {"model_macro_f1": round(model.macro_f1, 4), "stage_macro_f1": round(stage.macro_f1, 4)}}


def score_all() -> dict[str, dict[str, float]]:
    scores = {name: score_article(t, g) for name, t, g in articles()}
    scores.update(score_conll())
    scores.update(score_polnear())
    scores.update(score_places())
    scores.update(score_acled())
    scores.update(score_gsr())
    scores.update(score_plv())
    return scores


def below_floor(scores: dict[str, dict[str, float]], floors: dict[str, dict[str, float]]) -> list[str]:
    return [f"{name}.{k} = {v:.2f} < floor {floors[name][k]:.2f}"
            for name, figs in scores.items() for k, v in figs.items()
            if k in floors.get(name, {}) and v + 1e-9 < floors[name][k]]


def main(argv: list[str]) -> int:
    scores = score_all()
    floors = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    print("| article | " + " | ".join(METRICS) + " |")
    print("|---|" + "---:|" * len(METRICS))
    for name, figs in scores.items():
        if name.startswith(("conll", "polnear", "places", "acled", "plover", "plv")):
            continue
        print(f"| {name} | " + " | ".join(f"{figs[k]:.2f}" if k in figs else "n/a" for k in METRICS) + " |")
    for name, figs in scores.items():
        if name.startswith(("conll", "polnear", "places", "acled", "plover", "plv")):
            print(f"\n{name}: " + ", ".join(f"{k} {v:.4f}" for k, v in figs.items()))
    if "--raise" in argv:
        allow = "--allow-lower" in argv
        for name, figs in scores.items():
            old = floors.setdefault(name, {})
            for k, v in figs.items():
                v = math.floor(v * 10_000) / 10_000  # rounded down, so today's figure passes
                old[k] = v if allow else max(v, old.get(k, 0.0))
        BASELINE.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n")
    bad = below_floor(scores, floors)
    for line in bad:
        print("below floor:", line)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
