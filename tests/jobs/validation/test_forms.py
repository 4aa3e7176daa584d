"""The forms side by side: each form's histories pooled on one line, the baseline beside."""

from sim.jobs.validation import forms
from tests.jobs.validation.test_scoreboard import case


def test_the_default_form_comes_first_and_every_form_in_configs_is_compared():
    names = forms.form_names()
    assert names[0] == forms.default_form()
    assert {"classic", "truce_process"} <= set(names)


def test_a_form_that_forecasts_better_shows_a_higher_pooled_skill(monkeypatch):
    """Two forms over the same cases: one says 90% to what happened, the other 50%; the first
    pools to the higher skill, its realised events are no surprise, and the baseline's answers
    stand in each form's column."""
    monkeypatch.setattr(forms, "HISTORIES", ("a", "b"))
    sharp = forms.FormScore("sharp", "says 90%", [case(n, [(0.9, True)], [0.5]) for n in "ab"],
                            {"ceasefire": 0.4})
    coin = forms.FormScore("coin", "says 50%", [case(n, [(0.5, True)], [0.5]) for n in "ab"],
                           {"ceasefire": 0.0})
    text = "\n".join(forms.markdown([sharp, coin]))
    assert "| sharp | says 90% | 0.96 (0.96 to 0.96) | 0.96 (0.96 to 0.96) | 0 of 2 | 0 of 2 |" in text
    assert "| coin | says 50% | 0.00 (0.00 to 0.00) | 0.00 (0.00 to 0.00) | 0 of 2 | 0 of 2 |" in text
    assert "| a | 0.010 | 0.250 |" in text
    assert "| ceasefire | 40.0% | 0.0% |" in text

