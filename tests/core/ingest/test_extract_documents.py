"""What ``extract`` reads from the documents families and lawyers keep: a relatives' log of
parcels, a complaint to a judge, a briefing note with its attachments."""

from __future__ import annotations

import pytest

from tests.core.ingest.reading import persons_read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # a log's line ends with who went; the next line opens with whom the parcel was for
            "17.01 (пн) — Шевчук Т.\nКоле (Шевчук Николай): приняли — носки, свитер.\n"
            "Ерику (Баймагамбетов Ерик): приняли всё.\n\n20.01 (чт) — Мамырова А.\nЕрику — "
            "приняли.\nСерику (Мамыров Серик) — первый раз приняли. Ася говорит, в ИВС его били.",
            [("Мамыров", "Серик", "detained")],
        ),
        (
            # initials end a name: the capitalised word after them starts the next sentence
            "Были задержаны Жданов И.С. и Сулейменов Д. Протокол задержания составлен позже.",
            [("Жданов", "И.", "detained"), ("Сулейменов", "Д.", "detained")],
        ),
        (
            # a surname that does not decline, written first: the given name gives the case
            "Мы нашли Ткаченко Виталика только 15-го: его задержали ещё 6 января.",
            [("Ткаченко", "Виталик", "detained")],
        ),
    ],
)
def test_names_in_a_log_end_at_its_lines_brackets_and_initials(text, expected):
    assert persons_read(text, "ru") == expected


def test_a_list_of_attachments_tells_nothing_new_of_whom_its_papers_are_about():
    text = (
        "Жумабаева Меруерт, 19 лет: при задержании 6 января ей сломали руку.\n\n"
        "Приложения: копии приговора (Габдуллин А.С.), медицинской справки (Жумабаева М.), "
        "ответа о розыске (Кусаинов Т.) — 11 листов."
    )
    assert persons_read(text, "ru") == [("Жумабаева", "Меруерт", "detained")]


