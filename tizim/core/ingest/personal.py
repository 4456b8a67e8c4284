"""The words that say what happened to one person, and who only speaks, in kk, ru and en.

Unlike the counts of ``lexicon``, these want a person as their subject ("was detained", "his
body", "задержан", "ұсталды"): "police detained protesters" says nothing about a named man.
The patterns are kept as text and compiled at the end (``FATE_WORDS``, ``GROUP_WORDS``,
``ANY_FATE``) for the readers of persons.
"""

from __future__ import annotations

import re

from tizim.core.fates import Fate
from tizim.core.ingest import lexicon

_W = r"\w*"
_BE = (
    r"(?:was|were|been|is|are|being|had been|has been|have been)"
    r"(?: (?:first|later|then|also|subsequently|reportedly|allegedly|finally|still))?"
)

#: (fate, pattern) in the order of weight: a person's fate is the heaviest one told.
PERSON_FATES: tuple[tuple[Fate, str], ...] = (
    (
        Fate.KILLED,
        rf"{_BE} (?:shot and )?killed|shot dead|(?<!will )(?<!would )died|found dead|"
        rf"{_BE} pronounced dead|(?:he|she) (?:is|was) dead|"
        r"^killed by|"
        # a register's note after the age: "OLSHEVSKI, 52, killed in Taraz on 5 January"
        r"(?<=\d,\s)(?:killed|shot dead)(?= on | in | near | at )|"
        # a heading's participle over the names: "police officers killed in the riots: A, B"
        r"killed(?=(?:\s+[\w-]+){0,4}\s*:)|"
        r"beaten to death|(?:his|her) (?:[\w,]+ ){0,3}body|in a (?:city )?morgue|"
        rf"погиб{_W}|убит{_W}|застрелен{_W}|скончал{_W}|умер\b|умерл{_W}|тело|в морге|"
        rf"найден{_W} мертв{_W}|қаза тап{_W}|қаза тау{_W}|қайтыс бол{_W}|мерт бол{_W}|мәйіт{_W}|"
        r"қаза бол(?!ма)\w*|"
        rf"моргта|(?:денесі|мүрдесі) (?:\w+ ){{0,6}}табыл{_W}|атып өлтір{_W}|өлтірілді|"
        rf"марқұм(?! бол)|оққа ұш{_W}|опат бол{_W}|көз жұм{_W}|"
        # "the death of", "circumstances of death for", "о гибели"
        r"(?:death|killing|murder)s? (?:of|for)|гибел\w*|қазасы\w*|"
        # a funeral: "Жұмабаева Ақмаралдың жаназасы", "the funeral of", "похоронили"
        rf"жаназасы{_W}|ақтық сапарға (?:шығарып сал|аттан){_W}|funeral of|похорон{_W}|"
        # a relative lost: "күйеуі Бақытжан Есімовтен айырылды" (not "жанарынан айырылды")
        rf"(?<!жанарынан )(?<!көзінен )(?<!аяғынан )айырыл{_W}|"
        # a life span ending now, as lists of the dead write it: "Асқар Мамыров (1986–2022)"
        r"\((?:19|20)\d\d\s*[–—-]\s*20[2-9]\d\)|"
        # … or lined up after the name at the end of a plaque's line: "TYURIN Andrei   1987 - 2022"
        r"(?<=  )(?:19|20)\d\d\s*[–—-]\s*20[2-9]\d(?=[^\S\n]*(?:\n|$))",
    ),
    (
        Fate.MISSING,
        r"missing|whereabouts (?:(?:remain|remains|are|is|still) (?:still )?)?unknown|disappeared|"
        # a tracing register's status: "NOT LOCATED"
        r"not (?:yet )?(?:located|traced)|"
        # a roster's note: "no contact since 05.01"
        r"no contact since|"
        r"vanished|"
        rf"last seen|в последний раз (?:\w+ )?видел{_W}|соңғы рет көр{_W}|"
        # the family looking for them: "Родные ищут Дмитрия", "relatives are searching for"
        rf"(?:родные|родственники|семья|близкие|relatives|family|families) (?:\w+ )?"
        rf"(?:ищут|искали|разыскивают|разыскивали|(?:are|is|were|was) (?:still )?"
        rf"(?:looking|searching) for)|іздеп жүр{_W}|"
        # a volunteers' notice: "ИЩЕМ:", "Ищем Вадима Кольцова" (not "ищем адвоката")
        r"(?:ищем|разыскиваем)(?=:| (?!адвокат|юрист|врач|волонт|помощ|свидетел|информац|деньг|"
        r"спонсор|работ|жиль|квартир|водител|транспорт|машин|способ|возможност|ответ)\w)|"
        rf"пропал{_W}|пропавш(?:ий|его|ему|им|ая|ую|ей)|без вести|"
        rf"местонахождени{_W} (?:[\w]+ )?неизвестн{_W}|исчез{_W}|"
        rf"неизвестн{_W} местонахождени{_W}|"
        rf"хабарсыз{_W}|із-түзсіз|жоғалып кет{_W}|хабар-ошарсыз{_W}|қайда екені белгісіз|"
        rf"розыск{_W}|(?:a )?search (?:file|case) (?:was |has been )?opened|"
        # "I haven't heard from her since", "не могут его найти", "связь с ним утрачена"
        r"(?:have not|haven't|has not|hasn't) (?:been )?heard from|"
        r"(?:have|has|had) heard nothing from (?:him|her|them)|"
        # "had not returned home since 5 January", "не знают, где их сын"
        r"(?:had|has|have) not (?:returned|come) home(?! to)|"
        rf"не зна{_W},? где (?:\w+ )?(?:сын|дочь|брат|муж|он|она)\b|"
        r"ищ(?:ет|ут|ем) (?:своего |своих )?(?:сына|дочь|брата|мужа|сестру|отца)\b|"
        rf"не (?:могут|может|смогли) (?:его |ее |её )?найти|связь с \w+ (?:утрачена|потеряна)|"
        rf"на связь не выход{_W}|ничего не известно|nothing (?:is|has been) (?:known|heard)|"
        r"ешкім көрмеген|никто (?:\w+ )?не видел|no one has seen|nobody has seen|"
        # "вышел из дома … и не вернулся", "never came home", "үйге оралмады"
        rf"не вернул{_W}|(?:did not|didn't|never) (?:return|come back|came back|come home|"
        rf"came home)|оралмады|қайтып келмеді|(?:әлі|үйге|үйіне) оралған жоқ|"
        # "Данияр Сапаров әлі табылған жоқ": not found yet
        r"(?:әлі|әлі күнге дейін|әлі де) (?:\w+ )?табыл(?:ған жоқ|мады|маған|май)",
    ),
    (
        # a sentence passed: "sentenced to 15 years", "given 20 years", "a seven-year
        # sentence", "к восьми годам лишения свободы", "5 жылға сотталды", "fined"
        Fate.CONVICTED,
        rf"restriction of liberty|ограничени{_W} свободы|бас бостандығын шектеу{_W}|"
        rf"осужден{_W}|приговор[её]н{_W}|приговорил{_W}|соттал{_W}|"
        r"handed down to|received [\w ]{0,30}(?:imprisonment|in prison|sentences?)|jailed for|"
        # "are serving terms of five and six years in a colony"
        r"(?:is|are|was|were) serving (?:a |their |his |her )?(?:prison )?(?:terms?|sentences?)|"
        rf"условн{_W} срок|(?:года?|лет) условно|"
        # "each received six years", "получили по пять лет", "were each handed 15 days in jail"
        r"(?:each )?received (?:[\d.]+|\w+)(?:-| )years?|получил{_W} (?:по )?\w+ (?:года?|лет)\b|"
        # "приговор — 8 лет — получил Данияр Жумабеков", "ему дали пять", "отсидел свои 15 суток"
        r"приговор\W+(?:[\w-]+\W+){0,3}получил\w*|(?:ему|ей|им|мне) дали (?:по )?(?:\d+|один|"
        r"одну|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять)\b|"
        rf"отсидел{_W} (?:свои )?(?:\d+|\w+) (?:суток|дней|года?|лет)\b|"
        # a list's note of an administrative arrest: "суд 9.01 — 10 суток ареста"
        r"(?<!\w)\d{1,2} суток (?:административного )?ареста|"
        # "суд назначил административный арест на 15 суток", "подвергнут … аресту на 10 суток"
        rf"административн{_W} арест{_W} (?:сроком )?на (?:\d+|\w+) суток|"
        # a table's cell: "административный арест 10 сут", "адм. арест"
        rf"административн{_W} арест{_W}(?= \d+ сут)|адм\. арест{_W}|"
        # a list of sentences said aloud: "Nurlybek Zhaksylykov, five years."
        r"(?<=, )(?:\d+|[a-z]+(?:-[a-z]+)?)(?: and a half)? years?(?! old)(?:,? suspended)?"
        r"(?=\s*[.;?]|\s*$)|"
        # "The heaviest sentence, seven years, went to Igor Lysenko"
        r"sentences?,? (?:[\w-]+ (?:years?|months?),? )?went to|"
        r"(?:each )?handed (?:[\d.]+|\w+)(?:-| )(?:years?|months?|days?)|"
        rf"{_BE} (?:sentenced|convicted|found guilty)|sentenced|(?:was |were )?given "
        rf"(?:[\d.]+|\w+) (?:years?|months?|days?)|received (?:a |an )?[\w-]+ sentence|"
        rf"лишени{_W} свободы|бас бостандығынан айыр{_W}|"
        # "Абыкенов получил пять лет", "получила 3 года" (not "получил травму")
        rf"получил{_W} (?:[\w-]+ ){{1,2}}(?:лет|года?)\b(?! назад)|"
        rf"(?:each )?fined|оштрафован{_W}|айыппұл сал(?:ын)?(?:ды|ған{_W}|ып)|"
        # administrative arrest: "Абзал Достияровты 15 күнге қамаған"
        rf"\d+ (?:күнге|тәулікке) қама(?:л)?(?:ды|ған{_W}|п)|"
        rf"(?:признал{_W}|признан{_W}) виновн{_W}|found (?:him |her |them )?guilty|"
        # a court's words in the present: "finds Sholpankulov Ye. M. guilty … and sentences him"
        r"finds [^.;]{0,60}? guilty|sentences (?:him|her|them|each)\b|"
        # given a term or an administrative arrest: "Самат Ғабдуллинге төрт жыл берілді",
        # "Ерасылға сот 5 тәулік әкімшілік қамақ берді"
        rf"жыл(?:ға)? (?:мерзім )?берілді|әкімшілік қамақ (?:жазасы )?берді|"
        # serving a sentence: "5 жыл мерзімін колонияда өтеуде", "отбывает срок"
        rf"(?:мерзімін|жазасын) (?:[\w-]+ ){{0,3}}өте{_W}|колонияда (?:\w+ )?отыр{_W}|"
        rf"отбыва{_W} (?:\w+ )?(?:срок|наказани){_W}|(?:is |are )?serving (?:a |an |his |her )?"
        r"(?:[\w-]+ ){0,2}(?:sentence|prison term|jail term)",
    ),
    (
        Fate.CHARGED,
        rf"{_BE} (?:charged|accused|indicted|prosecuted)|criminal (?:case|proceedings|charges)|"
        rf"charged with|обвин{_W}|возбужден{_W} уголовн{_W} дел{_W}|"
        r"faces? (?:allegations|charges)|"
        rf"айып тағыл{_W}|айыпта(?!уш){_W}|қылмыстық іс қозғал{_W}|"
        # on trial: "Серік Күдебаевқа қатысты сот отырысы", "суд над"
        rf"қатысты (?:\w+ )?сот{_W}|суд{_W} над|trial of|"
        # a court's cause list: "State v. ZHETKERGENOV Kanat Serikovich"
        r"(?:the )?state v\.?(?=\s)|"
        # named a suspect: "күдікті деп танылды", "признана подозреваемой"
        rf"күдікті (?:деп|ретінде) таныл{_W}|признан{_W} подозреваем{_W}|"
        r"(?:named|identified) as (?:a )?suspect|"
        # "face the same charge", "was acquitted" (tried, then freed)
        r"faces? (?:the same |a |an )?(?:[\w-]+ )?charges?|acquitted|оправдан\w*|"
        # "дело было возбуждено перед Новым годом против активиста Айдара Мубаракова"
        rf"возбужден{_W} (?:[\w-]+ ){{0,5}}против|"
        # a case file's note, with no subject: "Charged Art. 272(2) on 12.01."
        r"^charged(?= art| under| with| on \d| \d)",
    ),
    (
        Fate.ARRESTED,
        rf"{_BE} arrested|арестован{_W}|арестовал{_W}|қамауға ал{_W}|тұтқындал{_W}|"
        # house arrest: "парень под домашним арестом", "under house arrest"
        rf"домашн{_W} арест{_W}|house arrest|"
        rf"қамау берілді|қамауға кес{_W}|санкционирова{_W} арест{_W}|"
        r"(?:authori[sz]ed|ordered) (?:the )?(?:pre-trial )?(?:arrest|detention)|"
        r"(?:in|placed in|remanded in(?:to)?) pre-trial detention",
    ),
    (
        Fate.DETAINED,
        # "Nursultan Sultanov, one of those detained and on hunger strike"
        r"one of (?:those|the) (?:detained|held|arrested|detainees)|"
        # "one of the forty-odd people they took from the checkpoint"
        r"one of the [\w-]+ (?:people |men )?(?:they|police) (?:took|detained|picked up)|"
        # "They took her too" (not "took her to hospital")
        r"(?:they|police|officers) took (?:him|her|them)(?! to (?:the |a )?hospital)(?!\w)|"
        # "was taken from her home by three police officers"
        rf"{_BE} taken from (?:his|her|their) (?:home|house|flat|apartment|workplace)|"
        rf"{_BE} (?:detained|held|taken away|taken into custody|taken to (?:the )?(?:local )?"
        r"police\w*)|in (?:police )?(?:custody|detention)|detained by|dragged (?:him|her) away|"
        # "For Dmitri ZIELINSKI, 26, taken by police in Taraz"
        r"taken by (?:the )?(?:\w+ )?police|"
        rf"задержан{_W}|задержал{_W}|в ивс|в сизо|под страж{_W}|доставлен{_W}|"
        rf"ұстал{_W}|ұстап (?:әкет|ал){_W}|ұстады|ұстап\b|алып кет{_W}|изоляторда|изоляторында|"
        r"(?:ивс|сизо)-(?:та|те|да|де)|"
        rf"қамауда|(?:полиция\w* бөлім\w*|(?<!\w)бөлімге) (?:\w+ )?жеткізіл{_W}|"
        rf"забрали|увезли|(?:затолкал|закинул|посадил){_W} в автозак|"
        # a case file's note: "Detained 06.01 near the akimat.", "Picked up 07.01 at work."
        # (not "Detained protesters told him …"); an order's list: "Amirov Timur Bolatovich,
        # 3rd year, detained in Almaty on 6 January"
        # (a bar, semicolon or comma stands behind: the word starts where no letter precedes)
        # (a register's status after a colon, or a cell's word alone: "LOCATED 11.01: detained",
        # "| detained |")
        # (or columns lined up with spaces: "PASTUKHOV D.A.   U-REL    detained 05.01")
        r"(?:^|(?<=\|)\s*|(?<=;)\s*|(?<=,\s)|(?<=:\s)|(?<=   ))"
        r"(?:detained|picked up|taken away|taken into custody)"
        r"(?= \d| on \d| at | near | in | from |\s*\||\s*[.;,]|\s*$)",
    ),
    (
        Fate.INJURED,
        rf"{_BE} (?:shot|wounded|injured)|(?:gunshot|shrapnel|stab|bullet) wound|"
        # a heading's participle over the names: "Injured: A, B and C"
        r"(?:injured|wounded)(?=(?:\s+[\w-]+){0,4}\s*:)|"
        # "who lost the sight of his left eye on the square"
        r"lost the sight of|lost (?:his|her) (?:left |right )?eye|"
        rf"suffered (?:a |an )?[\w ]{{0,20}}injur{_W}|suffered (?:severe |serious )?burns|"
        # "was badly beaten in the crowd", "was treated for a shrapnel wound"
        rf"{_BE} (?:badly |severely |brutally )?beaten|"
        # "was hit by a rubber bullet"
        rf"{_BE} (?:hit|struck) by (?:a |an )?(?:rubber |plastic |stun )?(?:bullets?|pellets?|"
        r"grenades?|stones?|rocks?|batons?|truncheons?)|"
        # "was struck in the thigh", "was hit on the head"
        rf"{_BE} (?:struck|hit) (?:in|on) the (?:head|face|leg|legs|thigh|arm|chest|back|eye|"
        r"neck|stomach|shoulder|knee|hip|side)|"
        rf"{_BE} struck (?:on the \w+ )?(?:by|with) (?:a |an |the )?(?:[\w-]+ )?"
        r"(?:stones?|rocks?|bullets?|batons?|truncheons?|sticks?|bricks?|clubs?|vehicles?|"
        r"rifle butts?|rubber bullets?)|"
        r"treated for (?:a |an )?(?:[\w-]+ ){0,3}(?:wounds?|injur\w*|fractur\w*|burns?)|"
        r"(?:received|sustained|suffered) (?:a |an )?(?!no )(?:[\w-]+ ){0,2}(?:injury|wound)|"
        r"got shot|(?:a )?bullet hit (?:me|him|her)|"
        rf"being treated|receiving treatment|ранен{_W}|ранил{_W}|травм{_W}|госпитализ{_W}|"
        # "в больнице лечатся двое жителей — …", "находится на лечении"
        r"лечатся|лечится|(?:находится|находятся|проходит|проходят) (?:\w+ )?(?:на )?лечени\w*|"
        # "was taken to the Nura central district hospital", "underwent surgery"
        rf"{_BE} taken to (?:the |a )?(?:[\w-]+ ){{0,4}}hospital|underwent (?:\w+ )?surgery|"
        rf"получил{_W} (?:\w+ )?(?:ушиб|перелом|сотрясени|ожог){_W}|"
        # a hospital journal's diagnosis: "Ушиб гр. клетки, ссадины лица", "гематома"
        rf"ушиб{_W}|ссадин{_W}|гематом{_W}|рассечени{_W}|"
        # "ударили арматурой по голове"; "қабырғасы сынған" (a rib broken)
        rf"ударил{_W} (?:[\w-]+ ){{0,2}}(?:арматур{_W}|дубинк{_W}|прикладом|по голове|по лицу)|"
        rf"қабырға(?:сы|лары) (?:\w+ )?сын(?:ған|ды|ып){_W}|"
        # "тергеуден басы жарылып келді": came back from questioning with his head split
        rf"бас(?:ы|тары) жарыл{_W}|"
        # "Kanat Seitov's head was cut open", "his ribs were broken"
        r"(?:head|skull|face|nose|jaw|arm|leg|rib|eyebrow|lip)s? (?:was|were) "
        r"(?:cut|split|broken|fractured|smashed)|"
        rf"suffered (?:a |an )?(?:concussion|fractured|broken)|сотрясени{_W}|миы шайқал{_W}|"
        # "куда его доставили без сознания", "потерял сознание от побоев"
        rf"доставлен{_W} без сознания|доставили без сознания|потерял{_W} сознание|"
        # run over: "его сбила бронемашина", "hit by an armoured vehicle"
        rf"сбил[аио]? (?:\w+ )?(?:бронемашин|машин|автомобил|грузовик|бтр){_W}|"
        r"(?:hit|run over) by (?:a |an )?(?:armou?red )?(?:vehicle|car|truck)|"
        rf"жарақат(?:ын|тар)? ал{_W}|ауруханада (?:\w+ )?емдел{_W}|жарала{_W}|оқ ти{_W}|"
        rf"(?:жанарынан|көзінен|аяғынан) айырыл{_W}|"
        # "әлі аудандық ауруханада жатыр": still lying in hospital
        rf"(?:ауруханада|палатада) (?:\w+ ){{0,5}}жат{_W}|"
        rf"(?:ауруханаға|стационарға) (?:\w+ )?жатқызыл{_W}|"
        rf"жансақтау (?:\w+ )?(?:бөлімінде|бөлімшесінде) (?:\w+ )?жат{_W}|"
        # a case file's note: "Hit in the thigh by a rubber bullet on 06.01." (not "Shot on a
        # phone, the video shows …")
        r"(?:^|\|\s*|;\s*)(?:hit|shot|wounded|injured|beaten)"
        r"(?= in the | on the (?!phone|camera|video)\w| by a )",
    ),
    (
        Fate.RELEASED,
        rf"{_BE} (?:released|freed)|then released|one of the [\w-]+ (?:they )?released|"
        # a chat's "Azamat released today"
        # (or a date as a list writes it: "released 07.01, no charge")
        r"(?:released|freed) (?:today|yesterday|this morning|last night|on \d|\d{1,2}\.\d{2}\b)|"
        rf"освобожд{_W}|освобожден{_W}|отпущен{_W}|"
        rf"отпустил{_W}|выпустил{_W}|выпущен{_W}|босатыл{_W}|босатты|босатқан|"
        # "was let out on bail", "they let Vitya Gorelov out"
        rf"{_BE} let out|let (?:him|her|them|[\w-]+ [\w-]+) out\b(?! of)|"
        rf"бостандыққа шық{_W}|"
        # a case file's note: "Released 22.01 without charge."
        # (or a table's cell, a clause after a semicolon: "…; released after 48 hours")
        r"(?:^|\|\s*|;\s*)(?:released|freed)(?= \d| on \d| without | from | after \d)|"
        # a written pledge not to leave instead of custody, as for the claims
        rf"(?:signed|gave) a written pledge|подписк{_W} о невыезде|ешқайда кетпеу{_W}",
    ),
)

