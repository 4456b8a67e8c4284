"""The words the claim and person readers look for, in Kazakh, Russian and English.

Patterns are regular expressions over folded text (``text.fold``: lower case, ё → е). ``_W``
is the rest of a word, so ``задерж{_W}`` takes задержан, задержаны, задержанных.
"""

from __future__ import annotations

import re

_W = r"\w*"

#: What happened to the people a figure counts, by the fate groups of ``tizim.core.counting``.
FATE_GROUP_TERMS: dict[str, str] = {
    "dead": (
        # (first: "died in custody …… 1" is a death, not custody)
        r"died in (?:police )?(?:custody|detention)|"
        rf"қамауда (?:\w+ ){{0,2}}?(?:көз жұм|қайтыс бол|қаза тап){_W}|"
        r"killed|killings|dead|deaths?|died|die|dies|death toll|lost their lives|fatalities|bodies|"
        # lives lost or claimed, not "whose lives were upended by prosecutions"
        r"shot dead|lives(?! (?:were|have been|had been) (?:upended|changed|ruined|disrupted))|"
        r"gunned down|mowed down|"
        rf"погиб{_W}|гибел{_W}|убит{_W}|смерт{_W}|умер{_W}|умерш{_W}|скончал{_W}|жертв{_W}|"
        rf"тел[ао]?\b|ликвидирован{_W}|летальн{_W} (?:случа{_W}|исход{_W})|жизн{_W}|"
        rf"қаза тап{_W}|қаза тау{_W}|қаза бол{_W}|қайтыс бол{_W}|мерт бол{_W}|өлі\b|өлген{_W}|"
        rf"өлді\b|көз жұм{_W}|"
        rf"құрбан{_W}|мәйіт{_W}|мүрде{_W}|опат бол{_W}|көзі жойыл{_W}|eliminated|neutrali[sz]ed|"
        rf"құтқара алма{_W}|не (?:смогли|удалось) спасти|"
        # died in custody: "екеуі қамауда қайтыс болды" (not the custody of "қамауда")
        rf"(?:қамауда|изоляторда|изоляторында) (?:\w+ )?(?:қайтыс бол|қаза тап|көз жұм){_W}|"
        # "трое из них не вышли из изолятора живыми", "did not come out alive"
        rf"не вышл{_W} (?:\w+ ){{0,3}}живыми|(?:did not|didn't|never) (?:come|make it) out alive|"
        rf"тірі шықпа{_W}"
    ),
    "injured": (
        r"(?:injured|beaten|hurt) in (?:police )?(?:custody|detention)|"
        r"injured|wounded|wounds|injuries|traumas?|burns|hurt|hospitali[sz]ed|beaten|suffered|"
        r"(?:had|has|have) treated|(?:had|has|have) been treated|treated for (?:\w+ )?injur\w*|"
        r"fractures?|(?:gunshot|stab|bullet|knife|shrapnel) wound\b|"
        # a medic's shorthand and words: "GSW right thigh", "қолына үш тігіс салынды"
        rf"gsw\b|тігіс (?:\w+ )?салын{_W}|"
        # "Eleven were admitted and 36 were treated" (not admitted to a court, as evidence)
        r"(?:were|was) admitted(?! to (?:their|his|her|the court|court)| as| into)|"
        r"tortured(?! to death)|(?:being|are|were) treated|receiving treatment|outpatient care|"
        r"(?:applied|turned) (?:to [\w ]{0,40})?for (?:medical )?help|were affected|"
        r"(?:taken|admitted) to (?:the )?(?:[\w-]+ )?hospital|за медицинской помощью|in hospitals?|"
        r"медпомощ\w*|"
        rf"в (?:\w+ )?больниц{_W}|ауруханада (?:\w+ )?жат{_W}|избива{_W}|избили|"
        rf"(?:медициналық|амбулаториялық) көмек ал{_W}|(?:ауруханаға|стационарға) жатқызыл{_W}|"
        # (not the participle before its noun: "жеткізілген жаралылар" are the wounded)
        r"(?:ауруханаға|стационарға|емханаға) (?:\w+ )?жеткізіл(?:ді|гені|гендер\w*)(?!\w)|"
        r"(?:sought|received|needed|required) (?:hospital |medical )?(?:treatment|attention|help)|"
        rf"телесн{_W} повреждени{_W}|"
        r"(?:serious|critical|grave) condition|"
        rf"ранен{_W}|ранены|пострадав{_W}|пострадал{_W}|травм{_W}|госпитализ{_W}|избит{_W}|"
        rf"тяжел{_W} состояни{_W}|ауыр жағдайда|дәрігерге қаралған{_W}|"
        rf"жарақат{_W}|жарала{_W}|зардап шек{_W}|жапа шек{_W}|ұрып-соғ{_W}|соққыға жық{_W}|"
        rf"ем қабылда{_W}|емделіп жат{_W}|"
        rf"медициналық көмек сұра{_W}|жатқызыл{_W}|жансақтау{_W}|реанимаци{_W}|intensive care|"
        # "медициналық көмекке 70-ке жуық адам жүгінді": the help sought before the count
        rf"медициналық көмекке жүгін{_W}|медициналық көмекке(?! жүгінбе)|"
        rf"(?:продолжают|проходят|находятся на) лечени{_W}|"
        rf"в стационар{_W}|зардап шегуші{_W}|амбулатор{_W}|"
        rf"медициналық ұйымға (?:\w+ ){{0,3}}жүгін{_W}|"
        # "168 адам қала ауруханаларына жүгінген": went to hospitals for help
        rf"(?:аурухана|емхана){_W} (?:\w+ )?жүгін{_W}|"
        rf"жағдайы ауыр|"
        # how they were hurt: "28-іне оқ тиіп, 177-сінің сүйегі сынған. 111-і пышақталған"
        rf"оқ ти{_W}|сүйег{_W} сын{_W}|пышақта{_W}|stabbed|ножев{_W} ранени{_W}|жаралы{_W}|"
        # a doctor's note: "у троих - ссадины и гематомы", "у двоих переломы"
        rf"ссадин{_W}|гематом{_W}|ушиб{_W}|переломы|"
        rf"перелом (?:\w+ )?(?:рук|ног|ребр|рёбер|нос){_W}|"
        # "у троих огнестрельные" (wounds), not "огнестрельное оружие"
        rf"огнестрельн{_W}(?! оруж{_W})|"
        r"(?:remain|remains|remained|are|were|still) in (?:the )?(?:[\w-]+ ){0,2}hospitals?"
    ),
    "missing": (
        r"missing|disappeared|disappearances|unaccounted|whereabouts|"
        rf"пропал{_W}|пропавш{_W}|без вести|исчез{_W}|не найден{_W}|"
        rf"хабарсыз{_W}|із-түзсіз|жоғалып|жоғалған{_W}|хабар-ошарсыз{_W}|табылмай{_W}|табылмаған{_W}|"
        r"табылмады|табылған жоқ|қайда екені (?:әлі )?белгісіз|"
        # "Жағдайы белгісіз: 35 студент": whose state is unknown
        rf"жағдайы белгісіз{_W}|"
        # no news, no contact: "3 жігіттің хабары жоқ", "no contact since 05.01"
        r"хабары жоқ|no contact since|нет (?:никаких )?(?:вестей|известий)|"
        # "families have not been able to find them", "заявления о розыске"
        r"(?:not been able|unable|could not|couldn't) to (?:find|locate)|"
        rf"не (?:могут|смогли|удается|удалось) (?:\w+ )?найти|розыск{_W}|не нашл{_W}|"
        r"(?:have|has) not been heard from|(?:have|has)n't been heard from|"
        # "41 человек, которых ищут родные", "ищем 29 человек"
        r"ищ(?:ем|ут)|разыскива\w+|(?:are|is) (?:still )?(?:being )?(?:sought|searched for)|"
        rf"не установлен{_W} местонахождени{_W}|местонахождени{_W} (?:\w+ )?не установлен{_W}"
    ),
    "custody": (
        r"arrested|detained|detentions?|custody|arrests|the arrest of|detainees|jailed|imprisoned|"
        # a headline's present: "Police in Sharyn detain 14 people"
        r"detains?|"
        # (not "600 employees held a sit-in": what they did, not what was done to them)
        # (nor a meeting or a service held: "the extraordinary meeting held on 16 January")
        r"in prison|rounded up|"
        + "".join(
            f"(?<!{event} )"
            for event in "meeting session hearing vigil service prayer funeral ceremony mass "
            "conference briefing election".split()
        )
        + r"held\b(?! (?:criminally )?(?:accountable|liable|responsible))"
        r"(?! an? (?:sit-in|rally|protest|meeting|strike|vigil|march|picket|demonstration)\b)"
        # (nor seats or tickets held, a deposit held pending, a bus held up at a checkpoint)
        r"(?! (?:seats?|tickets?|bookings?|up|pending the)\b)|"
        r"deprived of (?:their|his|her) liberty|behind bars|"
        # "all nine were in the Aralsk police station"
        r"(?:were|was|are) (?:all )?(?:in|at) (?:the )?(?:[\w-]+ ){0,2}police stations?|"
        r"placed in (?:a |the )?(?:special )?(?:reception|detention) cent(?:er|re)|спецприемник\w*|"
        r"(?:placed|put|kept) under (?:home |house )?arrest|under arrest|house arrest|"
        # "двое помещены в ИВС г. Кокшетау"
        rf"помещен{_W} в (?:[\w-]+ ){{0,2}}(?:ивс|сизо|изолятор{_W}|спецприемник{_W})|"
        r"домашн\w* арест\w*|"
        r"за решетк\w*|за решётк\w*|содержатся|содержится|содержались|"
        # (not "административно арестованы", "адм. арест": a court's penalty, "prosecuted")
        # (nor "арестованы в административном порядке", "арестовал на 10 суток": the same)
        rf"задерж{_W}|(?<!административно )арестован{_W}(?! в административном порядке)|"
        rf"(?<!административно )(?<!адм\. )арест{_W}(?! (?:\w+ )?на \S+ сут)|"
        rf"под страж{_W}|заключен{_W}|водворен{_W}|"
        rf"изолятор{_W}|сизо\b|"
        rf"ұстал{_W}|ұстады|ұстаған{_W}|қамауға{_W}|қамаққа{_W}|қамауда|тұтқындал{_W}|тұтқын{_W}|"
        rf"қамал{_W}|"
        rf"ұсталған{_W}|алып кетіл{_W}|holding facilit{_W}|в камере|камерада|"
        # where they are held, with no verb, as "в камере": "14 people in a cell for 6"
        r"in (?:a|the|one|our|his|her|each) (?:[\w-]+ )?cell\b|"
        r"in (?:the )?(?:police|holding) cells\b|"
        # "40-қа жуық адамды бөлімге жеткізді": brought to the (police) department
        rf"(?<!\w)бөлімге (?:\w+ )?жеткіз{_W}|"
        # taken away: "At least 25 were taken", "9 человек забрали в Астану", "8 жігітті
        # әкетті" (not taken to hospital or the morgue)
        r"(?:were|was|have been|had been) taken(?! (?:to|into|in|for) (?:the |a )?(?:[\w-]+ )?"
        r"(?:hospital|morgue|clinic|account|care|treatment))(?! part| before)|taken away|took away|"
        rf"picked up(?! by)|забрал{_W}|(?:увезл{_W}|увез[её]н{_W})(?! на скорой| в больниц)|әкетті|"
        rf"әкеткен{_W}|алып кетті|"
        # taken to the police, not to a hospital
        rf"доставлен{_W} в (?:\w+ ){{0,3}}(?:увд|овд|ровд|роп|отдел{_W}|полици{_W}|изолятор{_W})|"
        # "в Шетский РОП были доставлены 14 жителей": the station first
        rf"в (?:[\w-]+ ){{0,2}}(?:увд|овд|ровд|роп|уп|ивс|отдел)(?: [\w-]+){{0,2}} "
        rf"(?:доставлен|свезл|свезен|свезён|привезл|привезен|привезён){_W}|"
        # "В полицию доставили 714 правонарушителей"
        rf"в (?:[\w-]+ )?полици{_W} доставил{_W}|"
        rf"доставлен{_W} в орган{_W} внутренних дел|"
        # "в подразделения полиции г. Приозёрск доставлено 184 человека"
        rf"(?:увд|овд|ровд|полиции)(?: [\w.-]+){{0,5}} доставлен{_W}|"
        # "89 адам полиция бөлімшесіне жеткізілді"
        rf"(?:полиция\w* |полицияға )(?:\w+ )?жеткізіл{_W}|"
        # political prisoners: "58 человек, лишённых свободы"; who passed through a station
        rf"лиш[её]нн{_W} свободы|passed through (?:the )?(?:[\w-]+ )?police(?: station)?|"
        r"(?:were|had been|have been) [\"“«]?delivered[\"”»']? to (?:the )?(?:[\w-]+ ){0,2}police|"
        # still serving their sentences: "9 are still serving prison terms", "отбывают
        # наказание в колонии", "колонияда отыр"
        # (not restricted freedom, served at home)
        r"(?:still )?serving (?:their |his |her )?(?:prison )?(?:terms|sentences)"
        r"(?! of restrict| of restraint)|"
        rf"отбыва{_W} (?:\w+ )?наказани{_W}(?! в виде ограничени)|"
        rf"колонияда (?:\w+ ){{0,3}}?отыр{_W}|"
        # brought to a police station, left there: "в районный отдел привезли семнадцать"
        rf"(?:отдел|овд|ровд|увд|полици{_W}|изолятор{_W}) привез{_W}|"
        rf"привез{_W} в (?:\w+ )?(?:отдел|овд|ровд|увд|полици|изолятор){_W}|"
        rf"остал{_W} в (?:\w+ )?(?:отделе|отделении полиции|изолятор{_W}|ивс|сизо)\b"
    ),
    "prosecuted": (
        r"charged|charges|prosecuted|convicted|convictions|sentenced|accused|indicted|defendants|"
        r"held (?:criminally )?(?:accountable|liable|responsible)|"
        r"guilty|suspected|виновн\w*|кінәлі|(?:terms?|years?) of imprisonment|prison terms?|"
        r"(?:brought|opened|filed|launched) against|"
        rf"уголовн{_W} преследовани{_W}|возбужден{_W} уголовн{_W} дел{_W}|"
        rf"досудебн{_W} расследовани{_W}|"
        rf"(?:қылмыстық )?іс қозғал{_W}|"
        rf"обвин{_W}|осужд{_W}|осужден{_W}|приговор{_W}|привлечен{_W} к{_W} ответственност{_W}|"
        rf"сотталушы{_W}|"
        rf"подозрева{_W}|фигурант{_W}|обвиняем{_W}|подсудим{_W}|айыпта(?!уш){_W}|сотталды|сотталған{_W}|жазаланды|"
        rf"жауапқа тартыл{_W}|айып тағыл{_W}|күдік жария{_W}|күдікті{_W}|"
        rf"бас бостандығынан айыр{_W}|лишени{_W} свободы|"
        # awaiting or facing trial, and measures of restraint other than custody
        r"(?:awaiting|facing|face|on|stand|stood) trial|"
        rf"бұлтартпау шара{_W}|мер{_W} пресечени{_W}(?! (?:\w+ )?(?:на|в виде) (?:подписк|домашн))|"
        r"(?:preventive|restraint) measures?|"
        # a court's sentence of arrest ("суды назначили административные аресты"), not
        # being held under one ("әкімшілік қамауға алынды")
        rf"сотқа дейінгі тергеп{_W}|(?:назначил{_W}|назначен{_W}) (?:\w+ )?арест{_W}|"
        # penalties a court hands down: administrative arrest, fines
        rf"(?:әкімшілік )?қамауға кес{_W}|айыппұл салды|айыппұл салын(?:ды|ған{_W}|ып)|"
        # "сот 58 адамға әкімшілік қамау қолданған"
        rf"әкімшілік қама(?:у|қ) (?:жазасы(?:н)? )?(?:қолдан|тағайында){_W}|"
        rf"оштрафован{_W}|"
        # "В отношении 220 человек идут административные суды"
        rf"(?:идут|идет|идёт|проходят) (?:\w+ )?суд{_W}|"
        rf"подвергнут{_W} (?:\w+ )?арест{_W}|administrative penalt{_W}|"
        # an administrative arrest or fine is a court's penalty: "административный арест
        # получили 121", "около 150 — административному штрафу"
        rf"административн{_W} (?:арест|штраф){_W}|адм\. (?:арест|штраф){_W}|"
        rf"административно арестован{_W}|арестован{_W} в административном порядке|"
        rf"арестова{_W} (?:\w+ )?на \S+ сут{_W}|"
        rf"(?<!отбывания наказания в виде )ограничени{_W} свободы|"
        rf"бас бостандығын шектеу{_W}|"
        rf"(?<!\w)штраф{_W}|"
        # "11 Sibiny men jailed for 10-15 days": a court's administrative arrest
        r"jailed for (?:between )?\d+(?:\s*(?:-|–|to|and)\s*\d+)? days|"
        rf"привлечен{_W} к (?:\w+ )?ответственност{_W}|протокол{_W} об административн{_W}|"
        rf"әкімшілік хаттама{_W}|хаттама толтырыл{_W}|жаза{_W} тағайында{_W}|suspects|"
        # "11-і әкімшілік жазамен … құтылды": let off with an administrative penalty
        rf"әкімшілік жаза{_W}|әкімшілік қамау жаза{_W}|"
        # "сот әкімшілік қамауға алу түріндегі жаза тағайындады": a penalty, not custody
        rf"әкімшілік қамауға алу түріндегі|"
        rf"объявлен{_W} в (?:международный )?розыск|"
        rf"получ{_W} (?:\w+ )?арест{_W}|(?:received|given) (?:an )?administrative arrest|"
        # "has given 9 people administrative arrest"
        r"administrative arrests?\b|"
        rf"status of suspects?|статус{_W} подозреваем{_W}|жауапкершілікке тартыл{_W}|"
        # under investigation as suspects: "под следствием 23 человека"
        r"под следствием|under investigation|"
        # an administrative arrest is a court's: "соттар 200-ге жуық адамды әкімшілік қамауға алды"
        rf"әкімшілік қама(?:уға|ққа) ал{_W}|"
        # a court's warning is a penalty too: "4,584 persons have been issued a warning"
        r"issued (?:with )?a warning|предупреждени\w*|ескерту жаса\w*|"
        # "three more were fined", "two were let off with a formal warning", "jails 17"
        # (not "fined and let go the same day": what they are counted as is let go)
        r"fined(?! and (?:let go|released|freed))|let off with (?:a )?(?:formal )?warning|"
        r"(?:non-custodial|custodial|prison) sentences?|"
        r"jail terms?|"
        # "Nine people stood in the dock", "Под суд пошли одиннадцать человек"
        r"(?:stood|stand|were|are) in the dock|под суд|"
        rf"оштрафовал{_W}(?! и (?:\w+ ){{0,4}}отпустил)|үкім шығар{_W}|"
        # "к уголовной ответственности по делам … привлечены 46 человек"
        rf"ответственност{_W} (?:[\w-]+ ){{0,6}}привлечен{_W}"
    ),
    "released": (
        r"released|freed|set free|let go|amnest(?:y|ied)|pardoned|"
        # "the police let about 30 people go home": the verb before the count, "go" after it
        r"let(?= (?:about |some |nearly |around |over )?\d[\d,]* (?:[\w-]+ ){0,2}go\b)|"
        rf"освобожд{_W}|освобожден{_W}|отпущен{_W}(?!\w)(?! на (?:амбулаторн|лечени))|отпустил{_W}|"
        rf"вышли на свободу|на свободу (?:\w+ )?вышл{_W}|амнисти{_W}|"
        # "на свободу могут выйти порядка 1 500 человек", "выйдут на свободу"
        rf"на свободу (?:\w+ )?(?:выйт|выйд){_W}|(?:выйд|выйт){_W} на свободу|"
        # sent home: "үйлеріне жіберілді", "отпущены домой"
        # sent or let go home, from custody (not a plant sending its workers home, nor the
        # wounded after treatment, nor a crowd going home)
        rf"(?:were|was|been) sent home|отправлен{_W} домой|возвращен{_W} домой|"
        # (not one missing who "вернулся домой самостоятельно")
        rf"(?:уже |все )?вернулись домой|домой вернул(?:ись|ся|ась)|"
        rf"(?:үйіне|үйлеріне) (?:\w+ )?(?:жіберіл|қайтарыл){_W}|(?:үйге|үйіне|үйлеріне) оралд{_W}|"
        # "из них 19 уже дома": home again
        r"уже дома(?!\w)|"
        rf"(?:үйіне|үйлеріне) қайтт{_W}|босап (?:келд|шықт){_W}|"
        rf"allowed (?:to go )?home(?! after treatment| from hospital)|"
        # "four of them came back the next day" (from the police)
        r"came back (?:home )?(?:the (?:next|same|following) (?:day|morning|night|evening)|"
        r"next day|later that day)|"
        rf"освободил{_W}(?! от должност)|walked free|"
        r"walked (?:out of|free from) (?:the )?court(?:room)?(?! in protest)|"
        r"went home from (?:the )?court(?:room)?|"
        rf"помилован{_W}|рақымшылық{_W}(?! қолданылма)|кешірім{_W}|на свободе|at liberty|"
        r"бостандықта|"
        rf"босатыл{_W}|бостандыққа{_W}|үй қамағына шығарыл{_W}|"
        # "сот залынан босатты": the court released him
        rf"босатт(?:ы|ық|ған{_W})(?!\w)|"
        # a written pledge not to leave instead of custody
        rf"подписк{_W} о невыезде|written pledge|ешқайда кетпеу{_W}|"
        r"кетпеу туралы (?:\w+ )?міндеттеме"
    ),
    # People counted whom no fate group counts: found alive ("21 найдены живыми"), and those
    # who took part ("about 5,000 people took part", "вышло тысячи полторы человек")
    "no_group": rf"found alive|найден{_W} жив{_W}|нашли жив{_W}|тірі табыл{_W}|"
    # found, of those missing: "Хабарсыз кеткен үш жігіттің екеуі табылды"
    r"(?:(?<=еуі )|(?<=ауы )|(?<=адам )|(?<=жігіт )|(?<=азамат )|(?<=тұрғын )|(?<=бала )|"
    r"(?<=қыз ))табылды|"
    r"took part|taking part|participated|took to the streets|gathered|"
    r"собрал(?:ось|ись|ся|ась)(?! подпис)|"
    rf"вышл{_W} на (?:площадь|улиц{_W}|митинг{_W}|акци{_W})|"
    rf"на (?:площадь|митинг) (?:\w+ )?вышл{_W}|"
    rf"приняли участие|участвовал{_W}|митинговал{_W}|алаңға (?:[\w-]+ ){{0,4}}шық{_W}|жиналды|"
    rf"жиналған{_W}|(?<=адам )шық(?:ты|қан{_W}|ып)|"
    # the size of a crowd: "Police put the crowd at 250", "число собравшихся примерно в 400"
    rf"(?:put|estimated) the (?:size of the )?crowd|crowd of|собравш{_W}|собира(?:ю|е)тся|"
    rf"жиын{_W} (?:[\w-]+ )?шық{_W}|"
    # on strike: "some 300 of the plant's employees stopped work"
    rf"stopped work|went on strike|(?:were|are) on strike|вышл{_W} на забастовку|бастовал{_W}|"
    rf"ереуілге (?:\w+ )?(?:шық|қатыс){_W}|"
    rf"вышл{_W} к (?:\w+ ){{0,2}}(?:здани|акимат|площад){_W}|"
    r"established (?:the )?whereabouts|установил\w* местонахождени\w*|"
    # turned up: "19 have been found", "ещё 17 уже нашлись", "61-інің тұрған жері анықталды"
    r"(?:have|has|had) been (?:found|located|traced)(?! dead)|нашл(?:ись|ось|ась)|"
    rf"нашел{_W}|нашёл{_W}|(?:тұрған жері|қайда екені) анықтал{_W}|"
    rf"местонахождени{_W} установлен{_W}",
}

