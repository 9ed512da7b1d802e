"""Where the grammar and rule files live, and where a user's private cache may be kept."""

from __future__ import annotations

import os
import stat
import sys
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
