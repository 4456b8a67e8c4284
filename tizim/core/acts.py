"""Acts of violence — "who did what to whom" — as testimony and lists describe them in kk/ru/en.

An act links a victim to what was done (``ActType``), by whom (``UnitKind``), where
(``FacilityKind``) and when (``PartialDateTime``). This module holds the three controlled
vocabularies, the parsers that find their terms in free text, and partial date-times.

The standard
------------
Act types follow the *act* notion of the HURIDOCS Events Standard Formats (an event is made
of acts, each with one victim and one perpetrator) and take their definitions from the
instruments the UN bodies apply to them, so that a record reads the same to a lawyer in
Almaty and to a UN rapporteur:

- killing: arbitrary deprivation of life, ICCPR art. 6, Minnesota Protocol (2016);
- torture and ill-treatment: UN Convention against Torture (CAT) arts. 1 and 16; the
  *methods* under it are those the Istanbul Protocol (2022 edition, ch. V) lists;
- arbitrary arrest and detention: ICCPR art. 9, the categories of the UN Working Group on
  Arbitrary Detention; incommunicado and secret detention: the UN joint study A/HRC/13/42;
- enforced disappearance: International Convention for the Protection of All Persons from
  Enforced Disappearance (ICPPED) art. 2;
- denial of counsel: UN Basic Principles on the Role of Lawyers 1, 7, 8; denial of medical
  care: Body of Principles for the Protection of All Persons under Any Form of Detention
  (1988) 24, Nelson Mandela Rules 24–35;
- forced confession: ICCPR art. 14(3)(g), CAT art. 15;
- home raid: ICCPR art. 17 (arbitrary interference with the home).

"Removal from hospital" is not a term of any standard: it names the pattern reported in
January 2022 of police raiding wards for wounded protesters and taking patients to custody.

Codes are stable strings stored in the database. A method of torture is coded under its
parent with a dot (``torture.beating``), so a count of "torture" includes its methods.

The parsers are deliberately simple (phrase lists matched on folded text, with cheap
negation handling): they propose codes for a person to confirm, never decide alone.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Literal

from tizim.core.dates import _month, parse_date
from tizim.core.errors import ParseError

LANGUAGES: tuple[str, ...] = ("kk", "ru", "en")


@dataclass(frozen=True)
class Term:
    """One entry of a vocabulary: its labels, definition and the phrases that name it.

    ``synonyms`` are phrases in kk/ru/en matched on folded text: words are separated by
    spaces, ``*`` ends a word with any inflection (``избива*``), ``a|b`` offers alternatives
    for one word, a trailing ``?`` makes a word optional and ``...`` skips up to three words.
    ``denied_objects`` name something a person can be refused (a lawyer, a doctor); they count
    only when the same clause says it was refused ("не пускали адвоката", "no medical care").
    """

    code: str
    label_kk: str
    label_ru: str
    label_en: str
    definition: str
    synonyms: tuple[str, ...] = ()
    denied_objects: tuple[str, ...] = ()

    def label(self, language: str = "en") -> str:
        """The label in ``language`` ("kk", "ru" or "en")."""
        if language == "kk":
            return self.label_kk
        if language == "ru":
            return self.label_ru
        if language == "en":
            return self.label_en
        raise ValueError(f"no labels in language {language!r}: use one of {', '.join(LANGUAGES)}")


# --- act types -------------------------------------------------------------------------------


class ActType(StrEnum):
    """What was done to a person. Values are stable codes; a dot marks a method of its parent."""

    KILLING = "killing"
    SHOOTING = "shooting"
    DETENTION = "detention"
    ARBITRARY_ARREST = "arbitrary_arrest"
    INCOMMUNICADO_DETENTION = "incommunicado_detention"
    ENFORCED_DISAPPEARANCE = "enforced_disappearance"
    TORTURE = "torture"
    TORTURE_BEATING = "torture.beating"
    TORTURE_ELECTRIC_SHOCK = "torture.electric_shock"
    TORTURE_SUFFOCATION = "torture.suffocation"
    TORTURE_SEXUAL_VIOLENCE = "torture.sexual_violence"
    TORTURE_STRESS_POSITION = "torture.stress_position"
    TORTURE_BURNING = "torture.burning"
    TORTURE_DEPRIVATION = "torture.deprivation"
    THREATS = "threats"
    FORCED_CONFESSION = "forced_confession"
    DENIAL_OF_COUNSEL = "denial_of_counsel"
    DENIAL_OF_MEDICAL_CARE = "denial_of_medical_care"
    REMOVAL_FROM_HOSPITAL = "removal_from_hospital"
    HOME_RAID = "home_raid"
    OTHER = "other"

    @property
    def parent(self) -> ActType | None:
        """The broader act this one is a method of (``torture`` for ``torture.beating``)."""
        head, dot, _ = self.value.rpartition(".")
        return ActType(head) if dot else None

    @property
    def term(self) -> Term:
        return ACT_TERMS[self]

    def label(self, language: str = "en") -> str:
        return ACT_TERMS[self].label(language)


_ACT_TERMS: tuple[Term, ...] = (
    Term(
        "killing",
        "кісі өлтіру",
        "убийство",
        "killing",
        "A person killed by state agents or with their consent: arbitrary deprivation of life "
        "(ICCPR art. 6), including deaths from beating or shooting and deaths in custody.",
        (
            "убит|убита|убито|убиты|убитых|убитого|убитой|убитым",
            "убил|убила|убили",
            "убийств*",
            "застрел*",
            "расстрел*",
            "погиб*",
            "лишил* жизни",
            "забил* до смерти|насмерть",
            "смертельн* ранени*|ранен*",
            "killed",
            "killing|killings",
            "murder*",
            "shot dead",
            "shot and killed",
            "beaten to death",
            "executed",
            "extrajudicial* executed|execution*|killing*",
            "өлтірді|өлтірілді|өлтірілген*|өлтірген*|өлтіріп",
            "атып өлтірді|өлтірілді|өлтірілген*|өлтірген*",
            "қаза тапты|тапқан*",
            "мерт болды|болған*",
        ),
    ),
    Term(
        "shooting",
        "атыс және оқ жарақаты",
        "стрельба и огнестрельные ранения",
        "shooting or gunshot injury",
        "Firearms or other weapons used against a person, wounding them or putting their life "
        "at risk without killing them (ICCPR art. 6; UN Basic Principles on the Use of Force "
        "and Firearms).",
        (
            "ранен*",
            "огнестрел*",
            "пулев*",
            "подстрел*",
            "стрелял*",
            "стрельб*",
            "обстрел*",
            "открыл* огонь|стрельбу",
            "резинов* пул*",
            "shot",
            "shooting|shootings",
            "gunshot*",
            "gunfire",
            "opened fire",
            "fired on|at|into",
            "wounded",
            "bullet*",
            "rubber bullet*",
            "атып жаралады|жаралаған*",
            "жараланды|жараланған*",
            "оқ тиді|тиген*",
            "оқ атты|атқан*",
            "оқ жарақат*",
            "атыс*",
        ),
    ),
    Term(
        "detention",
        "ұстау немесе қамауға алу",
        "задержание или арест",
        "arrest or detention",
        "Deprivation of liberty by state agents, stated without a judgement on its lawfulness "
        "(ICCPR art. 9); see arbitrary_arrest when the source says it was unlawful.",
        (
            "задержан*",
            "задержал*",
            "арестова*",
            "арест|ареста|арестом",
            "взят* под стражу",
            "под стражей",
            "доставлен* в отдел|полицию|ивс|сизо",
            "detained",
            "detention",
            "arrested",
            "arrest",
            "taken into custody",
            "in custody",
            "rounded up",
            "ұсталды|ұстады|ұсталған*",
            "ұстап алды|әкетті",
            "қамауға алынды|алынған*|алды",
            "қамалды|қамалған*",
            "тұтқындалды|тұтқындалған*",
            "қамауда",
        ),
    ),
    Term(
        "arbitrary_arrest",
        "негізсіз ұстау немесе қамауға алу",
        "произвольное задержание или арест",
        "arbitrary arrest or detention",
        "Deprivation of liberty without legal basis or due process: no charge, no reason or "
        "warrant, or for peaceful protest or speech (ICCPR art. 9; UN Working Group on "
        "Arbitrary Detention, categories I–III).",
        (
            "произвольн* задержан*|задержал*|арест*",
            "незаконн* задержан*|задержал*|арест*",
            "необоснованн* задержан*|арест*",
            "беспричинн* задержан*|задержал*|арест*",
            "беспричинн*",
            "без предъявления обвинения",
            "без объяснения причин",
            "без оснований|основания",
            "ни за что",
            "arbitrar* arrest*|detain*|detention",
            "arbitrarily",
            "unlawful* arrest*|detain*|detention",
            "held|detained|kept without charge*",
            "without charge*",
            "without a? warrant",
            "заңсыз ұсталды|ұстады|ұсталған*|ұстау*|қамау*",
            "негізсіз ұсталды|ұстады|ұсталған*|ұстау*|қамау*",
            "айып тағылмай",
        ),
    ),
    Term(
        "incommunicado_detention",
        "байланыссыз немесе жасырын ұстау",
        "содержание инкоммуникадо или тайное содержание под стражей",
        "incommunicado or secret detention",
        "Held without contact with family or lawyer, or in an unacknowledged place, with "
        "relatives not told where (UN joint study on secret detention, A/HRC/13/42).",
        (
            "без связи с родн*|родственник*|семь*|внешним|близкими",
            "инкоммуникадо",
            "тайн* содержани*|содержал*|задержан*|мест*",
            "секретн* тюрьм*|мест*|изолятор*",
            "родственникам|родным|семье не сообщ*",
            "не сообщ* родственникам|родным|семье",
            "не давали позвонить",
            "incommunicado",
            "secret detention|prison*|location*|place*",
            "unacknowledged detention",
            "not allowed to call|contact|phone",
            "no contact with ... family|relatives|outside",
            "family|relatives not informed|told",
            "туыстарына|туысқандарына хабарламады|хабарланбады",
            "жасырын ұсталды|ұстады|ұсталған*|ұстау*",
            "байланыссыз",
        ),
    ),
    Term(
        "enforced_disappearance",
        "күштеп жоғалту",
        "насильственное исчезновение",
        "enforced disappearance",
        "Arrest, detention or abduction by state agents followed by a refusal to acknowledge "
        "it or to say what became of the person or where they are, placing them outside the "
        "protection of the law (ICPPED art. 2).",
        (
            "насильственн* исчезновени*|исчез*",
            "увез*|увел*|забрал* в неизвестном направлении",
            "исчез* после задержани*|ареста",
            "отрица* ... задержани*",
            "enforced disappearance*",
            "forcibly disappeared",
            "disappeared after ... arrest|detention|detained",
            "taken away to an? unknown",
            "күштеп жоғалт*",
            "белгісіз бағытқа|бағытта алып кетті|әкетті",
        ),
    ),
    Term(
        "torture",
        "азаптау немесе қатыгездік",
        "пытки или жестокое обращение",
        "torture or ill-treatment",
        "Severe pain or suffering, physical or mental, intentionally inflicted by or with the "
        "consent of a public official to obtain a confession or information, to punish, "
        "intimidate or coerce, or for discrimination (CAT art. 1); other cruel, inhuman or "
        "degrading treatment (CAT art. 16). Use a method below when the source names one.",
        (
            "пытк*",
            "пытал*",
            "пытать",
            "истязал*",
            "истязани*",
            "жесток* обращени*",
            "издевал*",
            "издевательств*",
            "изуродова*",
            "tortur*",
            "ill-treat*",
            "mistreat*",
            "mutilat*",
            "cruel* treatment",
            "азаптады|азаптаған*|азаптау*|азаптап|азапталды|азапталған*",
            "қинады|қинаған*|қинау*|қинап",
            "қатыгездік*",
        ),
    ),
    Term(
        "torture.beating",
        "ұрып-соғу",
        "избиение",
        "beating",
        "Blunt trauma from fists, feet, batons, rifle butts or other objects, including blows "
        "that broke bones (Istanbul Protocol, 'beatings and other forms of blunt trauma').",
        (
            "избил*|избив*|избит*|избиени*",
            "бил|била|били|бьют|бьет|бить",
            "побил*|побои|побоев|побоями",
            "ударил*|удары|ударами|ударов",
            "пинал*",
            "дубинк*",
            "приклад*",
            "сломал* ... ребр*|руку|ногу|нос|челюсть",
            "сломан* ребр*|рук*|ног*|нос|челюсть",
            "перелом* ребер|ребра|руки|ноги|носа|челюсти",
            "синяк*",
            "гематом*",
            "beat|beats|beaten|beating|beatings",
            "beat* up",
            "kicked|kicking",
            "punched|punching",
            "clubbed",
            "hit with",
            "baton|batons",
            "truncheon*",
            "rifle butt*",
            "stick|sticks",
            "bruise|bruises|bruised",
            "broken ribs|arm|hand|leg|jaw|nose",
            "broke ... ribs|arm|hand|leg|jaw|nose",
            "ribs|arm|hand|leg|jaw|nose was|were broken",
            "jumped on",
            "ұрып-соқты|соққан*|соғып|соғу*",
            "ұрды|ұрған*|ұрып",
            "соққыға жықты|жыққан*",
            "соққы*",
            "тепкіледі|тепкілеген*|тепкілеп",
            "таяқпен",
        ),
    ),
    Term(
        "torture.electric_shock",
        "электр тогымен азаптау",
        "пытка электрическим током",
        "electric shock",
        "Electric current applied to the body by wires, stun guns or electroshock batons "
        "(Istanbul Protocol, 'electric shock torture').",
        (
            "током",
            "электротоком",
            "электрическ* ток*",
            "электрошок*",
            "шокер*",
            "electric shock*",
            "electroshock*",
            "electrocut*",
            "taser*",
            "stun gun*",
            "токпен",
            "тогымен",
            "электр тог*",
        ),
    ),
    Term(
        "torture.suffocation",
        "тұншықтыру",
        "удушение",
        "suffocation",
        "Asphyxiation: a bag or gas mask over the head, choking, strangling or submersion "
        "(Istanbul Protocol, 'asphyxiation').",
        (
            "душил*",
            "удуш*",
            "пакет* на голов*",
            "надевал*|надели пакет*|противогаз*",
            "противогаз*",
            "suffocat*",
            "asphyxia*",
            "plastic bag*",
            "bag|bags over ... head|heads",
            "chok*",
            "strangl*",
            "gas mask*",
            "тұншықтырды|тұншықтырған*|тұншықтырып|тұншықтыру*",
            "басына пакет*",
        ),
    ),
    Term(
        "torture.sexual_violence",
        "жыныстық зорлық-зомбылық",
        "сексуальное насилие",
        "sexual violence",
        "Rape, sexual assault, forced nudity and violence to the genitals (Istanbul Protocol, "
        "'sexual torture, including violence to genitals').",
        (
            "изнасил*",
            "сексуальн* насили*",
            "половы* орган*",
            "генитали*",
            "раздел* догола",
            "rape|raped|rapes",
            "sexual* assault*|violence|abuse*|torture",
            "genital*",
            "stripped naked",
            "зорлады|зорлаған*|зорлау*|зорланды|зорланған*",
            "жыныстық зорлық*",
            "жыныс мүше*",
        ),
    ),
    Term(
        "torture.stress_position",
        "азапты қалыпта ұстау",
        "мучительные позы",
        "stress positions",
        "Forced to hold painful positions for long periods: kneeling, standing, hanging, the "
        "'swallow' (Istanbul Protocol, 'positional torture').",
        (
            "ласточк*",
            "на коленях|колени",
            "stress position*",
            "forced to kneel|stand",
            "kneel*",
            "тізерлетіп|тізерлетті|тізерлеткен*",
        ),
    ),
    Term(
        "torture.burning",
        "күйдіру",
        "ожоги",
        "burning",
        "Burns from irons, cigarettes, heated objects or chemicals (Istanbul Protocol, 'burns').",
        (
            "утюг*",
            "прижига*|прижгли|прижег*",
            "hot iron",
            "with an? iron",
            "burned|burnt with",
            "cigarette burn*",
            "үтік*",
            "күйдірді|күйдірген*|күйдіріп|күйдірілді",
        ),
    ),
    Term(
        "torture.deprivation",
        "ұйқыдан, тамақтан немесе судан айыру",
        "лишение сна, еды или воды",
        "deprivation of sleep, food or water",
        "Sleep, food, water or toilet withheld as a means of pressure (Istanbul Protocol, "
        "'conditions of detention' and 'deprivation of normal sensory stimulation').",
        (
            "не давали спать|есть|пить|воды|еды",
            "лиш* сна|еды|воды|пищи",
            "без еды|воды|сна",
            "sleep deprivation",
            "deprived of sleep|food|water",
            "no food|water",
            "ұйықтатпады|ұйықтатпай",
            "тамақ|су бермеді|берілмеді",
        ),
    ),
    Term(
        "threats",
        "қорқыту және қоқан-лоқы",
        "угрозы и запугивание",
        "threats and intimidation",
        "Threats of death, violence or prosecution against the person or their family, and "
        "intimidation of victims, families and witnesses (CAT art. 1, 'mental suffering'; "
        "Istanbul Protocol, psychological methods).",
        (
            "угрож*",
            "угроз*",
            "пригрози*",
            "запуга*",
            "запугив*",
            "убьем|убьют",
            "не выйдешь живым",
            "живым не выйдешь",
            "threat*",
            "intimidat*",
            "will|'ll|would kill",
            "never come|get out alive",
            "қорқытты|қорқытқан*|қорқыту*|қорқытып",
            "қоқан-лоқы*",
            "өлтіреміз",
        ),
    ),
    Term(
        "forced_confession",
        "мойындауға мәжбүрлеу",
        "принуждение к признанию",
        "forced confession",
        "Compelling a person to confess or testify against themselves, including staged video "
        "'confessions' (ICCPR art. 14(3)(g); CAT art. 15).",
        (
            "выбива* показани*|признани*",
            "выбить|выбили ... показани*|признани*",
            "заставил*|заставляли признат*|признаться|подписать|оговорить",
            "принужд* к признани*|даче",
            "признательн* показани*",
            "видеопризнани*",
            "под давлением призна*",
            "forc* confession*",
            "forced|coerced to confess|sign",
            "false confession*",
            "coerced confession*|testimony",
            "confession video*",
            "video confession*",
            "мойындатты|мойындатқан*|мойындату*|мойындатып",
            "мойындауға мәжбүрле*",
            "жалған мойында*",
        ),
    ),
    Term(
        "denial_of_counsel",
        "адвокатқа жол бермеу",
        "недопуск адвоката",
        "denial of a lawyer",
        "No access to a lawyer of one's choosing, or access delayed or replaced by a "
        "state-appointed one (UN Basic Principles on the Role of Lawyers 1, 7, 8; Body of "
        "Principles 17–18).",
        ("адвокатсыз", "without a? lawyer|counsel|attorney"),
        (
            "адвокат*",
            "защитник*",
            "lawyer|lawyers",
            "attorney*",
            "counsel",
            "legal aid|assistance|representation",
            "қорғаушы*",
        ),
    ),
    Term(
        "denial_of_medical_care",
        "медициналық көмек көрсетпеу",
        "отказ в медицинской помощи",
        "denial of medical care",
        "An injured or ill person in custody denied medical examination or treatment (Body of "
        "Principles 24; Nelson Mandela Rules 24–35).",
        ("without medical care|help|attention|assistance|treatment",),
        (
            "медицинск* помощ*",
            "медпомощ*",
            "врач|врача|врачей|врачу",
            "лечени*",
            "medical care|help|attention|assistance|treatment",
            "doctor|doctors",
            "медициналық көмек*",
            "дәрігер*",
        ),
    ),
    Term(
        "removal_from_hospital",
        "ауруханадан алып кету",
        "вывоз из больницы",
        "removal from hospital",
        "Patients taken from hospital into custody, or wards searched for people wounded in "
        "the protests (not a standard term; a pattern reported in January 2022).",
        (
            "забрал*|забира*|вывез*|вывоз*|увез*|увоз*|увел* из|с больниц*|госпитал*",
            "забрал*|забира*|вывез*|вывоз*|увез*|увоз*|увел* из|с реанимаци*|больничн*",
            "из больниц* ... забрал*|увез*|вывез*|увел*",
            "рейд* по|в больниц*",
            "обход* палат*",
            "taken|removed|dragged|snatched from ... hospital*",
            "hospital beds? to",
            "raided ... hospital*",
            "every ward",
            "ауруханадан алып кетті|әкетті",
        ),
    ),
    Term(
        "home_raid",
        "үйге басып кіру немесе тінту",
        "вторжение в жилище или обыск",
        "home raid or search",
        "Forced entry into or search of a home (ICCPR art. 17, arbitrary interference with the "
        "home).",
        (
            "ворвал* в квартиру|дом|жилье",
            "вломил*",
            "обыск*",
            "stormed in|into",
            "raided|searched ... apartment|house|home|flat",
            "house search*",
            "үйіне басып кірді|кірген*",
            "тінтті|тінту*|тінтілді",
        ),
    ),
    Term(
        "other",
        "басқа әрекет",
        "другое действие",
        "other act",
        "An act none of the codes above describes; say what in the notes.",
    ),
)
ACT_TERMS: dict[ActType, Term] = {ActType(t.code): t for t in _ACT_TERMS}
ACT_TYPES: tuple[tuple[str, str], ...] = tuple((t.code, t.label_en) for t in _ACT_TERMS)


# --- perpetrator units -----------------------------------------------------------------------


class UnitKind(StrEnum):
    """Which kind of force did it. Values are stable codes stored in the database."""

    POLICE = "police"
    SPECIAL_POLICE = "special_police"
    NATIONAL_GUARD = "national_guard"
    KNB = "knb"
    ARMY = "army"
    CSTO = "csto"
    UNKNOWN = "unknown"
    OTHER = "other"

    def label(self, language: str = "en") -> str:
        return UNIT_TERMS[self].label(language)


_UNIT_TERMS: tuple[Term, ...] = (
    Term(
        "police",
        "полиция",
        "полиция",
        "police",
        "The police of the Interior Ministry (МВД / ІІМ), its departments and stations.",
        (
            "полици*",
            "полицей*",
            "милици*",
            "дп|пд|уп|оп|ровд|рувд|увд|гувд|овд|двд|мвд|иим|иид",
            "министерств* внутренних дел",
            "патрульн*",
            "участков*",
            "police",
            "policem*",
            "policewom*",
            "cops",
            "interior ministry",
            "ministry of internal|interior affairs",
            "ішкі істер",
        ),
    ),
    Term(
        "special_police",
        "полицияның арнайы бөлімшелері (СОБР, ОМОН)",
        "спецподразделения полиции (СОБР, ОМОН)",
        "special police units (SOBR, OMON)",
        "Special-purpose police units: OMON (riot police), SOBR (rapid response), Sunkar.",
        (
            "омон*",
            "собр*",
            "спецназ*",
            "спецподразделени*",
            "специальн* отряд*|подразделени*",
            "сункар",
            "riot police",
            "special police*",
            "special forces",
            "omon",
            "sobr",
            "spetsnaz",
            "арнайы жасақ*|бөлімше*|мақсаттағы",
        ),
    ),
    Term(
        "national_guard",
        "Ұлттық ұлан",
        "Национальная гвардия",
        "National Guard",
        "The National Guard of Kazakhstan (formerly the Internal Troops).",
        (
            "национальн* гварди*",
            "нацгвард*",
            "гвардеец|гвардейц*",
            "внутренн* войск*",
            "national guard*",
            "guardsm*",
            "ұлттық ұлан*",
        ),
    ),
    Term(
        "knb",
        "Ұлттық қауіпсіздік комитеті (ҰҚК)",
        "Комитет национальной безопасности (КНБ)",
        "National Security Committee (KNB)",
        "The National Security Committee (KNB / ҰҚК), including its special units.",
        (
            "кнб|дкнб|укк",
            "комитет* национальн* безопасност*",
            "спецслужб*",
            "knb",
            "national security committee",
            "security services",
            "ұлттық қауіпсіздік комитет*",
        ),
    ),
    Term(
        "army",
        "Қарулы Күштер (армия)",
        "армия (Вооружённые силы)",
        "armed forces (army)",
        "The Armed Forces of Kazakhstan under the Ministry of Defence.",
        (
            "арми*",
            "армейск*",
            "военн*",
            "военнослужащ*",
            "солдат*",
            "министерств* обороны",
            "минобороны",
            "вооруженн* сил*",
            "army",
            "soldier*",
            "troops",
            "military",
            "armed forces",
            "servicem*",
            "ministry of defen*",
            "әскер*",
            "сарбаз*",
            "қарулы күштер*",
            "қорғаныс министрлігі*",
        ),
    ),
    Term(
        "csto",
        "ҰҚШҰ әскерлері",
        "войска ОДКБ",
        "CSTO foreign troops",
        "Troops of the Collective Security Treaty Organisation sent in January 2022.",
        (
            "одкб",
            "укшу",
            "организаци* договора о коллективной безопасности",
            "миротворц*",
            "российск* военн*|десантник*|войск*|солдат*",
            "csto",
            "collective security treaty",
            "peacekeep*",
            "russian troops|soldiers|paratroopers|military",
            "russian-led",
            "ұжымдық қауіпсіздік туралы шарт ұйымы*",
            "бітімгер*",
        ),
    ),
    Term(
        "unknown",
        "анықталмаған",
        "не установлены",
        "unidentified",
        "Perpetrators the source could not identify (masked, no insignia).",
        (
            "неизвестн*",
            "неустановленн*",
            "в масках",
            "без опознавательных знаков",
            "люди в ... форме",
            "unknown",
            "unidentified",
            "masked",
            "men in ... uniform*",
            "uniformed men",
            "armed men",
            "men with guns",
            "белгісіз",
            "бетперде*",
        ),
    ),
    Term(
        "other",
        "басқа",
        "другие",
        "other",
        "Another state body (prosecutors, penitentiary staff) or people acting for the state.",
        (
            "прокурор*",
            "прокуратур*",
            "конвой*",
            "prosecutor*",
            "prison guard*",
            "warders",
            "прокуратура*",
        ),
    ),
)
UNIT_TERMS: dict[UnitKind, Term] = {UnitKind(t.code): t for t in _UNIT_TERMS}
UNIT_KINDS: tuple[tuple[str, str], ...] = tuple((t.code, t.label_en) for t in _UNIT_TERMS)
# When a text names several forces ("ОМОН ДП", "военнослужащие Нацгвардии"), the most specific
# one is the perpetrator: the unit before the ministry it belongs to.
_UNIT_PRIORITY: tuple[UnitKind, ...] = (
    UnitKind.CSTO,
    UnitKind.SPECIAL_POLICE,
    UnitKind.NATIONAL_GUARD,
    UnitKind.KNB,
    UnitKind.ARMY,
    UnitKind.POLICE,
    UnitKind.OTHER,
    UnitKind.UNKNOWN,
)


# --- facility kinds --------------------------------------------------------------------------


class FacilityKind(StrEnum):
    """Which kind of place an act happened in. Values are stable codes stored in the database."""

    POLICE_STATION = "police_station"
    TEMPORARY_DETENTION = "temporary_detention"
    PRETRIAL_DETENTION = "pretrial_detention"
    SPECIAL_RECEPTION = "special_reception"
    INTERIOR_MINISTRY = "interior_ministry"
    KNB_BUILDING = "knb_building"
    HOSPITAL = "hospital"
    MORGUE = "morgue"
    OTHER = "other"

    def label(self, language: str = "en") -> str:
        return FACILITY_TERMS[self].label(language)


_FACILITY_TERMS: tuple[Term, ...] = (
    Term(
        "police_station",
        "полиция бөлімі",
        "отдел полиции",
        "police station",
        "A district police station or department (ОП, УП, РОВД).",
        (
            "отдел* полиции",
            "отделени* полиции",
            "управлени* полиции",
            "оп|уп|ровд|рувд|овд",
            "полицейск* участ*",
            "пункт* полиции",
            "police station*",
            "police precinct*",
            "district police",
            "полиция бөлім*|басқарма*",
            "учаске*",
        ),
    ),
    Term(
        "temporary_detention",
        "уақытша ұстау изоляторы (УҰИ)",
        "изолятор временного содержания (ИВС)",
        "temporary detention centre (IVS)",
        "The police's temporary holding cells (ИВС / УҰИ), for up to 72 hours before a court.",
        (
            "ивс",
            "изолятор* временного содержания",
            "temporary detention|holding",
            "ivs",
            "уақытша ұстау изолятор*",
            "уұи",
        ),
    ),
    Term(
        "pretrial_detention",
        "тергеу изоляторы (ТИ)",
        "следственный изолятор (СИЗО)",
        "pre-trial detention centre (SIZO)",
        "A pre-trial prison (СИЗО / тергеу изоляторы), where the remanded are held.",
        (
            "сизо",
            "следственн* изолятор*",
            "pre-trial|pretrial detention cent*|facility|prison",
            "remand prison|centre|center",
            "sizo",
            "тергеу изолятор*",
        ),
    ),
    Term(
        "special_reception",
        "арнаулы қабылдау орны",
        "спецприёмник",
        "special reception centre",
        "Where those under administrative arrest (up to 15 days) are held.",
        (
            "спецприемник*",
            "специальн* приемник*",
            "special reception cent*",
            "арнайы|арнаулы қабылдау орн*",
        ),
    ),
    Term(
        "interior_ministry",
        "ІІМ / полиция департаментінің ғимараты",
        "здание МВД / департамента полиции",
        "Interior Ministry or police department building",
        "The headquarters of the Interior Ministry or of a city or regional police department "
        "(МВД, ДП, ДВД, УВД / ІІМ, ПД).",
        (
            "дп|пд|двд|мвд|увд|гувд|иим|иид",
            "департамент* полиции|внутренних дел",
            "министерств* внутренних дел",
            "interior ministry",
            "ministry of internal|interior affairs",
            "police headquarters",
            "police department",
            "полиция департамент*",
            "ішкі істер министрлігі*|департамент*",
        ),
    ),
    Term(
        "knb_building",
        "ҰҚК ғимараты",
        "здание КНБ",
        "KNB building",
        "A building of the National Security Committee, including its detention cells.",
        (
            "кнб|дкнб|укк",
            "knb",
            "national security committee",
            "ұлттық қауіпсіздік комитет*",
        ),
    ),
    Term(
        "hospital",
        "аурухана",
        "больница",
        "hospital",
        "A hospital, clinic or emergency ward.",
        (
            "больниц*",
            "госпитал*",
            "гкб|бсмп|гб|цгб|црб",
            "клиник*",
            "реанимаци*",
            "травмпункт*",
            "hospital*",
            "clinic*",
            "emergency room|ward",
            "intensive care",
            "аурухана*",
            "емхана*",
        ),
    ),
    Term(
        "morgue",
        "мәйітхана (морг)",
        "морг",
        "morgue",
        "A morgue or forensic medical examination bureau.",
        (
            "морг*",
            "судебно-медицинск*|судмедэкспертиз*",
            "morgue*",
            "mortuary",
            "мәйітхана*",
            "мейітхана*",
        ),
    ),
    Term(
        "other",
        "басқа орын",
        "другое место",
        "other place",
        "Another place: a prison, a military base, a gym or hangar used as a holding site.",
        (
            "тюрьм*",
            "колони*",
            "воинск* част*",
            "спортзал*",
            "ангар*",
            "prison*",
            "military base*|unit*",
            "gym|hangar",
            "түрме*",
            "әскери бөлім*",
        ),
    ),
)
FACILITY_TERMS: dict[FacilityKind, Term] = {FacilityKind(t.code): t for t in _FACILITY_TERMS}
FACILITY_KINDS: tuple[tuple[str, str], ...] = tuple((t.code, t.label_en) for t in _FACILITY_TERMS)
# The narrowest place wins: "ИВС ДП г. Алматы" is the cells, not the department; a hospital's
# morgue is the morgue.
_FACILITY_PRIORITY: tuple[FacilityKind, ...] = (
    FacilityKind.MORGUE,
    FacilityKind.TEMPORARY_DETENTION,
    FacilityKind.PRETRIAL_DETENTION,
    FacilityKind.SPECIAL_RECEPTION,
    FacilityKind.HOSPITAL,
    FacilityKind.KNB_BUILDING,
    FacilityKind.POLICE_STATION,
    FacilityKind.INTERIOR_MINISTRY,
    FacilityKind.OTHER,
)


def act_label(code: str, language: str = "en") -> str:
    """The label of an act type code in kk, ru or en (ValueError for an unknown code)."""
    return ActType(code).label(language)


def unit_label(code: str, language: str = "en") -> str:
    """The label of a unit kind code in kk, ru or en (ValueError for an unknown code)."""
    return UnitKind(code).label(language)


def facility_label(code: str, language: str = "en") -> str:
    """The label of a facility kind code in kk, ru or en (ValueError for an unknown code)."""
    return FacilityKind(code).label(language)


# --- matching phrases in free text -----------------------------------------------------------
#
# Text is folded without changing its length, so match positions point into the original:
# lower case, ё→е, and the Kazakh letters to the Russian ones they are often typed as (қ→к,
# ұ/ү→у, і→и …), which lets "ұрып-соқты" and "урып-сокты" match the same phrase.

_FOLD = str.maketrans(
    {
        "ё": "е",
        "ә": "а",
        "ғ": "г",
        "қ": "к",
        "ң": "н",
        "ө": "о",
        "ұ": "у",
        "ү": "у",
        "һ": "х",
        "і": "и",
        "’": "'",
        "ʼ": "'",
        "`": "'",
    }
)
_SEP = r"[^\w.,;:!?]+"  # between two words of a phrase: spaces, hyphens, quotes; no clause break
_WORD = r"[\w'-]+"
_CLAUSE_BREAK = re.compile(r"[.,;:!?\n]")
_WORDS = re.compile(r"[\w']+")


def _fold(text: str) -> str:
    """Lower case and Kazakh letters folded, keeping every character's position."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text).translate(_FOLD)


