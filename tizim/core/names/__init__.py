"""Name knowledge: splitting full names, transliteration, and script-independent matching keys.

Pure and framework-free, so that linkage, search and the public site share one definition of
"the same name".
"""

from tizim.core.names.display import proper_case, sort_key
from tizim.core.names.keys import (
    full_name_keys,
    initial_key,
    initial_search_keys,
    initials_compatible,
    is_initial,
    is_patronymic,
    name_key,
    names_may_match,
    patronymic_key,
    surname_key,
)
from tizim.core.names.translit import to_latin, to_russian_cyrillic

__all__ = [
    "full_name_keys",
    "initial_key",
    "initial_search_keys",
    "initials_compatible",
    "is_initial",
    "is_patronymic",
    "name_key",
    "names_may_match",
    "patronymic_key",
    "proper_case",
    "sort_key",
    "surname_key",
    "to_latin",
    "to_russian_cyrillic",
]
