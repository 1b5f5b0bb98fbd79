"""Inferring a tracking plan from observed events: statistics in one streaming pass, a draft plan with its
evidence, and findings on what needs a human decision. ``infer_plan`` is the library call; ``write_draft``
writes the draft and locates the findings in it."""
from protocol_kit.infer.api import InferResult, infer_plan
from protocol_kit.infer.evidence import EventEvidence, PathEvidence
from protocol_kit.infer.options import InferOptions
from protocol_kit.infer.output import PLAN_FORMATS, write_draft

__all__ = ["EventEvidence", "InferOptions", "InferResult", "PLAN_FORMATS", "PathEvidence", "infer_plan",
           "write_draft"]
