import type { Request, Response } from 'express';

/** The inspection API's error shape: a stable code and a sentence a person can act on. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

export const notFound = (res: Response, message: string): void => sendError(res, 404, 'NotFound', message);

/** `?skip&top` with a default page size and a ceiling, so a 100k-user tenant never answers in one blob by accident. */
export function pageOf(req: Request, defaultTop: number): { skip: number; top: number } {
  const number = (value: unknown, fallback: number): number => {
    const parsed = typeof value === 'string' ? Number.parseInt(value, 10) : Number.NaN;
    return Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback;
  };
  return { skip: number(req.query.skip, 0), top: Math.min(number(req.query.top, defaultTop), 100_000) };
}
