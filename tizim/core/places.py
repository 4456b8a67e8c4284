"""A gazetteer of Kazakhstan: regions and cities with Kazakh, Russian and English names, old
names and the spellings lists use, and ``fold_place`` to resolve any of them to one code.

Regions are those of 2022–2023: fourteen oblasts, plus Abai, Jetisu and Ulytau created in June
2022 from parts of East Kazakhstan, Almaty and Karaganda regions (lists from January 2022 still
name the old regions; a town keeps the region it lies in today).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii


@dataclass(frozen=True)
class Place:
    """A region or a city; ``region`` is the code of the region a city lies in."""

    code: str
    kind: str
    name_en: str
    name_ru: str
    name_kk: str
    region: str | None
    aliases: tuple[str, ...] = ()


def _r(code: str, en: str, ru: str, kk: str, *aliases: str) -> Place:
    return Place(code, "region", en, ru, kk, None, aliases)


def _c(code: str, region: str | None, en: str, ru: str, kk: str, *aliases: str) -> Place:
    return Place(code, "city", en, ru, kk, region, aliases)


GAZETTEER: tuple[Place, ...] = (
    _r("abai-region", "Abai Region", "Абайская область", "Абай облысы", "Abai oblysy"),
    _r("akmola-region", "Akmola Region", "Акмолинская область", "Ақмола облысы", "Aqmola"),
    _r(
        "aktobe-region",
        "Aktobe Region",
        "Актюбинская область",
        "Ақтөбе облысы",
        "Aktyubinsk region",
    ),
    _r("almaty-region", "Almaty Region", "Алматинская область", "Алматы облысы", "Alma-Ata region"),
    _r("atyrau-region", "Atyrau Region", "Атырауская область", "Атырау облысы"),
    _r(
        "east-kazakhstan-region",
        "East Kazakhstan Region",
        "Восточно-Казахстанская область",
        "Шығыс Қазақстан облысы",
        "ВКО",
        "East Kazakhstan",
    ),
    _r("jetisu-region", "Jetisu Region", "Жетысуская область", "Жетісу облысы", "Zhetysu region"),
    _r("jambyl-region", "Jambyl Region", "Жамбылская область", "Жамбыл облысы", "Zhambyl region"),
    _r(
        "karaganda-region",
        "Karaganda Region",
        "Карагандинская область",
        "Қарағанды облысы",
        "Qaragandy region",
    ),
    _r("kostanay-region", "Kostanay Region", "Костанайская область", "Қостанай облысы"),
    _r("kyzylorda-region", "Kyzylorda Region", "Кызылординская область", "Қызылорда облысы"),
    _r(
        "mangystau-region",
        "Mangystau Region",
        "Мангистауская область",
        "Маңғыстау облысы",
        "Mangyshlak",
    ),
    _r(
        "north-kazakhstan-region",
        "North Kazakhstan Region",
        "Северо-Казахстанская область",
        "Солтүстік Қазақстан облысы",
        "СКО",
        "North Kazakhstan",
    ),
    _r("pavlodar-region", "Pavlodar Region", "Павлодарская область", "Павлодар облысы"),
    _r(
        "turkistan-region",
        "Turkistan Region",
        "Туркестанская область",
        "Түркістан облысы",
        "South Kazakhstan region",
        "Южно-Казахстанская область",
        "ЮКО",
    ),
    _r("ulytau-region", "Ulytau Region", "Улытауская область", "Ұлытау облысы"),
    _r(
        "west-kazakhstan-region",
        "West Kazakhstan Region",
        "Западно-Казахстанская область",
        "Батыс Қазақстан облысы",
        "ЗКО",
        "West Kazakhstan",
    ),
    # Cities of republican significance.
    _c("almaty", None, "Almaty", "Алматы", "Алматы", "Alma-Ata", "Алма-Ата", "Verny"),
    _c(
        "astana",
        None,
        "Astana",
        "Астана",
        "Астана",
        "Nur-Sultan",
        "Нур-Султан",
        "Нұр-Сұлтан",
        "Akmola",
        "Акмола",
        "Tselinograd",
        "Целиноград",
        "Akmolinsk",
    ),
    _c("shymkent", None, "Shymkent", "Шымкент", "Шымкент", "Chimkent", "Чимкент", "Şymkent"),
    # Regional centres and towns.
    _c(
        "konaev",
        "almaty-region",
        "Konaev",
        "Конаев",
        "Қонаев",
        "Kapchagay",
        "Капчагай",
        "Qapshagay",
        "Kapshagay",
    ),
    _c("esik", "almaty-region", "Esik", "Есик", "Есік", "Issyk", "Иссык"),
    _c("talgar", "almaty-region", "Talgar", "Талгар", "Талғар"),
    _c("kaskelen", "almaty-region", "Kaskelen", "Каскелен", "Қаскелең"),
    _c(
        "taldykorgan",
        "jetisu-region",
        "Taldykorgan",
        "Талдыкорган",
        "Талдықорған",
        "Taldy-Kurgan",
        "Талды-Курган",
        "Taldyqorgan",
    ),
    _c("tekeli", "jetisu-region", "Tekeli", "Текели", "Текелі"),
    _c("zharkent", "jetisu-region", "Zharkent", "Жаркент", "Жаркент", "Panfilov", "Панфилов"),
    _c("kokshetau", "akmola-region", "Kokshetau", "Кокшетау", "Көкшетау", "Kokchetav", "Кокчетав"),
    _c("stepnogorsk", "akmola-region", "Stepnogorsk", "Степногорск", "Степногор"),
    _c("shchuchinsk", "akmola-region", "Shchuchinsk", "Щучинск", "Щучинск"),
    _c(
        "aktobe", "aktobe-region", "Aktobe", "Актобе", "Ақтөбе", "Aktyubinsk", "Актюбинск", "Aqtöbe"
    ),
    _c("khromtau", "aktobe-region", "Khromtau", "Хромтау", "Хромтау"),
    _c("atyrau", "atyrau-region", "Atyrau", "Атырау", "Атырау", "Guryev", "Гурьев"),
    _c("kulsary", "atyrau-region", "Kulsary", "Кульсары", "Құлсары"),
    _c(
        "oskemen",
        "east-kazakhstan-region",
        "Oskemen",
        "Усть-Каменогорск",
        "Өскемен",
        "Ust-Kamenogorsk",
        "Öskemen",
    ),
    _c(
        "ridder",
        "east-kazakhstan-region",
        "Ridder",
        "Риддер",
        "Риддер",
        "Leninogorsk",
        "Лениногорск",
    ),
    _c(
        "semey", "abai-region", "Semey", "Семей", "Семей", "Semipalatinsk", "Семипалатинск", "Semei"
    ),
    _c("ayagoz", "abai-region", "Ayagoz", "Аягоз", "Аягөз"),
    _c(
        "taraz",
        "jambyl-region",
        "Taraz",
        "Тараз",
        "Тараз",
        "Dzhambul",
        "Джамбул",
        "Zhambyl",
        "Aulie-Ata",
        "Аулие-Ата",
    ),
    _c(
        "karaganda",
        "karaganda-region",
        "Karaganda",
        "Караганда",
        "Қарағанды",
        "Karagandy",
        "Qaragandy",
        "Qarağandy",
    ),
    _c("temirtau", "karaganda-region", "Temirtau", "Темиртау", "Теміртау"),
    _c("balkhash", "karaganda-region", "Balkhash", "Балхаш", "Балқаш"),
    _c(
        "zhezkazgan",
        "ulytau-region",
        "Zhezkazgan",
        "Жезказган",
        "Жезқазған",
        "Dzhezkazgan",
        "Джезказган",
    ),
    _c("satbayev", "ulytau-region", "Satbayev", "Сатпаев", "Сәтбаев", "Satpayev"),
    _c(
        "kostanay",
        "kostanay-region",
        "Kostanay",
        "Костанай",
        "Қостанай",
        "Kustanai",
        "Кустанай",
        "Qostanai",
    ),
    _c("rudny", "kostanay-region", "Rudny", "Рудный", "Рудный"),
    _c("lisakovsk", "kostanay-region", "Lisakovsk", "Лисаковск", "Лисаковск"),
    _c("arkalyk", "kostanay-region", "Arkalyk", "Аркалык", "Арқалық"),
    _c(
        "kyzylorda",
        "kyzylorda-region",
        "Kyzylorda",
        "Кызылорда",
        "Қызылорда",
        "Kzyl-Orda",
        "Кзыл-Орда",
        "Qyzylorda",
    ),
    _c("aktau", "mangystau-region", "Aktau", "Актау", "Ақтау", "Shevchenko", "Шевченко", "Aqtau"),
    _c(
        "zhanaozen",
        "mangystau-region",
        "Zhanaozen",
        "Жанаозен",
        "Жаңаөзен",
        "Janaozen",
        "Jañaözen",
        "Novy Uzen",
        "Новый Узень",
        "Uzen",
    ),
    _c("beyneu", "mangystau-region", "Beyneu", "Бейнеу", "Бейнеу"),
    _c(
        "petropavl",
        "north-kazakhstan-region",
        "Petropavl",
        "Петропавловск",
        "Петропавл",
        "Petropavlovsk",
    ),
    _c("pavlodar", "pavlodar-region", "Pavlodar", "Павлодар", "Павлодар"),
    _c("ekibastuz", "pavlodar-region", "Ekibastuz", "Экибастуз", "Екібастұз"),
    _c(
        "turkistan",
        "turkistan-region",
        "Turkistan",
        "Туркестан",
        "Түркістан",
        "Turkestan",
        "Türkıstan",
    ),
    _c("kentau", "turkistan-region", "Kentau", "Кентау", "Кентау"),
    _c("saryagash", "turkistan-region", "Saryagash", "Сарыагаш", "Сарыағаш"),
    _c("zhetisay", "turkistan-region", "Zhetisay", "Жетысай", "Жетісай"),
    _c("oral", "west-kazakhstan-region", "Oral", "Уральск", "Орал", "Uralsk"),
)

_BY_CODE = {p.code: p for p in GAZETTEER}

# Words around a place name that say what kind of place it is, not which.
_PREFIX = re.compile(
    r"^(?:(?:г|гор|с|пос|п|пгт|қ|ауыл)\.\s*"
    r"|(?:г|город|село|посёлок|поселок|қала|city of|town of|city|town)\s+)",
    re.IGNORECASE,
)
_SUFFIX = re.compile(r"\s+(?:г|қ|қаласы|ауылы|кенті|city|town)\.?$", re.IGNORECASE)
_REGION_WORDS = re.compile(
    r"\b(?:обл|область|облысы|облыс|region|oblast|oblysy|обл\.)\b\.?", re.IGNORECASE
)
# Adjectival Russian region names → the city they are named after ("Алматинская" → Алматы).
_RU_ADJECTIVE = re.compile(r"(ская|цкая|нская|ая)$")


def _key(text: str) -> str:
    """A spelling-independent key: ASCII, lower case, common transliteration variants folded."""
    ascii_text = anyascii(text).lower()
    ascii_text = re.sub(r"[^a-z]", "", ascii_text)
    for a, b in (
        ("dzh", "j"),
        ("zh", "j"),
        ("kh", "k"),
        ("gh", "g"),
        ("q", "k"),
        ("h", "k"),
        ("ye", "e"),
        ("yo", "e"),
        ("oe", "o"),
        ("ue", "u"),
        ("w", "u"),
        ("y", "i"),
        ("ts", "c"),
    ):
        ascii_text = ascii_text.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", ascii_text)


def _index() -> tuple[dict[str, Place], dict[str, Place]]:
    cities: dict[str, Place] = {}
    regions: dict[str, Place] = {}
    for place in GAZETTEER:
        target = regions if place.kind == "region" else cities
        for name in (place.name_en, place.name_ru, place.name_kk, *place.aliases):
            bare = _REGION_WORDS.sub(" ", name).strip()
            target.setdefault(_key(bare), place)
    # "Almaty region" and "Алматинская область" are regions named after a city.
    for place in GAZETTEER:
        if place.kind == "region":
            base = place.name_en.replace(" Region", "")
            regions.setdefault(_key(base), place)
    return cities, regions


_CITIES, _REGIONS = _index()


@lru_cache(maxsize=4096)
def fold_place(text: str) -> Place | None:
    """The gazetteer place a list's place text names, or None when it is not known."""
    if not isinstance(text, str):
        return None
    cleaned = " ".join(text.replace("«", "").replace("»", "").replace('"', "").split())
    if not cleaned:
        return None
    parts = [p.strip() for p in re.split(r"[,;/(]", cleaned) if p.strip()]
    for part in parts or [cleaned]:
        place = _fold_one(part)
        if place is not None:
            return place
    return None


def _fold_one(part: str) -> Place | None:
    is_region = bool(_REGION_WORDS.search(part))
    bare = _REGION_WORDS.sub(" ", part)
    bare = _PREFIX.sub("", bare.strip())
    bare = _SUFFIX.sub("", bare.strip()).strip(" .-")
    if not bare:
        return None
    key = _key(bare)
    if not key:
        return None
    if is_region:
        if key in _REGIONS:
            return _REGIONS[key]
        adjective = _RU_ADJECTIVE.sub("", bare.lower())
        for place in GAZETTEER:
            if place.kind == "region" and _key(place.name_ru).startswith(_key(adjective)):
                return place
        return None
    return _CITIES.get(key) or _REGIONS.get(key)


def place_by_code(code: str) -> Place:
    """The place with this code (KeyError if unknown)."""
    return _BY_CODE[code]
