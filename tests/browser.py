"""A real headless browser for tests: Chromium from Debian's packages, driven by its command line.

`CHROMIUM` is the executable or None (tests then skip with NO_CHROMIUM as the reason).
`render(url, screenshot)` saves a screenshot and returns the DOM after scripts ran.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
NO_CHROMIUM = "Chromium is not installed (Debian: apt-get install chromium)"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars"]


def _chromium(*args: str, timeout: int = 90) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, *FLAGS, *args], capture_output=True, text=True, timeout=timeout, check=True)


def render(url: str, screenshot: Path, size: str = "1280,1600") -> str:
    """Open url; save a PNG screenshot; return the rendered DOM."""
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    _chromium(f"--screenshot={screenshot}", f"--window-size={size}", url)
    assert screenshot.is_file() and screenshot.stat().st_size > 5_000, f"no screenshot of {url}"
    print(f"screenshot of {url}: {screenshot}")
    return _chromium("--dump-dom", url).stdout
