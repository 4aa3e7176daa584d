"""The generated parts of docs/ODD.md: every registered unit, and the parameters of every
shipped mediator and scenario, read from the code and the composed configs so that the
reference cannot drift from them.

`python -m sim.jobs.reference` rewrites each block between `<!-- generated: NAME -->` and
`<!-- end generated -->` in place; a test fails while a block differs from what this module
writes now (a new unit, a changed parameter or a new config file).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from sim.config.compose import CONFIG_DIR, compose_config
from sim.domain.mediator import MediatorSpec, load_mediator
from sim.domain.parameters import Parameter, markdown, mediator_choices, mediator_table, table_row
from sim.domain.questions import COUNTS
from sim.domain.references import load_scenario
from sim.rules.agendas import AGENDAS
from sim.rules.recourses import RECOURSES
from sim.rules.units import Registry, Setting, Unit

ODD = Path(__file__).resolve().parents[2] / "docs" / "ODD.md"
QUESTIONS_GUIDE = ODD.parent / "guide" / "questions.md"
BLOCK = re.compile(r"<!-- generated: (?P<name>[\w ]+) -->\n(?P<body>.*?)\n?<!-- end generated -->",
                   re.S)


def shipped(group: str) -> list[str]:
    """The config files of a group (scenario, mediator), by name."""
    return sorted(p.stem for p in (Path(CONFIG_DIR) / group).glob("*.yaml"))


def families() -> list[Registry[Any]]:
    """Every family registry in `sim.rules`, found as the units are: by walking the packages,
    so a new family is listed the moment it exists."""
    import sim.rules

    found = []
    for module in pkgutil.iter_modules(sim.rules.__path__):
        if module.ispkg:
            package = importlib.import_module(f"sim.rules.{module.name}")
            found += [v for v in vars(package).values() if isinstance(v, Registry)]
    return sorted(found, key=lambda registry: registry.kind)


def _paragraph(text: str | None) -> str:
    """A docstring's first paragraph on one line."""
    return " ".join((text or "").strip().split("\n\n")[0].split()).rstrip(".")


def _decisions(registry: Registry[Any]) -> str:
    """The family's decisions: the public methods its base defines, with their first paragraph."""
    methods = [(name, member) for name, member in vars(registry.base).items()
               if inspect.isfunction(member) and not name.startswith("_")
               and not hasattr(Unit, name)]
    return "; ".join(f"`{name}`: {_paragraph(member.__doc__)}" for name, member in methods)


def units_markdown() -> str:
    """Three tables: the families, their units, and every unit's parameters."""
    rows = ["| family | package | chosen by | what a unit decides | units |", "|---|---|---|---|---|"]
    units = ["| unit | family | what it does | literature |", "|---|---|---|---|"]
    settings = ["| unit | parameter | meaning | unit | range | default | provenance |",
                "|---|---|---|---|---|---|---|"]
    for registry in families():
        package = "sim/" + registry.package.removeprefix("sim.").replace(".", "/") + "/"
        rows.append(table_row((registry.kind, f"`{package}`", f"`{registry.chosen_by}`",
                               _decisions(registry), ", ".join(registry.names()))))
        for unit in registry:
            units.append(table_row((f"`{unit.name}`", registry.kind, unit.summary, unit.source)))
            for key, s in unit.parameters.items():
                settings.append(table_row((f"`{unit.name}`", key, s.meaning, s.unit,
                                           f"[{s.low:g}, {s.high:g}]", f"{s.default:g}",
                                           s.provenance)))
    return "\n\n".join("\n".join(table) for table in (rows, units, settings))


def _mediator(name: str) -> MediatorSpec:
    """A shipped mediator as it is composed (its own checks; a ladder is checked against a
    scenario only when one is run)."""
    return load_mediator(compose_config([f"mediator={name}", "workers=1"])["mediator"], None)


