import type { IncomingMessage, ServerResponse } from 'node:http';

export interface ContactAnswer {
  status: number;
  body: { reference?: string; message?: string };
}
export interface ContactStore {
  messages: Array<{ key: string; reference: string; receivedAt: string; spam: boolean; message: unknown }>;
  get(key: string): ContactAnswer | undefined;
  save(key: string, answer: ContactAnswer, record?: ContactStore['messages'][number]): void;
}
export function memoryStore(): ContactStore;
export function fileStore(file: string): ContactStore;
export function handleContact(
  raw: string,
  headers: Record<string, string | string[] | undefined>,
  store: ContactStore,
  now?: Date,
): ContactAnswer;
export interface ContactMiddlewareOptions {
  path?: string;
  store?: ContactStore;
  failEvery?: number;
  testControls?: boolean;
}
export function contactMiddleware(
  options?: ContactMiddlewareOptions,
): (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
export function contactKoaMiddleware(options?: ContactMiddlewareOptions): (ctx: unknown, next: () => Promise<unknown>) => Promise<void>;