def test_a_case_trackers_files_name_surname_first_and_note_what_happened_without_a_subject():
    text = (
        "== OVERVIEW (as of 21.04) ==\n"
        "Maintained by: R. Nurlanova (coordinator).\n"
        "Detained at some point: 19\n\n"
        "== OPEN FILES ==\n\n"
        "#03 SARSENOV, Yerlan, b. 1987, tractor driver\n"
        "Detained 06.01 near the district akimat. Released 16.01.\n\n"
        "#07 KOVALCHUK, Sergei Petrovich, b. 1979\n"
        "Charged Art. 272(2) Criminal Code. Do NOT log as injury until he confirms.\n\n"
        "#11 ZHAKUPOVA, A., b. 2001, student\n"
        "Not detained. Hit in the thigh by a rubber bullet on Lenin St."
    )
    assert persons_read(text, "en") == [
        ("Sarsenov", "Yerlan", "detained"),
        ("Kovalchuk", "Sergei", "charged"),
        ("Zhakupova", "A.", "injured"),
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "A 19-year-old student, Timur K., who was among those detained on 6 January, says "
            "he was beaten.",
            "en",
            [("K.", "Timur", "injured")],
        ),
        (
            "Защитник — адвокат Ольга Бережная.\n\n14.2. Сейтжанова Мадина Ержановна, 1993 г.р., "
            "бухгалтер.\nЗадержана 8 января 2022 г. по подозрению в организации беспорядков.",
            "ru",
            [("Сейтжанова", "Мадина", "detained")],
        ),
        (
            "KHAIRULLIN (Khayrullin), Rinat\nDetained at his home on 7 January.",
            "en",
            [("Khairullin", "Rinat", "detained")],
        ),
        (
            "CHINGIRLAU, Kazakhstan, Jan 7 (Steppe Wire) - Police detained 43 people overnight.",
            "en",
            [],
        ),
        (
            "By Dana Ospanova\n\nPolice in the town detained 43 people. Killed by a gunshot, a man "
            "died in hospital.",
            "en",
            [],
        ),
        (
            "Among those still held is Daulet Ospanov, a tractor driver.",
            "en",
            [("Ospanov", "Daulet", "detained")],
        ),
        (
            "Ауылдан 5 адам хабарсыз кетті.\nСолардың бірі – Ғалымжан Серікбаев. Оның анасы көп "
            "жылы мұғалім болған.",
            "kk",
            [("Серікбаев", "Ғалымжан", "missing")],
        ),
        (
            "Нұрлан Әбдірахманов 5 жыл мерзімін Ақтөбедегі колонияда өтеуде.",
            "kk",
            [("Әбдірахманов", "Нұрлан", "convicted")],
        ),
        (
            "Қызылордадағы Жұмаділовтің жағдайы белгісіз. ҚК-нің 272-бабы бойынша Оған айып "
            "тағылды.",
            "kk",
            [],
        ),
    ],
)
def test_names_and_fates_in_reports_annexes_obituaries_and_bylines(text, language, expected):
    assert persons_read(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Among those hurt, one man, Yerzhan Kalelov, 30, was struck in the thigh and underwent "
            "surgery the same night.",
            [("Kalelov", "Yerzhan", "injured")],
        ),
        (
            "Жеті адамға аудандық сот әкімшілік қамаққа алу жазасын тағайындады.\n\n"
            "Әкімшілік қамаққа алынғандардың арасында Саудакент ауылының тұрғыны, 33 жастағы Ержан "
            "Төлеуұлы Әбілқасымов та бар.",
            [("Әбілқасымов", "Ержан", "charged")],
        ),
    ],
)
def test_a_blow_to_a_part_of_the_body_and_among_those_a_participle_names(text, expected):
    """By the rules alone: the second reader of persons may find them anyway."""
    language = "en" if text.isascii() else "kk"
    assert persons_read(text, language, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Кто есть кто\nТулегенов Ермек Касымжанович, 44 года — председатель профкома. "
            "Задержан утром 6 января у себя дома.",
            "ru",
            [("Тулегенов", "Ермек", "detained")],
        ),
        (
            "Среди них — Сыздыков Куаныш, 44 года, которого при задержании ударили головой о "
            "капот машины.",
            "ru",
            [("Сыздыков", "Куаныш", "detained")],
        ),
        (
            "Two other residents, Almas Temirbayev and Sanzhar Kydyrbek, face the same charge.",
            "en",
            [("Temirbayev", "Almas", "charged"), ("Kydyrbek", "Sanzhar", "charged")],
        ),
        (
            "Nineteen-year-old Timur Bekov came home with his wrist in plaster. His mother said he "
            "had been beaten in the yard of the detention facility.",
            "en",
            [("Bekov", "Timur", "injured")],
        ),
        ("Самат Ғабдуллинге төрт жыл берілді.", "kk", [("Ғабдуллин", "Самат", "convicted")]),
        ("Бекзат Құдайбергенов әлі ИВС-та отыр.", "kk", [("Құдайбергенов", "Бекзат", "detained")]),
        (
            "Дидар Оспан әлі де облыстық аурухананың жансақтау бөлімінде жатыр.",
            "kk",
            [("Оспан", "Дидар", "injured")],
        ),
    ],
)
def test_lists_charges_ages_terms_and_wards(text, language, expected):
    assert persons_read(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "In the city of Shymkent, 20 people were killed in one night, including Nurbolat "
            "Alpamys, a young man just days from his 20th birthday.",
            "en",
            [("Alpamys", "Nurbolat", "killed")],
        ),
        (
            "4 October, Almaty, activist Mirmanbetova Ziyuar was taken from her home by three "
            "police officers.",
            "en",
            [("Mirmanbetova", "Ziyuar", "detained")],
        ),
        (
            "Одно из таких дел было возбуждено перед Новым годом против гражданского активиста "
            "Айдара Мубаракова.",
            "ru",
            [("Мубараков", "Айдар", "charged")],
        ),
        ("Айдос Мелдеханулы убит горем.", "ru", []),
        (
            "Kazakh Activist Who Said He Was Tortured In Custody Transferred To House Arrest",
            "en",
            [],
        ),
    ],
)
def test_including_taken_from_home_a_case_against_and_grief(text, language, expected):
    assert persons_read(text, language, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Resident A. B. Nurlybayev, born in 2001, was detained on 12 January.",
            "en",
            [("Nurlybayev", "A.", "detained")],
        ),
        (
            "Вместе с ним учреждение покинул его односельчанин Виталий Гончаренко, осужденный по "
            "тому же делу к 2 годам.",
            "ru",
            [("Гончаренко", "Виталий", "convicted")],
        ),
        (
            "В частности, осужденному Ж. Мухаметкалиеву, 1979 г. р., отказано в амнистии.",
            "ru",
            [("Мухаметкалиев", "Ж.", "convicted")],
        ),
        (
            "Друг Азамата Ерасыл Токтаров, который был с ним в тот вечер, задержан 6 января.",
            "ru",
            [("Токтаров", "Ерасыл", "detained")],
        ),
        (
            "Касательно упомянутого в Вашем запросе Тлеубердина Алмата Серикбаевича сообщаем, что "
            "он задержан 7 января.",
            "ru",
            [("Тлеубердин", "Алмат", "detained")],
        ),
        (
            "Торғайлық Қайрат Сәрсенов мерзімінен бұрын босатылды.",
            "kk",
            [("Сәрсенов", "Қайрат", "released")],
        ),
        (
            "Түнде бес адам ұсталды. Қалған бесеудің бірі — досым Мейрамбек Тұрсынбаев.",
            "kk",
            [("Тұрсынбаев", "Мейрамбек", "detained")],
        ),
        (
            "Sergeant Kanat Ermekov, who received a head injury from a stone, was discharged.",
            "en",
            [("Ermekov", "Kanat", "injured")],
        ),
        (
            "Aidos Zhumagaliyev, 19, a student, had not returned home since 5 January.",
            "en",
            [("Zhumagaliyev", "Aidos", "missing")],
        ),
        (
            "Родители 23-летнего Асхата Жумабаева не знают, где их сын, с вечера 6 января.",
            "ru",
            [("Жумабаев", "Асхат", "missing")],
        ),
    ],
)
def test_initials_cases_a_friends_name_demonyms_and_what_families_do_not_know(
    text, language, expected
):
    assert persons_read(text, language, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Police detained 20 people, and several groups, including one headed by Yevgeny "
            "Zhovtis, demanded their release.",
            "en",
            [],
        ),
        (
            "Алматыда 20 адам ұсталды. Митингке шыққандардың арасында белгілі журналист Серік "
            "Әбенов те болды.",
            "kk",
            [],
        ),
        ("Nurlan Bekov, serving his second term as akim, praised the police.", "en", []),
        (
            "Timur Bekov, who has not returned home to Kazakhstan since 2019, spoke from Kyiv.",
            "en",
            [],
        ),
        ("Serik Abenov received no injury during the dispersal.", "en", []),
        (
            "Қайрат Бейсенбаев қаза тапты. Оның досы Қайрат Сейітқалиұлы ұсталды.",
            "kk",
            [("Бейсенбаев", "Қайрат", "killed"), ("Сейітқалиұлы", "Қайрат", "detained")],
        ),
        ("Ким В. задержан 6 января.", "ru", [("Ким", "В.", "detained")]),
        ("Kim V. was detained on 6 January.", "en", [("Kim", "V.", "detained")]),
        (
            "Задержан житель Алматы Ерлан\nСулейменов, 1990 г.р.",
            "ru",
            [("Сулейменов", "Ерлан", "detained")],
        ),
        (
            "Фото Серика Абенова, погибшего 6 января в Алматы.",
            "ru",
            [("Абенов", "Серик", "killed")],
        ),
        (
            "#03 ABENOV, Yerlan, b. 1987\nDetained 06.01–16.01.",
            "en",
            [("Abenov", "Yerlan", "detained")],
        ),
    ],
)
def test_what_the_rules_for_lists_notes_bylines_and_wrapped_lines_do_not_misread(
    text, language, expected
):
    assert persons_read(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # a family named in the plural, then its members by given name alone
            "Уголовное дело братьев Есенжоловых — Асета, Ерната и младшего, 19-летнего Мираса — "
            "направлено в суд. Асет содержится в СИЗО; Ернат и Мирас находятся под домашним "
            "арестом.",
            [("Есенжолов", "Асет"), ("Есенжолов", "Ернат"), ("Есенжолов", "Мирас")],
        ),
        (
            # natasha's surname and given name apart, one name
            "Сержант полиции Литвиненко Иван получил закрытую черепно-мозговую травму.",
            [("Литвиненко", "Иван")],
        ),
        (
            # natasha's name before took the village for a given name
            "Задержан житель Качара Ахметов Бауыржан Серикович, 1988 г.р., подозреваемый в "
            "поджоге.",
            [("Ахметов", "Бауыржан")],
        ),
        (
            # an adjectival surname in the instrumental
            "Жалоба подана жителем Белоусовки Сергеем Луговым, который был задержан 6 января.",
            [("Луговой", "Сергей")],
        ),
        (
            # given names the dictionary knows, though "-ин" and "-ын" end surnames too
            "Среди задержанных — Константин Фаст, 33 года. Ерсайын Жубанышев был задержан 6 "
            "января.",
            [("Фаст", "Константин"), ("Жубанышев", "Ерсайын")],
        ),
        (
            # a verdict's dative, a surname that does not decline: the patronymic ends the name
            "— Дзюбе Олегу Викторовичу, 1974 г.р., — штраф в размере 300 месячных расчётных "
            "показателей.",
            [("Дзюба", "Олег")],
        ),
    ],
)
def test_family_lists_split_names_and_oblique_surnames(text, expected):
    assert [(surname, given) for surname, given, _ in persons_read(text, "ru")] == expected


