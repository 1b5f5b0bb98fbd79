"""Personal data: finding it in events and plans, and keeping it out of reports.

``detect_pii`` finds personal data in a payload; ``find_undeclared_pii`` keeps
what a plan does not declare; ``redact`` and ``hash_values`` rewrite a
payload; ``classify_name`` and ``match_name`` judge a field name alone; ``plan_pii_findings``
lints a plan. ``rules_from_config`` reads ``[tool.protocol-kit.pii]``.
"""
from typing import TYPE_CHECKING

from protocol_kit.lazy import lazy_exports

if TYPE_CHECKING:
    from protocol_kit.pii.categories import CATEGORIES, Category
    from protocol_kit.pii.config import baseline_entries, baseline_of, load_baseline, rules_from_config
    from protocol_kit.pii.detect import detect_pii
    from protocol_kit.pii.finding import PiiFinding
    from protocol_kit.pii.mask import mask_value
    from protocol_kit.pii.names import NameMatch, classify_name, match_name
    from protocol_kit.pii.plan_lint import plan_pii_findings
    from protocol_kit.pii.rules import DEFAULT_EXPECTED_PATHS, AllowEntry, PiiRules, ValueRule
    from protocol_kit.pii.transform import hash_values, redact
    from protocol_kit.pii.undeclared import find_undeclared_pii

_EXPORTS = {
    "AllowEntry": "rules",
    "CATEGORIES": "categories",
    "Category": "categories",
    "DEFAULT_EXPECTED_PATHS": "rules",
    "NameMatch": "names",
    "PiiFinding": "finding",
    "PiiRules": "rules",
    "ValueRule": "rules",
    "baseline_entries": "config",
    "baseline_of": "config",
    "classify_name": "names",
    "detect_pii": "detect",
    "find_undeclared_pii": "undeclared",
    "hash_values": "transform",
    "load_baseline": "config",
    "mask_value": "mask",
    "match_name": "names",
    "plan_pii_findings": "plan_lint",
    "redact": "transform",
    "rules_from_config": "config",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)

__all__ = [
    "CATEGORIES", "Category", "DEFAULT_EXPECTED_PATHS", "AllowEntry", "NameMatch", "PiiFinding",
    "PiiRules", "ValueRule", "baseline_entries", "baseline_of", "classify_name", "detect_pii", "find_undeclared_pii",
    "hash_values", "load_baseline", "mask_value", "match_name", "plan_pii_findings", "redact", "rules_from_config",
]
