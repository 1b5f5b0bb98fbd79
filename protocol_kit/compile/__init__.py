"""Compile tracking plans to JSON Schema (draft 2020-12), deterministically."""
from protocol_kit.compile.compiled import CompiledPlan, CompiledSchema, load_compiled
from protocol_kit.compile.compiler import compile_plan
from protocol_kit.compile.writer import check_schemas, write_schemas

__all__ = ["CompiledPlan", "CompiledSchema", "check_schemas", "compile_plan", "load_compiled", "write_schemas"]
