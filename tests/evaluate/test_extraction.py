import gzip
import json
from pathlib import Path

import pytest

from tidings.evaluate.extraction import (
    _counts,
    _macro,
    evaluate_dates,
    evaluate_extraction,
    format_dates_table,
    format_extraction_table,
)

PAGE = ("<html><head>{head}</head><body><nav>Menu Home World</nav><article><p>{body}</p></article>"
        "<footer>Copyright footer</footer></body></html>")
BODY = "The council approved the new budget on Monday after a long debate in the chamber."


def test_extraction_counts_bag_of_words():
    assert _counts(["a", "b", "b"], ["b", "c"], n=1) == (1, 1, 2)
    assert _counts(["a", "b", "c", "d", "e"], ["a", "b", "c", "d"], n=4) == (1, 0, 1)


def test_extraction_macro_average_follows_benchmark():
    score = _macro([(1, 0, 1), (0, 0, 4)])  # page 2: nothing extracted -> no precision, recall 0
    assert score.precision == 1.0 and score.recall == 0.25 and score.f1 == pytest.approx(0.4)


def test_extraction_and_dates_on_hand_made_folders(tmp_path):
    bench = tmp_path / "bench"
    (bench / "html").mkdir(parents=True)
    (bench / "ground-truth.json").write_text(json.dumps({"k1": {"articleBody": BODY, "url": "https://x.example/1"}}))
    with gzip.open(bench / "html" / "k1.html.gz", "wb") as f:
        f.write(PAGE.format(head="", body=BODY).encode())
    report = evaluate_extraction(bench)
    assert report.pages == 1 and report.failed == 0 and report.token.f1 > 0.9
    assert "| words" in format_extraction_table(report)

    dates = tmp_path / "dates"
    (dates / "html").mkdir(parents=True)
    head = '<meta property="article:published_time" content="2025-04-24T23:30:00-04:00">'
    (dates / "html" / "a.html").write_text(PAGE.format(head=head, body=BODY))
    (dates / "html" / "b.html").write_text(PAGE.format(head="", body=BODY))
    (dates / "evaldata_en.json").write_text(json.dumps({
        "https://x.example/a": {"file": "a.html", "date": "2025-04-24"},
        "https://x.example/b": {"file": "b.html"},
    }))
    date_report = evaluate_dates(dates)
    assert (date_report.with_gold, date_report.correct, date_report.accuracy) == (1, 1, 1.0)
    assert "accuracy" in format_dates_table(date_report)


SHARED = Path(__file__).parents[2] / ".." / "shared" / "data" / "news" / "trafilatura_eval_en"


@pytest.mark.skipif(not SHARED.exists(), reason="shared corpus not present")
def test_extraction_dates_on_a_few_shared_pages(tmp_path):
    gold = json.loads((SHARED / "evaldata_en.json").read_text(encoding="utf-8"))
    dated = dict(sorted((u, r) for u, r in gold.items() if r.get("date"))[:8])
    (tmp_path / "html").mkdir()
    for record in dated.values():
        (tmp_path / "html" / record["file"]).write_bytes((SHARED / "html" / record["file"]).read_bytes())
    (tmp_path / "evaldata_en.json").write_text(json.dumps(dated))
    assert evaluate_dates(tmp_path).accuracy >= 0.6
