"""Player settings, remembered between runs in ``user_config_dir()/settings.json``.

A missing file gives the defaults. A damaged or hand-edited file never stops the
game: every value that can be read is kept, the rest fall back to defaults, and
:attr:`Settings.notice` names an interface text that says so calmly.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from pathlib import Path

from .. import paths
from ..storage import read_json, write_json_atomic

FILE = "settings.json"
TEXT_SIZES = (100, 125, 150, 175, 200)
SPEEDS = ("slow", "medium", "fast", "instant")
FEEDBACK = ("each", "end")


@dataclass
class Settings:
    lang: str = "da"
    text_size: int = 100
    high_contrast: bool = False
    reduced_motion: bool = False
    text_speed: str = "medium"
    show_numbers: bool = False
    read_aloud: bool = False
    fullscreen: bool = False
    feedback: str = "each"      # after each choice, or all at the end
    window: tuple[int, int] | None = None
    notice: str | None = None   # not saved: an interface text key when the file had problems

    _CHOICES = {"lang": ("da", "en"), "text_size": TEXT_SIZES, "text_speed": SPEEDS,
                "feedback": FEEDBACK}

    def to_dict(self) -> dict:
        d = asdict(self)
        d.pop("notice", None)
        d["version"] = 1
        return d

    @classmethod
    def from_dict(cls, data) -> "Settings":
        s = cls()
        if not isinstance(data, dict):
            s.notice = "ui.notice.settings_reset"
            return s
        bad = False
        for f in fields(cls):
            if f.name in ("notice",) or f.name not in data:
                continue
            v = data[f.name]
            default = getattr(s, f.name)
            if f.name == "window":
                if (isinstance(v, list) and len(v) == 2 and all(type(n) is int and 300 <= n <= 10000 for n in v)):
                    s.window = (v[0], v[1])
                elif v is not None:
                    bad = True
                continue
            if f.name in cls._CHOICES:
                if v in cls._CHOICES[f.name] and type(v) is type(default):
                    setattr(s, f.name, v)
                else:
                    bad = True
            elif isinstance(default, bool):
                if type(v) is bool:
                    setattr(s, f.name, v)
                else:
                    bad = True
        if bad:
            s.notice = "ui.notice.settings_partly"
        return s


def settings_path() -> Path:
    return paths.user_config_dir() / FILE


def load() -> Settings:
    path = settings_path()
    if not path.exists():
        return Settings()
    data = read_json(path)
    if data is None:
        s = Settings()
        s.notice = "ui.notice.settings_reset"
        return s
    return Settings.from_dict(data)


def save(s: Settings) -> bool:
    try:
        write_json_atomic(settings_path(), s.to_dict())
        return True
    except OSError:
        return False