@pytest.mark.parametrize(
    ("text", "fate"),
    [
        ("Суровый приговор — 8 лет — получил житель посёлка Данияр Жумабеков.", "convicted"),
        ("Со мной тут Нуржан Ибраев из Аксая, ему дали пять.", "convicted"),
        # the teller's neighbour's son is the one named, not his parent
        (
            "Людей затолкали в автозак. Среди них был Женя Лысенко, сын моей соседки тёти Гали.",
            "detained",
        ),
        ("Ерканат Смаилов был обнаружен в больнице, куда его доставили без сознания.", "injured"),
    ],
)
def test_what_was_done_as_families_tell_it(text, fate):
    assert [found for _, _, found in persons_read(text, "ru", learned=False)][:1] == [fate]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Senior Lieutenant Daniyar Kospanov, 29, was taken to the Nura central district "
            "hospital with a head injury.",
            "en",
            ("Kospanov", "Daniyar", "injured"),
        ),
        ("Private Arman Kydyrbay, 20, underwent surgery.", "en", ("Kydyrbay", "Arman", "injured")),
        (
            "Asylbek Orynbasarov, born 2000, one of the fourteen released on 6 January, was seen "
            "by the doctor on duty.",
            "en",
            ("Orynbasarov", "Asylbek", "released"),
        ),
        (
            "My brother Dias Kenzhebayev was one of the forty-odd people they took from the "
            "checkpoint.",
            "en",
            ("Kenzhebayev", "Dias", "detained"),
        ),
        (
            "The heaviest sentence, seven years, went to Igor Lysenko, 38, a boiler operator.",
            "en",
            ("Lysenko", "Igor", "convicted"),
        ),
        (
            # the one name a sentence opens with is its subject further on
            "Ilyas Zhaksybekov, 19, went to Pavlodar on the 6th to pick up his sister from the "
            "train and didn't come back.",
            "en",
            ("Zhaksybekov", "Ilyas", "missing"),
        ),
        (
            "Yerkin Sagyndykov received a suspended sentence.",
            "en",
            ("Sagyndykov", "Yerkin", "convicted"),
        ),
        (
            # a town in the locative is not a name, even beside a surname
            "Қайрат Әбілқасымов Ақтөбеде болған қақтығыс кезінде аяғынан оқ жарақатын алып, "
            "бір ай бойы ауруханада емделді.",
            "kk",
            ("Әбілқасымов", "Қайрат", "injured"),
        ),
        ("Бірақ Данияр Сапаров әлі табылған жоқ.", "kk", ("Сапаров", "Данияр", "missing")),
        (
            "Үшінші қабаттағы палатада 21 жастағы Дәурен Әлімбетов жатыр.",
            "kk",
            ("Әлімбетов", "Дәурен", "injured"),
        ),
        (
            # what the words after a name tell happened to them; the police say it
            "Біздің үйдің қасындағы Данияр Есжанов әлі хабарсыз, полиция да білмейміз дейді.",
            "kk",
            ("Есжанов", "Данияр", "missing"),
        ),
    ],
)
def test_what_happened_as_reports_and_posts_tell_it(text, language, expected):
    assert persons_read(text, language, learned=False) == [expected]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            # a given name, "aga", the surname in brackets; "I'm" is nobody's name
            "10/01/2022, 09:58 - Marat B: I'm so sorry. Our neighbour, Ruslan aga (Sadvakasov), "
            "got shot on the 6th at night on the avenue.",
            "en",
            [("Sadvakasov", "Ruslan", "injured")],
        ),
        (
            "my bro is home!! Azamat (Kuttybayev, for the ppl asking in DMs) released today, all "
            "15 days done.",
            "en",
            [("Kuttybayev", "Azamat", "released")],
        ),
        (
            # a search post: what happened, then the name and age
            "15/01/2022, 09:30 - Dana K: my friend from Taraz: her brother has been missing "
            "since the 7th. Bekzat Omirzakov, 24 y.o., tall, black puffer jacket.",
            "en",
            [("Omirzakov", "Bekzat", "missing")],
        ),
        (
            # "our" before a name is not part of it
            "Біздің Бейбіт Сейітовті де ұстап алыпты, әкесі айтты.",
            "kk",
            [("Сейітов", "Бейбіт", "detained")],
        ),
    ],
)
def test_names_as_chats_write_them(text, language, expected):
    assert persons_read(text, language, learned=False) == expected


def test_a_name_and_age_after_a_paragraph_break_is_not_of_the_fate_before_it():
    text = (
        "Вечером того же дня наши сыновья не вернулись домой.\n\n"
        "Лагутин Денис, 20 лет, студент горного колледжа. Задержан 6 января."
    )
    assert persons_read(text, "ru", learned=False) == [("Лагутин", "Денис", "detained")]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            # a man's name in the genitive after whose wife she is
            "Жена Руслана Бисенова (34 г.) сообщила, что муж пропал 6 января.",
            "ru",
            [("Бисенов", "Руслан", "missing")],
        ),
        (
            # a surname in "-юк" in the genitive, beside a given name and patronymic
            "Заключение эксперта № 9 (освидетельствование Гаврилюка Сергея Ивановича, 1979 г.р., "
            "доставлен из ИВС 10.01.2022).",
            "ru",
            [("Гаврилюк", "Сергей", "detained")],
        ),
        (
            # the full stop that ends the sentence was the initial's too
            "В январе 2022 года погибли двое: Мырзахметов Жасулан и Ахметжанов Р.",
            "ru",
            [("Мырзахметов", "Жасулан", "killed"), ("Ахметжанов", "Р.", "killed")],
        ),
        (
            # a prosecutor ("айыптаушы") is not accused; a victim's title is not his name
            "Мемлекеттік айыптаушы – аудан прокурорының көмекшісі Бекмұратов Н.С. Жәбірленуші "
            "Сарыбаев Ж.Қ.: Басыма тас тиді, 12 күн ауруханада емделдім.",
            "kk",
            [("Сарыбаев", "Ж.", "injured")],
        ),
        (
            # an abbreviation in capitals is no name
            "Мемлекеттік айыптаушы: ҚПК 35-бабы бойынша тергеу тоқтатылды. Ерлан Беков сотталды.",
            "kk",
            [("Беков", "Ерлан", "convicted")],
        ),
        (
            # "no one has been charged" tells nothing of the one told of before
            "Amanzhol Seitov suffered a gunshot wound to the leg. No one has been charged over the "
            "shooting.",
            "en",
            [("Seitov", "Amanzhol", "injured")],
        ),
    ],
)
def test_oblique_names_titles_and_denials(text, language, expected):
    assert persons_read(text, language, learned=False) == expected


def test_a_headline_in_title_case_names_no_one_but_a_surname():
    text = (
        "'No Longer Indifferent To Politics': Man Shot In Bloody Unrest Boycotts Election, Wants "
        "Change\nDaniyar Adilbekov was shot and seriously wounded."
    )
    assert persons_read(text, "en", learned=False) == [("Adilbekov", "Daniyar", "injured")]


def test_who_she_is_before_her_name_is_not_part_of_it():
    text = (
        "Риелтор из Алматы была тяжело ранена.\n\nРиелтор Жамиля Бурабаева из Алматы прикована "
        "к инвалидной коляске: ее ранили из огнестрельного оружия."
    )
    assert persons_read(text, "ru", learned=False) == [("Бурабаева", "Жамиля", "injured")]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Three remain in custody, and two of those three have been charged. One of the two "
            "is Yerzhan Tulegenov, a loader operator.",
            "en",
            [("Tulegenov", "Yerzhan", "charged")],
        ),
        (
            # sentences read out: a name, then the term
            "Two got sentences. Nurlybek Zhaksylykov, five years.",
            "en",
            [("Zhaksylykov", "Nurlybek", "convicted")],
        ),
        (
            "Мать пришла в аппарат, ищет сына, Бисенов Айдар, двадцать три года.",
            "ru",
            [("Бисенов", "Айдар", "missing")],
        ),
        (
            # a given name in the genitive before a surname that does not decline; house arrest
            "И про Константина Ли тоже — парень под домашним арестом, мать одна.",
            "ru",
            [("Ли", "Константин", "arrested")],
        ),
        (
            # "both of them" after two names
            "Ерасылмен бірге жүрген Мейірбек Жұмабаев пен Асқар Әлменов. Екеуі де Алматыдағы "
            "ауруханада емделіп шыққан.",
            "kk",
            [("Жұмабаев", "Мейірбек", "injured"), ("Әлменов", "Асқар", "injured")],
        ),
        (
            # a name said alone right after what happened
            "Менің ағам да ұсталған. Дәулетжан Есенов. Үш күн отырды.",
            "kk",
            [("Есенов", "Дәулетжан", "detained")],
        ),
    ],
)
def test_what_speech_written_down_tells(text, language, expected):
    assert persons_read(text, language, learned=False) == expected