def _compile_phrase(phrase: str) -> str:
    """A regex for one synonym (syntax in ``Term``)."""
    parts: list[str] = []
    for slot in _fold(phrase).split():
        if slot == "...":
            parts.append(rf"(?:{_SEP}{_WORD}){{0,3}}")
            continue
        optional = slot.endswith("?") and len(slot) > 1
        words = slot[:-1] if optional else slot
        alternatives = "|".join(
            re.escape(word).replace(r"\*", r"\w*").replace(r"\-", r"[\s-]?")
            for word in words.split("|")
        )
        body = f"(?:{alternatives})"
        if not parts:
            parts.append(body)
        elif optional:
            parts.append(f"(?:{_SEP}{body})?")
        else:
            parts.append(f"{_SEP}{body}")
    return rf"(?<![\w-]){''.join(parts)}(?!\w)"


@dataclass(frozen=True)
class _Rule:
    code: str
    regex: re.Pattern[str]
    weight: int  # letters the phrase fixes: more specific phrases are tried first
    denied: bool  # a denied object: counts only next to a refusal


def _rules(terms: tuple[Term, ...]) -> tuple[_Rule, ...]:
    rules = [
        _Rule(term.code, re.compile(_compile_phrase(phrase)), _weight(phrase), denied)
        for term in terms
        for phrases, denied in ((term.synonyms, False), (term.denied_objects, True))
        for phrase in phrases
    ]
    return tuple(sorted(rules, key=lambda rule: -rule.weight))