#: "Among the dead was …", "Среди погибших –", "Қаза тапқандардың арасында": the people named
#: next are of that fate.
AMONG: tuple[tuple[Fate, str], ...] = (
    (
        Fate.KILLED,
        r"among the (?:dead|killed)|среди (?:погибших|убитых)|қаза тапқандардың арасында|"
        # "Первой жертвой стала …", "the first victim was": of the shooting just told
        r"(?:перв|втор|треть|ещё одн|еще одн|очередн)\w* жертв\w* стал\w*|"
        r"the (?:first|second|third|latest) victim (?:was|is)",
    ),
    (Fate.MISSING, r"among the missing|среди пропавших|хабарсыз кеткендердің арасында"),
    (
        Fate.RELEASED,
        r"among (?:the |those )released|среди (?:отпущенных|освобожденных)|"
        r"босатылғандардың арасында",
    ),
    (Fate.CONVICTED, r"among (?:the |those )?(?:sentenced|convicted)|среди осужденных"),
    (
        Fate.CHARGED,
        r"among (?:the |those )?(?:charged|defendants)|"
        # "Істің басқа да фигуранттары …", "Фигурантами дела стали …": the case's accused
        r"фигуранттары|фигурантами (?:\w+ )?(?:стали|являются|были)|"
        # a court's schedule: "Подсудимый: Омаров Данияр", "Defendants: …"
        r"(?:подсудим|обвиняем)(?:ый|ая|ые):|(?:defendants?|accused):|"
        r"(?:айыпталушы|сотталушы)(?:лар)?:|"
        r"one of the (?:defendants|accused|convicted)|"
        r"среди (?:обвиняемых|подсудимых)|сотталғандардың арасында",
    ),
    (
        Fate.DETAINED,
        r"among (?:the |those )?(?:still )?(?:detained|held|arrested)|among the detainees|"
        r"среди (?:задержанных|арестованных)|"
        r"ұсталғандардың арасында",
    ),
    (
        Fate.INJURED,
        r"among the (?:injured|wounded)|среди (?:раненых|пострадавших)|"
        r"(?:жараланғандардың|зардап шеккендердің) арасында|науқастардың бірі|"
        r"(?:one of the|among the) (?:alleged )?victims",
    ),
)

