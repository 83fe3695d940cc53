"""Shared test configuration."""
from hypothesis import settings

# Hypothesis' per-example deadline is a timed assertion: on a noisy 2-core CI
# machine a slow example is not a bug, so no test here has one.
settings.register_profile("convlab", deadline=None, print_blob=True)
settings.load_profile("convlab")
