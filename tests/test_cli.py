"""The command line, driven through click's runner and, for stdin and exit codes, a real process."""

import json
import subprocess
import sys

import jsonschema
import pytest
from click.testing import CliRunner

from tidings.cli import cli
from tidings.serialize import to_dict

ARTICLE = """Harbour fire leaves dozens homeless
At least three people were killed and 14 injured when a fire swept through the harbour in Bergen on Friday.
“We will rebuild every house,” Mayor Ingrid Solberg told reporters.
"""


@pytest.fixture
def article(tmp_path):
    p = tmp_path / "fire.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def test_cli_analyze_json_matches_schema(article):
    from importlib import resources

    res = CliRunner().invoke(cli, ["analyze", str(article), "--format", "json", "--published", "2025-01-10"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    schema = json.loads(resources.files("tidings").joinpath("schema/analysis.schema.json").read_text())
    jsonschema.validate(data, schema)
    text = data["document"]["text"]
    for q in data["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"] and q["text"].strip()
    assert data["quotes"][0]["speaker"]["name"] == "Ingrid Solberg"
    assert any(e["casualties"]["killed"] == 3 and e["casualties"]["injured"] == 14 for e in data["events"])


def test_cli_analyze_text_summary(article):
    res = CliRunner().invoke(cli, ["analyze", str(article)])
    assert res.exit_code == 0 and "Quotes (1)" in res.output and "Ingrid Solberg" in res.output


def test_cli_bad_inputs_fail_alone_with_one_line_each(article, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"caf\xe9")
    missing = tmp_path / "missing.txt"
    res = CliRunner().invoke(cli, ["analyze", str(empty), str(article), str(binary), str(latin), str(missing),
                                   "--format", "jsonl"])
    assert res.exit_code == 1
    lines = [line for line in res.stdout.splitlines() if line.strip()]
    assert len(lines) == 1 and json.loads(lines[0])["document"]["id"].endswith("fire.txt")
    errors = [line for line in res.stderr.splitlines() if line.startswith("error:")]
    assert [e.split()[1] for e in errors] == ["[E102]", "[E103]", "[E104]", "[E101]"]


def test_cli_usage_errors_exit_2(article):
    assert CliRunner().invoke(cli, ["analyze", str(article), "--format", "xml"]).exit_code == 2
    assert CliRunner().invoke(cli, ["analyze", str(article), "--published", "yesterday"]).exit_code == 2
    assert CliRunner().invoke(cli, ["analyze"]).exit_code == 2


def test_cli_stdin_and_empty_stdin():
    run = [sys.executable, "-m", "tidings", "analyze", "-", "--format", "json", "--published", "2025-04-24"]
    ok = subprocess.run(run, input=ARTICLE, capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0 and json.loads(ok.stdout)["document"]["published"] == "2025-04-24"
    empty = subprocess.run(run, input="", capture_output=True, text=True, timeout=120)
    assert empty.returncode == 1 and "E106" in empty.stderr and len(empty.stderr.strip().splitlines()) == 1


def test_cli_huge_file_is_refused_quickly(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 10_500_000)  # 52 MB
    res = CliRunner().invoke(cli, ["analyze", str(big)])
    assert res.exit_code == 1 and "E105" in res.stderr


def test_cli_to_dict_offsets_point_into_text(article):
    from tidings.ingest import read_text
    from tidings.pipeline import run

    data = to_dict(run(read_text(article)))
    text = data["document"]["text"]
    for e in data["entities"]:
        for m in e["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]


def test_cli_encoding_option(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Mayor Ana Núñez said the bridge was safe.".encode("cp1252"))
    assert CliRunner().invoke(cli, ["analyze", str(p)]).exit_code == 1
    res = CliRunner().invoke(cli, ["analyze", str(p), "--encoding", "cp1252"])
    assert res.exit_code == 0 and "Núñez" in res.output
    assert CliRunner().invoke(cli, ["analyze", str(p), "--encoding", "klingon"]).exit_code == 2


def test_cli_ingest_query_export_round_trip(article, tmp_path):
    db = str(tmp_path / "t.db")
    other = tmp_path / "second.txt"
    other.write_text("Opening line.\nMinister quits over budget\n“I have had enough,” Finance Minister Lena Holm said.\n",
                     encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", str(article), str(other), "--db", db])
    assert first.exit_code == 0 and "new 2" in first.stdout
    again = runner.invoke(cli, ["ingest", str(article), "--db", db])
    assert again.exit_code == 0 and "duplicate 1" in again.stdout
    found = runner.invoke(cli, ["quotes", "--db", db, "--speaker", "Holm", "--format", "json"])
    rows = [json.loads(line) for line in found.stdout.splitlines()]
    assert [r["text"] for r in rows] == ["“I have had enough,”"] and rows[0]["speaker"] == "Lena Holm"
    csv_out = tmp_path / "q.csv"
    assert runner.invoke(cli, ["export", "--db", db, "--format", "csv", "--out", str(csv_out)]).exit_code == 0
    assert "I have had enough" in csv_out.read_text(encoding="utf-8")
    pq_out = tmp_path / "e.parquet"
    assert runner.invoke(cli, ["export", "--db", db, "--format", "parquet", "--table", "events",
                               "--out", str(pq_out)]).exit_code == 0
    import pyarrow.parquet as pq

    assert pq.read_table(pq_out).num_rows >= 1
    dump = runner.invoke(cli, ["export", "--db", db, "--format", "jsonl"])
    assert len([line for line in dump.stdout.splitlines() if line.startswith("{")]) == 2
    geo = runner.invoke(cli, ["export", "--db", db, "--format", "geojson"])
    assert json.loads(geo.stdout.splitlines()[0])["type"] == "FeatureCollection"


def test_cli_ingest_reports_failures_and_keeps_going(article, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    res = CliRunner().invoke(cli, ["ingest", str(bad), str(article), "--db", str(tmp_path / "t.db")])
    assert res.exit_code == 1 and "new 1" in res.stdout and "failed 1" in res.stdout
    assert "E102" in res.stderr


def test_cli_events_by_country_code_and_geojson_points(tmp_path):
    p = tmp_path / "kyiv.txt"
    p.write_text("At least four people were killed in a missile attack on Kyiv overnight, officials said.\n",
                 encoding="utf-8")
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(p), "--db", db]).exit_code == 0
    for country in ("UKR", "Ukraine", "ua"):
        res = runner.invoke(cli, ["events", "--db", db, "--country", country, "--format", "json"])
        assert [json.loads(line)["location"] for line in res.stdout.splitlines()] == ["Kyiv"]
    assert runner.invoke(cli, ["events", "--db", db, "--country", "FRA"]).stdout == ""
    geo = json.loads(runner.invoke(cli, ["export", "--db", db, "--format", "geojson"]).stdout)
    point = geo["features"][0]["geometry"]
    assert point["type"] == "Point" and 30 < point["coordinates"][0] < 31 and 50 < point["coordinates"][1] < 51


def test_cli_serve_binds_loopback_by_default_and_answers(tmp_path):
    import socket
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "tidings", "serve", "--db", str(tmp_path / "t.db"),
                             "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/openapi.json", timeout=2) as r:
                    assert json.loads(r.read())["openapi"]
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise AssertionError("server did not answer")
        assert proc.poll() is None
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_cli_json_over_several_inputs_is_one_array(article, tmp_path):
    other = tmp_path / "b.txt"
    other.write_text("Mayor Ana Berg said the bridge would reopen.", encoding="utf-8")
    res = CliRunner().invoke(cli, ["analyze", str(article), str(other), "--format", "json"])
    data = json.loads(res.stdout)
    assert res.exit_code == 0 and isinstance(data, list) and len(data) == 2
