"""The reader window: every widget, model, worker and action (the only package that touches QtWidgets)."""
