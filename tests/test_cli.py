"""The command line: numbers, extract's error paths (no model needed)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from claimex.cli import app
from tests.conftest import SEED

runner = CliRunner()


def test_numbers_prints_every_mention() -> None:
    result = runner.invoke(app, ["numbers", str(SEED)])
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 21
    assert lines[1].split("\t") == [
        "290",
        "296",
        "11 000",
        "11000",
        "quantity",
        "approximate",
        "soldats",
    ]


def test_numbers_reads_stdin() -> None:
    result = runner.invoke(app, ["numbers", "-"], input="au moins 150 missiles")
    assert result.stdout.split("\t")[2:6] == ["150", "150", "quantity", "at_least"]


def test_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    result = runner.invoke(app, ["numbers", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"claimex: error: {tmp_path / 'missing.txt'}: no such file"
    assert "Traceback" not in result.output


def test_extract_refuses_bad_input_clearly(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   ")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00\x01" * 100)
    # an input that cannot be used is an error record (1), whether unreadable or empty
    for path, message, code in ((empty, "the text is empty", 1), (binary, "not UTF-8", 1)):
        result = runner.invoke(
            app, ["extract", str(path), "--base-url", "http://127.0.0.1:9/v1", "--model", "m"]
        )
        assert result.exit_code == code, result.output
        assert message in result.stderr and "Traceback" not in result.output


def test_the_installed_command_runs() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "claimex.cli", "numbers", "-"],
        input="environ 2 700 blessés",
        capture_output=True,
        text=True,
        check=True,
    )
    assert "2 700\t2700\tquantity\tapproximate\tblessés" in out.stdout