#: A relative or the lawyer of someone, written before their name: they speak of another.
RELATIVE_BEFORE = (
    # (not "үш баланың әкесі Болат Ерменбай": a father of three children, who is the one named)
    r"(?:his|her|their|его|ее|её|их|оның|(?<![\w])(?!бала(?:сы)?ның\s)[а-яёәғқңөұүһі]+"
    r"(?:ның|нің|дың|дің|тың|тің))\s+"
    r"(?:uncle|brother|sister|mother|father|wife|husband|"
    r"son|daughter|lawyer|widow|widower|nephew|niece|cousin|вдова|дядя|брат|сестра|мать|отец|жена|муж|адвокат|ағасы|інісі|әкесі|анасы|"
    r"әйелі|күйеуі|адвокаты|нағашысы)\s*,?\s*$"
    # a Kazakh relative word carries its own possessive: "Әйелі Гүлжан Наурызбаева"
    r"|(?<!\w)(?<!баланың )(?<!баласының )"
    r"(?:әйелі|күйеуі|анасы|әкесі|ағасы|інісі|қарындасы|әпкесі|адвокаты)\s*,?\s*$"
    # a tracing register's "enquirer" cell: "| wife, S. Oguz |" (not "| сын, Калиев Д. |",
    # the one sought, as a family's list writes him)
    r"|\|\s*(?:uncle|aunt|brother|sister|mother|father|wife|husband)\s*,\s*$"
)