def test_a_hospital_journal_rows_tell_a_diagnosis():
    text = (
        "№ зап. | Дата | Ф.И.О. | Возр. | Диагноз при поступлении | Исход\n"
        "0113 | 06.01 00:15 | Алдабергенов Серик | 34 | Ушиб гр. клетки, ссадины лица | амб.\n"
        "0115 | 06.01 09:30 | Жумабаев Ерлан | 19 | Гематома головы | госп."
    )
    assert persons_read(text, "ru", learned=False) == [
        ("Алдабергенов", "Серик", "injured"),
        ("Жумабаев", "Ерлан", "injured"),
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Лаборант Виктор Ткаченко поделился новостью: его сын Максим, студент, был ранен "
            "5 января.",
            "ru",
            [("Ткаченко", "Максим", "injured")],
        ),
        (
            "Николай Воронин позвонил в студию. Его сына Дмитрия вчера вечером отпустили после "
            "5 суток в ИВС.",
            "ru",
            [("Воронин", "Дмитрий", "detained")],
        ),
        (
            # what he told, after a colon: the son, an aside, then what happened to him
            "Лаборант Виктор Ткаченко рассказал: его сын Максим, студент в Алматы, был ранен "
            "5 января.",
            "ru",
            [("Ткаченко", "Максим", "injured")],
        ),
        (
            "Aigul Bekova called us. Her daughter Dana was detained on 6 January.",
            "en",
            [("Bekova", "Dana", "detained")],
        ),
    ],
)
def test_a_child_named_by_given_name_takes_the_parents_surname(text, language, expected):
    assert persons_read(text, language, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            # a list's relative who came to ask, marked in brackets, is not the one listed
            "№ | кто стоит | кого ищем | отметка\n"
            "4 | Утепова Айнура (сестра) | Утепов А. | суд 9.01 — 10 суток ареста\n"
            "6 | Абилов Е. (брат) | Абилов Руслан | выпустили 8.01\n",
            "ru",
            [("Утепов", "А.", "convicted"), ("Абилов", "Руслан", "released")],
        ),
        (
            # the victim in an oblique case after the recipient; a village after "с."
            "1 | Ахметова Айгуль Маратовна (супруга) | гибель Ахметова Бекзата Сериковича, "
            "1988 г.р., жителя с. Баскудук | 300\n"
            "3 | Куанышев Ерасыл Болатович, с. Баскудук | огнестрельное ранение бедра | 150\n",
            "ru",
            [("Ахметов", "Бекзат", "killed"), ("Куанышев", "Ерасыл", "injured")],
        ),
        (
            # an impersonal "they" opening the line after a name
            "1 | Нурланова Гульмира (мать) | Нурланов Ерсин Маратович, 1999 г.р. | здесь.\n"
            "Выпустили 8.01 в 21:30, забрали домой",
            "ru",
            [("Нурланов", "Ерсин", "detained")],
        ),
        (
            # kin and a resident before the name are who they are, not part of it; a town in
            # the locative after the name is where
            "Жиенім Жандос Құлмағамбетов облыстық ауруханада жатыр, аяғына оқ тиген. "
            "Немерем Айдос Қожахметов 5 қаңтарда алаңда жараланды. "
            "Кенже ұлым Мұрат Қожахметов Шиеліде ұсталды.",
            "kk",
            [
                ("Құлмағамбетов", "Жандос", "injured"),
                ("Қожахметов", "Айдос", "injured"),
                ("Қожахметов", "Мұрат", "detained"),
            ],
        ),
        (
            "– Тұрғын Сейітов Мұрат Ерболұлы, 1979 ж.т., 12 қаңтарда қайтыс болды. "
            "Оның 2-еуі ауруханаға жатқызылды: Жұмабай Әсет Ерланұлы, 1998 ж.т.",
            "kk",
            [("Сейітов", "Мұрат", "killed"), ("Жұмабай", "Әсет", "injured")],
        ),
        (
            "Resident B. Nurmagambetov came home: he had been held by police in Almaty. "
            "Co-accused Yerlan Sadykov was sentenced to 5 years.",
            "en",
            [("Nurmagambetov", "B.", "detained"), ("Sadykov", "Yerlan", "convicted")],
        ),
    ],
)
def test_who_a_list_or_a_family_names_and_who_came_asking(text, language, expected):
    assert persons_read(text, language, learned=False) == expected


