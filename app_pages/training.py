"""Placeholder until this page's issue lands."""
import streamlit as st

st.info("This page is being built.")
