"""The public records and the library API type-check strictly (files listed under [tool.mypy])."""
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


def test_package_ships_its_type_information():
    assert (ROOT / "protocol_kit" / "py.typed").is_file()


def test_strict_mypy_on_the_record_modules():
    if importlib.util.find_spec("mypy") is None:
        pytest.skip("mypy not installed: pip install -e '.[dev]'")
    done = subprocess.run([sys.executable, "-m", "mypy", "--no-incremental"], cwd=ROOT, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Success" in done.stdout
