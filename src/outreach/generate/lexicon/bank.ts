/** Languages the generator writes ads in. */
export type Lang = 'nl' | 'en' | 'de' | 'ro' | 'es' | 'hu' | 'bg' | 'pl' | 'th' | 'zh';

/** Nationalities advertisers present (or are presented) as. */
export type Nationality = 'nl' | 'be' | 'de' | 'ro' | 'bg' | 'hu' | 'pl' | 'es' | 'latina' | 'br' | 'th' | 'cn' | 'ng' | 'ua';

/**
 * The phrases of one language. Slots: {name} {age} {city} {nat} {price} {half} {from} {to} {phone}
 * {agency} {licence} {hair} {eyes} {trait} {trait2} {hobby} {hobby2} {list}. The indicator groups
 * (youth, nationality, reassure, movement, always, risky, thirdPerson, agencyVoice) are written the way
 * ads write them; the analysis must find them on its own lexicons, not on these lists.
 */
export type Bank = {
  lang: Lang;
  /** Between sentences ("" for scripts written without spaces). */
  sep: string;
  listSep: string;
  titles: string[];
  greet: string[];
  intro: string[];
  looks: string[];
  hair: string[];
  eyes: string[];
  traits: string[];
  hobbies: string[];
  servicesIntro: string[];
  services: string[];
  /** Stock phrases that everyone copies. */
  stock: string[];
  availability: string[];
  price: string[];
  contact: string[];
  closing: string[];
  youth: string[];
  nationality: string[];
  reassure: string[];
  movement: string[];
  always: string[];
  risky: string[];
  thirdPerson: string[];
  agencyVoice: string[];
  agencyIntro: string[];
  agencyPro: string[];
  licence: string[];
  nat: Record<Nationality, string>;
  /** Spelled-out digits 0-9, in one or more spellings (with and without diacritics). */
  digits?: string[][];
};
