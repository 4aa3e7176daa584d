"""The bargaining range, looked at weekly on every stage: the baseline's settlement range open
in every replicate, its full ceasefire's shut, and a red line that leaves no package both
prefer shuts the settlement's."""

import numpy as np

from sim.jobs.validation import open_range
from sim.jobs.validation.document import SIZES


def test_the_baseline_settlement_range_is_open_and_the_full_ceasefires_shut_at_day_0():
    """Under the classic form, a truce valued as stakes the war's winner imposes."""
    found = open_range.open_range(SIZES["open_range"][1] // 4, 71, "scenario.horizon_days=28",
                                  "model=classic")
    assert found.days == (0, 7, 14, 21, 28)
    assert found.open_share["settlement"][0] == 1.0 and found.running_share[0] == 1.0
    # the full ceasefire, in force or not, is never worth it to Russia (F5): its range is shut
    assert found.open_share["full_ceasefire"][0] == 0.0
    text = "\n".join(open_range.markdown(found, "figures/x.png"))
    assert "| 0 | " in text and " | 0.0% | 100.0% | 100.0% |" in text and "![" in text


def test_valued_by_what_it_stops_the_full_ceasefire_is_worth_signing_in_some_years_only():
    """Under the default form, where a truce is valued by what it stops, Russia prefers the
    full ceasefire to war in the years its cost of war outweighs the ground it would forgo."""
    found = open_range.open_range(SIZES["open_range"][1] // 4, 71, "scenario.horizon_days=7")
    assert 0.0 < found.open_share["full_ceasefire"][0] < 1.0


def test_a_hard_red_line_on_every_region_closes_the_range():
    line = "{limit: 0.0, cost: 10}"
    regions = ", ".join(f"{r}: {line}" for r in ("zaporizhzhia", "kherson", "donetsk", "luhansk"))
    found = open_range.open_range(100, 71, "scenario.horizon_days=14",
                                  f"+scenario.parties.UA.red_lines={{{regions}}}")
    settled = found.open_share["settlement"]
    assert settled[:2] == (0.0, 0.0)  # on day 14 every episode has ended
    assert np.isnan(settled[2]) and found.running_share[2] == 0.0
