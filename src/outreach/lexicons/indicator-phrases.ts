import type { Lexicon } from '../analyze/analyze-config.ts';

/**
 * Phrases behind the textual indicators, per language. Matching is case- and diacritic-insensitive
 * and whole-word ("jong" does not match "jongen"); a trailing "*" matches any ending. Write phrases
 * as an ad would; spaces also match hyphens and line breaks, apostrophes are optional.
 * Thai and Chinese entries are matched as substrings (no spaces in those scripts).
 * These lists are a starting point for native-speaker review, not a finished vocabulary.
 */
export const indicatorPhrases: Record<string, Lexicon> = {
  'youth-language': {
    en: [
      'young', 'very young', 'young girl', 'fresh', 'fresh girl', 'new girl', 'barely legal', 'just 18', 'just turned 18',
      'freshly 18', 'schoolgirl', 'school girl', 'teen', 'teens', 'teenager', 'baby face', 'babyface', 'innocent',
      'inexperienced', 'virgin', 'lolita', 'little girl', 'college girl', 'petite young',
    ],
    nl: [
      'jong', 'jonge', 'heel jong', 'jong meisje', 'jonge meid', 'jonkie', 'tiener', 'tienermeisje', 'nieuw meisje',
      'nieuwe meid', 'nieuwe meisjes', 'fris', 'frisse', 'frisse meid', 'vers', 'verse meid', 'net 18', 'pas 18',
      'schoolmeisje', 'onschuldig', 'onschuldige', 'onervaren', 'maagd', 'klein meisje',
    ],
    ro: [
      'tânără', 'tinerică', 'tinerica', 'fată tânără', 'fetiță', 'proaspătă', 'abia am împlinit 18', 'doar 18 ani',
      'elevă', 'virgină', 'inocentă', 'fată nouă', 'fata noua',
    ],
    es: [
      'joven', 'jovencita', 'jovencitas', 'chica joven', 'niñita', 'colegiala', 'recién cumplidos 18',
      'recién cumplidos los 18', 'fresca', 'chica nueva', 'adolescente', 'virgen', 'inocente', 'lolita',
    ],
    pl: [
      'młoda', 'młodziutka', 'bardzo młoda', 'nastolatka', 'świeża', 'nowa dziewczyna', 'uczennica', 'dopiero 18',
      'niewinna', 'dziewica',
    ],
    hu: [
      'fiatal', 'fiatal lány', 'nagyon fiatal', 'friss', 'új lány', 'tini', 'tinédzser', 'diáklány', 'csak 18',
      'ártatlan', 'szűz',
    ],
    bg: ['млада', 'младо момиче', 'много млада', 'свежа', 'ново момиче', 'тийнейджърка', 'ученичка', 'невинна', 'девствена'],
    de: [
      'jung', 'junge', 'junges', 'jungen', 'sehr jung', 'frisch', 'frische', 'neues mädchen', 'schulmädchen', 'gerade 18',
      'unschuldig', 'unschuldige', 'jungfrau',
      'teeny',
    ],
    fr: [
      'jeune', 'toute jeune', 'jeune fille', 'fraîche', 'nouvelle fille', 'écolière', 'ado', 'adolescente',
      'tout juste 18', 'vierge', 'innocente',
    ],
    it: ['giovane', 'giovanissima', 'ragazzina', 'fresca', 'ragazza nuova', 'vergine'],
    pt: ['jovem', 'novinha', 'novinhas', 'ninfeta', 'menina nova', 'adolescente', 'virgem'],
    ru: ['молодая', 'молоденькая', 'юная', 'свежая', 'новенькая', 'школьница', 'студенточка', 'невинная', 'девственница'],
    uk: ['молода', 'молоденька', 'юна', 'свіжа', 'новенька', 'школярка', 'невинна'],
    th: ['สาวน้อย', 'น้องใหม่', 'วัยรุ่น', 'นักเรียน'],
    zh: ['年轻', '学生妹', '小妹妹', '嫩妹', '萝莉'],
  },
  'trust-reassurance': {
    en: [
      'real pictures', 'real photos', 'real pics', 'real pic', '100% real', '100 % real', '100% genuine', 'genuine photos',
      'genuine pictures', 'no fake', 'no fakes', 'not fake', 'not a fake', 'verified', 'verified photos', 'real girl',
      'discreet and safe', 'safe and discreet', 'clean and safe', 'safe and clean', 'no scam', 'not a scam',
      'what you see is what you get', 'satisfaction guaranteed', 'discretion guaranteed',
    ],
    nl: [
      "echte foto's", 'echte fotos', 'echte foto', '100% echt', '100 % echt', '100 procent echt', 'geen nep', 'geen fake',
      'niet nep', 'echt meisje', 'geverifieerd', "geverifieerde foto's", 'discreet en veilig', 'veilig en discreet',
      'schoon en veilig', 'schoon en hygiënisch', 'hygiënisch', 'betrouwbaar', 'wat je ziet is wat je krijgt',
      'discretie gegarandeerd',
    ],
    ro: [
      'poze reale', 'poze 100% reale', '100% reală', '100% reale', 'fără țeapă', 'fără țepe', 'nu sunt fake',
      'discretă și sigură', 'discreție totală', 'discreție garantată', 'poze verificate',
    ],
    es: [
      'fotos reales', 'fotos 100% reales', '100% real', '100% reales', 'sin engaños', 'sin trampas', 'sin fake',
      'discreta y segura', 'discreción y seguridad', 'discreción garantizada', 'fotos verificadas', 'verificada',
    ],
    pl: [
      'prawdziwe zdjęcia', '100% prawdziwe', '100% real', 'bez ściemy', 'bez oszustw', 'dyskretnie i bezpiecznie',
      'dyskrecja gwarantowana', 'zweryfikowane zdjęcia', 'autentyczne zdjęcia',
    ],
    hu: [
      'valódi képek', 'valódi fotók', '100% valódi', 'nem kamu', 'nem fake', 'diszkréten és biztonságosan',
      'diszkréció', 'ellenőrzött fotók',
    ],
    bg: ['истински снимки', '100% истински', 'реални снимки', 'без измама', 'дискретно и безопасно', 'проверени снимки', 'дискретност'],
    de: [
      'echte bilder', 'echte fotos', '100% echt', 'kein fake', 'keine fakes', 'diskret und sicher', 'sicher und diskret',
      'verifiziert', 'verifizierte fotos', 'garantiert echt', 'diskretion garantiert',
    ],
    fr: [
      'vraies photos', 'photos réelles', '100% réelles', '100% réel', '100% vraie', 'pas de fake', 'pas de faux',
      'discrétion assurée', 'photos vérifiées', 'discrète et en sécurité',
    ],
    it: ['foto reali', '100% reale', 'niente fregature', 'discreta e sicura', 'foto vere'],
    pt: ['fotos reais', '100% reais', '100% real', 'sem enganos', 'discreta e segura', 'fotos verificadas'],
    ru: ['реальные фото', 'фото реальные', '100% реальные', 'без обмана', 'без фейков', 'конфиденциально и безопасно', 'проверенные фото', 'анкета проверена'],
    uk: ['справжні фото', 'реальні фото', '100% справжні', 'без обману', 'конфіденційно і безпечно', 'перевірені фото'],
    th: ['รูปจริง', 'ตรงปก', 'ไม่หลอก'],
    zh: ['真实照片', '照片真实', '真人', '保证真实'],
  },
  'movement-language': {
    en: [
      'new in town', 'new in the city', 'new in the area', 'new in', 'just arrived', 'just arrived in town', 'only this week',
      'this week only', 'only for a few days', 'only a few days', 'few days only', 'leaving soon', 'last days', 'last day',
      'last week here', 'last chance', 'on tour', 'touring', 'passing through', 'just visiting',
      'short stay', 'in town until', 'only today', 'today only', 'back in town',
    ],
    nl: [
      'nieuw in de stad', 'nieuw in', 'nieuw hier', 'net aangekomen', 'pas aangekomen', 'alleen deze week',
      'deze week alleen', 'alleen vandaag', 'maar een paar dagen', 'een paar dagen', 'paar dagen', 'laatste dagen',
      'laatste dag', 'laatste week', 'vertrek binnenkort', 'ga binnenkort weg', 'op doorreis', 'tijdelijk',
      'kort verblijf', 'voor korte tijd', 'weer terug in',
    ],
    ro: [
      'nouă în oraș', 'sunt nouă în oraș', 'nouă în', 'proaspăt sosită', 'abia am sosit', 'doar săptămâna aceasta',
      'doar această săptămână', 'doar câteva zile', 'ultimele zile', 'plec curând', 'plec în curând', 'în turneu', 'doar azi',
    ],
    es: [
      'nueva en la ciudad', 'nueva en', 'recién llegada', 'solo esta semana', 'solo por esta semana', 'solo unos días',
      'últimos días', 'me voy pronto', 'de paso', 'de gira', 'por pocos días', 'solo hoy',
    ],
    pl: [
      'nowa w mieście', 'nowość w mieście', 'dopiero przyjechałam', 'tylko w tym tygodniu', 'tylko przez kilka dni',
      'tylko kilka dni', 'ostatnie dni', 'wkrótce wyjeżdżam', 'przejazdem', 'tylko dziś', 'tylko dzisiaj',
    ],
    hu: [
      'új vagyok a városban', 'új a városban', 'most érkeztem', 'csak ezen a héten', 'csak pár napig', 'utolsó napok',
      'hamarosan elutazom', 'átutazóban', 'csak ma',
    ],
    bg: ['нова съм в града', 'нова в града', 'току-що пристигнах', 'само тази седмица', 'само няколко дни', 'последни дни', 'заминавам скоро', 'само днес'],
    de: [
      'neu in der stadt', 'neu in', 'neu hier', 'gerade angekommen', 'nur diese woche', 'diese woche nur',
      'nur für kurze zeit', 'nur wenige tage', 'letzte tage', 'reise bald ab', 'auf durchreise', 'auf der durchreise',
      'nur heute',
    ],
    fr: [
      'nouvelle en ville', 'nouvelle à', 'juste arrivée', 'tout juste arrivée', 'seulement cette semaine',
      'cette semaine seulement', 'quelques jours seulement', 'derniers jours', 'je pars bientôt', 'de passage', 'en tournée',
    ],
    it: ['nuova in città', 'appena arrivata', 'solo questa settimana', 'ultimi giorni', 'di passaggio', 'solo per pochi giorni'],
    pt: ['nova na cidade', 'acabei de chegar', 'só esta semana', 'últimos dias', 'de passagem', 'só por poucos dias'],
    ru: ['новая в городе', 'только приехала', 'только на этой неделе', 'только несколько дней', 'последние дни', 'скоро уезжаю', 'проездом'],
    uk: ['нова в місті', 'нова у місті', 'тільки приїхала', 'тільки цього тижня', 'останні дні', 'проїздом'],
    th: ['มาใหม่', 'เฉพาะสัปดาห์นี้', 'วันสุดท้าย'],
    zh: ['新到', '本周只在', '仅此一周', '最后几天'],
  },
  'client-screening': {
    en: [
      'no blocked numbers', 'no private numbers', 'no withheld numbers', 'no anonymous calls', 'no hidden numbers',
      'serious gentlemen only', 'serious men only', 'serious clients only', 'gentlemen only', 'respectful gentlemen',
      'references required', 'screening required', 'verification required', 'no drunks', 'no drugs',
    ],
    nl: [
      'geen anonieme nummers', 'geen anonieme telefoontjes', 'geen privé nummers', 'geen prive nummers',
      'geen afgeschermde nummers', 'geen onbekende nummers', 'alleen serieuze heren', 'alleen nette heren',
      'serieuze heren', 'nette heren', 'geen dronken', 'geen drugs', 'geen anoniem',
    ],
    ro: ['fără numere private', 'fără numere ascunse', 'doar domni serioși', 'doar bărbați serioși', 'doar domni'],
    es: ['no números ocultos', 'no llamadas ocultas', 'sin número oculto', 'solo caballeros', 'solo hombres serios', 'caballeros educados'],
    pl: ['bez zastrzeżonych numerów', 'nie odbieram zastrzeżonych', 'tylko kulturalni panowie', 'tylko dla kulturalnych', 'kulturalnych panów'],
    hu: ['rejtett számot nem fogadok', 'rejtett számot nem', 'csak kulturált urak', 'kulturált urak'],
    bg: ['без скрити номера', 'само сериозни мъже', 'само възпитани мъже'],
    de: ['keine unterdrückten nummern', 'keine anonymen anrufe', 'nur seriöse herren', 'gepflegte herren', 'niveauvolle herren'],
    fr: ['pas de numéros masqués', 'pas de numéro masqué', 'hommes respectueux uniquement', 'gentlemen uniquement'],
    ru: ['скрытые номера не беру', 'без скрытых номеров', 'только порядочные мужчины', 'только для серьезных'],
    uk: ['без прихованих номерів', 'тільки порядні чоловіки'],
  },
  'availability-24-7': {
    en: [
      '24/7', '24-7', '24 7', '24 hours', '24hrs', '24h', 'day and night', 'night and day', 'always available',
      'available anytime', 'available any time', 'around the clock', 'non stop', 'nonstop', 'all day all night',
    ],
    nl: ['24 uur per dag', 'dag en nacht', 'dag & nacht', 'altijd beschikbaar', 'altijd bereikbaar', 'de klok rond', 'non-stop'],
    ro: ['zi și noapte', 'disponibilă oricând', '24 din 24', '24/24', 'mereu disponibilă'],
    es: ['24 horas', 'las 24 horas', 'día y noche', 'siempre disponible', 'disponible siempre'],
    pl: ['całą dobę', 'dzień i noc', 'zawsze dostępna', 'o każdej porze'],
    hu: ['éjjel-nappal', '0-24', 'mindig elérhető', 'bármikor'],
    bg: ['денонощно', '24 часа', 'по всяко време', 'винаги на разположение'],
    de: ['rund um die uhr', 'tag und nacht', '24 stunden', 'immer erreichbar', 'jederzeit'],
    fr: ['24h/24', '24h sur 24', 'jour et nuit', 'disponible à tout moment', 'toujours disponible'],
    it: ['24 ore su 24', 'giorno e notte', 'sempre disponibile', 'ventiquattro ore su ventiquattro'],
    pt: ['24 horas', 'dia e noite', 'sempre disponível', 'vinte e quatro horas'],
    ru: ['круглосуточно', '24 часа', 'в любое время'],
    uk: ['цілодобово', 'будь-коли', 'в будь-який час'],
    th: ['ตลอด 24 ชั่วโมง', '24 ชั่วโมง'],
    zh: ['24小时', '二十四小时', '全天'],
  },
  'risky-services': {
    en: [
      'without condom', 'without a condom', 'no condom', 'without protection', 'unprotected', 'bareback', 'bbbj', 'owo',
      'all forms', 'all forms of sex', 'everything possible', 'anything goes', 'all services', 'no limits', 'no taboos',
      'creampie',
    ],
    nl: [
      'zonder condoom', 'zonder bescherming', 'onbeschermd', 'zonder rubber', 'pijpen zonder', 'alles mogelijk',
      'alles is mogelijk', 'alle vormen', 'alle vormen van seks', 'alles kan', 'geen taboes', 'zonder grenzen',
    ],
    ro: ['fără prezervativ', 'fără protecție', 'totul posibil', 'totul e posibil', 'fără limite', 'fără tabuuri'],
    es: ['sin condón', 'sin preservativo', 'sin protección', 'todo posible', 'sin límites', 'sin tabúes', 'francés natural', 'todos los servicios'],
    pl: ['bez gumki', 'bez zabezpieczenia', 'bez prezerwatywy', 'wszystko możliwe', 'bez tabu', 'bez ograniczeń'],
    hu: ['óvszer nélkül', 'védekezés nélkül', 'minden lehetséges', 'tabuk nélkül'],
    bg: ['без презерватив', 'без предпазни средства', 'всичко е възможно', 'без ограничения', 'без табута'],
    de: ['ohne gummi', 'ohne kondom', 'ohne schutz', 'alles möglich', 'tabulos', 'keine tabus', 'ohne tabus', 'französisch pur'],
    fr: ['sans capote', 'sans préservatif', 'sans protection', 'tout est possible', 'sans tabou', 'sans limites'],
    it: ['senza preservativo', 'senza protezione', 'tutto possibile', 'senza limiti'],
    pt: ['sem camisinha', 'sem preservativo', 'sem proteção', 'sem limites', 'tudo possível'],
    ru: ['без презерватива', 'без резинки', 'без защиты', 'всё возможно', 'без табу', 'без ограничений'],
    uk: ['без презервативу', 'без захисту', 'все можливо', 'без обмежень'],
    th: ['ไม่ใส่ถุง', 'ไม่ใช้ถุง'],
    zh: ['不戴套', '无套'],
  },
  'agency-voice': {
    en: [
      'my girls', 'our girls', 'our ladies', 'our models', 'our escorts', 'new girls available', 'girls available',
      'our agency', 'booking agent', 'she is', "she's", 'she will', 'she offers', 'her services', 'call us', 'contact us',
      'several girls', 'many girls', 'different girls', 'choice of girls',
    ],
    nl: [
      'mijn meiden', 'onze meiden', 'onze dames', 'onze meisjes', 'onze modellen', 'ons bureau', 'escortbureau', 'zij is',
      'zij biedt', 'haar diensten', 'bel ons', 'neem contact met ons op', 'meerdere meiden', 'verschillende meiden',
      'keuze uit',
    ],
    ro: ['fetele noastre', 'fetele mele', 'agenția noastră', 'ea este', 'sunați-ne', 'sună-ne', 'avem fete'],
    es: ['nuestras chicas', 'mis chicas', 'nuestra agencia', 'ella es', 'llámanos', 'varias chicas', 'tenemos chicas'],
    pl: ['nasze dziewczyny', 'moje dziewczyny', 'nasza agencja', 'ona jest', 'zadzwoń do nas', 'kilka dziewczyn', 'mamy dziewczyny'],
    hu: ['lányaink', 'lányaim', 'ügynökségünk', 'hívjon minket', 'több lány'],
    bg: ['нашите момичета', 'моите момичета', 'нашата агенция', 'тя е', 'обадете ни се', 'няколко момичета'],
    de: ['unsere mädchen', 'meine mädchen', 'unsere damen', 'unsere girls', 'unsere agentur', 'ruf uns an', 'rufen sie uns an', 'mehrere mädchen'],
    fr: ['nos filles', 'mes filles', 'notre agence', 'elle est', 'appelez-nous', 'plusieurs filles'],
    it: ['le nostre ragazze', 'le mie ragazze', 'la nostra agenzia', 'chiamaci'],
    pt: ['nossas meninas', 'minhas meninas', 'nossa agência', 'ligue-nos'],
    ru: ['наши девушки', 'мои девочки', 'наше агентство', 'звоните нам', 'несколько девушек'],
    uk: ['наші дівчата', 'мої дівчата', 'наша агенція', 'телефонуйте нам'],
    zh: ['我们的女孩', '多位美女'],
  },
};

