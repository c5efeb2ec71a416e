import tidings


def test_exported_all_is_exact_and_sorted():
    assert tidings.__all__ == sorted(tidings.__all__)
    public = {n for n in dir(tidings) if not n.startswith("_")} - {"errors", "types", "logging"}
    assert set(tidings.__all__) - {"__version__"} <= public