#: Verbs of saying: a name right before or after one is a speaker in that sentence.
SPEECH = (
    r"said|says|told|added|recalled|claimed|stated|explained|wrote|believes|urged|noted|"
    r"stressed|expressed|talked to|spoke (?:to|with)|thinks|according to|по словам|"
    r"сообщил{W}|сказал{W}|заявил{W}|рассказал{W}|"
    r"отметил{W}|пояснил{W}|подчеркнул{W}|уточнил{W}|добавил{W}|говорит|пишет|написал{W}|"
    r"поговорил{W}|побеседовал{W}|считает|полагает|есептейді|санайды|спросил{W}|asked|"
    r"подтвердил{W}|confirmed|возражает|возразил{W}|objected|argued|"
    r"айтты|айтады|дейді|деді|мәлімдеді|хабарлады|айтуынша|сөзінше|жазды|сұрады|атап өтті|"
    # a meeting's minutes: who explained, proposed, reported, gave information
    r"түсіндірді|ұсынды|мәлімет берді|доложил{W}"
).replace("{W}", _W)

#: Words after a verb of saying that start what was said, not who said it.
CLAUSE_OPENERS = frozenset(
    "that how whether if when about what why что как чтобы если когда о об про деп ма".split()
)

#: "…said that he was detained": a speaker telling what happened to themselves.
SELF_REPORT = (
    r"(?:that )?(?:he|she|i) (?:was|were|had been|has been)|"
    rf"(?:что )?(?:его|ее|её|меня|он|она|я) (?:был{_W}|задерж{_W}|избил{_W}|пыта{_W})|"
    r"(?:оны|мені|өзін)"
)

