/**
 * Words that reveal what a first message is about, in every language outreach writes in. Assume the
 * exploiter reads the phone: a message must not mention trafficking, exploitation, victims, police,
 * help organisations, rescue, pimps, force, slavery, abuse, shelters or reporting, in ANY of these
 * languages (a Romanian worker may be controlled by a Dutch-speaking exploiter).
 *
 * Entries are written as a speaker would (with diacritics); safety-rules.ts normalises them the same
 * way as the message (lower case, no diacritics). A trailing `*` matches any word that starts with the
 * stem (inflections: policja, policji, policję); an entry with a space is a phrase of whole words.
 * Thai is written without spaces between words, so Thai entries match anywhere in the text.
 */
export const OUTREACH_LANGUAGES = ['nl', 'en', 'ro', 'es', 'hu', 'bg', 'pl', 'th'] as const;
export type OutreachLanguage = (typeof OUTREACH_LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<OutreachLanguage, string> = {
  nl: 'Dutch',
  en: 'English',
  ro: 'Romanian',
  es: 'Spanish',
  hu: 'Hungarian',
  bg: 'Bulgarian',
  pl: 'Polish',
  th: 'Thai',
};

/** Languages whose words are separated by spaces (matched on word boundaries); the rest by substring. */
export const UNSPACED_LANGUAGES: readonly OutreachLanguage[] = ['th'];

export const REVEALING_WORDS: Record<OutreachLanguage, readonly string[]> = {
  nl: [
    'mensenhandel*', 'mensenhandelaar*', 'uitbuiting', 'uitbuiter*', 'uitgebuit*', 'slachtoffer*', 'politie*', 'agenten',
    'hulpverlening*', 'hulpverlener*', 'hulporganisatie*', 'ngo', 'redden', 'gered', 'redding*', 'pooier*', 'souteneur*',
    'gedwongen', 'dwang', 'slavernij', 'slaaf', 'slaven', 'misbruik*', 'opvang*', 'aangifte*', 'melding*',
  ],
  en: [
    'traffick*', 'exploitation', 'exploited', 'exploiter*', 'victim*', 'police*', 'policeman', 'policewoman', 'cop', 'cops',
    'ngo', 'ngos', 'charity', 'charities', 'help organisation', 'help organization', 'aid organisation', 'aid organization',
    'rescue*', 'pimp*', 'forced', 'coerced', 'coercion', 'slave*', 'abuse*', 'abusive', 'shelter*', 'report*',
  ],
  ro: [
    'trafic*', 'exploatare*', 'exploatat*', 'exploatator*', 'victim*', 'politia', 'politie', 'politiei', 'politist*', 'ong',
    'salvare', 'salvat*', 'salveaza', 'proxenet*', 'fortat*', 'constrans*', 'sclav*', 'abuz*', 'adapost*', 'denunt*', 'plangere*',
  ],
  es: [
    'trata de personas', 'trata de blancas', 'tratante*', 'traficante*', 'trafico de personas', 'explotacion', 'explotad*',
    'victima*', 'policia*', 'ong', 'ongs', 'rescat*', 'proxeneta*', 'chulo', 'chulos', 'forzad*', 'esclav*', 'abuso*', 'abusad*',
    'refugio*', 'albergue*', 'casa de acogida', 'denuncia*',
  ],
  hu: [
    'emberkereskedel*', 'emberkereskedo*', 'kizsakmany*', 'aldozat*', 'rendor*', 'segelyszervezet*', 'civil szervezet*',
    'megment*', 'kimentes*', 'strici*', 'futtato*', 'kenyszer*', 'rabszolga*', 'bantalmaz*', 'visszael*', 'menedek*', 'feljelent*',
  ],
  bg: [
    'трафик*', 'експлоатац*', 'експлоатира*', 'жертв*', 'полиц*', 'нпо', 'неправителствен*', 'спасява*', 'спасен*', 'спасяване',
    'сводник*', 'сутеньор*', 'принуд*', 'робств*', 'роб', 'роби', 'насилие', 'малтретира*', 'злоупотреб*', 'приют*', 'убежище',
    'подслон*', 'сигнализира*', 'донос*',
  ],
  pl: [
    'handel ludzmi', 'handlarz*', 'wyzysk*', 'eksploatac*', 'ofiar*', 'policj*', 'policjant*', 'ngo', 'pozarzadow*', 'ratunek',
    'ratunku', 'ratowa*', 'uratowa*', 'alfons*', 'sutener*', 'zmuszon*', 'przymus*', 'niewolni*', 'wykorzystywan*', 'przemoc*',
    'schronisk*', 'schronieni*', 'doniesieni*', 'zawiadomieni*',
  ],
  th: [
    'ค้ามนุษย์', 'แสวงหาประโยชน์', 'แสวงประโยชน์', 'เหยื่อ', 'ตำรวจ', 'เอ็นจีโอ', 'องค์กรช่วยเหลือ', 'มูลนิธิ', 'ช่วยชีวิต', 'กู้ภัย',
    'แมงดา', 'บังคับ', 'ทาส', 'ทารุณ', 'ล่วงละเมิด', 'ที่พักพิง', 'แจ้งความ', 'รายงาน',
  ],
};
