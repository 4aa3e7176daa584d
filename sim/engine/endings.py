"""How an episode ends, as the run table's `end_reason` names it: read by the model, which ends
episodes, and by whatever reads its results without needing the model itself."""

AGREEMENT, WITHDREW, HORIZON, RUNNING = "agreement", "mediator_withdrew", "horizon", ""
