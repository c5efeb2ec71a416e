#!/usr/bin/env python3
"""Check the golden corpus: every <name>.gold.json in this folder against its <name>.txt.

Usage: python tests/golden/check_gold.py [DIR] [--score SCORE_PY]

Checks, for every *.gold.json (stops with a message and exit status 1 at the first failure):
  * valid JSON with the keys the seed gold file has (about, posts{headlines, untitled_opening_post,
    near_duplicates, source_line}, entities{required, optional}, quotes{required, optional},
    events{required, optional}, dates_in_text, amounts_in_text);
  * every required/optional quote text is an exact substring of the article;
  * every headline is a whole line of the article, and near_duplicates pairs are two of those headlines
    (one headline twice where the article repeats it word for word);
  * the source line, when given, is a line of the article;
  * every entity has a known type and every alias appears in the article;
  * every quote speaker is null or the name of a *required* entity (score.py only looks speakers up
    among required entities);
  * event types are PLOVER categories (or the one extension DISASTER for natural hazards, which PLOVER
    lacks); the first required event carries killed_min and injured_min (integers, or null where the
    article states no such count: a story with no toll at all has both null), since score.py reads
    the toll from it; actors/targets/locations are entity names or appear in the article;
  * every string in dates_in_text and amounts_in_text appears in the article.

With --score PATH (e.g. /work/shared/seed/score.py) it also runs that scorer on an empty analysis for every
gold file, to see that it reads them; a ZeroDivisionError there for a gold file whose headlines or
near_duplicates list is empty (plain articles have no posts) is reported as a known limitation of the
scorer, not as a failure.
"""
import glob
import json
import os
import sys

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
EXTRA_EVENT_TYPES = {"DISASTER"}
ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT"}
QUOTE_KINDS = {"direct", "indirect", "mixed"}


class GoldError(Exception):
    pass


def need(cond, msg):
    if not cond:
        raise GoldError(msg)