#: "one of them died", "один из них скончался": one, when what happened to the one follows
#: right after (not "one of them, Daniyar Omarov, …" or "one of them is Timur": a person)
ONE_OF_THEM_DID = re.compile(
    # (or one of whom a noun says who: "one employee died in hospital", "один человек погиб")
    r"\s+(?:of (?:them|those|whom)|из (?:них|которых)|(?:[a-z-]{3,}|[а-яё-]{3,})"
    # (who the one is may be told between commas: "one employee, Mr Viktor Shteinbakh, was …")
    r"(?:,[^,.;:\d]{1,40}(?:\(\d{1,2}\))?,)?)\s+"
    r"(?:(?:there|later|also|then|since|"
    r"subsequently|позже|затем|впоследствии|также) )?"
    r"(?:died|was (?:later |also |then )?(?:killed|shot|found dead|released|freed|detained|"
    r"arrested|charged|convicted|sentenced|injured|wounded|hospitali[sz]ed)|remains (?:in|missing)|"
    r"is still (?:missing|in custody|held|in hospital)|"
    r"умер|умерла|скончал\w*|погиб\w*|(?:был |была )?(?:освобожд|задержан|арестован|осужд|ранен|"
    r"госпитализ)\w*|остаётся под стражей|остается под стражей)(?!\w)",
    re.IGNORECASE,
)