def _weight(phrase: str) -> int:
    """Letters of the shortest reading of a phrase (its first alternatives, required words)."""
    total = 0
    for slot in phrase.split():
        if slot == "..." or (slot.endswith("?") and len(slot) > 1):
            continue
        total += min(len(word.replace("*", "")) for word in slot.split("|"))
    return total


# Words that negate the act right after them ("не били", "was not beaten", "never tortured");
# "denied" for officials' denials ("denied torturing").
_NEGATIONS = frozenset(
    (
        *("не", "ни", "нет", "отрицают", "отрицает", "отрицали"),
        *("not", "never", "no", "didn't", "didnt", "wasn't", "wasnt", "weren't", "werent"),
        *("hasn't", "hadn't", "haven't", "denied", "deny", "denies", "denying"),
    )
)
_CONJUNCTIONS = frozenset(("or", "nor", "and", "и", "или", "ни", "либо", "немесе", "және"))
_NOT_ONLY = frozenset(("только", "лишь", "only"))
# Kazakh puts the negation after the verb ("ұрған жоқ", "азаптаған емес").
_NEGATION_AFTER = re.compile(r"^[^\w.,;:!?]+(?:жок|емес)(?!\w)")
# Words saying something was refused (cues for denied objects), folded like the text.
_REFUSAL = re.compile(
    r"(?<![\w-])(?:не|ни|нет|без|no|not|never|without|denied|deny|denies|refused|lack\w*|"
    r"отказ\w*|лиш\w*|жок|\w+(?:ма|ме|ба|бе|па|пе)(?:ды|ди|ган|ген|й))(?!\w)"
)
_REFUSAL_REACH = 6  # words between a refusal and what was refused ("never had access to an …")