/** Phrases that cancel any lexicon match inside them. */
export const exclusions: Lexicon = {
  en: [
    'no agency', 'not an agency', 'not agency', 'no agencies', 'thai massage', 'thai massages', 'french kiss',
    'french kissing', 'nail polish', 'russian style', 'spanish style', 'young at heart', 'not new in town',
    'fresh towels', 'fresh sheets', 'fresh shower', 'fresh and clean', 'young man', 'young men', 'young couple',
  ],
  nl: [
    'geen bureau', 'niet via bureau', 'geen escortbureau', 'thaise massage', 'thai massage', 'frans zoenen',
    'spaanse methode', 'frisse handdoeken', 'verse handdoeken', 'jonge man', 'jonge mannen', 'jong stel',
  ],
  ro: ['fără agenție', 'nu sunt agenție', 'masaj thailandez'],
  es: ['sin agencia', 'no soy agencia', 'masaje tailandés', 'beso francés', 'toallas frescas'],
  pl: ['bez agencji', 'nie agencja', 'masaż tajski'],
  hu: ['nem ügynökség', 'thai masszázs'],
  bg: ['без агенция', 'тайландски масаж'],
  de: ['keine agentur', 'thai massage', 'thaimassage', 'französisch küssen', 'frische handtücher'],
  fr: ['pas une agence', 'pas d\'agence', 'massage thaï', 'baiser français'],
  ru: ['не агентство', 'тайский массаж'],
};
