"""The forms side by side: each form's histories pooled on one line, the baseline beside."""

from sim.jobs.validation import forms
from tests.jobs.validation.test_scoreboard import case


def test_the_default_form_comes_first_and_every_form_in_configs_is_compared():
    names = forms.form_names()
    assert names[0] == forms.default_form()
    assert {"classic", "truce_process"} <= set(names)


def test_a_form_that_forecasts_better_shows_a_higher_pooled_skill():
    """Two forms over the same cases: one says 90% to what happened, the other 50%; the first
    pools to the higher skill, its realised events are no surprise, and the baseline's answers
    stand in each form's column."""
    sharp = forms.FormScore("sharp", "says 90%", [case(n, [(0.9, True)], [0.5]) for n in "ab"],
                            {"ceasefire": 0.4})
    coin = forms.FormScore("coin", "says 50%", [case(n, [(0.5, True)], [0.5]) for n in "ab"],
                           {"ceasefire": 0.0})
    text = "\n".join(forms.markdown([sharp, coin]))
    assert "| sharp | says 90% | 0.96 (0.96 to 0.96) | 0.96 (0.96 to 0.96) | 0 of 2 | 0 of 2 |" in text
    assert "| coin | says 50% | 0.00 (0.00 to 0.00) | 0.00 (0.00 to 0.00) | 0 of 2 | 0 of 2 |" in text
    assert "| a | 0.010 | 0.250 |" in text and "favours **sharp**; the default is sharp, the same" in text
    assert "| ceasefire | 40.0% | 0.0% |" in text



def test_the_favoured_form_is_the_best_against_the_base_rates_with_50_percent_breaking_a_tie():
    """Three forms: one sure of an answer (exactly 1, barred by Cromwell's rule though it is
    right), and two equal against the base rates; the one better against 50% is favoured."""
    sure = forms.FormScore("sure", "", [case("a", [(1.0, True)], [0.5])], {})
    even = forms.FormScore("even", "", [case("a", [(0.8, True), (0.5, False)], [0.5, 0.5])], {})
    sharp = forms.FormScore("sharp", "", [case("a", [(0.8, True), (0.5, False)], [0.5, 0.5]),
                                          case("b", [(0.9, False)])], {})
    assert forms.favoured([sure, even, sharp]) == "even"
    text = "\n".join(forms.markdown([sharp, even]))
    assert "the scoreboard favours **even**; the default is sharp: the default no longer" in text
