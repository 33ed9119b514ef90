"""A non-editable install carries every data file the code reads beside its modules.

The code finds its rule files, templates and settings through Path(__file__) (extractors/<kind>/*.csv,
pipeline/data/...), so a wheel that lacks one breaks `fakta` only once installed for real. This test
builds the wheel offline (--no-build-isolation --no-deps --no-index, from a copy of the git-tracked
sources, so a stale build/ folder cannot hide a missing file and the checkout is not written to) and
checks that every git-tracked data file under pipeline/ and extractors/ is in it: every file but the
*.py modules of regular packages, which package discovery ships anyway; a *.py in a folder without
__init__.py (the Datasette plugin in pipeline/data/datasette/plugins/) is checked like data.

Where the installed setuptools cannot write wheels offline (older than 70.1 and no `wheel` package,
as on a machine with Python 3.11's bundled setuptools), the test runs setuptools' build_py instead:
the same package discovery and package-data rules from pyproject.toml, and the very tree that
bdist_wheel zips (the wheel adds only its .dist-info).
"""
from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .paths import ROOT

PACKAGES = ("pipeline", "extractors")
TIMEOUT = 180  # seconds for one build step; it takes about 3 s


def tracked_files() -> list[str]:
    """Git-tracked files under the packages that exist in the work tree (posix paths)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed: no list of tracked files to check the wheel against")
    done = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z", "--", *PACKAGES],
                          check=False, capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        pytest.skip(f"not a git checkout ({done.stderr.strip()}): no list of tracked files")
    files = [f for f in done.stdout.split("\0") if f and (ROOT / f).is_file()]
    if not files:
        pytest.skip("git tracks no files under pipeline/ and extractors/")
    return files


def shipped_as_data(path: str) -> bool:
    """A data file, or a module in a folder that is not a regular package (a plugin directory)."""
    return not path.endswith(".py") or not (ROOT / path).parent.joinpath("__init__.py").is_file()


def can_write_wheels() -> bool:
    if importlib.util.find_spec("setuptools") is None:
        return False
    # setuptools >= 70.1 has bdist_wheel itself; before that it comes from the `wheel` package
    return (importlib.util.find_spec("setuptools.command.bdist_wheel") is not None
            or importlib.util.find_spec("wheel") is not None)


def run(cmd: list[str], cwd: Path) -> None:
    done = subprocess.run(cmd, cwd=cwd, check=False, capture_output=True, text=True, timeout=TIMEOUT)
    assert done.returncode == 0, f"{' '.join(cmd)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"


def test_every_tracked_data_file_is_in_the_wheel(tmp_path):
    files = tracked_files()
    if importlib.util.find_spec("setuptools") is None:
        pytest.skip("setuptools is not installed: the wheel cannot be built without network")

    src = tmp_path / "src"  # a clean copy: what git tracks, no build/ or *.egg-info left from earlier builds
    for name in ["pyproject.toml", "README.md", *files]:
        target = src / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / name, target)

    out = tmp_path / "out"
    if can_write_wheels():
        how = "wheel"
        run([sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "--no-build-isolation", "--no-index",
             "--no-cache-dir", "--disable-pip-version-check", "-q", "-w", str(out)], cwd=tmp_path)
        wheels = list(out.glob("fakta-*.whl"))
        assert len(wheels) == 1, wheels
        listing = set(zipfile.ZipFile(wheels[0]).namelist())
    else:
        how = "setuptools build_py (this setuptools cannot write wheels offline)"
        run([sys.executable, "-c", "from setuptools import setup; setup()", "-q", "build_py", "--build-lib", str(out)],
            cwd=src)
        listing = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}

    data = [f for f in files if shipped_as_data(f)]
    assert any(f.startswith("pipeline/data/") for f in data) and any(f.startswith("extractors/") for f in data)
    missing = [f for f in data if f not in listing]
    assert not missing, (
        f"{len(missing)} of {len(data)} tracked data files are not in the build ({how}): {missing}\n"
        "add their folder (namespaces) or their suffix to [tool.setuptools.package-data] in pyproject.toml"
    )
    # the modules too, regular packages and namespace ones alike
    assert "pipeline/cli.py" in listing and "extractors/regions/data.py" in listing