@dataclass(frozen=True)
class ActMatch:
    """An act type found in a text: the code and where (``text[start:end]`` is ``matched``)."""

    code: ActType
    start: int
    end: int
    matched: str


def _scan(folded: str, rules: tuple[_Rule, ...]) -> list[tuple[int, int, str, bool]]:
    """Non-overlapping (start, end, code, denied) matches; longer phrases claim text first."""
    taken = bytearray(len(folded))
    found: list[tuple[int, int, str, bool]] = []
    for rule in rules:
        for m in rule.regex.finditer(folded):
            if any(taken[m.start() : m.end()]):
                continue
            found.append((m.start(), m.end(), rule.code, rule.denied))
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    found.sort()
    return found


def _clause_start(folded: str, position: int) -> int:
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(folded, 0, position)]
    return breaks[-1] if breaks else 0


def _clause_end(folded: str, position: int) -> int:
    m = _CLAUSE_BREAK.search(folded, position)
    return m.start() if m else len(folded)


def _negation_before(folded: str, start: int, taken: bytearray) -> int | None:
    """Where the negation of a match starting at ``start`` begins, if one of the two words
    before it in the same clause negates it (and is not itself part of another phrase)."""
    words = list(_WORDS.finditer(folded, _clause_start(folded, start), start))[-2:]
    for index, word in enumerate(words):
        if word[0] not in _NEGATIONS or taken[word.start()]:
            continue
        following = words[index + 1][0] if index + 1 < len(words) else ""
        if following in _NOT_ONLY:  # "не только били, но и…" negates nothing
            continue
        return word.start()
    return None


