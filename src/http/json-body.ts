import type { FastifyInstance } from 'fastify';
import { DomainError } from '../errors/catalogue.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Strict JSON bodies: invalid UTF-8 is refused (not silently replaced), so is JSON that tries to
 * set an object prototype, and the message says where the JSON broke.
 */
export function registerJsonParser(app: FastifyInstance) {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body: Buffer, done) => {
    let text: string;
    try {
      text = utf8.decode(body);
    } catch {
      return done(new DomainError('MALFORMED_REQUEST', 'The body is not valid UTF-8.'), undefined);
    }
    if (text.trim() === '') return done(new DomainError('MALFORMED_REQUEST', 'The body is empty; send a JSON object.'), undefined);
    try {
      const parsed: unknown = JSON.parse(text, (key, value: unknown) => {
        if (key === '__proto__' || (key === 'constructor' && typeof value === 'object')) {
          throw new SyntaxError(`the key "${key}" is not allowed`);
        }
        return value;
      });
      done(null, parsed);
    } catch (e) {
      done(new DomainError('MALFORMED_REQUEST', `The body is not valid JSON: ${(e as Error).message}`), undefined);
    }
  });
}
