"""Checks that confirm a value really is what its shape suggests.

Each check is exact where a standard exists (Luhn and issuer ranges for
cards, mod-97 and country lengths for IBANs, the SSA rules for US social
security numbers, :mod:`ipaddress` for IPs) so that order ids, timestamps
and version strings of the same shape are rejected.
"""
from __future__ import annotations

import base64
import binascii
import ipaddress
import json
import re

# (first digits low, high, how many leading digits, allowed lengths)
_CARD_RANGES = (
    (4, 4, 1, (13, 16, 19)),                      # Visa
    (51, 55, 2, (16,)), (2221, 2720, 4, (16,)),   # Mastercard
    (34, 34, 2, (15,)), (37, 37, 2, (15,)),       # American Express
    (6011, 6011, 4, (16, 17, 18, 19)), (644, 649, 3, (16, 17, 18, 19)),
    (65, 65, 2, (16, 17, 18, 19)),                # Discover
    (300, 305, 3, (14, 16)), (36, 36, 2, (14, 16)), (38, 39, 2, (14, 16)),  # Diners Club
    (3528, 3589, 4, (16, 17, 18, 19)),            # JCB
    (62, 62, 2, (16, 17, 18, 19)),                # UnionPay
    (2200, 2204, 4, (16, 17, 18, 19)),            # Mir
    (5018, 5018, 4, (16, 19)), (5020, 5020, 4, (16, 19)), (5038, 5038, 4, (16, 19)),
    (5893, 5893, 4, (16, 19)), (6304, 6304, 4, (16, 19)), (6759, 6759, 4, (16, 19)),
    (6761, 6763, 4, (16, 19)),                    # Maestro
)


def luhn_valid(digits: str) -> bool:
    """The Luhn checksum of a string of ASCII digits."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        n = ord(char) - 48
        if position % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def is_payment_card(digits: str) -> bool:
    """13 to 19 digits with a known issuer prefix and length, passing Luhn."""
    if not 13 <= len(digits) <= 19 or not digits.isascii() or not digits.isdigit():
        return False
    issuer = any(low <= int(digits[:size]) <= high and len(digits) in lengths
                 for low, high, size, lengths in _CARD_RANGES)
    return issuer and len(set(digits)) > 1 and luhn_valid(digits)


_IBAN_LENGTHS = dict((code, int(length)) for code, length in (item.split(":") for item in """
AD:24 AE:23 AL:28 AT:20 AZ:28 BA:20 BE:16 BG:22 BH:22 BR:29 BY:28 CH:21 CR:22 CY:28 CZ:24 DE:22 DK:18
DO:28 EE:20 EG:29 ES:24 FI:18 FO:18 FR:27 GB:22 GE:22 GI:23 GL:18 GR:27 GT:28 HR:21 HU:28 IE:22 IL:23
IQ:23 IS:26 IT:27 JO:30 KW:30 KZ:20 LB:28 LC:32 LI:21 LT:20 LU:20 LV:21 MC:27 MD:24 ME:22 MK:19 MR:27
MT:31 MU:30 NL:18 NO:15 PK:24 PL:28 PS:29 PT:25 QA:29 RO:24 RS:22 SA:24 SC:31 SE:24 SI:19 SK:24 SM:27
ST:25 SV:28 TL:23 TN:24 TR:26 UA:29 VA:22 VG:24 XK:20
""".split()))


_SIX_DIGITS = re.compile(r"[0-9]{6}")


def iban_length(country: str) -> int | None:
    """The length of the IBANs of ``country`` (``DE``: 22), or None."""
    return _IBAN_LENGTHS.get(country.upper())


def is_iban(text: str) -> bool:
    """An IBAN (spaces allowed) of its country's length with valid mod-97 check digits, and at least
    eight digits, six of them in a row (account numbers are numbers: this keeps random codes of the
    right length out)."""
    compact = text.replace(" ", "").upper()
    if _IBAN_LENGTHS.get(compact[:2]) != len(compact) or not compact.isascii() or not compact.isalnum():
        return False
    if sum(ch.isdigit() for ch in compact) < 8 or _SIX_DIGITS.search(compact) is None:
        return False
    if not compact[2:4].isdigit():
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


_SSN = re.compile(r"(\d{3})-?(\d{2})-?(\d{4})")


def is_ssn(text: str) -> bool:
    """A US social security number outside the ranges the SSA never assigns."""
    match = _SSN.fullmatch(text)
    if match is None:
        return False
    area, group, serial = match.groups()
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


def is_personal_ip(text: str) -> bool:
    """An IPv4 or IPv6 address that can belong to a client (not loopback, link-local, multicast...)."""
    if text.count(".") == 3 and ":" not in text:
        return _is_personal_ipv4(text)
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return False
    return not (address.is_loopback or address.is_link_local or address.is_multicast
                or address.is_unspecified or address.is_reserved)


def _is_personal_ipv4(text: str) -> bool:
    """:func:`is_personal_ip` for dotted quads, without building an ``ipaddress`` object."""
    octets = text.split(".")
    if not all(o.isascii() and o.isdigit() and len(o) <= 3 and (o == "0" or o[0] != "0") for o in octets):
        return False
    a, b, c, d = (int(o) for o in octets)
    if max(a, b, c, d) > 255:
        return False
    return not (a == 127 or (a == 169 and b == 254) or a >= 224 or (a == b == c == d == 0))


_MAC = re.compile(r"[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}")
_PLACEHOLDER_MACS = frozenset(("000000000000", "020000000000", "ffffffffffff"))


def is_mac(text: str) -> bool:
    """A MAC address, not all-zero, broadcast, or the Android placeholder ``02:00:00:00:00:00``."""
    if _MAC.fullmatch(text) is None:
        return False
    hex_digits = re.sub(r"[:.-]", "", text).lower()
    return hex_digits not in _PLACEHOLDER_MACS


def is_jwt(token: str) -> bool:
    """Three base64url parts whose first decodes to a JSON object with ``alg``."""
    parts = token.split(".")
    if len(parts) != 3 or not parts[0].startswith("eyJ") or len(parts[0]) > 2048:
        return False
    header = parts[0] + "=" * (-len(parts[0]) % 4)
    try:
        decoded = json.loads(base64.urlsafe_b64decode(header))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return False
    return isinstance(decoded, dict) and "alg" in decoded


def coordinate_in_range(number: float, *, longitude: bool) -> bool:
    return abs(number) <= (180 if longitude else 90)


_UUID = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")


def is_uuid(text: str) -> bool:
    return _UUID.fullmatch(text) is not None


def is_device_uuid(text: str) -> bool:
    """An advertising or device id (IDFA, GAID): a UUID, not the all-zero one sent when tracking is limited."""
    return _UUID.fullmatch(text) is not None and not all_zero(text)


def all_zero(text: str) -> bool:
    """``00000``, ``0000-0000``: a placeholder, not data."""
    return set(text) <= set("0-. :") and "0" in text


_NINO = re.compile(r"([A-Z]{2}) ?\d{2} ?\d{2} ?\d{2} ?[A-D]")
_NINO_PREFIXES_NEVER_USED = frozenset("BG GB KN NK NT TN ZZ".split())


def is_nino(text: str) -> bool:
    """A UK National Insurance number: two prefix letters (not D, F, I, Q, U, V; O not second;
    not BG, GB, KN, NK, NT, TN, ZZ), six digits and a suffix A to D."""
    match = _NINO.fullmatch(text)
    if match is None:
        return False
    first, second = match[1]
    return (first not in "DFIQUV" and second not in "DFIQUVO"
            and match[1] not in _NINO_PREFIXES_NEVER_USED)
