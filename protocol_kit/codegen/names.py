"""Identifiers for generated code, made the same way every time.

The rule, for every language:

1. A name is built from the words of the plan's name (``Order Completed``,
   ``order_completed`` and ``orderCompleted`` have the same words): in
   lowerCamelCase for TypeScript functions, snake_case for Python functions
   and arguments, PascalCase for types. Only ASCII letters and digits are
   kept, letters without their accents (``Commande Passée`` -> ``commandePassee``).
2. A name with no words becomes ``unnamed``; a name starting with a digit
   gets a leading underscore (``3DS Checked`` -> ``_3DsChecked``).
3. A reserved word of the language, or a name the generated module already
   uses for its own API (``identify``, ``user_id``...), gets a trailing
   underscore: ``class`` -> ``class_``, ``delete`` -> ``delete_``.
4. Names are given in a stable order (events sorted by name, fields by name);
   a name already given gets ``_2``, ``_3``... (``Cart Viewed`` and
   ``cart_viewed`` -> ``cartViewed`` and ``cartViewed_2``).
"""
from __future__ import annotations

import keyword
import unicodedata

from protocol_kit.plan import naming

# ECMAScript reserved words, strict-mode reserved words, and names that cannot be bound in strict code.
TYPESCRIPT_RESERVED = frozenset("""
    break case catch class const continue debugger default delete do else enum export extends false finally
    for function if import in instanceof new null return super switch this throw true try typeof var void
    while with implements interface let package private protected public static yield await
    arguments eval undefined NaN Infinity
""".split())
PYTHON_RESERVED = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist)


def words(name: str) -> list[str]:
    """The words of a plan's name, in ASCII letters and digits."""
    folded = (unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii") for word in naming.words(name))
    return [word for word in folded if word]


def lower_camel(name: str) -> str:
    parts = words(name)
    return parts[0].lower() + "".join(_capitalised(p) for p in parts[1:]) if parts else ""


def pascal(name: str) -> str:
    return "".join(_capitalised(p) for p in words(name))


def snake(name: str) -> str:
    return "_".join(p.lower() for p in words(name))


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:].lower()


class NameTable:
    """Gives each plan name one identifier, by the rule above, within one namespace."""

    def __init__(self, reserved: frozenset[str], taken: tuple[str, ...] = ()):
        self.reserved = reserved | frozenset(taken)
        self.given: set[str] = set()

    def name(self, identifier: str) -> str:
        """A free identifier from ``identifier`` (already in the language's case)."""
        if not identifier:
            identifier = "unnamed"
        if identifier[0].isdigit():
            identifier = "_" + identifier
        if identifier in self.reserved:
            identifier += "_"
        candidate, number = identifier, 1
        while candidate in self.given or candidate in self.reserved:
            number += 1
            candidate = f"{identifier}_{number}"
        self.given.add(candidate)
        return candidate
