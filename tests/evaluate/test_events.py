"""Event-type classification evaluation on hand-written TSVs in the CASE and PLV layouts.

The ACLED model that scores CASE does not ship (ACLED's terms: internal benchmarking only), so these
tests load the shipped PLOVER model through the same folder loader, and skip what needs the real one.
"""

import pytest
from click.testing import CliRunner

from tidings.cli import cli
from tidings.errors import ModelError
from tidings.evaluate.events import (
    ACLED_MODEL,
    ClassReport,
    case_skip_reason,
    evaluate_case,
    evaluate_plv,
    evaluate_plv_stage,
    format_events_table,
)
from tidings.models import model_dir
from tidings.models.textcat import from_dir

_CASE = ("id\tEventSnippet\tSubType\n1\tWarplanes bombed the village, killing six.\tAIR_STRIKE\n"
         "2\tA flood hit the town.\tNATURAL_DISASTER\n")
_PLV = "uid\tgold_root\tsentence\n1\tCOERCE\tPolice arrested twelve men in the city.\n"


def test_events_eval_scores():
    report = ClassReport("x", "y", ["A", "A", "B"], ["A", "B", "B"])
    assert round(report.accuracy, 3) == 0.667
    assert round(report.macro_f1, 3) == round((2 / 3 + 2 / 3) / 2, 3)
    assert "| x | y | 3 |" in format_events_table([report])


def test_events_eval_case_and_plv(tmp_path):
    case = tmp_path / "case.tsv"
    case.write_text(_CASE, encoding="utf-8")
    report = evaluate_case(case, model_dir("event-plover"))  # any classifier folder: the loader, not the labels
    assert report.gold == ["AIR_STRIKE"] and report.system == "event-plover-v2"  # unseen types are not in subtask 1
    plv = tmp_path / "PLV_test.tsv"
    plv.write_text(_PLV, encoding="utf-8")
    model, rules = evaluate_plv(plv)
    assert model.pred[0] in model.per_label and rules.pred == ["COERCE"]


@pytest.mark.skipif(case_skip_reason() is not None,
                    reason=f"no ACLED model in {ACLED_MODEL} (not shipped); python -m training.events.finetune --only acled")
def test_events_eval_case_with_the_acled_model(tmp_path):
    case = tmp_path / "case.tsv"
    case.write_text(_CASE, encoding="utf-8")
    report = evaluate_case(case)
    from tidings.models.textcat import from_dir

    assert report.system == "event-acled-v2" and report.pred[0] in from_dir(ACLED_MODEL).labels


def test_events_acled_model_missing_is_one_line_and_a_coded_error(tmp_path):
    reason = case_skip_reason(tmp_path / "nothing")
    assert reason and "\n" not in reason and "python -m training.events.finetune" in reason
    with pytest.raises(ModelError) as err:
        from_dir(tmp_path / "nothing")
    assert err.value.code == "E303"


def test_events_cli_skips_case_without_the_acled_model(tmp_path):
    plv = tmp_path / "PLV_test.tsv"
    plv.write_text(_PLV, encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "events", "--plv", str(plv), "--case", str(tmp_path / "no-case"),
                                      "--acled-model", str(tmp_path / "no-model")])
    assert result.exit_code == 0, result.output
    assert result.output.count("CASE 2021 skipped") == 1 and "python -m training.events.finetune" in result.output
    assert "| plv | event-plover-v2 | 1 |" in result.output and "case2021" not in result.output
    assert "| plv | extract_events stage | 1 |" in result.output


def test_events_eval_plv_stage_types_each_sentence_by_its_first_event(tmp_path):
    plv = tmp_path / "PLV_test.tsv"
    plv.write_text(_PLV + "2\tCONSULT\tThe weather was mild.\n", encoding="utf-8")
    report = evaluate_plv_stage(plv)
    assert report.system == "extract_events stage" and report.gold == ["COERCE", "CONSULT"]
    assert report.pred[0] == "COERCE" and report.pred[1] in ("NONE", *report.per_label)
