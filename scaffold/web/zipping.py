"""The starter zip, built in memory. Pure: bytes in, bytes out.

Everything sits under ``<name>/`` (unzipping makes one folder), README first so an archive
viewer opens on the two commands to run. Unix modes and symlinks are kept, so ``unzip``
gives back a clean git work tree: ``scaffold update`` and ``copier update`` work at once.
The base zip is cached per configuration; each download appends its own ``.env`` files
with fresh secrets, so thirty participants never share a secret key or a password.
"""

from __future__ import annotations

import io
import secrets
import stat
import time
import zipfile
from collections.abc import Callable

from ..envfile import fill_secrets
from .snapshot import ENV_FILE, GIT_DIR, Entry, Snapshot

_Time = tuple[int, int, int, int, int, int]
_UNIX = 3  # ZipInfo.create_system: tells unzip to restore the modes


def build_zip(name: str, snapshot: Snapshot) -> bytes:
    """The project (git repository included) as a zip, without ``.env`` files."""
    buffer = io.BytesIO()
    now = _now()
    readme = {p: e for p, e in snapshot.files.items() if p == "README.md"}
    rest = {p: e for p, e in snapshot.files.items() if p != "README.md"}
    with zipfile.ZipFile(buffer, "w") as archive:
        _write(archive, name, readme, now)
        for folder in snapshot.dirs:  # empty ones too: git wants refs/tags and the like
            archive.writestr(_info(f"{name}/{folder}/", stat.S_IFDIR | 0o755, now), b"")
        _write(archive, name, rest, now)
        _write(archive, name, snapshot.git, now)
    return buffer.getvalue()


def with_env_files(
    base: bytes,
    name: str,
    snapshot: Snapshot,
    secret: Callable[[str], str] | None = None,
) -> bytes:
    """``base`` plus a ``.env`` beside every ``.env.example``, as ``scaffold new`` writes
    them: one fresh secret per key for the whole project (its services share them)."""
    values: dict[str, str] = {}
    make = secret or (lambda _key: secrets.token_urlsafe(48))

    def secret_for(key: str) -> str:
        return values.setdefault(key, make(key))

    buffer = io.BytesIO(base)
    with zipfile.ZipFile(buffer, "a") as archive:
        for example in snapshot.env_examples:
            text = fill_secrets(snapshot.files[example].data.decode(), secret_for)
            target = example.removesuffix(".example")
            assert target.rsplit("/", 1)[-1] == ENV_FILE
            archive.writestr(_file_info(f"{name}/{target}", Entry(b"", 0o600), False, _now()), text)
    return buffer.getvalue()


def _write(archive: zipfile.ZipFile, name: str, files: dict[str, Entry], now: _Time) -> None:
    for path, entry in sorted(files.items()):
        # git objects are zlib streams already: deflating them again only costs time.
        stored = path.startswith(GIT_DIR + "/objects/")
        archive.writestr(_file_info(f"{name}/{path}", entry, stored, now), entry.data)


def _now() -> _Time:
    t = time.localtime()
    return (t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec)


def _file_info(arcname: str, entry: Entry, stored: bool, when: _Time) -> zipfile.ZipInfo:
    kind = stat.S_IFLNK if entry.link else stat.S_IFREG
    info = _info(arcname, kind | entry.mode, when)
    info.compress_type = zipfile.ZIP_STORED if stored or entry.link else zipfile.ZIP_DEFLATED
    return info


def _info(arcname: str, mode: int, when: _Time) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(arcname, date_time=when)
    info.create_system = _UNIX
    info.external_attr = mode << 16
    if stat.S_ISDIR(mode):
        info.external_attr |= 0x10  # MS-DOS directory flag, for Windows' unzip
    return info
