"""pytest set-up for the lenu Python module: it is imported from the build tree.

ctest sets PYTHONPATH=build/<preset>/python, LENU_CLI (the lenu program) and LENU_SOURCE_DIR;
run by hand with
    PYTHONPATH=build/release/python /usr/bin/python3 -m pytest -q tests/python
"""
import os
import pathlib
import subprocess
import sys

import pytest

SOURCE_DIR = pathlib.Path(os.environ.get("LENU_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
if "PYTHONPATH" not in os.environ:
    sys.path.insert(0, str(SOURCE_DIR / "build" / "release" / "python"))


def cli_path():
    return os.environ.get("LENU_CLI", str(SOURCE_DIR / "build" / "release" / "lenu"))


@pytest.fixture(scope="session")
def lenu_cli():
    return cli_path()


@pytest.fixture(scope="session")
def figures_dir(tmp_path_factory):
    """All figures, made once per session by `lenu figures --out DIR` (the one command)."""
    out = tmp_path_factory.mktemp("figures")
    # --without-crpa: the continuum-RPA curves (minutes of CPU cold) are checked by test_figures_crpa.py,
    # its own ctest (python.figures_crpa)
    proc = subprocess.run([cli_path(), "figures", "--out", str(out), "--without-crpa"], capture_output=True, text=True,
                          timeout=900)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out, proc.stdout
