"""Compile tracking plans to JSON Schema (draft 2020-12), deterministically."""
from typing import TYPE_CHECKING

from protocol_kit.lazy import lazy_exports

if TYPE_CHECKING:
    from protocol_kit.compile.compiled import CompiledPlan, CompiledSchema, load_compiled
    from protocol_kit.compile.compiler import compile_plan
    from protocol_kit.compile.writer import check_schemas, write_schemas

_EXPORTS = {
    "CompiledPlan": "compiled",
    "CompiledSchema": "compiled",
    "check_schemas": "writer",
    "compile_plan": "compiler",
    "load_compiled": "compiled",
    "write_schemas": "writer",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)

__all__ = ["CompiledPlan", "CompiledSchema", "check_schemas", "compile_plan", "load_compiled", "write_schemas"]
