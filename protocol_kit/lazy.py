"""Package exports imported on first use, so that importing one module of a package does not load the rest.

A package lists ``name -> submodule`` and gets a module ``__getattr__`` (PEP 562)::

    __getattr__ = lazy_exports(__name__, {"load_plan": "loader", "Plan": "model"})

and repeats the imports under ``if TYPE_CHECKING:`` for type checkers. ``from package
import name`` and ``package.name`` then import the submodule the first time they are used:
`protocol-kit validate` loads neither the plan loaders nor lint, `protocol-kit lint` not the validator.
"""
from __future__ import annotations

import sys
from typing import Callable, Mapping


def lazy_exports(package: str, exports: Mapping[str, str]) -> Callable[[str], object]:
    """The ``__getattr__`` of ``package``: each exported name from its submodule (relative to the package)."""

    def __getattr__(name: str) -> object:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        __import__(f"{package}.{module}")  # the import statement's path: -X importtime shows it where it happens
        value = getattr(sys.modules[f"{package}.{module}"], name)
        setattr(sys.modules[package], name, value)  # found directly next time
        return value

    return __getattr__