def _coordinated(folded: str, previous_end: int, start: int) -> bool:
    """Whether only "or"/"and" stand between a previous mention and this one."""
    if previous_end < 0:
        return False
    between = folded[previous_end:start]
    return not _CLAUSE_BREAK.search(between) and all(
        word in _CONJUNCTIONS for word in _WORDS.findall(between)
    )


def _refused(folded: str, start: int, end: int, used: set[int]) -> bool:
    """Whether the clause around ``folded[start:end]`` says it was refused, within reach."""
    clause_start, clause_end = _clause_start(folded, start), _clause_end(folded, end)
    for cue in _REFUSAL.finditer(folded, clause_start, clause_end):
        if cue.start() in used or start <= cue.start() < end:
            continue
        between = folded[cue.end() : start] if cue.end() <= start else folded[end : cue.start()]
        if len(_WORDS.findall(between)) <= _REFUSAL_REACH:
            return True
    return False


_ACT_RULES = _rules(_ACT_TERMS)
_UNIT_RULES = _rules(_UNIT_TERMS)
_FACILITY_RULES = _rules(_FACILITY_TERMS)


def parse_act_types(text: str) -> list[ActMatch]:
    """Every act type a free text mentions (kk/ru/en), in the order mentioned.

    A mention right after a negation is dropped ("не били", "was not beaten", "ұрған жоқ"),
    as is a mention of torture in general when a method of torture is also named ("избивали,
    пытали током" gives beating and electric shock). A lawyer or medical care counts as
    denied only when the same clause says so ("не пускали адвоката", "no medical attention").
    Each mention is returned, so a code may appear more than once.
    """
    return list(_act_matches(text))


