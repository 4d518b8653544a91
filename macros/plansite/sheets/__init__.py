"""The spreadsheet round trip: a workbook of a plan's actions, indicators and services that
people can edit without touching YAML, and the import that writes their edits back.

``columns`` defines the sheets and their columns, ``values`` reads each row's values from the
data, ``export`` writes the workbook, ``read`` reads a workbook or CSV back, ``changes``
validates the rows and works out what they change, ``ids`` names new rows, ``yamledit`` edits
YAML in place without disturbing its layout, and ``apply`` checks and writes the result.
"""
