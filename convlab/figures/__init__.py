"""Plotly figure builders, one module per page; shared pieces in ``common``.

Importing this package loads plotly; convcore itself does not.
"""