def test_a_title_before_a_speakers_label_keeps_it_a_label():
    text = "MS D. ORAZOVA (Qazyna Pension Fund): I would like to ask about the death of Berik."
    assert persons_read(text, "en", learned=False) == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a register's rows, surname first in mixed case, what happened in a later cell
        (
            "Tokhtarov, Daniyar | 21 | Ruzayevka | Detained 7 January with his brother; "
            "released after 48 hours",
            "en",
            [("Tokhtarov", "Daniyar", "detained")],
        ),
        (
            "Vlasenko, Igor P. | 34 | Ruzayevka | Detained 6 January in Petropavl",
            "en",
            [("Vlasenko", "Igor", "detained")],
        ),
        # not a surname and a given name: a greeting, a list of surnames
        ("My dear Zarina, Alisher and Madina, I was beaten too.", "en", []),
        ("Mamatov, Joldoshev and Zhumabaev released without charge.", "en", []),
        # a register's label before what happened
        (
            "№ 7. Заявитель: сам. О ком: Калдыбаев Берик Маратович. Суть: задержан 6 января.",
            "ru",
            [("Калдыбаев", "Берик", "detained")],
        ),
        # where he is from, before a given name and a surname; a given name in "-тан"
        (
            "Ұланбелдік Ғалым Сәрсенбаев 6 қаңтарда Таразда ұсталып, 9 қаңтарда босатылды.",
            "kk",
            [("Сәрсенбаев", "Ғалым", "detained")],
        ),
        (
            "Бекжанов Нұрсұлтан | 2001 | 2022 жылғы 6 қаңтарда Шымкентте оқ тиіп қаза тапты",
            "kk",
            [("Бекжанов", "Нұрсұлтан", "killed")],
        ),
        (
            "Фельдшер Ринат Қасымов сынған әйнектен бетінен және қолынан жарақат алды.",
            "kk",
            [("Қасымов", "Ринат", "injured")],
        ),
        # a commission's members by their work, and one who explains
        (
            "Члены комиссии: Горбунов В. П. (хирург), Шайхиев Т. Б. (травматолог). "
            "Раненые осмотрены.",
            "ru",
            [],
        ),
        ("Қалиев Д. Н. түсіндірді: көмек қаза тапқандардың отбасыларына беріледі.", "kk", []),
    ],
)
def test_registers_rows_labels_and_members_by_their_work(text, language, expected):
    assert persons_read(text, language, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # one of a list to a sentence, then what happened to both
        (
            "Алматыдан екі жігіттің денесі келді. Біреуі — Ділмұрат Сейітқасымов, 23 жаста. "
            "Екіншісі — Әлібек Жолдасбеков, 31 жаста. Екеуі де оқ тиіп қаза тапқан.",
            "kk",
            [("Сейітқасымов", "Ділмұрат", "killed"), ("Жолдасбеков", "Әлібек", "killed")],
        ),
        # a family's child named after the family's surname in the plural
        (
            "Көрші Әбдіровтердің ұлы Нұрболат Алматыда 6 қаңтарда қаза тапты.",
            "kk",
            [("Әбдіров", "Нұрболат", "killed")],
        ),
        (
            "Біреуі — біздің Ернұр, біреуі — Тоқтарбаевтардың Мақсаты, екеуі де ұсталды.",
            "kk",
            [("Тоқтарбаев", "Мақсат", "detained")],
        ),
        # what happened, as families, wards and threads tell it
        (
            "Row 7, Sultan Ibraimov, 46. His family confirmed today that he is dead.",
            "en",
            [("Ibraimov", "Sultan", "killed")],
        ),
        (
            "05:30 — Bed 11: Gaukhar Tleubergenova, 41, shrapnel wound to the right thigh.",
            "en",
            [("Tleubergenova", "Gaukhar", "injured")],
        ),
        ("Среди отпущенных — Олжас Ж., он сам написал нам.", "ru", [("Ж.", "Олжас", "released")]),
        (
            "Әлімжанов Ғанидің қабырғасы сынған, мұны оның адвокаты айтты.",
            "kk",
            [("Әлімжанов", "Ғани", "injured")],
        ),
        # a full name natasha does not find after "житель нашего посёлка"
        (
            "Один из доставленных, житель нашего посёлка Жумабаев Арман Серикович, 1997 г. р., "
            "с огнестрельным ранением бедра.",
            "ru",
            [("Жумабаев", "Арман", "detained")],
        ),
    ],
)
def test_lists_told_one_by_one_families_children_wards_and_threads(text, language, expected):
    assert persons_read(text, language, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # "let … out" is a release
        ("Son, they let Aidar Kemelov out this afternoon.", "en",
         [("Kemelov", "Aidar", "released")]),
        ("Aidar Kemelov was let out yesterday on bail.", "en", [("Kemelov", "Aidar", "released")]),
        # "қаза болды" is a death, as "қаза тапты" is; "қаза болмады" is none
        ("Біздің бригададан Ғалым Сейітов қаза болды.", "kk", [("Сейітов", "Ғалым", "killed")]),
        ("Ғалым Сейітов қаза болмады, бірақ ауыр жараланды.", "kk",
         [("Сейітов", "Ғалым", "injured")]),
        # a head split open in questioning is an injury
        ("Көршім Бекжан Оралов тергеуден басы жарылып келді.", "kk",
         [("Оралов", "Бекжан", "injured")]),
        ("Kanat Seitov's head was cut open at the station, he is in hospital now.", "en",
         [("Seitov", "Kanat", "injured")]),
    ],
)  # fmt: skip
def test_private_words_tell_kin_a_release_a_death_and_a_wound_in_their_own_way(
    text, language, expected
):
    assert persons_read(text, language, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a man's dative, given name and surname both ("Жандосу Тастемирову")
        ("Суд назначил Сергею Бортнику и Жандосу Тастемирову по 15 суток ареста.",
         [("Бортник", "Сергей", "convicted"), ("Тастемиров", "Жандос", "convicted")]),
        # "-аю" beside "-ову" is a man's dative (Ертай), not a woman's accusative
        ("Ертаю Жунусбекову суд назначил административный арест на 15 суток.",
         [("Жунусбеков", "Ертай", "convicted")]),
        # a given name the dictionary also reads as the plural of another stays as written
        ("3. Юнусов Бахром Алишерович, 1988 г. р. — задержан 7 января.",
         [("Юнусов", "Бахром", "detained")]),
        # "ё" in a given name in an oblique case ("Серёжу" of Серёжа)
        ("Серёжу Прохорова, который из Косшы, отпустили 20-го под подписку о невыезде.",
         [("Прохоров", "Серёжа", "released")]),
    ],
)  # fmt: skip
def test_russian_cases_of_kazakh_and_familiar_names_come_back_to_the_nominative(text, expected):
    assert persons_read(text, "ru", learned=False) == expected


def test_a_chats_aunt_is_kin_not_a_surname_even_to_the_second_reader():
    text = (
        "Timur didn't come home. Aunt Gulnar is crying since 5 in the morning. Timur called "
        "Aunt Gulnar for one minute from someone else's phone. He's in the IVS."
    )
    assert persons_read(text, "en") == []


def test_countries_listed_after_a_release_are_not_people():
    text = (
        "Kazakhstan has been added to a watchlist after a crackdown on peaceful protesters and "
        "journalists.\n\nThe new watchlist is released by the Monitor, an online platform that "
        "tracks civic freedoms across 197 countries. Other countries included on the watchlist "
        "are El Salvador, India and Tunisia."
    )
    assert persons_read(text, "en") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a surname of no telling ending before a given name and patronymic: an order's way
        (
            "The Institute's condolences go to the family of student Keller Arman Viktorovich, "
            "who died of gunshot wounds.",
            [("Keller", "Arman", "killed")],
        ),
        # a course of study is no name
        (
            "Zhaksylykov Timur Bolatovich, 2nd year, Information Systems, detained in Almaty.",
            [("Zhaksylykov", "Timur", "detained")],
        ),
    ],
)
def test_an_orders_names_surname_first_and_its_courses(text, expected):
    assert persons_read(text, "en", learned=False) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a name spelt again in another script or spelling is the one person, as first spelt
        (
            "| 4 | Жаксылыков Серик | ZHAKSYLYKOV SERIK | Серік Жақсылықов | задержан 06.01 |",
            "ru",
            [("Жаксылыков", "Серик", "detained")],
        ),
        # "Ұлттық ұлан" (the National Guard) after a name is no part of it
        (
            "Ғалымжан Дәулетұлы Ұлттық ұланның әскери қызметшісі ретінде Алматыда қаза тапты.",
            "kk",
            [("Дәулетұлы", "Ғалымжан", "killed")],
        ),
    ],
)
def test_a_name_in_two_spellings_and_the_national_guard(text, language, expected):
    assert persons_read(text, language, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what someone is, before the name, is no part of it
        (
            "Goalkeeper Rustam Ismailov was injured on 5 January by a rubber bullet.",
            [("Ismailov", "Rustam", "injured")],
        ),
        # a village of two words is no person
        (
            "Of the men from Krasnaya Polyana working in Almaty, three were detained.",
            [],
        ),
    ],
)
def test_a_players_position_and_a_village_are_no_names(text, expected):
    assert persons_read(text, "en", learned=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dauren Ospanov, 31, is serving a term of six years in a colony.",
            [("Ospanov", "Dauren", "convicted")],
        ),
        (
            "The poem is read by its author, Daniyar Kopbayev, who lost the sight of his left "
            "eye on the square.",
            [("Kopbayev", "Daniyar", "injured")],
        ),
        # a case file's entry: the name on its line, what happened with no subject after it
        (
            "3. ZHUMABEKOV Sergei Petrovich (b. 1976), welder. Case No. 4318-23.\n"
            "One of the two residents charged in May 2023. Under house arrest since 17 May.",
            [("Zhumabekov", "Sergei", "arrested")],
        ),
    ],
)
def test_serving_a_term_an_eye_lost_and_a_case_files_entry(text, expected):
    assert persons_read(text, "en", learned=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "During the attack guard Pavel Rudenko suffered burns to both hands.",
            [("Rudenko", "Pavel", "injured")],
        ),
        # a rank in capitals before the name that opens the sentence: its subject, however
        # long the aside after it
        (
            "Police Major Arman Seitkaliyev, 44, a graduate of our school and for many years "
            "the district inspector in our own village, was killed in Taraz on 5 January.",
            [("Seitkaliyev", "Arman", "killed")],
        ),
    ],
)
def test_burns_and_a_ranked_subject_with_a_long_aside(text, expected):
    assert persons_read(text, "en", learned=False) == expected


