"""W3C Web Annotation JSON-LD and Markdown for the user's annotations: writing, and reading back (ours or others').

Each personal highlight, detector verdict and article note is one `Annotation`; its target is the
article (its URL, else its file URI, else `urn:sha256:<text hash>`) narrowed by a TextQuoteSelector and a
TextPositionSelector; its body holds the note (purpose "commenting") and the tag name (purpose "tagging").
Sourcelight's own details (tag key, verdict, detector kind, the article text) use the `sl:` prefix.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import unquote, urlparse
from urllib.request import url2pathname

from desktop.documents.model import Article
from desktop.store.model import Anchor

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
SL_NS = "urn:x-sourcelight:"
CONTEXT = [W3C_CONTEXT, {"sl": SL_NS}]
GENERATOR = {"type": "Software", "name": "Sourcelight"}
KIND_TITLES = {"quote": "quote", "sentence": "sentence", "emotive": "emotive phrase"}


def article_source(row: dict) -> str:
    """The IRI an article is known by: its URL, else its file URI, else its text hash."""
    if row.get("url"):
        return row["url"]
    if row.get("path"):
        try:
            return Path(row["path"]).resolve().as_uri()
        except ValueError:
            pass
    return f"urn:sha256:{row['text_hash']}"


def file_uri_to_path(uri: str) -> str:
    parsed = urlparse(uri)
    return url2pathname(unquote(parsed.path))


def _selectors(row: dict) -> list[dict]:
    return [
        {"type": "TextQuoteSelector", "exact": row["exact"], "prefix": row["prefix"], "suffix": row["suffix"]},
        {"type": "TextPositionSelector", "start": row["pos_start"], "end": row["pos_end"]},
    ]


def _target(article: dict, row: dict | None) -> dict:
    target: dict = {"source": article_source(article), "sl:textHash": article["text_hash"]}
    if row is not None:
        target["selector"] = _selectors(row)
    return target


def to_jsonld(rows: list[dict], *, include_text: bool = True) -> dict:
    """An AnnotationCollection (with one embedded AnnotationPage) of every annotation in `rows`."""
    items: list[dict] = []
    articles: list[dict] = []
    for entry in rows:
        a = entry["article"]
        names = entry["tag_names"]
        if include_text:
            articles.append({
                "id": article_source(a), "type": "Text", "format": "text/plain", "sl:textHash": a["text_hash"],
                "title": a["title"], "sl:author": a["author"], "sl:outlet": a["outlet"], "sl:date": a["date"],
                "sl:url": a["url"], "sl:path": a["path"], "sl:kind": a["kind"], "sl:text": a["text"],
            })
        if a["note"].strip():
            items.append({
                "id": f"urn:x-sourcelight:article-note:{a['text_hash']}", "type": "Annotation",
                "motivation": "commenting", "modified": a["note_updated"] or a["updated"],
                "body": {"type": "TextualBody", "value": a["note"], "format": "text/plain", "purpose": "commenting"},
                "target": _target(a, None), "sl:type": "articleNote",
            })
        for h in entry["highlights"]:
            body = []
            if h["note"]:
                body.append({"type": "TextualBody", "value": h["note"], "format": "text/plain", "purpose": "commenting"})
            body.append({"type": "TextualBody", "value": names.get(h["tag"], h["tag"]), "purpose": "tagging",
                         "sl:tag": h["tag"]})
            item = {
                "id": f"urn:uuid:{_uuid(h['uid'])}", "type": "Annotation",
                "motivation": "commenting" if h["note"] else "highlighting",
                "created": h["created"], "modified": h["updated"], "body": body, "target": _target(a, h),
                "sl:type": "highlight",
            }
            if h["orphan"]:
                item["sl:orphan"] = True
            items.append(item)
        for v in entry["verdicts"]:
            item = {
                "id": f"urn:uuid:{_uuid(v['uid'])}", "type": "Annotation", "motivation": "assessing",
                "created": v["created"], "modified": v["updated"],
                "body": {"type": "TextualBody", "value": v["verdict"], "purpose": "assessing"},
                "target": _target(a, v), "sl:type": "verdict", "sl:verdict": v["verdict"], "sl:kind": v["kind"],
            }
            if v["label"]:
                item["sl:label"] = v["label"]
            if v["orphan"]:
                item["sl:orphan"] = True
            items.append(item)
    out = {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": "Sourcelight annotations",
        "generator": GENERATOR,
        "generated": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    if include_text:
        out["sl:articles"] = articles
    return out


def _uuid(uid: str) -> str:
    if len(uid) == 32:
        return f"{uid[:8]}-{uid[8:12]}-{uid[12:16]}-{uid[16:20]}-{uid[20:]}"
    return uid


# -- reading ------------------------------------------------------------------------------------------


@dataclass
class ParsedArticle:
    key: str
    source: str | None
    text_hash: str | None
    article: Article | None  # when the file carries the text
    note: str = ""


@dataclass
class Item:
    key: str
    type: str  # "highlight" | "verdict" | "article_note"
    source: str | None
    text_hash: str | None
    anchor: Anchor | None = None
    uid: str | None = None
    tag: str | None = None  # Sourcelight tag key
    tag_names: list[str] = field(default_factory=list)
    note: str = ""
    created: str | None = None
    verdict: str | None = None
    kind: str | None = None
    label: str | None = None


@dataclass
class Parsed:
    articles: list[ParsedArticle]
    items: list[Item]


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _key(source: str | None, text_hash: str | None) -> str:
    return f"sha256:{text_hash}" if text_hash else f"src:{source}"


def _annotations(data) -> list[dict]:
    if isinstance(data, list):
        return [x for x in data if isinstance(x, dict)]
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object or list")
    kind = data.get("type")
    if kind == "Annotation" or "target" in data:
        return [data]
    out: list[dict] = []
    if "items" in data:
        out.extend(x for x in _as_list(data["items"]) if isinstance(x, dict))
    page = data.get("first")
    seen = 0
    while isinstance(page, dict) and seen < 10000:
        out.extend(x for x in _as_list(page.get("items")) if isinstance(x, dict))
        page = page.get("next")
        seen += 1
    if not out and kind not in ("AnnotationCollection", "AnnotationPage"):
        raise ValueError("no Annotation, AnnotationPage or AnnotationCollection found")
    return out


def _uid(value) -> str | None:
    if not isinstance(value, str) or not value:
        return None
    if value.startswith("urn:uuid:"):
        return value[len("urn:uuid:"):].replace("-", "").lower()
    if value.startswith("urn:x-sourcelight:article-note:"):
        return None
    return value


def parse_jsonld(data) -> Parsed:
    """Read an AnnotationCollection / AnnotationPage / Annotation / list of them. Raises ValueError."""
    articles: list[ParsedArticle] = []
    if isinstance(data, dict):
        for a in _as_list(data.get("sl:articles")):
            if not isinstance(a, dict):
                continue
            source, text_hash, text = a.get("id"), a.get("sl:textHash"), a.get("sl:text")
            article = None
            if isinstance(text, str) and text:
                article = Article(
                    text=text, title=str(a.get("title") or ""), author=str(a.get("sl:author") or ""),
                    outlet=str(a.get("sl:outlet") or ""), date=str(a.get("sl:date") or ""),
                    url=str(a.get("sl:url") or ""), path=str(a.get("sl:path") or ""), kind=str(a.get("sl:kind") or "text"),
                )
                text_hash = article.text_hash
            articles.append(ParsedArticle(_key(source, text_hash), source, text_hash, article))
    items: list[Item] = []
    for ann in _annotations(data):
        targets = _as_list(ann.get("target"))
        if not targets:
            continue
        target = targets[0]
        if isinstance(target, str):
            target = {"source": target}
        if not isinstance(target, dict):
            continue
        source = target.get("source") or target.get("id")
        text_hash = target.get("sl:textHash")
        quote = position = None
        for sel in _as_list(target.get("selector")):
            while isinstance(sel, dict):
                if sel.get("type") == "TextQuoteSelector" and quote is None:
                    quote = sel
                elif sel.get("type") == "TextPositionSelector" and position is None:
                    position = sel
                sel = sel.get("refinedBy")
        anchor = None
        if quote is not None or position is not None:
            try:
                start = int(position["start"]) if position else -1
                end = int(position["end"]) if position else -1
            except (KeyError, TypeError, ValueError):
                start = end = -1
            anchor = Anchor(start, end, str((quote or {}).get("exact") or ""), str((quote or {}).get("prefix") or ""),
                            str((quote or {}).get("suffix") or ""))
        notes: list[str] = []
        tag_names: list[str] = []
        tag = verdict = None
        bodies = _as_list(ann.get("body"))
        if isinstance(ann.get("bodyValue"), str):
            bodies.append({"type": "TextualBody", "value": ann["bodyValue"]})
        for body in bodies:
            if isinstance(body, str):
                continue  # a body given only by IRI carries nothing we can show
            if not isinstance(body, dict):
                continue
            value = body.get("value")
            if not isinstance(value, str):
                continue
            purpose = body.get("purpose")
            if purpose == "tagging":
                tag_names.append(value)
                if body.get("sl:tag"):
                    tag = str(body["sl:tag"])
            elif purpose == "assessing":
                verdict = value
            else:
                notes.append(value)
        sl_type = ann.get("sl:type")
        if sl_type == "articleNote" or (anchor is None and notes and sl_type is None):
            kind = "article_note"
        elif sl_type == "verdict" or (ann.get("motivation") == "assessing" and ann.get("sl:kind")):
            kind = "verdict"
            verdict = ann.get("sl:verdict") or verdict
        else:
            kind = "highlight"
        if kind != "article_note" and anchor is None:
            continue
        items.append(Item(
            key=_key(source, text_hash), type=kind, source=source, text_hash=text_hash, anchor=anchor,
            uid=_uid(ann.get("id")), tag=tag, tag_names=tag_names, note="\n\n".join(notes),
            created=ann.get("created") if isinstance(ann.get("created"), str) else None,
            verdict=verdict, kind=ann.get("sl:kind"), label=ann.get("sl:label"),
        ))
    return Parsed(articles, items)


# -- Markdown -------------------------------------------------------------------------------------------


def _md_escape(text: str) -> str:
    text = " ".join(text.split())
    for ch in "\\`*_[]<>#|":
        text = text.replace(ch, "\\" + ch)
    return text


def _md_block(text: str, indent: str = "") -> str:
    lines = text.strip().replace("\\", "\\\\").replace("<", "\\<").splitlines() or [""]
    return "\n".join(f"{indent}> {line}".rstrip() for line in lines)


def _display_title(a: dict) -> str:
    return Article(text=a["text"][:400], title=a["title"], path=a["path"]).display_title


def to_markdown(rows: list[dict]) -> str:
    """A readable document: per article its metadata, note, highlights with notes, orphans and verdicts."""
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    n_high = sum(len(e["highlights"]) for e in rows)
    out = ["# Sourcelight annotations", "",
           f"Exported {now} · {len(rows)} article{'s' if len(rows) != 1 else ''} · "
           f"{n_high} highlight{'s' if n_high != 1 else ''}", ""]
    for entry in rows:
        a = entry["article"]
        names = entry["tag_names"]
        out += [f"## {_md_escape(_display_title(a))}", ""]
        meta = " · ".join(_md_escape(x) for x in (a["outlet"], a["author"], a["date"]) if x)
        source = a["url"] or a["path"]
        if meta:
            out.append(f"*{meta}*  ")
        if source:
            out.append(f"Source: <{source}>" if a["url"] else f"Source: `{source}`")
        out.append("")
        if a["note"].strip():
            out += ["### Article note", "", _md_block(a["note"]), ""]
        placed = [h for h in entry["highlights"] if not h["orphan"]]
        orphans = [h for h in entry["highlights"] if h["orphan"]]
        if placed:
            out += ["### Highlights", ""]
            for h in placed:
                out.append(f"- **{_md_escape(names.get(h['tag'], h['tag']))}** · “{_md_escape(h['exact'])}” "
                           f"(characters {h['pos_start']}–{h['pos_end']})")
                if h["note"].strip():
                    out.append(_md_block(h["note"], "  "))
            out.append("")
        if orphans:
            out += ["### Highlights no longer found in the text", "",
                    "The article changed and these passages could not be placed again; they are kept here.", ""]
            for h in orphans:
                out.append(f"- **{_md_escape(names.get(h['tag'], h['tag']))}** · “{_md_escape(h['exact'])}”")
                if h["note"].strip():
                    out.append(_md_block(h["note"], "  "))
            out.append("")
        if entry["verdicts"]:
            out += ["### Verdicts on detector highlights", ""]
            for v in entry["verdicts"]:
                what = KIND_TITLES.get(v["kind"], v["kind"])
                if v["label"]:
                    what += f" ({v['label'].replace('_', ' ')})"
                lost = " — no longer found in the text" if v["orphan"] else ""
                out.append(f"- {v['verdict'].capitalize()} {what}: “{_md_escape(v['exact'])}”{lost}")
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def dumps(data: dict) -> str:
    """The JSON-LD text to write to a `.jsonld` file."""
    return json.dumps(data, ensure_ascii=False, indent=2)


MD_DATA_START = "<!-- sourcelight-annotations"
MD_DATA_END = "-->"


def markdown_data_block(data: dict) -> str:
    """The JSON-LD hidden in an HTML comment at the end of an exported Markdown file (invisible when
    rendered), so Sourcelight can import its own Markdown back without loss. `--` cannot occur in an
    HTML comment, so it is written as the equivalent JSON escape `-\\u002d`."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("--", "-\\u002d")
    return f"{MD_DATA_START}\n{text}\n{MD_DATA_END}\n"


def markdown_data(markdown: str) -> dict | None:
    """The JSON-LD a Sourcelight Markdown export carries, or None if it has none."""
    at = markdown.rfind(MD_DATA_START)
    if at < 0:
        return None
    end = markdown.find(MD_DATA_END, at + len(MD_DATA_START))
    if end < 0:
        return None
    try:
        return json.loads(markdown[at + len(MD_DATA_START) : end])
    except json.JSONDecodeError:
        return None
