"""negsim in the browser: Mesa's SolaraViz over one episode (R = 1) of the negotiation.

Start it with `negsim-app` (or `solara run sim.app.page`). Set the levers in the sidebar, press
Reset to build the episode they describe, then Step or play it; the likelihood panel runs a
quick Monte Carlo of the same settings. The model never imports this module.
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

import pandas as pd
import solara
from mesa.visualization.solara_viz import ModelController
from mesa.visualization.utils import update_counter

from sim.app import explore
from sim.app.levers import (
    OWN,
    QUICK_RUNS,
    Levers,
    defaults,
    likelihood,
    options,
    own_strategy,
    party_labels,
    settings_for,
)
from sim.config.errors import ConfigError
from sim.engine.model import NegotiationModel
from sim.jobs.settings import Settings
from sim.results.estimators import interval_text

START = defaults()


class EpisodeModel(NegotiationModel):
    """One episode built from the levers: the keyword form SolaraViz re-creates on Reset."""

    def __init__(self, scenario_name: str = START.scenario, strategy: str = OWN,
                 trust_first: float = START.trust_first, trust_second: float = START.trust_second,
                 delay_prize: float = START.delay_prize, bias: float = START.bias,
                 carrot_budget: float = START.carrot_budget, stick_size: float = START.stick_size,
                 patience_rounds: int = START.patience_rounds, seed: int | str = START.seed) -> None:
        notices: list[str] = []
        try:
            number = int(str(seed).strip())
        except ValueError:
            number = START.seed
            notices.append(f"seed {seed!r} is not a whole number; using {number}")
        wanted = Levers(scenario=scenario_name, strategy=strategy, trust_first=trust_first,
                        trust_second=trust_second, delay_prize=delay_prize, bias=bias,
                        carrot_budget=carrot_budget, stick_size=stick_size,
                        patience_rounds=int(patience_rounds), seed=abs(number))
        if strategy == OWN:
            wanted = replace(wanted, strategy=own_strategy(scenario_name))
        self.levers, settings, notice = fitting(wanted)
        super().__init__(settings.scenario, settings.mediator, replicates=1, seed=self.levers.seed,
                         trace=True)
        self.notice = "; ".join([*notices, notice] if notice else notices)

    def step(self) -> None:
        """A day, unless the episode has ended (the controls step a week at a time)."""
        if self.running:
            super().step()

    def tables(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The episode's timeline and events, built once per render rather than per panel."""
        assert self.events is not None
        key = (self.day, len(self.events.rows))
        if getattr(self, "_tables_key", None) != key:
            self._tables, self._tables_key = explore.episode_tables(self), key
        return self._tables


def fitting(wanted: Levers) -> tuple[Levers, Settings, str]:
    """The levers as asked and their settings or, where the strategy's ladder does not fit the
    scenario, the scenario's own strategy (else the first that fits), and a line saying so."""
    try:
        return wanted, settings_for(wanted), ""
    except ConfigError:
        for strategy in [own_strategy(wanted.scenario), *options("mediator")]:
            candidate = replace(wanted, strategy=strategy)
            try:
                settings = settings_for(candidate)
            except ConfigError:
                continue
            return candidate, settings, (
                f"Strategy {wanted.strategy} does not fit scenario {wanted.scenario} (its ladder "
                f"names stages the scenario does not have); using strategy {strategy} instead.")
        raise


def _figure(make: Any) -> Any:
    return solara.FigureMatplotlib(make, format="png", bbox_inches="tight")


def balance(model: EpisodeModel) -> Any:
    timeline, _ = model.tables()
    return _figure(explore.balance_figure(timeline, explore.labels(model)[0]))


def trust(model: EpisodeModel) -> Any:
    timeline, _ = model.tables()
    return _figure(explore.trust_figure(timeline, explore.labels(model)[0]))


def offers(model: EpisodeModel) -> Any:
    _, events = model.tables()
    return _figure(explore.offers_figure(events, explore.labels(model)[0]))


def stages(model: EpisodeModel) -> Any:
    timeline, _ = model.tables()
    with solara.Column(gap="0px") as column:
        solara.Text(explore.stage_now(model), style={"font-weight": "bold"})
        _figure(explore.stages_figure(timeline, explore.labels(model)[1],
                                      explore.stage_status(model)))
    return column


def violations(model: EpisodeModel) -> Any:
    _, events = model.tables()
    return _figure(explore.violations_figure(events, explore.labels(model)[0]))


def event_log(model: EpisodeModel) -> Any:
    with solara.Card("What happened, in words (latest last)") as card:
        if model.notice:
            solara.Warning(model.notice)
        _, events = model.tables()
        solara.Preformatted(explore.story(events, *explore.labels(model), last=16),
                            style_="white-space: pre-wrap; font-size: 12px; margin: 0")
    return card


last_estimate: solara.Reactive[tuple[Levers, dict] | None] = solara.reactive(None)
"""(levers, summary) of the last finished estimate. Solara keeps one per browser session; it
outlives Reset, which rebuilds every panel."""


