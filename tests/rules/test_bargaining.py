"""The bargaining rules reproduce the anchors of the model brief exactly."""

import numpy as np
import pytest

from sim.rules.bargaining import (
    bargaining_range,
    candidate_terms,
    contest_success,
    fighting_value,
    frontier_terms,
    is_two_party_line,
    nash_choice,
    reservation,
    simplex_lattice,
    stage_weights,
    utility,
    war_stakes,
)

PIE_IDEAL = np.array([[1.0], [0.0]])  # A wants all of the stake, B none of it
PIE_SALIENCE = np.ones((2, 1))
ONE_STAGE = np.ones((1, 1))


def test_bargaining_range_is_p_minus_ca_to_p_plus_cb():
    low, high = bargaining_range(0.6, 0.1, 0.15)
    assert (low, high) == pytest.approx((0.50, 0.75))


@pytest.mark.parametrize(("ratio", "k", "expected"), [(2.0, 1.0, 2 / 3), (2.0, 2.0, 4 / 5),
                                                      (1.0, 3.0, 1 / 2)])
def test_contest_success_of_two_to_one_capability(ratio, k, expected):
    p = np.empty(2)
    contest_success(np.log(np.array([ratio, 1.0])), k, p)
    assert p[0] == pytest.approx(expected)
    assert p.sum() == pytest.approx(1.0)


def test_contest_success_generalises_to_three_parties():
    p = np.empty(3)
    contest_success(np.log(np.array([1.0, 1.0, 2.0])), 1.0, p)
    assert p == pytest.approx([0.25, 0.25, 0.5])


def test_contest_success_survives_extreme_capabilities():
    p = np.empty(2)
    contest_success(np.array([800.0, 0.0]), 2.0, p)  # exp(1600) would overflow unshifted
    assert p == pytest.approx([1.0, 0.0])


def test_reservation_values_reproduce_the_fearon_range():
    """With opposed ideals on one unit stake, d_A = p - c_A and d_B = (1 - p) - c_B, so the
    shares acceptable to both are exactly [p - c_A, p + c_B]."""
    p, value = np.array([0.6, 0.4]), np.empty((2, 1))
    stakes = war_stakes(PIE_IDEAL, PIE_SALIENCE, ONE_STAGE)
    reservation(p, np.array([0.1, 0.15]), stakes, stage_weights(PIE_SALIENCE, ONE_STAGE), value)
    d = value[:, 0]
    assert d == pytest.approx([0.50, 0.25])
    assert (d[0], 1 - d[1]) == pytest.approx(bargaining_range(0.6, 0.1, 0.15))


def test_fighting_value_when_ideals_coincide_is_certain():
    same = np.array([[0.7], [0.7]])
    value = fighting_value(np.array([0.3, 0.7]), same, PIE_SALIENCE, ONE_STAGE)
    assert value[:, 0] == pytest.approx([1.0, 1.0])


def test_utility_is_salience_weighted_closeness():
    ideal = np.array([[1.0, 0.0], [0.0, 1.0]])
    salience = np.array([[0.75, 0.25], [0.5, 0.5]])
    u = utility(np.array([0.5, 0.0]), ideal, salience)
    assert u == pytest.approx([0.75 * 0.5 + 0.25 * 1.0, 0.5 * 0.5 + 0.5 * 0.0])


def _pie_candidates(steps=200):
    terms = candidate_terms(simplex_lattice(2, steps), PIE_IDEAL, np.ones(1))
    return terms, utility(terms, PIE_IDEAL, PIE_SALIENCE)


def test_nash_solution_gives_055_for_disagreement_02_01():
    terms, u = _pie_candidates()
    choice = nash_choice(u, np.array([[0.2, 0.1]]), np.ones((1, 2)))
    assert terms[choice[0], 0] == pytest.approx(0.55)


def test_nash_weights_tilt_the_proposal_toward_the_favoured_party():
    terms, u = _pie_candidates()
    neutral, tilted = nash_choice(u, np.array([[0.2, 0.1]] * 2), np.array([[1, 1], [1.3, 1]]))
    assert terms[tilted, 0] > terms[neutral, 0]
    # Weighted Nash: x = d_A + beta_A / (beta_A + beta_B) * (1 - d_A - d_B)
    assert terms[tilted, 0] == pytest.approx(0.2 + 1.3 / 2.3 * 0.7, abs=0.005)


def test_with_no_bargaining_range_the_mediator_offers_the_least_bad_compromise():
    terms, u = _pie_candidates()
    choice = nash_choice(u, np.array([[0.6, 0.6]]), np.ones((1, 2)))
    assert terms[choice[0], 0] == pytest.approx(0.5)
    assert (u[choice[0]] < 0.6).all()


def test_simplex_lattice_covers_the_simplex():
    points = simplex_lattice(3, 4)
    assert len(points) == 15  # C(4 + 2, 2)
    assert points.sum(axis=1) == pytest.approx(np.ones(15))
    assert points.min() >= 0


