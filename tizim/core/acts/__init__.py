"""Acts of violence, "who did what to whom", as testimony and lists describe them in kk/ru/en:
the controlled vocabularies (``vocabulary``) and the parsers that find their terms in free text
(``matching``). Partial date-times ("about 19:00 on 4 January") are in ``tizim.core.dates``.
"""
