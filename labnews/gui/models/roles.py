"""The Qt item roles the models answer, as plain ints, and the flags of a read-only row."""

from __future__ import annotations

from PySide6.QtCore import Qt

# data() compares roles as ints: converting once here keeps the per-cell calls cheap.
DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole)
EDIT_ROLE = int(Qt.ItemDataRole.EditRole)
CHECK_ROLE = int(Qt.ItemDataRole.CheckStateRole)
FONT_ROLE = int(Qt.ItemDataRole.FontRole)
FOREGROUND_ROLE = int(Qt.ItemDataRole.ForegroundRole)
TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)
ALIGNMENT_ROLE = int(Qt.ItemDataRole.TextAlignmentRole)

ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)
"""A cell that can be selected and nothing more."""
