"""The bargaining range, looked at weekly: open in every baseline replicate as shipped (only
frictions keep the war going), and closed where a red line leaves no package both prefer."""

import numpy as np

from sim.jobs.validation import open_range
from sim.jobs.validation.document import SIZES


def test_the_shipped_baseline_has_an_open_range_in_every_replicate_at_day_0():
    found = open_range.open_range(SIZES["open_range"][1] // 4, 71, "scenario.horizon_days=28")
    assert found.days == (0, 7, 14, 21, 28)
    assert found.open_share[0] == 1.0 and found.running_share[0] == 1.0
    text = "\n".join(open_range.markdown(found, "figures/x.png"))
    assert "| 0 | 100.0% | 100.0% |" in text and "![" in text


def test_a_hard_red_line_on_every_region_closes_the_range():
    line = "{limit: 0.0, cost: 10}"
    regions = ", ".join(f"{r}: {line}" for r in ("zaporizhzhia", "kherson", "donetsk", "luhansk"))
    found = open_range.open_range(100, 71, "scenario.horizon_days=14",
                                  f"+scenario.parties.UA.red_lines={{{regions}}}")
    assert found.open_share[:2] == (0.0, 0.0)  # on day 14 every episode has ended
    assert np.isnan(found.open_share[2]) and found.running_share[2] == 0.0
