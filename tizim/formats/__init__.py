"""Django format modules (``FORMAT_MODULE_PATH``): dates and numbers as each language writes them.

Kazakh ``4 қаңтар 2022`` (month names lower case: ``months.py`` gives the catalogue lower-case
forms, since Django's own Kazakh catalogue capitalises them), Russian ``4 января 2022``, English
``4 January 2022`` rather than Django's US ``Jan. 4, 2022``. Thousands are grouped by a
no-break space in all three, as the public site's numbers are.
"""