#: Other people standing between a name and an event: the event is theirs.
PLURAL_PEOPLE = (
    r"protesters|protestors|people|detainees|others|loved ones|men|women|activists|individuals|"
    r"prisoners|relatives|families|crowds?|демонстрант\w*|протестующ\w*|люд\w*|задержанн\w*|"
    r"человек\w*|адам|адамдар\w*|наразылық\w*"
)

#: Pronouns that carry a sentence on to the person last told of.
PRONOUNS = (
    r"he|his|him|she|her|он|его|ему|ним|нем|она|ее|её|ей|ней|ол|оны|оның|оған|онымен|өзі|өзін|"
    r"өзіне"
)

#: Endings of Kazakh and Russian surnames and Kazakh given names in Cyrillic: in a Kazakh
#: text a run of capitalised words is a person's name only if one of its words ends so or is
#: as short as Korean surnames are (Ким, Пак, Тен): not "Мәжілістің Ұсынымдары". All 65
#: victims named in the Kazakh texts of every corpus and held-out set pass.
KAZAKH_NAME_ENDINGS = (
    r"ов|ев|ёв|ин|ова|ева|ина|ұлы|улы|қызы|кызы|бек|бай|баев|ко|енко|ский|ская|ич|тай|құл|"
    r"кул|ғали|гали|жан|али|^\w{1,3}"
)

