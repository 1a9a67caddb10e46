"""One module per measure of the policy; each registers its rules under the names policy.yaml uses."""

from zjtx_desktop.core.measures import (  # noqa: F401  (importing registers the rules)
    development_incentives,
    digital_empowerment,
    domestic_markets,
    financing_support,
    ip_services,
    joint_research,
    listing_support,
    overseas_markets,
    production_factors,
    standards_brands,
    supply_chain,
    talent_cultivation,
    talent_titles,
    technical_upgrade,
    tier_system,
)
from zjtx_desktop.core.measures.common import RULES, RuleContext

__all__ = ["RULES", "RuleContext"]
