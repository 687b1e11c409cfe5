"""Assessment: claims and incidents → evidence per area, period and Framework of Analysis
indicator, scores anyone can recompute by hand from what is printed, and alerts that say why."""

from tocsin.assess.alerts import Alert, Evidence, Fired, evaluate
from tocsin.assess.profile import (
    Cell,
    Profile,
    RiskMatrix,
    Weights,
    areas_of,
    load_weights,
    profiles,
    statuses,
)
from tocsin.assess.rules import Rule, Rules, RulesError

__all__ = [
    "Alert",
    "Cell",
    "Evidence",
    "Fired",
    "Profile",
    "RiskMatrix",
    "Rule",
    "Rules",
    "RulesError",
    "Weights",
    "areas_of",
    "evaluate",
    "load_weights",
    "profiles",
    "statuses",
]
