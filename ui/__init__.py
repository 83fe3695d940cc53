"""Streamlit glue shared by the pages: language, URL state, small widgets.

Computation lives in convcore; this package only reads and writes widgets.
"""
