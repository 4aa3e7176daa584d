"""The ablation of the reasons wars go on, as docs/validation.md shows it: the experiment's own
points, paired on the same replicates, so a mechanism a strategy never meets changes nothing."""

import pytest

from sim.jobs.validation import mechanisms
from sim.jobs.validation.document import SIZES


@pytest.mark.slow
def test_the_ablation_runs_the_experiments_points_and_measures_each_change_paired():
    variants = mechanisms.ablation(SIZES["mechanisms"][1], 61, ("comprehensive",))
    labels = [v.label for v in variants]
    assert labels[0] == "all on" and labels[-1] == "all off" and len(labels) == 16
    assert all(v.crossed == "comprehensive" for v in variants)
    assert variants[0].change["signed"] == (0.0, 0.0)
    # a comprehensive push never tables the full ceasefire: making it indivisible changes nothing
    kind = next(v for v in variants if v.label == "without scenario.issues.full_ceasefire.kind")
    assert kind.estimates == variants[0].estimates and kind.change["signed"] == (0.0, 0.0)
    # the EU's veto over the sea stage's carrot matters even to a push that never tables the
    # sea stage: the sea arrangement starts signed and pending on the EU's relief
    veto = next(v for v in variants if v.label == "without scenario.third_parties")
    assert veto.estimates != variants[0].estimates
    # deals that a side grown stronger can revise: switching that off makes agreement likelier
    commitment = next(v for v in variants if "renegotiation_share" in v.label)
    d, half = commitment.change["signed"]
    assert d - half > 0
    # a mediator that leaves when its sticks are spent, as before: fewer signings
    fixed_exit = next(v for v in variants if v.label == "without mediator.recourses")
    d, half = fixed_exit.change["signed"]
    assert d + half < 0
    text = "\n".join(mechanisms.markdown(variants, SIZES["mechanisms"][1], 61))
    assert "### comprehensive" in text and "Within Monte Carlo noise:" in text
    assert "scenario.issues.full_ceasefire.kind" in text.split("Within Monte Carlo noise:")[1]
