"""Read aloud with espeak-ng (a Danish voice where installed), like Ren'Py's LinuxTTS.

One subprocess at a time; it is killed when the player moves on. When espeak-ng
is not installed, :meth:`Narrator.status` says so and :meth:`Narrator.say` does nothing.
"""

from __future__ import annotations

import shutil
import subprocess


class Narrator:
    def __init__(self, program: str | None = None):
        self.program = program or shutil.which("espeak-ng") or shutil.which("espeak")
        self._proc: subprocess.Popen | None = None
        self._voices: dict[str, str | None] = {}

    @property
    def available(self) -> bool:
        return self.program is not None

    def voice(self, lang: str) -> str | None:
        """The espeak voice for ``lang`` ('da' or 'en'), or None if it has none."""
        if lang in self._voices:
            return self._voices[lang]
        found = None
        if self.program:
            try:
                out = subprocess.run([self.program, f"--voices={lang}"], capture_output=True,
                                     text=True, timeout=5).stdout
                for line in out.splitlines()[1:]:
                    parts = line.split()
                    if len(parts) >= 2 and parts[1].split("-")[0] == lang:
                        found = parts[1]
                        break
            except (OSError, subprocess.SubprocessError):
                found = None
        self._voices[lang] = found
        return found

    def status(self, lang: str) -> tuple[str, dict]:
        """An interface text key (and values) describing whether reading aloud works."""
        if not self.available:
            return "ui.settings.tts_missing", {}
        v = self.voice(lang)
        if v is None:
            return "ui.settings.tts_no_danish", {}
        return "ui.settings.tts_ok", {"voice": v}

    def say(self, text: str, lang: str = "da") -> bool:
        self.stop()
        if not self.available or not text.strip():
            return False
        try:
            self._proc = subprocess.Popen(self.command(text, lang), stdin=subprocess.DEVNULL,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except OSError:
            self._proc = None
            return False
        return True

    def command(self, text: str, lang: str) -> list[str]:
        """The espeak-ng command line: a calm rate (150 words a minute), the language's voice."""
        voice = self.voice(lang) or ("en" if lang != "en" else None)
        cmd = [self.program, "-s", "150"]
        if voice:
            cmd += ["-v", voice]
        return cmd + ["--", text]

    def speaking(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def stop(self) -> None:
        p = self._proc
        self._proc = None
        if p is not None and p.poll() is None:
            try:
                p.kill()
                p.wait(timeout=1)
            except (OSError, subprocess.SubprocessError):
                pass
