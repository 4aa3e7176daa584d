"""The model's form: which of its alternative accounts of why parties sign a run uses.

A form names one choice for each part of the model the literature answers in more than one
way, so that whole models can be compared side by side on the same histories (the scoreboard
of `negsim-validate`) and a later calibration can weigh them. A form is chosen with
`model=NAME` (configs/model/), which fills the scenario's `form:` block; a scenario read
without one runs the `classic` form. Every form runs on the same rules: a form only says which
of two registered accounts each part takes (docs/ODD.md, section 7.28).
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.config.errors import ConfigError
from sim.config.schema import text

VALUATIONS = ("stakes", "averted")
"""How a truce is valued: `stakes`, like an issue whose ideal point the war's winner imposes
(Fearon 1995); `averted`, by what it does to the war over its life (the costs it averts, less
the momentum it freezes and the other side's rearmament under it)."""
RESOLVES = ("weekly", "lasting")
"""What moves a party's answer beyond its prospects: `weekly`, a fresh normal draw at every
round and every renewal; `lasting`, a private resolve drawn once per episode."""
RENEWALS = ("scenario", "inertia")
"""How a party decides a renewal: `scenario`, each party's rule as its scenario says;
`inertia`, every party keeps a truce in force unless it falls clearly short (the `inertia`
renewal rule at its default threshold)."""
TERMS = ("listed", "tied")
"""How logrolling orders issues of equal salience ratio: `listed`, in the order the scenario
lists them; `tied`, conceded together, step by step."""


@dataclass(frozen=True, kw_only=True)
class Form:
    """One choice for each part of the model with alternative accounts."""

    name: str = text(default="classic", doc="the form's name (its file in configs/model/)")
    valuation: str = text(default="stakes", doc="how a truce short of the settlement is "
                          "valued: stakes (an issue the war's winner imposes) or averted (what "
                          "it does to the war over its life)")
    resolve: str = text(default="weekly", doc="what moves an answer beyond the prospects: "
                        "weekly (a fresh acceptance-noise draw each round) or lasting (a "
                        "private resolve drawn once per episode, of the same scale)")
    renewal: str = text(default="scenario", doc="how renewals are decided: scenario (each "
                        "party's own rule) or inertia (every party by the inertia rule)")
    terms: str = text(default="listed", doc="how logrolling orders issues of equal salience "
                      "ratio: listed (file order) or tied (conceded together)")
    summary: str = text(default="", doc="what the form says, in a sentence")

    @property
    def averts(self) -> bool:
        """Whether truces are valued by what they do to the war."""
        return self.valuation == "averted"


def check_form(form: Form, path: str) -> None:
    """Each part of the form names one of its accounts."""
    for key, allowed in (("valuation", VALUATIONS), ("resolve", RESOLVES),
                         ("renewal", RENEWALS), ("terms", TERMS)):
        value = getattr(form, key)
        if value not in allowed:
            raise ConfigError(f"{path}.form.{key}", value, f"one of {', '.join(allowed)}")
