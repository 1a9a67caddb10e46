"""The tier self-assessment: which 梯度培育 title a firm can apply for, what is missing, and what the
title would open under the policy; plus the SME size under the 划型 standard. Pure Python: no Qt,
no reportlab. The criteria are data in resources/criteria/<set>/, checked on load."""

from zjtx_desktop.core.assessment.engine import assess
from zjtx_desktop.core.assessment.loader import (
           CriteriaError,
           CriteriaLibrary,
           default_library,
           load_library,
           load_set,
)
from zjtx_desktop.core.assessment.results import Assessment, Overall, TierAssessment, Verdict

__all__ = ["Assessment", "CriteriaError", "CriteriaLibrary", "Overall", "TierAssessment", "Verdict", "assess",
           "default_library", "load_library", "load_set"]