#: Endings of English words that are not names (Latin letters): a run of capitalised words
#: each of which ends so is not a person ("Civic Freedoms", "Special Rapporteur",
#: "Preventive Mechanism"). One name-like word is enough to keep a run ("Kairat Kudaibergen").
ENGLISH_WORD_ENDINGS = (
    r"ism|ist|ion|ions|ment|ments|ive|ives|ic|ics|ical|al|als|ity|ous|eur|eurs|ance|ence|ing|"
    r"ed|ful|less|ness|ship|ary|ory|dom|doms|ers|ors|ure|ures|ate|ates|ian|ians|hood|ase|ogue"
)

#: Words that make the capitalised words before them (or around them) a place, a street, an
#: organisation, a law, a title or a course of study, not a person: "Aiteke Bi Street",
#: "Criminal Code", "Steppe Wire", "Home Affairs", "Information Systems" (checked after
#: folding; English and Kazakh in Latin letters).
NAME_OF_A_THING = frozenset(
    """street st avenue ave road rd sq prospekt prospect lane square boulevard district park
    microdistrict
    bazaar market mall centre center hospital clinic university college school academy
    institute code law article act court committee commission council department ministry
    affairs office bureau agency service news wire press post times herald daily media tv
    channel radio group movement party union foundation fund association network watch
    monitor initiative coalition front company plant factory bank airport station prison
    colony systems engineering studies sciences faculty
    llp llc jsc ltd inc plc gmbh catering forwarding logistics trans transport holding
    lake river mount mountains gorge valley pass reservoir""".split()
)

