"""Code-built dialogs, each with an ``ask(parent, initial, ...)`` entry point tests can drive."""
