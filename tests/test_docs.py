"""Docs stay honest: every CLI command has help and an example, and the README shows it."""

from pathlib import Path

import click

from tidings.cli import cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "tidings"):
    for name, cmd in group.commands.items():
        yield f"{prefix} {name}", cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, f"{prefix} {name}")


def test_docs_every_command_has_help_and_is_in_readme():
    for path, cmd in _commands(cli):
        assert cmd.help, f"{path} has no help"
        if not isinstance(cmd, click.Group):
            assert "Example:" in cmd.help, f"{path} has no Example: block"
            assert path in README, f"{path} is not shown in README.md"


def test_docs_readme_names_the_example_and_test_commands():
    assert "pip install -e ." in README and "tidings analyze examples/" in README
    assert "python -m pytest" in README
    example = README.split("tidings analyze examples/")[1].split()[0]
    assert (Path(__file__).resolve().parent.parent / "examples" / example).exists()