def check(gold_path):
    base = gold_path[: -len(".gold.json")]
    txt_path = base + ".txt"
    need(os.path.exists(txt_path), f"no article {txt_path} for {gold_path}")
    text = open(txt_path, encoding="utf-8").read()
    lines = [ln.strip() for ln in text.splitlines()]
    lines_set = set(lines)
    try:
        gold = json.load(open(gold_path, encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise GoldError(f"invalid JSON: {e}")

    # keys
    for k in ("about", "posts", "entities", "quotes", "events", "dates_in_text", "amounts_in_text"):
        need(k in gold, f"missing key {k!r}")
    for k in ("headlines", "untitled_opening_post", "near_duplicates", "source_line"):
        need(k in gold["posts"], f"missing key posts.{k!r}")
    for k in ("entities", "quotes", "events"):
        for part in ("required", "optional"):
            need(isinstance(gold[k].get(part), list), f"missing list {k}.{part}")
        need(gold[k]["required"], f"{k}.required is empty (score.py divides by its length)")
    need(isinstance(gold["posts"]["untitled_opening_post"], bool), "posts.untitled_opening_post is not a bool")

    # posts
    heads = gold["posts"]["headlines"]
    for h in heads:
        need(h.strip() == h and h in lines_set, f"headline is not a line of the article: {h!r}")
    need(len(set(heads)) == len(heads), "duplicate headline in posts.headlines")
    for pair in gold["posts"]["near_duplicates"]:
        need(isinstance(pair, list) and len(pair) == 2, f"near_duplicates entry is not a pair: {pair!r}")
        for h in pair:
            need(h in heads, f"near_duplicates member is not a listed headline: {h!r}")
        need(pair[0] != pair[1] or sum(line.strip() == pair[0] for line in lines) >= 2,
             f"near_duplicates pair repeats one headline that the article has once: {pair!r}")
        need(heads.index(pair[0]) < heads.index(pair[1]) or pair[0] == pair[1],
             f"near_duplicates pair not in article order: {pair!r}")
    first_line = next((ln for ln in lines if ln), "")
    if gold["posts"]["untitled_opening_post"]:
        need(first_line not in heads, "untitled_opening_post is true but the first line is a headline")
    src = gold["posts"]["source_line"]
    if src is not None:
        need(src in lines_set, f"source_line is not a line of the article: {src!r}")

    # entities
    names = set()
    required_names = set()
    for part in ("required", "optional"):
        for e in gold["entities"][part]:
            need(isinstance(e.get("name"), str) and e["name"], f"entity without a name: {e!r}")
            need(e.get("type") in ENTITY_TYPES, f"entity {e['name']!r} has unknown type {e.get('type')!r}")
            need(e["name"] not in names, f"entity listed twice: {e['name']!r}")
            names.add(e["name"])
            if part == "required":
                required_names.add(e["name"])
            need(e["name"] in text or any(a in text for a in e.get("aliases", [])),
                 f"entity {e['name']!r}: neither its name nor any alias appears in the article")
            for a in e.get("aliases", []):
                need(a in text, f"alias {a!r} of {e['name']!r} does not appear in the article")

    # quotes
    for part in ("required", "optional"):
        for qt in gold["quotes"][part]:
            t = qt.get("text")
            need(isinstance(t, str) and t, f"quote without text: {qt!r}")
            need(t in text, f"{part} quote is not a substring of the article: {t!r}")
            need(qt.get("kind") in QUOTE_KINDS, f"quote {t[:40]!r} has unknown kind {qt.get('kind')!r}")
            sp = qt.get("speaker", "missing")
            need(sp is None or sp in required_names,
                 f"quote {t[:40]!r}: speaker {sp!r} is not null nor the name of a required entity")

    # events
    for part in ("required", "optional"):
        for ev in gold["events"][part]:
            types = ev.get("type")
            types = types if isinstance(types, list) else [types]
            for ty in types:
                need(ty in PLOVER | EXTRA_EVENT_TYPES, f"event {ev.get('what')!r}: unknown type {ty!r}")
            for k in ("actor", "target", "location"):
                if k in ev:
                    v = ev[k]
                    need(v in names or v.lower() in text.lower(),
                         f"event {ev.get('what')!r}: {k} {v!r} is neither an entity nor in the article")
            for k in ("killed_min", "injured_min"):
                if k in ev and ev[k] is not None:  # null: the article states none
                    need(isinstance(ev[k], int) and not isinstance(ev[k], bool) and ev[k] >= 0,
                         f"event {ev.get('what')!r}: {k} is not a non-negative int")
    first = gold["events"]["required"][0]
    for k in ("killed_min", "injured_min"):
        need(k in first and (first[k] is None or isinstance(first[k], int)),
             f"first required event has no {k}, an integer or null (score.py reads it)")

    # dates and amounts
    for k in ("dates_in_text", "amounts_in_text"):
        for s in gold[k]:
            need(s in text, f"{k} entry does not appear in the article: {s!r}")
    return gold


def smoke_score(score_py, gold_path, gold):
    import importlib.util
    spec = importlib.util.spec_from_file_location("seed_score", score_py)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    empty = {"posts": [], "entities": [], "quotes": [], "events": []}
    try:
        mod.score(empty, gold)
        return "scored"
    except ZeroDivisionError:
        if not gold["posts"]["headlines"] or not gold["posts"]["near_duplicates"]:
            return "KNOWN LIMITATION: scorer divides by an empty headlines/near_duplicates list"
        raise


def main(argv):
    args = [a for a in argv[1:]]
    score_py = None
    if "--score" in args:
        i = args.index("--score")
        score_py = args[i + 1]
        del args[i:i + 2]
    folder = args[0] if args else os.path.dirname(os.path.abspath(__file__))
    paths = sorted(glob.glob(os.path.join(folder, "*.gold.json")))
    if not paths:
        print(f"FAIL: no *.gold.json in {folder}")
        return 1
    for p in paths:
        try:
            gold = check(p)
        except GoldError as e:
            print(f"FAIL {os.path.basename(p)}: {e}")
            return 1
        line = (f"ok   {os.path.basename(p)}: entities {len(gold['entities']['required'])}+"
                f"{len(gold['entities']['optional'])}, quotes {len(gold['quotes']['required'])}+"
                f"{len(gold['quotes']['optional'])}, events {len(gold['events']['required'])}+"
                f"{len(gold['events']['optional'])}, headlines {len(gold['posts']['headlines'])}")
        if score_py:
            line += f" | score.py: {smoke_score(score_py, p, gold)}"
        print(line)
    print(f"all {len(paths)} gold files pass")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
