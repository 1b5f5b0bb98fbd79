"""Splitting field names into lower-case words.

``userIPAddress``, ``user_ip_address``, ``user-ip-address`` and ``User IP
Address`` all become ``("user", "ip", "address")``; digits are words of their
own (``address_line2`` → ``address``, ``line``, ``2``) and a few glued
compounds are split (``firstname`` → ``first``, ``name``).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")

# Compounds commonly written as one word, split into the words of the name tables.
GLUED: dict[str, tuple[str, ...]] = {glued: tuple(words.split()) for glued, words in (
    ("emailaddress", "email address"), ("phonenumber", "phone number"),
    ("mobilenumber", "mobile number"), ("mobilephone", "mobile phone"), ("cellphone", "cell phone"),
    ("firstname", "first name"), ("lastname", "last name"), ("fullname", "full name"),
    ("givenname", "given name"), ("familyname", "family name"), ("middlename", "middle name"),
    ("displayname", "display name"), ("username", "user name"), ("nickname", "nick name"),
    ("zipcode", "zip code"), ("postcode", "post code"), ("postalcode", "postal code"),
    ("dateofbirth", "date of birth"), ("birthdate", "birth date"), ("birthyear", "birth year"),
    ("ipaddress", "ip address"), ("ipaddr", "ip address"), ("macaddress", "mac address"),
    ("streetaddress", "street address"), ("homeaddress", "home address"),
    ("creditcard", "credit card"), ("cardnumber", "card number"), ("ccnumber", "cc number"),
    ("accesstoken", "access token"), ("refreshtoken", "refresh token"), ("authtoken", "auth token"),
    ("idtoken", "id token"), ("sessiontoken", "session token"), ("apikey", "api key"),
    ("privatekey", "private key"), ("secretkey", "secret key"), ("clientsecret", "client secret"),
    ("advertisingid", "advertising id"), ("deviceid", "device id"), ("androidid", "android id"),
    ("pushtoken", "push token"), ("devicetoken", "device token"), ("countrycode", "country code"),
    ("latlng", "lat lng"), ("latlon", "lat lon"), ("latlong", "lat long"),
    ("geolocation", "geo location"), ("passportnumber", "passport number"),
    ("screenname", "screen name"), ("securitycode", "security code"), ("licensenumber", "license number"),
    ("licencenumber", "licence number"), ("postbox", "po box"), ("nameoncard", "name on card"),
)}


@lru_cache(maxsize=8192)
def split_words(name: str) -> tuple[str, ...]:
    """The lower-case words of a field name, compounds split, accents folded (``straße`` → ``strasse``)."""
    if not name.isascii():
        name = fold_accents(name)
    words: list[str] = []
    for part in _WORD.findall(name):
        word = part.lower()
        words.extend(GLUED.get(word, (word,)))
    return tuple(words)


def fold_accents(text: str) -> str:
    """``Teléfono`` → ``Telefono``, ``Straße`` → ``Strasse``: letters without their accents."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
