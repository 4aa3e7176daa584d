"""Reports from saved results only: figures, HTML, PDF. Nothing here imports the model."""

FORMATS = ("png", "svg", "pdf")
"""Figure files a report can write; `report.html` is always written, its figures embedded."""