@solara.component
def LikelihoodPanel(model: EpisodeModel) -> None:
    """P(agreement) with its 95% interval and the stage funnel, for the episode's settings."""
    estimate = last_estimate

    def run() -> None:
        levers, started = model.levers, time.perf_counter()
        summary = likelihood(levers, QUICK_RUNS)
        estimate.set((levers, summary | {"seconds": time.perf_counter() - started}))

    task = solara.lab.use_task(run, dependencies=None)
    with solara.Card("Likelihood of agreement"):
        solara.Button(f"Estimate ({QUICK_RUNS:,} runs)", on_click=task, disabled=task.pending,
                      color="primary")
        if task.pending:
            solara.Text("Running the Monte Carlo...")
            solara.ProgressLinear(True)
        if task.error:
            solara.Error(f"The estimate failed: {task.exception}")
        if estimate.value is not None:
            levers, summary = estimate.value
            p = summary["agreement"]
            estimate_text, interval = interval_text(p["p"], p["ci_low"], p["ci_high"], least=1)
            solara.Markdown(
                f"**P(agreement) = {estimate_text}** (95% CI {interval}) over "
                f"{summary['runs']:,} runs, seed {levers.seed} ({summary['seconds']:.1f} s).")
            if levers != model.levers:
                solara.Warning("The settings have changed since: estimate again.")
            _figure(explore.funnel_figure(summary, explore.labels(model)[1]))


def likelihood_panel(model: EpisodeModel) -> Any:
    return LikelihoodPanel(model)


LEGEND = """**The levers** (press *Reset* to apply them; *Step* advances a week, *▶* plays).

- **Trust**: each of the scenario's first two parties' initial mean trust that the others
  comply (its Beta prior's strength is kept).
- **Delay prize**: what the stalling side gains by holding out, as a share of the stake. It
  stalls each tabled stage for prize ÷ its daily cost of delay days on average (about 27 days
  at the baseline's 0.10, its cost being 0.002–0.006 a day).
- **Bias**: the mediator's extra Nash weight on the first party.
- **Carrots**: side-payments the mediator can fund (share of the stake);
  **Sticks**: the rise in the blocking side's daily war cost per stick.
- **Patience**: rounds without a signing before the mediator presses or walks away.
- **Seed**: the episode's and the estimate's random numbers.

Choosing a scenario sets every lever to that scenario's own values, and its own mediator.
"""


def legend(model: EpisodeModel) -> Any:
    with solara.Card("About the controls") as card:
        solara.Markdown(LEGEND)
    return card


SLIDERS = (  # lever, label, low, high, step; the parties' names are filled in
    ("trust_first", "Trust of {first} in {second}", 0.05, 0.95, 0.025),
    ("trust_second", "Trust of {second} in {first}", 0.05, 0.95, 0.025),
    ("delay_prize", "Delay prize", 0.0, 0.3, 0.01),
    ("bias", "Mediator's bias to {first}", 0.0, 1.0, 0.05),
    ("carrot_budget", "Carrots", 0.0, 0.2, 0.01),
    ("stick_size", "Sticks", 0.0, 2.0, 0.1),
    ("patience_rounds", "Patience (rounds)", 1, 20, 1),
)


def lever_values(scenario: str, seed: str) -> dict[str, Any]:
    """The controls' values for a scenario: its own levers, its own mediator."""
    own = defaults(scenario)
    return {"scenario_name": scenario, "strategy": OWN, "seed": seed,
            **{name: getattr(own, name) for name, *_ in SLIDERS}}


@solara.component
def Controls(values: solara.Reactive[dict[str, Any]]) -> None:
    """The sidebar's settings, each showing its value; applied by Reset."""
    chosen = values.value

    def set_value(name: str, value: Any) -> None:
        values.set({**values.value, name: value})

    def choose_scenario(name: str) -> None:
        values.set(lever_values(name, values.value["seed"]))

    first, second = _party_labels(chosen["scenario_name"])
    solara.Select("Scenario", value=chosen["scenario_name"], values=options("scenario"),
                  on_value=choose_scenario)
    solara.Select("Mediator strategy", value=chosen["strategy"],
                  values=[OWN, *options("mediator")], on_value=lambda v: set_value("strategy", v))
    for name, label, low, high, step in SLIDERS:
        text = label.format(first=first, second=second)
        value = chosen[name]
        shown = f"{value:d}" if isinstance(step, int) else f"{value:.3g}"
        slider = solara.SliderInt if isinstance(step, int) else solara.SliderFloat
        slider(f"{text}: {shown}", value=value, min=low, max=high, step=step,
               on_value=lambda v, n=name: set_value(n, v))
    solara.InputText("Seed", value=str(chosen["seed"]), on_value=lambda v: set_value("seed", v))


def _party_labels(scenario: str) -> tuple[str, str]:
    labels = party_labels(scenario)
    if len(labels) < 2:
        return "side 1", "side 2"
    return labels[0], labels[1]


@solara.component
def Panel(component: Any, model: EpisodeModel) -> Any:
    update_counter.get()  # drawn again after every step
    return component(model)


COMPONENTS = [stages, event_log, balance, trust, offers, violations, likelihood_panel,
              legend]


@solara.component
def Page() -> None:
    """The page; each browser session gets an episode of its own (a module-level model would
    be one episode shared, and stepped, by every open tab). Mesa's controller steps, plays and
    resets it; the settings and panels are this app's own (no controls that mean nothing
    here: play speed, threads, page tabs)."""
    first = solara.use_memo(EpisodeModel, [])
    model = solara.use_reactive(first)
    values = solara.use_reactive(lever_values(START.scenario, str(START.seed)))
    # Mesa's controller reads these as reactives; they are fixed here: a play of 150 ms a
    # frame, a week a step, no threads
    play, week, threads = (solara.use_reactive(150), solara.use_reactive(7),
                           solara.use_reactive(False))
    with solara.AppBar():
        solara.AppBarTitle("negsim: one negotiation, day by day")
    with solara.Sidebar(), solara.Column():
        with solara.Card("Episode"):
            ModelController(model, model_parameters=values, play_interval=play,
                            render_interval=week, use_threads=threads)
        with solara.Card("Settings (Reset applies them)"):
            Controls(values)
    with solara.ColumnsResponsive(12, large=6):
        for component in COMPONENTS:
            Panel(component, model.value)
