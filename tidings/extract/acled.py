"""Map a PLOVER event (type, mode) to ACLED's event type and sub-event type: the one crosswalk (#4).

The rows follow the definitions of ACLED's codebook (2022 edition; 6 event types, 25 sub-event
types), not a fit to any dataset. PLOVER types with no ACLED counterpart (CONSULT, REQUEST,
ACCUSE, THREATEN, SANCTION, AID, ..., and the non-PLOVER DISASTER) map to nothing.
"""

from __future__ import annotations

_BATTLES, _REMOTE, _VAC = "Battles", "Explosions/Remote violence", "Violence against civilians"
_PROTESTS, _RIOTS, _STRATEGIC = "Protests", "Riots", "Strategic developments"

CROSSWALK: dict[tuple[str, str], tuple[str, str]] = {
    ("ASSAULT", "clash"): (_BATTLES, "Armed clash"),
    ("ASSAULT", "aerial"): (_REMOTE, "Air/drone strike"),
    ("ASSAULT", "drone"): (_REMOTE, "Air/drone strike"),
    ("ASSAULT", "shelling"): (_REMOTE, "Shelling/artillery/missile attack"),
    ("ASSAULT", "explosive"): (_REMOTE, "Remote explosive/landmine/IED"),
    ("ASSAULT", "suicide"): (_REMOTE, "Suicide bomb"),
    ("ASSAULT", "grenade"): (_REMOTE, "Grenade"),
    ("ASSAULT", "chemical"): (_REMOTE, "Chemical weapon"),
    ("ASSAULT", "attack"): (_VAC, "Attack"),
    ("ASSAULT", "abduction"): (_VAC, "Abduction/forced disappearance"),
    ("ASSAULT", "sexual"): (_VAC, "Sexual violence"),
    ("ASSAULT", "mob"): (_RIOTS, "Mob violence"),
    ("ASSAULT", "toll"): (_VAC, "Attack"),  # a killing named by its toll alone, no weapon or clash word
    ("PROTEST", "demonstration"): (_PROTESTS, "Peaceful protest"),
    ("PROTEST", "strike"): (_PROTESTS, "Peaceful protest"),
    ("PROTEST", "intervention"): (_PROTESTS, "Protest with intervention"),
    ("PROTEST", "excessive-force"): (_PROTESTS, "Excessive force against protesters"),
    ("PROTEST", "riot"): (_RIOTS, "Violent demonstration"),
    ("COERCE", "arrest"): (_STRATEGIC, "Arrests"),
    ("COERCE", "destruction"): (_STRATEGIC, "Looting/property destruction"),
    ("COERCE", "seizure"): (_STRATEGIC, "Looting/property destruction"),  # (ACLED's seizure of property by the state)
    ("AGREE", "agreement"): (_STRATEGIC, "Agreement"),
    ("RETREAT", "withdrawal"): (_STRATEGIC, "Non-violent transfer of territory"),
}


def acled_type(kind: str, mode: tuple[str, ...]) -> tuple[str, str] | None:
    """Return ACLED's (event type, sub-event type) for the first of ``mode`` the crosswalk knows, or None.

    Args:
        kind: the PLOVER type ("ASSAULT").
        mode: the event's modes, most specific first (("shelling", "aerial")).

    Example:
        >>> acled_type("ASSAULT", ("shelling", "aerial"))
        ('Explosions/Remote violence', 'Shelling/artillery/missile attack')
    """
    return next((CROSSWALK[(kind, m)] for m in mode if (kind, m) in CROSSWALK), None)
