"""Helper process for the store's crash and two-instance tests: writes notes in a loop, prints each id after it is saved."""

from __future__ import annotations

import sys

SHARED_TEXT = "A shared article that two Sourcelight windows annotate at the same time. " * 4


def main() -> int:
    db, article_id, count, label = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    from desktop.documents.model import Article
    from desktop.store.library import Library

    lib = Library(db)
    if article_id == 0:  # both processes start on a brand-new library and add the same article
        article_id = lib.add_article(Article(text=SHARED_TEXT, url="https://example.org/shared"))
    if len(sys.argv) > 5 and sys.argv[5] == "sync":  # start writing together with the other process
        print("ready", flush=True)
        sys.stdin.readline()
    n = 0
    while count <= 0 or n < count:
        start = n % 40
        h = lib.add_highlight(article_id, start, start + 5, tag=str(1 + n % 5), note=f"{label} note {n}")
        if n % 3 == 0:
            lib.set_article_note(article_id, f"{label} article note {n}")
        print(h.id, flush=True)
        n += 1
    lib.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
