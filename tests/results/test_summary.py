"""The summary reads a run table the way the issue specifies."""

import numpy as np
import pandas as pd
import pytest

from sim.results.summary import format_summary, summarise


def table() -> pd.DataFrame:
    return pd.DataFrame({
        "agreement": [True, True, False, False],
        "agreement_day": [10.0, 30.0, np.nan, np.nan],
        "agreement_held": [True, False, False, False],
        "end_reason": ["agreement", "horizon", "horizon", "mediator_withdrew"],
        "highest_stage": ["deal", "deal", "none", "none"],
        "stage.deal.signed": [True, True, False, False],
        "stage.deal.held": [True, False, False, False],
        "stage.deal.collapsed": [False, True, False, False],
        "party.A.stalls": [0, 2, 4, 6], "party.A.violations": [0, 1, 0, 0],
        "party.A.reported_violations": [0, 1, 1, 0], "party.A.trust_in_mediator": [0.5] * 4,
    })


def test_summary_fields():
    s = summarise(table(), horizon=100)
    assert s["runs"] == 4
    assert s["agreement"]["p"] == 0.5
    assert s["agreement"]["ci_low"] < 0.5 < s["agreement"]["ci_high"]
    assert s["stages"]["deal"]["p_signed"] == 0.5
    assert s["stages"]["deal"]["p_held"] == 0.25
    assert s["stages"]["deal"]["p_collapsed"] == 0.25
    assert s["time_to_agreement_days"] == {"median": 30.0, "q25": 10.0, "q75": None}
    assert s["end_reasons"] == pytest.approx({"agreement": 0.25, "horizon": 0.5,
                                              "mediator_withdrew": 0.25})
    assert s["parties"]["A"]["mean_stalls"] == 3


def test_console_table_is_readable():
    s = summarise(table(), horizon=100) | {"scenario": "demo", "mediator": "m", "seed": 1}
    text = format_summary(s)
    assert "Comprehensive agreement within 100 days: 50.0%" in text
    assert "median 30" in text
    assert "mediator_withdrew" in text


def test_the_summary_says_what_was_signed_wherever_it_was():
    # Terms are counted where the issue was signed, agreement or not: here 0.2, 0.25 and 0.9
    # (one replicate never signed it). The median is what was signed, whatever the label.
    runs = table().assign(**{"terms.stake": [0.2, 0.25, 0.9, np.nan]})
    s = summarise(runs, horizon=100)
    assert s["terms_signed"]["stake"] == {"median": 0.25, "q25": 0.2, "q75": 0.9, "signed_in": 3}
    text = format_summary(s | {"scenario": "demo", "mediator": "m", "seed": 1})
    assert "  stake             0.25  (0.20 - 0.90)" in text
