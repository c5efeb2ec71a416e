"""Name variants: titles, surnames and transliterations that point to one person."""

from __future__ import annotations

import functools
import re
import unicodedata

from tidings.extract.lexicon import ROLE_GENDER, TITLE_GENDER, TITLES

_TRANSLIT = (
    ("kh", "h"), ("ck", "k"), ("ph", "f"), ("w", "v"), ("j", "y"), ("ie", "y"),
    ("iy", "y"), ("yi", "y"), ("ij", "y"), ("ii", "y"), ("ee", "i"), ("ou", "u"), ("ts", "c"),
    ("tz", "c"), ("x", "ks"), ("q", "k"),
)


@functools.lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower-case ASCII skeleton of a name word, so "Zelenskiy" and "Zelensky" agree."""
    word = unicodedata.normalize("NFKD", word.lower())
    word = re.sub(r"^(?:al|el)[-‐‑]", "", word)  # "al-Hubaishi" is "Hubaishi"
    word = "".join(ch for ch in word if ch.isalpha())
    for a, b in _TRANSLIT:
        word = word.replace(a, b)
    word = re.sub(r"(.)\1+", r"\1", word)
    word = re.sub(r"^y(?=[aeiou])", "", word)  # Yevgeny / Evgeny
    return word[:-1] if len(word) > 4 and word.endswith("y") else word


def same_word(a: str, b: str) -> bool:
    """True when two name words are the same name, allowing one edit in long ones."""
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if min(len(fa), len(fb)) < 6 or fa[0] != fb[0] or abs(len(fa) - len(fb)) > 1:
        return False
    if len(fa) == len(fb) and sorted(fa) == sorted(fb) and sum(x != y for x, y in zip(fa, fb)) == 2:
        return True  # two letters swapped: "Kolomosiky" for "Kolomoisky"
    return _edit_distance(fa, fb) <= 1


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def split_title(name: str) -> tuple[list[str], list[str]]:
    """("Mr Zelensky") -> (["Mr"], ["Zelensky"]): leading titles, then the name words."""
    words = name.replace("’s", "").replace("'s", "").split()
    titles = []
    while len(words) > 1 and (words[0].rstrip(".") in TITLES or words[0].islower()):
        titles.append(words.pop(0).rstrip("."))
    return titles, words


def title_gender(titles: list[str]) -> str | None:
    """The gender a title ("Mrs") or the head of a role phrase ("Its chairwoman") says, if any."""
    for t in titles:
        if t in TITLE_GENDER:
            return TITLE_GENDER[t]
        head = t.split()[-1].lower() if t.split() else ""
        if head in ROLE_GENDER:
            return ROLE_GENDER[head]
    return None


def acronym(name: str) -> str:
    """Initials of the capitalised words: "United Nations" -> "UN"."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())
