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
    _r(
        "akmola-region",
        "Akmola Region",
        "Акмолинская область",
        "Ақмола облысы",
        "Aqmola oblysy",
        "Целиноградская область",
    ),
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
        "Чимкентская область",
        "Шымкентская область",
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
        "Kunaev",
        "Кунаев",
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
    _c("aksay", "west-kazakhstan-region", "Aksay", "Аксай", "Ақсай", "Aqsai"),
    _c("aralsk", "kyzylorda-region", "Aralsk", "Аральск", "Арал", "Aral"),
    _c("kazaly", "kyzylorda-region", "Kazaly", "Казалинск", "Қазалы", "Kazalinsk"),
    _c("shu", "jambyl-region", "Shu", "Шу", "Шу", "Chu"),
    _c("zhanatas", "jambyl-region", "Zhanatas", "Жанатас", "Жаңатас", "Janatas"),
    _c("karatau", "jambyl-region", "Karatau", "Каратау", "Қаратау", "Qaratau"),
    _c("aksu", "pavlodar-region", "Aksu", "Аксу", "Ақсу", "Aqsu", "Ermak", "Ермак"),
    _c("zhitikara", "kostanay-region", "Zhitikara", "Житикара", "Жітіқара", "Jitiqara"),
    _c("kurchatov", "abai-region", "Kurchatov", "Курчатов", "Курчатов"),
    _c("shakhtinsk", "karaganda-region", "Shakhtinsk", "Шахтинск", "Шахтинск"),
    _c("saran", "karaganda-region", "Saran", "Сарань", "Саран"),
    _c("priozersk", "karaganda-region", "Priozersk", "Приозёрск", "Приозер"),
    _c("karazhal", "ulytau-region", "Karazhal", "Каражал", "Қаражал", "Qarajal"),
    _c("kandyagash", "aktobe-region", "Kandyagash", "Кандыагаш", "Қандыағаш", "Qandyağaş"),
    _c("emba", "aktobe-region", "Emba", "Эмба", "Ембі", "Embi"),
    _c("shalkar", "aktobe-region", "Shalkar", "Шалкар", "Шалқар", "Şalqar"),
    _c("atbasar", "akmola-region", "Atbasar", "Атбасар", "Атбасар"),
    _c("makinsk", "akmola-region", "Makinsk", "Макинск", "Макинск"),
    _c("kosshy", "akmola-region", "Kosshy", "Косшы", "Қосшы", "Qosshy"),
    _c("zaysan", "east-kazakhstan-region", "Zaysan", "Зайсан", "Зайсаң", "Zaisan"),
    _c("altai", "east-kazakhstan-region", "Altai", "Алтай", "Алтай", "Zyryanovsk", "Зыряновск"),
    _c("sarkand", "jetisu-region", "Sarkand", "Сарканд", "Сарқант", "Sarqant"),
    _c("ushtobe", "jetisu-region", "Ushtobe", "Уштобе", "Үштөбе", "Üştöbe"),
    _c("lenger", "turkistan-region", "Lenger", "Ленгер", "Ленгір", "Lengir"),
    _c("arys", "turkistan-region", "Arys", "Арыс", "Арыс"),
    _c("shardara", "turkistan-region", "Shardara", "Шардара", "Шардара", "Chardara"),
    _c("fort-shevchenko", "mangystau-region", "Fort-Shevchenko", "Форт-Шевченко", "Форт-Шевченко"),
    _c("taiynsha", "north-kazakhstan-region", "Taiynsha", "Тайынша", "Тайынша", "Tayynsha"),
    _c("bulaevo", "north-kazakhstan-region", "Bulaevo", "Булаево", "Булаев"),
)

_BY_CODE = {p.code: p for p in GAZETTEER}

# Counts by region put each city under its region; the three cities of republican
# significance (Almaty, Astana, Shymkent) are regions of their own.
UNKNOWN_REGION = "unknown"