@lru_cache(maxsize=16_384)
def _act_matches(text: str) -> tuple[ActMatch, ...]:
    folded = _fold(text)
    raw = _scan(folded, _ACT_RULES)
    taken = bytearray(len(folded))
    for start, end, _, denied in raw:
        if not denied:
            taken[start:end] = b"\x01" * (end - start)
    kept: list[tuple[int, int, str]] = []
    used_negations: set[int] = set()
    negated_until = -1  # end of the last negated mention: "not tortured or beaten" negates both
    for start, end, code, denied in raw:
        if denied:
            continue
        negation = _negation_before(folded, start, taken)
        if negation is not None:
            used_negations.add(negation)
        elif _NEGATION_AFTER.match(folded[end:]) is None and not _coordinated(
            folded, negated_until, start
        ):
            kept.append((start, end, code))
            continue
        negated_until = end
    for start, end, code, denied in raw:
        if denied and _refused(folded, start, end, used_negations):
            kept.append((start, end, code))
    codes = {ActType(code) for _, _, code in kept}
    parents = {code.parent for code in codes if code.parent is not None}
    return tuple(
        ActMatch(ActType(code), start, end, text[start:end])
        for start, end, code in sorted(kept)
        if ActType(code) not in parents
    )


def act_codes(text: str) -> list[ActType]:
    """The distinct act types a text mentions, in the order first mentioned."""
    return list(dict.fromkeys(match.code for match in _act_matches(text)))


