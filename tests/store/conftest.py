"""Fixtures for the store tests: a fresh library in tmp_path and a sample article."""

from __future__ import annotations

import pytest

from desktop.documents.model import Article

TEXT = (
    "The minister said the plan would fail. Critics said the plan would fail too.\n"
    "Protesters gathered outside the parliament on Tuesday, according to witnesses.\n"
    "\"We will not back down,\" said Maria Lopez, a union leader. Officials declined to comment.\n"
    "Sources close to the government described the talks as a catastrophic failure."
)


@pytest.fixture
def article() -> Article:
    return Article(text=TEXT, title="Plan under fire", author="A. Writer", outlet="Daily Example",
                   date="2026-11-20", path="/news/plan.txt", kind="text")


@pytest.fixture
def lib(tmp_path):
    from desktop.store.library import Library

    library = Library(tmp_path / "library.sqlite")
    yield library
    library.close()
