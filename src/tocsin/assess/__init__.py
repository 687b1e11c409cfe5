"""Assessment: claims and incidents → evidence per country, period and Framework of Analysis
indicator, then scores anyone can recompute by hand from what is printed."""

from tocsin.assess.profile import Cell, Profile, Weights, load_weights, profiles

__all__ = ["Cell", "Profile", "Weights", "load_weights", "profiles"]
