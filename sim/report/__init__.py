"""Reports from saved results only: figures, HTML, PDF. Nothing here imports the model."""
