/**
 * How many SMS a message takes. Text within the GSM 03.38 alphabet goes as GSM-7 (160 characters in one
 * message, 153 per part when split; the extension characters count twice); anything else (Thai,
 * Cyrillic, most accented letters such as ș, ł, ő, á) forces UCS-2: 70 in one message, 67 per part.
 * A first message that arrives in pieces is harder to read at a glance and more likely to be noticed,
 * so the template editor shows the count next to the length.
 */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '^{}\\[~]|€\f';
const BASIC = new Set(GSM_BASIC);
const EXTENSION = new Set(GSM_EXTENSION);

export type SmsParts = { encoding: 'gsm-7' | 'ucs-2'; parts: number };

export function smsParts(text: string): SmsParts {
  let septets = 0;
  let gsm = true;
  for (const ch of text) {
    if (BASIC.has(ch)) septets += 1;
    else if (EXTENSION.has(ch)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) return { encoding: 'gsm-7', parts: septets <= 160 ? 1 : Math.ceil(septets / 153) };
  // UCS-2 counts UTF-16 code units (characters outside the BMP take two).
  const units = text.length;
  return { encoding: 'ucs-2', parts: units <= 70 ? 1 : Math.ceil(units / 67) };
}
