"""An indivisible stake through the whole model: agreement exactly when the bargaining range
holds one of its ends, at that end; the same stake made divisible is always settled."""

import pytest

from sim.config.errors import ConfigError
from sim.jobs.validation import indivisibility
from sim.jobs.validation.document import SIZES
from tests.conftest import settings
from tests.jobs.validation.test_theory import assert_all_pass


def test_agreement_exactly_when_the_range_holds_an_end():
    rows = indivisibility.indivisible_issues(SIZES["small"][1], 8)
    assert [r.expected for r in rows] == ["P = 0 (no end in the range)", "P = 1 at terms 1",
                                          "P = 1 at terms 0"]
    assert_all_pass(rows)


def test_an_unknown_issue_kind_is_refused_by_name():
    with pytest.raises(ConfigError) as refused:
        settings("scenario=symmetric_textbook", "scenario.issues.stake.kind=lumpy")
    assert str(refused.value) == ("scenario.issues.stake.kind: got 'lumpy'; expected one of "
                                  "divisible, indivisible, line_of_control")
