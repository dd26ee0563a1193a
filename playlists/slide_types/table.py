from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock

from .base import SlideBlock, refuse

# What stays readable from across a room.
MAX_COLUMNS = 6
MAX_ROWS = 15


class TableSlideBlock(SlideBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    # TypedTableBlock over TableBlock: it stores cells as plain strings under their column, and its
    # definition holds no options (such as TableBlock's language) that would change migrations.
    table = TypedTableBlock(
        [("text", blocks.CharBlock(label=_("Text"), max_length=200, required=False))],
        label=_("Table"),
        help_text=_("The caption, if any, is shown under the table."),
    )
    column_headings = blocks.BooleanBlock(
        label=_("Show column headings"),
        required=False,
        default=True,
        help_text=_("Show the columns' headings as the table's first row."),
    )

    class Meta:
        icon = "table"
        label = _("Table")
        description = _("A heading and a small table of text, such as opening hours or prices.")

    def clean(self, value):
        value = super().clean(value)
        table = value.get("table")
        columns, rows = (len(table.columns), len(table.row_data)) if table else (0, 0)
        # Drafts may be incomplete (Wagtail defers required checks when saving one).
        if (not columns or not rows) and not self.is_deferred_validation:
            refuse(table=_("Add at least one column and one row."))
        if columns > MAX_COLUMNS or rows > MAX_ROWS:
            refuse(
                table=_("A screen table can have at most %(columns)d columns and %(rows)d rows, to stay readable.")
                % {"columns": MAX_COLUMNS, "rows": MAX_ROWS}
            )
        return value

    def screen_payload(self, value) -> dict:
        table = value.get("table")
        columns = [str(column["heading"] or "") for column in table.columns] if table else []
        rows = [[str(cell or "") for cell in row["values"]] for row in table.row_data] if table else []
        return {
            "heading": value.get("heading", ""),
            "columns": columns if value.get("column_headings") else None,
            "rows": rows,
            "caption": table.caption if table else "",
            "media": [],
        }
