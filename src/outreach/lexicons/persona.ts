import type { Lexicon } from '../analyze/analyze-config.ts';

/** Phrases after which the advertiser states a (persona) name: "I am Anna", "ik ben Anna". */
export const nameIntros: Lexicon = {
  en: [
    'i am', "i'm", 'im', 'my name is', "my name's", 'call me', 'they call me', 'this is', 'name:', 'name is', 'presents',
    'proudly presents', 'introduces',
  ],
  nl: [
    'ik ben', 'ik heet', 'mijn naam is', 'noem me', 'noem mij', 'ze noemen me', 'ze noemen mij', 'men noemt mij', 'naam:',
    'stelt voor', 'presenteert', 'presenteert met trots',
  ],
  ro: ['mă numesc', 'numele meu este', 'numele meu e', 'eu sunt', 'sunt', 'îmi spune', 'îmi spun', 'lumea îmi spune'],
  es: ['me llamo', 'soy', 'mi nombre es', 'llámame', 'me llaman', 'me dicen', 'presenta'],
  pl: ['jestem', 'mam na imię', 'nazywam się', 'mów mi', 'mówią na mnie', 'mówią mi', 'nazywają mnie'],
  hu: ['a nevem', 'hívj', 'én vagyok', 'bemutatja'],
  bg: ['казвам се', 'аз съм', 'името ми е', 'наричат ме'],
  de: ['ich bin', 'ich heiße', 'mein name ist', 'nenn mich', 'man nennt mich', 'nennt mich', 'präsentiert', 'stellt vor'],
  fr: ["je m'appelle", 'je suis', 'mon nom est', 'appelle-moi', "on m'appelle", 'présente'],
  it: ['mi chiamo', 'sono', 'il mio nome è', 'mi chiamano'],
  pt: ['meu nome é', 'me chamo', 'sou a', 'eu sou', 'me chamam'],
  ru: ['меня зовут', 'я', 'моё имя'],
  uk: ['мене звати', 'я', "моє ім'я"],
  th: ['ฉันชื่อ', 'ชื่อ', 'เรียกฉันว่า', 'ฉันคือ'],
  zh: ['我叫', '我的名字是', '叫我', '我是'],
};

/** Phrases after the name: "Anna vagyok", "Engem Petra hívnak" (Hungarian). */
export const nameOutros: Lexicon = {
  hu: ['vagyok', 'hívnak'],
  nl: ['werkt exclusief'],
  de: ['arbeitet exklusiv'],
  en: ['works exclusively'],
};

/**
 * Capitalised words that follow a name intro but are not names. Lower-case, diacritics as written
 * (compared after folding). Spelled-out digits ("Call me: ZERO SIX ...") are added automatically.
 */
