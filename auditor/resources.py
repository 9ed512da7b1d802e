"""Where the grammar and rule files live, and where a user's private cache may be kept."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import tempfile
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """`grammar` or `rules`: the repository's top-level folder, or its copy in a wheel."""
    for candidate in (_PACKAGE.parent / name, _PACKAGE / "_data" / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"auditor data folder {name!r} is missing from the installation")


def private_cache_dir() -> Path | None:
    """A cache folder only the current user can write to, or None.

    The parser cache is a pickle: a file another local user could plant or
    replace would run as whoever runs `audit` next.  So the cache lives in the
    user's own cache folder (``$XDG_CACHE_HOME/auditor``, ``~/.cache/auditor``),
    created with mode 0700, and is used only when the folder, and every folder
    above it up to the user's cache root, is a real folder (not a link) owned
    by the user and writable by nobody else.  Anything else: no cache.
    """
    if sys.platform == "win32" or not hasattr(os, "getuid"):
        base = os.environ.get("LOCALAPPDATA")  # per-user, not shared
        return Path(base) / "auditor" / "cache" if base else None
    root_text = os.environ.get("XDG_CACHE_HOME") or (os.path.join(os.path.expanduser("~"), ".cache"))
    if not os.path.isabs(root_text):
        return None  # the XDG spec says: ignore a relative path
    root = Path(root_text)
    folder = root / "auditor"
    try:
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return None
    return folder if _owned_and_private(root) and _owned_and_private(folder) else None


def _owned_and_private(path: Path) -> bool:
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return (stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()
            and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def safe_cache_file(folder: Path, name: str) -> Path | None:
    """`folder/name` if it is absent or a regular file owned by the user and
    writable by nobody else (never a link): safe to load and to overwrite."""
    path = folder / name
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return path
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)):
        return None
    return path


# -- files of the private cache that hold data, never code --------------------------------------

def read_private(name: str) -> bytes | None:
    """The content of a data file of the private cache folder, or None: absent, not safe (see
    `safe_cache_file`), or damaged (its first line is the SHA-256 of the rest)."""
    folder = private_cache_dir()
    path = safe_cache_file(folder, name) if folder is not None else None
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    digest, _, content = data.partition(b"\n")
    return content if hashlib.sha256(content).hexdigest().encode() == digest else None


def write_private(name: str, content: bytes) -> None:
    """Write a data file of the private cache folder, whole or not at all (nothing when no folder is safe)."""
    folder = private_cache_dir()
    path = safe_cache_file(folder, name) if folder is not None else None
    if path is None:
        return
    try:
        fd, temp = tempfile.mkstemp(dir=folder, prefix=".write-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(hashlib.sha256(content).hexdigest().encode() + b"\n" + content)
        os.replace(temp, path)  # another process may have written meanwhile: the last one stays
    except OSError:
        try:
            os.unlink(temp)
        except OSError:
            pass


# -- the built-in rules folder's TOML files, parsed once per installation -------------------------

_builtin_json: dict[str, str] | None = None  # file name → its data as JSON text


def builtin_toml(name: str) -> dict | None:
    """A TOML file of the built-in rules folder (a rule, vocabulary.toml, alternatives.toml),
    parsed; None when it cannot be read that way (the caller reads it and says what is wrong).

    tomllib is pure Python: the folder's ~40 files cost every start ~20 ms to parse,
    more than reading a report.  The folder's data is kept as JSON in the private
    cache folder (`read_private`: the user's own, checked, file), named by a hash of
    the files' names and bytes — an edited or updated file is a new name — and read
    from there in a fraction of that.  Each call returns new objects, as tomllib does.
    """
    global _builtin_json
    if _builtin_json is None:
        _builtin_json = _builtin_folder()
    text = _builtin_json.get(name)
    return json.loads(text) if text is not None else None


def _builtin_folder() -> dict[str, str | None]:
    paths = sorted(data_dir("rules").glob("*.toml"))
    sources = {p.name: p.read_bytes() for p in paths}
    key = hashlib.sha256(b"\0".join(n.encode() + b"\0" + b for n, b in sources.items())).hexdigest()[:16]
    cached = read_private(f"rules-{key}.json")
    if cached is not None:
        try:
            texts = json.loads(cached)
        except ValueError:
            texts = None
        if isinstance(texts, dict) and texts.keys() == sources.keys():
            return texts
    texts = {n: _as_json(b) for n, b in sources.items()}
    write_private(f"rules-{key}.json", json.dumps(texts, ensure_ascii=False).encode("utf-8"))
    return texts


def _as_json(source: bytes) -> str | None:
    """A TOML file's data as JSON text; None if it is not valid TOML or holds what JSON cannot (a date)."""
    import tomllib

    try:
        return json.dumps(tomllib.loads(source.decode("utf-8")), ensure_ascii=False)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError, TypeError, ValueError):
        return None
