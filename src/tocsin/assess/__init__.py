"""Assessment: claims and incidents → evidence per area, period and Framework of Analysis
indicator, scores anyone can recompute by hand from what is printed, and alerts that say why."""

from tocsin.assess.alerts import Alert, Evidence, Fired, evaluate
from tocsin.assess.areas import Where, areas_of, where_of
from tocsin.assess.profile import (
    Cell,
    Profile,
    RiskMatrix,
    Weights,
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
    "Where",
    "areas_of",
    "evaluate",
    "load_weights",
    "profiles",
    "statuses",
    "where_of",
]
