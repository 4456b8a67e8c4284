"""The gazetteer: every spelling of a place resolves to one code; regions stay regions."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tizim.core.places import GAZETTEER, Place, fold_place, place_by_code

SPELLINGS: dict[str, tuple[str, ...]] = {
    "almaty": (
        "Алматы",
        "Almaty",
        "АЛМАТЫ",
        "г. Алматы",
        "г.Алматы",
        "гор. Алматы",
        "город Алматы",
        "Алматы қ.",
        "Алматы қаласы",
        "қ. Алматы",
        "Almaty city",
        "city of Almaty",
        "«Алматы»",
        '"Almaty"',
        "Alma-Ata",
        "Alma Ata",
        "Алма-Ата",
        "Almaaty",
        "Алматы, Бостандыкский район",
        "г. Алматы, ул. Абая 1",
        "Алматы (Медеуский р-н)",
        "Алматы, Алматинская обл.",
    ),
    "almaty-region": (
        "Алматинская область",
        "Алматинская обл.",
        "Алматинская обл",
        "Алматинская",
        "Алматы облысы",
        "Almaty region",
        "Almaty Region",
        "Almaty oblast",
        "Almaty oblysy",
        "Алм. обл.",
    ),
    "astana": (
        "Астана",
        "Astana",
        "Нур-Султан",
        "Nur-Sultan",
        "Нұр-Сұлтан",
        "Нурсултан",
        "г. Нур-Султан",
        "Akmola",
        "Акмола",
        "Tselinograd",
        "Целиноград",
    ),
    "akmola-region": ("Акмолинская область", "Akmola region", "Ақмола облысы", "Акмолинская"),
    "shymkent": ("Шымкент", "Shymkent", "Şymkent", "Chimkent", "Чимкент", "Шымкент қ."),
    "aktobe": ("Актобе", "Aktobe", "Ақтөбе", "Aqtöbe", "Aktyubinsk", "Актюбинск"),
    "oral": ("Уральск", "Uralsk", "Oral", "Орал"),
    "oskemen": ("Усть-Каменогорск", "Ust-Kamenogorsk", "Ust Kamenogorsk", "Өскемен", "Öskemen"),
    "semey": ("Семей", "Semey", "Semei", "Семипалатинск", "Semipalatinsk"),
    "kyzylorda": ("Кызылорда", "Қызылорда", "Qyzylorda", "Kzyl-Orda", "Кзыл-Орда"),
    "taraz": ("Тараз", "Taraz", "Джамбул", "Dzhambul", "Жамбыл", "Zhambyl", "Аулие-Ата"),
    "atyrau": ("Атырау", "Atyrau", "Гурьев", "Guryev"),
    "aktau": ("Актау", "Ақтау", "Aktau", "Aqtau", "Шевченко", "Shevchenko"),
    "zhanaozen": (
        "Жанаозен",
        "Жаңаөзен",
        "Zhanaozen",
        "Zhangaozen",
        "Janaozen",
        "Jañaözen",
        "Новый Узень",
        "Novy Uzen",
        "г. Жанаозен",
        "Zhanaozen town",
    ),
    "petropavl": ("Петропавловск", "Petropavlovsk", "Петропавл", "Petropavl"),
    "kostanay": ("Костанай", "Kostanay", "Kostanai", "Qostanai", "Кустанай", "Kustanai"),
    "karaganda": ("Караганда", "Karaganda", "Қарағанды", "Qaragandy", "Qarağandy", "Karagandy"),
    "kokshetau": ("Кокшетау", "Көкшетау", "Kokshetau", "Kökşetau", "Кокчетав", "Kokchetav"),
    "konaev": ("Конаев", "Қонаев", "Konaev", "Kunaev", "Капчагай", "Kapchagay", "Qapshagay"),
    "taldykorgan": ("Талдыкорган", "Taldykorgan", "Талды-Курган", "Taldy-Kurgan"),
    "zhezkazgan": ("Жезказган", "Zhezkazgan", "Джезказган", "Dzhezkazgan", "Jezkazgan"),
    "ridder": ("Риддер", "Ridder", "Лениногорск", "Leninogorsk"),
    "turkistan": ("Туркестан", "Түркістан", "Turkistan", "Turkestan", "Türkıstan"),
    "kaskelen": ("Каскелен", "Қаскелең", "Kaskelen", "Qaskeleñ"),
    "talgar": ("Талгар", "Talgar", "Талғар"),
    "satbayev": ("Сатпаев", "Satbayev", "Satpayev", "Satpaev"),
    "fort-shevchenko": ("Форт-Шевченко", "Fort-Shevchenko"),
    "east-kazakhstan-region": ("ВКО", "Восточно-Казахстанская обл.", "East Kazakhstan region"),
    "west-kazakhstan-region": ("ЗКО", "Западно-Казахстанская область", "Уральская область"),
    "north-kazakhstan-region": ("СКО", "Северо-Казахстанская область"),
    "turkistan-region": ("ЮКО", "Туркестанская обл.", "Turkistan region", "Чимкентская область"),
    "mangystau-region": (
        "Мангистауская область",
        "Маңғыстау облысы",
        "Mangystau region",
        "Mangistau region",
        "Мангышлакская область",
    ),
    "kostanay-region": ("Костанайская область", "Кустанайская область", "Qostanai oblysy"),
    "karaganda-region": ("Карагандинская обл", "Karaganda oblast", "Qarağandy oblysy"),
    "atyrau-region": ("Атырауская область", "Гурьевская область"),
    "jambyl-region": ("Жамбылская область", "Zhambyl region", "Джамбулская обл."),
    "abai-region": ("Абайская область", "Abai region", "Семипалатинская область"),
    "jetisu-region": ("Жетысуская область", "Zhetysu region", "Талдыкорганская область"),
    "ulytau-region": ("Улытауская область", "Ulytau region", "Жезказганская область"),
    "kyzylorda-region": ("Кызылординская область", "Кзыл-Ординская область"),
}


@pytest.mark.parametrize(
    ("text", "code"), [(text, code) for code, texts in SPELLINGS.items() for text in texts]
)
def test_spellings_resolve_to_one_place(text, code):
    place = fold_place(text)
    assert place is not None and place.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Алматинская обл., г. Талгар", "talgar"),
        ("Талгар, Алматинская обл.", "talgar"),
        ("Almaty region, Talgar", "talgar"),
        ("Мангистауская область, г. Жанаозен", "zhanaozen"),
        ("Алматинская обл., Талгарский район", "almaty-region"),
        ("Жанаозен / Актау", "zhanaozen"),
    ],
)
def test_a_town_is_more_specific_than_its_region(text, code):
    place = fold_place(text)
    assert place is not None and place.code == code


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "неизвестно",
        "Moscow",
        "Бишкек",
        "Казахстан",
        "Kazakhstan",
        "г.",
        "город",
        "обл.",
        "region",
        "oblast",
        "А обл.",
        "ская область",
        "Astana region",  # no such region: not the city either
        "с. Шамалган",  # a village not in the gazetteer
    ],
)
def test_unknown_places_are_none(text):
    assert fold_place(text) is None


def test_a_region_is_never_its_city():
    for place in GAZETTEER:
        if place.kind != "region":
            continue
        city_named = place.name_en.removesuffix(" Region")
        for text in (f"{city_named} region", f"{city_named} oblast", place.name_ru, place.name_kk):
            assert fold_place(text) == place, text


def test_the_regions_of_2022_2023():
    regions = [p for p in GAZETTEER if p.kind == "region"]
    assert len(regions) == 17  # 14 oblasts + Abai, Jetisu, Ulytau (June 2022)
    assert {"abai-region", "jetisu-region", "ulytau-region"} <= {p.code for p in regions}
    assert all(p.region is None for p in regions)


def test_cities_of_republican_significance_lie_in_no_region():
    for code in ("almaty", "astana", "shymkent"):
        place = place_by_code(code)
        assert place.kind == "city" and place.region is None


def test_towns_the_lists_name_are_all_there():
    towns = [
        "kokshetau",
        "aktobe",
        "konaev",
        "atyrau",
        "oskemen",
        "semey",
        "taldykorgan",
        "taraz",
        "karaganda",
        "zhezkazgan",
        "kostanay",
        "kyzylorda",
        "aktau",
        "petropavl",
        "pavlodar",
        "turkistan",
        "oral",
        "zhanaozen",
        "temirtau",
        "ekibastuz",
        "balkhash",
        "rudny",
        "satbayev",
        "stepnogorsk",
        "esik",
        "talgar",
        "kaskelen",
        "kentau",
        "zharkent",
        "ayagoz",
        "ridder",
        "arkalyk",
        "lisakovsk",
        "shchuchinsk",
        "beyneu",
        "kulsary",
        "khromtau",
        "zhetisay",
        "saryagash",
        "tekeli",
    ]
    for code in towns:
        assert place_by_code(code).kind == "city"
    assert sum(p.kind == "city" for p in GAZETTEER) >= 45


def test_every_place_is_well_formed_and_every_name_resolves_to_it():
    codes = {p.code for p in GAZETTEER}
    assert len(codes) == len(GAZETTEER)
    for place in GAZETTEER:
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", place.code)
        assert place.kind in ("region", "city")
        assert place.name_en and place.name_ru and place.name_kk
        assert place.region is None or place_by_code(place.region).kind == "region"
        for name in (place.name_en, place.name_ru, place.name_kk, *place.aliases):
            assert fold_place(name) == place, name


def test_place_by_code():
    assert place_by_code("zhanaozen").name_ru == "Жанаозен"
    assert place_by_code("zhanaozen").region == "mangystau-region"
    with pytest.raises(KeyError):
        place_by_code("moscow")


def test_places_are_frozen():
    with pytest.raises(AttributeError):
        place_by_code("almaty").code = "x"  # type: ignore[misc]
    assert isinstance(place_by_code("almaty"), Place)


@given(st.text(max_size=60))
def test_never_raises(text):
    assert fold_place(text) is None or fold_place(text) in GAZETTEER


@given(st.sampled_from(GAZETTEER), st.sampled_from(["г. {}", "{} қаласы", "«{}»", " {} "]))
def test_wrapping_a_city_name_keeps_the_city(place, form):
    if place.kind == "city":
        assert fold_place(form.format(place.name_ru)) == place