@lru_cache(maxsize=16_384)
def _codes_found(text: str, kind: Literal["unit", "facility"]) -> tuple[str, ...]:
    rules = _UNIT_RULES if kind == "unit" else _FACILITY_RULES
    return tuple(dict.fromkeys(code for _, _, code, _ in _scan(_fold(text), rules)))


def parse_units(text: str) -> list[UnitKind]:
    """Every kind of force a text names, in the order first named."""
    return [UnitKind(code) for code in _codes_found(text, "unit")]


def parse_unit(text: str) -> UnitKind | None:
    """The perpetrator's kind of force ("ОМОН", "Ұлттық ұлан", "КНБ", "ОДКБ"…), or None.

    Of several, the most specific wins: "ОМОН ДП" is special police, "военнослужащие
    Национальной гвардии" the National Guard.
    """
    found = set(parse_units(text))
    return next((unit for unit in _UNIT_PRIORITY if unit in found), None)


def parse_facility_kinds(text: str) -> list[FacilityKind]:
    """Every kind of place a text names, in the order first named."""
    return [FacilityKind(code) for code in _codes_found(text, "facility")]


def parse_facility_kind(text: str) -> FacilityKind | None:
    """The kind of place a text names ("ИВС ДП г. Алматы", "СИЗО-1", "морг"…), or None.

    Of several, the narrowest wins: "ИВС ДП г. Алматы" is temporary detention.
    """
    found = set(parse_facility_kinds(text))
    return next((kind for kind in _FACILITY_PRIORITY if kind in found), None)


# --- partial date-times ----------------------------------------------------------------------

Precision = Literal["year", "month", "day", "hour", "minute"]
_EARLIEST_YEAR, _LATEST_YEAR = 1900, 2100