#: Words that join two figures or two names: "26 protesters and 16 officers", "Дана
#: Жанболатова мен Асқар Тілеуов".
AND_WORDS = r"and|и|және|мен|бен|пен"

#: The two Latin letters that transliterate one Cyrillic letter of an initial ("Ye.", "Zh.":
#: "Kempirbayev Ye. S.", "SARKYTBAYEV N.Zh.").
LATIN_DIGRAPH_INITIALS = r"Ye|Yu|Ya|Yo|Zh|Sh|Ch|Kh|Ts"

#: Counts of cases, not of people: a claim with no fate group ("400 criminal cases").
CASE_NOUNS = (
    rf"(?:criminal )?cases|(?:criminal )?proceedings|(?:criminal )?investigations|complaints|"
    r"reports|"
    rf"уголовн{_W} дел{_W}|дел\b|делах|случа{_W}|жалоб{_W}|обращени{_W}|заявлени{_W}|"
    rf"досудебн{_W} расследовани{_W}|"
    # (not "жағдайда", in a condition: "оның екеуі ауыр жағдайда" are two in a serious one)
    rf"(?:қылмыстық )?іс{_W}|жағдай(?!да(?!\w)){_W}|шағым{_W}|арыз{_W}|өтініш{_W}|requests|"
    r"appeals|"
    r"applications"
)