export const nameStopWords: string[] = [
  // en
  'a', 'an', 'the', 'new', 'available', 'here', 'very', 'young', 'your', 'you', 'from', 'in', 'back', 'real', 'ready',
  'waiting', 'sweet', 'hot', 'sexy', 'open', 'free', 'not', 'always', 'only', 'so', 'also', 'just', 'now', 'a', 'at',
  'on', 'for', 'looking', 'offering', 'pretty', 'beautiful', 'cute', 'naughty', 'independent', 'available', 'visiting',
  'online', 'happy', 'good', 'nice', 'blonde', 'brunette', 'petite', 'busty', 'slim', 'curvy', 'mature', 'discreet',
  'me', 'her', 'him', 'us', 'it', 'is', 'and', 'or', 'of', 'to', 'with', 'girl', 'lady', 'woman', 'escort', 'student',
  'oh', 'proud', 'proudly', 'our', 'new', 'engem', 'a', 'az',
  // nl
  'een', 'nieuw', 'nieuwe', 'hier', 'beschikbaar', 'jong', 'jonge', 'er', 'weer', 'terug', 'de', 'het', 'je', 'jouw',
  'heel', 'erg', 'alleen', 'altijd', 'nu', 'in', 'op', 'een', 'lief', 'lieve', 'mooi', 'mooie', 'echt', 'echte', 'niet',
  'geen', 'zelfstandig', 'klaar', 'blond', 'blonde', 'meisje', 'meid', 'vrouw', 'dame', 'van', 'voor', 'met', 'jij',
  // ro / es / pl / hu / bg / de / fr / it / pt / ru
  'noua', 'nouă', 'o', 'foarte', 'aici', 'disponibila', 'disponibilă', 'din', 'fata', 'fată',
  'nueva', 'una', 'muy', 'la', 'el', 'tu', 'de', 'disponible', 'chica', 'mujer',
  'nowa', 'bardzo', 'dostępna', 'tu', 'z', 'dziewczyna', 'kobieta',
  'új', 'itt', 'egy', 'nagyon', 'lány',
  'нова', 'тук', 'много', 'момиче',
  'neu', 'hier', 'eine', 'ein', 'sehr', 'die', 'da', 'ganz', 'verfügbar', 'frau',
  'nouvelle', 'une', 'très', 'ici', 'disponible', 'la', 'fille', 'femme',
  'nuova', 'qui', 'molto', 'ragazza',
  'nova', 'muito', 'aqui', 'menina',
  'новая', 'новенькая', 'здесь', 'очень', 'тут', 'девушка', 'новенька', 'дівчина',
];

/** Cities whose names are masked in templateText (plus the ad's own `city`). */
export const cities: string[] = [
  // Netherlands
  'amsterdam', 'rotterdam', 'den haag', 'the hague', 's-gravenhage', 'utrecht', 'eindhoven', 'groningen', 'tilburg',
  'almere', 'breda', 'nijmegen', 'apeldoorn', 'haarlem', 'arnhem', 'enschede', 'amersfoort', 'zaanstad', 'zaandam',
  'den bosch', 's-hertogenbosch', 'hertogenbosch', 'zwolle', 'leiden', 'maastricht', 'dordrecht', 'zoetermeer',
  'leeuwarden', 'alkmaar', 'delft', 'deventer', 'venlo', 'heerlen', 'hilversum', 'roosendaal', 'purmerend', 'schiedam',
  'lelystad', 'hoofddorp', 'amstelveen', 'emmen', 'helmond', 'gouda', 'assen', 'den helder', 'vlaardingen', 'capelle',
  'spijkenisse', 'sittard', 'katwijk', 'veenendaal', 'hoorn', 'harderwijk', 'middelburg', 'vlissingen', 'terneuzen',
  'bergen op zoom', 'zutphen', 'doetinchem', 'kampen', 'meppel', 'heerenveen', 'sneek', 'drachten', 'schiphol',
  'ede', 'oss', 'zeist', 'nieuwegein', 'haarlemmermeer', 'westland', 'rijswijk', 'voorburg', 'beverwijk',
  // Belgium
  'brussel', 'bruxelles', 'brussels', 'antwerpen', 'anvers', 'antwerp', 'brugge', 'bruges', 'leuven', 'liège', 'luik',
  'charleroi', 'namur', 'hasselt', 'mechelen', 'aalst', 'kortrijk', 'oostende', 'genk',
  // Germany (border region and large cities)
  'düsseldorf', 'köln', 'cologne', 'aachen', 'essen', 'dortmund', 'duisburg', 'münster', 'berlin', 'hamburg',
  'frankfurt', 'münchen', 'munich', 'bremen', 'hannover', 'oberhausen', 'krefeld', 'mönchengladbach',
  // other scripts
  'амстердам', 'амстердаме', 'амстердамі', 'роттердам', 'роттердаме', 'роттердамі', 'гаага', 'утрехт', 'утрехте', 'อัมสเตอร์ดัม', 'รอตเทอร์ดัม', '阿姆斯特丹', '鹿特丹', '海牙',
];
