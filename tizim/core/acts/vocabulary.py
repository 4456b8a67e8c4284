"""Acts of violence — "who did what to whom" — as testimony and lists describe them in kk/ru/en.

An act links a victim to what was done (``ActType``), by whom (``UnitKind``), where
(``FacilityKind``) and when (``PartialDateTime``). This module holds the three controlled
vocabularies as data; ``matching`` finds their terms in free text, and partial date-times
live with the other dates in ``tizim.core.dates``.

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
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

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
UNIT_PRIORITY: tuple[UnitKind, ...] = (
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
FACILITY_PRIORITY: tuple[FacilityKind, ...] = (
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
