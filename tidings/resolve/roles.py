"""Roles: appositives that name a person's office, and role descriptions that point back to them."""

from __future__ import annotations

import re

from tidings.extract.lexicon import ROLE_GENERIC, ROLE_NOUNS, TITLES

_MODIFIERS = frozenset(
    """former then new acting current outgoing incoming deputy vice top senior chief security
    defence defense foreign interior finance health state news military ex opposition party union
    interim regional national local federal presidential royal general executive managing assistant
    associate principal lead veteran retired major army navy air police""".split()
)
_MULTI = sorted((r for r in ROLE_NOUNS if " " in r), key=len, reverse=True)
_OF_PLACE = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|de|da|del|do|of|and))*"
                       r"(?:\s+(?:province|region|state|district|county|governorate|oblast|prefecture))?$")
# "The minister for correctional services, [Justina Kopal]": the office's portfolio ("The head of the agency's
# Manado office, [X]" keeps no role: "the head" is too common a word to point back to one person)
PORTFOLIO = r"(?:the\s+)?[\w’'-]+(?:\s+(?:and\s+)?[\w’'-]+){0,4}"  # "correctional services", "civil aviation"
_PORTFOLIO = re.compile(r"\s+for\s+" + PORTFOLIO + "$")
_POST_APPOSITIVE = re.compile(r"^,\s+(?:a|an|the)\s+([^,.;:()“”\"]{2,80})")


def _head(words: list[str]) -> tuple[str, int] | None:
    """The role noun ending ``words`` (longest multiword first) and how many words it spans."""
    low = [w.lower() for w in words]
    for role in _MULTI:
        n = len(role.split())
        if len(low) >= n and " ".join(low[-n:]) == role:
            return role, n
    if low and low[-1] in ROLE_NOUNS:
        return low[-1], 1
    return None


def _is_modifier(word: str) -> bool:
    if re.search(r"[\"“”,;:]", word):  # 'Appeal,"' ends a quote, not a role
        return False
    return bool(word) and (word[0].isupper() or word.lower() in _MODIFIERS or word.lower() in ROLE_NOUNS
                           or word.endswith(("’s", "'s")))


def role_before(text: str, start: int, sent_start: int) -> str | None:
    """A role phrase right before a name: "Kremlin spokesman [Dmitry Peskov]", "official, [X]"."""
    before = text[sent_start:start].rstrip()
    if before.endswith(","):
        before = before[:-1].rstrip()
    words = before.split()
    found = _head(words)
    for complement in (_OF_PLACE, _PORTFOLIO):
        if not found and (of := complement.search(before)) is not None:
            words = before[: of.start()].split()  # "The chief district officer of Myagdi, [Keshav Adhikari]"
            found = _head(words)
    if not found:
        return None
    _, n = found
    i = len(words) - n
    while i > 0 and _is_modifier(words[i - 1]) and words[i - 1] not in ("The", "A", "An"):
        i -= 1
        if i == 0 or words[i - 1].lower() in ("the", "a", "an"):
            break
    role = words[i:]
    if len(role) == 1 and role[0] in TITLES and role[0][0].isupper():
        return role[0].lower()
    return " ".join(role)


def role_after(text: str, end: int) -> str | None:
    """A role phrase right after a name: "[Ivan Popov], a former major general who ..."."""
    m = _POST_APPOSITIVE.match(text[end : end + 120])
    if not m:
        return None
    words = re.findall(r"[\w’'-]+", m.group(1))[:6]
    for k in range(len(words), 0, -1):
        if _head(words[:k]):
            return " ".join(words[:k])
    return None


def parse_role(role: str) -> tuple[str, set[str]]:
    """("Ukrainian president") -> ("president", {"ukrainian"}); modifiers exclude "former" etc."""
    words = role.replace("’s", "").replace("'s", "").split()
    found = _head(words)
    head, n = found if found else (words[-1].lower() if words else "", 1)
    mods = {w.lower() for w in words[: len(words) - n] if w[:1].isupper()}
    return head, mods


def role_matches(np_role: str, entity_roles: tuple[str, ...]) -> bool:
    """Does a description ("the Ukrainian leader") fit one of an entity's known roles?"""
    head, mods = parse_role(np_role)
    for role in entity_roles:
        r_head, r_mods = parse_role(role)
        heads_fit = head == r_head or r_head in ROLE_GENERIC.get(head, ()) \
            or r_head.endswith(" " + head) and not r_head.startswith(("prime ", "vice "))  # (a prime minister is no
        # "minister", a vice president no "president"; an interior minister is one)
        # ("Egypt's foreign minister" is the Egyptian Foreign Minister, and the other way round)
        if heads_fit and all(m in r_mods | {r + "n" for r in r_mods} | _demonyms(r_mods) or r_mods & _demonyms({m})
                             for m in mods):
            return True
    return False


def _demonyms(mods: set[str]) -> set[str]:
    """Place names in a role also allow their adjective: "US" ~ "american", "Moscow" ~ "russian"."""
    out = set()
    for m in mods:
        out.update({m + "ian", m + "an", m.rstrip("a") + "an"})
    return out
