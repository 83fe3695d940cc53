"""convlab: the ConvLab app without its page scripts.

Text catalogs (``text/``, English and 中文), plotly figures (``figures/``),
page parameters and URL values (``urlstate``), number formatting (``fmt``),
generated code (``codegen``), upload decoding (``images``), on-demand
TensorFlow checks (``tfcheck``), one module of logic per page (``why``,
``stepper``, ``padding``, ``edges``, ``training``, ``transposed``,
``pooling``, ``groups``) and the exercises
(``exercises/``: generated from a seed, graded from convcore). The
mathematics is ``convcore``'s.

Only three modules import Streamlit, the glue between pages and the rest:
``state`` (language and each page's widget state <-> the URL),
``widgets`` (widgets bound to declared parameters, the one versioned data
editor, the matrix editor and the code expander) and ``yourturn`` (one
exercise drawn with its check and solution, and a page's "Your turn").
Everything else here is tested without Streamlit.
"""

STREAMLIT_MODULES = ("convlab.state", "convlab.widgets", "convlab.yourturn")
