"""The reader's analysis process gives the same answers as the in-process analyser."""

from desktop.analysis.remote import ProcessAnalyzer


def test_child_process_analysis_equals_in_process(analyzer, seed_texts):
    text = seed_texts["002_dc816de6b9c4007f.txt"]
    remote = ProcessAnalyzer()
    try:
        assert remote.model_name == analyzer.model_name
        result = remote.analyze(text)
        assert result == analyzer.analyze(text)
        assert any(q.speaker == "Emmanuel Macron" for q in result.quotes)
    finally:
        remote.close()


def test_a_killed_process_gives_a_clear_error_and_the_next_call_recovers():
    remote = ProcessAnalyzer()
    try:
        assert remote.analyze("The mayor resigned on Monday.\n").sentences
        [process] = list(remote._executor._processes.values())
        process.kill()
        process.join()
        try:
            remote.analyze("The council met on Tuesday.\n")
        except RuntimeError as exc:
            assert "analysis process stopped" in str(exc)
        assert remote.analyze("The council met on Tuesday.\n").sentences
    finally:
        remote.close()
