"""Country-year data in the Early Warning Project's schema, read and checked.

One row per country and year: keys (`ewp_name`, `year`), the onset of mass killing that year
(`mk_onset`), the target forecast (`mk_onset_1or2`: an onset the next year or the one after)
and the predictors. The file is the user's (the EWP's own has no licence: it is read from
where the user keeps it, never copied); every problem is reported as one line naming the
file, row and column.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from tocsin.errors import TocsinError

Array = npt.NDArray[np.float64]

KEYS = ("ewp_name", "year")
TARGET, ONSET = "mk_onset_1or2", "mk_onset"
# The EWP's 39 candidate predictors (prepared2024predictors), year included.
EWP_PREDICTORS = [
    "widetargeting",
    "narrowtargeting",
    "v2csgender_binary",
    "v2mecenefm_binary",
    "partyban.new.0",
    "partyban.new.1",
    "partyban.new.2",
    "minorityrule",
    "judicialreform",
    "religiousfreedom",
    "pol_killing_approved",
    "freediscussion",
    "social_inequality",
    "even_civilrights",
    "repress_civilsoc",
    "social_power_dist",
    "ses_power_dist",
    "popsize.log2",
    "gdppcgrowth",
    "un_imr_sqrt",
    "efindex",
    "discrimpop",
    "reg.na",
    "reg.eap",
    "reg.sca",
    "reg.mna",
    "reg.eur",
    "ios.iccpr1",
    "battledeaths.log2",
    "coup.try.5yr",
    "mk_ongoing_count_log2",
    "mean_mk_onset_interaction",
    "mk_onset_prev_year",
    "newcountry",
    "mk_ever",
    "year",
    "year_sq",
    "countryage.new.log2",
    "includesnonstate",
]
BATTLE_DEATHS = "battledeaths.log2"
MISSING = {"", "NA", "NaN", "nan", "null", "."}
MAX_BYTES = 200 * 1024 * 1024


class ForecastDataError(TocsinError):
    """A country-year file that cannot be used as it is."""


@dataclass(frozen=True)
class CountryYears:
    countries: list[str]
    years: npt.NDArray[np.int64]
    features: list[str]
    X: Array  # NaN where a predictor is missing
    target: Array  # mk_onset_1or2; NaN where not observed
    onset: Array  # mk_onset; NaN where unknown
    source: str = ""

    def __len__(self) -> int:
        return len(self.countries)

    @property
    def last_year(self) -> int:
        return int(self.years.max())

    def observed(self) -> npt.NDArray[np.bool_]:
        """Rows whose target is known: it looks two years ahead, so the last two years of
        the file are not (whatever they say), nor rows that leave it empty."""
        return (~np.isnan(self.target)) & (self.years <= self.last_year - 2)

    def take(self, mask: npt.NDArray[np.bool_]) -> CountryYears:
        idx = np.flatnonzero(mask)
        return CountryYears(
            [self.countries[i] for i in idx],
            self.years[idx],
            self.features,
            self.X[idx],
            self.target[idx],
            self.onset[idx],
            self.source,
        )

    def column(self, name: str) -> Array:
        return self.X[:, self.features.index(name)]


def load(path: str | Path, predictors: list[str] | None = None) -> CountryYears:
    """Read a country-year CSV; `predictors` defaults to the EWP's 39."""
    path = Path(path)
    where = str(path)
    if not path.is_file():
        raise ForecastDataError(f"{where}: no such file")
    if path.stat().st_size == 0:
        raise ForecastDataError(f"{where}: the file is empty")
    if path.stat().st_size > MAX_BYTES:
        raise ForecastDataError(
            f"{where}: larger than {MAX_BYTES // 2**20} MiB; a country-year file is far smaller"
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ForecastDataError(
            f"{where}: not UTF-8 text ({exc.reason} at byte {exc.start})"
        ) from None
    rows = list(csv.reader(text.splitlines()))
    if not rows:
        raise ForecastDataError(f"{where}: the file is empty")
    header = [h.strip() for h in rows[0]]
    wanted = list(predictors or EWP_PREDICTORS)
    missing = [c for c in (*KEYS, ONSET, TARGET, *wanted) if c not in header]
    if missing:
        raise ForecastDataError(
            f"{where}: missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
            f"(the EWP's schema: ewp_name, year, mk_onset, mk_onset_1or2 and the predictors)"
        )
    col = {h: i for i, h in enumerate(header)}
    body = [r for r in rows[1:] if any(v.strip() for v in r)]
    if not body:
        raise ForecastDataError(f"{where}: a header and no rows")
    n = len(body)
    X = np.empty((n, len(wanted)))
    target, onset = np.empty(n), np.empty(n)
    years = np.empty(n, dtype=np.int64)
    countries: list[str] = []
    seen: dict[tuple[str, int], int] = {}
    for r, row in enumerate(body):
        line = r + 2
        if len(row) != len(header):
            raise ForecastDataError(
                f"{where}: line {line} has {len(row)} fields, the header {len(header)}"
            )
        name = row[col["ewp_name"]].strip()
        if not name:
            raise ForecastDataError(f"{where}: line {line}: ewp_name is empty")
        year = _number(row[col["year"]], where, line, "year")
        if math.isnan(year) or year != int(year):
            raise ForecastDataError(f"{where}: line {line}: year must be a whole number")
        key = (name, int(year))
        if key in seen:
            raise ForecastDataError(
                f"{where}: line {line}: {name} {int(year)} is also on line {seen[key]}"
            )
        seen[key] = line
        countries.append(name)
        years[r] = int(year)
        for k, c in enumerate(wanted):
            X[r, k] = _number(row[col[c]], where, line, c)
        for out, c in ((target, TARGET), (onset, ONSET)):
            v = _number(row[col[c]], where, line, c)
            if not (math.isnan(v) or v in (0.0, 1.0)):
                raise ForecastDataError(f"{where}: line {line}: {c} must be 0 or 1, not {v:g}")
            out[r] = v
    data = CountryYears(countries, years, wanted, X, target, onset, where)
    known = data.target[data.observed()]
    if known.size == 0 or not (known == 1).any():
        raise ForecastDataError(
            f"{where}: {TARGET} is never 1 where it is observed: there is no onset to learn from"
        )
    return data


def _number(value: str, where: str, line: int, column: str) -> float:
    v = value.strip()
    if v in MISSING:
        return math.nan
    try:
        out = float(v)
    except ValueError:
        raise ForecastDataError(
            f"{where}: line {line}: {column} is {v[:40]!r}, not a number"
        ) from None
    if math.isinf(out):
        raise ForecastDataError(f"{where}: line {line}: {column} is infinite")
    return out