#: The same in Kazakh, as stems that take case and possessive endings ("ҰҚК Шекара
#: академиясының", "Абай даңғылында").
KAZAKH_THING_STEMS = (
    r"академия|университет|колледж|мектеб|мектеп|көше|даңғыл|министрлі|комитет|департамент|"
    r"басқарма|орталы|бөлім|агенттіг|ұйым|партия|газет|телеарна|кеңес|"
    r"банк|зауыт|аурухана|ықшамаудан|шағынаудан"
)

#: Capitalised words that are not names: sentence openers, titles, places in general,
#: organisations. Checked after folding (lower case).
NOT_NAMES = frozenset(
    """the a an in on at but and or not do does did nb he she it they we i his her their this that
    these those as
    after before when while during since for from by of to with without however also according
    one two there here who what why how where which our your my mr mrs ms dr president minister
    director adviser lawyer activist journalist police officer general colonel
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    kazakhstan kazakh kazakhs kazakhstani russian russia soviet union kyrgyz kyrgyzstan europe
    asia central eastern western uzbekistan china america american british el salvador india
    tunisia emirates turkey germany france poland ukraine belarus armenia azerbaijan tajikistan
    turkmenistan mongolia
    ұлттық krasnaya krasny krasnoye novaya novoye staraya polyana
    dear уважаемый уважаемая уважаемые құрметті қадірлі
    goalkeeper striker midfielder defender coach player athlete wrestler boxer pupil student
    teacher imam priest parishioner referee actor actress singer musician librarian trader
    vendor guard watchman cashier caretaker rector dean engineer worker conscript soldier
    firefighter medic
    human rights watch amnesty international ministry interior health office prosecutor state
    national guard radio liberty azattyq bbc afp ap reuters euronews times new york telegram
    facebook instagram twitter youtube whatsapp collective security treaty organization
    republic square bronze age ethnic qandy qantar bloody share related articles back top button
    electronics team photo copyright file timeline nationwide protests protest unrest
    government authorities almaty astana nur-sultan city region district street
    международн{W} правозащитн{W} министерств{W} мвд кнб генпрокуратур{W} прокуратур{W}
    казахстан{W} алмат{W} астан{W} республик{W} президент{W} правительств{W} январ{W}
    former detainees families relatives dead wounded
    по в на с и но а это также однако после когда
    қазақстан{W} алматы{W} астана{W} ішкі істер министрліг{W} бас прокуратура{W} үкімет{W}
    президент{W} қаңтар{W} бірақ және сонымен қр рк қылмыстық кодекс{W}
    адвокат{W} журналист{W} активист{W} правозащитни{W} студент{W} аким{W} врач{W} волонтер{W}
    судья судьи айыпталушы{W} сотталушы{W} полиция{W} сот{W} марқұм депутат{W} министр{W}
    вице-министр{W}
    defendant defendants judge prosecutors deputy head chief take let see consider meet
    тело труп заместител{W} председател{W} директор{W} следовател{W} прокурор{W}
    белсенді құқық қорғаушы әкім{W} дәрігер{W} ерікті{W} мәйіт{W} төраға{W} тергеуші{W}
    әйелі күйеуі анасы әкесі ағасы інісі қарындасы әпкесі баласы ал
    бауырым ағам інім әкем анам ұлым қызым әйелім күйеуім досым көршім көршіміз
    жиен жиенім жиені жиенін немере немерем тұрғын resident residents co-accused фельдшер{W}
    aunt auntie uncle grandma granny grandpa mama papa хирург{W} ұлыңыз қызыңыз біз сен
    says said gets faces amid over into against official officials death deaths
    other year-old child boy girl sergeant lieutenant captain major private corporal
    сержант{W} лейтенант{W} капитан{W} майор{W} полковник{W} рядов{W} прапорщик{W} старш{W} младш{W}
    meanwhile moreover separately earlier later still today yesterday instead nevertheless
    overall finally elsewhere besides furthermore then now once next eventually previously
    eleven twelve thirteen fourteen fifteen twenty thirty forty fifty hundred three four five
    six seven eight nine ten сондай-ақ
    sentence sentences verdict verdicts trial trials court courts
    paramedic paramedics patient patients nurse doctor surgeon driver crew vice-consul consul
    persons missing held detained released killed injured arrested charged offences offence
    brothers journalists committee protect
    оған оны оның кеше бүгін қазір енді сосын кейін әлі тағы миссия{W} ісі both release free
    was were been is are be said who осылайша медбике мұғалім жүргізуші тілші фототілші
    i'm i’m no біздің сіздің менің сенің олардың ағайын home stay update pls жәбірленуші куә
    mass liturgy janaza имам
    """.replace("{W}", "").split()
)

