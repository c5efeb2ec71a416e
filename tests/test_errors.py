import re
from pathlib import Path

import tidings.errors as errors


def test_errors_every_code_is_used_somewhere():
    here = Path(errors.__file__)
    source = "\n".join(p.read_text() for p in here.parent.rglob("*.py") if p != here)
    unused = [code for code in errors.MESSAGES if f'"{code}"' not in source]
    assert unused == []


def test_errors_tree_in_docstring_matches_classes():
    named = set(re.findall(r"(\w+Error)\s+E\dxx", errors.__doc__))
    classes = {n for n, c in vars(errors).items() if isinstance(c, type) and issubclass(c, errors.TidingsError)}
    assert named == classes - {"TidingsError"}


def test_errors_message_is_one_line_with_code():
    err = errors.IngestError("E101", source="x.txt")
    assert str(err) == "[E101] x.txt: no such file; check the path" and err.code == "E101"


def test_errors_pickle_round_trip():
    import pickle

    err = pickle.loads(pickle.dumps(errors.StoreError("E402", source="a", store="s", timeout=5)))
    assert isinstance(err, errors.StoreError) and err.code == "E402" and "locked" in str(err)