@dataclass(frozen=True)
class PartialDateTime:
    """A moment known only as precisely as a witness said it: "6 January", "about 20:00 on
    6 January", "January 2022". Wall-clock time where the act happened, without a zone.

    Fields after the first missing one are missing too. ``approximate`` records "about";
    it does not widen ``earliest()``/``latest()``, which bound what was written.
    """

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    approximate: bool = False

    def __post_init__(self) -> None:
        fields = (self.month, self.day, self.hour, self.minute)
        known = [value is not None for value in fields]
        if known != sorted(known, reverse=True):
            raise ParseError(f"a date-time cannot skip a part: {self!r}")
        if not datetime.MINYEAR <= self.year <= datetime.MAXYEAR:
            raise ParseError(f"no such year: {self.year}")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ParseError(f"no such month: {self.month}")
        if self.day is not None:
            try:
                datetime.date(self.year, self.month or 1, self.day)
            except ValueError:
                raise ParseError(
                    f"no such date: {self.year:04d}-{self.month:02d}-{self.day:02d}"
                ) from None
        if self.hour is not None and not 0 <= self.hour <= 23:
            raise ParseError(f"no such hour: {self.hour}")
        if self.minute is not None and not 0 <= self.minute <= 59:
            raise ParseError(f"no such minute: {self.minute}")

    @property
    def precision(self) -> Precision:
        if self.minute is not None:
            return "minute"
        if self.hour is not None:
            return "hour"
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def earliest(self) -> datetime.datetime:
        """The first moment this could mean."""
        return datetime.datetime(
            self.year, self.month or 1, self.day or 1, self.hour or 0, self.minute or 0
        )

    def latest(self) -> datetime.datetime:
        """The last moment this could mean (to the microsecond)."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        hour = 23 if self.hour is None else self.hour
        minute = 59 if self.minute is None else self.minute
        return datetime.datetime(self.year, month, day, hour, minute, 59, 999_999)

    def contains(self, moment: datetime.datetime) -> bool:
        """Whether ``moment`` is one this could mean."""
        return self.earliest() <= moment <= self.latest()

    def sort_key(self) -> tuple[datetime.datetime, datetime.datetime, bool]:
        """For ``sorted(..., key=PartialDateTime.sort_key)``: by the earliest moment, the
        vaguer of two that start together last, exact before approximate."""
        return (self.earliest(), self.latest(), self.approximate)

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.hour is not None:
            text += f"T{self.hour:02d}"
        if self.minute is not None:
            text += f":{self.minute:02d}"
        return f"~{text}" if self.approximate else text


# ISO and its reduced forms, as __str__ writes them: 2022, 2022-01, 2022-01-06, 2022-01-06T19,
# 2022-01-06T19:54, and a time written with a space or with seconds.
_ISO = re.compile(
    r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[t ](\d{1,2})(?::(\d{2})(?::\d{2}(?:[.,]\d+)?)?)?)?)?)?$"
)
# "About": Russian, English and Kazakh words, and the tilde.
_APPROXIMATE = re.compile(
    r"(?:^|(?<=\s))~|(?<![\w-])(?:около|примерно|приблизительно|ориентировочно|где-то|"
    r"порядка|ок\.|прибл\.|about|around|approximately|approx\.?|circa|ca\.|c\.|roughly|"
    r"some ?time|шамамен|шамасында|шамасы|шақта|шамалы|жуық)(?!\w)"
)
# Parts of a month: the text keeps month precision and becomes approximate.
_PART_OF_MONTH = re.compile(
    r"(?<![\w-])(?:early|mid-?|late|beginning of|start of|middle of|end of|"
    r"начал[еоа]|середин[еаы]|конц[еа]|конец|первых числах|последних числах|"
    r"басында|басы|ортасында|ортасы|соңында|соңы|аяғында|аяғы)(?!\w)"
)
_AM_PM = r"(?P<ampm>a\.?\s?m\.?|p\.?\s?m\.?)"
# Words for a part of the day: they turn "8" into 20:00 and are otherwise dropped.
_DAY_PART = (
    r"(?P<part>утра|утром|дня|днем|вечера|вечером|ночи|ночью|morning|afternoon|evening|night|"
    r"таңертең|таңғы|түсте|күндіз|күндізгі|кешке|кешкі|түнде|түнгі)"
)
_KK_CASE = r"(?:-?(?:де|да|те|та|ге|ға|ке|қа|ден|дан|тен|тан|нан|нен))?"
_TIMES: tuple[re.Pattern[str], ...] = (
    # 19:54, 7:54 pm, 19:54:00, 20:00-де
    re.compile(
        rf"(?<![\w.:/-])(?P<h>\d{{1,2}}):(?P<m>\d{{2}})(?::\d{{2}})?{_KK_CASE}"
        rf"(?:\s*{_AM_PM})?(?![\w:])"
    ),
    # в 19.54, at 19.54 (dots only after a preposition: 06.01 is a date)
    re.compile(r"(?:(?<=\bв )|(?<=\bat ))(?P<h>\d{1,2})\.(?P<m>\d{2})(?![\d.])"),
    # 20 ч 30 мин, в 20 часов, 8 часов вечера
    re.compile(
        r"(?<![\w.:/-])(?P<h>\d{1,2})\s*(?:ч\.?|час(?:а|ов)?)(?!\w)"
        r"(?:\s*(?P<m>\d{1,2})\s*(?:мин(?:ут[аы]?)?\.?))?"
    ),
    # 7 pm, 7pm, 8 o'clock
    re.compile(rf"(?<![\w.:/-])(?P<h>\d{{1,2}})\s*(?:{_AM_PM}|o'clock)(?!\w)"),
    # сағат 8-де, сағат 20
    re.compile(rf"(?<=сағат )(?P<h>\d{{1,2}}){_KK_CASE}(?![\w:.])"),
    # в 8 вечера
    re.compile(rf"(?<![\w.:/-])(?P<h>\d{{1,2}})\s+(?=(?:in the )?{_DAY_PART}(?!\w))"),
)
_DAY_PART_RE = re.compile(rf"(?<![\w-]){_DAY_PART}(?!\w)")
_AFTERNOON = {"дня", "днем", "вечера", "вечером", "afternoon", "evening", "түсте", "кешке", "кешкі"}
_NIGHT = {"ночи", "ночью", "night", "түнде", "түнгі"}
_FILLER = re.compile(
    r"(?<![\w-])(?:в|во|на|on|at|in|the|of|сағат|часов|час|күні|числа|"
    r"г|гг|года|году|год|ж|жылғы|жылы|жылдың|жыл|year|айы|айының|айында)(?!\w)\.?"
)
_YEAR_ONLY = re.compile(r"^(\d{4})$")
_MONTH_NUMERIC = re.compile(r"^(\d{1,2})[./-](\d{4})$")


def parse_partial_datetime(text: str, *, default_year: int = 2022) -> PartialDateTime:
    """A date-time as precise as the text: "6 января 2022 в 19:54", "около 20:00 6 января",
    "7:54 pm on 6 January", "6 қаңтар, шамамен 20:00", "06.01.2022 19:54",
    "2022-01-06T19:54", "January 2022", "early January" (approximate), "~2022-01-06T19".

    A date without a year is in ``default_year``. Raises ParseError saying why otherwise.
    """
    original = " ".join(text.split())
    cleaned = original.casefold().replace("ё", "е").replace("\u2009", " ")
    if not cleaned:
        raise ParseError("empty date and time")
    approximate = False
    if _APPROXIMATE.search(cleaned):
        approximate = True
        cleaned = _APPROXIMATE.sub(" ", cleaned)
    if _PART_OF_MONTH.search(cleaned):
        approximate = True
        cleaned = _PART_OF_MONTH.sub(" ", cleaned)
    cleaned = " ".join(cleaned.split())
    if m := _ISO.match(cleaned):
        values = [int(group) if group is not None else None for group in m.groups()]
        if m[0].endswith((" 00:00:00", "t00:00:00")):
            # Spreadsheet exports write a date as "2022-01-06 00:00:00": midnight to the
            # second is a date without a time, not a witness's "at midnight".
            values[3] = values[4] = None
        year = values[0]
        assert year is not None
        return _checked(original, year, *values[1:], approximate=approximate)
    hour, minute, cleaned = _take_time(cleaned, original)
    year, month, day = _date_part(cleaned, original, default_year, timed=hour is not None)
    return _checked(original, year, month, day, hour, minute, approximate=approximate)


def _checked(
    original: str,
    year: int,
    month: int | None,
    day: int | None,
    hour: int | None = None,
    minute: int | None = None,
    *,
    approximate: bool,
) -> PartialDateTime:
    if not _EARLIEST_YEAR <= year <= _LATEST_YEAR:
        raise ParseError(f"year {year} is not plausible in '{original}'")
    try:
        return PartialDateTime(year, month, day, hour, minute, approximate)
    except ParseError as exc:
        raise ParseError(f"{exc.reason} in '{original}'") from None


def _take_time(cleaned: str, original: str) -> tuple[int | None, int | None, str]:
    """The time written in a text, and the text without it (and without day-part words)."""
    found: list[re.Match[str]] = []
    for pattern in _TIMES:
        for m in pattern.finditer(cleaned):
            if not any(m.start() < other.end() and other.start() < m.end() for other in found):
                found.append(m)
    if len(found) > 1:
        raise ParseError(
            f"two times in '{original}': give the start and the end of a range separately"
        )
    part_match = _DAY_PART_RE.search(cleaned)
    part = part_match["part"] if part_match else None
    if not found:
        return None, None, _DAY_PART_RE.sub(" ", cleaned)
    m = found[0]
    hour = int(m["h"])
    minute = int(m["m"]) if m.groupdict().get("m") else None
    ampm = (m.groupdict().get("ampm") or "").replace(".", "").replace(" ", "")
    written = m[0].strip()
    if hour > 23 or (minute is not None and minute > 59):
        raise ParseError(f"no such time: '{written}' in '{original}'")
    if ampm:
        if not 1 <= hour <= 12:
            raise ParseError(f"no such time: '{written}' in '{original}'")
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    elif part in _AFTERNOON and hour < 12:
        hour += 12
    elif part in _NIGHT and 9 <= hour <= 12:
        hour = (hour + 12) % 24
    rest = cleaned[: m.start()] + " " + cleaned[m.end() :]
    return hour, minute, _DAY_PART_RE.sub(" ", rest)


def _date_part(
    cleaned: str, original: str, default_year: int, *, timed: bool
) -> tuple[int, int | None, int | None]:
    """(year, month, day) from the date left once the time is taken out."""
    bare = " ".join(_FILLER.sub(" ", cleaned).replace(",", " ").split()).strip(" .-")
    if not bare:
        raise ParseError(f"no date in '{original}'" if timed else "empty date and time")
    if (m := _ISO.match(bare)) and m[4] is None:
        return int(m[1]), _int_or_none(m[2]), _int_or_none(m[3])
    try:
        date = parse_date(bare, default_year=default_year)
    except ParseError as exc:
        if exc.reason.startswith("no such date"):
            raise ParseError(f"{exc.reason} in '{original}'") from None
    else:
        return date.year, date.month, date.day
    if m := _YEAR_ONLY.match(bare):
        return int(m[1]), None, None
    if m := _MONTH_NUMERIC.match(bare):
        return int(m[2]), int(m[1]), None
    year: int | None = None
    month: int | None = None
    for token in bare.split():
        if token.isdigit() and len(token) == 4 and year is None:
            year = int(token)
        elif month is None and (found := _month(token)) is not None:
            month = found
        else:
            raise ParseError(f"not a date and time: '{original}'")
    if month is None:
        raise ParseError(f"not a date and time: '{original}'")
    return (year if year is not None else default_year), month, None


def _int_or_none(text: str | None) -> int | None:
    return int(text) if text is not None else None
