"""The user's library: one SQLite file (sqlite-utils) with articles, highlights, notes, verdicts, cache, search.

Safety rules: WAL journal, `synchronous=FULL`, every public method is one transaction (`BEGIN IMMEDIATE`
for writes, retried while another process holds the lock), numbered migrations with a backup copy made
first, and a file that is not a Sourcelight library (corrupt, foreign, newer) is never written to.
All failures reach the caller as `LibraryError` with one line for the user.
"""

from __future__ import annotations

import json
import os
import random
import re
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

from sqlite_utils import Database

from desktop.analysis.model import Analysis, Span
from desktop.documents.model import Article
from desktop.layers import USER_TAG_BY_KEY, USER_TAGS
from desktop.store import anchoring
from desktop.store import webannotation
from desktop.store import migrations as schema
from desktop.store.model import Anchor, Highlight, Verdict
from desktop.store.paths import default_db_path, normalize_article_path
from desktop.store.serialize import analysis_from_json, analysis_to_json

T = TypeVar("T")

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT = 5.0  # seconds SQLite itself waits for a lock, per attempt
RETRY_FOR = 30.0  # seconds a write keeps retrying while another process holds the library
META_FIELDS = ("title", "author", "outlet", "date")
VERDICTS = ("dismissed", "confirmed")
WHERE = ("text", "note", "highlight", "article_note")
OVERLAP = 0.8  # a re-analysed span this similar in extent to a dismissed one is the same span


class LibraryError(Exception):
    """The library could not do what was asked; the message is one line for the user."""


@dataclass(frozen=True)
class ArticleRow:
    """One line of the library list."""

    id: int
    title: str  # as stored (corrected by the user if they did); may be empty, see display_title
    outlet: str
    author: str
    date: str
    path: str
    url: str
    kind: str
    text_hash: str
    added: str  # ISO 8601 UTC
    opened: str  # ISO 8601 UTC
    display_title: str = ""  # title, else the first line of the text
    highlights: int = 0
    orphans: int = 0
    has_note: bool = False
    chars: int = 0


@dataclass(frozen=True)
class ArticleVersion:
    """An earlier text of an article, replaced when the article was re-imported with changes."""

    id: int
    text_hash: str
    first_seen: str  # ISO 8601 UTC: when this text came into the library
    replaced: str  # ISO 8601 UTC: when a re-import replaced it
    chars: int


@dataclass(frozen=True)
class SearchHit:
    """One search result. `start`/`end` are offsets into the article text when known (text hits,
    highlights), else None. `snippet` is plain text around the hit; `marks` are (start, end) of the
    matched words inside `snippet`."""

    article_id: int
    title: str
    where: str  # "text" | "note" (a highlight's note) | "highlight" (a highlight's tag) | "article_note"
    snippet: str
    start: int | None = None
    end: int | None = None
    marks: tuple[tuple[int, int], ...] = ()
    highlight_id: int | None = None
    rank: float = 0.0


@dataclass(frozen=True)
class ReanchorReport:
    """What happened to one article's annotations when its text changed on re-import."""

    article_id: int
    methods: dict[str, int] = field(default_factory=dict)  # anchoring method -> how many annotations
    orphans: tuple[Highlight | Verdict, ...] = ()  # could not be placed: kept, listed, never dropped

    @property
    def moved(self) -> int:
        return sum(n for m, n in self.methods.items() if m not in ("position", "orphan"))