#: Nouns that count people (two adjectives may stand between number and noun).
PEOPLE_NOUNS = (
    r"people|persons|individuals|protest[eo]rs|civilians|demonstrators|detainees|activists|"
    r"journalists|officers|policemen|servicemen|soldiers|men|women|children|victims|citizens|"
    r"residents|kazakhs|participants|entries|names|bodies|members|students|foreigners|"
    r"defendants|suspects|of them|minors|teenagers|workers|firefighters|rescuers|employees|"
    r"guardsmen|troops|conscripts|crew|drivers|passengers|"
    # one of them: "one employee, Mr Viktor Shteinbakh, was detained"
    r"person|man|woman|employee|worker|resident|protester|driver|passenger|pupil|"
    # "two of those three have been charged": a part of a figure told before
    r"of (?:those|these)(?= (?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve)\b)|"
    rf"человека?|людей|граждан{_W}|участник{_W}|задержанн{_W}|погибш{_W}|пострадавш{_W}|"
    rf"ранен{_W}|сотрудник{_W}|военнослужащ{_W}|военн{_W}|силовик{_W}|полицейск{_W}|"
    rf"активист{_W}|журналист{_W}|студент{_W}|оқушы{_W}|"
    rf"жител{_W}|детей|ребен{_W}|женщин{_W}|мужчин{_W}|иностран{_W}|фамили{_W}|записей|"
    rf"тел\b|лица?\b|из них|несовершеннолетн{_W}|подрост{_W}|протестующ{_W}|митингующ{_W}|"
    rf"обвиняем{_W}|подсудим{_W}|подозреваем{_W}|арестованн{_W}|"
    rf"адам{_W}|азамат{_W}|тұлға{_W}|қызметкер{_W}|әскери{_W}|полицей{_W}|белсенді{_W}|"
    rf"бала{_W}|әйел{_W}|тұрғын{_W}|жігіт{_W}|қатысушы{_W}|шетел{_W}|есім{_W}|жазба{_W}|айыпталушы{_W}|"
    rf"ұсталған{_W}|қаза тапқан{_W}|жараланған{_W}|күдікті{_W}|жәбірленуші{_W}|потерпевш{_W}|"
    rf"patients|пациент{_W}|науқас{_W}|families|семей|семьи|семья|отбасы{_W}|содержащ{_W}|"
    rf"clients|applicants|клиент{_W}|заявител{_W}|"
    # witnesses heard by a court or an investigation: a figure with no fate group
    rf"witnesses|свидетел{_W}|куә(?!лік){_W}"
)