def test_a_bibliographys_author_is_no_victim():
    text = "1. Оразбеков С. Ауылдан алты жігіт ұсталды // Дала үні. – 2022. – 12 қаңтар. – 2-б."
    assert persons_read(text, "kk", learned=False) == []


@pytest.mark.parametrize(
    "text",
    ["Serik Ivanov, 34; detained 06.01 near the akimat.", "Serik Ivanov|detained 06.01 at work."],
)
def test_a_case_notes_fate_after_a_semicolon_or_a_bar(text):
    assert persons_read(text, "en", learned=False) == [("Ivanov", "Serik", "detained")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the relative named in the genitive is the subject of the fate after it
        (
            "Оның әкесі Дәурен Бекбауловтың 2022 жылы 7 қаңтарда қаза тапқанына бір жыл толды.",
            [("Бекбаулов", "Дәурен", "killed")],
        ),
        # ... not when that relative only tells of another
        ("Оның ағасы Асқардың айтуынша, ол ұсталған.", []),
    ],
)
def test_a_kazakh_relative_whose_own_fate_follows_is_a_victim(text, expected):
    assert persons_read(text, "kk", learned=False) == expected


@pytest.mark.parametrize(
    ("text", "fate"),
    [
        (
            "Police officers killed in the riots: Rakhat Sarbayev, Rinat Oskenov and "
            "Yerbol Tlegenov.",
            "killed",
        ),
        ("Injured: Rakhat Sarbayev, Rinat Oskenov and Yerbol Tlegenov.", "injured"),
        # where each was from, in brackets, does not end the list
        (
            "The ministry named the officers killed: Rakhat Sarbayev (Taraz), Rinat Oskenov "
            "(Almaty) and Yerbol Tlegenov (Almaty).",
            "killed",
        ),
    ],
)
def test_a_heading_participle_before_a_colon_tells_of_every_name_after_it(text, fate):
    assert persons_read(text, "en", learned=False) == [
        ("Sarbayev", "Rakhat", fate),
        ("Oskenov", "Rinat", fate),
        ("Tlegenov", "Yerbol", fate),
    ]


def test_a_court_cause_list_names_its_defendants_after_state_v():
    text = (
        "2.  11:00   Case No. 1-114/2022   criminal, pronouncement of verdict\n"
        "    State v. TOKPANOV Arman Yerlanovich, b. 1996; BERDIBEKOV Ruslan Maratovich, "
        "b. 2001\n"
    )
    assert persons_read(text, "en", learned=False) == [
        ("Tokpanov", "Arman", "charged"),
        ("Berdibekov", "Ruslan", "charged"),
    ]


