import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** Express 4 does not catch a rejected handler: this hands the rejection to the error middleware. */
export function route(handler: (req: Request, res: Response, next: NextFunction) => Promise<unknown>): RequestHandler {
  return (req, res, next) => {
    handler(req, res, next).catch(next);
  };
}
