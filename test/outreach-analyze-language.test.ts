import { eld } from 'eld/small';
import { describe, expect, it } from 'vitest';
import { analyzeAd } from '../src/outreach/analyze/analyze-ad.ts';
import { detectLanguage, voteLanguage } from '../src/outreach/analyze/language.ts';
import { languageMask, modelLanguages, scoreLanguages } from '../src/outreach/analyze/language-model.ts';
import { languageSamples } from '../src/outreach/analyze/language-samples.ts';

describe('detectLanguage', () => {
  it('recognises every labelled sample (15 languages, 20-200 characters)', () => {
    const misses: string[] = [];
    for (const [lang, texts] of Object.entries(languageSamples)) {
      for (const text of texts) {
        const got = detectLanguage(text);
        if (got !== lang) misses.push(`${lang}->${got}: ${text}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it('uses scripts and distinctive letters: Thai, Chinese, Japanese, Korean, Ukrainian, Russian, Bulgarian', () => {
    expect(detectLanguage('สวัสดีค่ะ ยินดีต้อนรับ')).toBe('th');
    expect(detectLanguage('你好，欢迎来电预约，真实照片')).toBe('zh');
    expect(detectLanguage('こんにちは、写真は本物です')).toBe('ja');
    expect(detectLanguage('안녕하세요 진짜 사진입니다')).toBe('ko');
    expect(detectLanguage('Привіт, чекаю тебе у місті')).toBe('uk');
    expect(detectLanguage('Привет, жду тебя, ты не пожалеешь')).toBe('ru');
    expect(detectLanguage('Здравей, ела при мен, няма да съжаляваш')).toBe('bg');
  });

  it('answers "und" for very short, letterless or unreliable text', () => {
    expect(detectLanguage('')).toBe('und');
    expect(detectLanguage('Hi')).toBe('und');
    expect(detectLanguage('06-12345678 💋💋💋 €150')).toBe('und');
    expect(detectLanguage('xqzt vbnm wrtp')).toBe('und');
  });

  it('detects the language of a whole ad from title and body, despite phones, emoji and prices', () => {
    const features = analyzeAd({
      id: '1',
      source: 't',
      title: 'Sexy Anna 💋 NIEUW',
      body: 'Hallo heren, ik ontvang jullie graag in mijn appartement. Bel 06-12345678, 150€ per uur. Tot snel!',
    }, 0);
    expect(features.language).toBe('nl');
  });

  it('gives the same answers through analyzeAd (function-word vote first, n-grams otherwise)', () => {
    const misses: string[] = [];
    for (const [lang, texts] of Object.entries(languageSamples)) {
      for (const text of texts) {
        const got = analyzeAd({ id: 'x', source: 't', title: '', body: `${text} ${text}` }, 0).language;
        if (got !== lang) misses.push(`${lang}->${got}: ${text}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it('votes only when the function words clearly favour one language', () => {
    const langs = ['nl', 'en', 'de'];
    expect(voteLanguage(Int32Array.from([5, 1, 0]), langs)).toBe('nl');
    expect(voteLanguage(Int32Array.from([0, 3, 0]), langs)).toBe('en');
    expect(voteLanguage(Int32Array.from([2, 0, 0]), langs)).toBeNull(); // too few votes
    expect(voteLanguage(Int32Array.from([4, 3, 0]), langs)).toBeNull(); // no clear lead
    expect(voteLanguage(Int32Array.from([0, 0, 0]), langs)).toBeNull();
  });

  it('scores n-grams exactly as eld does on the same database', () => {
    const all = languageMask();
    for (const texts of Object.values(languageSamples)) {
      for (const text of texts) {
        const ours = scoreLanguages(text.toLowerCase(), all);
        const theirs = eld.detect(text);
        expect(modelLanguages[ours.best]).toBe(theirs.language);
        expect(ours.reliable).toBe(theirs.isReliable());
      }
    }
  });
});