def brute_force(u, d, w):
    """The definition: score every candidate, take the first maximum."""
    surplus = u[None] - d[:, None]
    worst = surplus.min(-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        score = np.where(worst > 0, (w[:, None] * np.log(np.where(surplus > 0, surplus, 1))).sum(-1),
                         -np.inf)
    return np.where((worst > 0).any(1), score.argmax(1), worst.argmax(1)), score, worst


def assert_same_as_brute_force(u, d, w):
    """nash_choice scores as well as the definition: the best Nash product where some candidate
    leaves every party a surplus (some replicates must), else the best smallest surplus."""
    fast = nash_choice(u, d, w)
    slow, score, worst = brute_force(u, d, w)
    rows = np.arange(len(d))
    feasible = np.isfinite(score).any(1)
    assert feasible.any() and (~feasible).any()
    np.testing.assert_allclose(score[rows, fast][feasible], score[rows, slow][feasible], rtol=0,
                               atol=1e-12)
    np.testing.assert_allclose(worst[rows, fast][~feasible], worst[rows, slow][~feasible],
                               rtol=0, atol=1e-12)


@pytest.mark.parametrize("seed", range(5))
def test_the_bisection_finds_the_same_nash_choice_as_scoring_every_candidate(seed):
    rng = np.random.default_rng(seed)
    ideal = np.array([[1.0, 0.3, 0.9], [0.0, 0.8, 0.9]])
    salience = rng.dirichlet(np.ones(3), size=2)
    terms = candidate_terms(simplex_lattice(2, 200), ideal, np.ones(3))
    u = utility(terms, ideal, salience)
    assert_same_as_brute_force(u, rng.uniform(-0.2, 1.2, size=(4000, 2)),
                               rng.uniform(0.5, 1.5, size=(4000, 2)))


def test_with_three_parties_the_search_finds_the_brute_force_choice():
    rng = np.random.default_rng(7)
    ideal = np.array([[1.0, 0.0], [0.0, 1.0], [0.5, 0.2]])
    salience = rng.dirichlet(np.ones(2), size=3)
    u = utility(candidate_terms(simplex_lattice(3, 12), ideal, np.ones(2)), ideal, salience)
    assert not is_two_party_line(u)
    assert_same_as_brute_force(u, rng.uniform(-0.2, 0.9, size=(500, 3)),
                               rng.uniform(0.5, 1.5, size=(500, 3)))


def test_an_indivisible_issue_is_settled_all_or_nothing_at_the_nearer_end():
    from sim.rules.bargaining import candidate_terms, simplex_lattice

    ideal = np.array([[1.0, 1.0], [0.0, 0.0]])  # two issues, A wants 1, B wants 0
    terms = candidate_terms(simplex_lattice(2, 4), ideal, np.ones(2), np.array([False, True]))
    assert terms[:, 0].tolist() == [0.0, 0.25, 0.5, 0.75, 1.0]  # divisible: every compromise
    assert terms[:, 1].tolist() == [0.0, 0.0, 1.0, 1.0, 1.0]  # indivisible: 0.5 goes to 1


def test_the_frontier_concedes_issues_in_order_of_relative_salience():
    ideal = np.array([[1.0, 1.0, 0.0], [0.0, 0.0, 0.0]])  # no conflict on the third issue
    salience = np.array([[0.2, 0.8, 0.0], [0.5, 0.5, 0.0]])
    terms = frontier_terms(ideal, salience, np.array([1.0, 1.0, 0.0]), 4)
    assert terms.shape == (9, 3)
    assert terms[0].tolist() == [0, 0, 0] and terms[-1].tolist() == [1, 1, 0]
    assert terms[4].tolist() == [0, 1, 0]  # A's relatively dearer issue goes to it first
    u = utility(terms, ideal, salience)
    assert (np.diff(u[:, 0]) >= 0).all() and (np.diff(u[:, 1]) <= 0).all()
    rounded = frontier_terms(ideal, salience, np.array([1.0, 1.0, 0.0]), 4,
                             np.array([True, False, False]))
    assert set(rounded[:, 0]) == {0.0, 1.0}


def test_issues_of_equal_ratio_are_conceded_together_when_tied():
    """Four regions that both sides weigh alike relative to each other: listed, the path cedes
    the first region in full before the second moves, so the file's order decides which is
    traded; tied, they move together, and listing them the other way round changes nothing."""
    ideal = np.array([[1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 0.0, 0.0]])
    salience = np.array([[0.25, 0.25, 0.25, 0.25], [0.25, 0.25, 0.25, 0.25]])
    on = np.ones(4)
    listed = frontier_terms(ideal, salience, on, 4)
    assert listed[4].tolist() == [1.0, 0.0, 0.0, 0.0]
    tied = frontier_terms(ideal, salience, on, 4, tied=True)
    assert tied.shape == (5, 4)
    assert tied[2].tolist() == [0.5, 0.5, 0.5, 0.5]
    reversed_order = frontier_terms(ideal[:, ::-1], salience[:, ::-1], on, 4, tied=True)
    assert (reversed_order[:, ::-1] == tied).all()


def test_issues_of_different_ratio_are_conceded_in_turn_even_when_tied():
    ideal = np.array([[1.0, 1.0], [0.0, 0.0]])
    salience = np.array([[0.6, 0.4], [0.4, 0.6]])
    on = np.ones(2)
    assert (frontier_terms(ideal, salience, on, 4, tied=True)
            == frontier_terms(ideal, salience, on, 4)).all()
