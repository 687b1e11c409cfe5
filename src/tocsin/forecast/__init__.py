"""Structural forecast: where mass killing is likely to begin next, from country-year data.

The text pipeline says what is being reported now; this says where the structural risk is,
on the Early Warning Project's protocol. `data` reads and checks a country-year file,
`enet` is the elastic-net logistic regression the EWP uses (glmnet's algorithm), `models`
holds the candidates (replication, boosting, ensemble, battle-deaths baseline), `protocol`
runs the rolling out-of-sample evaluation, `metrics` scores it, `explain` says which
predictors push a country's risk up, `plot` draws the reliability diagram.
"""

from tocsin.forecast.data import CountryYears, ForecastDataError, load

__all__ = ["CountryYears", "ForecastDataError", "load"]