#: What people did who complain of what was done to them ("30 people have complained that
#: they were beaten", "27 individuals who reported torture", "семь освобождённых подали
#: жалобы на избиения"): a figure of complaints, with no fate group of its own.
COMPLAINED = (
    r"complained|(?:filed|lodged|submitted) (?:\w+ )?complaints?|reported (?:torture|beatings?|"
    r"ill-treatment|abuse)|ұрып-соғылғаны туралы (?:\w+ )?шағым|"
    rf"подал{_W} (?:\w+ )?жалоб{_W}|пожаловал{_W}|жалуют{_W}|сообщил{_W} (?:\w+ )?о том|"
    rf"шағымдан{_W}|арыз (?:берді|жазды|түсірді)|"
    # "18 человек сообщили о применении к ним физического насилия"
    rf"сообщил{_W} о применени{_W}|reported (?:being )?(?:beaten|tortured|ill-treated)|"
    # told of beatings: "рассказали нам об избиениях", "ұрып-соғылғанын айтты"
    rf"(?:рассказал|заявил){_W} (?:\w+ )?об? (?:избиени|пытк|насили){_W}|"
    rf"сообщил{_W},? что (?:[\w-]+ ){{0,8}}?(?:применял{_W} (?:\w+ )?насили|избива|избили|пытал)"
    rf"{_W}|"
    # (not "айтпады": did not say)
    rf"ұрып-соғылғанын (?:[\w-]+ ){{0,6}}?(?:айт|шағымдан|мәлімде)(?!па|пе|ба|бе|ма|ме){_W}|"
    r"told (?:the court|investigators|monitors|us|reporters|journalists) (?:that )?they "
    r"(?:had been|were) (?:beaten|tortured|ill-treated)"
)

