"""From a file on disk to a checked :class:`Scenario`, with a compiled cache.

``compile_file`` reads, composes, builds and checks one scenario and returns
the scenario (or None) with every diagnostic. A compiled cache, keyed by the
file's content hash, the principle ids and the engine version (as Python keys
``.pyc`` files), makes loading an unchanged file cheap. The cache directory is
given by the caller, so the engine itself touches no user folders.
"""

from __future__ import annotations

import gc
import hashlib
import os
from contextlib import contextmanager
import pickle
import tempfile
from pathlib import Path

from . import yamlsrc
from .checks import Checker
from .diagnostics import Diagnostic, ScenarioError
from .loader import Loader
from .model import Scenario

ENGINE_VERSION = "1.0.0"


def _fingerprint() -> str:
    """A hash of the engine's own source, so a changed engine never reads old cache entries."""
    h = hashlib.sha256(ENGINE_VERSION.encode())
    for f in sorted(Path(__file__).resolve().parent.glob("*.py")):
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


_FINGERPRINT: str | None = None


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@contextmanager
def _gc_paused():
    """Loading builds hundreds of thousands of long-lived, acyclic objects.

    The cyclic garbage collector would traverse them again and again while they are
    built, and once more on the first collection afterwards. So collection is
    paused while loading, and the result is then moved to the permanent
    generation (``gc.freeze``), where the collector no longer looks at it. The
    model has no reference cycles, so nothing that is later dropped is kept.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was:
            gc.enable()


def compile_text(text: str, file: str, principles) -> tuple[Scenario | None, list[Diagnostic]]:
    """Build and check a scenario from source text."""
    with _gc_paused():
        return _compile_text(text, file, principles)


def _compile_text(text: str, file: str, principles) -> tuple[Scenario | None, list[Diagnostic]]:
    try:
        root = yamlsrc.compose(text)
    except yamlsrc.SourceProblem as exc:
        return None, [exc.diagnostic(file)]
    loader = Loader(file, text)
    scenario = loader.scenario(root)
    diags = loader.diags
    if scenario is not None:
        scenario.content_hash = content_hash(text)
        diags += Checker(scenario, principles, getattr(loader, "variable_pos", {}),
                         loader.spans).run()
    diags.sort(key=Diagnostic.sort_key)
    return scenario, diags


def compile_file(path: str | Path, principles, cache_dir: str | Path | None = None,
                 display_name: str | None = None) -> tuple[Scenario | None, list[Diagnostic]]:
    """Read and check one file. Never raises for a bad file.

    With ``cache_dir``, an unchanged file (the same bytes, engine, principles and name)
    is not even decoded: the key is a hash of the raw bytes, and a hit returns the
    result compiled the first time.
    """
    file = display_name or str(path)
    try:
        data = yamlsrc.read_bytes(path)
    except yamlsrc.SourceProblem as exc:
        return None, [exc.diagnostic(file)]
    key = None
    if cache_dir is not None:
        global _FINGERPRINT
        if _FINGERPRINT is None:
            _FINGERPRINT = _fingerprint()
        h = hashlib.sha256(data)
        h.update(("\0" + _FINGERPRINT + "\0" + ",".join(sorted(principles)) + "\0" + file)
                 .encode("utf-8"))
        key = Path(cache_dir) / f"{h.hexdigest()}.pickle"
        cached = _read_cache(key)
        if cached is not None:
            return cached
    try:
        text = yamlsrc.decode(data)
    except yamlsrc.SourceProblem as exc:
        return None, [exc.diagnostic(file)]
    result = compile_text(text, file, principles)
    if key is not None:
        _write_cache(key, result)
    return result


def load_scenario(path: str | Path, principles, cache_dir=None) -> Scenario:
    """Load a scenario that must be free of errors; raise :class:`ScenarioError`."""
    scenario, diags = compile_file(path, principles, cache_dir)
    errors = [d for d in diags if d.is_error]
    if errors or scenario is None:
        raise ScenarioError(errors or diags)
    return scenario


def _read_cache(key: Path):
    try:
        data = key.read_bytes()
        with _gc_paused():
            return pickle.loads(data)
    except FileNotFoundError:
        return None
    except Exception:  # a damaged or foreign cache entry: ignore it, rebuild
        try:
            key.unlink()
        except OSError:
            pass
        return None


def _write_cache(key: Path, result) -> None:
    try:
        key.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=key.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, key)
    except Exception:  # the cache is an optimisation; never fail because of it
        try:
            os.unlink(tmp)  # type: ignore[possibly-undefined]
        except Exception:
            pass