def _overlap(a0: int, a1: int, b0: int, b1: int) -> float:
    """Shared length / combined length of two ranges (1.0 = identical)."""
    inter = min(a1, b1) - max(a0, b0)
    union = max(a1, b1) - min(a0, b0)
    return inter / union if inter > 0 and union > 0 else 0.0


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _is_busy(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


class Library:
    """The user's library. Use one `Library` from one thread at a time (calls are serialised by a lock)."""

    def __init__(self, path: str | os.PathLike | None = None, *, retry_for: float = RETRY_FOR):
        self.path = Path(path).expanduser() if path else default_db_path()
        self._retry_for = retry_for
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        self.db: Database | None = None
        self.backup_path: Path | None = None  # the copy made before migrating, if one was made
        self.last_reanchor: ReanchorReport | None = None  # set by add_article when the text changed
        self.last_import_unplaced: int = 0  # annotations import_jsonld could not attach to any article
        self._deleted_uids: dict[int, str] = {}  # highlight id -> its W3C id, so undo restores the same identity
        self._open()

    # -- opening ---------------------------------------------------------------------------------

    def _open(self) -> None:
        try:
            self._open_checked()
        except OSError as exc:  # e.g. a folder on the way that cannot be entered
            self.close()
            raise LibraryError(f"Cannot open the library {self.path}: {_reason(exc)}") from None

    def _open_checked(self) -> None:
        path = self.path
        if path.is_dir():
            raise LibraryError(f"{path} is a folder, not a library file: choose a file name")
        version = 0
        if path.exists() and path.stat().st_size > 0:
            version = self._probe(path)
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise LibraryError(f"Cannot create the library folder {path.parent}: {_reason(exc)}") from None
        self._check_writable(path)
        if 0 < version < schema.SCHEMA_VERSION:
            self.backup_path = self._backup(path, version)
        try:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise self._error(exc, "open") from None
        self._conn = conn
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
            self.db = Database(conn)
            self._retrying(lambda: conn.execute("PRAGMA journal_mode = WAL"))
            conn.execute("PRAGMA synchronous = FULL")  # a note whose save returned survives a crash
            self._run(self._migrate, doing="open the library")
        except BaseException:
            self.close()
            raise

    def _probe(self, path: Path) -> int:
        """Check an existing file read-only; return its schema version. Never writes to the file."""
        try:
            with open(path, "rb") as f:
                header = f.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise LibraryError(f"Cannot read the library {path}: {_reason(exc)}") from None
        untouched = "it was left untouched; choose another library file or start a new one"
        if header != SQLITE_HEADER:
            raise LibraryError(f"{path} is not a Sourcelight library (not an SQLite database); {untouched}")
        # With no -wal file beside it nobody has the library open: read it as immutable, which creates no
        # -wal/-shm files next to a file we may be about to refuse. Otherwise read it like any reader would.
        in_use = Path(f"{path}-wal").exists()
        uri = f"{path.resolve().as_uri()}?mode=ro" + ("" if in_use else "&immutable=1")
        try:
            ro = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT)
        except sqlite3.Error as exc:
            raise LibraryError(f"Cannot read the library {path} ({_reason(exc)}); {untouched}") from None
        try:
            ok = ro.execute("PRAGMA quick_check(1)").fetchone()[0]
            if ok != "ok":
                raise sqlite3.DatabaseError(ok)
            tables = {r[0] for r in ro.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            version = ro.execute("PRAGMA user_version").fetchone()[0]
            applied: list[str] = []
            if schema.migrations.migrations_table in tables:
                applied = [
                    r[0]
                    for r in ro.execute(
                        f"SELECT name FROM {schema.migrations.migrations_table} WHERE migration_set = ?", [schema.MIGRATION_SET]
                    )
                ]
        except sqlite3.DatabaseError as exc:
            if _is_busy(exc):
                raise LibraryError(f"The library {path} is locked by another program; try again") from None
            raise LibraryError(f"{path} is damaged or not a Sourcelight library ({_reason(exc)}); {untouched}") from None
        finally:
            ro.close()
        if tables and (not applied or "articles" not in tables):
            raise LibraryError(f"{path} is an SQLite database but not a Sourcelight library; {untouched}")
        unknown = [n for n in applied if n not in schema.MIGRATION_NAMES]
        if version > schema.SCHEMA_VERSION or unknown:
            raise LibraryError(
                f"{path} was written by a newer Sourcelight (library format {max(version, len(applied))}, this "
                f"version reads up to {schema.SCHEMA_VERSION}); {untouched}, or update Sourcelight"
            )
        return version

    def _check_writable(self, path: Path) -> None:
        folder = path.parent
        if (path.exists() and not os.access(path, os.W_OK)) or not os.access(folder, os.W_OK):
            raise LibraryError(
                f"The library {path} is in a read-only location: choose a folder you can write to "
                "(your unsaved text is kept)"
            )

    def _backup(self, path: Path, version: int) -> Path:
        """A consistent copy of the library (WAL included) next to it, made before any migration."""
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
        target = path.with_name(f"{path.stem}.v{version}-backup-{stamp}{path.suffix or '.sqlite'}")
        n = 1
        while target.exists():
            n += 1
            target = path.with_name(f"{path.stem}.v{version}-backup-{stamp}-{n}{path.suffix or '.sqlite'}")
        try:
            src = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT)
            try:
                dst = sqlite3.connect(str(target))
                try:
                    src.backup(dst)
                finally:
                    dst.close()
            finally:
                src.close()
        except (sqlite3.Error, OSError) as exc:
            try:
                target.unlink()
            except OSError:
                pass
            raise LibraryError(
                f"Cannot back up the library before upgrading it ({_reason(exc)}); nothing was changed"
            ) from None
        return target

    def _migrate(self) -> None:
        assert self.db is not None
        applied = {m.name for m in schema.migrations.applied(self.db)}
        unknown = applied - set(schema.MIGRATION_NAMES)
        if unknown:  # another, newer Sourcelight migrated it while we were opening
            raise LibraryError(f"{self.path} was upgraded by a newer Sourcelight; update Sourcelight")
        if len(applied) < schema.SCHEMA_VERSION:
            schema.migrations.apply(self.db)
            self._seed_tag_names()

    def _seed_tag_names(self) -> None:
        for tag in USER_TAGS:
            self._conn.execute("INSERT OR IGNORE INTO tag_names (key, name) VALUES (?, ?)", (tag.key, tag.name))

    @property
    def schema_version(self) -> int:
        return self._run(lambda: self._conn.execute("PRAGMA user_version").fetchone()[0], write=False)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                try:
                    if self._conn.in_transaction:
                        self._conn.execute("ROLLBACK")
                    self._conn.close()
                except sqlite3.Error:
                    pass
                self._conn = None
                self.db = None

    def __enter__(self) -> "Library":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- transactions and errors -------------------------------------------------------------------

    def _error(self, exc: BaseException, doing: str = "save") -> LibraryError:
        text = str(exc).lower()
        where = self.path
        if "readonly" in text or "read-only" in text or "permission" in text or "unable to open" in text:
            return LibraryError(
                f"Cannot {doing}: the library {where} is in a read-only location (your text is kept; "
                "choose a folder you can write to)"
            )
        if "full" in text or "no space" in text:
            return LibraryError(f"Cannot {doing}: the disk holding {where} is full (your text is kept; free some space)")
        if _is_busy(exc):
            return LibraryError(f"Cannot {doing}: the library is busy in another Sourcelight window; try again")
        if "malformed" in text or "not a database" in text or "corrupt" in text:
            return LibraryError(f"Cannot {doing}: the library {where} is damaged ({_reason(exc)})")
        if "disk i/o" in text:
            return LibraryError(f"Cannot {doing}: the disk holding {where} failed to read or write")
        return LibraryError(f"Cannot {doing}: {_reason(exc)}")

    def _retrying(self, fn: Callable[[], T], doing: str = "open the library") -> T:
        deadline = time.monotonic() + self._retry_for
        delay = 0.005
        while True:
            try:
                return fn()
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or time.monotonic() > deadline:
                    raise self._error(exc, doing) from None
            time.sleep(delay * (1 + random.random()))
            delay = min(delay * 2, 0.25)

    def _run(self, fn: Callable[[], T], *, write: bool = True, doing: str = "save") -> T:
        """Run `fn` as one transaction; retried from the start while another process holds the lock."""
        with self._lock:
            conn = self._conn
            if conn is None:
                raise LibraryError("The library is closed")
            if conn.in_transaction:  # called from inside another public method: same transaction
                return fn()
            deadline = time.monotonic() + self._retry_for
            delay = 0.005
            while True:
                try:
                    conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
                    try:
                        result = fn()
                        conn.execute("COMMIT")
                        return result
                    except BaseException:
                        if conn.in_transaction:
                            try:
                                conn.execute("ROLLBACK")
                            except sqlite3.Error:
                                pass
                        raise
                except sqlite3.OperationalError as exc:
                    if not _is_busy(exc) or time.monotonic() > deadline:
                        raise self._error(exc, doing) from None
                except sqlite3.DatabaseError as exc:
                    raise self._error(exc, doing) from None
                time.sleep(delay * (1 + random.random()))
                delay = min(delay * 2, 0.25)

    def _read(self, fn: Callable[[], T]) -> T:
        return self._run(fn, write=False, doing="read the library")

    def _q(self, sql: str, params: Iterable[Any] | dict = ()) -> list[dict]:
        cur = self._conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def _one(self, sql: str, params: Iterable[Any] | dict = ()) -> dict | None:
        rows = self._q(sql, params)
        return rows[0] if rows else None

    # -- articles ------------------------------------------------------------------------------------

    def _article_row(self, article_id: int) -> dict:
        row = self._one("SELECT * FROM articles WHERE id = ?", [article_id])
        if row is None:
            raise LibraryError(f"No article {article_id} in the library (it may have been removed)")
        return row

    def _find(self, path, url: str | None, text_hash: str | None) -> int | None:
        if path:
            for candidate in dict.fromkeys((normalize_article_path(path), str(path))):
                row = self._one("SELECT id FROM articles WHERE path = ? ORDER BY id LIMIT 1", [candidate])
                if row:
                    return row["id"]
        if url:
            row = self._one("SELECT id FROM articles WHERE url = ? ORDER BY id LIMIT 1", [url])
            if row:
                return row["id"]
        if text_hash:
            row = self._one("SELECT id FROM articles WHERE text_hash = ? ORDER BY id LIMIT 1", [text_hash])
            if row:
                return row["id"]
        return None

    def find_article(self, path=None, url=None, text_hash=None) -> int | None:
        """The id of the article opened from `path`, else from `url`, else with this text hash; or None."""
        return self._read(lambda: self._find(path, url, text_hash))

    def add_article(self, article: Article) -> int:
        """Keep `article`; the same path or URL (else the same text) gives the same id. If the text of a
        known path/URL changed, the text is replaced and every annotation re-anchored (`last_reanchor`)."""
        if not isinstance(article, Article):
            raise LibraryError("Only articles can be added to the library")
        self.last_reanchor = None
        if article.path:
            article = replace(article, path=normalize_article_path(article.path))
        return self._run(lambda: self._add_article(article))

    def _add_article(self, article: Article, *, replace_text: bool = True) -> int:
        now = _now()
        text_hash = article.text_hash
        by_source = self._find(article.path or None, article.url or None, None)
        article_id = by_source if by_source is not None else self._find(None, None, text_hash)
        if article_id is None:
            cur = self._conn.execute(
                "INSERT INTO articles (text, text_hash, title, author, outlet, date, url, path, kind, encoding,"
                " headings, warnings, added, opened, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (article.text, text_hash, article.title, article.author, article.outlet, article.date,
                 article.url, article.path, article.kind, article.encoding,
                 json.dumps([list(h) for h in article.headings]), json.dumps(list(article.warnings)),
                 now, now, now),
            )
            article_id = cur.lastrowid
            self._index_article(article_id)
            return article_id
        row = self._article_row(article_id)
        user_fields = set(json.loads(row["user_fields"]))
        changes: dict[str, Any] = {"opened": now}
        for name in META_FIELDS:
            value = getattr(article, name)
            if value and name not in user_fields and value != row[name]:
                changes[name] = value
        for name in ("url", "path"):
            if getattr(article, name) and not row[name]:
                changes[name] = getattr(article, name)
        text_changed = replace_text and row["text_hash"] != text_hash
        if text_changed:
            changes.update(
                text=article.text, text_hash=text_hash, kind=article.kind, encoding=article.encoding,
                headings=json.dumps([list(h) for h in article.headings]), warnings=json.dumps(list(article.warnings)),
                updated=now,
            )
        if text_changed:  # the previous text is kept as a version, never lost
            self._conn.execute(
                "INSERT INTO article_versions (article_id, text, text_hash, first_seen, replaced) VALUES (?,?,?,?,?)",
                (article_id, row["text"], row["text_hash"], row["updated"] or row["added"], now),
            )
        sets = ", ".join(f"{k} = ?" for k in changes)
        self._conn.execute(f"UPDATE articles SET {sets} WHERE id = ?", [*changes.values(), article_id])
        if text_changed:
            self.last_reanchor = self._reanchor(article_id, article.text)
            self._prune_cache(row["text_hash"])
        if text_changed or any(k in changes for k in META_FIELDS):
            self._index_article(article_id)
        return article_id

    def _reanchor(self, article_id: int, text: str) -> ReanchorReport:
        now = _now()
        methods: dict[str, int] = {}
        orphans: list[Highlight | Verdict] = []
        for table in ("highlights", "verdicts"):
            for row in self._q(f"SELECT * FROM {table} WHERE article_id = ?", [article_id]):
                old = Anchor(row["pos_start"], row["pos_end"], row["exact"], row["prefix"], row["suffix"])
                placed = anchoring.reanchor(text, old)
                methods[placed.method] = methods.get(placed.method, 0) + 1
                a = placed.anchor
                self._conn.execute(
                    f"UPDATE {table} SET pos_start = ?, pos_end = ?, exact = ?, prefix = ?, suffix = ?, orphan = ?,"
                    " anchored_by = ?, updated = ? WHERE id = ?",
                    (a.start, a.end, a.exact, a.prefix, a.suffix, int(placed.orphan), placed.method, now, row["id"]),
                )
                if placed.orphan:
                    fresh = self._one(f"SELECT * FROM {table} WHERE id = ?", [row["id"]])
                    orphans.append(self._highlight(fresh) if table == "highlights" else self._verdict(fresh))
        return ReanchorReport(article_id, methods, tuple(orphans))

    def article_versions(self, article_id: int) -> list[ArticleVersion]:
        """Earlier texts of the article that a re-import replaced, newest first (the current text is not listed)."""
        rows = self._read(
            lambda: self._q(
                "SELECT id, text_hash, first_seen, replaced, length(text) AS chars FROM article_versions"
                " WHERE article_id = ? ORDER BY replaced DESC, id DESC",
                [article_id],
            )
        )
        return [ArticleVersion(**r) for r in rows]

    def article_version_text(self, version_id: int) -> str:
        """The full text of an earlier version (see `article_versions`)."""
        row = self._read(lambda: self._one("SELECT text FROM article_versions WHERE id = ?", [version_id]))
        if row is None:
            raise LibraryError(f"No earlier version {version_id} in the library")
        return row["text"]

    def get_article(self, article_id: int) -> Article:
        """The stored article, with the metadata as the user corrected it."""
        row = self._read(lambda: self._article_row(article_id))
        return self._article(row)

    @staticmethod
    def _article(row: dict) -> Article:
        return Article(
            text=row["text"], title=row["title"], author=row["author"], outlet=row["outlet"], date=row["date"],
            url=row["url"], path=row["path"], kind=row["kind"], encoding=row["encoding"],
            headings=tuple(tuple(h) for h in json.loads(row["headings"])),
            warnings=tuple(json.loads(row["warnings"])),
        )

    def list_articles(self) -> list[ArticleRow]:
        """Every article, most recently opened first."""

        def read() -> list[ArticleRow]:
            rows = self._q(
                "SELECT a.id, a.title, a.outlet, a.author, a.date, a.path, a.url, a.kind, a.text_hash, a.added,"
                " a.opened, a.note != '' AS has_note, length(a.text) AS chars, substr(a.text, 1, 400) AS head,"
                " (SELECT count(*) FROM highlights h WHERE h.article_id = a.id) AS highlights,"
                " (SELECT count(*) FROM highlights h WHERE h.article_id = a.id AND h.orphan) AS orphans"
                " FROM articles a ORDER BY a.opened DESC, a.id DESC"
            )
            out = []
            for r in rows:
                head = r.pop("head")
                display = Article(text=head, title=r["title"], path=r["path"]).display_title
                out.append(ArticleRow(**{**r, "has_note": bool(r["has_note"])}, display_title=display))
            return out

        return self._read(read)

    def update_metadata(self, article_id: int, *, title=None, outlet=None, author=None, date=None) -> None:
        """Correct an article's metadata; corrected fields are not overwritten by a later re-import."""
        values = {"title": title, "outlet": outlet, "author": author, "date": date}
        values = {k: str(v).strip() for k, v in values.items() if v is not None}

        def write() -> None:
            row = self._article_row(article_id)
            if not values:
                return
            user_fields = sorted(set(json.loads(row["user_fields"])) | set(values))
            sets = ", ".join(f"{k} = ?" for k in values)
            self._conn.execute(
                f"UPDATE articles SET {sets}, user_fields = ?, updated = ? WHERE id = ?",
                [*values.values(), json.dumps(user_fields), _now(), article_id],
            )
            self._index_article(article_id)

        self._run(write)

    def remove_article(self, article_id: int) -> None:
        """Remove an article with its highlights, notes, verdicts and (if unshared) its cached analysis."""

        def write() -> None:
            row = self._article_row(article_id)
            ids = [r["id"] for r in self._q("SELECT id FROM highlights WHERE article_id = ?", [article_id])]
            for hid in ids:
                self._conn.execute("DELETE FROM search WHERE rowid = ?", [hid * 4 + 2])
            self._conn.execute("DELETE FROM search WHERE rowid IN (?, ?)", [article_id * 4, article_id * 4 + 1])
            self._conn.execute("DELETE FROM articles WHERE id = ?", [article_id])
            self._prune_cache(row["text_hash"])

        self._run(write)

    # -- analysis cache ------------------------------------------------------------------------------

    def cached_analysis(self, text_hash: str, version: str, model: str | None) -> Analysis | None:
        """The stored analysis of this text by this analyser version and model, or None."""
        row = self._read(
            lambda: self._one(
                "SELECT data FROM analyses WHERE text_hash = ? AND version = ? AND model = ?",
                [text_hash, version, model or ""],
            )
        )
        if row is None:
            return None
        try:
            return analysis_from_json(row["data"])
        except ValueError:
            return None  # an unreadable entry is a cache miss; store_analysis replaces it

    def store_analysis(self, text_hash: str, analysis: Analysis) -> None:
        """Cache `analysis` under the text hash, `analysis.version` and `analysis.model`."""
        data = analysis_to_json(analysis)
        self._run(
            lambda: self._conn.execute(
                "INSERT OR REPLACE INTO analyses (text_hash, version, model, data, created) VALUES (?,?,?,?,?)",
                [text_hash, analysis.version, analysis.model or "", data, _now()],
            )
        )

    def _prune_cache(self, text_hash: str) -> None:
        if not self._one("SELECT 1 AS x FROM articles WHERE text_hash = ? LIMIT 1", [text_hash]):
            self._conn.execute("DELETE FROM analyses WHERE text_hash = ?", [text_hash])

    # -- highlights -----------------------------------------------------------------------------------

    @staticmethod
    def _highlight(row: dict) -> Highlight:
        return Highlight(
            id=row["id"], article_id=row["article_id"],
            anchor=Anchor(row["pos_start"], row["pos_end"], row["exact"], row["prefix"], row["suffix"]),
            tag=row["tag"], note=row["note"], orphan=bool(row["orphan"]), created=row["created"], updated=row["updated"],
        )

    def _highlight_row(self, highlight_id: int) -> dict:
        row = self._one("SELECT * FROM highlights WHERE id = ?", [highlight_id])
        if row is None:
            raise LibraryError(f"No highlight {highlight_id} in the library (it may have been deleted)")
        return row

    @staticmethod
    def _check_tag(tag: str) -> str:
        tag = str(tag).strip()
        if not tag:
            raise LibraryError("A highlight needs a tag (1–5)")
        return tag

    def add_highlight(self, article_id: int, start: int, end: int, tag: str = "1", note: str = "") -> Highlight:
        """Highlight article text [start, end) with a tag (1–5) and an optional note."""
        tag = self._check_tag(tag)

        def write() -> Highlight:
            text = self._article_row(article_id)["text"]
            try:
                anchor = anchoring.make_anchor(text, int(start), int(end))
            except ValueError as exc:
                raise LibraryError(f"Cannot highlight: {exc}") from None
            return self._insert_highlight(article_id, anchor, tag, note or "")

        return self._run(write)

    def _insert_highlight(self, article_id: int, anchor: Anchor, tag: str, note: str, *, uid: str | None = None,
                          highlight_id: int | None = None, orphan: bool = False, created: str | None = None,
                          anchored_by: str = "created") -> Highlight:
        now = _now()
        if highlight_id is not None and self._one("SELECT id FROM highlights WHERE id = ?", [highlight_id]):
            highlight_id = None
        cur = self._conn.execute(
            "INSERT INTO highlights (id, uid, article_id, pos_start, pos_end, exact, prefix, suffix, tag, note, orphan,"
            " anchored_by, created, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (highlight_id, uid or uuid.uuid4().hex, article_id, anchor.start, anchor.end, anchor.exact, anchor.prefix,
             anchor.suffix, tag, note, int(orphan), anchored_by, created or now, now),
        )
        row = self._highlight_row(cur.lastrowid)
        self._index_highlight(row)
        return self._highlight(row)

    def update_highlight(self, highlight_id: int, *, tag=None, note=None) -> Highlight:
        """Change a highlight's tag and/or note."""

        def write() -> Highlight:
            row = self._highlight_row(highlight_id)
            new_tag = self._check_tag(tag) if tag is not None else row["tag"]
            new_note = str(note) if note is not None else row["note"]
            if (new_tag, new_note) != (row["tag"], row["note"]):
                self._conn.execute(
                    "UPDATE highlights SET tag = ?, note = ?, updated = ? WHERE id = ?",
                    (new_tag, new_note, _now(), highlight_id),
                )
                row = self._highlight_row(highlight_id)
                self._index_highlight(row)
            return self._highlight(row)

        return self._run(write)

    def delete_highlight(self, highlight_id: int) -> Highlight:
        """Delete a highlight; returns it so `restore_highlight` can undo."""

        def write() -> Highlight:
            row = self._highlight_row(highlight_id)
            self._conn.execute("DELETE FROM highlights WHERE id = ?", [highlight_id])
            self._conn.execute("DELETE FROM search WHERE rowid = ?", [highlight_id * 4 + 2])
            self._deleted_uids[highlight_id] = row["uid"]
            return self._highlight(row)

        return self._run(write)

    def restore_highlight(self, highlight: Highlight) -> Highlight:
        """Undo a delete: the same anchor, tag, note (and id, if still free) come back."""

        def write() -> Highlight:
            row = self._article_row(highlight.article_id)
            anchor = highlight.anchor
            orphan = highlight.orphan
            by = "restored"
            if not orphan and row["text"][anchor.start : anchor.end] != anchor.exact:
                placed = anchoring.reanchor(row["text"], anchor)  # the text changed since the delete
                anchor, orphan, by = placed.anchor, placed.orphan, placed.method
            uid = self._deleted_uids.get(highlight.id) if highlight.id is not None else None
            if uid and self._one("SELECT id FROM highlights WHERE uid = ?", [uid]):
                uid = None
            return self._insert_highlight(
                highlight.article_id, anchor, self._check_tag(highlight.tag), highlight.note, uid=uid,
                highlight_id=highlight.id, orphan=orphan, created=highlight.created or None, anchored_by=by,
            )

        return self._run(write)

    def get_highlight(self, highlight_id: int) -> Highlight:
        """One highlight by id (LibraryError if it no longer exists)."""
        return self._highlight(self._read(lambda: self._highlight_row(highlight_id)))

    def highlights(self, article_id: int) -> list[Highlight]:
        """The article's highlights in text order; orphans (could not be re-anchored) last."""
        rows = self._read(
            lambda: self._q(
                "SELECT * FROM highlights WHERE article_id = ? ORDER BY orphan, pos_start, pos_end, id", [article_id]
            )
        )
        return [self._highlight(r) for r in rows]

    def orphans(self, article_id: int | None = None) -> list[Highlight]:
        """Highlights that could not be placed in their article's current text (one article or all)."""
        sql = "SELECT * FROM highlights WHERE orphan = 1"
        params: list[Any] = []
        if article_id is not None:
            sql += " AND article_id = ?"
            params.append(article_id)
        rows = self._read(lambda: self._q(sql + " ORDER BY article_id, pos_start", params))
        return [self._highlight(r) for r in rows]

    # -- article notes ------------------------------------------------------------------------------------

    def article_note(self, article_id: int) -> str:
        """The free-text note on the whole article ("" if none)."""
        return self._read(lambda: self._article_row(article_id)["note"])

    def set_article_note(self, article_id: int, text: str) -> None:
        """Replace the article's note."""

        def write() -> None:
            self._article_row(article_id)
            self._conn.execute(
                "UPDATE articles SET note = ?, note_updated = ? WHERE id = ?", (text or "", _now(), article_id)
            )
            self._index_note(article_id, text or "")

        self._run(write)

    # -- verdicts -------------------------------------------------------------------------------------------

    @staticmethod
    def _verdict(row: dict) -> Verdict:
        return Verdict(
            id=row["id"], article_id=row["article_id"], kind=row["kind"],
            anchor=Anchor(row["pos_start"], row["pos_end"], row["exact"], row["prefix"], row["suffix"]),
            verdict=row["verdict"], orphan=bool(row["orphan"]),
        )

    def set_verdict(self, article_id: int, span: Span, verdict: str | None) -> Verdict | None:
        """Dismiss or confirm a detector span (None clears the verdict). Returns the stored verdict or None."""
        if verdict is not None and verdict not in VERDICTS:
            raise LibraryError(f"Unknown verdict {verdict!r}: use dismissed, confirmed or None")

        def write() -> Verdict | None:
            text = self._article_row(article_id)["text"]
            row = self._one(
                "SELECT * FROM verdicts WHERE article_id = ? AND kind = ? AND pos_start = ? AND pos_end = ?"
                " AND orphan = 0",
                [article_id, span.kind, span.start, span.end],
            )
            if verdict is None:
                if row:
                    self._conn.execute("DELETE FROM verdicts WHERE id = ?", [row["id"]])
                return None
            now = _now()
            if row:
                self._conn.execute("UPDATE verdicts SET verdict = ?, updated = ? WHERE id = ?", (verdict, now, row["id"]))
                vid = row["id"]
            else:
                try:
                    anchor = anchoring.make_anchor(text, span.start, span.end)
                except ValueError as exc:
                    raise LibraryError(f"Cannot record the verdict: {exc}") from None
                vid = self._insert_verdict(article_id, span.kind, span.label, anchor, verdict)
            return self._verdict(self._one("SELECT * FROM verdicts WHERE id = ?", [vid]))

        return self._run(write)

    def _insert_verdict(self, article_id: int, kind: str, label: str | None, anchor: Anchor, verdict: str, *,
                        uid: str | None = None, orphan: bool = False, created: str | None = None) -> int:
        now = _now()
        cur = self._conn.execute(
            "INSERT INTO verdicts (uid, article_id, kind, label, pos_start, pos_end, exact, prefix, suffix, verdict,"
            " orphan, created, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (uid or uuid.uuid4().hex, article_id, kind, label, anchor.start, anchor.end, anchor.exact, anchor.prefix,
             anchor.suffix, verdict, int(orphan), created or now, now),
        )
        return cur.lastrowid

    def verdicts(self, article_id: int) -> list[Verdict]:
        """The user's verdicts on this article's detector spans (orphans included, flagged)."""
        rows = self._read(
            lambda: self._q("SELECT * FROM verdicts WHERE article_id = ? ORDER BY orphan, pos_start, kind", [article_id])
        )
        return [self._verdict(r) for r in rows]

    def dismissed_spans(self, article_id: int, spans: Iterable[Span]) -> set[tuple[str, int, int]]:
        """(kind, start, end) of those `spans` the user dismissed. A span matches a verdict by kind and offsets,
        or (after a re-analysis moved it) by kind and identical text, or by kind and ≥ 80 % overlap."""
        spans = list(spans)

        def read() -> set[tuple[str, int, int]]:
            rows = self._q(
                "SELECT kind, pos_start, pos_end, exact FROM verdicts WHERE article_id = ? AND verdict = 'dismissed'"
                " AND orphan = 0",
                [article_id],
            )
            if not rows:
                return set()
            exact_keys = {(r["kind"], r["pos_start"], r["pos_end"]) for r in rows}
            out = {(s.kind, s.start, s.end) for s in spans if (s.kind, s.start, s.end) in exact_keys}
            left = [r for r in rows if (r["kind"], r["pos_start"], r["pos_end"]) not in out]
            if left:
                text = self._article_row(article_id)["text"]
                free = [s for s in spans if (s.kind, s.start, s.end) not in out]
                for r in left:
                    same = [s for s in free if s.kind == r["kind"] and text[s.start : s.end] == r["exact"]]
                    if not same:  # re-analysis moved a boundary a little: the same span if they mostly overlap
                        same = [s for s in free if s.kind == r["kind"]
                                and _overlap(s.start, s.end, r["pos_start"], r["pos_end"]) >= OVERLAP]
                    if same:
                        s = min(same, key=lambda s: abs(s.start - r["pos_start"]) + abs(s.end - r["pos_end"]))
                        out.add((s.kind, s.start, s.end))
                        free.remove(s)
            return out

        return self._read(read)

    # -- tag names ----------------------------------------------------------------------------------------

    def tag_names(self) -> dict[str, str]:
        """Tag key ("1"–"5") → the name the user gave it (defaults from `desktop.layers.USER_TAGS`)."""
        rows = self._read(lambda: self._q("SELECT key, name FROM tag_names ORDER BY key"))
        names = {t.key: t.name for t in USER_TAGS}
        names.update({r["key"]: r["name"] for r in rows})
        return names

    def set_tag_name(self, key: str, name: str) -> None:
        """Rename a tag (searchable by its new name)."""
        name = str(name).strip()
        if not name:
            raise LibraryError("A tag name cannot be empty")

        def write() -> None:
            self._conn.execute("INSERT OR REPLACE INTO tag_names (key, name) VALUES (?, ?)", (str(key), name))
            for row in self._q("SELECT * FROM highlights WHERE tag = ?", [str(key)]):
                self._index_highlight(row)

        self._run(write)

    def _tag_name(self, key: str) -> str:
        row = self._one("SELECT name FROM tag_names WHERE key = ?", [key])
        if row:
            return row["name"]
        tag = USER_TAG_BY_KEY.get(key)
        return tag.name if tag else key

    # -- search --------------------------------------------------------------------------------------------

    def _index_article(self, article_id: int) -> None:
        row = self._article_row(article_id)
        self._conn.execute("DELETE FROM search WHERE rowid = ?", [article_id * 4])
        self._conn.execute(
            "INSERT INTO search (rowid, title, body, tags, kind, article_id, ref_id) VALUES (?,?,?,?,?,?,?)",
            (article_id * 4, " ".join(x for x in (row["title"], row["outlet"], row["author"]) if x), row["text"], "",
             "text", article_id, article_id),
        )

    def _index_note(self, article_id: int, text: str) -> None:
        self._conn.execute("DELETE FROM search WHERE rowid = ?", [article_id * 4 + 1])
        if text.strip():
            self._conn.execute(
                "INSERT INTO search (rowid, title, body, tags, kind, article_id, ref_id) VALUES (?,?,?,?,?,?,?)",
                (article_id * 4 + 1, "", text, "", "article_note", article_id, article_id),
            )

    def _index_highlight(self, row: dict) -> None:
        rowid = row["id"] * 4 + 2
        self._conn.execute("DELETE FROM search WHERE rowid = ?", [rowid])
        self._conn.execute(
            "INSERT INTO search (rowid, title, body, tags, kind, article_id, ref_id) VALUES (?,?,?,?,?,?,?)",
            (rowid, "", row["note"], self._tag_name(row["tag"]), "highlight", row["article_id"], row["id"]),
        )

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Full-text search over every article's title and text, article notes, highlight notes and tag
        names. Words match by stem and prefix ("protest" finds "protesters"); "quoted words" match as a
        phrase. Best matches first."""
        fts = fts_query(query)
        if not fts:
            return []

        def read() -> list[SearchHit]:
            try:
                rows = self._q(
                    "SELECT s.kind, s.article_id, s.ref_id,"
                    " snippet(search, 1, char(2), char(3), '…', 24) AS body_snip,"
                    " snippet(search, 2, char(2), char(3), '', 8) AS tag_snip,"
                    " snippet(search, 0, char(2), char(3), '', 16) AS title_snip,"
                    " bm25(search, 4.0, 1.0, 2.0) AS rank, a.title, substr(a.text, 1, 400) AS head, a.path,"
                    " a.text AS text"
                    " FROM search s JOIN articles a ON a.id = s.article_id"
                    " WHERE search MATCH ? ORDER BY rank LIMIT ?",
                    [fts, max(1, int(limit))],
                )
            except sqlite3.OperationalError as exc:
                if "fts5" in str(exc).lower() or "syntax" in str(exc).lower():
                    return []
                raise
            hits = []
            highlight_ids = [r["ref_id"] for r in rows if r["kind"] == "highlight"]
            anchors = {}
            if highlight_ids:
                marks = ",".join("?" * len(highlight_ids))
                for h in self._q(f"SELECT id, pos_start, pos_end, exact, orphan FROM highlights WHERE id IN ({marks})",
                                 highlight_ids):
                    anchors[h["id"]] = h
            for r in rows:
                title = Article(text=r["head"], title=r["title"], path=r["path"]).display_title
                kind = r["kind"]
                start = end = None
                hid = None
                if kind == "text":
                    if "\x02" in r["body_snip"]:
                        snippet, marks = _unmark(r["body_snip"])
                        where = "text"
                        start, end = _locate(r["text"], r["body_snip"])
                    else:  # matched the title / outlet / author only
                        snippet, marks = _unmark(r["title_snip"])
                        where = "text"
                elif kind == "article_note":
                    snippet, marks = _unmark(r["body_snip"])
                    where = "article_note"
                else:
                    hid = r["ref_id"]
                    h = anchors.get(hid)
                    if h is not None and not h["orphan"]:
                        start, end = h["pos_start"], h["pos_end"]
                    if "\x02" in r["body_snip"]:
                        snippet, marks = _unmark(r["body_snip"])
                        where = "note"
                    else:
                        tag, _ = _unmark(r["tag_snip"])
                        quote = " ".join((h["exact"] if h else "").split())
                        if len(quote) > 120:
                            quote = quote[:119].rstrip() + "…"
                        snippet = f"{tag}: “{quote}”"
                        marks = ((0, len(tag)),)
                        where = "highlight"
                hits.append(SearchHit(r["article_id"], title, where, snippet, start, end, marks, hid, r["rank"]))
            return hits

        return self._read(read)

    # -- export / import -----------------------------------------------------------------------------------

    def _export_rows(self, article_ids: Iterable[int] | None) -> list[dict]:
        if article_ids is None:
            articles = self._q("SELECT * FROM articles ORDER BY id")
        else:
            articles = [self._article_row(i) for i in article_ids]
        tag_names = {r["key"]: r["name"] for r in self._q("SELECT key, name FROM tag_names")}
        out = []
        for a in articles:
            out.append({
                "article": a,
                "highlights": self._q("SELECT * FROM highlights WHERE article_id = ? ORDER BY pos_start, id", [a["id"]]),
                "verdicts": self._q("SELECT * FROM verdicts WHERE article_id = ? ORDER BY pos_start, id", [a["id"]]),
                "tag_names": tag_names,
            })
        return out

    def export_jsonld(self, article_ids: Iterable[int] | None = None, *, include_text: bool = True) -> dict:
        """All annotations (or those of `article_ids`) as a W3C Web Annotation `AnnotationCollection`.
        With `include_text`, the articles themselves travel along so another library can import them."""
        ids = list(article_ids) if article_ids is not None else None
        rows = self._read(lambda: self._export_rows(ids))
        return webannotation.to_jsonld(rows, include_text=include_text)

    def export_markdown(self, article_ids: Iterable[int] | None = None, *, importable: bool = True) -> str:
        """All annotations (or those of `article_ids`) as a readable Markdown document. With `importable`,
        the same annotations follow as JSON-LD inside an HTML comment (invisible when rendered), so
        `import_markdown` can read the file back without loss."""
        ids = list(article_ids) if article_ids is not None else None
        rows = self._read(lambda: self._export_rows(ids))
        text = webannotation.to_markdown(rows)
        if importable:
            text += "\n" + webannotation.markdown_data_block(webannotation.to_jsonld(rows, include_text=False))
        return text

    def import_markdown(self, markdown: str) -> tuple[int, int]:
        """Import a Markdown file written by `export_markdown`: (added, skipped as duplicates). Annotations
        attach to the articles already in the library with the same URL, file or text."""
        data = webannotation.markdown_data(markdown or "")
        if data is None:
            raise LibraryError("This Markdown file holds no Sourcelight annotations (it was not exported by Sourcelight)")
        return self.import_jsonld(data)

    def import_jsonld(self, data: dict | list | str) -> tuple[int, int]:
        """Import W3C Web Annotations (ours or another tool's). Returns (added, skipped as duplicates).
        Annotations are attached to the article with the same URL, file or text; their quotes are
        re-anchored in the article's current text (orphans kept). Importing the same file twice adds nothing."""
        if isinstance(data, (str, bytes)):
            try:
                data = json.loads(data)
            except json.JSONDecodeError as exc:
                raise LibraryError(f"Not a Web Annotation file: invalid JSON ({exc.msg}, line {exc.lineno})") from None
        try:
            parsed = webannotation.parse_jsonld(data)
        except ValueError as exc:
            raise LibraryError(f"Not a Web Annotation file: {exc}") from None
        return self._run(lambda: self._import(parsed))

    def _import(self, parsed: webannotation.Parsed) -> tuple[int, int]:
        added = skipped = unplaced = 0
        by_source: dict[str, int] = {}
        for art in parsed.articles:
            aid = self._resolve_source(art.source, art.text_hash)
            if aid is None and art.article is not None:
                aid = self._add_article(art.article, replace_text=False)
            if aid is not None:
                by_source[art.key] = aid
                if art.note:
                    a, s = self._import_note(aid, art.note)
                    added, skipped = added + a, skipped + s
        tag_by_name = {name.lower(): key for key, name in self._tag_names().items()}
        for item in parsed.items:
            aid = by_source.get(item.key)
            if aid is None:
                aid = self._resolve_source(item.source, item.text_hash)
                if aid is not None:
                    by_source[item.key] = aid
            if aid is None:
                unplaced += 1
                continue
            if item.type == "article_note":
                a, s = self._import_note(aid, item.note)
            elif item.type == "verdict":
                a, s = self._import_verdict(aid, item)
            else:
                a, s = self._import_highlight(aid, item, tag_by_name)
            added, skipped = added + a, skipped + s
        self.last_import_unplaced = unplaced
        return added, skipped

    def _tag_names(self) -> dict[str, str]:
        names = {t.key: t.name for t in USER_TAGS}
        names.update({r["key"]: r["name"] for r in self._q("SELECT key, name FROM tag_names")})
        return names

    def _resolve_source(self, source: str | None, text_hash: str | None) -> int | None:
        path = url = None
        if source:
            if source.startswith("file:"):
                path = webannotation.file_uri_to_path(source)
            elif not source.startswith("urn:"):
                url = source
        return self._find(path, url, text_hash)

    def _import_note(self, article_id: int, note: str) -> tuple[int, int]:
        note = note.strip()
        if not note:
            return 0, 0
        current = self._article_row(article_id)["note"]
        if note in current:
            return 0, 1
        merged = f"{current.rstrip()}\n\n{note}" if current.strip() else note
        self._conn.execute("UPDATE articles SET note = ?, note_updated = ? WHERE id = ?", (merged, _now(), article_id))
        self._index_note(article_id, merged)
        return 1, 0

    def _place(self, article_id: int, anchor: Anchor | None) -> tuple[Anchor, bool, str] | None:
        if anchor is None:
            return None
        text = self._article_row(article_id)["text"]
        if not anchor.exact:  # a position without a quote: take the quote from the text if it fits
            if not (0 <= anchor.start < anchor.end <= len(text)):
                return None
            anchor = anchoring.make_anchor(text, anchor.start, anchor.end)
        elif not anchor.prefix and not anchor.suffix and text[anchor.start : anchor.end] == anchor.exact:
            anchor = anchoring.make_anchor(text, anchor.start, anchor.end)
        placed = anchoring.reanchor(text, anchor)
        return placed.anchor, placed.orphan, ("imported" if placed.method == "position" else placed.method)

    def _import_highlight(self, article_id: int, item: webannotation.Item, tag_by_name: dict[str, str]) -> tuple[int, int]:
        if item.uid and self._one("SELECT id FROM highlights WHERE uid = ?", [item.uid]):
            return 0, 1
        placed = self._place(article_id, item.anchor)
        if placed is None:
            return 0, 0
        anchor, orphan, by = placed
        tag = item.tag or ""
        note = item.note
        if not tag and item.tag_names:
            known = [tag_by_name[n.lower()] for n in item.tag_names if n.lower() in tag_by_name]
            tag = known[0] if known else "1"
            extra = [n for n in item.tag_names if n.lower() not in tag_by_name]
            if extra:
                note = (note + "\n" if note else "") + "Tags: " + ", ".join(extra)
        tag = tag or "1"
        dup = self._one(
            "SELECT id FROM highlights WHERE article_id = ? AND pos_start = ? AND pos_end = ? AND tag = ? AND note = ?",
            [article_id, anchor.start, anchor.end, tag, note],
        )
        if dup:
            return 0, 1
        uid = item.uid if item.uid and not self._one("SELECT id FROM verdicts WHERE uid = ?", [item.uid]) else None
        self._insert_highlight(article_id, anchor, tag, note, uid=uid, orphan=orphan, created=item.created,
                               anchored_by=by)
        return 1, 0

    def _import_verdict(self, article_id: int, item: webannotation.Item) -> tuple[int, int]:
        if item.uid and self._one("SELECT id FROM verdicts WHERE uid = ?", [item.uid]):
            return 0, 1
        placed = self._place(article_id, item.anchor)
        if placed is None or item.verdict not in VERDICTS or not item.kind:
            return 0, 0
        anchor, orphan, _ = placed
        row = self._one(
            "SELECT id, verdict FROM verdicts WHERE article_id = ? AND kind = ? AND pos_start = ? AND pos_end = ?",
            [article_id, item.kind, anchor.start, anchor.end],
        )
        if row:
            if row["verdict"] == item.verdict:
                return 0, 1
            self._conn.execute("UPDATE verdicts SET verdict = ?, updated = ? WHERE id = ?", (item.verdict, _now(), row["id"]))
            return 1, 0
        uid = item.uid if item.uid and not self._one("SELECT id FROM highlights WHERE uid = ?", [item.uid]) else None
        self._insert_verdict(article_id, item.kind, item.label, anchor, item.verdict, uid=uid, orphan=orphan,
                             created=item.created)
        return 1, 0

    # -- maintenance ---------------------------------------------------------------------------------------

    def integrity_check(self) -> str:
        """SQLite's own check of the file: "ok" when healthy."""
        return self._read(lambda: self._conn.execute("PRAGMA integrity_check").fetchone()[0])


# -- search helpers ----------------------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(query: str) -> str:
    """A safe FTS5 query from what the user typed: words ANDed, each a prefix; "quoted words" a phrase."""
    terms = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', query or ""):
        tokens = _TOKEN.findall(phrase or word)
        if not tokens:
            continue
        if phrase:
            terms.append('"' + " ".join(tokens) + '"')
        elif len(tokens) == 1:
            terms.append(f'"{tokens[0]}"*')
        else:  # don't, e-mail: the tokens in a row
            terms.append('"' + " ".join(tokens) + '"*')
    return " ".join(terms)


def _unmark(snippet: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Remove the \\x02 … \\x03 match markers; return the plain snippet and the marked ranges in it."""
    out: list[str] = []
    marks: list[tuple[int, int]] = []
    pos = 0
    open_at = None
    for ch in snippet:
        if ch == "\x02":
            open_at = pos
        elif ch == "\x03":
            if open_at is not None:
                marks.append((open_at, pos))
            open_at = None
        else:
            out.append(ch)
            pos += 1
    return "".join(out), tuple(marks)


def _locate(text: str, marked: str) -> tuple[int | None, int | None]:
    """Offsets in `text` of the first marked match of an FTS5 snippet of `text`."""
    core = marked
    lead = core.startswith("…")
    if lead:
        core = core[1:]
    if core.endswith("…"):
        core = core[:-1]
    plain, marks = _unmark(core)
    if not marks:
        return None, None
    at = text.find(plain)
    if at < 0:
        return None, None
    s, e = marks[0]
    return at + s, at + e


__all__ = ["Library", "LibraryError", "ArticleRow", "ArticleVersion", "SearchHit", "ReanchorReport", "fts_query", "default_db_path"]