def test_a_spreadsheet_row_tells_a_release_by_its_date_and_a_whereabouts_unknown():
    text = (
        "ID     Surname, name          Age  Detained   Status\n"
        "SH-03  Sagimbayeva, Aliya     22   06.01      released 07.01, no charge\n"
        "SH-12  Mukhamadiyev, Ruslan   33   06.01      WHEREABOUTS UNKNOWN\n"
    )
    assert persons_read(text, "en", learned=False) == [
        ("Sagimbayeva", "Aliya", "released"),
        ("Mukhamadiyev", "Ruslan", "missing"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "SH-05  Dyusenbin, Talgat   41   house arrest since 21.02",
            [("Dyusenbin", "Talgat", "arrested")],
        ),
        # not a given name ending so: "My dear Zarina, Alisher was released"
        ("My dear Zarina, Alisher was released yesterday.", []),
    ],
)
def test_a_surname_in_in_is_read_first_before_a_comma_and_the_given_name(text, expected):
    assert persons_read(text, "en", learned=False) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a man's given name the dictionary reads only in an oblique case: his genitive
        (
            "Жена вахтовика Айбека Далабаева обратилась к нам: он пропал без вести.",
            "ru",
            [("Далабаев", "Айбек", "missing")],
        ),
        # a woman's given name that does not decline, not a genitive plural
        (
            "История Дильназ Бердигуловой, 17 лет, которую задержали у магазина.",
            "ru",
            [("Бердигулова", "Дильназ", "detained")],
        ),
        # a Kazakh surname of no Russian ending, in his genitive
        (
            "Родные ищут Каната Укибая, 23 г.: пропал без вести 4 января.",
            "ru",
            [("Укибай", "Канат", "missing")],
        ),
        # a participle opening the sentence is no given name
        (
            "Жараланған Нұрболат Ақыланов та ұсталды.",
            "kk",
            [("Ақыланов", "Нұрболат", "detained")],
        ),
        # a given name in "-ина" before a family name in "-қызы"
        (
            "Мәдина Серкебайқызы 5 қаңтарда жоғалып кетті.",
            "kk",
            [("Серкебайқызы", "Мәдина", "missing")],
        ),
        # a father of three is the one named, not a relative of another
        (
            "Ауылымыздың тұрғыны, үш баланың әкесі Болат Ерменбай 5 қаңтарда қаза тапқан.",
            "kk",
            [("Ерменбай", "Болат", "killed")],
        ),
        # a photojournalist's title is no given name
        (
            "Фототілші Қайрат Ожекенов кеше әкімдіктің алдында ұсталды.",
            "kk",
            [("Ожекенов", "Қайрат", "detained")],
        ),
        (
            "Ерасыл Қажығұмаров үйінен шығып кеткен, әлі оралған жоқ.",
            "kk",
            [("Қажығұмаров", "Ерасыл", "missing")],
        ),
        # an administrative arrest in a table's cell
        (
            "| 2 | Кожахметова Дильназ | административный арест 10 сут | — |",
            "ru",
            [("Кожахметова", "Дильназ", "convicted")],
        ),
        # a profile's "Then:" line tells of the one its heading names
        (
            "КАЮМОВ Азамат, 35 лет\n\nТогда: задержан 7 января у себя дома.",
            "ru",
            [("Каюмов", "Азамат", "detained")],
        ),
    ],
)
def test_names_in_an_oblique_case_a_participle_and_a_father_of_three(text, language, expected):
    assert persons_read(text, language, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a written pledge not to leave: released
        (
            "The brothers, Kairat and Daniyar Medeubekov, signed a written pledge not to leave.",
            [("Medeubekov", "Kairat", "released"), ("Medeubekov", "Daniyar", "released")],
        ),
        # a village the text names is no surname, wherever it stands
        (
            "TAUTURGEN, Kazakhstan, Jan 6 - Police said one person had died.\n"
            "Memet Khashimov, 52, a market trader from Tauturgen, died of gunshot wounds.\n"
            "Tauturgen residents say the count is higher; Tauturgen was killed, one wrote.",
            [("Khashimov", "Memet", "killed")],
        ),
        # ... but a given name the text writes before a surname is a person's
        (
            "An officer pulled Ruslan Abenov away. He hit him, away from Ruslan's mother.\n"
            "Later they took the phone from Ruslan and Ruslan was detained.",
            [("Abenov", "Ruslan", "detained")],
        ),
        # a wire's sentence wrapped across lines is read whole
        (
            "Police now say one person has died. Memet Khashimov, 52, a market trader\n"
            "from the village, died of gunshot wounds at the district hospital early on\n"
            "Thursday.",
            [("Khashimov", "Memet", "killed")],
        ),
    ],
)
def test_a_written_pledge_a_village_the_text_names_and_a_wrapped_sentence(text, expected):
    assert persons_read(text, "en", learned=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two Latin letters for one Cyrillic initial, a court's words in the present
        (
            "Sholpankulov Yerbol Maratovich, in pre-trial detention since 8 January.\n"
            "The court finds Sholpankulov Ye. M. guilty and sentences him to two years.",
            [("Sholpankulov", "Yerbol", "convicted")],
        ),
        (
            "| 3 | Kempirbayev Ye. S. | 1978 | detained 7 Jan, released on 9 Jan |",
            [("Kempirbayev", "Ye.", "detained")],
        ),
        # a working paper's authors are no victims of what its title tells
        (
            'Sh. Temirkhanova and P. Lindqvist, "Policing the Periphery: Detention in Mining '
            'Towns", Working Paper No. 2023/07, March 2023.',
            [],
        ),
        # a relative whose own fate the clause after the name tells
        (
            "Episode 3 belongs to his cousin, Ruslan Baimyrzayev, who was detained that night.",
            [("Baimyrzayev", "Ruslan", "detained")],
        ),
        # "E." for a Yerlan, as a transliteration letter by letter writes it
        (
            "Yerlan Sugirbayev was detained. Our client E. Sugirbayev lost consciousness.",
            [("Sugirbayev", "Yerlan", "detained")],
        ),
    ],
)
def test_initials_of_two_latin_letters_and_a_courts_words_in_the_present(text, expected):
    assert persons_read(text, "en", learned=False) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # among the hurt, a title between; one of the patients
        (
            "Среди пострадавших — главный специалист управления Лаврентьев С. Н.",
            "ru",
            [("Лаврентьев", "С.", "injured")],
        ),
        (
            "Науқастардың бірі — Жасұлан Байсерке (22 жаста), иығы жарақаттанған.",
            "kk",
            [("Байсерке", "Жасұлан", "injured")],
        ),
        # brought to the police department, not to a hospital's
        (
            "Ерболат Жетпісбай 10 қаңтарда полиция бөліміне жеткізілді.",
            "kk",
            [("Жетпісбай", "Ерболат", "detained")],
        ),
        ("Ерболат Жетпісбай хирургия бөліміне жеткізілді.", "kk", []),
        # a term given: "получил пять лет"
        ("Нурлан Абыкенов получил пять лет.", "ru", [("Абыкенов", "Нурлан", "convicted")]),
        # words in capitals of no name's shape, a salutation, English words are no names
        (
            "Ерасылдың өзі де сол түні ұсталды — бұл туралы ДАУЫСТАП АЙТПА.",
            "kk",
            [],
        ),
        (
            "АСҚАР БЕКМАҒАМБЕТ (1978–2022). 6 қаңтар түні үйіне қайтып келе жатқан жолда оқ "
            "тиіп, қаза тапты.",
            "kk",
            [("Бекмағамбет", "Асқар", "killed")],
        ),
        (
            "Verified Purchase: my cousin was arrested in the hospital car park.",
            "en",
            [],
        ),
    ],
)
def test_among_the_hurt_a_term_given_and_words_in_capitals(text, language, expected):
    assert persons_read(text, language, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # initials of two letters, an abbreviation inside brackets, columns after a full stop:
        # none ends the sentence
        (
            "Сотрудниками полиции задержаны шесть пассажиров. Среди задержанных — Кочетков Р.А. "
            "(ваг. 9, место 14) и Шалданбаев Е.К.",
            "ru",
            [("Кочетков", "Р.", "detained"), ("Шалданбаев", "Е.", "detained")],
        ),
        (
            "Көліктегі жолаушы Дәуренбеков С.А. (2001 ж.т.) бекетте ұсталды.",
            "kk",
            [("Дәуренбеков", "С.", "detained")],
        ),
        (
            "40233   PASTUKHOV D.A.     driller's asst.    U-REL    detained 05.01 in Oskemen",
            "en",
            [("Pastukhov", "D.", "detained")],
        ),
        # a count written again in words in brackets before the list of names
        (
            "Задержаны 3 (три) человека: Кантарбаев С.М., Тыныштыков А.Б., Кононенко И.В. При "
            "задержании никто не пострадал.",
            "ru",
            [
                ("Кантарбаев", "С.", "detained"),
                ("Тыныштыков", "А.", "detained"),
                ("Кононенко", "И.", "detained"),
            ],
        ),
        # … but after a surname's initials a capitalised word opens the next sentence
        (
            "2. СЛУШАЛИ: Ержанову А.М. Сергей Валерьевич Малахов (кв. 14), 38 лет, погиб 5 января.",
            "ru",
            [("Малахов", "Сергей", "killed")],
        ),
        # a given name, its other spelling in brackets, the surname; a register's participle
        (
            "† For the eternal rest of Andrei (Andrzej) OLSHEVSKI, 52, killed in Taraz on 5 "
            "January | his wife Irina |",
            "en",
            [("Olshevski", "Andrei", "killed")],
        ),
        (
            "For Dmitri ZIELINSKI, 26, taken by police in Taraz on 6 January, that he may come "
            "home.",
            "en",
            [("Zielinski", "Dmitri", "detained")],
        ),
        # a company is no one: "Dastarkhan Catering LLP"
        (
            "Bakhyt Ongarsynov, a driver for our subcontractor Dastarkhan Catering LLP, left on 5 "
            "January and did not come back.",
            "en",
            [("Ongarsynov", "Bakhyt", "missing")],
        ),
        # an adverb opening a sentence is no one's name; a speaker's label after initials
        (
            "Nationally, the authorities report that 1,200 people have been convicted.\n"
            "Detained, Talgar district   | about 90 (district police)   | 134",
            "en",
            [],
        ),
        (
            "Жиналыста сөйлегендер.\nА.Ж. Дүйсенбаев: «Ұлыммен бірге ұсталған 7 жігіттің "
            "бесеуі босатылды.»",
            "kk",
            [],
        ),
        # whose relative is named next, set off by commas, with what happened to him
        (
            "Отец ученицы 7 класса Полины Дегтярёвой, Дегтярёв Сергей Иванович, получил "
            "огнестрельное ранение бедра.",
            "ru",
            [("Дегтярёв", "Сергей", "injured")],
        ),
        (
            "The father of Year 9 pupil Timur Abenov, Serik Abenov, was detained on 6 January.",
            "en",
            [("Abenov", "Serik", "detained")],
        ),
        # lines an e-mail quotes, a date cut at a line's end; a lake is no one
        (
            ">> At the beginning of January there was unrest in Kazakhstan. My younger\n"
            ">> brother Bekzat Ungarsynov (19) was in Ust-Kamenogorsk (Oskemen) on 6\n"
            ">> January and was detained near the regional akimat.",
            "en",
            [("Ungarsynov", "Bekzat", "detained")],
        ),
        ("Volunteers say 9 men from the villages around Lake Markakol were detained.", "en", []),
        # a title and a name opening the line, what it says in quotes after the colon
        (
            "Имам Дүйсенқұлов Ерғали: «Жамағат, ауданнан 2 азамат қаза тапты: бірі — Самат "
            "Іргебаев.»",
            "kk",
            [("Іргебаев", "Самат", "killed")],
        ),
        # whose son: the name after a son set off after another name; a manager by his work;
        # a Mass
        (
            "Данияр Шамшиев, сын нашего егеря Кайрата Шамшиева, лежит в больнице с ранением.",
            "ru",
            [("Шамшиев", "Данияр", "injured")],
        ),
        (
            "Staff who were released: absence is paid leave (decision of I. Shestopalov, HR "
            "manager, 10.01).",
            "en",
            [],
        ),
        (
            "12.01. First Mass after the closure.\n16.01. After Mass the dean's message: of the "
            "Catholics of our deanery, five were detained in the first days.",
            "en",
            [],
        ),
        (
            "Mr Ruslan Tleuov, deputy chairperson of the union, was detained on 6 January.",
            "en",
            [("Tleuov", "Ruslan", "detained")],
        ),
        # no news of three, one of them named before "one of them"; no contact since a day
        (
            "Қазір ауылымыздан 3 жігіттің хабары жоқ, Ержан Шағырбаев солардың бірі.",
            "kk",
            [("Шағырбаев", "Ержан", "missing")],
        ),
        (
            "40711   TSELIKOV R.        welder             U-NC     no contact since 05.01",
            "en",
            [("Tselikov", "R.", "missing")],
        ),
        # a rubber bullet
        (
            "Our mechanic Oleg Vintergalter was hit by a rubber bullet and is in hospital.",
            "en",
            [("Vintergalter", "Oleg", "injured")],
        ),
        # a cut on the head
        (
            "Пассажир Мукатаев Д.С. жалуется на головную боль, на голове рассечение.",
            "ru",
            [("Мукатаев", "Д.", "injured")],
        ),
    ],
)
def test_initials_brackets_columns_and_a_registers_words(text, language, expected):
    assert persons_read(text, language, learned=False) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a register's surname in capitals before the given name, with no comma
        (
            "| RFL-031 | DZHAO Andrei (38) | son, Pavel | detained 6.01 in Almaty |",
            "en",
            [("Dzhao", "Andrei", "detained")],
        ),
        # a surname first, told by the given name the dictionary knows after it
        ("Тиссен Артур задержан 6 января.", "ru", [("Тиссен", "Артур", "detained")]),
        ("Зуев Константин получил травму.", "ru", [("Зуев", "Константин", "injured")]),
        ("Константин Фаст задержан 6 января.", "ru", [("Фаст", "Константин", "detained")]),
        # who was present at a meeting held on a day is no one held
        (
            "MINUTES No. 3/2022\nof the extraordinary meeting held on 16 January 2022, after the "
            "Zuhr prayer\n\nPresent: 9 of 11 committee members, among them Imam BALTAKOZOV "
            "Nurgali (chair), aksakals Naimanbayev Tolegen and Abyzbayev Kenes.",
            "en",
            [],
        ),
        # … in a table's cell, which natasha passes over
        (
            "| 3 | Штольц Андрей | ст. 4417 | ранен 6 января |",
            "ru",
            [("Штольц", "Андрей", "injured")],
        ),
        # a surname in capitals before initials, or before a given name and a patronymic
        ("ЛЕГАЙ Р.В. задержан 6 января.", "ru", [("Легай", "Р.", "detained")]),
        ("Лигай Вадим Олегович задержан 7 января.", "ru", [("Лигай", "Вадим", "detained")]),
        ("ЛИГАЙ Вадим Олегович 7 қаңтарда ұсталды.", "kk", [("Лигай", "Вадим", "detained")]),
        # treated in hospital; sought by the family; a surname and initials after a noun
        (
            "В районной больнице лечатся двое жителей — Сергей Вебер и Нурлан Тасбулатов.",
            "ru",
            [("Вебер", "Сергей", "injured"), ("Тасбулатов", "Нурлан", "injured")],
        ),
        (
            "Нашёлся водитель Арман Жексембаев, которого родные искали с 5 января.",
            "ru",
            [("Жексембаев", "Арман", "missing")],
        ),
        (
            "Учащийся 10 класса Сапаргалиев Д. (16 лет) был доставлен в Алгинский РОП.",
            "ru",
            [("Сапаргалиев", "Д.", "detained")],
        ),
        # a Kazakh relative named with a fate of his own is its subject, not one who speaks
        (
            "Оқушының әкесі Ерболат Сәрсенбаев 6 қаңтарда Өскеменде ұсталды.",
            "kk",
            [("Сәрсенбаев", "Ерболат", "detained")],
        ),
        ("Әкесі Болат Ерменов ұлының ұсталғанын айтты.", "kk", []),
        # a hospital where the one named lies, in a bare case, is no hospital named after him
        (
            "Ауылдасымыз Бақытжан Оразалин ауруханада жатыр, жағдайы тұрақты.",
            "kk",
            [("Оразалин", "Бақытжан", "injured")],
        ),
        # a register's status after a colon, a cell's word alone
        (
            "| TR-0112 | SEITOV Arman (29) | 6.01, Taraz | LOCATED 11.01: detained |",
            "en",
            [("Seitov", "Arman", "detained")],
        ),
        ("| 4 | DZHUMAN Yerlan (33) | detained |", "en", [("Dzhuman", "Yerlan", "detained")]),
        # a tracing register: the enquirer is no victim; "NOT LOCATED" is missing
        (
            "| TR-0117 | KHEGAI Oleg (41) | brother, I. Khegai | 5.01, Almaty | NOT LOCATED |",
            "en",
            [("Khegai", "Oleg", "missing")],
        ),
        # a life span lined up after the name at the end of a plaque's line
        (
            "THEY DID NOT COME HOME\n  Line 3  [portrait]  DOROSHIN Pavel Igorevich   1984 - 2022",
            "en",
            [("Doroshin", "Pavel", "killed")],
        ),
    ],
)
def test_a_registers_surname_first_and_a_plaques_life_span(text, language, expected):
    assert persons_read(text, language, learned=False) == expected
