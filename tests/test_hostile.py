"""Issue 12: a hostile input or a flaky server costs one error record, never the batch or a secret."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimex import ClaimexError, InputError, OptionError, extract, validate, verify_quantity
from claimex.batch import extract_many, load_records, read_records
from claimex.cli import app
from claimex.extract import check_text
from tests.stub_server import completion, stub_server
from tests.test_batch import TEXTS, options
from tests.test_faults import GOOD_ANSWER, SECRET, TEXT, WRONG_NUMBER

runner = CliRunner()


def cli(*args: str, url: str = "http://127.0.0.1:9/v1") -> Any:
    return runner.invoke(
        app,
        [
            "extract",
            "--base-url",
            url,
            "--model",
            "m",
            "--no-second-pass",
            "--strategy",
            "claims",
            *args,  # after the defaults: an option given here wins
        ],
    )


def one_line_each(stderr: str) -> bool:
    return all(line.startswith("claimex: ") for line in stderr.splitlines())


# ---- item 2: a resume after a crash mid-write


def test_a_resume_after_a_torn_write_redoes_that_input_and_keeps_the_others(tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    with stub_server(completion(GOOD_ANSWER), completion(GOOD_ANSWER)) as s:
        extract_many(TEXTS[:2], output=out, **options(s.base_url))
    a, b = out.read_text(encoding="utf-8").splitlines()
    out.write_text(a + "\n" + b[: len(b) // 2], encoding="utf-8")  # killed while writing b
    with stub_server(completion(GOOD_ANSWER), completion(GOOD_ANSWER)) as s:
        extract_many(TEXTS, output=out, **options(s.base_url))
        assert len(s.requests) == 2  # b again, and c
    read = load_records(out)
    assert [(r.id, r.status) for r in read.records] == [("a", "ok"), ("b", "ok"), ("c", "ok")]
    assert read.malformed == 0


def test_a_whole_last_record_without_its_newline_is_kept(tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    with stub_server(completion(GOOD_ANSWER)) as s:
        extract_many(TEXTS[:1], output=out, **options(s.base_url))
    out.write_text(out.read_text(encoding="utf-8").rstrip("\n"), encoding="utf-8")
    with stub_server(completion(GOOD_ANSWER)) as s:
        extract_many(TEXTS[:2], output=out, **options(s.base_url))
        assert len(s.requests) == 1  # only b: a was done
    assert [(r.id, r.status) for r in read_records(out)] == [("a", "ok"), ("b", "ok")]


# ---- items 3 and 4: one bad input is one error record


def test_a_bad_file_or_line_is_an_error_record_not_an_abort(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(TEXT, encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Le ministère a déployé 300 soldats.".encode("latin-1"))
    lines = [
        json.dumps({"id": "ok", "text": TEXTS[1][1]}),
        '{"id": "surrogate", "text": "environ \\ud800 soldats"}',
        json.dumps({"id": "number", "text": 123}),
        json.dumps({"id": "null", "text": None}),
        json.dumps({"id": "list", "text": ["liste"]}),
        json.dumps({"id": "object", "text": {"a": 1}}),
        "not json at all",
    ]
    # saved with a byte order mark, as some editors do
    (folder / "more.jsonl").write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode("utf-8"))
    out = tmp_path / "claims.jsonl"
    with stub_server(completion(GOOD_ANSWER), completion(GOOD_ANSWER)) as s:
        result = cli(str(folder), "-o", str(out), url=s.base_url)
        assert len(s.requests) == 2  # the two good texts only: nothing else is sent
    assert result.exit_code == 1, result.output
    assert one_line_each(result.stderr) and "Traceback" not in result.output
    records = {r.id: r for r in read_records(out)}
    assert {i for i, r in records.items() if r.status == "ok"} == {str(folder / "good.txt"), "ok"}
    errors = {i: r.error or "" for i, r in records.items() if r.status == "error"}
    assert "not UTF-8" in errors[str(folder / "latin1.txt")]
    assert "lone surrogate" in errors["surrogate"]
    for doc_id, kind in (("number", "a number"), ("null", "null"), ("list", "a list")):
        assert f"'text' is {kind}, not a string" in errors[doc_id]
    assert "'text' is an object" in errors["object"]
    assert "expected a JSON object" in errors[f"{folder / 'more.jsonl'}:7"]
    assert len(records) == 9


def test_the_library_batch_survives_any_text_value() -> None:
    items: list[Any] = [("a", TEXT), ("s", "x\ud800" + TEXT), ("n", 123), ("none", None)]
    with stub_server(completion(GOOD_ANSWER)) as s:
        records = extract_many(items, **options(s.base_url))
    assert [(r.id, r.status, r.error_type) for r in records] == [
        ("a", "ok", None),
        ("s", "error", "InputError"),
        ("n", "error", "InputError"),
        ("none", "error", "InputError"),
    ]


def test_a_text_in_a_script_without_spaces_is_not_french() -> None:
    chinese = (
        "据俄罗斯国防部消息，约一万一千名朝鲜士兵已被部署到该地区，至少一百五十枚导弹已经交付。" * 3
    )
    with pytest.raises(InputError, match="does not look French"):
        check_text(chinese)
    assert check_text(TEXT) == TEXT


@pytest.mark.parametrize(
    "call",
    [
        lambda: verify_quantity(TEXT, "11 000 soldats", "abc"),
        lambda: verify_quantity(TEXT, "11 000 soldats", 11000, high=float("nan")),
        lambda: verify_quantity(TEXT, "11 000 soldats", 11000, qualifier="roughly"),
        lambda: verify_quantity(None, "11 000 soldats", 11000),  # type: ignore[arg-type]
        lambda: validate([{"type": "quantitative"}], TEXT),  # type: ignore[list-item]
        lambda: validate([], None),  # type: ignore[arg-type]
    ],
    ids=["value", "high", "qualifier", "text", "dict-claim", "text-none"],
)
def test_wrong_types_raise_a_one_line_claimex_error(call: Any) -> None:
    with pytest.raises(ClaimexError) as info:
        call()
    assert isinstance(info.value, InputError | OptionError) and "\n" not in str(info.value)


# ---- item 5: options are checked once, before any work


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        (["--on-invalid", "bogus"], "--on-invalid"),
        (["--max-reasks", "-1"], "--max-reasks"),
        (["--concurrency", "0"], "--concurrency"),
        (["--server-kind", "nope"], "--server-kind"),
        (["--strategy", "fast"], "--strategy"),
        (["-f", "xml"], "--format"),
    ],
)
def test_a_bad_option_is_one_usage_error_before_any_request(
    tmp_path: Path, args: list[str], flag: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for doc_id, text in TEXTS:
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    with stub_server() as s:
        result = cli(str(folder), *args, url=s.base_url)
        assert s.requests == []
    assert result.exit_code == 2, result.output
    assert len(result.stderr.splitlines()) == 1 and flag in result.stderr


@pytest.mark.parametrize(
    "bad", [{"concurrency": 0}, {"max_reasks": -1}, {"on_invalid": "x"}, {"max_reask": 1}]
)
def test_the_library_batch_checks_options_before_any_request(bad: dict[str, Any]) -> None:
    with stub_server() as s, pytest.raises(OptionError):
        extract_many(TEXTS, **{**options(s.base_url), **bad})
    assert s.requests == []


@pytest.mark.parametrize("bad", [{"max_reasks": -1}, {"on_invalid": "x"}, {"server_kind": "y"}])
def test_extract_refuses_a_bad_option_with_a_claimex_error(bad: dict[str, Any]) -> None:
    with stub_server() as s, pytest.raises(OptionError):
        extract(TEXT, **{**options(s.base_url), **bad})
    assert s.requests == []


# ---- item 6: the output is proven writable first


@pytest.mark.parametrize("name", ["claims.csv", "claims.jsonl"])
def test_an_unwritable_output_fails_before_any_request(tmp_path: Path, name: str) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    with stub_server(completion(GOOD_ANSWER)) as s:
        result = cli(str(tmp_path / "a.txt"), "-o", str(blocker / name), url=s.base_url)
        assert s.requests == []
    assert result.exit_code == 2 and "cannot write there" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    with stub_server(completion(GOOD_ANSWER)) as s:
        result = cli(str(tmp_path / "a.txt"), "-o", str(tmp_path), url=s.base_url)
        assert s.requests == [] and result.exit_code == 2 and "is a folder" in result.stderr


# ---- item 8: one line per error, nothing skipped without a word


def test_instructors_logs_of_handled_failures_stay_off_stderr(
    capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with stub_server(completion(WRONG_NUMBER), completion(WRONG_NUMBER)) as s:
        result = extract(TEXT, **options(s.base_url), max_reasks=1)
    assert result.flagged == [0]  # the failure is reported where it belongs
    assert not [r for r in caplog.records if r.getMessage().startswith("Max retries exceeded")]
    assert capsys.readouterr().err == ""
    # instructor used directly still logs as it always did
    logging.getLogger("instructor.v2.retry").error("Max retries exceeded. (outside claimex)")
    assert any("outside claimex" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    ("content", "expect"),
    [
        ("{not json", "not JSON (Expecting property name"),
        ('[{"type": "quantitative", "subject": 3}]', "claim #0 is not valid"),
        ('[{"type": "nope"}]', "unknown claim type"),
        ('{"result": null}', "expected a list of claims"),
    ],
)
def test_validate_on_a_bad_claims_file_names_it_in_one_line(
    tmp_path: Path, content: str, expect: str
) -> None:
    from tests.conftest import SEED

    path = tmp_path / "claims.json"
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path), "--text", str(SEED)])
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1
    assert str(path) in result.stderr and expect in result.stderr


def test_report_says_how_many_lines_it_skipped(tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    with stub_server(completion(GOOD_ANSWER)) as s:
        extract_many(TEXTS[:1], output=out, **options(s.base_url))
    with out.open("a", encoding="utf-8") as f:
        f.write("garbage\n{}\n")
    result = runner.invoke(app, ["report", str(out), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 0, result.output
    assert "skipped 2 line(s)" in result.stderr


def test_a_folder_batch_reads_any_case_and_says_what_it_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "B.TXT").write_text(TEXT, encoding="utf-8")
    (folder / "notes.md").write_text(TEXT, encoding="utf-8")
    (folder / "README").write_text(TEXT, encoding="utf-8")
    (folder / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    with stub_server(completion(GOOD_ANSWER)) as s:
        result = cli(str(folder), "-f", "jsonl", url=s.base_url)
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [
        str(folder / "B.TXT")
    ]
    assert len(result.stderr.splitlines()) == 1
    assert "skipped 2 file(s)" in result.stderr and "notes.md" in result.stderr
    assert "README" in result.stderr


def test_identical_texts_get_distinct_keys_and_both_resume(tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    twins = [("x", TEXT), ("y", TEXT)]
    with stub_server(completion(GOOD_ANSWER), completion(GOOD_ANSWER)) as s:
        records = extract_many(twins, output=out, **options(s.base_url))
    assert len({r.key for r in records}) == 2
    assert [r.id for r in read_records(out)] == ["x", "y"]
    with stub_server() as s:
        again = extract_many(twins, output=out, **options(s.base_url))
        assert s.requests == [] and [r.status for r in again] == ["ok", "ok"]


def test_no_secret_of_a_url_reaches_a_record(tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    with pytest.raises(ClaimexError) as info:
        extract_many(TEXTS, output=out, **{**options(f"http://u:{SECRET}@127.0.0.1:9/v1")})
    assert SECRET not in str(info.value) and not out.exists()


def test_a_repeated_id_in_the_inputs_does_not_stop_the_batch(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "same", "text": TEXTS[0][1]}),
        json.dumps({"id": "same", "text": "  "}),
    ]
    (tmp_path / "in.jsonl").write_text("\n".join(lines), encoding="utf-8")
    with stub_server(completion(GOOD_ANSWER)) as s:
        result = cli(str(tmp_path / "in.jsonl"), "-f", "jsonl", url=s.base_url)
    assert result.exit_code == 1 and one_line_each(result.stderr)
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == ["same", f"same ({tmp_path / 'in.jsonl'}:2)"]


def test_eval_on_missing_or_empty_folders_says_so(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", str(tmp_path / "nope"), str(tmp_path)])
    assert result.exit_code == 2 and "no such folder" in result.stderr
    result = runner.invoke(app, ["eval", str(tmp_path), str(tmp_path), "--results", str(tmp_path)])
    assert result.exit_code == 2 and "no NAME.jsonl gold file" in result.stderr


def test_the_library_batch_proves_its_output_before_any_request(tmp_path: Path) -> None:
    from claimex import OutputError

    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with stub_server(completion(GOOD_ANSWER)) as s:
        with pytest.raises(OutputError, match="cannot write there"):
            extract_many(TEXTS, output=blocker / "claims.jsonl", **options(s.base_url))
        assert s.requests == []
