"""`sourcelight analyze --json` keeps the contract of DESIGN.md."""

import json
import subprocess
import sys

from tests.conftest import SEEDS_DIR


def run_cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "desktop", *args], input=stdin, capture_output=True, timeout=300)


def test_json_contract_on_a_seed_and_a_missing_file(tmp_path):
    seed = sorted(SEEDS_DIR.glob("*.txt"))[2]
    result = run_cli("analyze", "--json", str(seed), str(tmp_path / "missing.txt"))
    assert result.returncode != 0, "a failed input makes the exit status non-zero"
    lines = result.stdout.decode("utf-8").splitlines()
    assert len(lines) == 2
    ok, bad = (json.loads(line) for line in lines)
    assert ok["path"] == str(seed)
    assert ok["text"] == seed.read_text(encoding="utf-8"), "text is the file's content, unchanged"
    assert ok["model"] and ok["version"]
    assert {"flesch_reading_ease", "grade"} <= set(ok["readability"])
    for key in ("sentences", "unsourced", "attributed", "vague_source", "quotes", "speakers", "emotive"):
        assert isinstance(ok["profile"][key], int)
    sentences = [s for s in ok["spans"] if s["kind"] == "sentence"]
    assert sentences and ok["profile"]["sentences"] == len(sentences)
    for span in ok["spans"]:
        assert 0 <= span["start"] < span["end"] <= len(ok["text"])
        assert span["why"], "every span says why"
    # sentences never overlap and appear in order
    ends = [s["end"] for s in sentences]
    starts = [s["start"] for s in sentences]
    assert all(e <= s for e, s in zip(ends, starts[1:]))
    assert "error" in bad and "missing.txt" in bad["error"]


def test_stdin_is_read_with_a_dash():
    result = run_cli("analyze", "--json", "-", stdin="The minister resigned on Tuesday.\n".encode())
    assert result.returncode == 0, result.stderr
    obj = json.loads(result.stdout)
    assert obj["path"] == "-"
    assert obj["text"] == "The minister resigned on Tuesday.\n"
