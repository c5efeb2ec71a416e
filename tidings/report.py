"""A readable plain-text summary of one analysis: posts, people, quotes, events."""

from __future__ import annotations

from tidings.types import Analysis


def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_summary(analysis: Analysis) -> str:
    """Return a short human summary of ``analysis``, one fact per line."""
    doc = analysis.doc
    lines = [f"# {doc.title or doc.id}" + (f"  ({doc.source})" if doc.source else "")]
    lines.append(f"\nPosts ({len(analysis.posts)})")
    for p in analysis.posts:
        head = p.headline.text(doc) if p.headline else f"[{p.kind}]"
        stamp = f"{p.timestamp} " if p.timestamp else ""
        dup = f"  (repeats post {p.duplicate_of})" if p.duplicate_of is not None else ""
        lines.append(f"  {p.id:>2}. {stamp}{_clip(head)}{dup}")
    people = [e for e in analysis.entities if e.type == "PERSON"]
    others = [e for e in analysis.entities if e.type != "PERSON"]
    lines.append(f"\nPeople ({len(people)})")
    for ent in sorted(people, key=lambda x: -len(x.mentions)):
        extra = f"  — {', '.join(ent.roles[:2])}" if ent.roles else ""
        lines.append(f"  {ent.name} ×{len(ent.mentions)}{extra}")
    lines.append(f"\nOther entities ({len(others)}): " + ", ".join(f"{e.name} [{e.type}]" for e in others))
    lines.append(f"\nQuotes ({len(analysis.quotes)})")
    for q in analysis.quotes:
        who = analysis.entities[q.entity].name if q.entity is not None else \
            analysis.mentions[q.speaker].span.text(doc) if q.speaker is not None else "?"
        rep = "  (repeat)" if q.repeat_of is not None else ""
        lines.append(f"  {who}: [{q.kind}] {_clip(q.span.text(doc), 80)}{rep}")
    if analysis.attributions:
        lines.append(f"\nOther attributions: believed, wanted, refused ({len(analysis.attributions)})")
    for q in analysis.attributions:
        who = analysis.entities[q.entity].name if q.entity is not None else "?"
        cue = q.cue.text(doc) if q.cue else ""
        lines.append(f"  {who} {cue}: {_clip(q.span.text(doc), 80)}")
    lines.append(f"\nEvents ({len(analysis.events)})")
    for event in analysis.events:
        where = f" @ {analysis.entities[event.location].name}" if event.location is not None else ""
        when = f" ({analysis.times[event.time].span.text(doc)})" if event.time is not None else ""
        toll = ", ".join(f"{k} {v}" for k, v in event.casualties if not k.endswith("_qualifier"))
        trigger = _clip(event.trigger.text(doc), 40)
        lines.append(f"  {event.type}{where}{when}{'  [' + toll + ']' if toll else ''}: {trigger}")
    return "\n".join(lines) + "\n"
