"""The training data of the event-type classifiers (issue #4), read from ``../shared/data/events``.

* PLV (``plover_plv_zsp/PLV_train.tsv``, its train split): 15 PLOVER roots -> ``event-plover-v2``, shipped.
* The ACLED 2022 sample *notes* (9,000 + 326 events) under CASE 2021 task 2's 25 sub-type codes,
  plus the hand-written sentences in ``SEEDS`` for the sub-types that sample lacks (chemical
  weapons, headquarters, ...), written for this project -> ``event-acled-v2``: a different corpus
  from CASE's test snippets, which have no train split. **Not shipped**: ACLED's terms allow internal
  benchmarking only, no republishing; it lives in ``build/`` (git-ignored).

``training/events/finetune.py`` trains both. The TF-IDF + logistic regression models that came
first (``event-plover-v1``, ``event-acled-v1``) are in git history (commit ``0468203``).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

ACLED_TO_CASE = {
    "Armed clash": "ARMED_CLASH", "Government regains territory": "GOV_REGAINS_TERIT",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER", "Chemical weapon": "CHEM_WEAP",
    "Air/drone strike": "AIR_STRIKE", "Suicide bomb": "SUIC_BOMB", "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
    "Remote explosive/landmine/IED": "REM_EXPLOS", "Grenade": "GRENADE", "Peaceful protest": "PEACE_PROTEST",
    "Protest with intervention": "PROTEST_WITH_INTER", "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Violent demonstration": "VIOL_DEMONSTR", "Mob violence": "MOB_VIOL", "Agreement": "AGREEMENT", "Arrests": "ARREST",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT", "Disrupted weapons use": "DISR_WEAP",
    "Headquarters or base established": "HQ_ESTABLISHED", "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER", "Other": "OTHER", "Sexual violence": "SEX_VIOL",
    "Attack": "ATTACK", "Abduction/forced disappearance": "ABDUCT_DISSAP"}
# Written for this project from the ACLED codebook's definitions, for sub-types rare in the sample.
SEEDS = {
    "CHEM_WEAP": ["Government forces dropped barrels filled with chlorine gas on the town, leaving dozens suffocating.",
                  "A sarin gas attack hit the suburb, killing civilians who showed symptoms of nerve agent poisoning.",
                  "Residents were treated for breathing problems after shells containing toxic gas struck the village.",
                  "Militants used mustard gas against soldiers near the front line.",
                  "An attack with chemical weapons, believed to be chlorine, was reported in the district.",
                  "Activists said warplanes dropped bombs loaded with poisonous gas, causing cases of suffocation."],
    "HQ_ESTABLISHED": ["The rebel group set up a new headquarters in the captured town.",
                       "Militants established a base in the abandoned school building.",
                       "The armed group opened a command centre in the village after government troops left.",
                       "Troops established a new military base near the border crossing.",
                       "Fighters set up a checkpoint and a permanent camp on the outskirts of the city.",
                       "The militia established its headquarters in the district administration building."],
    "SUIC_BOMB": ["A suicide bomber blew himself up at a checkpoint, killing five soldiers.",
                  "A suicide car bomb exploded outside the police station.",
                  "A female suicide bomber detonated her explosive vest in the crowded market.",
                  "An attacker wearing a suicide vest blew himself up inside the mosque.",
                  "A suicide attack with a truck bomb targeted the military convoy."],
    "AGREEMENT": ["The government and the rebels signed a ceasefire agreement.",
                  "The two sides agreed on a prisoner exchange and released 40 detainees.",
                  "Warring factions signed a peace deal brokered by regional mediators.",
                  "Militia leaders reached an agreement to withdraw fighters from the town.",
                  "A truce was agreed between the armed groups after talks."],
    "GRENADE": ["Unidentified men threw a grenade at the police post, injuring two officers.",
                "A hand grenade was hurled into the bar, wounding several people.",
                "Attackers lobbed a grenade into the house of a local official.",
                "A grenade exploded in the market after being thrown from a motorcycle."],
    "GOV_REGAINS_TERIT": ["The army retook control of the town from the militants after heavy fighting.",
                          "Government forces recaptured the village from rebel fighters.",
                          "Troops regained control of the district previously held by insurgents.",
                          "Security forces liberated the area from the armed group."],
    "NON_STATE_ACTOR_OVERTAKES_TER": ["Militants seized control of the town after government troops withdrew.",
                                      "Rebels captured the district headquarters and took over the area.",
                                      "Insurgents overran the military base and took control of the village.",
                                      "The armed group took over the town after clashes with the army."],
    "NON_VIOL_TERRIT_TRANSFER": ["Government troops withdrew from the town and handed it over to the militia without a fight.",
                                 "Rebels peacefully took control of the area after the army left it.",
                                 "The armed group handed over the checkpoint to the police under the deal.",
                                 "Soldiers pulled out of the base, which was taken over by local fighters without clashes."],
    "SEX_VIOL": ["Soldiers raped two women in the village.", "A girl was sexually assaulted by members of the militia.",
                 "Armed men abducted and raped a woman on her way to the market.",
                 "Police officers were accused of sexually abusing detainees."],
    "FORCE_AGAINST_PROTEST": ["Security forces opened fire on peaceful protesters, killing three.",
                              "Police shot dead a demonstrator during a peaceful march.",
                              "Troops fired live rounds at protesters, killing several of them.",
                              "Protesters were beaten to death by security forces during the rally."],
}


def _clean(note: str) -> str:
    note = re.sub(r"^On (?:or around )?\d{1,2} \w+ \d{4},\s*", "", note)
    return re.sub(r"\[[^\]]*\]", "", note).strip()


def acled_examples(data: Path) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    for name in ("acled_events_2022_sample_9000.csv", "acled_events_argentina_2022_326.csv"):
        with open(data / "acled_sample_2022" / name, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                label = ACLED_TO_CASE.get(row["sub_event_type"])
                if label and row["notes"].strip():
                    texts.append(_clean(row["notes"]))
                    labels.append(label)
    for label, sentences in SEEDS.items():
        for s in sentences:  # a few copies: a hand-written sentence stands for many notes
            texts += [s] * 3
            labels += [label] * 3
    return texts, labels


def plover_examples(data: Path, split: str = "train") -> tuple[list[str], list[str]]:
    with open(data / "plover_plv_zsp" / f"PLV_{split}.tsv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [r["sentence"] for r in rows], [r["gold_root"] for r in rows]
