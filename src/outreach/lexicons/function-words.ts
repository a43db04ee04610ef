/**
 * Frequent words that (almost) only one of the main ad languages uses, for a cheap first vote on the
 * language (language.ts falls back to the n-gram model when the vote is not clear). Words shared by
 * two of these languages are left out ("de", "en", "in", "la", "me", "van" (nl/hu), "die" (de/af) ...),
 * as are words that appear in URLs and e-mail addresses ("com"). Compared after folding (lower-case,
 * no diacritics).
 */
export const functionWords: Record<string, string[]> = {
  nl: [
    'ik', 'het', 'een', 'niet', 'voor', 'bij', 'jij', 'mij', 'mijn', 'zijn', 'ben', 'wij', 'ook', 'maar', 'heel', 'graag',
    'naar', 'dat', 'deze', 'geen', 'uur', 'alleen', 'echt', 'lekker', 'lieve', 'schat', 'heerlijk', 'bel', 'afspraak',
    'vind', 'wel', 'nog', 'jouw', 'jullie', 'heb', 'kun', 'kunt', 'wordt', 'zoenen', 'ontvang', 'welkom', 'hoi', 'groetjes',
    'kusjes', 'vrouw', 'meid', 'heren', 'hou', 'houd', 'belangrijk', 'krijgt', 'spijt', 'onze', 'ogen', 'zij',
  ],
  en: [
    'the', 'and', 'you', 'your', 'are', 'with', 'will', 'not', 'have', 'this', 'very', 'only', 'please', 'call', 'love',
    'available', 'hello', 'here', 'come', 'enjoy', 'who', 'what', 'my', 'gentlemen', 'sweet', 'kisses', 'looking',
    'want', 'can', 'be', 'it', 'she', 'her', 'our', 'we', 'they', 'hair', 'eyes', 'important', 'regret', 'waiting',
    'visit', 'offer', 'without', 'just', 'time', 'from', 'like',
  ],
  de: [
    'ich', 'bin', 'und', 'nicht', 'mit', 'fur', 'ein', 'eine', 'einen', 'bei', 'mich', 'mir', 'dich', 'dir', 'auf', 'ist',
    'sind', 'auch', 'sehr', 'nur', 'zu', 'von', 'schon', 'gerne', 'komm', 'besuch', 'heute', 'jetzt', 'meine', 'mein',
    'deine', 'dein', 'freue', 'wichtig', 'haare', 'augen', 'bereuen', 'herren', 'kusse', 'zeit',
  ],
  fr: [
    'suis', 'et', 'vous', 'les', 'des', 'est', 'pour', 'avec', 'une', 'moi', 'toi', 'dans', 'sur', 'douce',
    'bisous', 'appelle', 'cette', 'messieurs', 'bonjour', 'cheveux', 'yeux', 'rendez', 'regretteras',
    'aime', 'chez', 'votre',
  ],
  es: [
    'y', 'el', 'los', 'las', 'muy', 'soy', 'estoy', 'tengo', 'besos', 'hola', 'sin', 'hasta', 'llamame', 'carino', 'ven',
    'chica', 'caballeros', 'quieres', 'usted', 'tambien', 'mucho', 'gusta', 'ojos', 'cabello', 'arrepentiras',
    'cita', 'mujer', 'hombres',
  ],
  pt: [
    'sou', 'voce', 'nao', 'uma', 'em', 'minha', 'muito', 'estou', 'tenho', 'beijos', 'ola', 'tambem', 'seu', 'sua',
    'ao', 'olhos', 'cabelo', 'menina', 'liga', 'arrepender', 'obrigada',
  ],
  it: [
    'sono', 'di', 'che', 'della', 'molto', 'ragazza', 'ciao', 'baci', 'chiamami', 'anche', 'questo', 'questa',
    'tutto', 'gli', 'nel', 'capelli', 'occhi', 'pentirai', 'aspetto', 'signori',
  ],
  ro: [
    'sunt', 'cu', 'pe', 'este', 'foarte', 'pentru', 'mea', 'care', 'astept', 'pupici', 'vino', 'esti', 'iti', 'imi',
    'vreau', 'doar', 'domnilor', 'ochi', 'regreta', 'draga', 'buna', 'fata',
  ],
  pl: [
    'jestem', 'w', 'z', 'sie', 'jak', 'mnie', 'ze', 'dla', 'lub', 'oraz', 'bardzo', 'zapraszam', 'jest', 'mam', 'tylko',
    'czy', 'moja', 'ciebie', 'kochanie', 'panowie', 'wlosy', 'oczy', 'pozalujesz', 'czekam', 'dziewczyna',
  ],
  hu: [
    'vagyok', 'az', 'egy', 'hogy', 'meg', 'csak', 'nagyon', 'vagy', 'szia', 'szeretettel', 'varlak', 'gyere', 'velem',
    'nekem', 'puszi', 'hajam', 'szemem', 'fontos', 'szamomra', 'lany', 'uraim', 'hivj',
  ],
  tr: ['bir', 'cok', 'icin', 'ile', 'merhaba', 'seni', 'beni', 'benim', 'bana'],
};
