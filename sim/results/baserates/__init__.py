"""Base rates: stylised facts about truces, ceasefires and agreements from public conflict data.

The raw data sets stay outside the project (they are others' data); `build.derive` turns them
into a small table (one row per statistic, each with a stable id, its condition, its data set
and citation, n, the estimate and a 95% interval) that the project commits and that forecasts
are checked against. The rows are described in docs/guide/baserates.md.
"""
