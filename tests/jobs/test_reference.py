"""docs/ODD.md's reference tables are what the code and the configs say now."""

import pytest

from sim.jobs.reference import BLOCK, ODD, blocks, families, rewrite, shipped

REGENERATE = "regenerate with: python -m sim.jobs.reference"


@pytest.fixture(scope="module")
def made() -> dict[str, str]:
    return blocks()


def test_every_generated_block_of_the_odd_is_current(made):
    written = {m["name"]: m["body"] for m in BLOCK.finditer(ODD.read_text())}
    assert sorted(written) == sorted(made), REGENERATE
    stale = [name for name in made if written[name] != made[name]]
    assert stale == [], f"{', '.join(stale)}: {REGENERATE}"


def test_every_registered_unit_and_every_shipped_config_has_its_rows(made):
    for registry in families():
        for name in registry.names():
            assert f"| `{name}` | {registry.kind} |" in made["units"]
    header = made["mediators"].splitlines()[0]
    assert all(f" {name} |" in header for name in shipped("mediator"))
    assert {f"scenario {name}" for name in shipped("scenario")} <= set(made)


def test_every_mediator_parameter_has_a_source(made):
    rows = made["mediators"].splitlines()[2:]
    assert [row.split(" | ")[0] for row in rows if row.endswith("|  |")] == []


def test_rewriting_replaces_a_stale_block_and_leaves_the_prose():
    text = "prose\n<!-- generated: units -->\nold table\n<!-- end generated -->\nmore prose\n"
    assert rewrite(text, {"units": "new table"}) == (
        "prose\n<!-- generated: units -->\nnew table\n<!-- end generated -->\nmore prose\n")


def test_a_config_without_its_block_is_named():
    with pytest.raises(KeyError, match="scenario mine"):
        rewrite("no blocks here\n", {"scenario mine": "a table"})


def test_the_guide_s_list_of_what_a_question_may_count_is_current():
    from sim.domain.questions import COUNTS
    from sim.jobs.reference import QUESTIONS_GUIDE, guide_blocks

    written = {m["name"]: m["body"] for m in BLOCK.finditer(QUESTIONS_GUIDE.read_text())}
    assert written == guide_blocks(), REGENERATE
    assert all(f"| `{name}` |" in written["counts"] for name in COUNTS)
