"""Near-miss names, as the validator suggests them (one implementation: :mod:`protocol_kit.suggest`)."""
from protocol_kit.suggest import closest, did_you_mean, hint, normalise

__all__ = ["closest", "did_you_mean", "hint", "normalise"]
