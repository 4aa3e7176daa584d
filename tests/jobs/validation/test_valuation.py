"""A truce valued by what it stops, through the whole model: the side gaining ground signs
where the war it stops costs more than the ground it forgoes; valued as stakes, never."""

from sim.jobs.validation.valuation import expected_share, truce_valuation


def test_the_threshold_is_the_daily_worth_of_the_ground_a_truce_freezes():
    threshold, share = expected_share()
    assert 0.0003999 < threshold < 0.0004  # p(1 - p) mu w, p just above a half after a day
    assert 0.49 < share < 0.51


def test_the_winner_signs_in_the_share_theory_gives_and_never_when_truces_are_stakes():
    averted, stakes = truce_valuation(400, 26)
    assert averted.passed, averted.measured
    assert stakes.passed and stakes.measured == "P = 0.000"
