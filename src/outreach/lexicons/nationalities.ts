import type { Lexicon } from '../analyze/analyze-config.ts';

/**
 * Stated nationality or ethnicity -> one normalised code: ISO 3166-1 alpha-2 (lower-case) for
 * nationalities, a word for broader groups ("latin", "asian", "african", "east-european", "arab",
 * "exotic", "mixed"). Words that double as sex-work slang for services ("French", "Greek", "Spanish",
 * Dutch "Frans", "Grieks", "Spaans", "Russisch") are left out or cancelled by exclusions
 * (indicator-phrases.ts), as are "Thai massage" and similar.
 */
export const nationalities: Record<string, Lexicon> = {
  ro: {
    en: ['romanian', 'from romania'], nl: ['roemeense', 'roemeens', 'roemeen', 'uit roemenië'],
    ro: ['româncă', 'românca', 'româncuță', 'din românia', 'româncuțe'], es: ['rumana', 'rumanas', 'de rumanía'],
    pl: ['rumunka', 'rumunki', 'z rumunii'], hu: ['román lány', 'romániai'], bg: ['румънка'], de: ['rumänin', 'aus rumänien'],
    fr: ['roumaine'], it: ['rumena'], pt: ['romena'], ru: ['румынка'], uk: ['румунка'],
  },
  bg: {
    en: ['bulgarian'], nl: ['bulgaarse', 'bulgaars'], ro: ['bulgăroaică'], es: ['búlgara'], pl: ['bułgarka'],
    hu: ['bolgár'], bg: ['българка', 'българско момиче'], de: ['bulgarin'], fr: ['bulgare'], ru: ['болгарка'], uk: ['болгарка'],
  },
  hu: {
    en: ['hungarian'], nl: ['hongaarse', 'hongaars'], ro: ['unguroaică'], es: ['húngara'], pl: ['węgierka'],
    hu: ['magyar', 'magyar lány'], bg: ['унгарка'], de: ['ungarin'], fr: ['hongroise'], ru: ['венгерка'], uk: ['угорка'],
  },
  pl: {
    en: ['polish girl', 'polish lady', 'polish woman', 'from poland'], nl: ['poolse'], ro: ['poloneză'], es: ['polaca'],
    pl: ['polka', 'polską dziewczynę'], hu: ['lengyel'], bg: ['полякиня'], de: ['polin'], fr: ['polonaise'], ru: ['полька'], uk: ['полька'],
  },
  ua: {
    en: ['ukrainian'], nl: ['oekraïense', 'oekraïens'], ro: ['ucraineancă'], es: ['ucraniana'], pl: ['ukrainka'],
    hu: ['ukrán'], bg: ['украинка'], de: ['ukrainerin'], fr: ['ukrainienne'], ru: ['украинка'], uk: ['українка'],
  },
  ru: {
    en: ['russian girl', 'russian lady', 'russian woman', 'russian beauty'], nl: ['russische'], ro: ['rusoaică'],
    es: ['rusa'], pl: ['rosjanka'], hu: ['orosz'], bg: ['рускиня'], de: ['russin'], fr: ['russe'], ru: ['русская', 'россиянка'], uk: ['росіянка'],
  },
  md: { en: ['moldovan'], nl: ['moldavische'], ro: ['moldoveancă'], ru: ['молдаванка'], uk: ['молдаванка'] },
  cz: { en: ['czech'], nl: ['tsjechische'], pl: ['czeszka'], de: ['tschechin'], fr: ['tchèque'], ru: ['чешка'] },
  sk: { en: ['slovak'], nl: ['slowaakse'], pl: ['słowaczka'], de: ['slowakin'] },
  lt: { en: ['lithuanian'], nl: ['litouwse'], pl: ['litwinka'], de: ['litauerin'] },
  lv: { en: ['latvian'], nl: ['letse'], de: ['lettin'] },
  by: { en: ['belarusian'], pl: ['białorusinka'], ru: ['белоруска'], uk: ['білоруска'] },
  al: { en: ['albanian'], nl: ['albanese'], de: ['albanerin'] },
  nl: { en: ['dutch girl', 'dutch lady', 'dutch woman'], nl: ['nederlandse', 'hollandse', 'nederlands meisje'] },
  be: { en: ['belgian'], nl: ['belgische', 'vlaamse'], fr: ['belge'] },
  de: { en: ['german girl', 'german lady'], nl: ['duitse'], de: ['deutsche frau', 'deutsches girl'] },
  it: { en: ['italian'], nl: ['italiaanse'], es: ['italiana'], de: ['italienerin'], fr: ['italienne'], it: ['italiana'], pl: ['włoszka'] },
  es: { en: ['spanish girl', 'spanish lady'], nl: ['spaanse'], es: ['española'], de: ['spanierin'], fr: ['espagnole'], pl: ['hiszpanka'] },
  pt: { en: ['portuguese'], nl: ['portugese'], es: ['portuguesa'], pt: ['portuguesa'], fr: ['portugaise'] },
  fr: { en: ['french girl', 'french lady'], nl: ['franse'], fr: ['française'], de: ['französin'] },
  th: {
    en: ['thai', 'thai girl', 'thai lady'], nl: ['thaise', 'thai'], es: ['tailandesa'], pl: ['tajka', 'tajlandka'],
    de: ['thailänderin'], fr: ['thaïlandaise'], ro: ['thailandeză'], bg: ['тайландка'], ru: ['таиландка', 'тайка'],
    th: ['สาวไทย', 'คนไทย'], zh: ['泰国'],
  },
  cn: {
    en: ['chinese'], nl: ['chinese'], es: ['china'], pl: ['chinka'], de: ['chinesin'], fr: ['chinoise'], ro: ['chinezoaică'],
    ru: ['китаянка'], bg: ['китайка'], zh: ['中国女孩', '中国'], th: ['สาวจีน'],
  },
  jp: { en: ['japanese'], nl: ['japanse'], es: ['japonesa'], pl: ['japonka'], de: ['japanerin'], fr: ['japonaise'], ru: ['японка'], zh: ['日本'], th: ['สาวญี่ปุ่น'] },
  kr: { en: ['korean'], nl: ['koreaanse'], es: ['coreana'], de: ['koreanerin'], ru: ['кореянка'], zh: ['韩国'] },
  vn: { en: ['vietnamese'], nl: ['vietnamese'], pl: ['wietnamka'], de: ['vietnamesin'], zh: ['越南'] },
  ph: { en: ['filipina', 'pinay'], nl: ['filipijnse'], es: ['filipina'], de: ['philippinin'] },
  id: { en: ['indonesian'], nl: ['indonesische', 'indische'] },
  la: { th: ['สาวลาว'], en: ['laotian'] },
  in: { en: ['indian girl', 'indian lady'], nl: ['indiase'], de: ['inderin'] },
  tr: { en: ['turkish'], nl: ['turkse'], de: ['türkin'], ro: ['turcoaică'], bg: ['туркиня'] },
  ma: { en: ['moroccan'], nl: ['marokkaanse'], fr: ['marocaine'], es: ['marroquí'] },
  dz: { fr: ['algérienne'], en: ['algerian'] },
  ng: { en: ['nigerian'], nl: ['nigeriaanse'], es: ['nigeriana'], fr: ['nigériane'], de: ['nigerianerin'] },
  gh: { en: ['ghanaian'], nl: ['ghanese'] },
  sr: { en: ['surinamese'], nl: ['surinaamse'] },
  cw: { en: ['antillean'], nl: ['antilliaanse'] },
  br: {
    en: ['brazilian'], nl: ['braziliaanse'], es: ['brasileña'], pt: ['brasileira'], pl: ['brazylijka'], hu: ['brazil'],
    de: ['brasilianerin'], fr: ['brésilienne'], it: ['brasiliana'], ro: ['braziliancă'], bg: ['бразилка'], ru: ['бразильянка'],
  },
  co: { en: ['colombian'], nl: ['colombiaanse'], es: ['colombiana'], pl: ['kolumbijka'], de: ['kolumbianerin'], fr: ['colombienne'] },
  do: { en: ['dominican'], nl: ['dominicaanse'], es: ['dominicana'], de: ['dominikanerin'], fr: ['dominicaine'] },
  ve: { en: ['venezuelan'], nl: ['venezolaanse'], es: ['venezolana'] },
  cu: { en: ['cuban'], nl: ['cubaanse'], es: ['cubana'] },
  mx: { en: ['mexican'], nl: ['mexicaanse'], es: ['mexicana'] },
  pe: { en: ['peruvian'], es: ['peruana'] },
  ec: { en: ['ecuadorian'], es: ['ecuatoriana'] },
  py: { en: ['paraguayan'], es: ['paraguaya'] },
  ar: { en: ['argentinian', 'argentine'], nl: ['argentijnse'], es: ['argentina'] },
  latin: {
    en: ['latina', 'latin girl', 'latin lady', 'latin american'], nl: ['latina', 'latijns-amerikaanse', 'latijnse'],
    es: ['latina', 'latinoamericana'], pl: ['latynoska'], hu: ['latin lány'], de: ['latina', 'südamerikanerin'],
    fr: ['latine', 'latina'], ro: ['latino-americană'], bg: ['латиноамериканка', 'латина'], ru: ['латина', 'латиноамериканка'],
  },
  asian: {
    en: ['asian', 'oriental'], nl: ['aziatische', 'aziatisch', 'oosterse'], es: ['asiática', 'oriental'], pl: ['azjatka'],
    hu: ['ázsiai'], bg: ['азиатка'], de: ['asiatin', 'asiatische'], fr: ['asiatique'], it: ['asiatica', 'orientale'],
    pt: ['asiática', 'oriental'], ro: ['asiatică'], ru: ['азиатка'], uk: ['азіатка'], zh: ['亚洲'],
  },
  african: {
    en: ['african', 'ebony'], nl: ['afrikaanse', 'afrikaans', 'donkere schoonheid'], es: ['africana'], pl: ['afrykanka'],
    hu: ['afrikai'], bg: ['африканка'], de: ['afrikanerin'], fr: ['africaine'], it: ['africana'], pt: ['africana'],
    ro: ['africană'], ru: ['африканка'], uk: ['африканка'],
  },
  'east-european': {
    en: ['eastern european', 'east european'], nl: ['oost-europese', 'oost europese', 'oostblok'], de: ['osteuropäerin', 'osteuropäische'],
    pl: ['wschodnioeuropejska'], ro: ['est-europeană'],
  },
  arab: { en: ['arab', 'arabic', 'arabian'], nl: ['arabische'], de: ['araberin'], fr: ['arabe', 'beurette'], es: ['árabe'] },
  exotic: { en: ['exotic'], nl: ['exotische', 'exotisch'], es: ['exótica'], de: ['exotische', 'exotisch'], fr: ['exotique'], ro: ['exotică'], pl: ['egzotyczna'], hu: ['egzotikus'] },
  mixed: { en: ['mixed race'], es: ['mulata'], pt: ['mulata'], fr: ['métisse'], pl: ['mulatka'], nl: ['mulattin'], ru: ['мулатка'] },
};
