"""The library's numbered schema migrations (sqlite-utils `Migrations`); `SCHEMA_VERSION` is the newest."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "sourcelight"
migrations = Migrations(MIGRATION_SET)
MIGRATION_NAMES: list[str] = []


def _numbered(name: str):
    """Register a migration; its number (1, 2, …) is its position, recorded in `PRAGMA user_version`."""

    def register(fn):
        MIGRATION_NAMES.append(name)
        number = len(MIGRATION_NAMES)

        def run(db: Database) -> None:
            fn(db)
            db.execute(f"PRAGMA user_version = {number}")

        run.__name__ = name
        migrations(name=name)(run)
        return fn

    return register


@_numbered("0001_initial")
def _initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            text TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            outlet TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            path TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT 'text',
            encoding TEXT NOT NULL DEFAULT '',
            headings TEXT NOT NULL DEFAULT '[]',
            warnings TEXT NOT NULL DEFAULT '[]',
            user_fields TEXT NOT NULL DEFAULT '[]',
            note TEXT NOT NULL DEFAULT '',
            note_updated TEXT NOT NULL DEFAULT '',
            added TEXT NOT NULL,
            opened TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE INDEX articles_url ON articles(url) WHERE url != '';
        CREATE INDEX articles_path ON articles(path) WHERE path != '';
        CREATE INDEX articles_text_hash ON articles(text_hash);

        CREATE TABLE highlights (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            pos_start INTEGER NOT NULL,
            pos_end INTEGER NOT NULL,
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            tag TEXT NOT NULL DEFAULT '1',
            note TEXT NOT NULL DEFAULT '',
            orphan INTEGER NOT NULL DEFAULT 0,
            anchored_by TEXT NOT NULL DEFAULT 'created',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE INDEX highlights_article ON highlights(article_id, pos_start);

        CREATE TABLE verdicts (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            label TEXT,
            pos_start INTEGER NOT NULL,
            pos_end INTEGER NOT NULL,
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            verdict TEXT NOT NULL CHECK (verdict IN ('dismissed', 'confirmed')),
            orphan INTEGER NOT NULL DEFAULT 0,
            anchored_by TEXT NOT NULL DEFAULT 'created',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE INDEX verdicts_article ON verdicts(article_id, kind, pos_start);

        CREATE TABLE analyses (
            text_hash TEXT NOT NULL,
            version TEXT NOT NULL,
            model TEXT NOT NULL,
            data TEXT NOT NULL,
            created TEXT NOT NULL,
            PRIMARY KEY (text_hash, version, model)
        );

        CREATE TABLE tag_names (
            key TEXT PRIMARY KEY,
            name TEXT NOT NULL
        );

        -- one full-text index over article titles and text, article notes, highlight notes and tags;
        -- rowid = id * 4 + (0 article text, 1 article note, 2 highlight), kept in step by the library
        CREATE VIRTUAL TABLE search USING fts5(
            title, body, tags,
            kind UNINDEXED, article_id UNINDEXED, ref_id UNINDEXED,
            tokenize = 'porter unicode61 remove_diacritics 2'
        );
        """
    )


@_numbered("0002_article_versions")
def _article_versions(db: Database) -> None:
    # the text an article had before a re-import replaced it (a corrected web page): kept, never dropped,
    # so orphaned highlights can be shown where they were and the user can see what changed
    db.executescript(
        """
        CREATE TABLE article_versions (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            replaced TEXT NOT NULL
        );
        CREATE INDEX article_versions_article ON article_versions(article_id, replaced);
        """
    )


SCHEMA_VERSION = len(MIGRATION_NAMES)