#: Words right after a number that make it something other than a count of people.
NOT_PEOPLE_UNITS = (
    r"%|percent|per cent|years?|yrs?\b|year-old|months?|weeks?|days?|nights?|hours?|minutes?|"
    r"times|km|kilometres|dollars|tenge|p\.m|a\.m|o'clock|litres?|liters?|"
    rf"процент{_W}|лет\b|год{_W}|месяц{_W}|недел{_W}|дн[еяи]{_W}|сут{_W}|час{_W}|минут{_W}|"
    rf"тенге|раз\b|км\b|г\.|литр{_W}|"
    rf"пайыз{_W}|жыл{_W}|ай(?:ға|да|дан|дың|ы)?\b|апта{_W}|күн{_W}|тәулік{_W}|сағат{_W}|минут{_W}|"
    rf"теңге{_W}|жас\b|жаста{_W}|жасар{_W}|түн{_W}|ноч[иье]\b|ночей|рет\b|"
    # a fine counted in monthly calculation indices: "штраф 30 МРП"
    rf"мрп|аек|mci|mrp|айлық есептік|monthly calculation|месячн{_W} расч[её]тн{_W}|"
    # money in a currency's sign or code ("386 000 ₸", "500 тг"); things counted in pieces
    # ("СИЗО-ға сәлемдемелер, 17 дана")
    rf"₸|kzt\b|тг\b|usd\b|евро\b|рубл{_W}|доллар{_W}|дана\b|"
    # a time of day: "в 23 ч 40 мин"; sheets of a document: "копия приговора на 18 листах"
    rf"ч\b|мин\b|лист{_W}|л\.|парақ{_W}|тігіс{_W}|stitch(?:es)?|швов|шва\b|"
    # "15 ж." (жас, an age; жыл, a year)
    r"ж\.|"
    # a time of day, a distance: "около семи вечера", "в 6 утра"; "амбулатория 210 м"
    rf"вечера\b|утра\b|м\b|метр{_W}|"
    # "not": "«задержан» мен «қамауға алынды» бір емес" (are not one and the same)
    r"емес\b"
)

#: Taking part: the only words of the events that an occasion of its own (below) leaves out.
TAKING_PART_WORDS = rf"joined|took part|participated|участ{_W}|қатыс{_W}"

#: Words that make a count of people with no fate part of the events ("50,000 people had
#: joined the unrest", "1,300 entries", a list of names).
EVENT_WORDS = (
    rf"{TAKING_PART_WORDS}|"
    r"protests?|unrest|rally|rallies|riots?|demonstrations?|"
    r"entries|names|list|found alive|interviewed|"
    rf"митинг{_W}|протест{_W}|беспоряд{_W}|акци{_W}|списк{_W}|записей|найден{_W} жив{_W}|"
    rf"нашли жив{_W}|"
    rf"опрос{_W}|опрошен{_W}|опросил{_W}|побеседовал{_W}|сұхбат{_W}|victims|interviews?|"
    rf"жәбірленуші{_W}|потерпевш{_W}|discharged|выписан{_W}|емделіп шық{_W}|"
    rf"наразылық{_W}|тәртіпсіздік{_W}|шеру{_W}|тізім{_W}|тірі табыл{_W}|"
    r"(?:have|has|had) been (?:found|located|traced)|нашл(?:ись|ось|ась)|тұрған жері анықтал\w*|"
    r"established (?:the )?whereabouts|установил\w* местонахождени\w*|"
    # families and people who came to a commission, volunteers or a newsroom
    rf"обратил{_W}|обращал{_W}|applied|contacted|approached|сөйлес{_W}|жүгін{_W}|"
    # a crowd where the protest was, a strike: "Outside the akimat there were about 150 people"
    rf"square|akimat|площад{_W}|акимат{_W}|әкімдік{_W}|алаң{_W}|"
    rf"stopped work|strike\w*|забастов{_W}|бастовал{_W}|ереуіл{_W}|witness{_W}|свидетел{_W}|куә{_W}"
)

#: Occasions of their own, who came to them no part of the events: a meeting, a lesson, a
#: match ("ата-аналар жиналысында … 27 адам қатысты", "126 оқушы мен 18 мұғалім қатысты").
OCCASION_WORDS = (
    r"meetings?|sessions?|forums?|olympiads?|tournaments?|competitions?|concerts?|lessons?|"
    r"seminars?|conferences?|workshops?|trainings?|"
    rf"заседани{_W}|совещани{_W}|форум{_W}|олимпиад{_W}|турнир{_W}|соревновани{_W}|"
    rf"концерт{_W}|урок{_W}|мероприяти{_W}|семинар{_W}|конференци{_W}|тренинг{_W}|"
    # a village's gathering of its citizens: "Сход граждан 15 января собрал 112 человек"
    rf"сход{_W}|"
    rf"жиналыс{_W}|отырыс{_W}|жарыс{_W}|сабақ{_W}|кездесу{_W}"
)
#: The protest itself, which makes who came to it part of the events after all.
PROTEST_WORDS = (
    r"protests?|protesters?|rall(?:y|ies)|unrest|riots?|demonstrations?|square|"
    rf"митинг{_W}|протест{_W}|беспоряд{_W}|акци{_W}|площад{_W}|шеру{_W}|наразылық{_W}|алаң{_W}|"
    rf"тәртіпсіздік{_W}|ереуіл{_W}"
)