def mediators_markdown() -> str:
    """One table: each parameter of any shipped mediator, its value in each, its source."""
    names = shipped("mediator")
    specs = {name: _mediator(name) for name in names}
    tables = {name: {p.path.removeprefix("mediator."): _declared(p, spec) for p in
                     mediator_choices(spec) + mediator_table(spec)} for name, spec in specs.items()}
    paths = list(dict.fromkeys(path for table in tables.values() for path in table))
    rows = ["| parameter | meaning | unit | range | " + " | ".join(names) + " | source |",
            "|---|---|---|---|" + "---|" * len(names) + "---|"]
    for path in paths:
        given = {name: table[path] for name, table in tables.items() if path in table}
        first = next(iter(given.values()))
        values = tuple(given[name].value if name in given else "–" for name in names)
        rows.append(table_row((path, first.meaning, first.unit, first.range, *values,
                               _sources(given))))
    return "\n".join(rows)


def _declared(parameter: Parameter, spec: MediatorSpec) -> Parameter:
    """A unit's parameter (a recourse's, the agenda rule's) with the meaning, unit and range its
    unit declares, not those of the mapping that holds it."""
    parts = parameter.path.removeprefix("mediator.").split(".")
    setting: Setting | None = None
    if len(parts) == 3 and parts[0] == "recourses":
        setting = RECOURSES.get(parts[1]).parameters.get(parts[2])
    elif len(parts) == 3 and parts[:2] == ["agenda", "parameters"]:
        setting = AGENDAS.get(spec.agenda.rule).parameters.get(parts[2])
    if setting is None:
        return parameter
    return replace(parameter, meaning=setting.meaning, unit=setting.unit,
                   range=f"[{setting.low:g}, {setting.high:g}]")


def _sources(given: dict[str, Any]) -> str:
    """One source where the mediators agree, else each mediator's own."""
    by_source: dict[str, list[str]] = {}
    for name, parameter in given.items():
        by_source.setdefault(parameter.source, []).append(name)
    if len(by_source) == 1:
        return next(iter(by_source))
    return "; ".join(f"{', '.join(names)}: {source}" for source, names in by_source.items())


def scenario_markdown(name: str) -> str:
    return markdown(load_scenario(compose_config([f"scenario={name}", "workers=1"])["scenario"]))


def blocks() -> dict[str, str]:
    """Every generated block of docs/ODD.md, by the name in its marker."""
    made = {"units": units_markdown(), "mediators": mediators_markdown()}
    return made | {f"scenario {name}": scenario_markdown(name) for name in shipped("scenario")}


def rewrite(text: str, made: dict[str, str]) -> str:
    """`text` with each generated block's body replaced; a block it lacks is an error, so a
    new scenario needs its heading and marker written once by hand."""
    missing = set(made) - {m["name"] for m in BLOCK.finditer(text)}
    if missing:
        raise KeyError(f"the document has no block for: {', '.join(sorted(missing))}")
    return BLOCK.sub(lambda m: f"<!-- generated: {m['name']} -->\n{made[m['name']]}\n"
                               "<!-- end generated -->", text)


def counts_markdown() -> str:
    """What a count question may ask about (`sim.domain.questions.COUNTS`), for the guide."""
    rows = ["| `count:` | of (key: name) | what it counts over the run | run-table column |",
            "|---|---|---|---|"]
    for name, count in COUNTS.items():
        of = f"`{count.of}`" if count.of else "the mediator"
        rows.append(table_row((f"`{name}`", of, count.means,
                               f"`{count.column.format('NAME')}`")))
    return "\n".join(rows)


def guide_blocks() -> dict[str, str]:
    """The generated blocks of the user guide's questions page."""
    return {"counts": counts_markdown()}


def main() -> None:
    ODD.write_text(rewrite(ODD.read_text(), blocks()))
    QUESTIONS_GUIDE.write_text(rewrite(QUESTIONS_GUIDE.read_text(), guide_blocks()))


if __name__ == "__main__":
    main()
