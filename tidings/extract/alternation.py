"""One scan for many word patterns, as ``re`` would make it but without trying every row at every word.

``re`` tries the rows of an alternation one after another at each word start. :class:`Alternation`
first looks at the word's first letter and tries only the rows that can begin with it, in their order:
the same matches (``start``, ``end``, ``lastgroup``) as the one compiled pattern, several times faster
for the trigger words of :mod:`tidings.extract.events` (tens of rows, a sentence a call).
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from re import _constants as sre
from re import _parser as sre_parse


class Alternation:
    """``\\b(?:(?P<t0>row0)|(?P<t1>row1)|...)\\b`` with ``finditer`` dispatched on each match's first letter."""

    def __init__(self, rows: Sequence[str], flags: int = re.IGNORECASE) -> None:
        def whole(numbers: Sequence[int]) -> re.Pattern[str]:
            return re.compile(r"\b(?:" + "|".join(rf"(?P<t{i}>{rows[i]})" for i in numbers) + r")\b", flags)

        self.pattern = whole(range(len(rows)))
        firsts = [_first_chars(sre_parse.parse(row, flags & ~re.IGNORECASE)) for row in rows]
        fold = (lambda c: c.lower()) if flags & re.IGNORECASE else (lambda c: c)
        keys = {fold(c) for chars in firsts for c in (chars or ()) if c.isascii()}
        if any(chars is None or any(not c.isascii() for c in chars) for chars in firsts) or not keys:
            self._by_char: dict[str, re.Pattern[str]] | None = None  # a row could start anywhere: no shortcut
            return
        self._fold = fold
        self._by_char = {k: whole([i for i, chars in enumerate(firsts) if any(fold(c) == k for c in chars or ())])
                         for k in sorted(keys)}
        # where a row could start: a word boundary before one of the first letters, in the pattern's case
        # rules (so also before a non-ASCII letter that ``re`` folds onto one: "ſ" is "s" to it, and there
        # the whole pattern is tried)
        letters = "".join(re.escape(k) for k in sorted(keys))
        self._starts = re.compile(rf"\b(?=[{letters}])", flags)

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        """The matches ``self.pattern.finditer(text, pos)`` gives, in order."""
        if self._by_char is None:
            yield from self.pattern.finditer(text, pos)
            return
        end = 0
        for start in self._starts.finditer(text, pos):
            at = start.start()
            if at < end:
                continue
            ch = text[at]
            sub = self._by_char.get(self._fold(ch)) if ch.isascii() else self.pattern
            if sub is not None and (m := sub.match(text, at)) is not None:
                yield m
                end = m.end()


def _first_chars(items: sre_parse.SubPattern | list) -> set[str] | None:  # type: ignore[type-arg]
    """The characters a parsed pattern can begin with, or None when that is not a short list
    (a class such as ``\\w``, a pattern that can match nothing)."""
    chars, nullable = _first(items)
    return None if nullable else chars


def _first(items) -> tuple[set[str] | None, bool]:  # type: ignore[no-untyped-def]
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            return chars | {chr(av)}, False
        if op is sre.IN:
            for kind, value in av:
                if kind is sre.LITERAL:
                    chars.add(chr(value))
                elif kind is sre.RANGE:
                    chars.update(map(chr, range(value[0], value[1] + 1)))
                else:
                    return None, False
            return chars, False
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero-width: the next item gives the first character
        if op is sre.SUBPATTERN:
            sub, nullable = _first(av[3])
        elif op is sre.BRANCH:
            sub, nullable = set(), False
            for branch in av[1]:
                got, empty = _first(branch)
                if got is None:
                    return None, False
                sub |= got
                nullable = nullable or empty
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            sub, nullable = _first(av[2])
            nullable = nullable or av[0] == 0
        else:
            return None, False
        if sub is None:
            return None, False
        chars |= sub
        if not nullable:
            return chars, False
    return chars, True