#: Places of detention counted right after a number ("visited 6 изоляторов and 2 специальных
#: приёмника", "11 places of detention"): not the people held there.
FACILITY_COUNTS = (
    r"(?:изолятор|приемник|приёмник)(?:ов|а)\b|(?:специальн\w+ )приемник\w*|"
    r"(?:специальн\w+ )приёмник\w*|places of detention|detention (?:facilities|centres|centers)|"
    # room for bodies or patients: "40 мест для хранения тел", "20 коек"
    r"(?:мест|коек|койко-мест)\w* для|коек\b|beds\b"
)

#: Nouns of things after a number (two adjectives may stand between): "two main hospitals",
#: "two broken ribs", "8 сожжённых автомобилях" are not counts of people.
THING_NOUNS = (
    r"hospitals?|buildings?|vehicles?|cars?|buses|shops?|stores?|offices?|stations?|ribs?|"
    r"outlets|websites|channels|"
    r"bones?|teeth|pages?|floors?|rooms?|cells?|districts?|regions?|cities|towns?|villages?|"
    r"streets?|lists?|ambulances?|sessions?|hearings?|checkpoints?|блокпост\w*|parcels?|"
    r"sources|rows?|columns?|строк\w*|agencies|ведомств\w*|signatures|подписей|"
    r"slides|photographs|photos|фотограф\w*|снимк\w*|calls|вызов\w*|"
    rf"передач{_W}|посылк{_W}|сәлемдеме{_W}|"
    rf"больниц{_W}|здани{_W}|машин{_W}|автомобил{_W}|автобус{_W}|магазин{_W}|ребр{_W}|"
    # ribs and teeth broken: "перелом двух рёбер", "екі қабырғам сынды" (in any case)
    rf"р[её]бер|зуб{_W}|тіс{_W}|қабырға{_W}|"
    rf"объект{_W}|регион{_W}|заседани{_W}|мест\b|сапар{_W}|visits?|визит{_W}|посещени{_W}|"
    rf"страниц{_W}|камер{_W}|район{_W}|област{_W}|город{_W}|сел{_W}|улиц{_W}|"
    # Kazakh: plural, possessive and genitive only ("12 көлік", "екі ауруханасының"); a
    # locative or ablative is where people were ("38-і ауруханада қайтыс болды")
    r"(?:аурухана|ғимарат|көлік|дүкен|камера|аудан|облыс|қала|ауыл|көше|бет)"
    r"(?:лар|лер|дар|дер|тар|тер)?(?:ы|і|сы|сі)?(?:ның|нің|дың|дің|тың|тің)?|"
    # a table's rows: "үш жолға да енгізілген" (entered in all three rows)
    r"жол(?:ға|да|дың|ы|дары)(?!\w)|"
    # a school class: "7 «Ә» сынып оқушысы", "9 «Б» класса"
    r"(?:[«\"“]\w[»\"”]\s*)?(?:сынып|класс)\w*"
)

#: Parts of the body right after a number: "бір аяғынан айырылды" (lost one leg), "two eyes".
BODY_PARTS = (
    rf"legs?|arms?|eyes?|hands?|ног[иау]\b|ногу|рук[иау]\b|глаз{_W}|"
    rf"аяғ{_W}|аяқ{_W}|қолы{_W}|қолын{_W}|көзі{_W}|көзін{_W}"
)

ENGLISH_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
)
MONTHS = (
    rf"{ENGLISH_MONTHS}|"
    rf"январ{_W}|феврал{_W}|март{_W}|апрел{_W}|ма[яйе]|июн{_W}|июл{_W}|август{_W}|"
    rf"сентябр{_W}|октябр{_W}|ноябр{_W}|декабр{_W}|"
    rf"қаңтар{_W}|ақпан{_W}|наурыз{_W}|сәуір{_W}|мамыр{_W}|маусым{_W}|шілде{_W}|тамыз{_W}|"
    rf"қыркүйек{_W}|қазан{_W}|қараша{_W}|желтоқсан{_W}"
)

#: Qualifiers before a number (and, in Kazakh, after it: "10 мыңға жуық", "мыңнан астам").
QUALIFIERS_BEFORE: tuple[tuple[str, str], ...] = (
    (
        r"at least|no fewer than|no less than|не менее(?: чем)?|не меньше(?: чем)?|"
        r"как минимум(?: о| об)?|"
        r"по меньшей мере|"
        r"кем дегенде|кемінде|ең кемі",
        "at_least",
    ),
    (
        r"more than|over|upwards of|above|in excess of|более(?: чем)?|свыше|больше(?: чем)?|"
        r"более|астам|exceeded|превысил\w*|превышает",
        "more_than",
    ),
    (
        r"almost|nearly|close to|reaches close to|почти|едва не|чуть менее|порядка почти|"
        r"as many as|up to|"
        r"жуық|жуығы",
        "nearly",
    ),
    (
        r"about|around|some|approximately|roughly|an estimated|около|примерно(?: в)?|порядка|"
        r"приблизительно|шамамен|шамасында|жуырда|~|≈",
        "about",
    ),
    (r"exactly|ровно|дәл", "exact"),
)
QUALIFIERS_AFTER: tuple[tuple[str, str], ...] = (
    (r"астам|астамы|артық|аса|асты|асып|асады", "more_than"),
    (r"жуық|жуығы|таяу|жуықтады|жуықтап", "nearly"),
    (r"шамасында|шақты|дай|дей", "about"),
)

