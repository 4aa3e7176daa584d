"""Each part of the engine is handed the model as the protocol its module declares, and reads
nothing else of it: the model's state is read by name, and every name a part reads is listed
where that part is written."""

import re
from pathlib import Path

import pytest

from sim.engine import agents, gestures, implementation, offers, outcomes, persistence, third_parties, trace
from sim.engine.reads import Episodes
from tests.conftest import run_model

READERS = [(agents, agents.Negotiation), (persistence, persistence.Impasses),
           (outcomes, outcomes.Ended), (gestures, Episodes), (implementation,
           implementation.Carrying), (third_parties, Episodes), (offers, offers.Proposing),
           (trace, trace.Traced)]


def members(protocol: type) -> set[str]:
    """The names a protocol declares, its bases' included."""
    names: set[str] = set()
    for cls in protocol.__mro__:
        if cls.__module__.startswith("sim."):
            names |= set(getattr(cls, "__annotations__", {}))
            names |= {name for name in vars(cls) if not name.startswith("_")}
    return names


def read_in(module: object, holder: str = "model") -> set[str]:
    """Every `<holder>.<name>` a module's source reads."""
    source = Path(module.__file__).read_text()
    return set(re.findall(rf"(?<![\w.`'\"]){holder}\.([a-z_]\w*)", source))  # not a config path


@pytest.mark.parametrize(("module", "protocol"), READERS, ids=lambda x: getattr(x, "__name__", ""))
def test_a_part_reads_of_the_model_only_what_its_protocol_declares(module, protocol):
    read = read_in(module)
    assert read, f"{module.__name__} reads nothing of the model by name?"
    undeclared = read - members(protocol)
    assert not undeclared, f"{module.__name__} reads {sorted(undeclared)} not in {protocol.__name__}"


def test_the_model_is_every_part_s_protocol(baseline):
    model, _ = run_model(baseline, replicates=2)
    for _, protocol in READERS:
        missing = {name for name in members(protocol) if not hasattr(model, name)}
        assert not missing, f"the model lacks {sorted(missing)} of {protocol.__name__}"


def test_the_recourses_read_of_the_mediator_only_what_they_declare(baseline):
    assert read_in(persistence, "mediator") <= members(persistence.Mediating)
    model, _ = run_model(baseline, replicates=2)
    assert all(hasattr(model.mediator, name) for name in members(persistence.Mediating))
