/**
 * Spelled-out digits, per language, as written in phone numbers ("nul zes een twee ...").
 * Diacritics may be omitted in ads; matching is diacritic-insensitive. Words that are also common
 * words ("een", "het", "un") only count inside a run of digits (phone-candidates.ts).
 */
export const digitWords: Record<string, Record<string, number>> = {
  nl: { nul: 0, een: 1, één: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9 },
  en: { zero: 0, oh: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 },
  ro: { zero: 0, unu: 1, doi: 2, trei: 3, patru: 4, cinci: 5, șase: 6, şase: 6, șapte: 7, şapte: 7, opt: 8, nouă: 9 },
  es: { cero: 0, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9 },
  pl: { zero: 0, jeden: 1, dwa: 2, trzy: 3, cztery: 4, pięć: 5, sześć: 6, siedem: 7, osiem: 8, dziewięć: 9 },
  de: { null: 0, eins: 1, zwei: 2, zwo: 2, drei: 3, vier: 4, fünf: 5, fuenf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9 },
  fr: { zéro: 0, un: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9 },
  hu: { nulla: 0, egy: 1, kettő: 2, kettö: 2, három: 3, négy: 4, öt: 5, hat: 6, hét: 7, nyolc: 8, kilenc: 9 },
  bg: { нула: 0, едно: 1, две: 2, три: 3, четири: 4, пет: 5, шест: 6, седем: 7, осем: 8, девет: 9 },
  it: { zero: 0, uno: 1, due: 2, tre: 3, quattro: 4, cinque: 5, sei: 6, sette: 7, otto: 8, nove: 9 },
  pt: { zero: 0, um: 1, dois: 2, três: 3, quatro: 4, cinco: 5, seis: 6, sete: 7, oito: 8, nove: 9 },
  ru: { ноль: 0, нуль: 0, один: 1, два: 2, три: 3, четыре: 4, пять: 5, шесть: 6, семь: 7, восемь: 8, девять: 9 },
  uk: { нуль: 0, один: 1, два: 2, три: 3, чотири: 4, "п'ять": 5, шість: 6, сім: 7, вісім: 8, "дев'ять": 9 },
};
