import { describe, expect, it } from 'vitest';
import { smsParts } from '../src/outreach-work/contact/sms-parts.ts';
import { DEMO_TEMPLATES } from '../src/demo/seed-outreach-contacts.ts';

describe('SMS parts of a message', () => {
  it('counts GSM-7 text in septets, extension characters twice', () => {
    expect(smsParts('a'.repeat(160))).toEqual({ encoding: 'gsm-7', parts: 1 });
    expect(smsParts('a'.repeat(161))).toEqual({ encoding: 'gsm-7', parts: 2 });
    expect(smsParts(`${'a'.repeat(158)}€`)).toEqual({ encoding: 'gsm-7', parts: 1 });
    expect(smsParts(`${'a'.repeat(159)}€`)).toEqual({ encoding: 'gsm-7', parts: 2 });
    expect(smsParts('Hoi, hoe gaat het? ¿Qué tal? Ça va')).toEqual({ encoding: 'gsm-7', parts: 1 });
  });

  it('switches to UCS-2 for letters outside the GSM alphabet (70 in one, 67 per part)', () => {
    expect(smsParts('ș'.repeat(70))).toEqual({ encoding: 'ucs-2', parts: 1 });
    expect(smsParts('ș'.repeat(71))).toEqual({ encoding: 'ucs-2', parts: 2 });
    expect(smsParts('สวัสดี').encoding).toBe('ucs-2');
    expect(smsParts('Здравей').encoding).toBe('ucs-2');
  });

  it('tells the demo templates apart: Latin-only ones fit one SMS, Thai and Bulgarian need parts', () => {
    const link = 'https://chat.example.org/hi';
    const parts = Object.fromEntries(DEMO_TEMPLATES.map((t) => [t.language, smsParts(t.body.replace('{chatLink}', link))]));
    expect(parts.nl).toEqual({ encoding: 'gsm-7', parts: 1 });
    expect(parts.ro).toEqual({ encoding: 'gsm-7', parts: 1 });
    expect(parts.th!.encoding).toBe('ucs-2');
    expect(parts.bg!.parts).toBeGreaterThan(1);
  });
});
