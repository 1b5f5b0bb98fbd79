"""Naming conventions, words and the near-duplicate key (protocol_kit/plan/naming.py) read names in any script."""
from __future__ import annotations

import pytest

from protocol_kit.plan.naming import follows, normal_form, suggest, words


@pytest.mark.parametrize("name, convention", [
    ("Order Completed", "object_action_title"), ("Commande Passée", "object_action_title"),
    ("Größe Geändert", "object_action_title"), ("Étape Validée", "title_case"), ("order_id", "snake_case"),
    ("prix_unitaire_ttc", "snake_case"), ("größe", "snake_case"), ("prixUnité", "camelCase"),
    ("ÜberPrüfung", "PascalCase"), ("mot-clé", "kebab-case"), ("注文完了", "snake_case"),
])
def test_names_in_any_script_follow_their_convention(name, convention):
    assert follows(name, convention)


@pytest.mark.parametrize("name, convention", [
    ("Commande passée", "object_action_title"), ("Größe", "snake_case"), ("prix_Unité", "snake_case"),
    ("PrixUnité", "camelCase"), ("größe_geändert", "PascalCase"), ("Passée", "object_action_title"),
])
def test_names_that_break_their_convention(name, convention):
    assert not follows(name, convention)


@pytest.mark.parametrize("name, convention, renamed", [
    ("commande_passée", "object_action_title", "Commande Passée"),
    ("Größe Geändert", "snake_case", "größe_geändert"),
    ("prixUnitéTTC", "snake_case", "prix_unité_ttc"),
    ("completed_order", "title_case", "Completed Order"),
])
def test_renames_keep_every_letter(name, convention, renamed):
    assert suggest(name, convention) == renamed


def test_words_split_at_case_changes_and_separators_in_any_script():
    assert words("userIPAddress") == ["user", "IP", "Address"]
    assert words("prixUnitéTTC_été") == ["prix", "Unité", "TTC", "été"]


@pytest.mark.parametrize("first, second, same", [
    ("Order Completed", "order_completed", True), ("OrderCompleted", "order-completed!", True),
    ("Größe", "grösse", True), ("Café", "Caf", False), ("Commande Passée", "commande_passee", False),
])
def test_the_near_duplicate_key_ignores_case_and_separators_only(first, second, same):
    assert (normal_form(first) == normal_form(second)) is same
