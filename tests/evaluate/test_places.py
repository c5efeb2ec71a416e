"""Geoparsing evaluation readers and scores, on hand-written corpora in the datasets' layouts."""

from tidings.evaluate.places import evaluate_places, format_places_table, read_geo_docs

LGL = """<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="1"><title>t</title><text>Fire in Alexandria, Va. Crews came from Arlington.</text>
<toponyms><toponym><start>8</start><end>18</end><phrase>Alexandria</phrase>
<gaztag geonameid="4744091"><name>Alexandria</name><lat>38.8048</lat><lon>-77.0469</lon></gaztag></toponym>
<toponym><start>40</start><end>49</end><phrase>Arlington</phrase>
<gaztag geonameid="4744709"><name>Arlington</name><lat>38.88101</lat><lon>-77.10428</lon></gaztag></toponym>
<toponym><start>0</start><end>4</end><phrase>Nowhere</phrase></toponym>
</toponyms></article></articles>"""


def test_places_eval_reads_lgl_and_scores(tmp_path):
    path = tmp_path / "lgl.xml"
    path.write_text(LGL, encoding="utf-8")
    name, docs = read_geo_docs(tmp_path)
    assert name == "lgl" and len(docs[0].toponyms) == 2  # the toponym with no gaztag is not gold
    report = evaluate_places(path, end_to_end=False)
    scores = report.resolution.as_dict()
    assert scores["n"] == 2 and scores["acc161"] == 100.0
    assert "| lgl |" in format_places_table([report])


def test_places_eval_repairs_shifted_offsets(tmp_path):
    text = LGL.replace("<start>40</start><end>49</end>", "<start>43</start><end>52</end>")
    (tmp_path / "lgl.xml").write_text(text, encoding="utf-8")
    _, docs = read_geo_docs(tmp_path / "lgl.xml")
    assert docs[0].toponyms[1].start == 40


def test_places_eval_skips_the_train_split(tmp_path):
    text = LGL.replace("</article></articles>", "</article>" + LGL.split("<articles>")[1].split("</articles>")[0]
                       .replace('docid="1"', 'docid="2"') + "</articles>")
    path = tmp_path / "lgl.xml"
    path.write_text(text, encoding="utf-8")
    assert evaluate_places(path, end_to_end=False).docs == 2
    report = evaluate_places(path, end_to_end=False, skip=1)
    assert report.docs == 1 and report.resolution.n == 2


def test_held_out_skips_each_datasets_train_split() -> None:
    from tidings.evaluate.places import TRAIN_ARTICLES, train_articles

    assert train_articles("../shared/data/events/lgl/lgl.xml") == TRAIN_ARTICLES["lgl"]
    assert train_articles("../shared/data/events/geowebnews/GWN.xml") == TRAIN_ARTICLES["geowebnews"]
    assert train_articles("../shared/data/events/tr_news/TR-News.xml") == 0  # all held out