#: Words that may stand between a verb of saying and the speaker's name: "said his brother,
#: 44-year-old Nurlan", "said Hugh Williamson", "сказал адвокат Ринат" (besides any words
#: in lower case that do not start a clause of what was said: see ``CLAUSE_OPENERS``).
SPEAKER_FILLERS = frozenset(
    """his her their its the a an our brother sister wife husband mother father son daughter
    lawyer director spokesman spokeswoman activist journalist researcher adviser advisor
    campaigner minister deputy head chief editor colleague friend neighbour mr mrs ms dr
    его ее её их брат сестра жена муж мать отец сын дочь адвокат директор активист журналист
    правозащитник представитель глава оның ағасы інісі әйелі күйеуі анасы әкесі адвокаты""".split()
)


#: the words of what happened to one person, with the fate each says, weightiest first
FATE_WORDS = tuple(
    (fate, re.compile(rf"(?<!\w)(?:{pattern})(?!\w)")) for fate, pattern in PERSON_FATES
)

# what a fate word of a count says of each person counted
_GROUP_FATE = {
    "dead": Fate.KILLED,
    "injured": Fate.INJURED,
    "missing": Fate.MISSING,
    "custody": Fate.DETAINED,
    "prosecuted": Fate.CHARGED,
    "released": Fate.RELEASED,
}

#: the words of what happened to many, with the fate each says of every one of them
GROUP_WORDS = tuple(
    (_GROUP_FATE[group], pattern)
    for group, pattern in lexicon.FATE_GROUP_PATTERNS.items()
    if group in _GROUP_FATE
)

#: any word of what happened, of one person or of many ("подтвердили смерть Марата …"), as
#: whole words like every other fate pattern
ANY_FATE = re.compile(
    r"(?<!\w)(?:"
    + "|".join(
        f"(?:{p})" for p in (*lexicon.FATE_GROUP_TERMS.values(), *(p for _, p in PERSON_FATES))
    )
    + r")(?!\w)"
)

#: a verb of saying, as a whole word
SPEECH_WORD = re.compile(rf"(?<!\w)(?:{SPEECH})(?!\w)", re.IGNORECASE)

#: "not", "never", "не" just before a word of what happened: it did not happen
NEGATED_BEFORE = re.compile(r"(?<!\w)(?:not|never|n't|не|ни)\s+(?:\w+\s+)?$")


def denied(folded: str, start: int, fate: Fate) -> bool:
    """Whether the word of ``fate`` at ``start`` of ``folded`` is denied ("His name has not
    been released", "не был задержан"); but missing is said by what is not known ("have not
    seen or heard from him since")."""
    if fate == Fate.MISSING:
        return False
    # "No one has been charged over the shooting", "Никто не был задержан"
    nobody = _NOBODY_BEFORE.search(folded, max(0, start - 30), start)
    return nobody is not None or bool(NEGATED_BEFORE.search(folded, max(0, start - 14), start))


_NOBODY_BEFORE = re.compile(r"(?<!\w)(?:no one|nobody|no-one|никто|ешкім)\s+(?:\w+\s+){0,3}$")