def region_of(code: str) -> str:
    """The region code a place code counts under (``UNKNOWN_REGION`` for blank or unknown)."""
    place = _BY_CODE.get(code)
    if place is None:
        return UNKNOWN_REGION
    return place.region or place.code


def place_name(code: str, language: str = "en") -> str:
    """A place's name in kk, ru or en (the code itself when unknown)."""
    place = _BY_CODE.get(code)
    if place is None:
        return code
    return {"kk": place.name_kk, "ru": place.name_ru}.get(language, place.name_en)


# Words around a place name that say what kind of place it is, not which.
_PREFIX = re.compile(
    r"^(?:(?:г|гор|с|пос|п|пгт|а|қ|ауыл)\.\s*"
    r"|(?:г|город|село|посёлок|поселок|қала|city of|town of|city|town)\s+)",
    re.IGNORECASE,
)
_SUFFIX = re.compile(r"\s+(?:г|қ|қаласы|ауылы|кенті|city|town)\.?$", re.IGNORECASE)
_REGION_WORDS = re.compile(
    r"\b(?:обл|область|облысы|облыс|region|oblast|oblysy|обл\.)\b\.?", re.IGNORECASE
)
# Adjectival Russian region names → the city they are named after ("Алматинская" → Алматы).
# "Алматинская" → Алмат+ы, "Кызылординская" → Кызылорд+а, "Уральская" → Уральск,
# "Павлодарская" → Павлодар: the endings to take off, then the endings to try on.
_RU_ADJECTIVE_ENDINGS = ("инская", "ынская", "нская", "ская", "цкая", "ая")
_RU_STEM_ENDINGS = ("", "ы", "а", "е", "и")


def _key(text: str) -> str:
    """A spelling-independent key: ASCII, lower case, common transliteration variants folded."""
    # anyascii reads Turkish-style ş/ç as s/c; in Kazakh Latin they are sh/ch.
    text = text.replace("ş", "sh").replace("Ş", "Sh").replace("ç", "ch").replace("Ç", "Ch")
    ascii_text = anyascii(text).lower()
    ascii_text = re.sub(r"[^a-z]", "", ascii_text)
    for a, b in (
        ("dzh", "j"),
        ("zh", "j"),
        ("kh", "k"),
        ("gh", "g"),
        ("ng", "n"),  # ң: Жаңаөзен = Zhangaozen = Жанаозен
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
    parts = [p.strip(" )") for p in re.split(r"[,;/(]", cleaned) if p.strip(" )")]
    found = [place for place in map(_fold_one, parts or [cleaned]) if place is not None]
    if not found:
        return None
    # "Алматинская обл., г. Талгар": a town is more specific than the region it lies in.
    regions = {place.code for place in found if place.kind == "region"}
    for place in found:
        if place.region in regions:
            return place
    return found[0]


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
        return _REGIONS.get(key) or _region_from_adjective(bare)
    return _CITIES.get(key) or _REGIONS.get(key)


def _region_from_adjective(bare: str) -> Place | None:
    """A region from the Russian adjective of its centre, old names included ("Гурьевская",
    "Кустанайская"), or from an abbreviation no other region shares ("Алм.")."""
    word = bare.lower().strip(" .")
    for ending in _RU_ADJECTIVE_ENDINGS:
        if not word.endswith(ending):
            continue
        stem = word[: -len(ending)]
        for tail in _RU_STEM_ENDINGS:
            key = _key(stem + tail)
            if not key:
                continue
            if key in _REGIONS:
                return _REGIONS[key]
            city = _CITIES.get(key)
            if city is not None and city.region is not None:
                return place_by_code(city.region)
    key = _key(word)
    if len(key) >= 3:
        matches = {p for k, p in _REGIONS.items() if k.startswith(key)}
        if len(matches) == 1:
            return matches.pop()
    return None


def place_by_code(code: str) -> Place:
    """The place with this code (KeyError if unknown)."""
    return _BY_CODE[code]