#: Verbs of saying: the claimant stands before them ("the Interior Ministry said"), or after
#: them at the end of a sentence (", the authorities say").
SPEECH_VERBS = (
    r"said|says|say|stated|states|announced|announces|reported|reports|confirmed|confirms|"
    r"told|estimated|estimates|claimed|claims|added|released information|"
    r"according to|wrote|writes|tweeted|"
    rf"сообщил{_W}|сообщает|заявил{_W}|заявляет|сказал{_W}|объявил{_W}|подтвердил{_W}|"
    rf"отметил{_W}|пишет|написал{_W}|опубликовал{_W}|"
    rf"хабарлады|хабарлаған|мәлімдеді|мәлімдеген|айтты|деді|жариялады|мәлімет берді|"
    rf"растады|жазды|атап өтті"
)

#: Phrases that introduce the one who claims: "according to the prosecutors", "по данным МВД",
#: "ІІМ мәліметінше" (the Kazakh ones follow the claimant).
ACCORDING_TO_BEFORE = (
    r"according to|по данным|по словам|по информации|согласно данным|согласно|по сведениям|"
    r"по оценк\w*"
)
ACCORDING_TO_AFTER = (
    r"мәліметінше|мәліметі бойынша|мәліметтеріне сәйкес|мәліметіне сәйкес|сөзінше|"
    r"хабарлауынша|дерегінше|деректері бойынша|деректеріне сәйкес|айтуынша"
)

#: Organisations and offices that claim figures, found anywhere in the sentence as a last resort.
CLAIMANTS = (
    r"(?:the )?(?:kazakh(?:stan(?:'s)?)? )?(?:interior|health|internal affairs) ministry|"
    r"(?:the )?ministry of (?:health|internal affairs|the interior|interior)|"
    r"(?:the )?(?:state |general )?prosecutor(?:'s office| general(?:'s office)?|s)?|"
    r"human rights watch|amnesty international|radio liberty|radio azattyq|"
    r"(?:the )?(?:kazakh )?(?:authorities|government|officials|police)|"
    rf"мвд(?: рк)?|министерств{_W} (?:внутренних дел|здравоохранения)|минздрав{_W}|"
    rf"генпрокуратур{_W}|генеральн{_W} прокуратур{_W}|прокуратур{_W}|власт{_W}|"
    rf"правительств{_W}|полици{_W}|"
    rf"ішкі істер министрліг{_W}|іім|денсаулық сақтау министрліг{_W}|бас прокуратура{_W}|"
    rf"прокуратура{_W}|билік{_W}|үкімет{_W}|полиция{_W}"
)

#: A figure's status where the sentence gives one.
DISAVOWED = (
    r"disavowed|retracted|withdrawn|denied|refuted|technical glitch|"
    rf"опроверг{_W}|отозвал{_W}|дезавуир{_W}|технический сбой|"
    rf"теріске шығар{_W}|жоққа шығар{_W}|техникалық ақау{_W}"
)
#: A figure given beside the one it replaces: "up from the 352 it reported", "с 12".
UP_FROM = r"(?:up|down) from(?: the)?|с|from"
REVISED = (
    r"revised|corrected|up from|down from|rises to|rose to|"
    # (not a case reviewed: "освобождены после пересмотра", "пересмотр приговора")
    rf"(?<!после )пересмотр{_W}(?! (?:дел|приговор|решени|постановлени))|"
    rf"уточн{_W}|скорректир{_W}|выросл{_W} до|вырос до|"
    rf"нақтыла{_W}|өзгерт{_W}|өсті"
)

#: A status held on the date ("970 in custody on 22 January") rather than ever held by it.
ON_DATE_STATES = (
    r"in custody|remain(?:s|ed)? (?:in )?(?:detention|custody|missing|in hospital)|"
    r"(?:are|is) (?:still )?(?:being )?held|are still missing|currently|"
    rf"наход{_W} под страж{_W}|содерж{_W}|остаются{_W}|до сих пор|"
    rf"қамауда отыр{_W}|қамауда жатыр{_W}|әлі де"
)
AS_OF = (
    r"as of|as at|by|по состоянию на|на|"
    r"жағдай бойынша"
)
WEEKDAYS: dict[str, int] = {
    **dict.fromkeys(("monday", "понедельник", "дүйсенбі"), 0),
    **dict.fromkeys(("tuesday", "вторник", "сейсенбі"), 1),
    **dict.fromkeys(("wednesday", "среду", "среда", "сәрсенбі"), 2),
    **dict.fromkeys(("thursday", "четверг", "бейсенбі"), 3),
    **dict.fromkeys(("friday", "пятницу", "пятница", "жұма"), 4),
    **dict.fromkeys(("saturday", "субботу", "суббота", "сенбі"), 5),
    **dict.fromkeys(("sunday", "воскресенье", "жексенбі"), 6),
}
RELATIVE_DAYS: dict[str, int] = {
    **dict.fromkeys(("today", "сегодня", "бүгін"), 0),
    **dict.fromkeys(("yesterday", "вчера", "кеше"), -1),
}


def compiled(pattern: str) -> re.Pattern[str]:
    """``pattern`` as whole words over folded text."""
    return re.compile(rf"(?<![\w-])(?:{pattern})(?!\w)")


# Compiled once, for every reader of figures.
#: Each fate group's words (and "no_group": found alive, took part), as whole words.
FATE_GROUP_PATTERNS: dict[str, re.Pattern[str]] = {
    group: compiled(pattern) for group, pattern in FATE_GROUP_TERMS.items()
}
#: A noun of people at the start of what follows a number (up to three words before it).
PEOPLE_AHEAD = re.compile(rf"^(?:[\w-]+\s+){{0,3}}?(?:{PEOPLE_NOUNS})(?!\w)")
#: A noun of cases at the start of what follows a number ("400 criminal cases").
CASES_AHEAD = re.compile(rf"^(?:[\w-]+\s+){{0,1}}?(?:{CASE_NOUNS})(?!\w)")
#: Words that put a sentence about the events, for a count of people with no fate.
EVENT_CONTEXT = compiled(EVENT_WORDS)
#: An occasion of its own, and the protest (see ``OCCASION_WORDS``).
OCCASION = compiled(OCCASION_WORDS)
PROTEST = compiled(PROTEST_WORDS)
TAKING_PART = compiled(TAKING_PART_WORDS)
#: Verbs of saying, as whole words.
SPEECH = compiled(SPEECH_VERBS)
